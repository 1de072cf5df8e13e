"""Long work off the GUI thread: a QRunnable with progress, result, error and cancel."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import UserError
from app.ui.plain_text import plain_label

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    progress = Signal(str, float)
    finished = Signal(object)
    failed = Signal(str)


class Worker(QRunnable):
    """Runs ``fn(progress, cancelled)`` in the thread pool; ``cancel()`` asks it to stop."""

    def __init__(self, fn: Callable[[Callable[[str, float], None], Callable[[], bool]], object]):
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self.cancelled)
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # shown to the user, never swallowed, and in the log file for support
            log.exception("background work failed")
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(result)


def start(worker: Worker) -> Worker:
    QThreadPool.globalInstance().start(worker)
    return worker


def run_with_progress(parent: QWidget, title: str, fn, on_done: Callable[[object], None],
                      on_error: Callable[[str], None]) -> Worker:
    """A modal progress dialog with a Cancel button around ``fn`` running in a worker."""
    dialog = QProgressDialog(parent)  # with Qt's own Cancel button, in the user's language
    dialog.setRange(0, 1000)
    dialog.setWindowTitle(title)
    dialog.setLabel(plain_label(title))  # the stages may quote a file name or a record
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = Worker(fn)
    dialog.canceled.connect(worker.cancel)

    def progress(stage: str, fraction: float) -> None:
        dialog.setLabelText(stage)
        dialog.setValue(int(max(0.0, min(1.0, fraction)) * 1000))

    def finish(result) -> None:
        dialog.close()
        on_done(result)

    def fail(message: str) -> None:
        dialog.close()
        on_error(message)

    worker.signals.progress.connect(progress)
    worker.signals.finished.connect(finish)
    worker.signals.failed.connect(fail)
    dialog.show()
    return start(worker)
