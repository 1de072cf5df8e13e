"""When an org unit is open: working weekdays, one or more intervals a day, the days that
differ from the weekday rule (holidays, make-up working days), all in the unit's time zone.

A ``Calendar`` is immutable and remembers each day's open windows once computed, so the SLA
sweep, which asks the same few calendars about the same few days for many tickets, pays for a
day only once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from types import MappingProxyType
from zoneinfo import ZoneInfo

ALWAYS_OPEN = "24x7"
BUSINESS_HOURS = "business_hours"
MODES = (BUSINESS_HOURS, ALWAYS_OPEN)
MINUTES_PER_DAY = 24 * 60
DEFAULT_ZONE = "Asia/Shanghai"

Interval = tuple[int, int]  # minutes after midnight: start, end (end may be 1440, the next midnight)
Window = tuple[datetime, datetime]  # an open stretch as UTC moments


def minutes_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, eq=False)
class Calendar:
    mode: str = BUSINESS_HOURS
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday = 0
    hours: tuple[Interval, ...] = ((9 * 60, 18 * 60),)
    timezone: ZoneInfo = ZoneInfo(DEFAULT_ZONE)
    # Days that differ from the weekday rule: True = a working day, False = closed.
    exceptions: Mapping[date, bool] = field(default_factory=lambda: MappingProxyType({}))
    _windows: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def always_open(self) -> bool:
        return self.mode == ALWAYS_OPEN

    @property
    def holidays(self) -> frozenset[date]:
        """Days closed although they may fall on a working weekday."""
        return frozenset(day for day, open_ in self.exceptions.items() if not open_)

    @property
    def working_days(self) -> frozenset[date]:
        """Days open although they may fall on a day off (make-up working days, 调休)."""
        return frozenset(day for day, open_ in self.exceptions.items() if open_)

    def with_mode(self, mode: str) -> Calendar:
        return Calendar(mode, self.weekdays, self.hours, self.timezone, self.exceptions)

    def is_working_day(self, day: date) -> bool:
        return self.exceptions.get(day, day.weekday() in self.weekdays)

    def windows(self, day: date) -> tuple[Window, ...]:
        """The open stretches of ``day`` (empty on a closed day), as UTC moments."""
        found = self._windows.get(day)
        if found is None:
            found = self._compute_windows(day) if self.is_working_day(day) else ()
            self._windows[day] = found
        return found

    def _compute_windows(self, day: date) -> tuple[Window, ...]:
        midnight = datetime.combine(day, time(0), self.timezone)
        return tuple((_utc(midnight, start), _utc(midnight, end)) for start, end in self.hours)


def _utc(midnight: datetime, minutes: int) -> datetime:
    # Wall-clock arithmetic in the zone, then UTC: right on the days a zone changes its offset too.
    wall = midnight.replace(tzinfo=None) + timedelta(minutes=minutes)
    return wall.replace(tzinfo=midnight.tzinfo).astimezone(timezone.utc)
