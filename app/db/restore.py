"""Restoring the embedded SQLite database from a backup, so that nothing can be lost.

Only a file that is this product's database, at a schema revision this installation knows and
with an installation set up in it, is accepted; it is checked read-only before anything is
touched. The restore then runs only while no other process has the database open (see
``usage_lock``), copies the backup through SQLite's backup API to a temporary file beside the
database, and renames it over the database in one step. The replaced database stays beside
it under a timestamped name.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from app.db.backup import copy_verified, first_problem
from app.db.usage_lock import in_use_message, sole_user
from app.errors import UserError
from app.i18n import translate
from app.installation import NODE_ORG_ID

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every revision of the core has had since its first one.
CORE_TABLES = ("core_settings", "core_org_units", "core_users")
# A program that is writing right now gets this long to finish before the restore says "in use".
SETTLE_TIMEOUT_SECONDS = 1.0


def restore_sqlite(backup: Path, database: Path, plugins=None) -> Path | None:
    """Replace ``database`` with ``backup``; returns where the replaced database is kept."""
    backup, database = Path(backup), Path(database)
    check_backup(backup, plugins)
    with sole_user(database):
        _settle(database)
        staged = database.with_name(database.name + ".restoring")
        kept = None
        try:
            copy_verified(_open_read_only(backup), staged)
            kept = _keep_aside(database)
            os.replace(staged, database)
        except (OSError, sqlite3.Error) as exc:
            if kept is not None:  # the database was not replaced: it keeps its own name, and its log
                _put_back(kept, database)
            raise UserError(translate("Database", "Cannot replace {path}: {error}").format(
                path=database, error=getattr(exc, "strerror", None) or exc)) from None
        finally:
            staged.unlink(missing_ok=True)
    return kept


def check_backup(backup: Path, plugins=None) -> None:
    """Refuse, naming the reason, anything that is not a restorable backup of this product."""
    backup = Path(backup)
    if not backup.is_file():
        raise UserError(translate("Database", "Backup file not found: {path}").format(path=backup))
    reason = _refusal(backup, plugins)
    if reason is not None:
        raise UserError(translate("Database", "{path} is not a valid database backup: {reason}.").format(
            path=backup, reason=reason))


def known_revisions(plugins=None) -> set[str]:
    """Every schema revision of the core and of the loaded plugins."""
    from alembic.script import ScriptDirectory

    from app.db.migrate import alembic_config

    if plugins is None:
        from app.plugins import get_plugin_manager

        plugins = get_plugin_manager()
    script = ScriptDirectory.from_config(alembic_config(plugins))
    return {revision.revision for revision in script.walk_revisions()}


def _refusal(backup: Path, plugins) -> str | None:
    if backup.stat().st_size == 0:
        return translate("Database", "the file is empty (0 bytes)")
    with open(backup, "rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return translate("Database", "it is not a SQLite database")
    try:
        connection = _open_read_only(backup)
        try:
            return _schema_refusal(connection, plugins)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return translate("Database", "it cannot be read ({error})").format(error=exc)


def _schema_refusal(connection: sqlite3.Connection, plugins) -> str | None:
    problem = first_problem(connection)
    if problem is not None:
        return translate("Database", "it is damaged ({problem})").format(problem=problem)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return translate("Database", "it is an empty database")
    revisions = set()
    if "alembic_version" in tables:
        revisions = {row[0] for row in connection.execute("SELECT version_num FROM alembic_version")}
    if not revisions:
        return translate("Database", "it is not a Service Center Suite database (it has no schema revision)")
    unknown = sorted(revisions - known_revisions(plugins))
    if unknown:
        return translate("Database", "it was written by a newer or different version of the program (unknown "
                                     "schema revision {revision})").format(revision=", ".join(unknown))
    missing = [table for table in CORE_TABLES if table not in tables]
    if missing:
        return translate("Database", "it lacks the core tables {tables}").format(tables=", ".join(missing))
    row = connection.execute("SELECT value FROM core_settings WHERE key = ?", (NODE_ORG_ID,)).fetchone()
    if row is None or row[0] in (None, "null"):
        return translate("Database", "no installation was ever set up in it")
    return None


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _settle(database: Path) -> None:
    """Refuse while any other program has the file open; fold its write-ahead log into it.

    Another program's open connection holds a shared lock on the file itself, so an exclusive
    lock here fails. Closing the only connection afterwards checkpoints and removes the ``-wal``
    file, which would otherwise be replayed into the restored file.
    """
    if not database.exists():
        return
    connection = sqlite3.connect(database, timeout=SETTLE_TIMEOUT_SECONDS, isolation_level=None)
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise UserError(in_use_message(database)) from None
    except sqlite3.DatabaseError:
        pass  # a damaged database is replaced all the same, and kept aside
    finally:
        connection.close()


def _keep_aside(database: Path) -> Path | None:
    """The current database under a timestamped name beside it (a hard link where possible)."""
    if not database.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = database.with_name(f"{database.stem}-replaced-{stamp}{database.suffix}")
    number = 1
    while kept.exists():
        number += 1
        kept = database.with_name(f"{database.stem}-replaced-{stamp}-{number}{database.suffix}")
    try:
        os.link(database, kept)
    except OSError:  # a file system without hard links
        try:
            shutil.copy2(database, kept)
        except OSError:
            kept.unlink(missing_ok=True)
            raise
    wal = Path(f"{database}-wal")
    if wal.exists():  # a log SQLite could not fold in belongs to the kept file, never to the new one
        os.replace(wal, f"{kept}-wal")
    Path(f"{database}-shm").unlink(missing_ok=True)
    return kept


def _put_back(kept: Path, database: Path) -> None:
    wal = Path(f"{kept}-wal")
    if wal.exists():
        os.replace(wal, f"{database}-wal")
    kept.unlink(missing_ok=True)
