"""Confirmations in GUI tests: answer one as the user would, and never let one hang the suite.

A confirmation (``app.ui.plain_text.confirm``) is a modal box; a test that clicks a step which asks
first answers it before clicking:

    answer_confirmation(yes=True, seen=texts)   # then click; ``texts`` gets what the box said
    window.buttons["close"].click()

``answer_message(seen)`` reads and closes the next plain message box (a refusal) the same way.

``unanswered_confirmations_fail`` (autouse in tests/conftest.py) closes a confirmation nobody
answers within a few seconds (as "Cancel") and fails the test, instead of waiting for ever.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.ui.plain_text import CONFIRM_ACTION, CONFIRM_CANCEL, CONFIRMATION

POLL_MS = 10
GIVE_UP_AFTER = 300  # polls (3 s): a click that never asks must not answer a later test's box
WATCHDOG_MS = 5000


def open_confirmation() -> QMessageBox | None:
    return next((widget for widget in QApplication.topLevelWidgets()
                 if widget.objectName() == CONFIRMATION and widget.isVisible()), None)


def answer_confirmation(yes: bool = True, seen: list | None = None) -> None:
    """Answer the next confirmation that opens: its commit button (``yes``) or Cancel. ``seen``
    collects (title, text, commit button text)."""
    polls = [0]

    def click() -> None:
        box = open_confirmation()
        if box is None:
            polls[0] += 1
            if polls[0] < GIVE_UP_AFTER:
                QTimer.singleShot(POLL_MS, click)
            return
        commit = box.findChild(QPushButton, CONFIRM_ACTION)
        if seen is not None:
            seen.append((box.windowTitle(), box.text(), commit.text()))
        (commit if yes else box.findChild(QPushButton, CONFIRM_CANCEL)).click()

    QTimer.singleShot(0, click)


def answer_message(seen: list) -> None:
    """Read the next plain message box (a refusal, a notice) into ``seen`` and close it."""
    polls = [0]

    def close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() == CONFIRMATION:
            polls[0] += 1
            if polls[0] < GIVE_UP_AFTER:
                QTimer.singleShot(POLL_MS, close)
            return
        seen.append((box.windowTitle(), box.text()))
        box.done(QMessageBox.Ok)

    QTimer.singleShot(0, close)


def install_watchdog(monkeypatch) -> list[str]:
    """Every confirmation gets a deadline; the texts of those nobody answered are returned."""
    unanswered: list[str] = []
    original = QMessageBox.exec

    def guarded(box):
        if box.objectName() == CONFIRMATION:
            def expire() -> None:
                if box.isVisible():
                    unanswered.append(box.text())
                    box.findChild(QPushButton, CONFIRM_CANCEL).click()
            QTimer.singleShot(WATCHDOG_MS, box, expire)  # bound to the box: gone with it
        return original(box)

    monkeypatch.setattr(QMessageBox, "exec", guarded)
    return unanswered
