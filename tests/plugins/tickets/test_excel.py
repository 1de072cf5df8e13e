"""Excel import of customers and assets (all or nothing, with a report that says where) and
the write-only export, with real .xlsx files written and read back."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.errors import PermissionDenied
from plugins.tickets import service
from plugins.tickets.models import Asset, Contact, Customer, CustomerSite


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
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Customer, CustomerSite, Contact, Asset))


def test_a_good_workbook_imports_customers_sites_contacts_and_assets(network, tmp_path):
    path = workbook(tmp_path / "good.xlsx", CUSTOMERS, ASSETS)
    before = counts(network.ctx)
    with network.ctx.transaction() as session:
        report = service.import_customers_and_assets(session, network.hotline, path)
    assert (report.customers, report.sites, report.contacts, report.assets) == (2, 2, 2, 3)
    assert counts(network.ctx) == tuple(b + n for b, n in zip(before, (2, 2, 2, 3)))
    with network.ctx.reading() as session:
        asset = service.find_asset_by_serial(session, network.hotline, "SN-SH-001")
        assert asset.model == "I620-G30" and asset.contract_end == date(2027, 6, 30) and asset.site_id is not None


def test_one_bad_row_changes_nothing_and_the_report_says_where(network, tmp_path):
    bad_assets = ASSETS + [["SN-SH-004", "不存在的客户", "存储", "DS800-G25", "", "", "2027-13-01"],
                           ["SN-SH-001", "上海交通大学", "机架式服务器", "", "", "", None]]
    path = workbook(tmp_path / "bad.xlsx", CUSTOMERS, bad_assets)
    before = counts(network.ctx)
    with pytest.raises(service.ImportFailed) as failure, network.ctx.transaction() as session:
        service.import_customers_and_assets(session, network.hotline, path)
    assert counts(network.ctx) == before
    where = {(p.sheet, p.row, p.column.split()[0]) for p in failure.value.problems}
    assert where == {("设备", 5, "B"), ("设备", 5, "G"), ("设备", 6, "A"), ("设备", 6, "D")}
    message = str(failure.value)
    assert "Sheet “设备”, row 5, column B (客户名称)" in message and "不存在的客户" in message
    assert "also appears in row 2" in message


def test_an_existing_serial_or_customer_is_reported_not_duplicated(network, tmp_path):
    path = workbook(tmp_path / "dup.xlsx", [["北京市第一人民医院", "北京", "", "", "", ""]],
                    [["SN-BJ-0001", "北京市第一人民医院", "机架式服务器", "I620-G30", "", "", None]])
    with pytest.raises(service.ImportFailed) as failure, network.ctx.transaction() as session:
        service.import_customers_and_assets(session, network.hotline, path)
    reasons = sorted(p.reason for p in failure.value.problems)
    assert reasons == ["Customer “北京市第一人民医院” already exists.", "Serial number SN-BJ-0001 is already registered."]


def test_importing_needs_the_customers_permission(network, tmp_path):
    path = workbook(tmp_path / "good.xlsx", CUSTOMERS, ASSETS)
    with pytest.raises(PermissionDenied), network.ctx.transaction() as session:
        service.import_customers_and_assets(session, network.engineer, path)


def test_export_writes_a_workbook_that_reads_back(tmp_path):
    opened = datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc)
    rows = ([f"BJ-202611-{n:06d}", "北京市第一人民医院", n % 4 + 1, opened] for n in range(1, 2501))
    path = service.export_rows(tmp_path / "view.xlsx", ["单号", "客户", "优先级", "创建时间"], rows, title="问题单")
    book = load_workbook(path, read_only=True)
    values = list(book["问题单"].iter_rows(values_only=True))
    assert values[0] == ("单号", "客户", "优先级", "创建时间")
    assert len(values) == 2501 and values[1] == ("BJ-202611-000001", "北京市第一人民医院", 2, datetime(2026, 11, 2, 10, 0))
