"""HQ's national calendar: the shipped public holidays and make-up working days, corrected day by
day in a year view (holiday / working day / as shipped) or from a small Excel sheet."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFileDialog, QPushButton

from app.calendars import service as calendars
from app.calendars.layers import CalendarLayers
from app.calendars.models import HOLIDAY, WORKING_DAY
from app.calendars.national import OVERRIDE, NationalCalendar, NationalDay, shipped_years
from app.errors import UserError
from app.ui.admin.year_view import YearView
from app.ui.form_dialog import FormDialog

AS_SHIPPED = "shipped"


class NationalCalendarDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        first, last = shipped_years()
        super().__init__(self.tr("National calendar"), parent, min_width=760, intro=self.tr(
            "Public holidays and make-up working days of the PRC as shipped cover {first}–{last}. Where the State "
            "Council's arrangement is newer, mark its days here or import a sheet with the columns date, kind "
            "(holiday or working day) and name. HQ's marks reach every unit with the next sync.").format(
                first=first, last=last))
        self.ctx = ctx
        self.changes: dict[date, tuple[str, str] | None] = {}
        self.paint = self.add_combo("paint", self.tr("A click on a day makes it"), (
            (self.tr("a holiday"), HOLIDAY), (self.tr("a working day"), WORKING_DAY),
            (self.tr("as shipped"), AS_SHIPPED)))
        self.name = self.add_text("name", self.tr("Name of the days marked"), placeholder=self.tr("e.g. 春节"))
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.clicked.connect(self.choose_file)
        self.add_widget("file", None, self.import_button)
        self.imported = self.add_info("imported")
        self.year_view = self.add_widget("year", None, YearView(max(date.today().year, last)))
        self.year_view.dayClicked.connect(self.mark_day)
        self.year_view.yearChanged.connect(lambda _: self.refresh())
        self.reload()

    def reload(self) -> None:
        with self.ctx.reading() as session:
            self.saved = calendars.national_calendar(session)
        self.refresh()

    def draft(self) -> NationalCalendar:
        days = dict(self.saved.overrides)
        for day, change in self.changes.items():
            if change is None:
                days.pop(day, None)
            else:
                days[day] = NationalDay(day, change[0], change[1], OVERRIDE)
        return NationalCalendar.with_overrides(days.values())

    def refresh(self) -> None:
        draft, year = self.draft(), self.year_view.year
        self.year_view.show_marks(CalendarLayers(draft, ()).marks(year))
        self.year_view.note.setText("" if draft.covers(year) else self.tr(
            "Nothing is known about {year} yet: mark the State Council's arrangement or import it.").format(year=year))

    def mark_day(self, day: date) -> None:
        kind = self.paint.currentData()
        self.changes[day] = None if kind == AS_SHIPPED else (kind, self.name.text().strip())
        self.refresh()
        self.year_view.detail.setText(self.year_view.describe(day))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the national calendar"), "",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Import at once (all or nothing); the days clicked but not yet saved stay pending."""
        self.clear_error()
        try:
            with self.ctx.transaction() as session:
                count = calendars.import_national_days(session, self.ctx.actor, path)
        except UserError as refused:
            self.show_error(str(refused), getattr(refused, "field", None))
            return False
        self.reload()
        self.imported.setText(self.tr("{n} days imported and saved.").format(n=count))
        return True

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            calendars.save_national_days(session, self.ctx.actor, self.changes)
