"""``db restore`` replaces the embedded database only when nobody has it open and only with a
backup of this product at a known revision; the replaced database is kept where it says."""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from app import installation
from app.cli import main
from app.config import Config
from app.db import usage_lock
from app.db.backup import backup_sqlite
from app.db.engine import make_engine, sqlite_url
from app.db.usage_lock import sole_user
from app.errors import UserError
from app.runtime import is_initialized, open_context

ROOT = Path(__file__).resolve().parents[2]

# A writer that goes through the app's engine, the way the desktop app and commands write.
WRITER = """
import sys
from pathlib import Path
from sqlalchemy.orm import Session
from app import installation
from app.db.engine import make_engine

engine = make_engine(sys.argv[1])
stop = Path(sys.argv[2])
written = 0
while not stop.exists():
    with Session(engine) as session, session.begin():
        installation.set_value(session, f"writer.{written}", written)
    written += 1
    if written == 1:
        print("writing", flush=True)
print(written, flush=True)
"""

# Another program (a database tool) with the file open and idle: it knows nothing of our lock file.
TOOL = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("SELECT count(*) FROM core_settings").fetchall()
print("open", flush=True)
sys.stdin.read()
"""


@pytest.fixture(scope="module")
def templates(tmp_path_factory, plugin_host):
    """A set-up installation and one that was migrated but never set up."""
    from app.setup import initialize

    folder = tmp_path_factory.mktemp("templates")
    made = {}
    for name, set_up in (("installed", True), ("blank", False)):
        ctx = open_context(Config(), sqlite_url(folder / f"{name}.sqlite3"), plugins=plugin_host)
        if set_up:
            with ctx.transaction() as session:
                initialize(session, tier="branch", code="BJ", name="北京分公司", parent_code="HQ",
                           admin_username="admin", admin_password="branch-admin-1")
        ctx.engine.dispose()
        made[name] = folder / f"{name}.sqlite3"
    return made


@pytest.fixture
def site(tmp_path, templates):
    """An installation of its own for one test, with a backup taken of it."""
    database = tmp_path / "site" / "service-center.sqlite3"
    database.parent.mkdir()
    shutil.copyfile(templates["installed"], database)
    backup = backup_sqlite(database, tmp_path / "backups")
    return database, backup


def settings_keys(database: Path) -> set[str]:
    connection = sqlite3.connect(database)
    try:
        return {row[0] for row in connection.execute("SELECT key FROM core_settings")}
    finally:
        connection.close()


def add_setting(database: Path, key: str) -> None:
    engine = make_engine(sqlite_url(database))
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO core_settings (key, value) VALUES (:key, '1')"), {"key": key})
    engine.dispose()


def restore(database: Path, backup: Path, capsys) -> tuple[int, str, str]:
    code = main(["--db", sqlite_url(database), "db", "restore", str(backup)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fingerprint(database: Path) -> str:
    return hashlib.sha256(database.read_bytes()).hexdigest()


def spawn(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_restore_is_refused_while_a_writer_in_another_process_has_the_database_and_nothing_is_lost(
        site, tmp_path, capsys):
    database, backup = site
    stop = tmp_path / "stop"
    writer = spawn(WRITER, sqlite_url(database), str(stop))
    try:
        assert writer.stdout.readline().strip() == "writing", writer.stderr.read()
        code, out, err = restore(database, backup, capsys)
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and "is in use by another program" in err, err
    finally:
        stop.touch()
        written = int(writer.communicate(timeout=60)[0].strip())
    assert writer.returncode == 0
    assert written > 0
    keys = settings_keys(database)
    assert {f"writer.{n}" for n in range(written)} <= keys, "every committed row is still there"
    assert installation.NODE_ORG_ID in keys
    assert not list(database.parent.glob("*-replaced-*")) and not list(database.parent.glob("*.restoring"))


def test_restore_is_refused_while_a_database_tool_has_the_file_open(site, capsys):
    database, backup = site
    tool = spawn(TOOL, str(database))
    try:
        assert tool.stdout.readline().strip() == "open", tool.stderr.read()
        code, _, err = restore(database, backup, capsys)
    finally:
        tool.communicate("", timeout=30)
    assert code == 2 and "is in use by another program" in err
    code, out, _ = restore(database, backup, capsys)
    assert code == 0 and "Restored" in out, "once the tool has closed it, the restore goes ahead"


def test_opening_the_database_waits_for_a_restore_and_then_says_so(site, monkeypatch):
    database, _ = site
    monkeypatch.setattr(usage_lock, "WAIT_FOR_RESTORE_SECONDS", 0.3)
    engine = make_engine(sqlite_url(database))
    with sole_user(database):
        with pytest.raises(UserError, match="is being restored"):
            engine.connect()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM core_settings")).scalar() > 0
    engine.dispose()


def test_a_connection_opened_during_a_restore_waits_and_gets_the_restored_file(site, monkeypatch):
    from app.db import restore as restore_module

    database, backup = site
    add_setting(database, "after-the-backup")
    engine = make_engine(sqlite_url(database))
    seen = {}

    def open_meanwhile():
        with engine.connect() as connection:
            seen["keys"] = set(connection.execute(text("SELECT key FROM core_settings")).scalars())

    opener = threading.Thread(target=open_meanwhile)
    settle = restore_module._settle

    def settle_while_someone_opens(path):
        opener.start()
        opener.join(0.5)
        assert opener.is_alive(), "the opener waits while the restore holds the database"
        settle(path)

    monkeypatch.setattr(restore_module, "_settle", settle_while_someone_opens)
    restore_module.restore_sqlite(backup, database)
    opener.join(30)
    engine.dispose()
    assert installation.NODE_ORG_ID in seen["keys"] and "after-the-backup" not in seen["keys"]


def foreign_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO contacts (name) VALUES ('张三')")
    connection.commit()
    connection.close()


def empty_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE scratch (x)")
    connection.execute("DROP TABLE scratch")
    connection.commit()
    connection.close()
    assert path.stat().st_size > 0


def future_revision(path: Path, backup: Path) -> None:
    shutil.copyfile(backup, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dfacef00d' "
                       "WHERE version_num = (SELECT min(version_num) FROM alembic_version)")
    connection.commit()
    connection.close()


BAD_FILES = {
    "zero bytes": (lambda path, backup, templates: path.write_bytes(b""), "the file is empty (0 bytes)"),
    "text file": (lambda path, backup, templates: path.write_text("备份", encoding="utf-8"),
                  "it is not a SQLite database"),
    "foreign SQLite": (lambda path, backup, templates: foreign_database(path),
                       "it is not a Service Center Suite database"),
    "empty SQLite": (lambda path, backup, templates: empty_database(path), "it is an empty database"),
    "future revision": (lambda path, backup, templates: future_revision(path, backup),
                        "unknown schema revision f00dfacef00d"),
    "never set up": (lambda path, backup, templates: shutil.copyfile(templates["blank"], path),
                     "no installation was ever set up in it"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_file_that_is_not_a_backup_of_this_product_is_refused_and_nothing_is_touched(
        kind, site, tmp_path, templates, capsys, plugin_host):
    database, backup = site
    make, reason = BAD_FILES[kind]
    bad = tmp_path / f"{kind}.sqlite3"
    make(bad, backup, templates)
    before = fingerprint(database)
    code, out, err = restore(database, bad, capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "is not a valid database backup" in err and reason in err, err
    assert fingerprint(database) == before
    assert [p.name for p in database.parent.iterdir() if p.suffix != ".lock"] == ["service-center.sqlite3"]
    ctx = open_context(Config(), sqlite_url(database), plugins=plugin_host)
    assert is_initialized(ctx)
    ctx.engine.dispose()


def test_a_good_restore_keeps_the_replaced_database_where_the_message_says(site, capsys, plugin_host):
    database, backup = site
    add_setting(database, "after-the-backup")
    code, out, err = restore(database, backup, capsys)
    assert code == 0, err
    restored, kept_line = out.strip().splitlines()
    assert restored == f"Restored {backup}."
    prefix, suffix = "The database it replaced is kept as ", "."
    assert kept_line.startswith(prefix) and kept_line.endswith(suffix)
    kept = Path(kept_line[len(prefix):-len(suffix)])
    assert kept.parent == database.parent and kept.name.startswith("service-center-replaced-")
    assert "after-the-backup" in settings_keys(kept), "the replaced database is kept whole"
    assert "after-the-backup" not in settings_keys(database)
    assert not list(database.parent.glob("*.restoring*")) and not Path(f"{database}-wal").exists()
    ctx = open_context(Config(), sqlite_url(database), plugins=plugin_host)
    assert is_initialized(ctx)
    ctx.engine.dispose()


def test_a_damaged_database_can_be_replaced_and_is_kept(site, capsys):
    database, backup = site
    damaged = b"SQLite format 3\x00" + b"\xff" * 4000
    database.write_bytes(damaged)
    Path(f"{database}-wal").write_bytes(b"left by a crash")
    code, out, err = restore(database, backup, capsys)
    assert code == 0, err
    kept = next(database.parent.glob("service-center-replaced-*.sqlite3"))
    assert kept.read_bytes() == damaged
    assert not Path(f"{database}-wal").exists(), "an old log must never be replayed into the restored file"
    assert installation.NODE_ORG_ID in settings_keys(database)


KILLED_RESTORE = """
import sys, time
from pathlib import Path
from app.db import backup, restore

def stall(*args, **kwargs):
    print("copying", flush=True)
    time.sleep(600)

backup.first_problem = stall  # the backup file is being copied beside the database
restore.check_backup = lambda *args, **kwargs: None  # checked by the test already; keeps the start quick
restore.restore_sqlite(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_a_restore_killed_part_way_leaves_the_database_as_it_was_and_the_next_one_works(site, capsys):
    database, backup = site
    add_setting(database, "after-the-backup")
    before = fingerprint(database)
    killed = spawn(KILLED_RESTORE, str(backup), str(database))
    assert killed.stdout.readline().strip() == "copying", killed.stderr.read()
    killed.kill()
    killed.wait(30)
    assert fingerprint(database) == before
    assert list(database.parent.glob("*.restoring*")), "the killed restore left its temporary file"
    code, out, err = restore(database, backup, capsys)
    assert code == 0, err
    assert "after-the-backup" not in settings_keys(database)
    assert not list(database.parent.glob("*.restoring*"))


@pytest.mark.postgres
def test_restore_says_it_is_for_the_embedded_database_on_postgresql(pg_server, tmp_path, capsys):
    name = pg_server.create_database()
    try:
        code = main(["--db", pg_server.url(name), "db", "restore", str(tmp_path / "any.sqlite3")])
        err = capsys.readouterr().err
    finally:
        pg_server.drop_database(name)
    assert code == 2 and "embedded SQLite database only" in err and "pg_restore" in err


def test_a_restore_that_cannot_rename_leaves_the_database_in_place_and_keeps_no_stray_copy(site, monkeypatch):
    from app.db import restore as restore_module

    database, backup = site
    add_setting(database, "after-the-backup")
    before = fingerprint(database)
    rename = os.replace

    def refuse_the_final_rename(source, target):
        if Path(target) == database:
            raise PermissionError(13, "Access is denied")
        rename(source, target)

    monkeypatch.setattr(os, "replace", refuse_the_final_rename)
    with pytest.raises(UserError, match="Cannot replace .*Access is denied"):
        restore_module.restore_sqlite(backup, database)
    monkeypatch.undo()
    assert fingerprint(database) == before
    assert [p.name for p in database.parent.iterdir() if p.suffix != ".lock"] == ["service-center.sqlite3"]
