"""Backups of the embedded SQLite database: before every migration and on demand.

A backup is written under a temporary name, checked, and only then renamed to its final name,
so a copy that is interrupted (killed, power cut, disk full) never looks like a backup: the
rotation counts and prunes complete backups only, and clears temporary files left behind.
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from app.errors import UserError
from app.i18n import translate

PARTIAL_SUFFIX = ".partial"
# A temporary file untouched this long belongs to a backup that was interrupted, not to one that
# another process is still writing (SQLite's backup keeps writing until the copy is complete).
STALE_AFTER_SECONDS = 3600
_STAMP = r"\d{8}-\d{6}-\d{6}"


def sqlite_path(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(engine.url.database)


def backup_sqlite(database: Path, folder: Path, keep: int = 10, label: str = "") -> Path:
    """Copy ``database`` consistently (SQLite's online backup, WAL included) to a timestamped file."""
    if not Path(database).is_file():
        raise UserError(translate("Database", "There is no database at {path} to back up.").format(path=database))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = Path(folder) / f"{database.stem}-{stamp}{('-' + label) if label else ''}.sqlite3"
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        copy_verified(sqlite3.connect(database), target)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(translate("Database", "Cannot write the backup to {folder}: {error}").format(
            folder=folder, error=exc)) from None
    prune(Path(folder), database.stem, keep)
    return target


def copy_verified(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` (closed afterwards) to ``target`` through a checked temporary file.

    The copy is a self-contained file in rollback-journal mode: it can be moved, mailed or
    opened read-only without a ``-wal`` file that must travel with it.
    """
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        _remove_partial(partial)  # an earlier attempt's leftovers, journal included, must not be reopened
        problem = _copy_and_check(source, partial)
        if problem is not None:
            raise sqlite3.DatabaseError(problem)
        os.replace(partial, target)
    finally:
        source.close()
        _remove_partial(partial)


def _copy_and_check(source: sqlite3.Connection, partial: Path) -> str | None:
    destination = sqlite3.connect(partial)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")
        return first_problem(destination, quick=True)
    finally:
        destination.close()


def first_problem(connection: sqlite3.Connection, quick: bool = False) -> str | None:
    """The first line SQLite's own check reports, or None when the database is sound."""
    first = connection.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchone()[0]
    return None if first == "ok" else str(first)


def prune(folder: Path, stem: str, keep: int) -> None:
    """Keep the newest ``keep`` complete backups of ``stem``; clear interrupted ones."""
    backups = complete_backups(folder, stem)
    for old in backups[:-keep] if keep > 0 else backups:
        old.unlink(missing_ok=True)
    _remove_stale_partials(folder, stem)


def complete_backups(folder: Path, stem: str) -> list[Path]:
    """The finished backups of ``stem``, oldest first (their names sort by time)."""
    name = re.compile(re.escape(stem) + "-" + _STAMP + r"(-[\w-]+)?\.sqlite3")
    return sorted(p for p in Path(folder).glob(glob.escape(stem) + "-*.sqlite3") if name.fullmatch(p.name))


def _remove_stale_partials(folder: Path, stem: str) -> None:
    cutoff = time.time() - STALE_AFTER_SECONDS
    for leftover in Path(folder).glob(glob.escape(stem) + "-*.sqlite3" + PARTIAL_SUFFIX + "*"):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass  # gone meanwhile, or still open on Windows: the next rotation tries again


def _remove_partial(partial: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
