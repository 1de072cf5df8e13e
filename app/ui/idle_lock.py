"""Locks the window after the idle time set in settings; the user signs in again to continue."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

INPUT_EVENTS = {QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel}


class IdleLock(QObject):
    def __init__(self, minutes: int, on_idle, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in INPUT_EVENTS and self.minutes > 0:
            self.timer.start(self.minutes * 60_000)
        return False
