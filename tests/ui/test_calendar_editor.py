"""The calendar editor of Org units: two intervals a day, a day marked in the year view, the
legend saying where each mark comes from; HQ's national calendar corrected by a click or a sheet."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QPushButton

from app.auth.service import authenticate
from app.calendars import calendar_for
from app.calendars.national import shipped_years
from app.orgs.service import get_by_code
from app.ui.admin.calendar_editor import UnitCalendarDialog
from app.ui.admin.national_calendar_dialog import NationalCalendarDialog
from app.ui.admin.orgs_dialog import OrgUnitsDialog
from testdata import ADMIN_PASSWORD, USER_PASSWORD


def signed_in(ctx, login="admin@HQ", password=ADMIN_PASSWORD):
    with ctx.reading() as session:
        return ctx.signed_in(authenticate(session, login, password))


def unit(ctx, code):
    with ctx.reading() as session:
        return get_by_code(session, code)


def click_day(qtbot, view, day: date) -> None:
    while view.year != day.year:
        qtbot.mouseClick(view.next if view.year < day.year else view.previous, Qt.LeftButton)
    grid, cell = view.cell_for(day)
    qtbot.mouseClick(grid.viewport(), Qt.LeftButton, pos=grid.visualRect(cell).center())


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_two_intervals_and_an_own_holiday_are_saved_and_the_legend_names_each_source(qtbot, sqlite_ctx):
    ctx = signed_in(sqlite_ctx)
    dialog = UnitCalendarDialog(ctx, None, unit(ctx, "BJ"))
    qtbot.addWidget(dialog)
    assert not dialog.hours.isEnabled()  # as the unit above until the unit takes its own hours
    choose(dialog.source, "business_hours")
    assert dialog.hours.isEnabled()
    dialog.hours.rows[0][1].setTime(QTime(12, 0))
    qtbot.mouseClick(dialog.hours.add_button, Qt.LeftButton)  # a second interval, 13:30–18:00
    assert dialog.hours.intervals() == [["09:00", "12:00"], ["13:30", "18:00"]]

    choose(dialog.paint, "holiday")
    click_day(qtbot, dialog.year_view, date(2026, 8, 12))
    assert dialog.year_view.detail.text() == "2026-08-12: closed · this unit's own"
    assert dialog.year_view.describe(date(2026, 10, 1)) == "2026-10-01: closed (National Day) · national calendar"
    assert dialog.year_view.describe(date(2026, 10, 10)) == ("2026-10-10: working day (National Day) · "
                                                              "national calendar")
    legend = dialog.year_view.legend_texts()
    assert {"National calendar", "This unit's own", "Not a working weekday"} <= set(legend)
    assert dialog.year_view.note.text() == ""
    uncovered = shipped_years()[1] + 1
    dialog.year_view.set_year(uncovered)  # a year the shipped data does not know yet is said to be so
    assert dialog.year_view.note.text().startswith(f"No public holidays are known for {uncovered} yet")

    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.result() == UnitCalendarDialog.Accepted, dialog.message.text()
    with ctx.reading() as session:
        setting = get_by_code(session, "BJ").settings["calendar"]
        clock = calendar_for(session, get_by_code(session, "BJ-P01"))
    assert setting["hours"] == [["09:00", "12:00"], ["13:30", "18:00"]] and setting["holidays"] == ["2026-08-12"]
    assert clock.hours == ((540, 720), (810, 1080)) and not clock.is_working_day(date(2026, 8, 12))

    partner = UnitCalendarDialog(ctx, None, unit(ctx, "BJ-P01"))  # the partner sees where the mark comes from
    qtbot.addWidget(partner)
    assert partner.year_view.describe(date(2026, 8, 12)) == "2026-08-12: closed · inherited from 北京分公司 (BJ)"
    assert "Inherited from 北京分公司 (BJ)" in partner.year_view.legend_texts()
    assert partner.source.currentText() == "As the unit above: 09:00–12:00, 13:30–18:00"


def test_overlapping_intervals_are_refused_naming_the_field_and_nothing_is_saved(qtbot, sqlite_ctx):
    ctx = signed_in(sqlite_ctx)
    dialog = UnitCalendarDialog(ctx, None, unit(ctx, "BJ"))
    qtbot.addWidget(dialog)
    choose(dialog.source, "business_hours")
    qtbot.mouseClick(dialog.hours.add_button, Qt.LeftButton)  # 09:00–18:00 and 13:30–18:00
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.message.text() == "Working hours: The intervals 09:00–18:00 and 13:30–18:00 overlap."
    assert dialog.is_marked("hours") and dialog.result() != UnitCalendarDialog.Accepted
    assert "calendar" not in unit(ctx, "BJ").settings


def test_hq_marks_a_national_day_and_a_bad_sheet_is_refused(qtbot, sqlite_ctx, tmp_path):
    ctx = signed_in(sqlite_ctx)
    orgs = OrgUnitsDialog(ctx)
    qtbot.addWidget(orgs)
    assert "National calendar…" in [b.text() for b in orgs.findChildren(QPushButton)]

    dialog = NationalCalendarDialog(ctx)
    qtbot.addWidget(dialog)
    choose(dialog.paint, "holiday")
    qtbot.keyClicks(dialog.name, "Regional")
    click_day(qtbot, dialog.year_view, date(2026, 11, 20))
    assert dialog.year_view.detail.text() == "2026-11-20: closed (Regional) · HQ override of the national calendar"

    book = Workbook()
    book.active.title = "2027"
    book.active.append(("date", "kind", "name"))
    book.active.append(("2027-13-01", "holiday", "春节"))
    book.save(tmp_path / "bad.xlsx")
    assert not dialog.import_file(str(tmp_path / "bad.xlsx"))
    assert "Sheet “2027”, row 2, column A:" in dialog.message.text()

    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.result() == NationalCalendarDialog.Accepted
    with ctx.reading() as session:
        clock = calendar_for(session, get_by_code(session, "BJ-P01"))
    assert not clock.is_working_day(date(2026, 11, 20)) and clock.is_working_day(date(2026, 11, 19))


def test_a_branch_administrator_is_not_offered_the_national_calendar(qtbot, sqlite_ctx, make_actor):
    make_actor(sqlite_ctx, "root@BJ", roles=["admin"])
    orgs = OrgUnitsDialog(signed_in(sqlite_ctx, "root@BJ", USER_PASSWORD))
    qtbot.addWidget(orgs)
    texts = [b.text() for b in orgs.findChildren(QPushButton)]
    assert "Calendar…" in texts and "National calendar…" not in texts
