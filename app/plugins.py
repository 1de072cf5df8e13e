"""The plugin host: built-ins and third-party plugins load the same way, by entry point."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata

import pluggy

from app import __version__, hookspecs
from app.specs import PluginRecord

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "service_center.plugins"


@dataclass
class PluginHost:
    """The pluggy manager plus what happened to every plugin we tried to load."""

    pm: pluggy.PluginManager
    records: list[PluginRecord] = field(default_factory=list)

    @property
    def hook(self):
        return self.pm.hook

    def loaded_names(self) -> list[str]:
        return [r.name for r in self.records if r.status == "loaded" and not r.builtin]

    def errors(self) -> list[PluginRecord]:
        return [r for r in self.records if r.status == "error"]


def get_plugin_manager(
    disabled: Iterable[str] = (),
    entry_points: Iterable[metadata.EntryPoint] | None = None,
) -> PluginHost:
    """Load the core plugin and every entry point of ``service_center.plugins``.

    A plugin that fails to import or whose hookimpls match no hook is recorded with its
    error and left out; the rest still loads. Disabled plugins are not imported at all.
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    host = PluginHost(pm)
    from app import core_plugin

    pm.register(core_plugin, name="core")
    host.records.append(PluginRecord("core", __version__, builtin=True))
    disabled = set(disabled)
    if entry_points is None:
        entry_points = metadata.entry_points(group=ENTRY_POINT_GROUP)
    for ep in sorted(entry_points, key=lambda e: e.name):
        host.records.append(_load_one(pm, ep, disabled))
    return host


def _load_one(pm: pluggy.PluginManager, ep: metadata.EntryPoint, disabled: set[str]) -> PluginRecord:
    record = PluginRecord(ep.name, version=_entry_point_version(ep))
    if ep.name in disabled:
        record.status = "disabled"
        return record
    try:
        module = ep.load()
        pm.register(module, name=ep.name)
        _check_pending(pm, module)
    except Exception as exc:  # a broken plugin must not take the application down
        if pm.get_plugin(ep.name) is not None:
            pm.unregister(name=ep.name)
        record.status = "error"
        record.error = f"{type(exc).__name__}: {exc}"
        log.error("plugin %s not loaded: %s", ep.name, record.error)
    return record


def _check_pending(pm: pluggy.PluginManager, module: object) -> None:
    """Like ``pm.check_pending()`` but for one plugin, so only the culprit is left out."""
    for name in dir(module):
        if pm.parse_hookimpl_opts(module, name) is None:
            continue
        hook = getattr(pm.hook, name, None)
        if hook is None or not hook.has_spec():
            raise pluggy.PluginValidationError(
                module, f"unknown hook {name!r} (no such hookspec; misspelt?)"
            )


def _entry_point_version(ep: metadata.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    return dist.version if dist is not None else ""
