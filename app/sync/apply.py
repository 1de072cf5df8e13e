"""Applying a batch of wire rows in the caller's transaction, on SQLite or PostgreSQL.

The rule for a row changed on both sides:
- going up, the higher ``row_version`` wins and on equal versions the parent's copy stays;
- coming down, a row the receiving node's subtree does not own is the owner's: the parent's
  copy always wins (a node cannot override what an ancestor owns); a row it does own comes
  back only when an upper tier changed it, so it is taken when its version is higher.
Whenever a different version loses, it is stored in ``core_sync_conflicts``: never silently
dropped. A row the receiver refuses (a sender writing
rows it does not own, a broken reference) goes to ``core_sync_errors`` and the rest goes on.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import Connection, insert, text
from sqlalchemy.exc import DBAPIError

from app.sync.models import Conflict, RowError
from app.sync.registry import SyncedTable
from app.sync.wire import pk_of, row_json

CHUNK = 500


@dataclass
class ApplyReport:
    rows: int = 0
    deleted: int = 0
    conflicts: int = 0
    errors: int = 0

    def add(self, other: ApplyReport) -> None:
        self.rows += other.rows
        self.deleted += other.deleted
        self.conflicts += other.conflicts
        self.errors += other.errors


@dataclass
class Sender:
    """Who sent the batch: the node (None for the parent) and what it may write.

    ``may_own``: wire ids of the org units whose rows the sender may write (None: anything,
    as rows coming down from the parent). ``own``: wire ids of the receiver's own subtree;
    an older copy of such a row coming back down is an echo, not a conflict."""

    node_id: uuid.UUID | None
    may_own: set[str] | None = None
    own: set[str] | None = None


def apply_table(connection: Connection, t: SyncedTable, rows: list[tuple], seq: int, sender: Sender) -> ApplyReport:
    report = ApplyReport()
    rows = _refuse_foreign_owners(connection, t, rows, sender, report)
    if not rows:
        return report
    if connection.dialect.name == "postgresql":
        _apply_postgresql(connection, t, rows, seq, sender, report)
    else:
        _apply_sqlite(connection, t, rows, seq, sender, report)
    return report


def apply_deletes(connection: Connection, t: SyncedTable, pks: list[list], sender: Sender) -> ApplyReport:
    report = ApplyReport()
    pg = connection.dialect.name == "postgresql"
    where = " AND ".join(_pk_match(t, c, pg, f"k{i}") for i, c in enumerate(t.pk))
    if t.owner and sender.may_own is not None:
        where += f" AND {t.owner} IS NOT NULL"
    for pk in pks:
        params = {f"k{i}": v for i, v in enumerate(pk)}
        try:
            with connection.begin_nested():
                if t.owner and sender.may_own is not None:
                    owner = connection.execute(text(f"SELECT {_wire_owner(t, pg)} FROM {t.name} WHERE {where}"),
                                               params).scalar()
                    if owner is not None and owner not in sender.may_own:
                        raise PermissionError("the sender does not own this row")
                report.deleted += connection.execute(text(f"DELETE FROM {t.name} WHERE {where}"), params).rowcount
        except (DBAPIError, PermissionError) as exc:
            record_error(connection, sender, t.name, json.dumps(pk), exc, "{}")
            report.errors += 1
    return report


# ------------------------------------------------------------------ checks shared by both


def _refuse_foreign_owners(connection, t: SyncedTable, rows, sender: Sender, report: ApplyReport) -> list:
    if sender.may_own is None:
        return rows
    if t.owner is None:
        bad, rows = rows, []
    else:
        index = t.columns.index(t.owner)
        bad = [r for r in rows if r[index] not in sender.may_own]
        if bad:  # rarely: a second pass (and a second list of a large batch) only when needed
            rows = [r for r in rows if r[index] in sender.may_own]
    for row in bad:
        record_error(connection, sender, t.name, json.dumps(pk_of(t, row)),
                     "the sending node does not own this row", row_json(t, row))
    report.errors += len(bad)
    return rows


def record_error(connection: Connection, sender: Sender, table: str, pk: str, error, row: str) -> None:
    message = str(getattr(error, "orig", None) or error).strip().splitlines()[0][:2000]
    connection.execute(insert(RowError), {"node_id": sender.node_id, "table_name": table, "pk": pk,
                                          "error": message, "row": row})


def _record_conflict(connection, sender: Sender, t: SyncedTable, row, kept_version: int) -> None:
    connection.execute(insert(Conflict), {"node_id": sender.node_id, "table_name": t.name,
                                          "pk": json.dumps(pk_of(t, row)), "kept_version": kept_version,
                                          "lost_version": row[t.columns.index("row_version")],
                                          "lost_row": row_json(t, row)})


def _pk_match(t: SyncedTable, column: str, pg: bool, param: str) -> str:
    kind = t.kinds[t.columns.index(column)]
    return f"{column} = CAST(:{param} AS uuid)" if pg and kind == "uuid" else f"{column} = :{param}"


def _wire_owner(t: SyncedTable, pg: bool) -> str:
    return f"replace({t.owner}::text, '-', '')" if pg else t.owner


# ------------------------------------------------------------------ SQLite


def _apply_sqlite(connection, t: SyncedTable, rows, seq, sender: Sender, report: ApplyReport) -> None:
    existing = _existing_sqlite(connection, t, rows)
    version = t.columns.index("row_version")
    newer, always = [], []
    for row in rows:
        local = existing.get(tuple(pk_of(t, row)))
        if local is None or local[version] < row[version]:
            newer.append(row)
        elif not _differs(t, local, row):
            continue
        elif _owner_wins(sender, t, row):
            always.append(row)
            if local[version] > row[version]:
                _record_conflict(connection, sender, t, local, row[version])
                report.conflicts += 1
        elif not _is_echo(sender, t, row):
            _record_conflict(connection, sender, t, row, local[version])
            report.conflicts += 1
    for chosen, only_newer in ((newer, True), (always, False)):
        if chosen:
            sql = _sqlite_upsert(t, only_newer)
            values = [(*_with_private_values(t, row), seq) for row in chosen]
            try:
                with connection.begin_nested():
                    connection.exec_driver_sql(sql, values)
                report.rows += len(values)
            except DBAPIError:
                _one_by_one(connection, t, sql, chosen, values, sender, report)


def _one_by_one(connection, t, sql, rows, values, sender, report) -> None:
    def apply_one(item):
        with connection.begin_nested():
            connection.exec_driver_sql(sql, [item[1]])
        report.rows += 1

    def refuse(item, exc):
        record_error(connection, sender, t.name, json.dumps(pk_of(t, item[0])), exc, row_json(t, item[0]))
        report.errors += 1

    _until_no_progress(zip(rows, values), apply_one, refuse)


def _existing_sqlite(connection, t: SyncedTable, rows) -> dict:
    found = {}
    columns = ", ".join(t.columns)
    indexes = [t.columns.index(c) for c in t.pk]
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        if len(t.pk) == 1:
            marks = ", ".join("?" * len(chunk))
            params = [r[indexes[0]] for r in chunk]
            where = f"{t.pk[0]} IN ({marks})"
        else:
            where = " OR ".join("(" + " AND ".join(f"{c} = ?" for c in t.pk) + ")" for _ in chunk)
            params = [r[i] for r in chunk for i in indexes]
        for local in connection.exec_driver_sql(f"SELECT {columns} FROM {t.name} WHERE {where}", tuple(params)):
            found[tuple(local[i] for i in indexes)] = tuple(local)
    return found


def _sqlite_upsert(t: SyncedTable, only_newer: bool) -> str:
    private = t.private
    names = ", ".join((*t.columns, "sync_seq"))
    marks = ", ".join("?" * (len(t.columns) + 1))
    updates = ", ".join(f"{c} = excluded.{c}" for c in (*t.columns, "sync_seq") if c not in t.pk and c not in private)
    return (f"INSERT INTO {t.name} ({names}) VALUES ({marks}) ON CONFLICT ({', '.join(t.pk)}) "
            f"DO UPDATE SET {updates}" + (f" WHERE excluded.row_version > {t.name}.row_version" if only_newer else ""))


def _with_private_values(t: SyncedTable, row) -> tuple:
    """The row as a new copy is inserted: private columns get the value the table declares."""
    private = t.private
    if not private:
        return tuple(row)
    return tuple(private[c] if c in private else v for c, v in zip(t.columns, row))


def _differs(t: SyncedTable, local, incoming) -> bool:
    private = t.private
    for name, kind, a, b in zip(t.columns, t.kinds, local, incoming):
        if name in private or a == b:
            continue
        if kind == "numeric" and _decimal(a) == _decimal(b):
            continue
        return True
    return False


def _decimal(value):
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value


def _owned_by_receiver(sender: Sender, t: SyncedTable, row) -> bool:
    return t.owner is not None and row[t.columns.index(t.owner)] in sender.own


def _owner_wins(sender: Sender, t: SyncedTable, row) -> bool:
    """Coming down, the parent's copy of a row the receiver does not own always wins."""
    return sender.own is not None and not _owned_by_receiver(sender, t, row)


def _is_echo(sender: Sender, t: SyncedTable, row) -> bool:
    """Coming down, an older copy of the receiver's own row is its own push coming back."""
    return sender.own is not None and _owned_by_receiver(sender, t, row)


# ------------------------------------------------------------------ PostgreSQL


def _apply_postgresql(connection, t: SyncedTable, rows, seq, sender: Sender, report: ApplyReport) -> None:
    connection.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
    if _copy_straight_in(connection, t, rows, seq):
        report.rows += len(rows)
        return
    stage = f"sc_stage_{t.name}"
    columns = ", ".join(t.columns)
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {stage}")
    connection.exec_driver_sql(f"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {columns} FROM {t.name} WITH NO DATA")
    _copy(connection, stage, t.columns, rows)
    report.conflicts += _pg_conflicts(connection, t, stage, sender)
    select = ", ".join(_pg_insert_value(t, c) for c in t.columns)
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in (*t.columns, "sync_seq") if c not in t.pk and c not in t.private)
    order = f" ORDER BY {t.spec.order}" if t.spec.order else ""
    newer = f"{t.name}.row_version < EXCLUDED.row_version"
    if sender.own is not None:  # coming down: the owner's copy wins unless the row is the receiver's own
        # coalesce: a row without an owner (HQ's own org unit) is no receiver's, as on SQLite
        own = (f"coalesce(replace(EXCLUDED.{t.owner}::text, '-', '') = ANY(CAST(:own AS text[])), false)" if t.owner
               else "false")
        compared = [c for c in t.columns if c not in t.private]
        differs = (f"ROW({', '.join(f'{t.name}.{c}::text' for c in compared)}) IS DISTINCT FROM "
                   f"ROW({', '.join(f'EXCLUDED.{c}::text' for c in compared)})")
        newer = f"({newer} OR (NOT ({own}) AND {differs}))"
    upsert = (f"INSERT INTO {t.name} ({columns}, sync_seq) SELECT {select}, {int(seq)} FROM {stage} s{{where}}{order} "
              f"ON CONFLICT ({', '.join(t.pk)}) DO UPDATE SET {updates} WHERE {newer}")
    params = {"own": sorted(sender.own)} if sender.own is not None else {}
    try:
        with connection.begin_nested():
            report.rows += connection.execute(text(upsert.format(where="")), params).rowcount
    except DBAPIError:
        _pg_one_by_one(connection, t, stage, upsert, params, sender, report)


def _pg_one_by_one(connection, t: SyncedTable, stage: str, upsert: str, params: dict, sender: Sender,
                   report: ApplyReport) -> None:
    ctids = [c for (c,) in connection.exec_driver_sql(f"SELECT ctid FROM {stage}").fetchall()]

    def apply_one(ctid):
        with connection.begin_nested():
            report.rows += connection.execute(text(upsert.format(where=" WHERE ctid = CAST(:c AS tid)")),
                                              {"c": ctid, **params}).rowcount

    def refuse(ctid, exc):
        row = connection.execute(text(f"SELECT {', '.join(t.columns)} FROM {stage} WHERE ctid = CAST(:c AS tid)"),
                                 {"c": ctid}).one()
        record_error(connection, sender, t.name, json.dumps([str(row._mapping[c]) for c in t.pk]), exc,
                     json.dumps({c: str(v) for c, v in row._mapping.items()}, ensure_ascii=False))
        report.errors += 1

    _until_no_progress(ctids, apply_one, refuse)


def _until_no_progress(items, apply_one, refuse) -> None:
    """Apply items one by one, again and again while some go in: a row that takes a unique name
    another row of the batch gives up later in change order goes in on the next round."""
    pending = list(items)
    while pending:
        failed = []
        for item in pending:
            try:
                apply_one(item)
            except DBAPIError as exc:
                failed.append((item, exc))
        if len(failed) == len(pending):
            for item, exc in failed:
                refuse(item, exc)
            return
        pending = [item for item, _ in failed]


def _copy_straight_in(connection, t: SyncedTable, rows, seq) -> bool:
    """Rows new to the table go in with one COPY (the initial push); a key already there makes
    the savepoint roll back and the merge below take over."""
    import psycopg

    if t.private or t.spec.order:
        return False
    if connection.execute(text("SELECT row_security_active(:t)"), {"t": t.name}).scalar():
        return False  # COPY cannot write a table whose rows the writer's role is restricted to
    try:
        with connection.begin_nested():
            _copy(connection, t.name, (*t.columns, "sync_seq"), rows, extra=(seq,))
        return True
    except (DBAPIError, psycopg.Error):
        return False


def _copy(connection, table: str, columns, rows, extra: tuple = ()) -> None:
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        write = copy.write_row  # the loop runs once per row of a large batch: keep it bare
        if extra:
            for row in rows:
                write((*row, *extra))
        else:
            for row in rows:
                write(row)


def _pg_insert_value(t: SyncedTable, column: str) -> str:
    if column not in t.private:
        return f"s.{column}"
    value = t.private[column]
    literal = "NULL" if value is None else (str(int(value)) if isinstance(value, (int, bool)) else
                                            "'" + str(value).replace("'", "''") + "'")
    return literal


def _pg_conflicts(connection, t: SyncedTable, stage: str, sender: Sender) -> int:
    """Store every version that is about to lose (see the module's rule)."""
    compared = [c for c in t.columns if c not in t.private]
    same = " AND ".join(f"x.{c} = s.{c}" for c in t.pk)
    differs = (f"ROW({', '.join(f'x.{c}::text' for c in compared)}) IS DISTINCT FROM "
               f"ROW({', '.join(f's.{c}::text' for c in compared)})")
    params: dict = {"node": sender.node_id, "table": t.name}
    pk_json = ", ".join(f"replace(s.{c}::text, '-', '')" if t.kinds[t.columns.index(c)] == "uuid" else f"s.{c}"
                        for c in t.pk)
    insert = ("INSERT INTO core_sync_conflicts (id, at, node_id, table_name, pk, kept_version, lost_version, lost_row) "
              f"SELECT gen_random_uuid(), now(), CAST(:node AS uuid), :table, json_build_array({pk_json})::text, ")
    if sender.own is None:  # going up: the incoming version loses to a newer or equal parent copy
        sql = (insert + f"x.row_version, s.row_version, row_to_json(s)::text FROM {stage} s JOIN {t.name} x ON {same} "
               f"WHERE x.row_version >= s.row_version AND {differs}")
        return connection.execute(text(sql), params).rowcount
    if not t.owner:
        foreign = "true"
    else:
        foreign = f"NOT coalesce(replace(s.{t.owner}::text, '-', '') = ANY(CAST(:own AS text[])), false)"
        params["own"] = sorted(sender.own)
    # coming down: a newer local copy of a row an ancestor owns loses to the owner's
    sql = (insert + f"s.row_version, x.row_version, row_to_json(x)::text FROM {stage} s JOIN {t.name} x ON {same} "
           f"WHERE x.row_version > s.row_version AND {differs} AND {foreign}")
    return connection.execute(text(sql), params).rowcount
