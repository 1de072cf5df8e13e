"""Backups killed part-way never count in the rotation, so they never push a good one out."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.db import backup as backup_module
from app.db.backup import PARTIAL_SUFFIX, STALE_AFTER_SECONDS, backup_sqlite, complete_backups
from app.errors import UserError

ROOT = Path(__file__).resolve().parents[2]

# A backup that is killed after SQLite has written the copy and before it is checked and renamed:
# the widest window an interruption can hit.
KILLED_PART_WAY = """
import sys, time
from pathlib import Path
from app.db import backup

def stall(*args, **kwargs):
    print("copying", flush=True)
    time.sleep(600)

backup.first_problem = stall
backup.backup_sqlite(Path(sys.argv[1]), Path(sys.argv[2]), keep=int(sys.argv[3]))
"""


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "site.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE tickets (id INTEGER PRIMARY KEY, title TEXT)")
    connection.executemany("INSERT INTO tickets (title) VALUES (?)", [(f"工单 {n}",) for n in range(2000)])
    connection.commit()
    connection.close()
    return path


def kill_part_way(database: Path, folder: Path, keep: int, count: int) -> None:
    runs = [subprocess.Popen([sys.executable, "-c", KILLED_PART_WAY, str(database), str(folder), str(keep)],
                             cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(count)]
    for run in runs:
        assert run.stdout.readline().strip() == "copying", run.stderr.read()
    for run in runs:
        run.kill()  # SIGKILL: no cleanup of any kind runs
        run.wait(30)


def partials(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{PARTIAL_SUFFIX}*"))


def age(paths: list[Path], seconds: float) -> None:
    then = time.time() - seconds
    for path in paths:
        os.utime(path, (then, then))


def titles(backup: Path) -> int:
    connection = sqlite3.connect(backup)
    try:
        return connection.execute("SELECT count(*) FROM tickets").fetchone()[0]
    finally:
        connection.close()


def test_backups_killed_part_way_never_push_out_the_last_good_one(database, tmp_path):
    folder = tmp_path / "backups"
    good = backup_sqlite(database, folder, keep=2)
    kill_part_way(database, folder, keep=2, count=3)
    assert partials(folder), "the killed backups left their temporary files"
    assert complete_backups(folder, "site") == [good], "none of them counts as a backup"

    newer = backup_sqlite(database, folder, keep=2)
    assert complete_backups(folder, "site") == [good, newer], "the last good one survives the rotation"
    assert titles(good) == titles(newer) == 2000
    assert partials(folder), "temporary files that may still be written are left alone"

    age(partials(folder), STALE_AFTER_SECONDS + 60)
    newest = backup_sqlite(database, folder, keep=2)
    assert complete_backups(folder, "site") == [newer, newest]
    assert partials(folder) == [], "stale temporary files are removed by the rotation"


def test_left_over_temporary_files_are_not_counted_and_are_cleared_once_stale(database, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    good = backup_sqlite(database, folder, keep=10)
    leftovers = []
    for n in range(11):  # eleven interrupted backups, as they would be named
        leftover = folder / f"site-20260101-0000{n:02d}-000000.sqlite3{PARTIAL_SUFFIX}"
        leftover.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
        leftovers.append(leftover)
    (folder / f"{leftovers[0].name}-journal").write_bytes(b"\x00" * 10)
    age(partials(folder), STALE_AFTER_SECONDS + 60)
    made = [backup_sqlite(database, folder, keep=10) for _ in range(8)]
    assert complete_backups(folder, "site") == [good, *made]
    assert partials(folder) == []


def test_a_copy_that_fails_its_check_is_not_kept(database, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    good = backup_sqlite(database, folder, keep=3)
    monkeypatch.setattr(backup_module, "first_problem", lambda *args, **kwargs: "*** in database main ***")
    with pytest.raises(UserError, match="Cannot write the backup"):
        backup_sqlite(database, folder, keep=3)
    assert complete_backups(folder, "site") == [good]
    assert partials(folder) == []


def test_backups_are_self_contained_files(database, tmp_path):
    made = backup_sqlite(database, tmp_path / "backups")
    assert made.read_bytes()[18:20] == b"\x01\x01", "rollback-journal mode: no -wal file must travel with it"
    read_only = sqlite3.connect(made.resolve().as_uri() + "?mode=ro", uri=True)
    assert read_only.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    read_only.close()
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]


def test_rotation_ignores_other_databases_backups(database, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    other = folder / "site-archive.sqlite3"  # not a backup name: someone's own file
    other.write_bytes(b"")
    made = [backup_sqlite(database, folder, keep=1) for _ in range(2)]
    assert complete_backups(folder, "site") == made[1:]
    assert other.exists()


def test_backing_up_a_missing_database_says_so(tmp_path):
    with pytest.raises(UserError, match="no database"):
        backup_sqlite(tmp_path / "absent.sqlite3", tmp_path / "backups")
    assert not (tmp_path / "absent.sqlite3").exists()
