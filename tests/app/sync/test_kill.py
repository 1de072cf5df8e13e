"""Idempotent and resumable (docs/sync.md): a push killed at any moment (SIGKILL, in another
process) and run again gives the same result as one clean run: nothing lost, nothing doubled,
and HQ's watermark for the branch ends at the branch's change counter."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from app.ids import org_id_for_code
from app.sync import engine, state
from syncnet import rows_of

pytestmark = [
    pytest.mark.slow,
    pytest.mark.postgres,
    pytest.mark.skipif(sys.platform == "win32" or not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

ROUNDS = 30 if os.environ.get("CI") else 5
INITIAL_ROWS = 3_000
BATCH_ROWS = 50  # ~60 batches for the first push, 3 or more for each later one
NEW_PER_ROUND = 120
ROOT = Path(__file__).resolve().parents[3]
PYTHON = ROOT / ".venv" / "bin" / "python"

PUSHER = """
import sys
from app.db.engine import make_engine
from app.plugins import get_plugin_manager
from app.sync import engine
from app.sync.registry import synced_tables

child, parent, batch_rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
tables = synced_tables(get_plugin_manager())
source, target = make_engine(child), make_engine(parent)
print("start", flush=True)
engine.push(source, target, tables, batch_rows=batch_rows, progress=lambda done: print("batch", flush=True))
print("done", flush=True)
"""


def _url(ctx) -> str:
    return ctx.engine.url.render_as_string(hide_password=False)


def _insert_customers(ctx, rng: random.Random, count: int, tag: str) -> None:
    """Plain SQL in one transaction: the capture triggers number every row."""
    org = org_id_for_code("BJ").hex
    rows = [{"id": uuid.UUID(int=rng.getrandbits(128)).hex, "org": org, "name": f"{tag}-{n:05d}",
             "region": rng.choice(["华北", "华东", ""])} for n in range(count)]
    with ctx.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO customers_customers (id, org_id, name, region, created_at, updated_at, row_version) "
            "VALUES (:id, :org, :name, :region, '2026-11-27 08:00:00.000000', '2026-11-27 08:00:00.000000', 1)"),
            rows)


def _change_some(ctx, rng: random.Random, round_: int) -> None:
    """Updates and hard deletes between kills, so the resumed pushes carry tombstones too."""
    with ctx.engine.begin() as connection:
        ids = sorted(connection.exec_driver_sql("SELECT id FROM customers_customers").scalars())
        for customer in rng.sample(ids, 15):
            connection.exec_driver_sql(
                "UPDATE customers_customers SET region = ? WHERE id = ?", (f"第{round_}轮", customer))
        for customer in rng.sample(ids, 5):
            connection.exec_driver_sql("DELETE FROM customers_customers WHERE id = ?", (customer,))


def _push_and_kill(child_url: str, parent_url: str, rng: random.Random) -> bool:
    """Run a push in another process and SIGKILL it at a random moment: after a random number
    of batches plus a random delay (so inside a batch: reading, applying, committing or
    remembering). True if it was still running when killed."""
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    process = subprocess.Popen([str(python), "-c", PUSHER, child_url, parent_url, str(BATCH_ROWS)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    watchdog = threading.Timer(120, process.kill)
    watchdog.start()
    try:
        batches = rng.randrange(0, 8)
        line = process.stdout.readline()
        assert line == "start\n", (line, process.stderr.read())
        seen = 0
        while seen < batches:
            line = process.stdout.readline()
            if line != "batch\n":
                break
            seen += 1
        if line in ("", "done\n"):
            process.wait()
            return False
        threading.Event().wait(rng.uniform(0, 0.06))
        alive = process.poll() is None
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert process.returncode in (-signal.SIGKILL, 0), process.stderr.read()
        return alive and process.returncode == -signal.SIGKILL
    finally:
        watchdog.cancel()
        process.stdout.close()
        process.stderr.close()


def test_a_push_killed_at_random_moments_ends_with_exactly_the_branch_rows(network, tables):
    rng = random.Random(20261127)
    hq = network.node("HQ", "postgresql", children=(("BJ", "branch"),))
    bj = network.node("BJ", "sqlite", parent="HQ")
    _insert_customers(bj, rng, INITIAL_ROWS, "initial")

    killed = 0
    for round_ in range(ROUNDS):
        killed += _push_and_kill(_url(bj), _url(hq), rng)
        _insert_customers(bj, rng, NEW_PER_ROUND, f"round{round_:02d}")
        _change_some(bj, rng, round_)
    assert killed >= 1  # the kills did land inside pushes

    final = engine.push(bj.engine, hq.engine, tables, batch_rows=BATCH_ROWS)
    assert final.report.errors == 0 and final.report.conflicts == 0

    hq_rows = rows_of(hq, "customers_customers", f"org_id = '{org_id_for_code('BJ')}'")
    bj_rows = rows_of(bj, "customers_customers")
    assert len(hq_rows) == len(bj_rows) == INITIAL_ROWS + ROUNDS * (NEW_PER_ROUND - 5)
    assert hq_rows == bj_rows
    for t in tables:  # every other row BJ owns, too
        if t.owner:
            assert rows_of(hq, t.name, f"{t.owner} = '{org_id_for_code('BJ')}'") == \
                rows_of(bj, t.name, f"{t.owner} = '{org_id_for_code('BJ').hex}'"), t.name
    with hq.engine.connect() as connection:
        mark = state.read_watermark(connection, org_id_for_code("BJ"), "up")
        assert connection.exec_driver_sql("SELECT count(*) FROM core_sync_errors").scalar() == 0
        assert connection.exec_driver_sql("SELECT count(*) FROM core_sync_conflicts").scalar() == 0
    with bj.engine.connect() as connection:
        counter = connection.exec_driver_sql("SELECT value FROM core_sync_counter").scalar()
    assert mark.seq == counter
    assert engine.push(bj.engine, hq.engine, tables).batches == 0
