"""Property test: any sequence of movements keeps the balance table equal to the ledger
replayed, never negative, and every serial number in exactly one place."""

import itertools
import uuid
from collections import defaultdict
from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.errors import UserError
from app.specs import PartLine, PartsRequest, PartsUsage, UsedPart
from plugins.inventory import ledger, service
from plugins.inventory.models import Depot, Movement, Part, SerialUnit, Transfer

DEPOTS = ("HQ-C", "BJ-D1", "BJ-P01-D1")
PARTS = ("DIMM-32G", "HDD-2T")
OPS = ("receive", "transfer", "receive_transfer", "request", "use", "cancel", "rma", "adjust_in", "adjust_out",
       "return_unused")
counter = itertools.count()
AT = datetime(2026, 8, 1, tzinfo=timezone.utc)


def serials_at(session, depot_id, part, state, n):
    part_id = session.scalar(select(Part.id).where(Part.part_number == part))
    return list(session.scalars(select(SerialUnit.serial).where(
        SerialUnit.depot_id == depot_id, SerialUnit.part_id == part_id, SerialUnit.state == state)
        .order_by(SerialUnit.serial).limit(n)))


def apply(ctx, admin, stock, tickets, op, d1, d2, part, qty):
    source, target = stock.depots[DEPOTS[d1]], stock.depots[DEPOTS[d2]]
    serialised = part == "HDD-2T"
    with ctx.transaction() as session:
        org_id = session.get(Depot, source).org_id
        if op == "receive":
            service.receive(session, admin, source, part, qty, [f"S{next(counter)}" for _ in range(qty)])
        elif op == "transfer":
            serials = serials_at(session, source, part, "in_stock", qty) if serialised else []
            service.send_transfer(session, admin, source, target, part, qty, serials)
        elif op == "receive_transfer":
            pending = session.scalar(select(Transfer.id).where(Transfer.state == "in_transit").limit(1))
            if pending:
                service.receive_transfer(session, admin, pending)
        elif op == "request":
            ticket = uuid.uuid4()
            tickets.append((ticket, org_id, part))
            ctx.hook.parts_requested(session=session, request=PartsRequest(
                ticket, f"T{ticket.hex[:6]}", org_id, (PartLine(part, 1 if serialised else qty),), None, AT))
        elif op == "use" and tickets:
            ticket, org, used = tickets[qty % len(tickets)]
            depot = stock.depots[{v: k for k, v in stock_orgs(session, stock).items()}.get(org, "HQ-C")]
            installed = (serials_at(session, depot, used, "in_stock", 1) or ["NONE"])[0] if used == "HDD-2T" else None
            ctx.hook.parts_used(session=session, usage=PartsUsage(ticket, f"T{ticket.hex[:6]}", org, (
                UsedPart(used, 1, installed, f"OLD{next(counter)}"),), None, AT))
        elif op == "cancel" and tickets:
            service.cancel_requests(session, admin, tickets[qty % len(tickets)][0])
        elif op == "rma":
            serials = serials_at(session, source, part, "defective", qty) if serialised else []
            service.send_defective_to_hq(session, admin, source, part, qty, serials)
        elif op == "adjust_in":
            service.adjust(session, admin, source, part, qty, "盘盈", [f"F{next(counter)}" for _ in range(qty)])
        elif op == "adjust_out":
            serials = serials_at(session, source, part, "in_stock", qty) if serialised else []
            service.adjust(session, admin, source, part, -qty, "盘亏", serials)
        elif op == "return_unused":
            installed = session.execute(select(SerialUnit.serial, SerialUnit.ticket_id).where(
                SerialUnit.state == "installed").limit(1)).first()
            if serialised and installed:
                service.return_unused(session, admin, source, part, installed[1], "T", 1, [installed[0]])
            elif not serialised:
                service.return_unused(session, admin, source, part, uuid.uuid4(), "T", qty)


def stock_orgs(session, stock):
    return {code: session.get(Depot, depot_id).org_id for code, depot_id in stock.depots.items() if code in DEPOTS}


def check_invariants(ctx):
    with ctx.reading() as session:
        replayed = {k: v for k, v in ledger.replay(session).items() if any(v)}
        stored = {k: v for k, v in ledger.stored_balances(session).items() if any(v)}
        assert replayed == stored
        assert all(min(v) >= 0 and v[1] <= v[0] for v in stored.values())
        per_serial = defaultdict(lambda: defaultdict(int))
        for depot, serial, on_hand, in_transit, defective in session.execute(select(
                Movement.depot_id, Movement.serial, Movement.d_on_hand, Movement.d_in_transit, Movement.d_defective)
                .where(Movement.serial.is_not(None))):
            for bucket, delta in (("in_stock", on_hand), ("in_transit", in_transit), ("defective", defective)):
                per_serial[serial][(depot, bucket)] += delta
        for unit in session.scalars(select(SerialUnit)):
            places = {k: v for k, v in per_serial[unit.serial].items() if v}
            if unit.state in ("in_stock", "in_transit", "defective"):
                assert places == {(unit.depot_id, unit.state): 1}, unit.serial
            else:
                assert places == {}, unit.serial


operations = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 2), st.integers(0, 2),
                                st.sampled_from(PARTS), st.integers(1, 3)), min_size=3, max_size=14)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(ops=operations)
def test_random_movements_keep_balances_equal_to_the_ledger(sqlite_ctx, sqlite_admin, sqlite_stock, ops):
    tickets = []
    for op in ops:
        try:
            apply(sqlite_ctx, sqlite_admin, sqlite_stock, tickets, *op)
        except UserError:
            pass  # refused moves (not enough stock, wrong serial) must leave no trace
        check_invariants(sqlite_ctx)
