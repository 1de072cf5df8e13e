"""Opens everything a user can open from a window and collects every text it shows.

``Explorer(allowed, folder).explore(window)`` walks the window's visible widgets, clicks each enabled
button, opens the first row of each list, triggers each menu action, and does the same inside every
window and dialog that appears (modal ``exec()`` calls are intercepted, shown, explored and
cancelled; "open" file dialogs answer "no file", "save as" ones a new file in ``folder``, so exports
run to their end). Every visible text met on the way (window
titles, labels, buttons, tooltips, placeholders, column titles, tab, group and combo texts,
menus, message boxes, chart titles, progress stages, file dialog captions and filters) is judged:
a text is *foreign* when it holds a Latin word that is not in ``allowed``. ``explorer.foreign``
lists them with where they were seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

import shiboken6
from PySide6 import QtPrintSupport, QtWidgets
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QModelIndex, Qt, QThreadPool
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox,
                               QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QLabel, QLineEdit, QMainWindow,
                               QMenu, QMessageBox, QPlainTextEdit, QProgressDialog, QPushButton, QTabBar, QTableView,
                               QTextEdit, QToolBox, QToolButton, QWidget)

# A word: two or more Latin letters standing alone ("BJ-P01" holds "BJ"; "P01", "demo1" hold none).
WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z]{2,}(?![A-Za-z0-9_])")
# Latin that is data, not language: markup, file patterns "(*.xlsx)", URLs, absolute paths, logins
# "admin@HQ", time zones "Asia/Shanghai", codes "BJ-P01" / "CERT-BJ-2026-000012", keys "Ctrl+E",
# file extensions, key fingerprints, commands.
NOT_WORDS = re.compile("|".join((
    r"<[^>]+>|&[a-z]+;",
    r"\([^)]*\*[^)]*\)",
    r"[a-z][a-z0-9+.-]*://\S*",
    r"(?:(?<=\s)|^|(?<=[：:（(]))(?:[A-Za-z]:)?[/\\][^\s，。；、）)]*",
    r"[\w.-]+@[\w.-]+",
    r"\b[A-Z][a-z]+(?:/[A-Za-z_+-]+)+",
    r"(?<![\w-])[A-Z0-9]+(?:-[A-Z0-9]+)+(?![\w-])",
    r"\b(?:Ctrl|Shift|Alt|Meta)\+\S+",
    r"(?<=\S)\.[a-z][a-z0-9]{1,7}\b",                  # a file name's extension: "客户 2026-11-27.xlsx"
    r"[A-Za-z0-9_+/=-]{20,}",                          # keys and fingerprints
    r"\bservice-center(?: [a-z][a-z-]*)*",             # a command to type
)))
MAX_DEPTH = 3        # page → dialog or window → dialog → message: deeper is only read, not clicked
MAX_CLICKS = 40      # per window; buttons that re-flow after a click are met again under their new text


def foreign_words(text: str, allowed: set[str]) -> list[str]:
    """The Latin words of ``text`` that are not allowed (markup and file patterns left out)."""
    text = NOT_WORDS.sub(" ", text or "")
    return [word for word in WORD.findall(text) if word not in allowed and word.lower() not in allowed]


def settle() -> None:
    """Let background workers finish and deliver their results to the GUI thread."""
    app = QApplication.instance()
    for _ in range(3):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20_000)
    app.processEvents()


def _alive(obj) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget is top or widget.isVisibleTo(top)


# ------------------------------------------------------------------ reading a window


def _action_texts(actions, where: str) -> Iterator[tuple[str, str]]:
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        yield f"{where} action", action.text()
        yield f"{where} action tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), where)


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} menu", menu.title()
    yield from _action_texts(menu.actions(), where)


def _model_headers(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = QAbstractItemView.model(view)
    header = view.horizontalHeader() if isinstance(view, QTableView) else getattr(view, "header", lambda: None)()
    if model is None or header is None or header.isHidden():
        return
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        for role, kind in ((Qt.DisplayRole, "column title"), (Qt.ToolTipRole, "column tooltip")):
            value = model.headerData(column, Qt.Horizontal, role)
            if isinstance(value, str):
                yield kind, value


def _chart_texts(widget) -> Iterator[tuple[str, str]]:
    chart = QChartView.chart(widget)
    yield "chart title", chart.title()
    for axis in chart.axes():
        yield "chart axis", axis.titleText()
    for series in chart.series():
        yield "chart series", series.name()


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(kind, text) of everything ``widget`` itself shows (its children are read separately)."""
    kind = type(widget).__name__
    yield f"{kind} tooltip", QWidget.toolTip(widget)
    if isinstance(widget, QLabel):
        yield kind, QLabel.text(widget)
    elif isinstance(widget, QAbstractButton):
        yield kind, QAbstractButton.text(widget)
        menu = type(widget).menu(widget) if isinstance(widget, (QPushButton, QToolButton)) else None
        if menu is not None:
            yield from _menu_texts(menu, kind)
    elif isinstance(widget, QGroupBox):
        yield kind, QGroupBox.title(widget)
    elif isinstance(widget, QTabBar):
        for index in range(QTabBar.count(widget)):
            yield "tab", QTabBar.tabText(widget, index)
            yield "tab tooltip", QTabBar.tabToolTip(widget, index)
    elif isinstance(widget, QToolBox):
        for index in range(QToolBox.count(widget)):
            yield "tool box page", QToolBox.itemText(widget, index)
    elif isinstance(widget, QComboBox):
        for index in range(QComboBox.count(widget)):
            yield "combo item", QComboBox.itemText(widget, index)
        if QComboBox.isEditable(widget):
            yield "combo placeholder", QComboBox.lineEdit(widget).placeholderText()
    elif isinstance(widget, QLineEdit):
        yield "placeholder", QLineEdit.placeholderText(widget)
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield "placeholder", type(widget).placeholderText(widget)
    elif isinstance(widget, QAbstractSpinBox):
        yield "special value", QAbstractSpinBox.specialValueText(widget)
        for part in ("prefix", "suffix"):
            method = getattr(type(widget), part, None)
            if method is not None:
                yield f"spin {part}", method(widget)
    elif isinstance(widget, QAbstractItemView):
        yield from _model_headers(widget)
    elif isinstance(widget, QMainWindow):
        for action in QMainWindow.menuBar(widget).actions():
            if action.menu() is not None:
                yield from _menu_texts(action.menu(), "menu bar")
    elif isinstance(widget, QChartView):
        yield from _chart_texts(widget)
    if isinstance(widget, QMessageBox):
        yield "message", QMessageBox.text(widget)
        yield "message detail", QMessageBox.informativeText(widget)
        yield "message detail", QMessageBox.detailedText(widget)
    yield from _action_texts(QWidget.actions(widget), kind)


def window_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(kind, text) of every visible part of the window ``top``."""
    yield "window title", QWidget.windowTitle(top)
    for widget in [top, *top.findChildren(QWidget)]:
        if _alive(widget) and _shown(widget, top):
            yield from widget_texts(widget)


# ------------------------------------------------------------------ walking through a window


class Explorer:
    def __init__(self, allowed: Iterable[str], save_folder: Path, data: Iterable[str] = ()):
        self.allowed = set(allowed)
        self.data = set(data)  # whole texts that are data (time zone names in a zone picker…)
        self.save_folder = save_folder  # where "save as" dialogs answer, so exports run to their end
        self.saved = 0
        self.foreign: dict[str, set[str]] = {}   # text -> where it was seen
        self.done: set[tuple] = set()           # clicks already made (the same button in the same window)
        self.path: list[str] = []
        self.windows_seen: set[str] = set()     # class names of the windows and dialogs read

    # -- judging

    def judge(self, kind: str, text: str) -> None:
        if text and text not in self.data and foreign_words(text, self.allowed):
            self.foreign.setdefault(text.strip(), set()).add(" › ".join([*self.path, kind]))

    def read(self, top: QWidget) -> None:
        self.windows_seen.add(type(top).__name__)
        for kind, text in window_texts(top):
            self.judge(kind, text)

    def report(self) -> str:
        return "\n".join(f"{text!r}\n    seen in {sorted(where)[0]}" for text, where in sorted(self.foreign.items()))

    # -- intercepting what would block

    @contextmanager
    def intercepting(self) -> Iterator[None]:
        """Modal dialogs, menus and file dialogs are explored instead of waiting for a user."""
        with ExitStack() as stack:
            for cls in _dialog_classes():
                stack.enter_context(mock.patch.object(cls, "exec", lambda dialog, *a: self._modal(dialog)))
            stack.enter_context(mock.patch.object(QMenu, "exec", lambda menu, *a, **k: self._menu(menu)))
            stack.enter_context(mock.patch.object(QMenu, "popup", lambda menu, *a, **k: self._menu(menu)))
            for name in ("getOpenFileName", "getOpenFileNames"):
                stack.enter_context(mock.patch.object(QFileDialog, name, self._file_dialog))
            stack.enter_context(mock.patch.object(QFileDialog, "getExistingDirectory",
                                                  lambda *a, **k: self._file_dialog(*a, **k)[0]))
            stack.enter_context(mock.patch.object(QFileDialog, "getSaveFileName", self._save_dialog))
            label_text, show = QProgressDialog.setLabelText, QProgressDialog.show
            stack.enter_context(mock.patch.object(
                QProgressDialog, "setLabelText",
                lambda dialog, text: (self.judge("progress", text), label_text(dialog, text))[-1]))
            stack.enter_context(mock.patch.object(
                QProgressDialog, "show", lambda dialog: (show(dialog), self._read_as(dialog, "progress dialog"))[0]))
            yield

    def _modal(self, dialog: QDialog) -> int:
        dialog.show()
        settle()
        self._enter(dialog, f"{type(dialog).__name__} {dialog.windowTitle()}")
        result = QDialog.result(dialog)  # a dialog may keep its own "result" attribute
        if dialog.isVisible():
            dialog.reject() if not isinstance(dialog, QMessageBox) else dialog.hide()
            result = QDialog.Rejected
        return result

    def _menu(self, menu: QMenu):
        self.path.append("context menu")
        for kind, text in _menu_texts(menu, "context"):
            self.judge(kind, text)
        self.path.pop()
        return None

    def _file_dialog(self, parent=None, caption="", directory="", filter="", *args, **kwargs):  # noqa: A002
        self.judge("file dialog title", caption or kwargs.get("caption", ""))
        self.judge("file dialog filter", filter or kwargs.get("filter", ""))
        return "", ""

    def _save_dialog(self, parent=None, caption="", directory="", filter="", *args, **kwargs):  # noqa: A002
        self._file_dialog(parent, caption, directory, filter, **kwargs)
        self.saved += 1
        name = Path(directory or kwargs.get("dir", "") or "file").name
        return str(self.save_folder / f"{self.saved:03d}-{name}"), filter

    def _read_as(self, top: QWidget, label: str) -> None:
        self.path.append(label)
        self.read(top)
        self.path.pop()

    def run(self, action, label: str) -> None:
        """Do ``action`` (a first start, a lock…) and explore what it opens."""
        with self.intercepting():
            self.path.append(label)
            try:
                self._watch(None, action, ("run", label))
            finally:
                self.path.pop()

    # -- exploring

    def explore(self, top: QWidget, label: str = "") -> None:
        """Read ``top``, then open everything it offers, to ``MAX_DEPTH``."""
        with self.intercepting():
            self._enter(top, label or type(top).__name__)

    def _enter(self, top: QWidget, label: str) -> None:
        self.path.append(label)
        try:
            settle()  # what the window loads in the background
            self.read(top)
            if len(self.path) <= MAX_DEPTH and not _qt_own_dialog(top):
                self._open_first_rows(top)
                self._click_everything(top)
                self._trigger_menus(top)
        finally:
            self.path.pop()

    def _watch(self, top: QWidget, action, key: tuple) -> None:
        """Do ``action``, then explore and close every window it opened."""
        if key in self.done:
            return
        self.done.add(key)
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        action()
        settle()
        if _alive(top) and top.isVisible():
            self.read(top)
        for window in [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]:
            if not _alive(window) or isinstance(window, QMenu):
                continue
            self._enter(window, f"{type(window).__name__} {window.windowTitle()}")
            if _alive(window):
                window.close()
        settle()

    def _key(self, top: QWidget, what: str) -> tuple:
        return (len(self.path), type(top).__name__, what)

    def _open_first_rows(self, top: QWidget) -> None:
        for view in top.findChildren(QAbstractItemView):
            if not (_alive(view) and _shown(view, top)) or view.model() is None or view.model().rowCount() == 0:
                continue
            index = view.model().index(0, 0, QModelIndex())
            view.setCurrentIndex(index)
            settle()
            name = view.objectName() or type(view.model()).__name__
            # each user's first record differs (their scope, their state): opened for everyone
            self._watch(top, lambda v=view, i=index: _alive(v) and v.doubleClicked.emit(i),
                        (*self._key(top, f"open first row of {name}"), self.path[0]))

    def _click_everything(self, top: QWidget) -> None:
        for _ in range(MAX_CLICKS):
            if not (_alive(top) and top.isVisible()):
                return
            button = next((b for b in self._buttons(top) if self._key(top, _button_name(b)) not in self.done), None)
            if button is None:
                return
            key = self._key(top, _button_name(button))
            self.path.append(_button_name(button))
            try:
                self._watch(top, lambda b=button: _alive(b) and b.click(), key)
            finally:
                self.path.pop()

    def _buttons(self, top: QWidget) -> list[QAbstractButton]:
        found = []
        for button in top.findChildren(QAbstractButton):
            if not (_alive(button) and _shown(button, top) and button.isEnabled()):
                continue
            if not isinstance(button, (QPushButton, QToolButton)) or button.menu() is not None:
                continue  # check boxes only filter; a button's menu is read, not popped up
            if _in_qt_chrome(button) or _cancels(button):
                continue
            found.append(button)
        return found

    def _trigger_menus(self, top: QWidget) -> None:
        menus = []
        if isinstance(top, QMainWindow):
            menus = [a.menu() for a in top.menuBar().actions() if a.menu() is not None]
        menus += [b.menu() for b in top.findChildren(QAbstractButton)
                  if isinstance(b, (QPushButton, QToolButton)) and b.menu() is not None and _shown(b, top)]
        for menu in menus:
            for action in list(menu.actions()):
                if not _alive(action) or action.isSeparator() or not action.isEnabled() or action.menu():
                    continue
                if action.objectName() in getattr(top, "explorer_skips", ()):
                    continue
                key = self._key(top, f"action {action.objectName() or action.text()}")
                self.path.append(action.text())
                try:
                    self._watch(top, lambda a=action: _alive(a) and a.trigger(), key)
                finally:
                    self.path.pop()


def _qt_own_dialog(top: QWidget) -> bool:
    """Qt's message box, file, print and other dialogs: read, never driven (their buttons print,
    create folders, or only close them)."""
    return isinstance(top, QDialog) and type(top) is not QDialog and type(top).__module__.startswith("PySide6")


def _button_name(button: QAbstractButton) -> str:
    return button.text() or button.objectName() or button.toolTip() or type(button).__name__


def _cancels(button: QAbstractButton) -> bool:
    """A dialog's Cancel or Close: it only closes what is being explored."""
    box = button.parentWidget()
    return isinstance(box, QDialogButtonBox) and box.buttonRole(button) in (
        QDialogButtonBox.RejectRole, QDialogButtonBox.DestructiveRole)


def _in_qt_chrome(button: QAbstractButton) -> bool:
    """Buttons Qt draws inside its own widgets (a calendar's month arrows, a tab bar's scroll arrows)."""
    parent = button.parentWidget()
    while parent is not None:
        if type(parent).__module__.startswith("PySide6") and isinstance(
                parent, (QtWidgets.QCalendarWidget, QTabBar)):
            return True
        parent = parent.parentWidget()
    return False


def _dialog_classes() -> list[type]:
    """Qt's dialog classes that define their own ``exec`` (each must be intercepted by name)."""
    classes = []
    for module in (QtWidgets, QtPrintSupport):
        for name in dir(module):
            cls = getattr(module, name)
            if isinstance(cls, type) and issubclass(cls, QDialog) and "exec" in cls.__dict__:
                classes.append(cls)
    return classes
