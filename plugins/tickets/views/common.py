"""Shared pieces of the ticket views: calls off the GUI thread, error boxes, urgency colours."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from app.errors import UserError
from app.ui.plain_text import warn
from app.ui.workers import Worker, start

URGENCY_COLOURS = {"breached": QColor("#f8d7da"), "due_soon": QColor("#fff3cd")}


def urgency_brush(urgency: str) -> QBrush | None:
    colour = URGENCY_COLOURS.get(urgency)
    return QBrush(colour) if colour is not None else None


class _Relay(QObject):
    """Lives in the GUI thread, so results of a background call are delivered there."""

    done = Signal(int, object)
    failed = Signal(int, str)


class Background:
    """Runs one function at a time off the GUI thread; a newer call supersedes an older one,
    whose late result is dropped (typing in a search field fires many)."""

    def __init__(self, owner: QObject):
        self._relay = _Relay(owner)
        self._generation = 0
        self._workers: list[Worker] = []
        self._callbacks: dict[int, tuple[Callable, Callable | None]] = {}
        self._relay.done.connect(self._deliver)
        self._relay.failed.connect(self._fail)

    def run(self, fn: Callable[[], object], on_done: Callable[[object], None],
            on_error: Callable[[str], None] | None = None) -> None:
        self._generation += 1
        generation = self._generation
        self._callbacks = {generation: (on_done, on_error)}
        relay = self._relay

        def job(_progress, _cancelled):
            try:
                relay.done.emit(generation, fn())
            except UserError as exc:
                relay.failed.emit(generation, str(exc))
            except Exception as exc:  # shown to the user
                relay.failed.emit(generation, f"{type(exc).__name__}: {exc}")

        worker = Worker(job)
        self._workers = [w for w in self._workers if not w.cancelled()][-4:] + [worker]
        start(worker)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def _deliver(self, generation: int, result: object) -> None:
        callbacks = self._callbacks.pop(generation, None)
        if callbacks:
            callbacks[0](result)

    def _fail(self, generation: int, message: str) -> None:
        callbacks = self._callbacks.pop(generation, None)
        if callbacks and callbacks[1]:
            callbacks[1](message)


def attempt(parent: QWidget, title: str, fn: Callable[[], object]) -> object | None:
    """Run a short service call; a user error becomes a message box and ``None``."""
    try:
        return fn()
    except UserError as exc:
        warn(parent, title, str(exc))
        return None
