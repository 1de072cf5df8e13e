"""Clock arithmetic in an org unit's calendar: 7×24, or business hours on working days
minus holidays, in the unit's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.orgs.models import OrgUnit
from app.orgs.service import DEFAULT_SETTINGS, ancestors

MAX_DAYS = 3 * 366  # a target further out than this is a configuration mistake, not a date


@dataclass(frozen=True)
class Calendar:
    mode: str = "business_hours"  # 24x7 | business_hours
    days: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    start: time = time(9, 0)
    end: time = time(18, 0)
    timezone: ZoneInfo = ZoneInfo("Asia/Shanghai")
    holidays: frozenset[date] = frozenset()

    @property
    def always_open(self) -> bool:
        return self.mode == "24x7"

    def with_mode(self, mode: str) -> Calendar:
        return Calendar(mode, self.days, self.start, self.end, self.timezone, self.holidays)

    def window(self, day: date) -> tuple[datetime, datetime] | None:
        """The open interval of ``day`` (aware datetimes), or None on a closed day."""
        if day.weekday() not in self.days or day in self.holidays:
            return None
        return (datetime.combine(day, self.start, self.timezone), datetime.combine(day, self.end, self.timezone))


def _parse_time(text: str) -> time:
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes or 0))


def calendar_from_setting(setting: dict, holidays: set[date] | None = None) -> Calendar:
    merged = dict(DEFAULT_SETTINGS["calendar"])
    merged.update(setting or {})
    own = {date.fromisoformat(d) for d in merged.get("holidays") or []}
    return Calendar(mode=merged["mode"], days=frozenset(int(d) for d in merged["days"]),
                    start=_parse_time(merged["start"]), end=_parse_time(merged["end"]),
                    timezone=ZoneInfo(merged["timezone"]), holidays=frozenset(own | (holidays or set())))


def calendar_for(session: Session, org: OrgUnit) -> Calendar:
    """The unit's nearest calendar setting, with the holidays of every ancestor added: HQ
    maintains the national holidays even where a branch keeps its own hours."""
    chain = ancestors(session, org)
    holidays: set[date] = set()
    nearest = None
    for unit in chain:
        setting = (unit.settings or {}).get("calendar")
        if setting is None:
            continue
        nearest = nearest if nearest is not None else setting
        holidays |= {date.fromisoformat(d) for d in setting.get("holidays") or []}
    return calendar_from_setting(nearest or {}, holidays)


def add_business_time(start: datetime, seconds: float, calendar: Calendar) -> datetime:
    """The moment ``seconds`` of open time after ``start``."""
    if calendar.always_open:
        return start + timedelta(seconds=seconds)
    local = start.astimezone(calendar.timezone)
    remaining = timedelta(seconds=seconds)
    day = local.date()
    for _ in range(MAX_DAYS):
        window = calendar.window(day)
        if window is not None:
            begin = max(local, window[0])
            if begin < window[1]:
                if remaining <= window[1] - begin:
                    return (begin + remaining).astimezone(start.tzinfo)
                remaining -= window[1] - begin
        day += timedelta(days=1)
    raise ValueError("calendar has no open time")


def business_seconds_between(start: datetime, end: datetime, calendar: Calendar) -> float:
    """Open time between two moments (0 when ``end`` is not after ``start``)."""
    if end <= start:
        return 0.0
    if calendar.always_open:
        return (end - start).total_seconds()
    local_start, local_end = start.astimezone(calendar.timezone), end.astimezone(calendar.timezone)
    total, day = 0.0, local_start.date()
    while day <= local_end.date():
        window = calendar.window(day)
        if window is not None:
            begin, finish = max(local_start, window[0]), min(local_end, window[1])
            if finish > begin:
                total += (finish - begin).total_seconds()
        day += timedelta(days=1)
    return total
