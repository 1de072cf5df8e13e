"""Movements: balances follow the ledger, nothing goes negative, serials stay in one place."""

import uuid

import pytest

from app.errors import NotFound, PermissionDenied, ValidationError
from plugins.inventory import ledger, service
from plugins.inventory.ledger import InsufficientStock
from plugins.inventory.models import LedgerIsImmutable, Movement, SerialUnit
from sqlalchemy import func, select


def balance(ctx, admin, depot_id, part):
    with ctx.reading() as session:
        rows = {r.part_number: r for r in service.depot_balances(session, admin, depot_id)}
    r = rows.get(part)
    return (r.on_hand, r.reserved, r.in_transit, r.defective) if r else (0, 0, 0, 0)


def assert_ledger_matches(ctx):
    with ctx.reading() as session:
        replayed = {k: v for k, v in ledger.replay(session).items() if any(v)}
        stored = {k: v for k, v in ledger.stored_balances(session).items() if any(v)}
    assert replayed == stored


def test_transfer_goes_out_in_transit_and_in_with_who_and_when(ctx, admin, stock):
    hq, bj = stock.depots["HQ-C"], stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, hq, "DIMM-32G", 10, reason="采购入库")
        transfer = service.send_transfer(session, admin, hq, bj, "DIMM-32G", 4)
    assert balance(ctx, admin, hq, "DIMM-32G") == (6, 0, 0, 0)
    assert balance(ctx, admin, bj, "DIMM-32G") == (0, 0, 4, 0)
    with ctx.reading() as session:
        assert [t.number for t in service.pending_transfers(session, admin, bj)] == [transfer.number]
    with ctx.transaction() as session:
        service.receive_transfer(session, admin, transfer.id)
    assert balance(ctx, admin, bj, "DIMM-32G") == (4, 0, 0, 0)
    with ctx.transaction() as session, pytest.raises(ValidationError):
        service.receive_transfer(session, admin, transfer.id)  # no double receipt
    with ctx.reading() as session:
        rows = session.scalars(select(Movement).order_by(Movement.at)).all()
        assert [m.kind for m in rows] == ["receive", "transfer_out", "in_transit", "transfer_in"]
        assert all(m.actor_name == "admin@HQ" and m.at is not None for m in rows)
    assert_ledger_matches(ctx)


def test_nothing_goes_negative_and_a_failed_move_changes_nothing(ctx, admin, stock):
    bj = stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "DIMM-32G", 2)
    with pytest.raises(InsufficientStock, match="DIMM-32G"):
        with ctx.transaction() as session:
            service.send_transfer(session, admin, bj, stock.depots["SH-D1"], "DIMM-32G", 3)
    with pytest.raises(InsufficientStock):
        with ctx.transaction() as session:
            service.send_defective_to_hq(session, admin, bj, "DIMM-32G", 1)
    assert balance(ctx, admin, bj, "DIMM-32G") == (2, 0, 0, 0)
    with ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(Movement)) == 1
    with pytest.raises(ValidationError):
        with ctx.transaction() as session:
            service.adjust(session, admin, bj, "DIMM-32G", -1, reason="  ")
    with pytest.raises(LedgerIsImmutable):
        with ctx.transaction() as session:
            session.scalar(select(Movement)).quantity = 7
    with pytest.raises(LedgerIsImmutable):
        with ctx.transaction() as session:
            session.delete(session.scalar(select(Movement)))


def test_serialised_parts_move_by_serial_and_stay_in_one_place(ctx, admin, stock):
    bj, sh = stock.depots["BJ-D1"], stock.depots["SH-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "HDD-2T", 2, serials=["SN-A", "SN-B"])
    with pytest.raises(ValidationError):  # the same serial cannot arrive twice
        with ctx.transaction() as session:
            service.receive(session, admin, sh, "HDD-2T", 1, serials=["SN-A"])
    with pytest.raises(ValidationError):  # a serial not in this depot cannot leave it
        with ctx.transaction() as session:
            service.send_transfer(session, admin, sh, bj, "HDD-2T", 1, serials=["SN-A"])
    with ctx.transaction() as session:
        transfer = service.send_transfer(session, admin, bj, sh, "HDD-2T", 1, serials=["SN-B"])
    with ctx.reading() as session:
        unit = session.scalar(select(SerialUnit).where(SerialUnit.serial == "SN-B"))
        assert (unit.state, unit.depot_id) == ("in_transit", sh)
    with ctx.transaction() as session:
        service.receive_transfer(session, admin, transfer.id)
    with ctx.reading() as session:
        unit = session.scalar(select(SerialUnit).where(SerialUnit.serial == "SN-B"))
        assert (unit.state, unit.depot_id) == ("in_stock", sh)
    assert balance(ctx, admin, sh, "HDD-2T") == (1, 0, 0, 0)
    assert_ledger_matches(ctx)


def test_scope_and_permissions(ctx, admin, stock, make_actor):
    bj_manager = make_actor(ctx, "mgr@BJ", roles=["branch_manager"])
    sh_manager = make_actor(ctx, "mgr@SH", roles=["branch_manager"])
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])
    with ctx.reading() as session:
        assert [d.code for d in service.visible_depots(session, bj_manager)] == ["BJ-D1", "BJ-P01-D1"]
        assert [d.code for d in service.visible_depots(session, admin)] == ["BJ-D1", "BJ-P01-D1", "HQ-C", "SH-D1"]
        with pytest.raises(NotFound):
            service.depot_balances(session, sh_manager, stock.depots["BJ-D1"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.receive(session, engineer, stock.depots["BJ-D1"], "DIMM-32G", 1)
    with ctx.transaction() as session, pytest.raises(NotFound):
        service.receive(session, sh_manager, stock.depots["BJ-D1"], "DIMM-32G", 1)
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.create_depot(session, engineer, org_code="BJ", code="BJ-D2", name="x", kind="branch")
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.cancel_requests(session, engineer, uuid.uuid4())


def test_low_stock_value_and_dashboard_counter(ctx, admin, stock, make_actor):
    bj = stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "DIMM-32G", 3)
        service.receive(session, admin, bj, "HDD-2T", 1, serials=["SN-1"])
        service.set_level(session, admin, bj, "DIMM-32G", 5, 10)
        service.set_level(session, admin, bj, "MB-X1", 1, 2)  # none in stock at all
        service.set_level(session, admin, bj, "HDD-2T", 1, 4)  # exactly at the minimum: fine
    manager = make_actor(ctx, "mgr@BJ", roles=["branch_manager"])
    with ctx.reading() as session:
        assert service.low_stock(session, manager) == [("BJ-D1", "DIMM-32G", "32GB DDR4 内存条", 3, 5),
                                                       ("BJ-D1", "MB-X1", "X1 主板", 0, 1)]
        counters = [c for group in ctx.hook.dashboard_counters(session=session, actor=manager) for c in group]
        assert {c.id: c.value for c in counters}["inventory.low_stock"] == 2
        per_depot, per_org = service.stock_value(session, manager)
    from decimal import Decimal
    assert per_depot == [("BJ-D1", "BJ", Decimal("4790.50"))]  # 3 × 1280.00 + 1 × 950.50
    assert per_org == [("BJ", Decimal("4790.50"))]
