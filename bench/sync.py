"""Sync figures at scale (issue: sync). Prints figures; never fails on a time.

A branch on SQLite pushes ticket-like rows to HQ on a throwaway PostgreSQL server; each figure
is printed beside its reference measured in the same run:

    initial push of N rows ≤ 1.5 × a raw COPY of the same rows into a table with only its key
    a push with nothing to send ≤ 20 ms · a push of 1,000 changed rows among N ≤ 200 ms
    20 nodes pushing into one HQ at once: all finish, no error (time beside one after another)

    python bench/sync.py [--rows 1000000] [--batch 20000] [--nodes 20] [--node-rows 5000]

The rows live in a bench-only table (``bench_tickets``) created on both real installations,
with the same capture triggers and the same ``SyncedTable`` description as a declared table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
os.environ.setdefault("SERVICE_CENTER_LANG", "en")
os.environ.setdefault("SERVICE_CENTER_HOME", tempfile.mkdtemp(prefix="sc-bench-home-"))

BUDGETS = {"ratio": 1.5, "empty": 20, "changed": 200}
TABLE = "bench_tickets"
POOL = 10_007  # distinct values per column: a prime, so the columns do not repeat in step
STATES = ("new", "accepted", "dispatched", "on_site", "waiting_parts", "resolved", "closed")
WORDS = ("服务器", "无法开机", "风扇异响", "硬盘故障", "内存报错", "电源告警", "主板更换", "客户报修",
         "现场检测", "固件升级", "网络中断", "温度过高", "阵列降级", "需要备件", "已联系客户")


# ------------------------------------------------------------------ installations


def installation(url: str, code: str, tier: str, parent: str | None = None, children: tuple = ()):
    """A set-up node (as ``service-center init`` leaves it) holding the bench table."""
    from app.config import Config
    from app.orgs.service import build_org, get_by_code
    from app.runtime import open_context
    from app.setup import initialize

    ctx = open_context(Config(), url)
    with ctx.transaction() as session:
        initialize(session, tier=tier, code=code, name=f"{code} 单位", parent_code=parent,
                   admin_username="admin", admin_password="bench-password-1")
        session.flush()
        for child in children:
            session.add(build_org(child, f"{child} 单位", "branch", get_by_code(session, code)))
    add_bench_table(ctx.engine)
    return ctx


def bench_table(metadata, name: str = TABLE, with_seq: bool = True):
    from sqlalchemy import JSON, BigInteger, Boolean, Column, Integer, String, Table, Text, Uuid

    from app.db.types import UTCDateTime

    columns = [Column("id", Uuid, primary_key=True), Column("org_id", Uuid, nullable=False),
               Column("number", String(32), nullable=False), Column("title", String(200)),
               Column("symptom", Text), Column("customer", String(200)), Column("state", String(20)),
               Column("priority", Integer), Column("opened_at", UTCDateTime), Column("updated", UTCDateTime),
               Column("details", JSON), Column("breached", Boolean), Column("created_at", UTCDateTime),
               Column("updated_at", UTCDateTime), Column("deleted_at", UTCDateTime),
               Column("row_version", BigInteger)]
    if with_seq:
        columns.append(Column("sync_seq", BigInteger, index=True))
    return Table(name, metadata, *columns)


def synced(table):
    from app.specs import SyncTable
    from app.sync.registry import SyncedTable, column_kind

    columns = [c for c in table.columns if c.name != "sync_seq"]
    return SyncedTable(SyncTable(TABLE, "up"), table, tuple(c.name for c in columns),
                       tuple(column_kind(c.type) for c in columns), tuple(c.name for c in table.primary_key.columns))


def add_bench_table(engine) -> None:
    from sqlalchemy import MetaData

    from app.sync import capture

    table = bench_table(MetaData())
    with engine.begin() as connection:
        table.create(connection)
        install = capture._install_postgresql if engine.dialect.name == "postgresql" else capture._install_sqlite
        install(connection, [synced(table)])


# ------------------------------------------------------------------ data


def wire_rows(org_hex: str, code: str, count: int, seed: int) -> list[tuple]:
    """Rows as SQLite stores them (the wire form), without sync_seq; values drawn from pools so
    that a million rows take seconds to make, not minutes."""
    from app.ids import new_id

    rng = random.Random(seed)
    days = [f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999999):06d}" for _ in range(POOL)]
    titles = ["".join(rng.sample(WORDS, 3)) for _ in range(POOL)]
    symptoms = ["，".join(rng.sample(WORDS, 6)) for _ in range(POOL)]
    details = [json.dumps({"serial": f"SN{rng.randint(0, 10**9):09d}", "model": f"R{rng.randint(100, 999)}",
                           "tags": rng.sample(WORDS, 2)}, ensure_ascii=False) for _ in range(POOL)]
    prefix = new_id().hex[:20]  # UUIDv7 time and version, then a counter: ordered and unique
    rows = []
    for i in range(count):
        a, b, c = i % POOL, (i * 7919) % POOL, (i * 104729) % POOL
        rows.append((f"{prefix}{i:012x}", org_hex, f"{code}-{i:08d}", titles[a], symptoms[b], f"客户{c % 5000}",
                     STATES[b % len(STATES)], c % 4 + 1, days[a], days[b], details[c], b % 2, days[a], days[c],
                     days[b] if c % 50 == 0 else None, 1))
    return rows


def fill(engine, rows: list[tuple]) -> None:
    """Insert as captured rows would be: one change number each, then the counter moved past them."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        base = cursor.execute("SELECT value FROM core_sync_counter WHERE id = 1").fetchone()[0]
        marks = ", ".join("?" * (len(rows[0]) + 1))
        for start in range(0, len(rows), 50_000):
            cursor.executemany(f"INSERT INTO {TABLE} VALUES ({marks})",
                               [(*row, base + start + i + 1) for i, row in enumerate(rows[start:start + 50_000])])
        cursor.execute("UPDATE core_sync_counter SET value = ? WHERE id = 1", (base + len(rows),))
        raw.commit()
    finally:
        raw.close()


def raw_copy(url: str, rows: list[tuple], name: str) -> float:
    """The reference: one COPY of the rows into an empty table that has only its primary key."""
    import psycopg
    from sqlalchemy import MetaData, create_engine

    engine = create_engine(url)
    table = bench_table(MetaData(), name, with_seq=False)
    table.create(engine)
    engine.dispose()
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        conn.execute("SET TIME ZONE 'UTC'")
        started = time.perf_counter()
        with conn.cursor() as cursor, cursor.copy(f"COPY {name} ({', '.join(table.columns.keys())}) "
                                                  "FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        conn.commit()
        return time.perf_counter() - started


def count(engine) -> int:
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"SELECT count(*) FROM {TABLE}").scalar()


# ------------------------------------------------------------------ figures


def load() -> str:
    """Other work on the machine moves every figure: say how busy it was."""
    return f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"


def verdict(ok: bool) -> str:
    return "within" if ok else "OVER"


def timed_push(node, hq, t, batch: int):
    from app.sync import engine

    started = time.perf_counter()
    result = engine.push(node.engine, hq.engine, [t], batch_rows=batch)
    return (time.perf_counter() - started), result


def initial_push(server, args, folder: Path):
    from sqlalchemy import MetaData

    from app.ids import org_id_for_code

    print(f"\n== initial push: {args.rows:,} rows, SQLite -> PostgreSQL, batches of {args.batch:,}{load()}", flush=True)
    hq_url = server.url(server.create_database())
    hq = installation(hq_url, "HQ", "hq", children=("BJ",))
    bj = installation(f"sqlite:///{folder / 'BJ.sqlite3'}", "BJ", "branch", parent="HQ")
    started = time.perf_counter()
    rows = wire_rows(org_id_for_code("BJ").hex, "BJ", args.rows, seed=1)
    fill(bj.engine, rows)
    print(f"  .. generated and stored at the branch in {time.perf_counter() - started:.1f} s", flush=True)
    # the machine may be shared: the reference is taken before and after the push, and averaged
    before = raw_copy(hq_url, rows, "bench_raw_before")
    t = synced(bench_table(MetaData()))
    seconds, result = timed_push(bj, hq, t, args.batch)
    after = raw_copy(hq_url, rows, "bench_raw_after")
    del rows
    reference = (before + after) / 2
    arrived = count(hq.engine)
    ratio = seconds / reference
    print(f"  {'raw COPY into a table with only its key':<52} {reference:8.2f} s  "
          f"(before {before:.2f} s, after {after:.2f} s)", flush=True)
    print(f"  {'initial push (' + f'{result.batches} batches, {arrived:,} rows arrived)':<52} {seconds:8.2f} s  "
          f"ratio {ratio:5.2f}x  budget {BUDGETS['ratio']:.1f}x  {verdict(ratio <= BUDGETS['ratio'])}", flush=True)
    if arrived != args.rows or result.report.errors:
        print(f"  !! expected {args.rows:,} rows and no errors, got {arrived:,} and {result.report.errors}", flush=True)
    return hq, bj, t


def small_pushes(hq, bj, t, args) -> None:
    print(f"\n== pushes inside one process ({count(bj.engine):,} rows at the branch){load()}", flush=True)
    timed_push(bj, hq, t, args.batch)  # warm: connections, statement caches
    samples = []
    for _ in range(args.runs):
        seconds, result = timed_push(bj, hq, t, args.batch)
        assert result.batches == 0, "an empty push sent something"
        samples.append(seconds * 1000)
    line("push with nothing to send", samples, BUDGETS["empty"])
    rng = random.Random(7)
    with bj.engine.connect() as connection:
        top = connection.exec_driver_sql(f"SELECT max(rowid) FROM {TABLE}").scalar()
    samples = []
    for run in range(args.runs):
        picked = rng.sample(range(1, top + 1), args.changed)
        with bj.engine.begin() as connection:  # the capture triggers number each change
            connection.exec_driver_sql(
                f"UPDATE {TABLE} SET state = 'closed', priority = {run % 4 + 1}, updated_at = "
                f"strftime('%Y-%m-%d %H:%M:%f000', 'now') WHERE rowid IN ({', '.join(map(str, picked))})")
        seconds, result = timed_push(bj, hq, t, args.batch)
        assert result.rows == args.changed and not result.report.errors, result
        samples.append(seconds * 1000)
    line(f"push of {args.changed:,} changed rows", samples, BUDGETS["changed"])


def line(label: str, samples: list[float], budget: float) -> None:
    median, worst = statistics.median(samples), max(samples)
    state = "within" if worst <= budget else ("median within" if median <= budget else "OVER")
    print(f"  {label:<52} median {median:8.1f} ms  max {worst:8.1f} ms  budget {budget:5.0f} ms  {state}",
          flush=True)


def many_nodes(server, args, folder: Path) -> None:
    """The same pushes one after another into one HQ, then all at once into another."""
    from sqlalchemy import MetaData

    from app.db.engine import make_engine
    from app.ids import org_id_for_code
    from app.sync import engine

    print(f"\n== {args.nodes} nodes x {args.node_rows:,} rows into one HQ{load()}", flush=True)
    codes = tuple(f"B{i:02d}" for i in range(1, args.nodes + 1))
    hqs = [installation(server.url(server.create_database()), "HQ", "hq", children=codes) for _ in range(2)]
    nodes = []
    for i, code in enumerate(codes):
        node = installation(f"sqlite:///{folder / f'{code}.sqlite3'}", code, "branch", parent="HQ")
        fill(node.engine, wire_rows(org_id_for_code(code).hex, code, args.node_rows, seed=100 + i))
        nodes.append(node)
    t = synced(bench_table(MetaData()))
    started = time.perf_counter()
    for node in nodes:
        engine.push(node.engine, hqs[0].engine, [t], batch_rows=args.batch)
    one_by_one = time.perf_counter() - started

    url = hqs[1].engine.url.render_as_string(hide_password=False)
    results, failures = {}, {}

    def push(node, code):
        parent = make_engine(url)  # each branch is its own process with its own connections
        try:
            results[code] = engine.push(node.engine, parent, [t], batch_rows=args.batch)
        except Exception as exc:  # noqa: BLE001 - reported below, the bench goes on
            failures[code] = f"{type(exc).__name__}: {exc}"
        finally:
            parent.dispose()

    threads = [threading.Thread(target=push, args=(node, code), daemon=True) for node, code in zip(nodes, codes)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(60.0, 20 * one_by_one))
    together = time.perf_counter() - started
    stalled = [code for thread, code in zip(threads, codes) if thread.is_alive()]
    errors = sum(r.report.errors for r in results.values())
    arrived, expected = count(hqs[1].engine), args.nodes * args.node_rows
    print(f"  {'one after another':<52} {one_by_one:8.2f} s", flush=True)
    print(f"  {'all at once (threads)':<52} {together:8.2f} s  finished {len(results)}/{args.nodes}  "
          f"failed {len(failures)}  stalled {len(stalled)}  row errors {errors}  rows {arrived:,}/{expected:,}  "
          f"{'ok' if not failures and not stalled and not errors and arrived == expected else 'NOT OK'}", flush=True)
    for code, message in sorted(failures.items()):
        print(f"  !! {code}: {message.splitlines()[0][:200]}", flush=True)


def main() -> None:
    from app.sync.engine import BATCH_ROWS

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=BATCH_ROWS, help="rows per batch")
    parser.add_argument("--changed", type=int, default=1_000, help="changed rows in the small push")
    parser.add_argument("--runs", type=int, default=7, help="samples of each small push")
    parser.add_argument("--nodes", type=int, default=20)
    parser.add_argument("--node-rows", type=int, default=5_000)
    args = parser.parse_args()
    args.changed = min(args.changed, args.rows)

    from pgserver import PostgresServer, find_bin_dir

    folder = Path(tempfile.mkdtemp(prefix="sc-bench-sync-"))
    server = PostgresServer(find_bin_dir()).start()
    try:
        hq, bj, t = initial_push(server, args, folder)
        small_pushes(hq, bj, t, args)
        for ctx in (hq, bj):
            ctx.engine.dispose()
        many_nodes(server, args, folder)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    print(textwrap.dedent(__doc__).strip().splitlines()[0], flush=True)
    main()
