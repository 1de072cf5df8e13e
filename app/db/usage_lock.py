"""Who has an embedded database open.

Every engine on a SQLite file holds a shared lock on ``<file>.lock`` while it has a connection
open, and takes it before the file itself is opened; a restore takes the same lock exclusively.
So a restore never swaps the file under a process that uses it, and a process that starts
during a restore waits for the new file instead of opening the old one.

Shared locks are what let the desktop app and a command (a sync, an export) use one database
together. portalocker gives them on both platforms: ``flock`` on POSIX, ``LockFileEx`` on
Windows. The operating system drops a process's locks when the process ends, however it ends,
so a crash never leaves the database marked as in use. The lock file itself is never deleted:
a replaced lock file would let two processes believe they each hold "the" lock.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

import portalocker
from portalocker.exceptions import AlreadyLocked, LockException
from sqlalchemy import Engine, event

from app.errors import UserError
from app.i18n import translate

# How long opening the database waits for a restore to finish before saying so.
WAIT_FOR_RESTORE_SECONDS = 30.0
_POLL_SECONDS = 0.05


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def hold_while_connected(engine: Engine) -> None:
    """Make ``engine`` hold the shared lock from its first open connection to its last close."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
        return
    hold = _SharedHold(Path(database))

    @event.listens_for(engine, "do_connect")
    def _connect_holding(dialect, _record, cargs, cparams):
        hold.enter()
        try:
            return dialect.connect(*cargs, **cparams)
        except BaseException:
            hold.leave()
            raise

    event.listen(engine, "close", lambda *_: hold.leave())
    event.listen(engine, "close_detached", lambda *_: hold.leave())


@contextmanager
def sole_user(database: Path) -> Iterator[None]:
    """Hold the lock exclusively, or refuse at once when any process has the database open."""
    handle = _acquire(database, portalocker.LockFlags.EXCLUSIVE, wait_seconds=0)
    if handle is None:
        raise UserError(in_use_message(database))
    try:
        yield
    finally:
        _release(handle)


def in_use_message(database: Path) -> str:
    return translate("Database", "{path} is in use by another program (the app, a command or a database tool): "
                                 "close it, then try again.").format(path=database)


class _SharedHold:
    """One engine's shared lock, counted over its open connections (pools open several)."""

    def __init__(self, database: Path):
        self.database = database
        self._mutex = threading.Lock()
        self._connections = 0
        self._handle: BinaryIO | None = None

    def enter(self) -> None:
        with self._mutex:
            if self._connections == 0:
                self._handle = _acquire(self.database, portalocker.LockFlags.SHARED, WAIT_FOR_RESTORE_SECONDS)
                if self._handle is None:
                    raise UserError(translate("Database", "{path} is being restored by another command; open it "
                                                          "again when that has finished.").format(path=self.database))
            self._connections += 1

    def leave(self) -> None:
        with self._mutex:
            if self._connections == 0:
                return
            self._connections -= 1
            if self._connections == 0 and self._handle is not None:
                _release(self._handle)
                self._handle = None


def _acquire(database: Path, kind: portalocker.LockFlags, wait_seconds: float) -> BinaryIO | None:
    """The open, locked lock file; None when another process holds a conflicting lock too long."""
    path = lock_path(database)
    try:
        handle = open(path, "a+b")  # noqa: SIM115 - stays open for as long as the lock is held
    except OSError as exc:
        raise UserError(translate("Database", "Cannot open the lock file {path}: {error}").format(
            path=path, error=exc.strerror or exc)) from None
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            portalocker.lock(handle, kind | portalocker.LockFlags.NON_BLOCKING)
            return handle
        except AlreadyLocked:
            if time.monotonic() >= deadline:
                handle.close()
                return None
            time.sleep(_POLL_SECONDS)
        except LockException as exc:
            handle.close()
            raise UserError(translate("Database", "Cannot lock {path}: {error}").format(path=path, error=exc)) from None


def _release(handle: BinaryIO) -> None:
    try:
        portalocker.unlock(handle)
    finally:
        handle.close()
