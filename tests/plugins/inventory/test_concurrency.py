"""Two sessions take the last unit at once on PostgreSQL: one wins, the other gets a clear
error, and the ledger still adds up to the balances."""

import threading
import time
import uuid

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.ids import org_id_for_code
from app.specs import PartsUsage, UsedPart
from plugins.inventory import ledger, service
from plugins.inventory.ledger import InsufficientStock
from plugins.inventory.models import Movement


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_two_sessions_issuing_the_last_unit(ctx, admin, stock):
    bj = stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "DIMM-32G", 1)
    first_holds_lock = threading.Event()
    results = {}

    def fit(name: str, hold: bool) -> None:
        usage = PartsUsage(uuid.uuid4(), f"BJ-2026-{name}", org_id_for_code("BJ"), (UsedPart("DIMM-32G", 1),),
                           None, utcnow())
        try:
            with ctx.transaction() as session:
                ctx.hook.parts_used(session=session, usage=usage)
                if hold:  # keep the row locked while the other session tries
                    first_holds_lock.set()
                    time.sleep(0.8)
            results[name] = "ok"
        except InsufficientStock as exc:
            results[name] = str(exc)

    winner = threading.Thread(target=fit, args=("A", True))
    winner.start()
    assert first_holds_lock.wait(10)
    loser = threading.Thread(target=fit, args=("B", False))
    started = time.monotonic()
    loser.start()
    winner.join(10)
    loser.join(10)
    assert results["A"] == "ok"
    assert results["B"].startswith("Not enough stock of DIMM-32G in depot BJ-D1")
    assert time.monotonic() - started > 0.3  # the loser waited for the winner's lock, then re-checked
    with ctx.reading() as session:
        row = service.depot_balances(session, admin, bj)[0]
        assert (row.on_hand, row.reserved, row.defective) == (0, 0, 1)
        assert session.scalar(select(func.count()).select_from(Movement).where(Movement.kind == "issue")) == 1
        replayed = {k: v for k, v in ledger.replay(session).items() if any(v)}
        assert replayed == {k: v for k, v in ledger.stored_balances(session).items() if any(v)}
