"""Stocktake through real Excel files (preview first, apply all or nothing) and the rollup sheets."""

from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.errors import UserError
from app.ids import org_id_for_code
from app.clock import utcnow
from app.reports.period import Period
from app.specs import PartLine, PartsRequest
from plugins.inventory import service
from plugins.inventory.models import Movement, SerialUnit


def balances(ctx, admin, depot):
    with ctx.reading() as session:
        return {r.part_number: r.on_hand for r in service.depot_balances(session, admin, depot)}


def test_count_sheet_round_trip_previews_then_applies(ctx, admin, stock, tmp_path):
    bj = stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "DIMM-32G", 5)
        service.receive(session, admin, bj, "HDD-2T", 2, serials=["H-1", "H-2"])
    sheet_path = tmp_path / "count.xlsx"
    with ctx.reading() as session:
        assert service.export_count_sheet(session, admin, bj, sheet_path) == 2
    book = load_workbook(sheet_path)
    sheet = book.active
    assert sheet.title == "BJ-D1"
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    assert sheet.cell(rows["HDD-2T"], 5).value == "H-1, H-2"
    sheet.cell(rows["DIMM-32G"], 4).value = 3                      # two missing
    sheet.cell(rows["HDD-2T"], 6).value = "H-2，H-9"               # H-1 missing, H-9 found
    book.save(sheet_path)
    with ctx.reading() as session:
        preview = service.preview_stocktake(session, admin, bj, sheet_path)
    assert [(d.part_number, d.book, d.counted, d.delta, d.missing_serials, d.extra_serials) for d in preview] == [
        ("DIMM-32G", 5, 3, -2, (), ()), ("HDD-2T", 2, 2, 0, ("H-1",), ("H-9",))]
    assert balances(ctx, admin, bj) == {"DIMM-32G": 5, "HDD-2T": 2}  # a preview writes nothing
    with ctx.transaction() as session:
        service.apply_stocktake(session, admin, bj, sheet_path, "年度盘点")
    assert balances(ctx, admin, bj) == {"DIMM-32G": 3, "HDD-2T": 2}
    with ctx.reading() as session:
        states = dict(session.execute(select(SerialUnit.serial, SerialUnit.state)).all())
        assert states == {"H-1": "written_off", "H-2": "in_stock", "H-9": "in_stock"}
        reasons = set(session.scalars(select(Movement.reason).where(Movement.kind.like("adjust%"))))
        assert reasons == {"年度盘点"}


def test_a_bad_count_sheet_changes_nothing(ctx, admin, stock, tmp_path):
    bj = stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "DIMM-32G", 5)
        service.set_level(session, admin, bj, "MB-X1", 1, 2)
    path = tmp_path / "count.xlsx"
    with ctx.reading() as session:
        service.export_count_sheet(session, admin, bj, path)
    book = load_workbook(path)
    sheet = book.active
    sheet.cell(2, 4).value = 4
    sheet.cell(3, 4).value = "七"                         # not a number
    sheet.append(["NOPE-9", "", 0, 1, None, None])        # not in the catalog
    book.save(path)
    with pytest.raises(UserError) as caught:
        with ctx.transaction() as session:
            service.apply_stocktake(session, admin, bj, path, "盘点")
    assert [(p.row, p.column) for p in caught.value.problems] == [(3, "D"), (4, "A")]
    assert balances(ctx, admin, bj)["DIMM-32G"] == 5
    with pytest.raises(UserError, match="not SH-D1"):
        with ctx.reading() as session:
            service.preview_stocktake(session, admin, stock.depots["SH-D1"], path)


def test_rollup_sections_offer_hit_rate_and_value(ctx, admin, stock):
    with ctx.transaction() as session:
        service.receive(session, admin, stock.depots["BJ-D1"], "DIMM-32G", 1)
        service.receive(session, admin, stock.depots["HQ-C"], "DIMM-32G", 1)
        for _ in range(2):
            ctx.hook.parts_requested(session=session, request=PartsRequest(
                __import__("uuid").uuid4(), "BJ-1", org_id_for_code("BJ"), (PartLine("DIMM-32G", 1),), None,
                utcnow()))
    this_quarter = Period.quarter_of(utcnow().astimezone(ZoneInfo("Asia/Shanghai")).date())
    sections = [s for group in ctx.hook.rollup_sections(ctx=ctx.signed_in(admin), period=this_quarter, org_code="BJ")
                for s in group]
    by_title = {s.title: list(s.rows) for s in sections}
    # requests, served from own stock, hit rate, stock value at the period's end (it is now), defective returns
    assert by_title["Spare parts by depot"] == [("BJ-D1", "BJ-D1", "BJ", 2, 1, 0.5, Decimal("1280.00"), 0),
                                                ("BJ-P01-D1", "BJ-P01-D1", "BJ-P01", 0, 0, None, Decimal("0.00"), 0)]
    assert by_title["Spare parts by unit"] == [("BJ", "北京分公司", 2, 1, 0.5, Decimal("1280.00"), 0),
                                               ("BJ-P01", "北京信息科技有限公司", 0, 0, None, Decimal("0.00"), 0)]
