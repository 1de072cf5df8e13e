"""Ordered correctly (docs/sync.md): on PostgreSQL a change number taken early may commit late. A
push running while writers hold their transactions open must never move HQ's watermark past
a change that is still to commit: after the writers stop and one more push, every row written
at the branch is at HQ."""

from __future__ import annotations

import os
import random
import threading
import time

import pytest
from sqlalchemy import text

from app.ids import org_id_for_code
from app.sync import engine
from syncnet import rows_of

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SECONDS = 20.0 if os.environ.get("CI") else 4.0
WRITERS = 4

INSERT = text("INSERT INTO customers_customers (id, org_id, name, region, created_at, updated_at, row_version) "
              "VALUES (gen_random_uuid(), :org, :name, :region, now(), now(), 1)")


def test_changes_committed_out_of_order_are_never_skipped(network, tables):
    hq = network.node("HQ", "postgresql", children=(("BJ", "branch"),))
    bj = network.node("BJ", "postgresql", parent="HQ")
    org = org_id_for_code("BJ")
    stop = threading.Event()
    failures: list[BaseException] = []
    written: list[list[str]] = [[] for _ in range(WRITERS)]
    pushes = []

    def writer(number: int) -> None:
        rng = random.Random(number)
        n = 0
        try:
            with bj.engine.connect() as connection:
                while not stop.is_set():
                    transaction = connection.begin()
                    names = []
                    for _ in range(rng.randint(1, 3)):
                        names.append(f"w{number}-{n:06d}")
                        n += 1
                        connection.execute(INSERT, {"org": org, "name": names[-1], "region": f"写者{number}"})
                        # hold the transaction open after its first write: a later
                        # transaction may take a larger number and commit first
                        time.sleep(rng.uniform(0, 0.004))
                    if rng.random() < 0.1:  # some never commit
                        transaction.rollback()
                        continue
                    transaction.commit()
                    written[number].extend(names)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    def pusher() -> None:
        try:
            while not stop.is_set():
                pushes.append(engine.push(bj.engine, hq.engine, tables, batch_rows=200))
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    threads.append(threading.Thread(target=pusher))
    for thread in threads:
        thread.start()
    time.sleep(SECONDS)
    stop.set()
    for thread in threads:
        thread.join(60)
    assert not failures, failures
    assert not any(thread.is_alive() for thread in threads)

    engine.push(bj.engine, hq.engine, tables)
    expected = sorted(name for names in written for name in names)
    assert len(expected) > 50 and sum(p.rows for p in pushes) > 0
    with hq.engine.connect() as connection:
        at_hq = sorted(connection.execute(text("SELECT name FROM customers_customers WHERE org_id = :org"),
                                          {"org": org}).scalars())
        assert connection.exec_driver_sql("SELECT count(*) FROM core_sync_errors").scalar() == 0
    assert at_hq == expected
    where = f"org_id = '{org}'"
    assert rows_of(hq, "customers_customers", where) == rows_of(bj, "customers_customers", where)
