"""One workstation, several people: what locking, signing out and quitting do to the windows
the app opened beside the main window (ticket windows, dialogs, the user guide).

- Quitting and signing out close them all: nothing of the session stays open or readable, and
  once the main window goes no window is left to keep the process alive.
- Locking closes the dialogs (a half-typed form must not stay readable behind the lock) and hides
  the other windows, which come back when the same user unlocks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from shiboken6 import isValid

IDLE_POLL_MS = 200


def other_windows(keep: QWidget) -> list[QWidget]:
    """Every window shown besides ``keep`` (dialogs, ticket windows, popups)."""
    return [w for w in QApplication.topLevelWidgets() if w is not keep and w.isVisible()]


def close_other_windows(keep: QWidget) -> bool:
    """Close every window shown besides ``keep``; False if one of them refused to close."""
    return all(window.close() for window in other_windows(keep))


def set_aside_other_windows(keep: QWidget) -> list[QWidget]:
    """Close the dialogs and popups shown besides ``keep`` and hide its other windows; returns the
    hidden ones, for ``bring_back`` after an unlock (or ``close_all`` after a sign-out)."""
    hidden = []
    for window in other_windows(keep):
        # a progress dialog closed would cancel its work (an export left running over lunch)
        if window.windowType() == Qt.Window or isinstance(window, QProgressDialog):
            window.hide()
            hidden.append(window)
        else:
            window.close()
    return hidden


def bring_back(windows: list[QWidget]) -> None:
    for window in windows:
        if isValid(window):  # a progress dialog whose work ended meanwhile is gone
            window.show()


def close_all(windows: list[QWidget]) -> None:
    for window in windows:
        if isValid(window):
            window.close()


def delete_when_idle(widget: QWidget) -> None:
    """Delete a closed window once no worker runs: a result a worker still sends to one of its
    pages then reaches the page (hidden) before it is gone, never a deleted one."""
    if QThreadPool.globalInstance().activeThreadCount():
        QTimer.singleShot(IDLE_POLL_MS, lambda: delete_when_idle(widget))
    else:
        widget.deleteLater()


def sign_in_anyone(ctx, parent: QWidget):
    """The sign-in of this node for any of its users; the signed-in Actor, or None for Quit."""
    from app.ui.application import node_code
    from app.ui.login_dialog import LoginDialog

    dialog = LoginDialog(ctx, node_code(ctx), parent)
    accepted = dialog.exec() == LoginDialog.Accepted
    dialog.deleteLater()
    return dialog.actor if accepted else None
