"""Clock arithmetic over a ``Calendar``: a moment plus so much open time, and the open time
between two moments. 7×24 calendars count every second."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.calendars.clock import Calendar

MAX_DAYS = 3 * 366  # a target further out than this is a configuration mistake, not a date


def add_business_time(start: datetime, seconds: float, calendar: Calendar) -> datetime:
    """The moment ``seconds`` of open time after ``start`` (in ``start``'s zone)."""
    if calendar.always_open:
        return start + timedelta(seconds=seconds)
    remaining = timedelta(seconds=seconds)
    day = start.astimezone(calendar.timezone).date()
    for _ in range(MAX_DAYS):
        for opens, closes in calendar.windows(day):
            begin = max(start, opens)
            if begin >= closes:
                continue
            if remaining <= closes - begin:
                return (begin + remaining).astimezone(start.tzinfo)
            remaining -= closes - begin
        day += timedelta(days=1)
    raise ValueError("calendar has no open time")


def business_seconds_between(start: datetime, end: datetime, calendar: Calendar) -> float:
    """Open time between two moments (0 when ``end`` is not after ``start``)."""
    if end <= start:
        return 0.0
    if calendar.always_open:
        return (end - start).total_seconds()
    first, last = start.astimezone(calendar.timezone).date(), end.astimezone(calendar.timezone).date()
    total = _open_seconds(calendar, first, start, end)
    day = first + timedelta(days=1)
    while day < last:
        total += _open_seconds(calendar, day)
        day += timedelta(days=1)
    if last > first:
        total += _open_seconds(calendar, last, start, end)
    return total


def _open_seconds(calendar: Calendar, day: date, start: datetime | None = None,
                  end: datetime | None = None) -> float:
    total = 0.0
    for opens, closes in calendar.windows(day):
        begin = max(start, opens) if start is not None else opens
        finish = min(end, closes) if end is not None else closes
        if finish > begin:
            total += (finish - begin).total_seconds()
    return total
