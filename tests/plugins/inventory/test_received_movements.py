"""Stock a branch moved and pushed: HQ's balances, serial places and stock figures for the
branch's depots follow once the catch-up over received movements has run."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from app import installation
from app.auth.service import authenticate
from app.clock import utcnow
from app.ids import org_id_for_code
from app.specs import PartLine, PartsRequest, PartsUsage, UsedPart
from app.sync import engine
from app.sync.registry import synced_tables
from plugins.inventory import ledger, received, service
from plugins.inventory.models import Depot, Part, SerialUnit
from syncnet import Network
from testdata import ADMIN_PASSWORD


@pytest.fixture
def network(tmp_path, plugin_host, request):
    net = Network(tmp_path, plugin_host, request)
    yield net
    net.close()


@pytest.fixture
def tables(plugin_host):
    return synced_tables(plugin_host)


def _admin(ctx, code: str):
    with ctx.reading() as session:
        return authenticate(session, f"admin@{code}", ADMIN_PASSWORD)


def _hq_and_branch(network, tables):
    hq = network.node("HQ", "postgresql", children=(("BJ", "branch"),))
    with hq.transaction() as session:
        session.add_all([Part(part_number="DIMM-32G", name_zh="32GB 内存条", unit_cost=Decimal("1280.00")),
                         Part(part_number="HDD-2T", name_zh="2TB 硬盘", unit_cost=Decimal("950.50"),
                              serialised=True)])
    bj = network.node("BJ", "sqlite", parent="HQ")
    engine.pull(bj.engine, hq.engine, tables)  # the catalog comes down first
    return hq, bj


def _branch_moves_stock(bj):
    """Receive, stocktake, a transfer on its way and one received, and parts used on a repair."""
    actor = _admin(bj, "BJ")
    ticket = uuid.uuid4()
    with bj.transaction() as session:
        main = service.create_depot(session, actor, org_code="BJ", code="BJ-D1", name="北京库", kind="branch").id
        van = service.create_depot(session, actor, org_code="BJ", code="BJ-V1", name="北京服务车", kind="van").id
        service.set_level(session, actor, main, "DIMM-32G", 8, 20)
        service.receive(session, actor, main, "DIMM-32G", 10)
        service.receive(session, actor, main, "HDD-2T", 3, serials=["SN-1", "SN-2", "SN-3"])
        service.adjust(session, actor, main, "DIMM-32G", -1, "盘点短少")
        service.send_transfer(session, actor, main, van, "DIMM-32G", 2)
        sent = service.send_transfer(session, actor, main, van, "HDD-2T", 1, serials=["SN-2"])
        service.receive_transfer(session, actor, sent.id)
    at = utcnow()
    with bj.transaction() as session:
        bj.plugins.hook.parts_requested(session=session, request=PartsRequest(
            ticket, "BJ-0001", org_id_for_code("BJ"), (PartLine("DIMM-32G", 3), PartLine("HDD-2T")),
            actor.user_id, at))
        bj.plugins.hook.parts_used(session=session, usage=PartsUsage(
            ticket, "BJ-0001", org_id_for_code("BJ"),
            (UsedPart("DIMM-32G", 2), UsedPart("HDD-2T", installed_serial="SN-1", removed_serial="SN-OLD")),
            actor.user_id, at + timedelta(seconds=1)))
    return main, van


def _catch_up(ctx) -> int:
    job = next(job for group in ctx.plugins.hook.periodic_jobs() for job in group
               if job.id == "inventory.received_catch_up")
    return job.run(ctx)


def _figures(ctx, code: str, depots):
    """What the branch's depots look like through the door, read with ``code``'s admin."""
    actor = _admin(ctx, code)
    with ctx.reading() as session:
        balances = {d: service.depot_balances(session, actor, d) for d in depots}
        stored = {d: ledger.stored_balances(session, d) for d in depots}
        low = service.low_stock(session, actor, org_id=org_id_for_code("BJ"))
        value = [row for row in service.stock_value(session, actor, org_id=org_id_for_code("BJ"))[0]]
        serials = sorted((s, st, d, t) for s, st, d, t in session.execute(
            select(SerialUnit.serial, SerialUnit.state, SerialUnit.depot_id, SerialUnit.ticket_id)))
    return balances, stored, low, value, serials


def _versions(ctx):
    with ctx.engine.connect() as connection:
        return sorted(connection.execute(text("SELECT depot_id, part_id, version FROM inventory_balances")).all())


@pytest.mark.postgres
def test_hq_stock_of_a_branch_depot_follows_its_pushed_ledger(network, tables):
    hq, bj = _hq_and_branch(network, tables)
    depots = _branch_moves_stock(bj)
    assert engine.push(bj.engine, hq.engine, tables).report.errors == 0
    with hq.reading() as session:
        assert ledger.stored_balances(session, depots[0]) == {}  # the sync applies rows, not the ledger

    assert _catch_up(hq) == 4  # (depot, part) pairs: two parts in two depots
    expected = _figures(bj, "BJ", depots)
    assert _figures(hq, "HQ", depots) == expected
    assert expected[2] and expected[3]  # low stock and stock value have something to compare
    assert ("SN-OLD", "defective") in {row[:2] for row in expected[4]}

    versions = _versions(hq)
    assert _catch_up(hq) == 0  # nothing new: nothing done
    with hq.transaction() as session:
        installation.set_value(session, received.MARK, 0)
    assert _catch_up(hq) == 4  # the whole ledger again: the same balances, not one row rewritten
    assert _versions(hq) == versions and _figures(hq, "HQ", depots) == expected

    actor = _admin(bj, "BJ")
    with bj.transaction() as session:
        service.send_defective_to_hq(session, actor, depots[0], "HDD-2T", 1, serials=["SN-OLD"])
        service.receive(session, actor, depots[1], "DIMM-32G", 5)
    engine.push(bj.engine, hq.engine, tables)
    assert _catch_up(hq) == 2
    assert _figures(hq, "HQ", depots) == _figures(bj, "BJ", depots)


@pytest.mark.postgres
def test_the_mark_stops_below_a_change_still_committing(network, tables):
    hq, bj = _hq_and_branch(network, tables)
    main, _ = _branch_moves_stock(bj)
    engine.push(bj.engine, hq.engine, tables)
    with hq.engine.connect() as late:
        late.begin()
        # A received row taking a change number in a transaction that has not committed (the
        # ledger is append-only: its change number is all that may change).
        late.execute(text("UPDATE inventory_movements SET sync_seq = sc_sync_next_seq() WHERE id = "
                          "(SELECT id FROM inventory_movements WHERE depot_id = :d ORDER BY id LIMIT 1)"), {"d": main})
        taken = late.execute(text("SELECT max(sync_seq) FROM inventory_movements")).scalar()
        _catch_up(hq)
        with hq.reading() as session:
            assert installation.get_value(session, received.MARK) < taken
        late.commit()
    assert _catch_up(hq) == 1
    with hq.reading() as session:
        assert installation.get_value(session, received.MARK) >= taken
