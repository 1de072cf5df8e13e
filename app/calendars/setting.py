"""An org unit's own ``calendar`` setting: reading what is stored (older settings with one
``start``–``end`` interval included), checking what an editor wants to store, and the
``Calendar`` one setting alone describes.

Stored form (every key optional; a missing one is inherited from the nearest unit above that
has it, else the product default)::

    {"mode": "business_hours" | "24x7", "days": [0, 1, 2, 3, 4],
     "hours": [["09:00", "12:00"], ["13:30", "18:00"]], "timezone": "Asia/Shanghai",
     "holidays": ["2026-08-12"], "working_days": ["2026-08-15"]}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.calendars.clock import DEFAULT_ZONE, MINUTES_PER_DAY, MODES, Calendar, Interval, minutes_text
from app.errors import ValidationError
from app.i18n import translate
from app.orgs.service import DEFAULT_SETTINGS

HOURS_KEYS = ("mode", "days", "hours", "timezone")  # inherited key by key from the nearest unit


@dataclass(frozen=True)
class UnitCalendar:
    """What one unit's setting says; ``None`` means "as the unit above"."""

    mode: str | None = None
    days: frozenset[int] | None = None
    hours: tuple[Interval, ...] | None = None
    timezone: str | None = None
    holidays: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()

    @property
    def has_own_hours(self) -> bool:
        return any(getattr(self, key) is not None for key in HOURS_KEYS)

    @property
    def is_empty(self) -> bool:
        return not self.has_own_hours and not self.holidays and not self.working_days

    def with_mode(self, mode: str | None) -> UnitCalendar:
        """The same own days in ``mode``; ``None``: hours, weekdays and zone as the unit above."""
        if mode is None:
            return replace(self, mode=None, days=None, hours=None, timezone=None)
        return replace(self, mode=mode)

    def to_setting(self) -> dict:
        setting: dict = {}
        if self.mode is not None:
            setting["mode"] = self.mode
        if self.days is not None:
            setting["days"] = sorted(self.days)
        if self.hours is not None:
            setting["hours"] = [[minutes_text(start), minutes_text(end)] for start, end in self.hours]
        if self.timezone is not None:
            setting["timezone"] = self.timezone
        setting["holidays"] = sorted(day.isoformat() for day in self.holidays)
        setting["working_days"] = sorted(day.isoformat() for day in self.working_days)
        return setting


# ------------------------------------------------------------------ reading what is stored


def read_setting(setting: Mapping | None) -> UnitCalendar:
    """A stored setting as it is (it was checked when saved); older forms are understood."""
    setting = setting or {}
    hours = None
    if "hours" in setting:
        hours = tuple((_minutes(start), _minutes(end)) for start, end in setting["hours"])
    elif "start" in setting or "end" in setting:
        default = DEFAULT_SETTINGS["calendar"]
        hours = ((_minutes(setting.get("start", default["start"])), _minutes(setting.get("end", default["end"]))),)
    return UnitCalendar(
        mode=setting.get("mode"),
        days=frozenset(int(d) for d in setting["days"]) if "days" in setting else None,
        hours=hours, timezone=setting.get("timezone"),
        holidays=frozenset(date.fromisoformat(d) for d in setting.get("holidays") or ()),
        working_days=frozenset(date.fromisoformat(d) for d in setting.get("working_days") or ()))


def _minutes(text: str) -> int:
    hours, _, minutes = str(text).strip().partition(":")
    return int(hours) * 60 + int(minutes or 0)


def default_calendar_setting() -> UnitCalendar:
    return read_setting(DEFAULT_SETTINGS["calendar"])


def calendar_from_setting(setting: Mapping | None, exceptions: Mapping[date, bool] | None = None) -> Calendar:
    """The calendar one setting describes on its own (gaps from the product default), with
    ``exceptions`` (day → open) from elsewhere beneath the setting's own days."""
    own, default = read_setting(setting), default_calendar_setting()
    days = dict(exceptions or {})
    days.update({day: False for day in own.holidays})
    days.update({day: True for day in own.working_days})
    return Calendar(mode=own.mode or default.mode, weekdays=own.days if own.days is not None else default.days,
                    hours=own.hours or default.hours,
                    timezone=ZoneInfo(own.timezone or default.timezone or DEFAULT_ZONE),
                    exceptions=MappingProxyType(days))


# ------------------------------------------------------------------ checking what an editor stores


def check_setting(setting: Mapping) -> UnitCalendar:
    """The setting an editor asks to store, checked; ``ValidationError`` names the field."""
    mode = setting.get("mode")
    if mode is not None and mode not in MODES:
        raise ValidationError(translate("Calendars", "Unknown calendar mode “{mode}”.").format(mode=mode),
                              field="mode")
    days = None if setting.get("days") is None else _check_days(setting["days"])
    intervals = setting.get("hours")
    if intervals is None and ("start" in setting or "end" in setting):  # the older one-interval form
        default = DEFAULT_SETTINGS["calendar"]
        intervals = [[setting.get("start", default["start"]), setting.get("end", default["end"])]]
    hours = None if intervals is None else check_hours(intervals)
    zone = None if setting.get("timezone") is None else check_zone(setting["timezone"])
    holidays = _check_dates(setting.get("holidays") or (), "holidays")
    working_days = _check_dates(setting.get("working_days") or (), "working_days")
    both = sorted(holidays & working_days)
    if both:
        raise ValidationError(translate("Calendars", "{day} is marked both as a holiday and as a working day.")
                              .format(day=both[0].isoformat()), field="holidays")
    return UnitCalendar(mode, days, hours, zone, holidays, working_days)


def _check_days(days: Iterable) -> frozenset[int]:
    try:
        found = frozenset(int(d) for d in days)
    except (TypeError, ValueError):
        found = frozenset({-1})
    if not found <= set(range(7)):
        raise ValidationError(translate("Calendars", "Weekdays are numbered 0 (Monday) to 6 (Sunday)."), field="days")
    if not found:
        raise ValidationError(translate("Calendars", "Choose at least one working weekday."), field="days")
    return found


def check_hours(intervals: Iterable) -> tuple[Interval, ...]:
    """Intervals as (start, end) texts "HH:MM" or minutes: each ends after it starts, none overlap."""
    found = []
    for number, pair in enumerate(intervals, start=1):
        start, end = (_check_time(value, allow_midnight_end=is_end) for value, is_end in zip(pair, (False, True)))
        if end <= start:
            raise ValidationError(translate("Calendars", "Interval {n} ends at {end}, before it starts at {start}.")
                                  .format(n=number, end=minutes_text(end), start=minutes_text(start)), field="hours")
        found.append((start, end))
    if not found:
        raise ValidationError(translate("Calendars", "Give at least one interval of working hours."), field="hours")
    found.sort()
    for (start, end), (next_start, next_end) in zip(found, found[1:]):
        if next_start < end:
            raise ValidationError(translate("Calendars", "The intervals {first} and {second} overlap.").format(
                first=f"{minutes_text(start)}–{minutes_text(end)}",
                second=f"{minutes_text(next_start)}–{minutes_text(next_end)}"), field="hours")
    return tuple(found)


def _check_time(value, allow_midnight_end: bool) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        minutes = value
    else:
        text = str(value).strip()
        hours, sep, rest = text.partition(":")
        if not (sep and hours.isdigit() and rest.isdigit() and len(rest) == 2 and int(rest) < 60):
            raise ValidationError(translate("Calendars", "“{text}” is not a time of day: write it as HH:MM, "
                                                         "e.g. 09:00.").format(text=text), field="hours")
        minutes = int(hours) * 60 + int(rest)
    limit = MINUTES_PER_DAY if allow_midnight_end else MINUTES_PER_DAY - 1
    if not 0 <= minutes <= limit:
        raise ValidationError(translate("Calendars", "“{text}” is not a time of day: write it as HH:MM, "
                                                     "e.g. 09:00.").format(text=value), field="hours")
    return minutes


def check_zone(name: str) -> str:
    name = str(name or "").strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(translate("Calendars", "Unknown time zone “{zone}”.").format(zone=name),
                              field="timezone") from None
    return name


def _check_dates(values: Iterable, field: str) -> frozenset[date]:
    found = set()
    for value in values:
        if isinstance(value, date):
            found.add(value)
            continue
        try:
            found.add(date.fromisoformat(str(value).strip()))
        except ValueError:
            raise ValidationError(translate("Calendars", "“{value}” is not a date: write it as YYYY-MM-DD.")
                                  .format(value=value), field=field) from None
    return frozenset(found)
