"""Excel import of customers and their machines: all or nothing, with a report that says where,
from real .xlsx files."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.errors import PermissionDenied, ValidationError
from plugins.customers import service
from plugins.customers.service import Asset, Contact, Customer, CustomerSite


def workbook(path, customers, assets):
    book = Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet.append(["客户名称", "地区", "地点", "地址", "联系人", "电话"])
    for row in customers:
        sheet.append(row)
    sheet = book.create_sheet("设备")
    sheet.append(["序列号", "客户名称", "产品线", "型号", "地点", "服务包", "合同到期"])
    for row in assets:
        sheet.append(row)
    book.save(path)
    return path


CUSTOMERS = [["上海交通大学", "上海", "闵行校区", "东川路800号", "王老师", "021-34200000"],
             ["上海交通大学", "上海", "徐汇校区", "华山路1954号", "李老师", "021-62932000"],
             ["上海市第六人民医院", "上海", "", "", "", ""]]
ASSETS = [["sn-sh-001", "上海交通大学", "机架式服务器", "I620-G30", "闵行校区", "7X24-4H", date(2027, 6, 30)],
          ["SN-SH-002", "上海市第六人民医院", "存储", "DS600-G35", "", "5X8-NBD", "2027-12-31"],
          ["SN-SH-003", "北京市第一人民医院", "工作站", "W330-H", "", "", None]]


def counts(ctx):
    with ctx.reading() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Customer, CustomerSite, Contact, Asset))


def test_a_good_workbook_imports_customers_sites_contacts_and_assets(registry, tmp_path):
    path = workbook(tmp_path / "good.xlsx", CUSTOMERS, ASSETS)
    before = counts(registry.ctx)
    with registry.ctx.transaction() as session:
        report = service.import_customers_and_assets(session, registry.hotline, path)
    assert (report.customers, report.sites, report.contacts, report.assets) == (2, 2, 2, 3)
    assert counts(registry.ctx) == tuple(b + n for b, n in zip(before, (2, 2, 2, 3)))
    with registry.ctx.reading() as session:
        asset = service.find_asset_by_serial(session, registry.hotline, "SN-SH-001")
        assert asset.model == "I620-G30" and asset.contract_end == date(2027, 6, 30) and asset.site_id is not None


def test_one_bad_row_changes_nothing_and_the_report_says_where(registry, tmp_path):
    bad_assets = ASSETS + [["SN-SH-004", "不存在的客户", "存储", "DS800-G25", "", "", "2027-13-01"],
                           ["SN-SH-001", "上海交通大学", "机架式服务器", "", "", "", None]]
    path = workbook(tmp_path / "bad.xlsx", CUSTOMERS, bad_assets)
    before = counts(registry.ctx)
    with pytest.raises(service.ImportFailed) as failure, registry.ctx.transaction() as session:
        service.import_customers_and_assets(session, registry.hotline, path)
    assert counts(registry.ctx) == before
    where = {(p.sheet, p.row, p.column.split()[0]) for p in failure.value.problems}
    assert where == {("设备", 5, "B"), ("设备", 5, "G"), ("设备", 6, "A"), ("设备", 6, "D")}
    message = str(failure.value)
    assert "Sheet “设备”, row 5, column B (客户名称)" in message and "不存在的客户" in message
    assert "also appears in row 2" in message


def test_an_existing_serial_or_customer_is_reported_not_duplicated(registry, tmp_path):
    path = workbook(tmp_path / "dup.xlsx", [["北京市第一人民医院", "北京", "", "", "", ""]],
                    [["SN-BJ-0001", "北京市第一人民医院", "机架式服务器", "I620-G30", "", "", None]])
    with pytest.raises(service.ImportFailed) as failure, registry.ctx.transaction() as session:
        service.import_customers_and_assets(session, registry.hotline, path)
    reasons = sorted(p.reason for p in failure.value.problems)
    assert reasons == ["Customer “北京市第一人民医院” already exists.", "Serial number SN-BJ-0001 is already registered."]


def test_importing_needs_the_customers_permission(registry, tmp_path):
    path = workbook(tmp_path / "good.xlsx", CUSTOMERS, ASSETS)
    with pytest.raises(PermissionDenied), registry.ctx.transaction() as session:
        service.import_customers_and_assets(session, registry.engineer, path)


def test_a_retired_customers_name_is_reported_before_anything_changes(registry, tmp_path):
    with registry.ctx.transaction() as session:
        old = service.create_customer(session, registry.hotline, name="北京电力公司")
        service.retire_customer(session, registry.hotline, old.id)
    path = workbook(tmp_path / "retired.xlsx", [["北京电力公司", "北京", "", "", "", ""]], [])
    before = counts(registry.ctx)
    with pytest.raises(service.ImportFailed) as failure, registry.ctx.transaction() as session:
        service.import_customers_and_assets(session, registry.hotline, path)
    assert [p.reason for p in failure.value.problems] == ["A retired customer of this unit is already called “北京电力公司”."]
    assert counts(registry.ctx) == before


def test_a_file_that_is_not_a_workbook_is_refused(registry, tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ValidationError, match="not an Excel workbook"), registry.ctx.transaction() as session:
        service.import_customers_and_assets(session, registry.hotline, path)
