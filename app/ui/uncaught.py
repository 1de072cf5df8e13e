"""An error nobody caught, in the desktop app: the traceback goes to the log file, the user gets a
plain message saying where it is, and the app carries on (a Qt slot's exception would otherwise
only reach a console nobody sees)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from app.ui.plain_text import message_box

log = logging.getLogger(__name__)
_notice: QMessageBox | None = None


def install() -> None:
    sys.excepthook = report


def report(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.critical("uncaught error", exc_info=(exc_type, exc, tb))
    _show_notice()


def _show_notice() -> QMessageBox | None:
    """One notice at a time: an error repeating in a loop must not pile up boxes."""
    global _notice
    if not isinstance(QApplication.instance(), QApplication):
        return None
    if _notice is not None and isValid(_notice) and _notice.isVisible():
        return _notice
    from app.config import log_file_path
    from app.log_file import current_log_file

    text = QCoreApplication.translate(
        "UncaughtError", "Something went wrong and the last step may not have been completed. The details were "
                         "written to the log file:\n{path}\n\nIf it happens again, send that file to support."
    ).format(path=current_log_file() or log_file_path())
    _notice = message_box(QApplication.activeWindow(), QMessageBox.Critical,
                          QCoreApplication.translate("UncaughtError", "Unexpected error"), text)
    _notice.open()
    return _notice
