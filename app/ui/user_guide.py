"""Help → User guide: the guide shipped with the program (``app/docs/user-guide.md``, package data,
so an installed or frozen build finds it too) in a window beside the work. It is our own text, so
it is drawn as Markdown."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

GUIDE = "docs/user-guide.md"


def guide_text() -> str:
    return resources.files("app").joinpath(GUIDE).read_text(encoding="utf-8")


class UserGuideWindow(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowFlag(Qt.Window)  # a window of its own, closed with the main window
        self.setWindowTitle(self.tr("User guide — Service Center Suite"))
        self.resize(820, 720)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)


def open_user_guide(window) -> UserGuideWindow:
    """Show the guide, reusing the window already open for ``window``."""
    guide = getattr(window, "_user_guide", None)
    if guide is None:
        guide = window._user_guide = UserGuideWindow(window)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide
