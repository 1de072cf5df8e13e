"""Catalog import from Excel: all rows or none, problems named by sheet, row, column, reason."""

from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from app.errors import PermissionDenied
from plugins.inventory import service
from plugins.inventory.models import Part

HEADER = ["Part number", "Name (Chinese)", "Name (English)", "Product lines", "FRU/CRU", "Unit cost", "Serialised"]


def workbook(path, rows, header=HEADER, title="备件"):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def parts(ctx):
    with ctx.reading() as session:
        return {p.part_number: (p.name_zh, p.unit_cost, p.serialised, p.replaceable_by)
                for p in session.scalars(select(Part))}


def test_import_creates_and_updates_and_exports_round_trip(ctx, admin, tmp_path):
    first = workbook(tmp_path / "a.xlsx", [["PSU-800W", "800W 电源模块", "800W PSU", "机架服务器", "CRU", 1180, "是"],
                                           ["MB-2U", "2U 主板", "", "机架服务器", "fru", "8600.50", "yes"]])
    with ctx.transaction() as session:
        result = service.import_catalog(session, admin, first)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert parts(ctx)["MB-2U"] == ("2U 主板", Decimal("8600.50"), True, "FRU")
    exported = tmp_path / "out.xlsx"
    with ctx.reading() as session:
        assert service.export_catalog(session, admin, exported) == 2
    sheet = load_workbook(exported).active
    sheet["F2"] = 8600.75  # MB-2U sorts first
    sheet.parent.save(exported)
    with ctx.transaction() as session:
        result = service.import_catalog(session, admin, exported)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert parts(ctx)["MB-2U"][1] == Decimal("8600.75")


def test_a_file_with_broken_rows_changes_nothing_and_names_each_problem(ctx, admin, tmp_path):
    with ctx.transaction() as session:
        service.import_catalog(session, admin, workbook(tmp_path / "ok.xlsx", [
            ["FAN-6038", "系统风扇", "Fan", "机架服务器", "CRU", 260, "否"]]))
    before = parts(ctx)
    bad = workbook(tmp_path / "bad.xlsx", [
        ["FAN-6038", "系统风扇（新）", "Fan", "机架服务器", "CRU", 280, "否"],   # a good update, not applied
        ["NIC-10G", "万兆网卡", "", "机架服务器", "CRU", "abc", "是"],          # row 3: cost
        ["", "无编号", "", "", "CRU", 10, "否"],                                # row 4: part number
        ["NIC-10G", "", "", "", "XRU", 10.123, "maybe"],                       # row 5: four problems
    ])
    with pytest.raises(service.CatalogImportError) as caught:
        with ctx.transaction() as session:
            service.import_catalog(session, admin, bad)
    found = {(p.sheet, p.row, p.column) for p in caught.value.problems}
    assert found == {("备件", 3, "F"), ("备件", 4, "A"), ("备件", 5, "A"), ("备件", 5, "B"), ("备件", 5, "E"),
                     ("备件", 5, "F"), ("备件", 5, "G")}
    assert "Sheet “备件”, row 3, column F: “abc” is not a number." in str(caught.value)
    assert "Sheet “备件”, row 5, column F: 10.123 has more than 2 decimal places." in str(caught.value)
    assert "Part number NIC-10G also appears in row 3." in str(caught.value)
    assert parts(ctx) == before


def test_missing_columns_and_rights(ctx, admin, tmp_path, make_actor):
    no_cost = workbook(tmp_path / "h.xlsx", [["X-1", "某备件", "", "", "CRU", "否"]],
                       header=["备件号", "中文名称", "英文名称", "产品线", "FRU/CRU", "序列号管理"])
    with pytest.raises(service.CatalogImportError) as caught:
        with ctx.transaction() as session:
            service.import_catalog(session, admin, no_cost)
    assert [(p.row, p.column) for p in caught.value.problems] == [(1, "Unit cost")]
    manager = make_actor(ctx, "mgr@BJ", roles=["branch_manager"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.import_catalog(session, manager, no_cost)
    assert parts(ctx) == {}
