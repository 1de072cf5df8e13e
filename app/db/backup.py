"""Backups of the embedded SQLite database: before every migration and on demand."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from app.errors import UserError
from app.i18n import translate


def sqlite_path(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(engine.url.database)


def backup_sqlite(database: Path, folder: Path, keep: int = 10, label: str = "") -> Path:
    """Copy ``database`` consistently (SQLite's online backup, WAL included) to a timestamped file."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = Path(folder) / f"{database.stem}-{stamp}{('-' + label) if label else ''}.sqlite3"
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(database)
        try:
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True) if target.parent.is_dir() else None
        raise UserError(translate("Database", "Cannot write the backup to {folder}: {error}").format(
            folder=folder, error=exc)) from None
    prune(Path(folder), database.stem, keep)
    return target


def prune(folder: Path, stem: str, keep: int) -> None:
    backups = sorted(folder.glob(f"{stem}-*.sqlite3"))
    for old in backups[:-keep] if keep > 0 else backups:
        old.unlink(missing_ok=True)


def check_backup(backup: Path) -> None:
    """Refuse anything that is not a sound SQLite file, before anything is touched."""
    if not backup.is_file():
        raise UserError(translate("Database", "Backup file not found: {path}").format(path=backup))
    try:
        check = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
        try:
            ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            check.close()
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise UserError(translate("Database", "{path} is not a valid database backup.").format(path=backup))


def restore_sqlite(backup: Path, database: Path) -> None:
    """Replace ``database`` with ``backup``; the program must not have the database open."""
    check_backup(backup)
    tmp = database.with_suffix(".restoring")
    try:
        shutil.copyfile(backup, tmp)
        tmp.replace(database)  # the old file's log belongs to the old file: remove it after
        for suffix in ("-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(translate("Database", "Cannot replace {path} (close the application first): {error}").format(
            path=database, error=exc.strerror or exc)) from None
