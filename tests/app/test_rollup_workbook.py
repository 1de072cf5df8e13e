"""The rollup workbook people present: a Summary per unit with subtotals per tier and the network
total, a Branches sheet with native charts, typed number formats, frozen headers, filters, marks
for missed commitments, a Meta sheet, and no user text turned into a formula."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import __version__
from app.hookspecs import hookimpl
from app.orgs.models import OrgUnit
from app.reports.period import parse_period
from app.reports.rollup import write_rollup
from app.specs import Measure, RollupChart, RollupColumn, RollupSection, UnitFigure

# Each unit's own work: commitments met out of due, and cases closed.
OWN = {"HQ": (0, 0, 1), "BJ": (9, 10, 12), "BJ-P01": (3, 5, 4), "SH": (19, 20, 30)}
HOSTILE = '=HYPERLINK("http://x","y")'


class Commitments:
    def __init__(self, ids):
        self.ids = ids

    @hookimpl
    def rollup_sections(self, ctx, period, org_code):
        met = Measure("test.met", "Commitments met", "share", target=0.9, chart=True)
        closed = Measure("test.closed", "Closed", "count")
        figures = [f for code, (m, due, c) in OWN.items()
                   for f in (UnitFigure(met.code, self.ids[code], m, due), UnitFigure(closed.code, self.ids[code], c))]
        rows = [(code, HOSTILE if code == "SH" else code, m / due if due else None) for code, (m, due, _c) in OWN.items()]
        return [RollupSection("Commitments", [RollupColumn("Unit"), RollupColumn("Name"),
                                              RollupColumn("Met", "percent", 0.9)], rows,
                              measures=[met, closed], figures=figures,
                              charts=[RollupChart("bar", "Met per unit", 0, (2,))])]


@pytest.fixture
def workbook(ctx, admin, tmp_path):
    with ctx.reading() as session:
        ids = dict(session.execute(select(OrgUnit.code, OrgUnit.id)).all())
    plugin = Commitments(ids)
    ctx.plugins.pm.register(plugin)
    try:
        out = tmp_path / "rollup.xlsx"
        sheets = write_rollup(ctx.signed_in(admin), parse_period("2026Q3"), None, out)
    finally:
        ctx.plugins.pm.unregister(plugin)
    book = load_workbook(out)
    assert sheets == len(book.sheetnames)
    return book


def rows_of(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_summary_has_every_unit_tier_subtotals_and_the_network_total(workbook):
    assert workbook.sheetnames[0] == "Summary" and workbook.sheetnames[-1] == "Meta"
    rows = rows_of(workbook["Summary"])
    header = rows[0]
    met, closed = header.index("Commitments met"), header.index("Closed")
    by_code = {row[0]: row for row in rows[1:5]}
    assert list(by_code) == ["HQ", "BJ", "BJ-P01", "SH"]
    assert by_code["BJ"][met] == pytest.approx(0.9) and by_code["BJ"][closed] == 12
    assert by_code["HQ"][met] is None  # nothing due: no share, not 0 %
    subtotals = {row[1]: row for row in rows if row[0] == "Subtotal"}
    assert subtotals["Branch"][met] == pytest.approx((9 + 19) / (10 + 20))  # summed halves, not mean of %
    assert subtotals["Partner"][closed] == 4
    [total] = [row for row in rows if row[0] == "Network total"]
    assert total[met] == pytest.approx((9 + 3 + 19) / 35) and total[closed] == 1 + 12 + 4 + 30


def test_formats_frozen_headers_filters_marks_and_charts(workbook):
    summary = workbook["Summary"]
    header = [c.value for c in summary[1]]
    met_column = header.index("Commitments met") + 1
    assert summary.cell(3, met_column).number_format == "0.0%"
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref
    assert summary.cell(1, 1).font.b and summary.cell(summary.max_row, 1).font.b  # header and total in bold
    rules = [rule for cf in summary.conditional_formatting for rule in cf.rules]
    assert rules and rules[0].operator == "lessThan" and float(rules[0].formula[0]) == 0.9
    branches = workbook["Branches"]
    assert [row[0] for row in rows_of(branches)[1:]] == ["BJ", "SH"]
    assert rows_of(branches)[1][2] == pytest.approx((9 + 3) / 15)  # a branch with its partners
    charted = ["".join(run.t for line in chart.title.tx.rich.p for run in line.r or ()) for chart in branches._charts]
    assert "Commitments met" in charted and len(workbook["Commitments"]._charts) == 1  # beside the real plugins' charts
    widths = [summary.column_dimensions[letter].width for letter in "AB"]
    assert all(width >= 10 for width in widths)


def test_user_text_stays_text_and_the_meta_sheet_says_what_is_covered(workbook):
    names = [row[1] for row in rows_of(workbook["Commitments"])[1:]]
    assert HOSTILE in names
    cell = next(c for c in workbook["Commitments"]["B"] if c.value == HOSTILE)
    assert cell.data_type == "s"
    meta = dict((row[0], row[1]) for row in rows_of(workbook["Meta"])[1:])
    assert meta["Period"] == "2026Q3" and meta["Application version"] == __version__
    assert "password" not in str(meta["Source database"]).lower() or "***" in str(meta["Source database"])
