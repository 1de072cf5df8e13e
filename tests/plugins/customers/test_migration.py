"""A database from before the registry had a plugin of its own keeps every customer, machine and
the cases that point at them: the tables, their keys, constraints and indexes take the
``customers_`` names, the old change-capture triggers go, deleted rows waiting to be sent follow
the new names; and the way back restores the old names. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timezone

from sqlalchemy import MetaData, inspect, text
from sqlalchemy.orm import Session

from app.db import migrate
from app.db.engine import make_engine
from app.orgs.service import build_org
from app.specs import SyncTable
from app.sync import capture
from app.sync.registry import SyncedTable, column_kind

# every branch but the registry and visits (whose visit plans refer to customers)
BEFORE = ("core", "tickets", "inventory", "training", "certification")
OLD = ("tickets_service_packages", "tickets_customers", "tickets_customer_sites", "tickets_contacts", "tickets_assets")
NEW = ("customers_packages", "customers_customers", "customers_sites", "customers_contacts", "customers_assets")
NOW = datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc)


def _filled(table, values: dict, dialect: str) -> dict:
    """``values`` plus a plain value for every other required column; ids as the reflected column
    takes them (SQLite keeps them as 32 hex digits)."""
    row = dict(values)
    for column in table.columns:
        if column.name in row or column.nullable:
            continue
        kind = column_kind(column.type)
        row[column.name] = {"uuid": uuid.uuid4(), "datetime": NOW, "bool": False, "date": date(2027, 1, 1)}.get(
            kind, 0 if "INT" in str(column.type).upper() else "")
    if dialect == "sqlite":
        row = {k: v.hex if isinstance(v, uuid.UUID) else v for k, v in row.items()}
    return row


def _legacy_rows(engine) -> dict:
    """A unit, a package, a customer with site, contact and machine, a case about them, and a deleted
    customer waiting to be sent, all in the old tables."""
    with Session(engine) as session, session.begin():
        unit = build_org("BJ", "北京分公司", "hq", None)
        session.add(unit)
        org_id = unit.id
    meta = MetaData()
    meta.reflect(engine, only=[*OLD, "tickets_tickets"])
    ids = {name: uuid.uuid4() for name in ("package", "customer", "site", "contact", "asset", "ticket")}
    synced = {"org_id": org_id, "created_at": NOW, "updated_at": NOW, "row_version": 3}
    rows = [("tickets_service_packages", {"id": ids["package"], "code": "7X24-4H", "name": "7×24 4小时到场",
                                          "coverage": "24x7", "response_minutes": 30, "onsite_minutes": 240,
                                          "resolution_minutes": 1440}),
            ("tickets_customers", {"id": ids["customer"], "name": "乌鲁木齐市第一人民医院", "region": "乌鲁木齐"}),
            ("tickets_customer_sites", {"id": ids["site"], "customer_id": ids["customer"], "name": "主机房",
                                        "address": "乌鲁木齐市人民路1号"}),
            ("tickets_contacts", {"id": ids["contact"], "customer_id": ids["customer"], "name": "王磊",
                                  "phone": "13900000000", "email": ""}),
            ("tickets_assets", {"id": ids["asset"], "customer_id": ids["customer"], "site_id": ids["site"],
                                "product_line": "存储", "model": "DS600-G35", "serial_number": "SN-XJ-0001",
                                "service_package_id": ids["package"], "contract_end": date(2027, 6, 30)}),
            ("tickets_tickets", {"id": ids["ticket"], "number": "BJ-202611-000001", "customer_id": ids["customer"],
                                 "asset_id": ids["asset"], "symptom": "阵列告警", "state": "new", "is_open": True,
                                 "opened_at": NOW})]
    with engine.begin() as connection:
        for name, values in rows:
            connection.execute(meta.tables[name].insert(), _filled(meta.tables[name], {**synced, **values},
                                                                   engine.dialect.name))
        connection.execute(text("INSERT INTO core_sync_tombstones (table_name, pk, sync_seq, deleted_at) "
                                "VALUES ('tickets_customers', :pk, 7, :at)"), {"pk": json.dumps(["gone"]), "at": NOW})
    return ids


def _old_capture(engine) -> None:
    """The capture triggers the program had installed on the old tables."""
    meta = MetaData()
    meta.reflect(engine, only=list(OLD))
    tables = []
    for name in OLD:
        table = meta.tables[name]
        columns = [c for c in table.columns if c.name != "sync_seq"]
        tables.append(SyncedTable(SyncTable(name, "up"), table, tuple(c.name for c in columns),
                                  tuple(column_kind(c.type) for c in columns), ("id",)))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            capture._install_postgresql(connection, tables)
        else:
            capture._install_sqlite(connection, tables)


def _capture_objects(engine, table: str) -> list[str]:
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            sql = ("SELECT tgname FROM pg_trigger WHERE tgname LIKE :pattern UNION ALL "
                   "SELECT proname FROM pg_proc WHERE proname LIKE :pattern")
        else:
            sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE :pattern"
        return sorted(connection.execute(text(sql), {"pattern": f"sc_sync_%{table}"}).scalars())


def _names(engine, table: str) -> set[str]:
    found = inspect(engine)
    return ({found.get_pk_constraint(table)["name"]} | {k["name"] for k in found.get_foreign_keys(table)}
            | {u["name"] for u in found.get_unique_constraints(table)} | {i["name"] for i in found.get_indexes(table)})


def _tombstoned(engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.execute(text("SELECT table_name FROM core_sync_tombstones")).scalars())


def test_an_existing_database_keeps_its_customers_under_the_new_names_and_back(database_url, plugin_host):
    engine = make_engine(database_url)
    for branch in BEFORE:
        migrate.upgrade(engine, plugin_host, f"{branch}@head")
    ids = _legacy_rows(engine)
    _old_capture(engine)
    assert _capture_objects(engine, "tickets_customers")

    migrate.upgrade(engine, plugin_host)

    tables = set(inspect(engine).get_table_names())
    assert set(NEW) <= tables and not set(OLD) & tables
    assert migrate.schema_diff(engine, plugin_host) == []
    assert _names(engine, "customers_assets") == {
        "pk_customers_assets", "fk_customers_assets_org_id_core_org_units",
        "fk_customers_assets_customer_id_customers_customers", "fk_customers_assets_site_id_customers_sites",
        "fk_customers_assets_service_package_id_customers_packages", "uq_customers_assets_serial_number",
        "ix_customers_assets_customer_id", "ix_customers_assets_org_id", "ix_customers_assets_sync_seq"}
    ticket_keys = {k["name"]: k["referred_table"] for k in inspect(engine).get_foreign_keys("tickets_tickets")}
    assert ticket_keys["fk_tickets_tickets_customer_id_customers_customers"] == "customers_customers"
    assert ticket_keys["fk_tickets_tickets_asset_id_customers_assets"] == "customers_assets"
    with engine.connect() as connection:
        case = connection.execute(text(
            "SELECT c.name, c.region, c.row_version, a.serial_number, p.code, s.name, k.phone "
            "FROM tickets_tickets t JOIN customers_customers c ON c.id = t.customer_id "
            "JOIN customers_assets a ON a.id = t.asset_id JOIN customers_packages p ON p.id = a.service_package_id "
            "JOIN customers_sites s ON s.id = a.site_id JOIN customers_contacts k ON k.customer_id = c.id")).one()
    assert tuple(case) == ("乌鲁木齐市第一人民医院", "乌鲁木齐", 3, "SN-XJ-0001", "7X24-4H", "主机房", "13900000000")
    assert _tombstoned(engine) == ["customers_customers"]
    assert _capture_objects(engine, "tickets_customers") == []
    if engine.dialect.name == "sqlite":  # rebuilt tables keep planner statistics (big lists stay fast)
        with engine.connect() as connection:
            analysed = set(connection.execute(text("SELECT tbl FROM sqlite_stat1")).scalars())
        assert {"tickets_tickets", "customers_customers", "customers_assets"} <= analysed

    capture.install(engine, plugin_host, force=True)  # what the program does after every migration
    with engine.begin() as connection:
        connection.execute(text("UPDATE customers_customers SET region = '新疆 乌鲁木齐' WHERE id = :id"),
                           {"id": ids["customer"].hex if engine.dialect.name == "sqlite" else ids["customer"]})
        changed = connection.execute(text("SELECT row_version, sync_seq FROM customers_customers")).one()
    assert changed.row_version == 4 and changed.sync_seq is not None

    migrate.downgrade(engine, plugin_host, "customers@base")

    tables = set(inspect(engine).get_table_names())
    assert set(OLD) <= tables and not set(NEW) & tables
    assert "fk_tickets_tickets_customer_id_tickets_customers" in {
        k["name"] for k in inspect(engine).get_foreign_keys("tickets_tickets")}
    assert "uq_tickets_assets_serial_number" in _names(engine, "tickets_assets")
    assert _tombstoned(engine) == ["tickets_customers"]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT region FROM tickets_customers")).scalar() == "新疆 乌鲁木齐"
    engine.dispose()
