"""The log file support asks for: ``logs/service-center.log`` in the data folder, for the desktop app
and the command line alike, rotated at 1 MB with five older files kept.

The console keeps showing only warnings and errors, one line each; the file also holds what
happened (sign-ins, sign-outs, migrations) and every traceback.
"""

from __future__ import annotations

import logging
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.config import log_file_path

MAX_BYTES = 1_000_000
FILES_KEPT = 5
FILE_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"
CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"


def start_logging() -> Path:
    """Send the program's log to the data folder's log file; returns the file's path.

    Safe to call again (the command line runs in-process in tests): the file handler follows
    the data folder and is never added twice."""
    root = logging.getLogger()
    if not root.handlers:
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter(CONSOLE_FORMAT))
        root.addHandler(console)
    path = log_file_path()
    _attach_file(root, path)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # a line per plugin at every start
    return path


def current_log_file() -> Path | None:
    handler = _file_handler(logging.getLogger())
    return Path(handler.baseFilename) if handler else None


def _attach_file(root: logging.Logger, path: Path) -> None:
    existing = _file_handler(root)
    if existing is not None:
        if Path(existing.baseFilename) == path.resolve():
            return
        root.removeHandler(existing)
        existing.close()
    # delay: the file is opened at the first line, so a read-only start leaves no empty file behind.
    handler = SharedRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=FILES_KEPT, encoding="utf-8",
                                        delay=True)
    handler.set_name(__name__)
    handler.setFormatter(logging.Formatter(FILE_FORMAT))
    root.addHandler(handler)


def _file_handler(root: logging.Logger) -> RotatingFileHandler | None:
    return next((h for h in root.handlers if h.get_name() == __name__), None)


class SharedRotatingFileHandler(RotatingFileHandler):
    """Rotates like its parent, but when another process holds the file (the desktop app and a
    command, or two windows, on Windows) the rename fails: keep appending and try again later
    instead of losing every line until that process ends."""

    RETRY_SECONDS = 60.0
    _blocked_until = 0.0

    def shouldRollover(self, record) -> bool:
        return time.monotonic() >= self._blocked_until and super().shouldRollover(record)

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            self._blocked_until = time.monotonic() + self.RETRY_SECONDS
            if self.stream is None:
                self.stream = self._open()

