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
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{database.stem}-{stamp}{('-' + label) if label else ''}.sqlite3"
    source = sqlite3.connect(database)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    prune(folder, database.stem, keep)
    return target


def prune(folder: Path, stem: str, keep: int) -> None:
    backups = sorted(folder.glob(f"{stem}-*.sqlite3"))
    for old in backups[:-keep] if keep > 0 else backups:
        old.unlink(missing_ok=True)


def restore_sqlite(backup: Path, database: Path) -> None:
    """Replace ``database`` with ``backup`` after checking the backup is a sound SQLite file."""
    if not backup.is_file():
        raise UserError(translate("Database", "Backup file not found: {path}").format(path=backup))
    try:
        check = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        check.close()
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise UserError(translate("Database", "{path} is not a valid database backup.").format(path=backup))
    tmp = database.with_suffix(".restoring")
    shutil.copyfile(backup, tmp)
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    tmp.replace(database)
