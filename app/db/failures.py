"""Database failures a user can act on, as one translated line instead of the driver's text.

A full disk, a database another program holds locked for too long, a number too large for its
column: each reaches the user the same way on SQLite and PostgreSQL, from a form, an import or the
command line. Engines raise them as ``DatabaseFailure``, which is still the ``OperationalError`` or
``DataError`` it replaces (code that handles database errors keeps working) and a ``UserError``
(the window, the worker and the command line show its message as one line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, event
from sqlalchemy.exc import DataError, DBAPIError, OperationalError

from app.errors import UserError
from app.i18n import translate


@dataclass(frozen=True)
class Known:
    sqlstates: tuple[str, ...]  # PostgreSQL error codes
    phrases: tuple[str, ...]  # lower-case parts of SQLite's (or the server's) message
    message: Callable[[str], str]  # the database as shown to the user -> the line to show


KNOWN = (
    Known(("53100",), ("database or disk is full", "no space left on device", "could not extend file"),
          lambda db: translate("Database", "The disk holding the database {database} is full: free some space, "
                                           "then try again. The change was not saved.").format(database=db)),
    Known(("55P03", "40P01", "40001"),
          ("database is locked", "database table is locked", "could not obtain lock", "deadlock detected",
           "lock timeout", "could not serialize access"),
          lambda db: translate("Database", "The database {database} is busy with other work (an import, a demo "
                                           "fill or another user): try again in a moment. The change was not "
                                           "saved.").format(database=db)),
    Known(("22003",), ("out of range", "numeric field overflow"),
          lambda db: translate("Database", "A number is too large for the database to store. The change was "
                                           "not saved.")),
    Known(("22001",), ("value too long",),
          lambda db: translate("Database", "A text is longer than the database allows. The change was not saved.")),
    Known(("58030",), ("disk i/o error", "could not write to file", "could not read block"),
          lambda db: translate("Database", "The disk holding the database {database} failed to read or write: "
                                           "check the disk. The change was not saved.").format(database=db)),
    Known(("XX001",), ("database disk image is malformed", "file is not a database"),
          lambda db: translate("Database", "The database {database} is damaged: restore a backup.").format(
              database=db)),
    Known(("25006",), ("attempt to write a readonly database", "read-only transaction"),
          lambda db: translate("Database", "The database {database} can only be read here: check the file's "
                                           "permissions. The change was not saved.").format(database=db)),
)


class DatabaseFailure(UserError):
    """Mixed into the SQLAlchemy error it replaces; ``str()`` is the line for the user."""

    message: str

    def __str__(self) -> str:
        return self.message


class DatabaseUnusable(DatabaseFailure, OperationalError):
    """Disk full, locked, damaged or read-only."""


class ValueNotStorable(DatabaseFailure, DataError):
    """A value the column's type cannot hold."""


def explain_failures(engine: Engine) -> None:
    """Make ``engine`` raise ``DatabaseFailure`` for the failures in ``KNOWN``."""
    database = engine.url.render_as_string(hide_password=True)
    if engine.dialect.name == "sqlite":
        database = engine.url.database or database

    def explain(context):
        error = getattr(context, "chained_exception", None) or context.sqlalchemy_exception
        return as_user_error(error, database)

    event.listen(engine, "handle_error", explain, retval=True)


def as_user_error(error: BaseException | None, database: str) -> DatabaseFailure | None:
    """The ``DatabaseFailure`` for ``error``, or None when it is not one the user can act on."""
    if not isinstance(error, (OperationalError, DataError)) or isinstance(error, UserError):
        return None
    known = _match(error)
    if known is None:
        return None
    kind = ValueNotStorable if isinstance(error, DataError) else DatabaseUnusable
    failure = kind(error.statement, error.params, error.orig, hide_parameters=True,
                   connection_invalidated=error.connection_invalidated)
    failure.message = known.message(database)
    return failure


def _match(error: DBAPIError) -> Known | None:
    sqlstate = getattr(error.orig, "sqlstate", None)
    text = str(error.orig).lower()
    for known in KNOWN:
        if sqlstate in known.sqlstates or any(phrase in text for phrase in known.phrases):
            return known
    return None
