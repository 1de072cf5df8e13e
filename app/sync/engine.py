"""Push and pull between a node and its parent, database to database.

A push reads the node's changes in one snapshot and applies them at the parent batch by batch,
each batch in ONE parent transaction together with the new watermark of (node, "up"). Before
sending, the node asks the parent for that watermark, so a killed push resumes where the
parent stands: nothing lost, nothing doubled. A pull is the mirror image: the node applies the
parent's rows in one local transaction with its own watermark.

Each watermark carries receipt tokens that both sides keep. When they do not match, one of the
databases was restored or re-created: the whole stream is sent again (applying is idempotent)
and the result says so.
"""

from __future__ import annotations

import queue
import secrets
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, text

from app.sync import capture, state
from app.sync.apply import ApplyReport, Sender, apply_deletes, apply_table
from app.sync.registry import SyncedTable
from app.sync.topology import Topology
from app.sync.wire import bind_ids, in_ids, read_rows, read_tombstones

BATCH_ROWS = 20_000


class Cancelled(Exception):
    """The user cancelled; every batch applied so far is kept and the watermark says so."""


@dataclass
class SyncResult:
    direction: str  # push | pull
    batches: int = 0
    report: ApplyReport = field(default_factory=ApplyReport)
    from_seq: int = 0
    to_seq: int = 0
    full_resend: str = ""  # why everything was sent again, or ""

    @property
    def rows(self) -> int:
        return self.report.rows


Progress = Callable[[float], None]


@dataclass
class Plan:
    """One direction of one exchange: which rows of the source go to the target."""

    tables: list[SyncedTable]
    where: dict[str, tuple[str, dict]]  # table -> (SQL condition, params) on the source
    tombstone_where: tuple[str, dict]


# ------------------------------------------------------------------ snapshots


@contextmanager
def snapshot(engine: Engine):
    """A read transaction that sees one state of the database across every statement."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection
        else:
            connection.exec_driver_sql("BEGIN")
            try:
                connection.exec_driver_sql("SELECT value FROM core_sync_counter").fetchall()
                yield connection
            finally:
                connection.exec_driver_sql("ROLLBACK")


# ------------------------------------------------------------------ batches


def batch_bounds(connection: Connection, plan: Plan, lo: int, top: int, size: int = BATCH_ROWS) -> int:
    """The end of the next batch after ``lo``: whole change numbers, about ``size`` rows per table."""
    hi = top
    for t in plan.tables:
        where, params = plan.where.get(t.name, ("", {}))
        sql = (f"SELECT sync_seq FROM {t.name} WHERE sync_seq > :lo AND sync_seq <= :top"
               f"{' AND (' + where + ')' if where else ''} ORDER BY sync_seq LIMIT 1 OFFSET :n")
        found = connection.execute(text(sql), {"lo": lo, "top": top, "n": size, **params}).scalar()
        if found is not None:
            hi = min(hi, found)
    return hi


def read_batch(connection: Connection, plan: Plan, lo: int, hi: int):
    rows = {}
    for t in plan.tables:
        where, params = plan.where.get(t.name, ("", {}))
        found = list(read_rows(connection, t, lo, hi, where, params))
        if found:
            rows[t.name] = found
    where, params = plan.tombstone_where
    deletes: dict[str, list] = {}
    for table, pk in read_tombstones(connection, lo, hi, where, params):
        deletes.setdefault(table, []).append(pk)
    return rows, deletes


def apply_batch(connection: Connection, tables: list[SyncedTable], rows: dict, deletes: dict,
                sender: Sender) -> ApplyReport:
    """Deletes first (children before parents), then rows (parents before children)."""
    report = ApplyReport()
    if not rows and not deletes:
        return report
    seq = capture.next_seq(connection)
    for t in reversed(tables):
        if t.name in deletes:
            report.add(apply_deletes(connection, t, deletes[t.name], sender))
    for t in tables:
        if t.name in rows:
            report.add(apply_table(connection, t, rows[t.name], seq, sender))
    return report


# ------------------------------------------------------------------ plans


def push_plan(connection: Connection, tables: list[SyncedTable], node_id: uuid.UUID) -> Plan:
    """What a node sends up: the rows its subtree owns (read at the node)."""
    dialect = connection.dialect.name
    subtree = Topology.read(connection).subtree(node_id)
    params = {"mine": bind_ids(subtree, dialect)}
    owned = [t for t in tables if t.owner]
    where = {t.name: (in_ids(t.owner, "mine", dialect), params) for t in owned}
    return Plan(owned, where, (in_ids("owner_id", "mine", dialect), params))


def pull_plan(connection: Connection, tables: list[SyncedTable], node_id: uuid.UUID) -> Plan:
    """What a parent sends down to a child (read at the parent): rows its ancestors own, rows of
    tables that go everywhere, and rows others wrote on the child's cases."""
    dialect = connection.dialect.name
    tree = Topology.read(connection)
    params = {"mine": bind_ids(tree.subtree(node_id), dialect), "above": bind_ids(tree.ancestors(node_id), dialect)}
    where = {}
    chosen = []
    for t in tables:
        if t.spec.everywhere or not t.owner:
            chosen.append(t)
            continue
        # An ancestor's reference rows come down; its operational rows (an "up" table) do not,
        # except what it wrote on this node's cases.
        conditions = [f"{t.owner} IS NULL", in_ids(t.owner, "above", dialect)] if t.spec.direction == "down" else []
        if t.spec.audience:
            conditions.append(f"(({in_ids(t.spec.audience, 'mine', dialect)}) AND NOT "
                              f"({in_ids(t.owner, 'mine', dialect)}))")
        if conditions:
            chosen.append(t)
            where[t.name] = (" OR ".join(conditions), params)
    down = [t.name for t in chosen if t.spec.everywhere or not t.owner or t.spec.direction == "down"]
    tomb = (f"table_name IN ({', '.join(repr(n) for n in down) or 'NULL'}) AND (owner_id IS NULL OR "
            f"{in_ids('owner_id', 'above', dialect)} OR table_name IN "
            f"({', '.join(repr(t.name) for t in chosen if t.spec.everywhere) or 'NULL'}))", params)
    return Plan(chosen, where, tomb)


# ------------------------------------------------------------------ push


def push(source: Engine, target: Engine, tables: list[SyncedTable], *, progress: Progress | None = None,
         cancelled: Callable[[], bool] | None = None, batch_rows: int = BATCH_ROWS) -> SyncResult:
    """Send this node's changes to its parent until the parent has everything."""
    from app.sync.schema import check_compatible

    check_compatible(source, target)
    me = state.node_identity(source)
    result = SyncResult("push")
    with target.connect() as parent:
        mark = state.read_watermark(parent, me.org_id, "up")
        parent_database = state.database_id_in(parent)
    local = state.load(source).push
    with snapshot(source) as reading:
        top = capture.current_seq(reading)
        lo, result.full_resend = state.push_start(mark, local, top, parent_database)
        result.from_seq = result.to_seq = lo
        if lo < top:
            plan = push_plan(reading, tables, me.org_id)
            sender = Sender(me.org_id, may_own=set(bind_ids(Topology.read(reading).subtree(me.org_id), "postgresql")))
            expected = mark.token if mark else None
            with prefetched(source, _batches(reading, plan, lo, top, batch_rows)) as batches:
                for hi, rows, deletes in batches:
                    if cancelled and cancelled():
                        raise Cancelled()
                    token = secrets.token_hex(16)
                    with target.begin() as parent:
                        state.claim_watermark(parent, me.org_id, "up", expected)
                        report = apply_batch(parent, tables, rows, deletes, sender)
                        state.write_watermark(parent, me.org_id, "up", hi, token, me.database_id)
                    state.remember(source, "push", seq=hi, token=token, parent_database=parent_database)
                    expected = token
                    result.report.add(report)
                    result.batches += 1
                    result.to_seq = hi
                    if progress:
                        progress(hi / top)
    state.note_done(source, "push", result)
    return result


def _batches(reading: Connection, plan: Plan, lo: int, top: int, size: int) -> Iterator[tuple[int, dict, dict]]:
    while lo < top:
        hi = batch_bounds(reading, plan, lo, top, size)
        rows, deletes = read_batch(reading, plan, lo, hi)
        yield hi, rows, deletes
        lo = hi


@contextmanager
def prefetched(source: Engine, batches: Iterator):
    """``batches``, each read while the one before is applied: the reader thread's database
    work overlaps the parent's. The reader is the snapshot's only user until it is joined,
    which happens before the snapshot ends, however the caller leaves. An in-memory SQLite
    database is tied to its thread: it is read in line."""
    if source.dialect.name == "sqlite" and source.url.database in (None, "", ":memory:"):
        yield batches
        return
    handoff: queue.Queue = queue.Queue(maxsize=1)  # one batch ahead bounds the memory held
    stop = threading.Event()
    reader = threading.Thread(target=_read_ahead, args=(batches, handoff, stop), name="sync-reader", daemon=True)
    reader.start()
    try:
        yield _received(handoff)
    finally:
        stop.set()
        reader.join()


def _read_ahead(batches: Iterator, handoff: queue.Queue, stop: threading.Event) -> None:
    try:
        for item in batches:
            if not _hand_over(handoff, stop, (True, item)):
                return
        _hand_over(handoff, stop, (True, _DONE))
    except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
        _hand_over(handoff, stop, (False, exc))
    finally:
        if hasattr(batches, "close"):
            batches.close()


def _hand_over(handoff: queue.Queue, stop: threading.Event, item) -> bool:
    while not stop.is_set():
        try:
            handoff.put(item, timeout=0.1)
            return True
        except queue.Full:
            continue
    return False


def _received(handoff: queue.Queue) -> Iterator:
    while True:
        ok, item = handoff.get()
        if not ok:
            raise item
        if item is _DONE:
            return
        yield item


_DONE = object()


# ------------------------------------------------------------------ pull


def pull(target: Engine, source: Engine, tables: list[SyncedTable], *, progress: Progress | None = None,
         cancelled: Callable[[], bool] | None = None, batch_rows: int = BATCH_ROWS) -> SyncResult:
    """Fetch from the parent (``source``) what this node (``target``) should hold."""
    from app.sync.schema import check_compatible

    check_compatible(target, source)
    me = state.node_identity(target)
    result = SyncResult("pull")
    local = state.load(target).pull
    parent_database = state.database_id(source)
    with target.connect() as mine:
        own = set(bind_ids(Topology.read(mine).subtree(me.org_id), "postgresql"))
    with snapshot(source) as reading:
        top = capture.current_seq(reading)
        mark = state.read_watermark(reading, me.org_id, "down")
        lo, result.full_resend = state.pull_start(mark, local, top, parent_database)
        result.from_seq = result.to_seq = lo
        plan = pull_plan(reading, tables, me.org_id)
        while lo < top:
            if cancelled and cancelled():
                raise Cancelled()
            hi = batch_bounds(reading, plan, lo, top, batch_rows)
            rows, deletes = read_batch(reading, plan, lo, hi)
            token = secrets.token_hex(16)
            with target.begin() as connection:
                report = apply_batch(connection, tables, rows, deletes, Sender(None, own=own))
                state.remember_in(connection, "pull", seq=hi, token=token, parent_database=parent_database)
            with source.begin() as parent:  # the receipt: how far this node has what the parent had
                state.write_watermark(parent, me.org_id, "down", hi, token, me.database_id)
            result.report.add(report)
            result.batches += 1
            result.to_seq = lo = hi
            if progress:
                progress(lo / top if top else 1.0)
    state.note_done(target, "pull", result)
    return result
