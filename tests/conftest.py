"""Shared fixtures. The database fixtures run every test on SQLite and on a real PostgreSQL
server that this session starts itself (skipped, with the reason, where no binaries exist)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["SERVICE_CENTER_LANG"] = "en"
os.environ["SERVICE_CENTER_HOME"] = tempfile.mkdtemp(prefix="sc-home-")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

# Window state the tests save must never touch the real user's settings.
QSettings.setDefaultFormat(QSettings.IniFormat)
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp(prefix="sc-qsettings-"))

from pgserver import PostgresServer, find_bin_dir  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def widget_application():
    """The one QApplication of the session, made first: a command run in-process (``app.cli.main``)
    would otherwise make a windowless QCoreApplication, and every widget after it aborts Qt."""
    from app.ui.qt_app import ensure_application

    return ensure_application(gui=True, offscreen=True)

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def plugin_host():
    from app.plugins import get_plugin_manager

    return get_plugin_manager()


@pytest.fixture(scope="session")
def pg_server():
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries not found (install postgresql-15); PostgreSQL tests skipped")
    server = PostgresServer(bin_dir).start()
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'test.sqlite3').as_posix()}"
        return
    server = request.getfixturevalue("pg_server")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{(tmp_path / 'test.sqlite3').as_posix()}"


def open_migrated(url, plugin_host):
    from app.config import Config
    from app.runtime import open_context

    return open_context(Config(), url, plugins=plugin_host)


@pytest.fixture(scope="session")
def seeded_sqlite_file(plugin_host, tmp_path_factory):
    """One migrated and seeded embedded database per session; each test gets a copy of the file
    (migrating takes seconds, copying milliseconds)."""
    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite3"
    context = open_migrated(f"sqlite:///{path.as_posix()}", plugin_host)
    seed_network(context)
    context.engine.dispose()
    return path


@pytest.fixture(scope="session")
def seeded_pg_template(pg_server, plugin_host):
    """The same for PostgreSQL: a seeded database each test's database is created from
    (``CREATE DATABASE … TEMPLATE``)."""
    name = pg_server.create_database()
    context = open_migrated(pg_server.url(name), plugin_host)
    seed_network(context)
    context.engine.dispose()
    return name


@pytest.fixture
def ctx(request, database_url, plugin_host):
    """A migrated database on each backend, set up as HQ with branch BJ and partner BJ-P01."""
    if database_url.startswith("sqlite"):
        url = _copy_of_seeded_sqlite(request, database_url)
    else:
        url = _copy_of_seeded_pg(request, database_url)
    context = open_migrated(url, plugin_host)
    yield context
    context.engine.dispose()


@pytest.fixture
def sqlite_ctx(request, sqlite_url, plugin_host):
    context = open_migrated(_copy_of_seeded_sqlite(request, sqlite_url), plugin_host)
    yield context
    context.engine.dispose()


def _copy_of_seeded_sqlite(request, url: str) -> str:
    import shutil
    from pathlib import Path

    shutil.copyfile(request.getfixturevalue("seeded_sqlite_file"), Path(url.removeprefix("sqlite:///")))
    return url


def _copy_of_seeded_pg(request, url: str) -> str:
    """Replace the empty database of ``url`` by a copy of the seeded template (same name)."""
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("seeded_pg_template")
    name = url.rsplit("/", 1)[1]
    server.drop_database(name)
    server.create_database(name, template=template)
    return url


from testdata import ADMIN_PASSWORD, USER_PASSWORD  # noqa: E402


def seed_network(context) -> None:
    from app.orgs.service import build_org
    from app.setup import initialize

    with context.transaction() as session:
        hq = initialize(session, tier="hq", code="HQ", name="总部技术支持部", parent_code=None,
                        admin_username="admin", admin_password=ADMIN_PASSWORD)
        for code, name, tier, parent in (("BJ", "北京分公司", "branch", hq), ("SH", "上海分公司", "branch", hq)):
            session.add(build_org(code, name, tier, parent))
        session.flush()
        from app.orgs.service import get_by_code

        session.add(build_org("BJ-P01", "北京信息科技有限公司", "partner", get_by_code(session, "BJ")))


@pytest.fixture
def make_actor(plugin_host):
    """``make_actor(ctx, "name@ORG", roles=[...])`` creates the user and signs it in."""
    from app.auth.service import authenticate, create_user
    from app.cli import system_actor_for

    def make(context, login: str, roles=()):
        name, _, org = login.partition("@")
        with context.transaction() as session:
            create_user(session, system_actor_for(context, session), org_code=org, username=name,
                        password=USER_PASSWORD, display_name=name, roles=list(roles))
        with context.reading() as session:
            return authenticate(session, login, USER_PASSWORD)

    return make


@pytest.fixture
def admin(ctx):
    from app.auth.service import authenticate

    with ctx.reading() as session:
        return authenticate(session, "admin@HQ", ADMIN_PASSWORD)


@pytest.fixture
def utc_workstation():
    """The workstation's clock on UTC for one test (the org units keep their own zones)."""
    import time

    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture(autouse=True)
def unanswered_confirmations_fail(monkeypatch):
    """A confirmation no test answers is closed after a few seconds and fails the test, rather
    than waiting for ever in its modal loop (tests/support/confirmations.py)."""
    from confirmations import install_watchdog

    unanswered = install_watchdog(monkeypatch)
    yield
    assert not unanswered, f"confirmations nobody answered: {unanswered}"
