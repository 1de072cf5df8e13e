"""The national calendar of the People's Republic of China: public holidays and make-up working
days (调休) as the State Council announces them each year, shipped with the ``chinese-calendar``
package, with HQ's overrides on top for years the package does not cover yet or where the
arrangement changed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from app.calendars.models import HOLIDAY, WORKING_DAY
from app.i18n import translate

SHIPPED, OVERRIDE = "shipped", "override"


@dataclass(frozen=True)
class NationalDay:
    day: date
    kind: str  # HOLIDAY | WORKING_DAY
    name: str  # the shipped holiday's English name (see ``holiday_name``), or what HQ typed
    source: str  # SHIPPED | OVERRIDE

    @property
    def is_working_day(self) -> bool:
        return self.kind == WORKING_DAY


@lru_cache(maxsize=1)
def shipped_days() -> Mapping[date, NationalDay]:
    import chinese_calendar  # loaded when a calendar is first needed, not at start-up

    days = {day: NationalDay(day, HOLIDAY, name, SHIPPED) for day, name in chinese_calendar.holidays.items()}
    days.update({day: NationalDay(day, WORKING_DAY, name, SHIPPED) for day, name in chinese_calendar.workdays.items()})
    return MappingProxyType(days)


@lru_cache(maxsize=1)
def shipped_years() -> tuple[int, int]:
    """The first and last year the shipped data covers."""
    years = [day.year for day in shipped_days()]
    return min(years), max(years)


def holiday_name(name: str) -> str:
    """A shipped holiday's name in the reader's language; a name HQ typed stays as typed."""
    names = {
        "New Year's Day": translate("Calendars", "New Year's Day"),
        "Spring Festival": translate("Calendars", "Spring Festival"),
        "Tomb-sweeping Day": translate("Calendars", "Tomb-sweeping Day"),
        "Labour Day": translate("Calendars", "Labour Day"),
        "Dragon Boat Festival": translate("Calendars", "Dragon Boat Festival"),
        "National Day": translate("Calendars", "National Day"),
        "Mid-autumn Festival": translate("Calendars", "Mid-autumn Festival"),
        "Anti-Fascist 70th Day": translate("Calendars", "Victory Day (70th anniversary)"),
    }
    return names.get(name, name)


@dataclass(frozen=True)
class NationalCalendar:
    """The shipped days with HQ's overrides on top."""

    overrides: Mapping[date, NationalDay] = field(default_factory=dict)

    @classmethod
    def with_overrides(cls, overrides: Iterable[NationalDay]) -> NationalCalendar:
        return cls(MappingProxyType({o.day: o for o in overrides}))

    def get(self, day: date) -> NationalDay | None:
        return self.overrides.get(day) or shipped_days().get(day)

    def in_year(self, year: int) -> dict[date, NationalDay]:
        found = {day: d for day, d in shipped_days().items() if day.year == year}
        found.update({day: d for day, d in self.overrides.items() if day.year == year})
        return found

    @property
    def exceptions(self) -> dict[date, bool]:
        """Every national day that differs from Monday–Friday work: day → working day?"""
        found = {day: d.is_working_day for day, d in shipped_days().items()}
        found.update({day: d.is_working_day for day, d in self.overrides.items()})
        return found

    def covers(self, year: int) -> bool:
        """Whether the shipped data or HQ says anything about ``year``."""
        first, last = shipped_years()
        return first <= year <= last or any(day.year == year for day in self.overrides)
