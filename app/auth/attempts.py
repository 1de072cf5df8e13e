"""Sign-in attempts are counted before a password is checked, and signing in needs no write lock.

Every attempt takes a ticket first. One short write transaction adds it to the user's
``failed_logins`` (attempts since the last success) and, at the last allowed one, locks the
account in the same UPDATE. However many attempts run at once, on either database, only
``MAX_FAILED_LOGINS`` of them reach the slow password check per lock. A success clears the count.

A long writer elsewhere must not stop people from signing in: an import on SQLite holds the
file's write lock, and on PostgreSQL every writer of a synced table holds the change counter
that a write to ``core_users`` needs too. So a ticket's write waits only ``WRITE_WAIT_MS``. When
the database stays busy, the ticket is counted in this process against the count the database
last stored, and what the database lacks (attempts, a lock, a reset after a success) is written
by the next write that gets through: the next attempt on that account, or ``flush``, which the
shell runs periodically. While the database is busy, each running program allows at most the
attempts left in the stored count; on SQLite a second program would need the file itself, and
with it the hashes.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, case, literal, or_, select, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.auth.models import User
from app.clock import utcnow
from app.db.engine import SQLITE_BUSY_TIMEOUT_MS

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
WRITE_WAIT_MS = 1500
# After a write found the database busy, attempts are counted here without trying again for a
# while, so a burst of attempts during an import does not wait WRITE_WAIT_MS each.
BUSY_RETRY_SECONDS = 5.0

_users = User.__table__
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_PG_LOCK_NOT_AVAILABLE, _PG_DEADLOCK = "55P03", "40P01"


@dataclass(frozen=True)
class Ticket:
    """Leave to check one password. ``locked_until`` is set when this attempt locked the account."""

    user_id: uuid.UUID
    attempt: int
    locked_until: datetime | None = None

    @property
    def attempts_left(self) -> int:
        return MAX_FAILED_LOGINS - self.attempt


class AccountLocked(Exception):
    def __init__(self, until: datetime | None):
        super().__init__(until)
        self.until = until


@dataclass
class _Unstored:
    """What this process counted for one user that the database does not hold yet."""

    attempts: int = 0
    replaces_stored: bool = False  # a success or a lock happened here: the stored count is stale
    locked_until: datetime | None = None

    @property
    def pending(self) -> bool:
        return self.attempts > 0 or self.replaces_stored


@dataclass
class _Counter:
    """The attempts of one database as seen by this process."""

    guard: threading.Lock = field(default_factory=threading.Lock)
    user_locks: dict[uuid.UUID, threading.Lock] = field(default_factory=dict)
    unstored: dict[uuid.UUID, _Unstored] = field(default_factory=dict)
    busy_until: float = 0.0

    def lock_for(self, user_id: uuid.UUID) -> threading.Lock:
        with self.guard:
            return self.user_locks.setdefault(user_id, threading.Lock())

    def database_busy(self) -> bool:
        return time.monotonic() < self.busy_until

    def note_busy(self) -> None:
        self.busy_until = time.monotonic() + BUSY_RETRY_SECONDS

    def note_written(self) -> None:
        self.busy_until = 0.0


_counters: dict[tuple, _Counter] = {}
_counters_guard = threading.Lock()


def take_ticket(engine: Engine, user_id: uuid.UUID) -> Ticket:
    """Count one attempt before its password is checked; ``AccountLocked`` when none is left."""
    counter = _counter(engine)
    with counter.lock_for(user_id):
        unstored = counter.unstored.get(user_id, _Unstored())
        now = utcnow()
        if not counter.database_busy():
            def count(connection: Connection) -> Ticket | datetime | None:
                _store(connection, user_id, unstored, now)
                return _count_stored(connection, user_id, now)

            outcome = _write(counter, engine, count)
            if outcome is not _BUSY:
                counter.unstored.pop(user_id, None)
                if isinstance(outcome, Ticket):
                    return outcome
                raise AccountLocked(outcome)
        return _count_here(engine, counter, user_id, unstored, now)


def succeeded(engine: Engine, ticket: Ticket, new_hash: str | None = None) -> None:
    """The password was right: clear the count (and store an upgraded hash) if the database lets us
    now, else remember to. The sign-in itself never waits for this."""
    counter = _counter(engine)
    values = {"failed_logins": 0, "locked_until": None} | ({"password_hash": new_hash} if new_hash else {})
    with counter.lock_for(ticket.user_id):
        if not counter.database_busy():
            row = _users.c.id == ticket.user_id
            if _write(counter, engine, lambda c: c.execute(update(_users).where(row).values(**values))) is not _BUSY:
                counter.unstored.pop(ticket.user_id, None)
                return
        counter.unstored[ticket.user_id] = _Unstored(replaces_stored=True)


def flush(engine: Engine) -> int:
    """Write what this process counted while the database was busy; returns the users written.

    Runs off the sign-in path (the shell's periodic jobs), so it tries even while sign-ins skip
    the database, and stops at the first write the database still refuses."""
    counter = _counter(engine)
    written = 0
    # list() copies in one step, while other threads may be adding users
    waiting = [user_id for user_id, state in list(counter.unstored.items()) if state.pending]
    for user_id in waiting:
        with counter.lock_for(user_id):
            unstored = counter.unstored.get(user_id)
            if unstored is None or not unstored.pending:
                continue
            if _write(counter, engine, lambda c: _store(c, user_id, unstored, utcnow())) is _BUSY:
                break
            counter.unstored.pop(user_id, None)
            written += 1
    return written


def unstored_users(engine: Engine) -> set[uuid.UUID]:
    """Users whose attempts this process holds and the database does not (yet)."""
    return {u for u, state in list(_counter(engine).unstored.items()) if state.pending}


def is_busy(exc: DBAPIError) -> bool:
    """The database refused because another transaction holds a lock (not a broken database)."""
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return getattr(orig, "sqlstate", None) in (_PG_LOCK_NOT_AVAILABLE, _PG_DEADLOCK)


# ------------------------------------------------------------------ in the database


def _store(connection: Connection, user_id: uuid.UUID, unstored: _Unstored, now: datetime) -> None:
    """Bring the stored count up to what this process counted while the database was busy."""
    row = _users.c.id == user_id
    if unstored.replaces_stored:
        connection.execute(update(_users).where(row).values(failed_logins=unstored.attempts,
                                                           locked_until=unstored.locked_until))
    elif unstored.attempts:
        connection.execute(update(_users).where(row, _open(now)).values(**_added(unstored.attempts, now)))


def _count_stored(connection: Connection, user_id: uuid.UUID, now: datetime) -> Ticket | datetime | None:
    """One atomic UPDATE: count the attempt unless the account is locked, lock it at the last."""
    stmt = (update(_users).where(_users.c.id == user_id, _open(now)).values(**_added(1, now))
            .returning(_users.c.failed_logins, _users.c.locked_until))
    counted = connection.execute(stmt).first()
    if counted is None:
        return connection.execute(select(_users.c.locked_until).where(_users.c.id == user_id)).scalar()
    if counted.locked_until is not None:
        return Ticket(user_id, MAX_FAILED_LOGINS, counted.locked_until)
    return Ticket(user_id, counted.failed_logins)


def _open(now: datetime):
    return or_(_users.c.locked_until.is_(None), _users.c.locked_until <= now)


def _added(attempts: int, now: datetime) -> dict:
    total = _users.c.failed_logins + attempts
    reaches_limit = total >= MAX_FAILED_LOGINS
    lock_end = literal(now + timedelta(minutes=LOCK_MINUTES), _users.c.locked_until.type)
    # A lock starts a new count: it is the lock, not the counter, that now refuses attempts.
    return {"failed_logins": case((reaches_limit, 0), else_=total),
            "locked_until": case((reaches_limit, lock_end), else_=None)}


_BUSY = object()


def _write(counter: _Counter, engine: Engine, work: Callable[[Connection], Any]) -> Any:
    """``work(connection)`` in a short write transaction, or ``_BUSY`` if the database stayed locked."""
    try:
        with _short_write(engine) as connection:
            result = work(connection)
    except DBAPIError as exc:
        if not is_busy(exc):
            raise
        counter.note_busy()
        return _BUSY
    counter.note_written()
    return result


@contextmanager
def _short_write(engine: Engine) -> Iterator[Connection]:
    """A write transaction that waits at most WRITE_WAIT_MS for another writer's lock."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _sqlite_busy_timeout(connection, WRITE_WAIT_MS)
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.exec_driver_sql(f"SET LOCAL lock_timeout = {WRITE_WAIT_MS}")
                yield connection
        finally:
            if sqlite:
                _restore_busy_timeout(connection)


def _sqlite_busy_timeout(connection: Connection, milliseconds: int) -> None:
    # On the driver's connection: a PRAGMA through SQLAlchemy would begin a transaction.
    connection.connection.driver_connection.execute(f"PRAGMA busy_timeout={int(milliseconds)}")


def _restore_busy_timeout(connection: Connection) -> None:
    """Back to the engine's wait before the connection returns to the pool; a connection that
    cannot be reset is dropped rather than handed to the next user with a short wait."""
    try:
        _sqlite_busy_timeout(connection, SQLITE_BUSY_TIMEOUT_MS)
    except (sqlite3.Error, SQLAlchemyError):
        connection.invalidate()


# ------------------------------------------------------------------ in this process


def _count_here(engine: Engine, counter: _Counter, user_id: uuid.UUID, unstored: _Unstored,
                now: datetime) -> Ticket:
    """The database is busy: count against its last stored count plus what this process holds."""
    stored_count, stored_lock = 0, None
    if not unstored.replaces_stored:
        with engine.connect() as connection:
            row = connection.execute(select(_users.c.failed_logins, _users.c.locked_until)
                                     .where(_users.c.id == user_id)).first()
        if row is not None:
            stored_count, stored_lock = row.failed_logins, row.locked_until
    lock = max((t for t in (stored_lock, unstored.locked_until) if t is not None and t > now), default=None)
    if lock is not None:
        raise AccountLocked(lock)
    if stored_lock is not None:  # an expired lock: the count started again when it was set
        stored_count = 0
    attempt = stored_count + unstored.attempts + 1
    if attempt >= MAX_FAILED_LOGINS:
        until = now + timedelta(minutes=LOCK_MINUTES)
        counter.unstored[user_id] = _Unstored(replaces_stored=True, locked_until=until)
        return Ticket(user_id, MAX_FAILED_LOGINS, until)
    counter.unstored[user_id] = _Unstored(unstored.attempts + 1, unstored.replaces_stored, unstored.locked_until)
    return Ticket(user_id, attempt)


def _counter(engine: Engine) -> _Counter:
    with _counters_guard:
        return _counters.setdefault(_database_key(engine), _Counter())


def _database_key(engine: Engine) -> tuple:
    """Engines on the same database share one count (a SQLite file however its path is spelt)."""
    url = engine.url
    database = url.database or ""
    if url.get_backend_name() == "sqlite" and database not in ("", ":memory:"):
        database = str(Path(database).resolve())
    return url.get_backend_name(), url.host, url.port, database
