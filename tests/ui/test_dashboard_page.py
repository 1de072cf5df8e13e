"""The dashboard page driven as a user would: the period typed, a row per branch equal to the
workbook's Branches sheet for the same period, a bar per branch, drill-down by row and by bar,
up again, and a wrong period refused in plain words."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.ids import org_id_for_code
from app.reports.period import Period, parse_period
from app.reports.rollup import write_rollup
from app.ui.charts import BarChart
from app.ui.dashboard_page import KIND_ROLE, VALUE_ROLE, DashboardPage
from dashboard_figures import CASES, MET, Broken, Commitments, Registered, expected

WAIT = 20000


@pytest.fixture
def stand_in(sqlite_ctx):
    with Registered(sqlite_ctx, Commitments()) as plugin:
        yield plugin


@pytest.fixture
def analyst_ctx(sqlite_ctx, make_actor, stand_in):
    analyst = make_actor(sqlite_ctx, "ana@HQ", roles=["hq_analyst"])
    make_actor(sqlite_ctx, "eng@BJ-P01", roles=["field_engineer"])
    return sqlite_ctx.signed_in(analyst)


def open_page(qtbot, ctx) -> DashboardPage:
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=WAIT)
    return page


def show_period(qtbot, page, typed: str) -> None:
    page.period.clear()
    qtbot.keyClicks(page.period, typed)
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        qtbot.keyClick(page.period, Qt.Key_Return)


def table_rows(page) -> list[dict]:
    table = page.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = []
    for r in range(table.rowCount()):
        row = {"kind": table.item(r, 0).data(KIND_ROLE), "text": {}}
        for c, header in enumerate(headers):
            row[header] = table.item(r, c).data(VALUE_ROLE) if c >= 2 else table.item(r, c).text()
            row["text"][header] = table.item(r, c).text()
        rows.append(row)
    return rows


def chart(page, measure) -> BarChart:
    return page.findChild(BarChart, f"chart:{measure.code}")


def test_hq_sees_a_row_and_a_bar_per_branch_equal_to_the_workbooks_branches_sheet(qtbot, analyst_ctx, stand_in,
                                                                                  tmp_path):
    page = open_page(qtbot, analyst_ctx)
    assert page.period.text() == Period.quarter_of(date.today()).label  # this quarter by default
    show_period(qtbot, page, "2026Q3")
    assert stand_in.periods[-1] == (parse_period("2026Q3"), "HQ")
    assert page.findChild(QLabel, "heading").text() == "HQ · 总部技术支持部 · 2026Q3"

    out = tmp_path / "rollup.xlsx"
    write_rollup(analyst_ctx, parse_period("2026Q3"), None, out)
    sheet = list(load_workbook(out, read_only=True)["Branches"].values)
    headers, branches = sheet[0], sheet[1:]
    rows = table_rows(page)
    assert [(r["kind"], r["Code"]) for r in rows] == [("child", "BJ"), ("child", "SH"), ("own", "HQ"),
                                                      ("total", "Total")]
    for line, row in zip(branches, rows):
        for header, value in zip(headers[2:], line[2:]):
            assert row[header] == pytest.approx(value), (row["Code"], header)
        assert (row["Code"], row["Name"]) == line[:2]
    assert len(branches) == 2
    bj = rows[0]
    assert bj["text"][MET.label] == "80.0%" and bj["text"][CASES.label] == "20"  # shares in %, counts whole
    assert page.table.item(0, 2 + page.figures.measures.index(MET)).foreground().color().name() == "#c62828"

    met, cases = chart(page, MET), chart(page, CASES)
    assert met.categories == ["BJ", "SH"] and cases.categories == ["BJ", "SH"]
    assert [bar_set.count() for bar_set in met.bar_sets] == [2, 2]  # one bar per branch, met or below
    assert met.below == [0] and met.values == pytest.approx([expected("BJ", "BJ-P01")[0], expected("SH")[0]])
    assert cases.values == [20, 20]
    assert not page.up_button.isEnabled()


def test_drilling_down_from_hq_to_a_branch_to_a_partner_and_back_up(qtbot, analyst_ctx):
    page = open_page(qtbot, analyst_ctx)
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        page.table.cellDoubleClicked.emit(0, 1)  # BJ's row
    assert [(r["kind"], r["Code"]) for r in table_rows(page)] == [("child", "BJ-P01"), ("own", "BJ"),
                                                                  ("total", "Total")]
    assert page.org_filter.org_id() == org_id_for_code("BJ")
    partner = table_rows(page)[0]
    assert partner["Name"] == "北京信息科技有限公司" and partner[MET.label] == pytest.approx(1.0)
    assert chart(page, MET).categories == ["BJ-P01"]

    with qtbot.waitSignal(page.shown, timeout=WAIT):
        chart(page, CASES).bar_sets[0].doubleClicked.emit(0)  # the partner's bar
    assert page.figures.unit.code == "BJ-P01"
    assert [(r["kind"], r["Code"]) for r in table_rows(page)] == [("total", "Total")]
    assert page.findChild(QLabel, "heading").text().startswith("HQ › BJ › BJ-P01 · ")

    with qtbot.waitSignal(page.shown, timeout=WAIT):
        qtbot.mouseClick(page.up_button, Qt.LeftButton)
    assert page.figures.unit.code == "BJ"
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        qtbot.mouseClick(page.up_button, Qt.LeftButton)
    assert [r["Code"] for r in table_rows(page)] == ["BJ", "SH", "HQ", "Total"]
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        chart(page, MET).bar_sets[1].doubleClicked.emit(1)  # SH's bar (below the target: the red set)
    assert page.figures.unit.code == "SH"


def test_a_wrong_period_is_refused_in_plain_words_and_nothing_is_computed(qtbot, analyst_ctx, stand_in):
    page = open_page(qtbot, analyst_ctx)
    asked = len(stand_in.periods)
    show_period(qtbot, page, "2026Q9")
    message = page.findChild(QLabel, "message")
    assert message.isVisible() and message.textFormat() == Qt.PlainText
    assert message.text() == ("Period: “2026Q9” is not a period; write one of "
                              "2026, 2026Q3, 2026-07, 2026-07-01..2026-09-30.")
    assert len(stand_in.periods) == asked and page.worker is None
    show_period(qtbot, page, "2026-07")
    assert not message.isVisible() and page.figures.period.label == "2026-07"


def test_a_new_choice_cancels_the_figures_still_being_computed(qtbot, analyst_ctx):
    page = open_page(qtbot, analyst_ctx)
    page.period.setText("2026")
    page.refresh()
    first = page.worker
    assert page.cancel_button.isVisibleTo(page)
    page.show_unit(org_id_for_code("SH"))
    assert first.cancelled() and page.worker is not first
    qtbot.waitUntil(lambda: page.worker is None, timeout=WAIT)
    assert page.figures.unit.code == "SH" and page.figures.period.label == "2026"
    page.refresh()
    qtbot.mouseClick(page.cancel_button, Qt.LeftButton)
    assert page.worker is None and page.findChild(QLabel, "status").text() == "Cancelled."
    assert page.figures.unit.code == "SH"  # what was on screen stays


def test_figures_that_cannot_be_read_are_said_so(qtbot, analyst_ctx):
    page = open_page(qtbot, analyst_ctx)
    with Registered(analyst_ctx, Broken()):
        show_period(qtbot, page, "2026Q2")
    message = page.findChild(QLabel, "message")
    assert message.isVisible()
    assert message.text() == "The figures could not be read: RuntimeError: the stock ledger is unreachable"
    assert page.figures.period.label != "2026Q2"  # what was on screen stays
