"""Part requests through the hooks: hits, misses with source and delay, usage, hit-rate arithmetic."""

import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.ids import org_id_for_code
from app.reports.period import parse_period
from app.specs import PartLine, PartOutcome, PartsRequest, PartsUsage, UsedPart
from plugins.inventory import service
from plugins.inventory.models import PartRequest, SerialUnit

AUG = datetime(2026, 8, 10, 9, 0, tzinfo=timezone.utc)


def request(org="BJ", lines=(("DIMM-32G", 1),), at=AUG, ticket_id=None):
    return PartsRequest(ticket_id or uuid.uuid4(), f"{org}-202608-{uuid.uuid4().hex[:6]}", org_id_for_code(org),
                        tuple(PartLine(p, q) for p, q in lines), None, at)


def ask(ctx, req):
    with ctx.transaction() as session:
        return ctx.hook.parts_requested(session=session, request=req)


def test_local_stock_is_a_hit_otherwise_up_the_tree_is_a_miss_with_source_and_delay(ctx, admin, stock):
    with ctx.transaction() as session:
        service.receive(session, admin, stock.depots["BJ-P01-D1"], "DIMM-32G", 1)
        service.receive(session, admin, stock.depots["BJ-D1"], "DIMM-32G", 1)
        service.receive(session, admin, stock.depots["HQ-C"], "DIMM-32G", 5)
    assert ask(ctx, request("BJ-P01")) == [PartOutcome("DIMM-32G", 1, True, "BJ-P01-D1",
                                                       "Reserved in the local depot BJ-P01-D1.")]
    second = ask(ctx, request("BJ-P01"))[0]
    assert (second.hit, second.source) == (False, "BJ-D1")
    third = ask(ctx, request("BJ-P01", lines=(("DIMM-32G", 2), ("NOPE-1", 1))))
    assert [(o.hit, o.source) for o in third] == [(False, "HQ-C"), (False, "")]
    nothing = ask(ctx, request("SH", lines=(("MB-X1", 1),)))[0]
    assert (nothing.hit, nothing.source) == (False, "")
    with ctx.reading() as session:
        rows = session.scalars(select(PartRequest).order_by(PartRequest.created_at)).all()
        assert [(r.hit, r.delay_hours, r.state) for r in rows] == [
            (True, 0, "reserved"), (False, 24, "reserved"), (False, 48, "reserved"), (False, 0, "unserved")]
        rows = {r.part_number: r for r in service.depot_balances(session, admin, stock.depots["HQ-C"])}
        assert (rows["DIMM-32G"].on_hand, rows["DIMM-32G"].reserved) == (5, 2)


def test_parts_used_issues_the_reservation_and_takes_the_faulty_part_back(ctx, admin, stock):
    bj = stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "HDD-2T", 2, serials=["NEW-1", "NEW-2"])
    req = request("BJ", lines=(("HDD-2T", 1),))
    assert ask(ctx, req)[0].hit
    usage = PartsUsage(req.ticket_id, req.ticket_number, req.org_id,
                       (UsedPart("HDD-2T", 1, installed_serial="NEW-1", removed_serial="OLD-9"),), None, AUG)
    with ctx.transaction() as session:
        ctx.hook.parts_used(session=session, usage=usage)
    with ctx.reading() as session:
        rows = {r.part_number: r for r in service.depot_balances(session, admin, bj)}
        assert (rows["HDD-2T"].on_hand, rows["HDD-2T"].reserved, rows["HDD-2T"].defective) == (1, 0, 1)
        units = {u.serial: (u.state, u.ticket_id) for u in session.scalars(select(SerialUnit))}
        assert units == {"NEW-1": ("installed", req.ticket_id), "NEW-2": ("in_stock", None),
                         "OLD-9": ("defective", req.ticket_id)}
        assert session.scalar(select(PartRequest.state)) == "issued"
    with pytest.raises(ValidationError, match="NEW-1"):  # the same good part cannot go out twice
        with ctx.transaction() as session:
            ctx.hook.parts_used(session=session, usage=usage)
    with ctx.transaction() as session:  # the faulty part goes to HQ for repair
        service.send_defective_to_hq(session, admin, bj, "HDD-2T", 1, serials=["OLD-9"])
    with ctx.reading() as session:
        assert session.scalar(select(SerialUnit.state).where(SerialUnit.serial == "OLD-9")) == "rma"


def test_cancelling_releases_the_reservation(ctx, admin, stock):
    with ctx.transaction() as session:
        service.receive(session, admin, stock.depots["BJ-D1"], "DIMM-32G", 1)
    req = request("BJ")
    ask(ctx, req)
    with ctx.transaction() as session:
        assert service.cancel_requests(session, admin, req.ticket_id) == 1
    with ctx.reading() as session:
        row = service.depot_balances(session, admin, stock.depots["BJ-D1"])[0]
        assert (row.on_hand, row.reserved) == (1, 0)


def test_hit_rate_for_a_period_counts_hits_and_misses_and_skips_cancelled_and_other_periods(ctx, admin, stock):
    bj, hq = stock.depots["BJ-D1"], stock.depots["HQ-C"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "DIMM-32G", 3)
        service.receive(session, admin, hq, "DIMM-32G", 20)
    for _ in range(3):
        ask(ctx, request("BJ"))                      # 3 hits
    ask(ctx, request("BJ"))                          # a miss, served by HQ
    cancelled = request("BJ")
    ask(ctx, cancelled)                              # another miss, then cancelled
    with ctx.transaction() as session:
        service.cancel_requests(session, admin, cancelled.ticket_id)
    ask(ctx, request("BJ", at=datetime(2026, 10, 1, tzinfo=timezone.utc)))  # next quarter
    ask(ctx, request("SH"))                          # SH-D1 is empty: HQ serves it, a miss
    with ctx.reading() as session:
        by_depot = service.hit_rates(session, admin, parse_period("2026Q3"), "depot")
        by_org = service.hit_rates(session, admin, parse_period("2026Q3"), "org")
        august = service.hit_rates(session, admin, parse_period("2026-08"), "org")
    assert [(r.code, r.requests, r.hits, r.rate) for r in by_depot] == [("BJ-D1", 4, 3, 0.75), ("SH-D1", 1, 0, 0.0)]
    assert [(r.code, r.requests, r.hits) for r in by_org] == [("BJ", 4, 3), ("SH", 1, 0)]
    assert by_org == august
    assert service.total_hit_rate(by_org).rate == pytest.approx(0.6)


def test_a_period_is_counted_in_the_days_of_the_readers_unit(ctx, admin, stock):
    ask(ctx, request("BJ", at=datetime(2026, 9, 30, 17, 0, tzinfo=timezone.utc)))  # 1 October, 01:00 in Beijing
    q3, q4 = parse_period("2026Q3"), parse_period("2026Q4")
    with ctx.reading() as session:
        assert service.hit_rates(session, admin, q3, "org") == []
        assert [(r.code, r.requests) for r in service.hit_rates(session, admin, q4, "org")] == [("BJ", 1)]
        in_utc = service.hit_rates(session, admin, q3, "org", zone=timezone.utc)
    assert [(r.code, r.requests) for r in in_utc] == [("BJ", 1)]
