"""Append-only tables (audit, ledger, timeline, certificate events) refuse UPDATE, DELETE,
REPLACE and TRUNCATE in the database itself, on both dialects, and still take new rows, change
capture and sync re-deliveries."""

from __future__ import annotations

import re
import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import (JSON, BigInteger, Boolean, CheckConstraint, Date, DateTime, Integer, LargeBinary, Numeric,
                        String, Table, delete, insert, select, text, update)
from sqlalchemy.exc import DBAPIError

from app.clock import utcnow
from app.db import Base, append_only
from app.db.append_only import AppendOnlyRefused
from app.errors import UserError
from app.runtime import install_capture

GUARDED = ["certification_events", "core_audit_log", "inventory_movements", "tickets_events"]


def test_the_audit_log_ledger_timeline_and_certificate_events_are_declared(plugin_host):
    declared = {name for group in plugin_host.hook.append_only_tables() for name in group}
    assert set(GUARDED) <= declared
    assert append_only.declared_tables(plugin_host) == sorted(declared)


@pytest.mark.parametrize("name", GUARDED)
def test_every_way_of_rewriting_a_recorded_row_is_refused(ctx, name):
    table = Base.metadata.tables[name]
    with ctx.engine.begin() as connection:
        key = _insert_row(connection, table)
    before = _rows(ctx, table)
    column = _text_column(table)
    pg = ctx.engine.dialect.name == "postgresql"
    attacks = [
        update(table).values({column: "tampered"}),
        text(f"UPDATE {name} SET {column} = {column}"),  # changes nothing: still not the bookkeeping
        delete(table),
        delete(table).where(_key_is(table, key)),
    ]
    if pg:
        attacks += [text(f"TRUNCATE {name}")]
        attacks += [text(f"TRUNCATE {fk.column.table.name} CASCADE") for fk in list(table.foreign_keys)[:1]]
    else:
        columns = [c.name for c in table.columns]
        chosen = ", ".join("'tampered'" if c == column else c for c in columns)
        attacks += [text(f"REPLACE INTO {name} ({', '.join(columns)}) SELECT {chosen} FROM {name}"),
                    insert(table).prefix_with("OR REPLACE").values({**_stored(ctx, table, key), column: "tampered"})]
    for attack in attacks:
        with pytest.raises(AppendOnlyRefused, match="append-only"):
            with ctx.engine.begin() as connection:
                connection.execute(attack)
        assert _rows(ctx, table) == before, attack


@pytest.mark.parametrize("name", GUARDED)
def test_new_rows_change_numbers_and_identical_redeliveries_go_through(ctx, name):
    table = Base.metadata.tables[name]
    already = len(_rows(ctx, table))
    with ctx.engine.begin() as connection:
        first = _insert_row(connection, table)
        _insert_row(connection, table)
    rows = _rows(ctx, table)
    assert len(rows) == already + 2
    if "sync_seq" in table.c:
        assert all(row._mapping["sync_seq"] is not None for row in rows)  # numbered by capture
        numbered = _stored(ctx, table, first)["sync_seq"]
        with ctx.engine.begin() as connection:  # the sync engine stamping a row it applied
            connection.execute(text(f"UPDATE {name} SET sync_seq = 10000 WHERE sync_seq = :n"), {"n": numbered})
        assert _stored(ctx, table, first)["sync_seq"] == 10_000
    rows = _rows(ctx, table)
    dialect_insert = _dialect_insert(ctx)
    with ctx.engine.begin() as connection:
        connection.execute(dialect_insert(table).values(_stored(ctx, table, first)).on_conflict_do_nothing())
    assert _rows(ctx, table) == rows


def test_a_refusal_reaches_the_user_as_one_line_and_stays_a_database_error(ctx):
    table = Base.metadata.tables["tickets_events"]
    with ctx.transaction() as session:
        key = _insert_row(session.connection(), table)
    with pytest.raises(AppendOnlyRefused) as refused:
        with ctx.transaction() as session:
            session.execute(update(table).where(_key_is(table, key)).values(text="rewritten"))
    error = refused.value
    assert isinstance(error, UserError) and isinstance(error, DBAPIError)
    assert str(error) == ("tickets_events is append-only: its rows cannot be changed or deleted (UPDATE refused). "
                          "Record a correcting entry instead.")


def test_guards_come_back_when_the_installation_opens_and_cost_nothing_when_present(ctx):
    with ctx.engine.begin() as connection:
        append_only.remove_all(connection)  # what the migration runner does, or a SQLite table rebuild
    table = Base.metadata.tables["core_audit_log"]
    with ctx.engine.begin() as connection:
        _insert_row(connection, table)
        connection.execute(update(table).values(summary="no guard"))
    install_capture(ctx)
    with pytest.raises(AppendOnlyRefused), ctx.engine.begin() as connection:
        connection.execute(update(table).values(summary="guarded again"))
    state = _schema_state(ctx)
    install_capture(ctx)
    assert _schema_state(ctx) == state


def test_a_migration_may_rewrite_recorded_rows_and_the_guards_return_afterwards(ctx):
    from app.db import migrate

    table = Base.metadata.tables["core_audit_log"]
    with ctx.engine.begin() as connection:
        _insert_row(connection, table)

    def backfill(connection):  # a migration's data step
        connection.execute(update(table).values(summary="backfilled"))

    migrate._run(ctx.engine, backfill)
    assert {row._mapping["summary"] for row in _rows(ctx, table)} == {"backfilled"}
    install_capture(ctx, force=True)
    with pytest.raises(AppendOnlyRefused), ctx.engine.begin() as connection:
        connection.execute(delete(table))


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_timeline_rows_travel_up_and_down_and_a_full_resend_changes_nothing(tmp_path, plugin_host, request,
                                                                             backend):
    from app.ids import org_id_for_code
    from app.sync import engine
    from app.sync.registry import synced_tables
    from syncnet import Network, rows_of

    tables = synced_tables(plugin_host)
    events = Base.metadata.tables["tickets_events"]
    network = Network(tmp_path, plugin_host, request)
    try:
        hq = network.node("HQ", "postgresql", children=(("BJ", "branch"),))
        bj = network.node("BJ", backend, parent="HQ")
        with bj.engine.begin() as connection:
            written = _insert_row(connection, events, org_id_for_code("BJ"))
        assert engine.push(bj.engine, hq.engine, tables).report.errors == 0
        with hq.engine.begin() as connection:  # HQ answers on BJ's case: its own line on the timeline
            ticket = connection.execute(select(events.c.ticket_id).where(_key_is(events, written))).scalar()
            _insert_row(connection, events, org_id_for_code("HQ"), ticket_id=ticket)
        assert engine.pull(bj.engine, hq.engine, tables).report.errors == 0
        assert len(rows_of(bj, "tickets_events")) == 2
        with hq.engine.begin() as connection:  # the parent forgets the branch: everything comes again
            connection.exec_driver_sql("DELETE FROM core_sync_watermarks")
        pushed, pulled = engine.push(bj.engine, hq.engine, tables), engine.pull(bj.engine, hq.engine, tables)
        assert pushed.full_resend and pulled.full_resend
        assert pushed.report.errors == pulled.report.errors == pushed.report.conflicts == pulled.report.conflicts == 0
        assert rows_of(hq, "tickets_events") == rows_of(bj, "tickets_events")
    finally:
        network.close()


# ------------------------------------------------------------------ rows of any shape


def _insert_row(connection, table: Table, org_id: uuid.UUID | None = None, **fixed) -> dict:
    """A row with every column filled (parents reused or made first, owned by ``org_id`` when
    given); returns its key."""
    values = dict(fixed)
    allowed = _allowed_words(table)
    for column in table.columns:
        if column.name == "sync_seq" or column.name in fixed:
            continue
        foreign = next(iter(column.foreign_keys), None)
        if column.name == "org_id" and org_id is not None:
            values[column.name] = org_id
        elif column.name in allowed:
            values[column.name] = allowed[column.name]
        elif foreign is None:
            values[column.name] = _sample(column)
        elif not column.nullable:
            values[column.name] = _parent_key(connection, foreign.column, org_id)
    connection.execute(insert(table).values(values))
    return {c.name: values[c.name] for c in table.primary_key.columns}


def _parent_key(connection, target, org_id: uuid.UUID | None):
    parents = select(target).limit(1)
    if org_id is not None and "org_id" in target.table.c:
        parents = parents.where(target.table.c.org_id == org_id)
    found = connection.execute(parents).scalar()
    if found is not None:
        return found
    return _insert_row(connection, target.table, org_id)[target.name]


def _allowed_words(table: Table) -> dict[str, str]:
    """The first word each ``column IN ('a', 'b')`` check allows."""
    words = {}
    for constraint in table.constraints:
        if isinstance(constraint, CheckConstraint):
            found = re.fullmatch(r"(\w+) IN \('([^']*)'.*", str(constraint.sqltext))
            if found:
                words[found.group(1)] = found.group(2)
    return words


def _sample(column):
    kind = column.type
    impl = getattr(kind, "impl", kind)
    if isinstance(impl, DateTime):
        return utcnow()
    if isinstance(impl, Date):
        return date(2026, 12, 1)
    if isinstance(impl, Boolean):
        return False
    if isinstance(impl, (Integer, BigInteger)):
        return 1
    if isinstance(impl, Numeric):
        return Decimal("1.50")
    if isinstance(impl, JSON):
        return {"kind": "note", "values": [1, "二"]}
    if isinstance(impl, LargeBinary):
        return b"\x00bytes"
    if isinstance(impl, String):
        return ("值" + uuid.uuid4().hex)[: impl.length or 40]
    return uuid.uuid4()


def _text_column(table: Table) -> str:
    return next(c.name for c in table.columns if isinstance(c.type, String) and not c.foreign_keys
                and not c.primary_key and (c.type.length or 40) >= len("tampered"))


def _key_is(table: Table, key: dict):
    from sqlalchemy import and_

    return and_(*(table.c[name] == value for name, value in key.items()))


def _stored(ctx, table: Table, key: dict) -> dict:
    with ctx.engine.connect() as connection:
        return dict(connection.execute(select(table).where(_key_is(table, key))).one()._mapping)


def _rows(ctx, table: Table) -> list:
    with ctx.engine.connect() as connection:
        return connection.execute(select(table).order_by(*table.primary_key.columns)).fetchall()


def _dialect_insert(ctx):
    if ctx.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert


def _schema_state(ctx):
    with ctx.engine.connect() as connection:
        if ctx.engine.dialect.name == "postgresql":
            return connection.execute(text("SELECT tgname, xmin::text FROM pg_trigger WHERE tgname LIKE :p ORDER BY 1"),
                                      {"p": "sc_append_only_%"}).fetchall()
        return connection.exec_driver_sql("PRAGMA schema_version").scalar()
