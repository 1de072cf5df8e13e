"""An org unit's calendar: its working hours (one or more intervals a day), working weekdays and
time zone, or those of the unit above; its own extra holidays and working days, marked by
clicking days of the year view, which shows every closed day and who closed it."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import available_timezones

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QTimeEdit, QToolButton, QVBoxLayout, QWidget

from app.calendars import service as calendars
from app.calendars.clock import ALWAYS_OPEN, BUSINESS_HOURS, DEFAULT_ZONE, minutes_text
from app.calendars.setting import UnitCalendar
from app.orgs.models import OrgUnit
from app.ui.admin.year_view import YearView
from app.ui.form_dialog import FormDialog
from app.ui.plain_text import plain_label

COMMON_ZONES = (DEFAULT_ZONE, "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei")
OWN_HOLIDAY, OWN_WORKING_DAY, AS_INHERITED = "holiday", "working", "inherit"


class IntervalsEditor(QWidget):
    """Rows of start–end times; an end of 00:00 means midnight at the end of the day."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[QTimeEdit, QTimeEdit, QWidget]] = []
        self.list = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add interval"))
        self.add_button.setObjectName("addInterval")
        self.add_button.clicked.connect(lambda: self.add_row(time(13, 30), time(18, 0)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.list)
        layout.addWidget(self.add_button)

    def set_intervals(self, intervals) -> None:
        for _, _, row in list(self.rows):
            self._remove(row)
        for start, end in intervals:
            self.add_row(_time(start), _time(end % (24 * 60)))

    def add_row(self, start: time, end: time) -> None:
        row = QWidget()
        edits = [QTimeEdit(QTime(t.hour, t.minute)) for t in (start, end)]
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this interval"))
        remove.clicked.connect(lambda: self._remove(row))
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (edits[0], plain_label("–"), edits[1], remove):
            line.addWidget(widget)
        line.addStretch()
        for edit in edits:
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(self.changed)
        self.rows.append((edits[0], edits[1], row))
        self.list.addWidget(row)
        self.changed.emit()

    def intervals(self) -> list[list[str]]:
        return [[start.time().toString("HH:mm"), _end_text(end.time())] for start, end, _ in self.rows]

    def _remove(self, row: QWidget) -> None:
        self.rows = [r for r in self.rows if r[2] is not row]
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()


def _time(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def _end_text(value: QTime) -> str:
    text = value.toString("HH:mm")
    return "24:00" if text == "00:00" else text


class WeekdaysBox(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                 self.tr("Sun"))
        self.boxes = [QCheckBox(name) for name in names]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes:
            box.toggled.connect(self.changed)
            layout.addWidget(box)
        layout.addStretch()

    def set_days(self, days) -> None:
        for number, box in enumerate(self.boxes):
            box.setChecked(number in days)

    def days(self) -> list[int]:
        return [number for number, box in enumerate(self.boxes) if box.isChecked()]


class UnitCalendarDialog(FormDialog):
    def __init__(self, ctx, parent, unit: OrgUnit):
        super().__init__(self.tr("Calendar of {code} {name}").format(code=unit.code, name=unit.name), parent,
                         min_width=760)
        self.ctx, self.unit = ctx, unit
        with ctx.reading() as session:
            self.layers = calendars.unit_layers(session, ctx.actor, session.get(OrgUnit, unit.id))
        own, above = self.layers.own, self.layers.inherited_hours()
        self.holidays, self.working_days = set(own.holidays), set(own.working_days)
        above_text = self._hours_text(above)
        self.source = self.add_combo("mode", self.tr("Hours"), (
            (self.tr("As the unit above: {hours}").format(hours=above_text) if len(self.layers.levels) > 1
             else self.tr("Product default: {hours}").format(hours=above_text), None),
            (self.tr("Own business hours"), BUSINESS_HOURS), (self.tr("Own: 7×24"), ALWAYS_OPEN)), current=own.mode)
        shown = self.layers.hours() if own.mode else above
        self.hours = self.add_widget("hours", self.tr("Working hours"), IntervalsEditor())
        self.hours.set_intervals(shown.hours)
        self.days = self.add_widget("days", self.tr("Working weekdays"), WeekdaysBox())
        self.days.set_days(shown.days)
        zones = [*COMMON_ZONES, *sorted(available_timezones() - set(COMMON_ZONES))]
        self.zone = self.add_combo("timezone", self.tr("Time zone"), [(z, z) for z in zones], current=shown.timezone,
                                   editable=True)
        self.paint = self.add_combo("paint", self.tr("A click on a day makes it"), (
            (self.tr("a holiday of this unit"), OWN_HOLIDAY), (self.tr("a working day of this unit"), OWN_WORKING_DAY),
            (self.tr("as inherited"), AS_INHERITED)))
        self.year_view = self.add_widget("year", None, YearView(date.today().year),
                                         door_names=("holidays", "working_days"))
        self.year_view.dayClicked.connect(self.mark_day)
        self.year_view.yearChanged.connect(lambda _: self.refresh())
        for signal in (self.source.currentIndexChanged, self.days.changed, self.hours.changed):
            signal.connect(self.refresh)
        self.refresh()

    def _hours_text(self, hours: UnitCalendar) -> str:
        if hours.mode == ALWAYS_OPEN:
            return self.tr("7×24")
        return ", ".join(f"{minutes_text(start)}–{minutes_text(end)}" for start, end in hours.hours)

    def draft(self) -> UnitCalendar:
        """What the form says now, as the unit's own setting."""
        mode = self.source.currentData()
        days = frozenset(self.days.days()) if mode == BUSINESS_HOURS else None
        return UnitCalendar(mode=mode, days=days, holidays=frozenset(self.holidays),
                            working_days=frozenset(self.working_days))

    def refresh(self) -> None:
        own_hours = self.source.currentData() is not None
        for widget in (self.hours, self.days, self.zone):
            widget.setEnabled(own_hours and (widget is self.zone or self.source.currentData() == BUSINESS_HOURS))
        year = self.year_view.year
        self.year_view.show_marks(self.layers.with_own(self.draft()).marks(year))
        self.year_view.note.setText("" if self.layers.national.covers(year) else self.tr(
            "No public holidays are known for {year} yet: HQ enters them under National calendar.").format(year=year))

    def mark_day(self, day: date) -> None:
        self.holidays.discard(day)
        self.working_days.discard(day)
        if self.paint.currentData() == OWN_HOLIDAY:
            self.holidays.add(day)
        elif self.paint.currentData() == OWN_WORKING_DAY:
            self.working_days.add(day)
        self.refresh()
        self.year_view.detail.setText(self.year_view.describe(day))

    def setting(self) -> dict:
        setting: dict = {"holidays": sorted(d.isoformat() for d in self.holidays),
                         "working_days": sorted(d.isoformat() for d in self.working_days)}
        mode = self.source.currentData()
        if mode is not None:
            setting.update(mode=mode, timezone=self.zone.currentText().strip())
        if mode == BUSINESS_HOURS:
            setting.update(hours=self.hours.intervals(), days=self.days.days())
        return setting

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            calendars.save_unit_calendar(session, self.ctx.actor, session.get(OrgUnit, self.unit.id), self.setting())
