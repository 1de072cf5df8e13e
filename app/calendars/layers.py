"""A unit's effective calendar, built from layers: the national calendar (shipped, then HQ's
overrides), then each unit from HQ down to the unit itself with its own extra holidays and
working days; a lower layer's mark beats a higher one's. Mode, weekdays, hours and time zone
come key by key from the nearest unit that sets them, else the product default.

``marks(year)`` says for every closed day, and every day open against the weekday rule, which
layer decided it: what the year view shows and its legend explains."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

from app.calendars.clock import Calendar
from app.calendars.national import OVERRIDE, NationalCalendar
from app.calendars.setting import HOURS_KEYS, UnitCalendar, default_calendar_setting

NATIONAL, INHERITED, OWN, WEEKDAY = "national", "inherited", "own", "weekday"  # and OVERRIDE (HQ's)


@dataclass(frozen=True)
class Level:
    """One unit of the chain with its own setting."""

    code: str
    name: str
    own: UnitCalendar


@dataclass(frozen=True)
class DayMark:
    """Whether ``day`` is a working day and which layer said so."""

    day: date
    open: bool
    source: str  # NATIONAL | OVERRIDE | INHERITED | OWN | WEEKDAY
    unit_code: str = ""  # for INHERITED and OWN
    unit_name: str = ""
    name: str = ""  # a national holiday's name


@dataclass(frozen=True)
class CalendarLayers:
    national: NationalCalendar
    levels: tuple[Level, ...]  # HQ first, the unit itself last

    @property
    def own(self) -> UnitCalendar:
        return self.levels[-1].own

    def with_own(self, own: UnitCalendar) -> CalendarLayers:
        """The same chain with the unit's own setting replaced (an editor's unsaved changes)."""
        return replace(self, levels=(*self.levels[:-1], replace(self.levels[-1], own=own)))

    def inherited_hours(self) -> UnitCalendar:
        """Mode, weekdays, hours and zone as the units above (or the product) give them."""
        return _nearest(level.own for level in self.levels[:-1])

    def hours(self) -> UnitCalendar:
        """Mode, weekdays, hours and zone in force for the unit."""
        return _nearest(level.own for level in self.levels)

    def exceptions(self) -> dict[date, bool]:
        found = self.national.exceptions
        for level in self.levels:
            found.update({day: False for day in level.own.holidays})
            found.update({day: True for day in level.own.working_days})
        return found

    def calendar(self) -> Calendar:
        hours = self.hours()
        return Calendar(hours.mode, hours.days, hours.hours, ZoneInfo(hours.timezone),
                        MappingProxyType(self.exceptions()))

    def marks(self, year: int) -> dict[date, DayMark]:
        weekdays = self.hours().days
        found = {day: DayMark(day, False, WEEKDAY) for day in _days_of(year) if day.weekday() not in weekdays}
        for day, national in self.national.in_year(year).items():
            source = OVERRIDE if national.source == OVERRIDE else NATIONAL
            found[day] = DayMark(day, national.is_working_day, source, name=national.name)
        for number, level in enumerate(self.levels):
            source = OWN if number == len(self.levels) - 1 else INHERITED
            for days, open_ in ((level.own.holidays, False), (level.own.working_days, True)):
                for day in days:
                    if day.year == year:
                        found[day] = DayMark(day, open_, source, level.code, level.name)
        return found


def _nearest(settings) -> UnitCalendar:
    values = {key: getattr(default_calendar_setting(), key) for key in HOURS_KEYS}
    for own in settings:  # from HQ down: a nearer unit's value replaces a farther one's
        values.update({key: getattr(own, key) for key in HOURS_KEYS if getattr(own, key) is not None})
    return UnitCalendar(**values)


def _days_of(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)
