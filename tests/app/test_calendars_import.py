"""HQ imports the State Council's arrangement as a small sheet (date, kind, name): all or
nothing, a bad cell named by sheet, row and column; the overrides then reach every node."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.calendars import calendar_for
from app.calendars import service as calendars
from app.calendars.models import NationalDayOverride
from app.excel_import import WorkbookRejected
from app.orgs.service import get_by_code


def sheet(path, rows, title="2027年安排", header=("日期", "类型", "名称")):
    book = Workbook()
    book.active.title = title
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def overrides(ctx) -> int:
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(NationalDayOverride))


def test_an_arrangement_sheet_becomes_the_national_calendar(ctx, admin, tmp_path):
    path = sheet(tmp_path / "2027.xlsx", [
        (datetime(2027, 10, 1), "假日", "国庆节"),  # a date cell
        ("2027-10-08", "holiday", "国庆节"),  # a date as text
        ("2027/9/26", "上班", "国庆节调休"),  # a Sunday that is worked
        ("2027年10月9日", "working day", ""),
    ])
    with ctx.transaction() as session:
        assert calendars.import_national_days(session, admin, path) == 4
    with ctx.reading() as session:
        clock = calendar_for(session, get_by_code(session, "BJ-P01"))
        year = calendars.national_year(session, 2027)
    assert not clock.is_working_day(date(2027, 10, 1)) and not clock.is_working_day(date(2027, 10, 8))
    assert clock.is_working_day(date(2027, 9, 26)) and clock.is_working_day(date(2027, 10, 9))
    assert year[date(2027, 9, 26)].name == "国庆节调休"


def test_a_bad_date_refuses_the_whole_sheet_naming_sheet_row_and_column(ctx, admin, tmp_path):
    path = sheet(tmp_path / "bad.xlsx", [
        ("2027-10-01", "holiday", "国庆节"),
        ("2027-02-30", "holiday", "春节"),  # no such day
        ("2027-10-02", "假期", ""),  # not a kind this sheet knows
        ("2027-10-01", "working day", ""),  # the same day twice: holiday and working day at one level
    ])
    with ctx.transaction() as session, pytest.raises(WorkbookRejected) as refused:
        calendars.import_national_days(session, admin, path)
    text = str(refused.value)
    assert "Sheet “2027年安排”, row 3, column A:" in text
    assert "Sheet “2027年安排”, row 4, column B:" in text
    assert "Sheet “2027年安排”, row 5, column A: 2027-10-01 also appears in row 2." in text
    assert overrides(ctx) == 0


def test_a_sheet_without_a_kind_column_is_refused(ctx, admin, tmp_path):
    path = sheet(tmp_path / "nokind.xlsx", [("2027-10-01", "国庆节")], header=("date", "name"))
    with ctx.transaction() as session, pytest.raises(WorkbookRejected, match="row 1, column Kind: Missing column"):
        calendars.import_national_days(session, admin, path)
    assert overrides(ctx) == 0


@pytest.mark.postgres
def test_hq_overrides_reach_a_branch_with_the_pull(tmp_path, plugin_host, request):
    from app.auth.service import authenticate
    from app.sync import engine
    from app.sync.registry import synced_tables
    from syncnet import Network
    from testdata import ADMIN_PASSWORD

    network = Network(tmp_path, plugin_host, request)
    try:
        hq = network.node("HQ", "postgresql", children=(("BJ", "branch"),))
        bj = network.node("BJ", "sqlite", parent="HQ")
        with hq.reading() as session:
            hq_admin = authenticate(session, "admin@HQ", ADMIN_PASSWORD)
        with hq.transaction() as session:
            calendars.save_national_days(session, hq_admin, {date(2027, 2, 5): ("holiday", "春节"),
                                                             date(2027, 2, 20): ("working", "春节调休")})
        tables = synced_tables(plugin_host)
        assert engine.pull(bj.engine, hq.engine, tables).report.errors == 0
        with bj.reading() as session:
            clock = calendar_for(session, get_by_code(session, "BJ"))
        assert not clock.is_working_day(date(2027, 2, 5)) and clock.is_working_day(date(2027, 2, 20))

        with hq.transaction() as session:  # back to as shipped: the tombstone travels too
            calendars.save_national_days(session, hq_admin, {date(2027, 2, 20): None})
        engine.pull(bj.engine, hq.engine, tables)
        with bj.reading() as session:
            assert not calendar_for(session, get_by_code(session, "BJ")).is_working_day(date(2027, 2, 20))
    finally:
        network.close()
