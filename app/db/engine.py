"""Engines and sessions for any SQLAlchemy URL; SQLite gets WAL, foreign keys, busy timeout."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from app.db import append_only
from app.db.failures import explain_failures
from app.db.usage_lock import hold_while_connected
from app.errors import UserError
from app.i18n import translate

SQLITE_BUSY_TIMEOUT_MS = 10_000


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine, turning a malformed URL into a ``UserError``."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UserError(translate("Database", "Not a database URL: {url}").format(url=url)) from None
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            raise UserError(
                translate("Database", "The folder {folder} does not exist.").format(folder=folder)
            )
    # Bound values stay out of exception and log text: they can hold a new user's password hash.
    kwargs.setdefault("hide_parameters", True)
    try:
        engine = create_engine(parsed, **kwargs)
    except NoSuchModuleError:
        raise UserError(
            translate("Database", "Unsupported database type: {name}").format(name=parsed.drivername)
        ) from None
    append_only.explain_refusals(engine)
    explain_failures(engine)  # a full disk or a lock held too long: one clear line
    if engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgresql_settings)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        hold_while_connected(engine)  # a restore must never swap the file under an open connection
    return engine


def _postgresql_settings(dbapi_connection, _record) -> None:
    # The program's queries are short; compiling the larger ones (the period figures) to machine
    # code costs more than it saves (about 0.4 s of a 1 s dashboard at 2,000,000 tickets).
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    dbapi_connection.commit()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).as_posix()}"


def describe(engine: Engine) -> str:
    """The database as shown in the status bar, without a password."""
    return engine.url.render_as_string(hide_password=True)
