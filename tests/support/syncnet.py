"""A small service network for sync tests and benchmarks: HQ, branches and partners, each on
its own database (SQLite files or databases on a throwaway PostgreSQL server), and ways to
compare what they hold."""

from __future__ import annotations

from decimal import Decimal

from app.ids import org_id_for_code
from testdata import ADMIN_PASSWORD


class Network:
    def __init__(self, tmp_path, plugins, request):
        self.tmp_path = tmp_path
        self.plugins = plugins
        self.request = request
        self.contexts = []
        self.pg_names = []

    def url(self, code: str, backend: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{(self.tmp_path / f'{code}.sqlite3').as_posix()}"
        server = self.request.getfixturevalue("pg_server")
        name = server.create_database()
        self.pg_names.append((server, name))
        return server.url(name)

    def node(self, code: str, backend: str = "sqlite", *, tier: str | None = None, parent: str | None = None,
             children: tuple = ()):
        """A set-up installation. HQ creates the branch units it is given (``children``)."""
        from app.config import Config
        from app.orgs.service import build_org, get_by_code
        from app.runtime import open_context
        from app.setup import initialize

        tier = tier or ("hq" if code == "HQ" else "branch")
        ctx = open_context(Config(), self.url(code, backend), plugins=self.plugins)
        with ctx.transaction() as session:
            initialize(session, tier=tier, code=code, name=f"{code} 单位", parent_code=parent,
                       admin_username="admin", admin_password=ADMIN_PASSWORD)
            session.flush()
            for child, child_tier in children:
                session.add(build_org(child, f"{child} 单位", child_tier, get_by_code(session, code)))
        self.contexts.append(ctx)
        return ctx

    def close(self):
        for ctx in self.contexts:
            ctx.engine.dispose()
        for server, name in self.pg_names:
            server.drop_database(name)


def rows_of(ctx, table: str, where: str = "") -> list[tuple]:
    """A table's rows in wire form, sorted, with numbers made comparable across databases."""
    from app.sync.registry import synced_tables
    from app.sync.wire import select_list

    t = next(t for t in synced_tables(ctx.plugins) if t.name == table)
    with ctx.engine.connect() as connection:
        found = connection.exec_driver_sql(
            f"SELECT {select_list(t, connection.dialect.name)} FROM {table}{' WHERE ' + where if where else ''}"
        ).fetchall()
    normalised = []
    for row in found:
        normalised.append(tuple(Decimal(str(v)) if k == "numeric" and v is not None else v
                                for k, v in zip(t.kinds, row)))
    return sorted(normalised, key=repr)


def tombstones_of(ctx) -> list[tuple]:
    import json

    with ctx.engine.connect() as connection:
        return sorted((t, tuple(json.loads(pk))) for t, pk in connection.exec_driver_sql(
            "SELECT table_name, pk FROM core_sync_tombstones"))




def add_customer(ctx, org_code: str, name: str, region: str = ""):
    from plugins.customers.models import Customer

    with ctx.transaction() as session:
        customer = Customer(org_id=org_id_for_code(org_code), name=name, region=region)
        session.add(customer)
    return customer


def add_part(ctx, number: str, name: str):
    from decimal import Decimal

    from plugins.inventory.models import Part

    with ctx.transaction() as session:
        part = Part(part_number=number, name_zh=name, unit_cost=Decimal("1250.50"))
        session.add(part)
    return part
