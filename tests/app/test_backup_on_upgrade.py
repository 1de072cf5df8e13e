"""The app copies the SQLite file aside before it migrates, and keeps only the newest backups."""

from app.config import Config, backups_dir
from app.db import migrate
from app.db.backup import backup_sqlite, prune
from app.db.engine import make_engine
from app.runtime import open_context


def test_start_backs_up_an_outdated_sqlite_database_then_upgrades(tmp_path, plugin_host):
    url = f"sqlite:///{(tmp_path / 'branch.sqlite3').as_posix()}"
    engine = make_engine(url)
    migrate.upgrade(engine, plugin_host, "core@head")  # an installation from before the plugins
    engine.dispose()
    before = set(backups_dir().glob("branch-*pre-upgrade.sqlite3"))
    ctx = open_context(Config(), url, plugins=plugin_host)
    created = set(backups_dir().glob("branch-*pre-upgrade.sqlite3")) - before
    assert len(created) == 1
    assert not migrate.pending(ctx.engine, plugin_host)
    backup_engine = make_engine(f"sqlite:///{created.pop().as_posix()}")
    assert migrate.pending(backup_engine, plugin_host), "the backup holds the database as it was"
    backup_engine.dispose()
    ctx.engine.dispose()


def test_a_current_database_is_not_copied_again(tmp_path, plugin_host):
    url = f"sqlite:///{(tmp_path / 'current.sqlite3').as_posix()}"
    open_context(Config(), url, plugins=plugin_host).engine.dispose()
    before = set(backups_dir().glob("current-*"))
    open_context(Config(), url, plugins=plugin_host).engine.dispose()
    assert set(backups_dir().glob("current-*")) == before


def test_only_the_newest_ten_backups_are_kept(tmp_path):
    import sqlite3

    database = tmp_path / "site.sqlite3"
    sqlite3.connect(database).close()
    folder = tmp_path / "backups"
    made = [backup_sqlite(database, folder, keep=10) for _ in range(12)]
    kept = sorted(folder.glob("site-*.sqlite3"))
    assert kept == made[2:]
    prune(folder, "site", 3)
    assert sorted(folder.glob("site-*.sqlite3")) == made[-3:]
