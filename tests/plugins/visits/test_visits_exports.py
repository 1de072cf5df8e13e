"""The visits lists to Excel, through the one writer: user text that reads like a formula comes
back as that text, the workbook holds every row the page's filter finds (not only the screenful
the page reads), times are date-time cells in each row's unit's wall time, a cancel or a path that
cannot be written leaves no file, and the door refuses a reader without the list's permission.
On SQLite and PostgreSQL; then the pages' buttons, through real widgets."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.errors import PermissionDenied, UserError
from app.reports import workbook
from app.reports.workbook import ExportCancelled
from export_world import HOSTILE, MANY
from plugins.visits import service
from visits_export_world import BJ, BUILDERS, SH, build_follow_ups, sh_quarter

FORMULA_STARTS = ("=", "+", "-", "@")


def data_rows(path) -> list[list]:
    return [list(row) for sheet in load_workbook(path).worksheets for row in sheet.iter_rows(min_row=2)]


def header(path) -> list:
    return [c.value for c in next(load_workbook(path).worksheets[0].iter_rows(max_row=1))]


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_visits_list_writes_user_text_as_text_and_every_row_the_page_lists(ctx, admin, tmp_path, name):
    case = BUILDERS[name](ctx, admin)
    path = tmp_path / "list.xlsx"
    with ctx.reading() as session:
        written = case.export(session, path)
        listed = case.listed(session)
    cells = [cell for row in data_rows(path) for cell in row]
    assert written == listed == len(data_rows(path)) > 0, name
    assert not [c for c in cells if c.data_type == "f"], name
    texts = [c for c in cells if isinstance(c.value, str)]
    for hostile in HOSTILE:
        found = [c for c in texts if c.value == hostile]
        assert found, (name, hostile)
        assert all(c.data_type == "s" and c.quotePrefix for c in found), (name, hostile)
    assert all(c.data_type == "s" for c in texts if c.value.startswith(FORMULA_STARTS)), name
    sheet = load_workbook(path).worksheets[0]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_cancel_or_a_path_that_cannot_be_written_leaves_no_file(ctx, admin, tmp_path, name):
    case = BUILDERS[name](ctx, admin)
    folder = tmp_path / "out"
    folder.mkdir()
    with ctx.reading() as session:
        with pytest.raises(ExportCancelled):
            case.export(session, folder / "cancelled.xlsx", cancelled=lambda: True)
        missing = tmp_path / "no such folder" / "list.xlsx"
        with pytest.raises(UserError, match="Cannot write"):
            case.export(session, missing)
    assert not list(folder.iterdir()) and not missing.parent.exists()


def visits_case(name, ctx, admin):
    case = BUILDERS["visit actions"](ctx, admin).extra["all"] if name == "visit actions" else BUILDERS[name](ctx, admin)
    return case


@pytest.mark.parametrize("name", ["follow-up calls", "corrective actions", "visit actions"])
def test_times_are_date_time_cells_in_each_rows_unit(ctx, admin, tmp_path, name, utc_workstation):
    case = visits_case(name, ctx, admin)
    path = tmp_path / "times.xlsx"
    with ctx.reading() as session:
        case.export(session, path)
        expected = case.moments(session)
    rows = data_rows(path)
    assert len(rows) == len(expected) > 0
    zones, times = set(), 0
    for row, wanted in zip(rows, expected):
        for column, value in wanted:
            if isinstance(value, datetime):
                assert row[column].is_date and row[column].number_format == workbook.DATETIME_FORMAT, (name, column)
                assert row[column].value == value, (name, column)
                times += 1
            else:
                assert row[column].value == value, (name, column)
                zones.add(value)
    if name == "visit actions":  # one unit's: its zone is named in the column's title
        assert times == 1 and header(path)[4] == "Done at (Asia/Urumqi)"  # the one action done
    else:
        assert times > len(rows) and zones - {None} == {"Asia/Shanghai", "Asia/Urumqi"}, name


@pytest.mark.parametrize("name, columns", [("visit plan", (3, 5)), ("inspections", (2, 3)),
                                           ("corrective actions", (7,))])
def test_days_are_date_cells(ctx, admin, tmp_path, name, columns):
    case = BUILDERS[name](ctx, admin)
    path = tmp_path / "days.xlsx"
    with ctx.reading() as session:
        case.export(session, path)
    dated = [row[c] for row in data_rows(path) for c in columns if row[c].value is not None]
    assert dated and all(c.is_date and c.number_format == workbook.DATE_FORMAT for c in dated)
    assert all(isinstance(c.value, (datetime, date)) for c in dated)


def test_the_follow_up_export_keeps_to_the_pages_filter_and_its_columns(ctx, admin, tmp_path):
    build_follow_ups(ctx, admin)
    path = tmp_path / "due.xlsx"
    with ctx.reading() as session:
        due = service.list_call_lines(session, admin, "due", MANY, org_id=SH)
        written = service.export_follow_ups(session, admin, path, state="due", org_id=SH)
        done = service.list_call_lines(session, admin, "done", MANY)
        service.export_follow_ups(session, admin, tmp_path / "done.xlsx", state="done")
    assert written == len(due) > 0
    assert header(path) == ["Ticket", "Customer", "Contact", "Phone", "Engineer", "Closed at", "Call by", "Attempts",
                            "State", "Completed at", "Solved", "Satisfaction", "Unit", "Time zone"]
    rows = [[c.value for c in row] for row in data_rows(path)]
    assert [r[0] for r in rows] == [line.call.ticket_number for line in due]  # the page's order
    assert [r[1:5] for r in rows] == [[line.customer, line.contact, line.phone, line.engineer] for line in due]
    assert {r[12] for r in rows} == {"SH"} and {r[8] for r in rows} <= {"Due", "Overdue"}
    answered = [[c.value for c in row] for row in data_rows(tmp_path / "done.xlsx")]
    assert [(r[10], r[11]) for r in answered] == [("yes", line.call.satisfaction) for line in done]
    assert sorted(r[11] for r in answered) == [1, 1, 2, 2, 5]


def test_the_plan_export_is_the_plan_tab(ctx, admin, tmp_path):
    case = BUILDERS["visit plan"](ctx, admin)
    path = tmp_path / "plan.xlsx"
    quarter = sh_quarter(ctx).label
    with ctx.reading() as session:
        case.export(session, path)
        lines = service.plan_lines(session, admin, SH, quarter)
    rows = [[c.value for c in row] for row in data_rows(path)]
    assert [r[:3] for r in rows] == [[line.customer, line.region, line.assignee] for line in lines]
    assert [r[4] for r in rows] == [service.state_label(line.state) for line in lines]
    assert rows[0][5] == datetime.combine(sh_quarter(ctx).start, datetime.min.time())
    assert load_workbook(path).sheetnames == [f"Visit plan {quarter}"]


EXPORTS = {  # the door's export, the arguments of its filter, and the permission it needs
    "export_follow_ups": ({"state": None}, service.VIEW),
    "export_corrective_actions": ({}, service.CORRECTIVE_VIEW),
    "export_plan_lines": ({"quarter": "2026Q1", "org_id": BJ}, service.PLANS_VIEW),
    "export_visit_actions": ({"quarter": "2026Q1", "org_id": BJ}, service.PLANS_VIEW),
    "export_inspections": ({"period": "2026Q1", "org_id": BJ}, service.INSPECTIONS_VIEW),
}


@pytest.mark.parametrize("operation", sorted(EXPORTS))
def test_a_reader_without_the_lists_permission_is_refused_and_no_file_is_written(ctx, make_actor, tmp_path,
                                                                                 operation):
    arguments, permission = EXPORTS[operation]
    stranger = make_actor(ctx, "trainee@BJ", roles=["trainer"])
    assert not stranger.has(permission)
    folder = tmp_path / "out"
    folder.mkdir()
    with ctx.reading() as session, pytest.raises(PermissionDenied):
        getattr(service, operation)(session, stranger, folder / "refused.xlsx", **arguments)
    assert not list(folder.iterdir())
    assert getattr(service, operation).permission == permission


# ---------------------------------------------------------------- the pages' buttons


@pytest.fixture
def answer(monkeypatch):
    """Answers the save dialog with the path given."""
    def answering(path):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(path), "")))
    return answering


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_follow_ups_button_exports_every_call_the_filter_finds(qtbot, ctx, admin, tmp_path, answer,
                                                                   monkeypatch):
    from plugins.visits.views import followups_page

    build_follow_ups(ctx, admin)
    monkeypatch.setattr(followups_page, "LIMIT", 4)  # the screen reads a screenful; the export writes them all
    page = followups_page.FollowUpsPage(ctx.signed_in(admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.rows is not None, timeout=10_000)  # the first screenful: the calls due
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.state.setCurrentIndex(page.state.findText("All"))
    assert page.table.rowCount() == 4
    shown = [[page.table.item(r, c).text() for c in range(page.table.columnCount())] for r in range(4)]
    path = tmp_path / "calls.xlsx"
    answer(path)
    with qtbot.waitSignal(page.export.finished, timeout=10_000) as done:
        qtbot.mouseClick(page.export.button, Qt.LeftButton)
    assert done.args == [10, str(path)]
    rows = [[c.value for c in row] for row in data_rows(path)]
    assert [r[:5] for r in rows[:4]] == [s[:5] for s in shown]
    assert [r[5].strftime("%Y-%m-%d %H:%M") for r in rows[:4]] == [s[5] for s in shown]
    assert [str(r[7]) for r in rows[:4]] == [s[7] for s in shown] and [r[8] for r in rows[:4]] == [s[8] for s in shown]
    assert header(path)[:5] == [page.table.horizontalHeaderItem(c).text() for c in range(5)]
    assert page.export.notice.text() == f"10 rows written to {path}"


def corrective_page(qtbot, ctx):
    from plugins.visits.views.corrective_page import CorrectiveActionsPage

    page = CorrectiveActionsPage(ctx)
    page.show_which.setCurrentIndex(page.show_which.findData(False))
    return page


def plan_page(qtbot, ctx):
    """SH's plan of the quarter: the quarter typed, then SH chosen in the org filter."""
    from plugins.visits.views.plan_page import VisitPlanPage

    page = VisitPlanPage(ctx)
    page.quarter.setText(sh_quarter(ctx).label)
    qtbot.waitUntil(lambda: page.org_filter.choose(SH), timeout=10_000)
    return page


def inspections_page(qtbot, ctx):
    from plugins.visits.views.inspections_page import InspectionsPage

    return InspectionsPage(ctx)


PAGES = {  # list -> (the page showing it, the name of its ListExport, its tab on the page or None)
    "corrective actions": (corrective_page, "export", None),
    "visit plan": (plan_page, "plan_export", 0),
    "visit actions": (plan_page, "actions_export", 1),
    "inspections": (inspections_page, "export", 0),
}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_page_exports_the_rows_its_door_lists(qtbot, ctx, admin, tmp_path, answer, name):
    case = BUILDERS[name](ctx, admin)
    make, attribute, tab = PAGES[name]
    page = make(qtbot, ctx.signed_in(admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    export = getattr(page, attribute)
    if tab is not None:
        page.tabs.setCurrentIndex(tab)
        assert export.button.isVisible() and page.tabs.currentWidget().isAncestorOf(export.button)
    path = tmp_path / f"{attribute}.xlsx"
    answer(path)
    page.activateWindow()
    export.button.setFocus()
    qtbot.waitUntil(export.button.hasFocus, timeout=5_000)
    with qtbot.waitSignal(export.finished, timeout=10_000) as done:
        qtbot.keyClick(export.button, Qt.Key_E, Qt.ControlModifier)
    with ctx.reading() as session:
        listed = case.listed(session)
    assert done.args[0] == listed == len(data_rows(path)) > 0
