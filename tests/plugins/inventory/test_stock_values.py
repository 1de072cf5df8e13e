"""Counts and quantities that cannot double or turn into fractions, and texts no longer than their
columns: through real count sheets, catalog files and door calls, on both databases."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.errors import UserError, ValidationError
from app.excel_import import WorkbookRejected
from plugins.inventory import service
from plugins.inventory.models import Depot, Movement, Part

CATALOG_HEADER = ["Part number", "Name (Chinese)", "Name (English)", "Product lines", "FRU/CRU", "Unit cost",
                  "Serialised"]


def on_hand(ctx, admin, depot) -> dict[str, int]:
    with ctx.reading() as session:
        return {r.part_number: r.on_hand for r in service.depot_balances(session, admin, depot)}


def movement_count(ctx) -> int:
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(Movement))


def counted_sheet(ctx, admin, depot, path, fill):
    """Export the depot's count sheet, let ``fill(sheet, rows by part number)`` count it, save it."""
    with ctx.reading() as session:
        service.export_count_sheet(session, admin, depot, path)
    book = load_workbook(path)
    sheet = book.active
    fill(sheet, {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)})
    book.save(path)
    return path


def apply_refused(ctx, admin, depot, path) -> WorkbookRejected:
    with pytest.raises(WorkbookRejected) as refused:
        with ctx.transaction() as session:
            service.apply_stocktake(session, admin, depot, path, "盘点")
    return refused.value


def test_a_part_listed_twice_is_refused_naming_both_rows_and_nothing_is_applied(ctx, admin, stock, tmp_path):
    bj = stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "DIMM-32G", 7)
    before = movement_count(ctx)

    def count_twice(sheet, rows):
        sheet.cell(rows["DIMM-32G"], 4).value = 6
        sheet.append(["DIMM-32G", "32GB DDR4 内存条", 7, 6, None, None])  # the same part again, below

    path = counted_sheet(ctx, admin, bj, tmp_path / "count.xlsx", count_twice)
    refused = apply_refused(ctx, admin, bj, path)
    assert [(p.sheet, p.row, p.column) for p in refused.problems] == [("BJ-D1", 3, "A")]
    assert ("Sheet “BJ-D1”, row 3, column A: Part DIMM-32G is also listed in row 2: list each part once."
            in str(refused))
    assert on_hand(ctx, admin, bj) == {"DIMM-32G": 7} and movement_count(ctx) == before


@pytest.mark.parametrize("cell, reason", [
    (True, "TRUE is a yes/no value, not a number."),
    (0.5, "“0.5” is not a whole number."),
    (10**12, "1000000000000 is too large: the most allowed is 2147483647."),
    (-1, "-1 is too small: the least allowed is 0."),
    ("六", "“六” is not a number."),
    ("=2*3", "The cell holds a formula whose value was not saved: open the file in Excel and save it, "
             "then import it again."),
])
def test_a_count_that_is_not_a_whole_number_of_units_is_refused_where_it_is(ctx, admin, stock, tmp_path, cell,
                                                                            reason):
    bj = stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "DIMM-32G", 7)
    path = counted_sheet(ctx, admin, bj, tmp_path / "count.xlsx",
                         lambda sheet, rows: setattr(sheet.cell(rows["DIMM-32G"], 4), "value", cell))
    refused = apply_refused(ctx, admin, bj, path)
    assert str(refused).splitlines() == ["The count was not applied: 1 problems.",
                                         f"Sheet “BJ-D1”, row 2, column D: {reason}"]
    assert on_hand(ctx, admin, bj) == {"DIMM-32G": 7}


def test_serial_numbers_listed_twice_or_against_the_count_are_refused(sqlite_ctx, sqlite_admin, sqlite_stock,
                                                                      tmp_path):
    ctx, admin, bj = sqlite_ctx, sqlite_admin, sqlite_stock.depots["BJ-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "HDD-2T", 2, serials=["H-1", "H-2"])
        service.receive(session, admin, bj, "MB-X1", 1, serials=["M-1"])

    def fill(sheet, rows):
        sheet.cell(rows["HDD-2T"], 6).value = "H-1, H-2，H-1"
        sheet.cell(rows["MB-X1"], 4).value = 2
        sheet.cell(rows["MB-X1"], 6).value = "M-1"

    refused = apply_refused(ctx, admin, bj, counted_sheet(ctx, admin, bj, tmp_path / "count.xlsx", fill))
    assert [(p.row, p.column, p.reason) for p in refused.problems] == [
        (2, "F", "Serial number H-1 is listed twice."),
        (3, "D", "The count 2 differs from the 1 serial numbers listed.")]
    assert on_hand(ctx, admin, bj) == {"HDD-2T": 2, "MB-X1": 1}


def test_the_door_refuses_quantities_that_are_not_whole_units(ctx, admin, stock):
    bj, sh = stock.depots["BJ-D1"], stock.depots["SH-D1"]
    with ctx.transaction() as session:
        service.receive(session, admin, bj, "DIMM-32G", 5)
    calls = [
        (lambda s: service.receive(s, admin, bj, "DIMM-32G", 0.5), "“0.5” is not a whole number."),
        (lambda s: service.receive(s, admin, bj, "DIMM-32G", True), "TRUE is a yes/no value, not a number."),
        (lambda s: service.receive(s, admin, bj, "DIMM-32G", 0), "0 is too small: the least allowed is 1."),
        (lambda s: service.receive(s, admin, bj, "DIMM-32G", 10**12), "is too large: the most allowed is 2147483647."),
        (lambda s: service.receive(s, admin, bj, "HDD-2T", 1.5, serials=["H-9"]), "“1.5” is not a whole number."),
        (lambda s: service.send_transfer(s, admin, bj, sh, "DIMM-32G", 2.5), "“2.5” is not a whole number."),
        (lambda s: service.send_transfer(s, admin, bj, sh, "DIMM-32G", -1), "-1 is too small"),
        (lambda s: service.send_defective_to_hq(s, admin, bj, "DIMM-32G", 0.5), "“0.5” is not a whole number."),
        (lambda s: service.adjust(s, admin, bj, "DIMM-32G", 0.5, "盘点"), "“0.5” is not a whole number."),
        (lambda s: service.adjust(s, admin, bj, "DIMM-32G", 0, "盘点"), "at least one unit"),
        (lambda s: service.set_level(s, admin, bj, "DIMM-32G", 1.5, 3), "“1.5” is not a whole number."),
    ]
    before = movement_count(ctx)
    for call, reason in calls:
        with pytest.raises(ValidationError) as refused:
            with ctx.transaction() as session:
                call(session)
        assert reason in str(refused.value)
    assert on_hand(ctx, admin, bj) == {"DIMM-32G": 5} and movement_count(ctx) == before


def test_the_ledger_itself_refuses_a_fraction_whoever_posts_it(sqlite_ctx, sqlite_admin, sqlite_stock):
    from plugins.inventory import ledger

    with pytest.raises(ValidationError) as refused, sqlite_ctx.transaction() as session:
        depot = session.get(Depot, sqlite_stock.depots["BJ-D1"])
        part = session.scalar(select(Part).where(Part.part_number == "DIMM-32G"))
        ledger.post(session, ledger.Who(sqlite_admin.user_id, sqlite_admin.label), depot, part, "receive", 0.5)
    assert refused.value.field == "quantity"


def test_an_overlong_name_in_a_form_is_refused_naming_the_field_and_nothing_is_stored(ctx, admin):
    with pytest.raises(ValidationError) as refused:
        with ctx.transaction() as session:
            service.create_depot(session, admin, org_code="BJ", code="BJ-LONG", name="备" * 201, kind="branch")
    assert refused.value.field == "name"
    assert str(refused.value) == "“name” is too long: at most 200 characters (201 given)."
    with ctx.reading() as session:
        assert session.scalar(select(Depot).where(Depot.code == "BJ-LONG")) is None


def catalog_file(path, rows):
    book = Workbook()
    book.active.title = "备件"
    book.active.append(CATALOG_HEADER)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_an_overlong_name_in_an_import_is_refused_naming_sheet_row_and_column(ctx, admin, tmp_path):
    path = catalog_file(tmp_path / "parts.xlsx", [
        ["PSU-800W", "800W 电源模块", "800W PSU", "机架服务器", "CRU", 1180, "是"],
        ["X" * 41, "长" * 201, "", "", "FRU", 10, "否"]])
    with pytest.raises(WorkbookRejected) as refused:
        with ctx.transaction() as session:
            service.import_catalog(session, admin, path)
    assert [str(p) for p in refused.value.problems] == [
        "Sheet “备件”, row 3, column A: Too long: at most 40 characters (41 given).",
        "Sheet “备件”, row 3, column B: Too long: at most 200 characters (201 given)."]
    with ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(Part)) == 0


def test_a_catalog_with_unsaved_formulas_or_malicious_xml_changes_nothing(sqlite_ctx, sqlite_admin, tmp_path):
    ctx, admin = sqlite_ctx, sqlite_admin
    formulas = catalog_file(tmp_path / "formulas.xlsx", [["FAN-1", "风扇", "", "", "CRU", "=200+60", "否"]])
    with pytest.raises(WorkbookRejected) as refused, ctx.transaction() as session:
        service.import_catalog(session, admin, formulas)
    assert [(p.row, p.column) for p in refused.value.problems] == [(2, "F")]
    assert "formula whose value was not saved" in refused.value.problems[0].reason

    bomb = tmp_path / "bomb.xlsx"
    laughs = ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY a{i} "{("&a;" if i == 1 else f"&a{i - 1};") * 10}">' for i in range(1, 9)) + "]>")
    with zipfile.ZipFile(formulas) as source, zipfile.ZipFile(bomb, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = laughs.encode() + body.replace(b"FAN-1", b"&a8;")
            target.writestr(item, data)
    with pytest.raises(UserError) as refused, ctx.transaction() as session:
        service.import_catalog(session, admin, bomb)
    assert str(refused.value) == ("Cannot read bomb.xlsx as an Excel workbook: it contains XML entity declarations "
                                  "or external references, which are refused for safety.")
    with ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(Part)) == 0
