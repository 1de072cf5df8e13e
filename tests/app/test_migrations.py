"""Migrations and models agree, on SQLite and PostgreSQL; every branch goes down cleanly."""

import pytest
from sqlalchemy import inspect

from app.db import migrate
from app.db.engine import make_engine


def test_upgrade_heads_matches_models_and_downgrade_base_works(database_url, plugin_host):
    engine = make_engine(database_url)
    migrate.upgrade(engine, plugin_host)
    assert migrate.schema_diff(engine, plugin_host) == []
    assert not migrate.pending(engine, plugin_host)
    tables = set(inspect(engine).get_table_names())
    for prefix in ("core_", "customers_", "tickets_", "inventory_", "training_", "certification_", "visits_"):
        assert any(t.startswith(prefix) for t in tables), prefix
    migrate.downgrade(engine, plugin_host)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()


BRANCHES = ["customers", "tickets", "inventory", "training", "certification", "visits"]
# The customer registry's tables were first made by the tickets branch, which it renames.
# Visits keep foreign keys to the registry's customers.
NEEDS = {"customers": {"tickets"}, "visits": {"customers", "tickets"}}


@pytest.mark.parametrize("branch", BRANCHES)
def test_each_plugin_branch_upgrades_alone_and_downgrades(branch, sqlite_url, plugin_host):
    engine = make_engine(sqlite_url)
    migrate.upgrade(engine, plugin_host, f"{branch}@head")
    tables = set(inspect(engine).get_table_names())
    assert any(t.startswith(f"{branch}_") for t in tables)
    assert any(t.startswith("core_") for t in tables), "a plugin branch depends on core"
    others = set(BRANCHES) - {branch} - NEEDS.get(branch, set())
    assert not any(t.startswith(f"{o}_") for o in others for t in tables)
    migrate.downgrade(engine, plugin_host, f"{branch}@base")
    assert not any(t.startswith(f"{branch}_") for t in inspect(engine).get_table_names())
    engine.dispose()


def test_every_plugin_declares_its_migration_location(plugin_host):
    locations = migrate.version_locations(plugin_host)
    for name in plugin_host.loaded_names():
        assert any(name in loc for loc in locations), name


def test_a_database_from_an_unknown_version_is_refused_untouched(sqlite_url, plugin_host):
    from sqlalchemy import text

    from app.errors import UserError

    engine = make_engine(sqlite_url)
    migrate.upgrade(engine, plugin_host)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO alembic_version VALUES ('ffffffffffff')"))
    with pytest.raises(UserError, match="unknown schema revision"):
        migrate.pending(engine, plugin_host)
    engine.dispose()
