"""The HQ Excel rollup: sections from every plugin, written and read back."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from app.errors import PermissionDenied, ValidationError
from app.hookspecs import hookimpl
from app.reports.period import Period, parse_period
from app.reports.rollup import write_rollup
from app.specs import RollupSection


class HitRate:
    @hookimpl
    def rollup_sections(self, ctx, period, org_code):
        return [RollupSection("备件命中率", ["Depot", "Hit rate"], [("BJ-D1", 0.9), ("SH-D1", 0.75)])]


def test_rollup_has_the_network_and_every_plugins_sheet(ctx, admin, tmp_path):
    plugin = HitRate()
    ctx.plugins.pm.register(plugin)
    try:
        out = tmp_path / "rollup.xlsx"
        sheets = write_rollup(ctx.signed_in(admin), parse_period("2026Q3"), None, out)
    finally:
        ctx.plugins.pm.unregister(plugin)
    book = load_workbook(out, read_only=True)
    assert "Network" in book.sheetnames and "备件命中率" in book.sheetnames and sheets == len(book.sheetnames)
    network = list(book["Network"].values)
    assert network[0][0] == "Org code"
    assert [row[0] for row in network[1:]] == ["HQ", "BJ", "BJ-P01", "SH"]
    assert list(book["备件命中率"].values)[1] == ("BJ-D1", 0.9)


def test_rollup_for_one_subtree_and_permission(ctx, admin, make_actor, tmp_path):
    out = tmp_path / "bj.xlsx"
    write_rollup(ctx.signed_in(admin), parse_period("2026-09"), "BJ", out)
    codes = [row[0] for row in list(load_workbook(out, read_only=True)["Network"].values)[1:]]
    assert codes == ["BJ", "BJ-P01"]
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])
    with pytest.raises(PermissionDenied):
        write_rollup(ctx.signed_in(engineer), parse_period("2026Q3"), None, tmp_path / "no.xlsx")
    assert not (tmp_path / "no.xlsx").exists()


class PeriodSeen:
    """Records what the core hands the plugins."""

    def __init__(self):
        self.periods = []

    @hookimpl
    def rollup_sections(self, ctx, period, org_code):
        self.periods.append(period)
        return []


def test_plugins_receive_the_parsed_period(ctx, admin, tmp_path):
    seen = PeriodSeen()
    ctx.plugins.pm.register(seen)
    try:
        write_rollup(ctx.signed_in(admin), parse_period("2026-07-01..2026-09-30"), None, tmp_path / "r.xlsx")
    finally:
        ctx.plugins.pm.unregister(seen)
    assert seen.periods == [Period(date(2026, 7, 1), date(2026, 10, 1), "2026-07-01..2026-09-30")]


@pytest.mark.parametrize("text,start,end,label", [
    ("2026", "2026-01-01", "2027-01-01", "2026"),
    ("2026Q3", "2026-07-01", "2026-10-01", "2026Q3"),
    (" 2026q4 ", "2026-10-01", "2027-01-01", "2026Q4"),
    ("2026-07", "2026-07-01", "2026-08-01", "2026-07"),
    ("2026-2", "2026-02-01", "2026-03-01", "2026-02"),
    ("2026-12", "2026-12-01", "2027-01-01", "2026-12"),
    ("2026-07-01..2026-09-30", "2026-07-01", "2026-10-01", "2026-07-01..2026-09-30"),
    ("2026-07-15 .. 2026-07-15", "2026-07-15", "2026-07-16", "2026-07-15..2026-07-15"),
    ("2025-12-31..2026-01-01", "2025-12-31", "2026-01-02", "2025-12-31..2026-01-01"),
])
def test_every_form_parses_with_the_end_excluded(text, start, end, label):
    period = parse_period(text)
    assert (str(period.start), str(period.end), period.label) == (start, end, label)
    assert period.last_day == period.end - timedelta(days=1)


@pytest.mark.parametrize("text,message", [
    ("2026Q5", "“2026Q5” is not a period"), ("Q3", "“Q3” is not a period"), ("last year", "is not a period"),
    ("", "write the period to report"), ("2026-13", "has no month 13"), ("0000", "between 1900 and 9998"),
    ("2026-02-30..2026-03-01", "2026-02-30 is not a date"),
    ("2026-09-30..2026-07-01", "ends on 2026-07-01, before it starts on 2026-09-30"),
])
def test_bad_periods_are_refused_naming_the_field(text, message):
    with pytest.raises(ValidationError) as refused:
        parse_period(text)
    assert refused.value.field == "period"
    assert str(refused.value).startswith("Period: ") and message in str(refused.value)


def test_a_period_meets_stored_moments_in_a_units_zone():
    shanghai = ZoneInfo("Asia/Shanghai")
    q3 = parse_period("2026Q3")
    assert q3.start_utc(shanghai) == datetime(2026, 6, 30, 16, 0, tzinfo=timezone.utc)
    assert q3.end_utc(shanghai) == datetime(2026, 9, 30, 16, 0, tzinfo=timezone.utc)
    late_in_september = datetime(2026, 9, 30, 17, 0, tzinfo=timezone.utc)  # 1 October, 01:00 in Beijing
    assert not q3.contains(late_in_september, shanghai) and q3.contains(late_in_september, timezone.utc)
    assert date(2026, 9, 30) in q3 and date(2026, 10, 1) not in q3
    with pytest.raises(TypeError):
        q3.contains(late_in_september)


def test_months_and_quarters():
    assert [m.label for m in parse_period("2026Q3").months()] == ["2026-07", "2026-08", "2026-09"]
    assert len(parse_period("2026").months()) == 12
    cut = parse_period("2026-07-15..2026-08-10").months()
    assert [(str(m.start), str(m.end)) for m in cut] == [("2026-07-15", "2026-08-01"), ("2026-08-01", "2026-08-11")]
    assert Period.quarter_of(date(2026, 9, 30)).label == "2026Q3"
    assert Period.quarter_of(date(2026, 10, 1)).previous_quarter().label == "2026Q3"
    assert parse_period("2026Q1").previous_quarter().label == "2025Q4"
