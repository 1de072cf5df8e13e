"""The scorecard page through its real widgets: people shown for the period typed, sorting by a
column, the formula line, HQ's weights dialog, and the export read back with openpyxl, where
hostile person names stay text."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from plugins.visits.scorecard_weights import ONSITE, RESPONSE, SATISFACTION
from plugins.visits.views.scorecard_page import ScorecardPage
from plugins.visits.views.scorecard_tables import NO_FIGURE, column_texts
from scorecard_data import make_team, seed_period

HOSTILE = {"eng2@BJ": '=HYPERLINK("http://x","y")', "fu1@BJ": "=1+1", "sales1@BJ": "@SUM(A1)", "eng3@SH": "+1",
           "eng4@BJ-P01": "-1"}
HANDLED = 2  # the column of "Tickets handled"


def open_page(ctx, qtbot, team, login="analyst@HQ") -> ScorecardPage:
    page = ScorecardPage(ctx.signed_in(team.people[login]))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=15000):
        pass  # the default period's first load
    page.period.clear()
    qtbot.keyClicks(page.period, team.period.label)
    with qtbot.waitSignal(page.loaded, timeout=15000):
        qtbot.keyClick(page.period, Qt.Key_Return)
    return page


def click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(header.sectionViewportPosition(column) + 4, 4))


def test_the_page_shows_people_sorts_and_exports_names_as_text(ctx, make_actor, qtbot, tmp_path):
    team = make_team(ctx, make_actor, names=HOSTILE)
    seed_period(ctx, team)
    page = open_page(ctx, qtbot, team)
    table = page.people_table
    assert set(column_texts(table, 0)) == {"hot1", "eng1", "fu2", *HOSTILE.values()}
    assert page.formula.text().startswith("Overall score = 15 % × First response met")
    click_header(qtbot, table, HANDLED)
    ascending = [int(t) for t in column_texts(table, HANDLED)]
    assert ascending == sorted(ascending) and ascending[0] == 0 and ascending[-1] == 6  # hot1: remote resolutions
    satisfaction = page.columns.index(next(c for c in page.columns if c.measure == SATISFACTION)) + 2
    click_header(qtbot, table, satisfaction)
    means = column_texts(table, satisfaction)  # people without answers have a dash, sorted first
    dashes = means.count(NO_FIGURE)
    assert means[:dashes] == [NO_FIGURE] * dashes and [float(m) for m in means[dashes:]] == [1.0, 3.5, 4.0]
    click_header(qtbot, table, HANDLED)
    click_header(qtbot, table, HANDLED)
    assert column_texts(table, HANDLED)[0] == "6" and column_texts(table, 0)[0] == "hot1"  # descending
    assert column_texts(table, 1)[0] == "北京分公司"

    out = tmp_path / "考核.xlsx"
    with qtbot.waitSignal(page.exported, timeout=30000) as written:
        page.export_to(out)
    assert written.args[0] == str(out)
    book = load_workbook(out)
    people = book[book.sheetnames[0]]
    names = {row[0].value: row[0].data_type for row in people.iter_rows(min_row=2)}
    for name in HOSTILE.values():
        assert names[name] == "s", name
    assert not any(cell.data_type == "f" for sheet in book for row in sheet.iter_rows() for cell in row)
    header = [c.value for c in people[1]]
    eng1 = next(row for row in people.iter_rows(min_row=2, values_only=True) if row[0] == "eng1")
    assert eng1[header.index("Tickets handled")] == 2
    assert eng1[header.index("On-site arrival met")] == 0.5
    assert eng1[header.index("Mean satisfaction")] == 3.5
    assert "Formula" in book.sheetnames


def test_hq_edits_the_weights_and_the_formula_follows(ctx, make_actor, qtbot):
    team = make_team(ctx, make_actor)
    seed_period(ctx, team)
    page = open_page(ctx, qtbot, team)
    assert page.weights_button.isVisibleTo(page)
    dialog = page.weights_dialog({RESPONSE: 15})
    qtbot.addWidget(dialog)
    for measure in dialog.fields:
        if measure != "total":
            dialog.fields[measure].setValue(0)
    dialog.fields[RESPONSE].setValue(30)
    dialog.fields[SATISFACTION].setValue(30)
    assert dialog.total.text() == "60 %"
    dialog.ok_button.click()
    assert dialog.result() != QDialog.Accepted
    assert "add up to 60 %" in dialog.message.text()
    dialog.fields[ONSITE].setValue(40)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.Accepted
    with qtbot.waitSignal(page.loaded, timeout=15000):
        page.reload()
    assert page.formula.text().startswith("Overall score = 30 % × First response met + 40 % × On-site arrival met "
                                          "+ 30 % × mean satisfaction ÷ 5.")


def test_a_branch_manager_has_no_weights_button_and_a_wrong_period_is_said(ctx, make_actor, qtbot):
    team = make_team(ctx, make_actor)
    page = open_page(ctx, qtbot, team, "mgr@BJ")
    assert not page.weights_button.isVisibleTo(page)
    qtbot.keyClicks(page.period, "x")
    qtbot.keyClick(page.period, Qt.Key_Return)
    assert "is not a period" in page.message.text()
