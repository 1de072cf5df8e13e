"""The inventory's part of the rollup workbook, read back from the .xlsx file: the hit rate, the
stock value at the period's end and the defective returns of every unit and depot, and the
Summary's lines, equal plain SQL written here over the test rows (inside and outside the period on
each unit's own clock, cancelled requests, requests without a home depot). An empty period gives
zeros and empty shares."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.clock import utcnow
from app.reports.period import Period, parse_period
from app.reports.rollup import write_rollup
from plugins.inventory import ledger
from plugins.inventory.models import Depot, Part, PartRequest
from rollup_rows import CODES, ORG, SHANGHAI, bounds, keep_zones, sheet, sql, summary, tier_groups, workbook

H, D = timedelta(hours=1), timedelta(days=1)
WHO = ledger.Who(None, "测试")


def past_quarter() -> Period:
    return Period.quarter_of(utcnow().astimezone(SHANGHAI).date()).previous_quarter()


def seed(ctx, stock, period: Period) -> None:
    """Stock received before, in and after the period; defective parts back; part requests."""
    keep_zones(ctx)
    with ctx.transaction() as session:
        parts = {p.part_number: p for p in session.scalars(select(Part))}
        depots = {d.code: d for d in session.scalars(select(Depot))}

        def post(depot, part, kind, quantity, at, serial=None):
            ledger.post(session, WHO, depots[depot], parts[part], kind, quantity, serial=serial, at=at)

        def request(code, depot, at, hit, state="issued"):
            session.add(PartRequest(org_id=ORG[code], ticket_id=uuid.uuid4(), ticket_number="T-1",
                                    part_id=parts["DIMM-32G"].id, quantity=1,
                                    home_depot_id=depots[depot].id if depot else None, hit=hit, state=state,
                                    requested_at=at))

        S, E = bounds("BJ", period)
        post("BJ-D1", "DIMM-32G", "receive", 5, S - D)
        post("BJ-D1", "DIMM-32G", "receive", 2, S + 10 * D)
        post("BJ-D1", "DIMM-32G", "adjust_out", 1, S + 11 * D)
        post("BJ-D1", "DIMM-32G", "receive", 9, E + H)  # after the period: not in its stock value
        post("BJ-D1", "DIMM-32G", "return_defective", 2, S + 5 * D)
        post("BJ-D1", "DIMM-32G", "return_defective", 1, S - H)  # the day before, on Beijing's clock
        post("BJ-P01-D1", "HDD-2T", "receive", 1, S + D, serial="SN-HDD-1")
        post("BJ-P01-D1", "MB-X1", "return_defective", 1, S + 3 * D, serial="SN-MB-9")
        post("HQ-C", "MB-X1", "receive", 1, S - 30 * D, serial="SN-MB-1")
        for at, hit, state in ((S + D, True, "issued"), (S + 2 * D, True, "reserved"), (S + 3 * D, False, "issued"),
                               (S + 4 * D, True, "cancelled"), (S - H, True, "issued")):
            request("BJ", "BJ-D1", at, hit, state)
        request("BJ-P01", "BJ-P01-D1", S + 6 * D, False)
        request("BJ-P01", "BJ-P01-D1", S + 7 * D, False)
        S, E = bounds("SH", period)
        post("SH-D1", "DIMM-32G", "receive", 3, E - H)  # in the period on Urumqi's clock, not on Beijing's
        request("SH", None, E - H, False)  # a unit without a home depot for it
        request("SH", "SH-D1", S - H, True)  # before the period on Urumqi's clock


def expected_unit(ctx, column: str, key, period: Period, code: str) -> dict:
    """The figures of a unit (``column`` org_id) or a depot (``depot_id`` / ``home_depot_id``) by SQL."""
    start, end = bounds(code, period)
    request_column = "org_id" if column == "org_id" else "home_depot_id"
    requests, hits = sql(ctx, f"SELECT count(*), coalesce(sum(CASE WHEN hit THEN 1 ELSE 0 END), 0) "
                              f"FROM inventory_part_requests WHERE {request_column} = :key AND state <> 'cancelled' "
                              f"AND requested_at >= :s AND requested_at < :e", key=key, s=start, e=end)[0]
    value = sql(ctx, f"SELECT coalesce(sum(m.d_on_hand * p.unit_cost), 0) FROM inventory_movements m "
                     f"JOIN inventory_parts p ON p.id = m.part_id WHERE m.{column} = :key AND m.at < :e",
                key=key, e=end)[0][0]
    returns = sql(ctx, f"SELECT coalesce(sum(quantity), 0) FROM inventory_movements WHERE {column} = :key "
                       f"AND kind = 'return_defective' AND at >= :s AND at < :e", key=key, s=start, e=end)[0][0]
    return {"requests": requests, "hits": int(hits), "value": Decimal(str(value)), "returns": returns}


def test_every_inventory_figure_of_the_workbook_is_the_sql_count(ctx, admin, stock, tmp_path):
    period = past_quarter()
    seed(ctx, stock, period)
    write_rollup(ctx.signed_in(admin), period, None, tmp_path / "rollup.xlsx")
    book = workbook(tmp_path / "rollup.xlsx")
    own = {code: expected_unit(ctx, "org_id", ORG[code], period, code) for code in CODES}
    assert own["BJ"] == {"requests": 3, "hits": 2, "value": Decimal("7680.00"), "returns": 2}  # the cases hold
    assert own["SH"]["value"] == Decimal("3840.00") and own["SH"]["requests"] == 1

    units = sheet(book, "Spare parts by unit")
    assert list(units) == list(CODES)
    for code, f in own.items():
        row = units[code]
        assert (row["Part requests"], row["Served from own stock"]) == (f["requests"], f["hits"]), code
        assert row["Spare hit rate"] == pytest.approx(f["hits"] / f["requests"] if f["requests"] else None), code
        assert row["Stock value (CNY)"] == pytest.approx(float(f["value"]), abs=0.005), code
        assert row["Defective parts returned"] == f["returns"], code

    depots = sheet(book, "Spare parts by depot")
    assert list(depots) == ["HQ-C", "BJ-D1", "BJ-P01-D1", "SH-D1"]
    for code, row in depots.items():
        org = row["Org code"]
        depot_id = stock.depots[code]
        f = expected_unit(ctx, "depot_id", depot_id, period, org)
        assert (row["Part requests"], row["Served from own stock"]) == (f["requests"], f["hits"]), code
        assert row["Stock value (CNY)"] == pytest.approx(float(f["value"]), abs=0.005), code
        assert row["Defective parts returned"] == f["returns"], code

    lines = summary(book)
    for key, codes in {**{code: (code,) for code in CODES}, **tier_groups()}.items():
        requests = sum(own[c]["requests"] for c in codes)
        hits = sum(own[c]["hits"] for c in codes)
        line = lines[key]
        assert line["Spare hit rate"] == pytest.approx(hits / requests if requests else None), key
        assert line["Stock value (CNY)"] == pytest.approx(float(sum(own[c]["value"] for c in codes)), abs=0.005)
        assert line["Defective parts returned"] == sum(own[c]["returns"] for c in codes), key
    assert book["Spare parts by unit"].cell(2, 6).number_format == '"¥"#,##0.00'
    assert book["Spare parts by unit"].cell(3, 5).number_format == "0.0%"  # BJ: HQ has no share


def test_an_empty_period_gives_zeros_and_empty_shares(ctx, admin, stock, tmp_path):
    seed(ctx, stock, past_quarter())
    write_rollup(ctx.signed_in(admin), parse_period("2001Q1"), None, tmp_path / "empty.xlsx")
    book = workbook(tmp_path / "empty.xlsx")
    for title in ("Spare parts by unit", "Spare parts by depot"):
        for row in sheet(book, title).values():
            assert (row["Part requests"], row["Spare hit rate"], row["Stock value (CNY)"],
                    row["Defective parts returned"]) == (0, None, 0, 0), row
    assert {line["Spare hit rate"] for line in summary(book).values()} == {None}


def test_no_sheets_without_the_permission_to_see_stock(ctx, make_actor, stock):
    clerk = make_actor(ctx, "sales@BJ", roles=["sales"])
    groups = ctx.hook.rollup_sections(ctx=ctx.signed_in(clerk), period=past_quarter(), org_code=None)
    assert not [s for group in groups for s in group if s.title.startswith("Spare parts")]
