"""Which tables sync and how: the plugins' ``SyncTable`` declarations joined to the schema."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import JSON, Boolean, Date, DateTime, LargeBinary, Numeric, Table, Uuid

from app.specs import SyncTable

DIRECTIONS = ("up", "down", "local")


@dataclass(frozen=True)
class SyncedTable:
    """A declared table with what the engine needs: its columns, key and value kinds."""

    spec: SyncTable
    table: Table
    columns: tuple[str, ...]  # every column but sync_seq, in table order
    kinds: tuple[str, ...]  # wire kind of each column (see app.sync.wire)
    pk: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def owner(self) -> str | None:
        return self.spec.owner

    @property
    def private(self) -> dict:
        return dict(self.spec.private)


def declared_specs(plugins) -> dict[str, SyncTable]:
    specs: dict[str, SyncTable] = {}
    for group in plugins.hook.sync_tables():
        for spec in group or ():
            if spec.direction not in DIRECTIONS:
                raise ValueError(f"{spec.name}: direction must be one of {DIRECTIONS}")
            specs[spec.name] = spec
    return specs


def synced_tables(plugins) -> list[SyncedTable]:
    """Every non-local declared table, parents before children (foreign-key order)."""
    from app.db import Base
    from app.db.migrate import load_all_models

    load_all_models(plugins)
    specs = declared_specs(plugins)
    result = []
    for table in Base.metadata.sorted_tables:
        spec = specs.get(table.name)
        if spec is None or spec.direction == "local":
            continue
        columns = [c for c in table.columns if c.name != "sync_seq"]
        result.append(SyncedTable(spec, table, tuple(c.name for c in columns),
                                  tuple(column_kind(c.type) for c in columns),
                                  tuple(c.name for c in table.primary_key.columns)))
    return result


def column_kind(sql_type) -> str:
    impl = getattr(sql_type, "impl", sql_type)
    for kind, types in (("uuid", Uuid), ("datetime", DateTime), ("bool", Boolean), ("json", JSON),
                        ("date", Date), ("numeric", Numeric), ("bytes", LargeBinary)):
        if isinstance(impl, types):
            return kind
    return "plain"


def undeclared_tables(plugins) -> list[str]:
    """Tables that carry ``sync_seq`` but no declaration (a test keeps this empty)."""
    from app.db import Base
    from app.db.migrate import load_all_models

    load_all_models(plugins)
    specs = declared_specs(plugins)
    return sorted(t.name for t in Base.metadata.sorted_tables if "sync_seq" in t.columns and t.name not in specs)
