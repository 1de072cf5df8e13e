"""The HQ Excel rollup: sections from every plugin, written and read back."""

import pytest
from openpyxl import load_workbook

from app.errors import PermissionDenied, ValidationError
from app.hookspecs import hookimpl
from app.reports.period import parse_period
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
        sheets = write_rollup(ctx.signed_in(admin), "2026Q3", None, out)
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
    write_rollup(ctx.signed_in(admin), "2026-09", "BJ", out)
    codes = [row[0] for row in list(load_workbook(out, read_only=True)["Network"].values)[1:]]
    assert codes == ["BJ", "BJ-P01"]
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])
    with pytest.raises(PermissionDenied):
        write_rollup(ctx.signed_in(engineer), "2026Q3", None, tmp_path / "no.xlsx")
    assert not (tmp_path / "no.xlsx").exists()


@pytest.mark.parametrize("text,start,end", [("2026Q3", "2026-07-01", "2026-10-01"), ("2026q4", "2026-10-01", "2027-01-01"),
                                            ("2026-02", "2026-02-01", "2026-03-01"), ("2026", "2026-01-01", "2027-01-01")])
def test_periods(text, start, end):
    period = parse_period(text)
    assert (str(period.start), str(period.end)) == (start, end)


@pytest.mark.parametrize("text", ["2026Q5", "2026-13", "Q3", ""])
def test_bad_periods_are_refused(text):
    with pytest.raises(ValidationError):
        parse_period(text)
