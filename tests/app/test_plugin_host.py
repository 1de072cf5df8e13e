"""A broken plugin is reported and the rest loads; a disabled plugin contributes nothing."""

import sys
import textwrap
from importlib import metadata

import pytest

from app.plugins import ENTRY_POINT_GROUP, get_plugin_manager


@pytest.fixture
def plugin_dir(tmp_path, monkeypatch):
    modules = {
        "sc_good": """
            from app.hookspecs import hookimpl
            from app.specs import PermissionSpec
            @hookimpl
            def permissions():
                return [PermissionSpec("good.view", "Good")]
        """,
        "sc_import_error": "import module_that_does_not_exist\n",
        "sc_misnamed": """
            from app.hookspecs import hookimpl
            @hookimpl
            def permisions():
                return []
        """,
    }
    for name, source in modules.items():
        (tmp_path / f"{name}.py").write_text(textwrap.dedent(source))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    for name in modules:
        sys.modules.pop(name, None)


def entry_points(*names):
    return [metadata.EntryPoint(name, module, ENTRY_POINT_GROUP) for name, module in names]


def test_broken_plugins_are_reported_and_the_rest_loads(plugin_dir):
    host = get_plugin_manager(entry_points=entry_points(
        ("good", "sc_good"), ("broken", "sc_import_error"), ("misnamed", "sc_misnamed")))
    records = {r.name: r for r in host.records}
    assert records["good"].status == "loaded"
    assert records["broken"].status == "error"
    assert "module_that_does_not_exist" in records["broken"].error
    assert records["misnamed"].status == "error"
    assert "permisions" in records["misnamed"].error
    host.pm.check_pending()  # nothing unknown left registered
    codes = {s.code for group in host.hook.permissions() for s in group}
    assert "good.view" in codes


def test_disabled_plugin_contributes_nothing(plugin_dir):
    host = get_plugin_manager(disabled=["good"], entry_points=entry_points(("good", "sc_good")))
    assert {r.name: r.status for r in host.records}["good"] == "disabled"
    codes = {s.code for group in host.hook.permissions() for s in group}
    assert "good.view" not in codes
    assert "sc_good" not in sys.modules


def test_built_in_plugins_load_through_entry_points():
    host = get_plugin_manager()
    assert set(host.loaded_names()) == {"customers", "tickets", "inventory", "training", "certification", "visits"}
    assert not host.errors()


def test_disabled_built_in_plugin_adds_no_pages(sqlite_ctx):
    from dataclasses import replace

    host = get_plugin_manager(disabled=["visits"])
    pages = [p.id for group in host.hook.nav_pages(ctx=replace(sqlite_ctx, plugins=host)) for p in group]
    assert "visits.followups" not in pages and any(p.startswith("tickets.") for p in pages)
