"""Reporting periods as users type them: ``2026``, ``2026Q3``, ``2026-07`` or a range of days
``2026-07-01..2026-09-30`` (both ends included, as typed).

The one parser of the product: the command line and the Export dialog parse the text once, and
plugins receive the typed :class:`Period` through the hook ``rollup_sections``. A period is a span
of calendar days; where it meets stored UTC moments, ``start_utc(zone)``/``end_utc(zone)`` say
where its days begin and end in an org unit's time zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from app.errors import ValidationError
from app.i18n import translate

FIELD = "period"
FIRST_YEAR, LAST_YEAR = 1900, 9998  # the day after a period's last day must still be a date
DAY = r"(\d{4})-(\d{1,2})-(\d{1,2})"
FORMS = "2026, 2026Q3, 2026-07, 2026-07-01..2026-09-30"


@dataclass(frozen=True)
class Period:
    """Calendar days from ``start`` (included) to ``end`` (excluded); ``label`` as the user sees it."""

    start: date
    end: date
    label: str

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def start_utc(self, zone: tzinfo) -> datetime:
        """The moment the first day begins in ``zone``, in UTC (to compare with stored times)."""
        return _midnight_utc(self.start, zone)

    def end_utc(self, zone: tzinfo) -> datetime:
        """The moment after the last day ends in ``zone``, in UTC (excluded)."""
        return _midnight_utc(self.end, zone)

    def bounds_utc(self, zone: tzinfo) -> tuple[datetime, datetime]:
        return self.start_utc(zone), self.end_utc(zone)

    def contains(self, when: date | datetime, zone: tzinfo | None = None) -> bool:
        """A day, or a stored moment seen in ``zone`` (required for a moment)."""
        if isinstance(when, datetime):
            if zone is None:
                raise TypeError("a moment needs the zone its days are counted in")
            return self.start_utc(zone) <= when < self.end_utc(zone)
        return self.start <= when < self.end

    def __contains__(self, day: date) -> bool:
        return self.contains(day)

    def months(self) -> list[Period]:
        """The calendar months the period touches, each cut to the period (a range may start mid-month)."""
        months, cursor = [], self.start
        while cursor < self.end:
            following = _next_month(cursor.replace(day=1))
            months.append(Period(cursor, min(following, self.end), cursor.strftime("%Y-%m")))
            cursor = following
        return months

    @classmethod
    def quarter_of(cls, day: date) -> Period:
        """The quarter holding ``day``, e.g. ``2026Q3`` for 30 September 2026."""
        return parse_period(f"{day.year}Q{(day.month - 1) // 3 + 1}")

    def previous_quarter(self) -> Period:
        """The quarter before the one this period starts in."""
        return Period.quarter_of(Period.quarter_of(self.start).start - timedelta(days=1))


def parse_period(text: str) -> Period:
    """Read a period as typed; a wrong one raises a ``ValidationError`` naming the field."""
    typed = (text or "").strip().upper()
    if not typed:
        raise _invalid(translate("Reports", "Period: write the period to report, e.g. {forms}.").format(forms=FORMS))
    if match := re.fullmatch(rf"{DAY}\s*\.\.\s*{DAY}", typed):
        return _range(match)
    if match := re.fullmatch(r"(\d{4})Q([1-4])", typed):
        year, quarter = _year(match[1]), int(match[2])
        start = date(year, 3 * quarter - 2, 1)
        return Period(start, _next_month(_next_month(_next_month(start))), f"{year}Q{quarter}")
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})", typed):
        year, month = _year(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise _invalid(translate("Reports", "Period: “{text}” has no month {month}.").format(
                text=typed, month=month))
        start = date(year, month, 1)
        return Period(start, _next_month(start), f"{year}-{month:02d}")
    if re.fullmatch(r"\d{4}", typed):
        year = _year(typed)
        return Period(date(year, 1, 1), date(year + 1, 1, 1), str(year))
    raise _invalid(translate("Reports", "Period: “{text}” is not a period; write one of {forms}.").format(
        text=typed, forms=FORMS))


def _range(match: re.Match) -> Period:
    first, last = _day(match[1], match[2], match[3]), _day(match[4], match[5], match[6])
    if last < first:
        raise _invalid(translate("Reports", "Period: the range ends on {last}, before it starts on {first}.").format(
            first=first.isoformat(), last=last.isoformat()))
    return Period(first, last + timedelta(days=1), f"{first.isoformat()}..{last.isoformat()}")


def _day(year: str, month: str, day: str) -> date:
    try:
        return date(_year(year), int(month), int(day))
    except ValueError:
        raise _invalid(translate("Reports", "Period: {day} is not a date.").format(
            day=f"{year}-{month}-{day}")) from None


def _year(text: str) -> int:
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _invalid(translate("Reports", "Period: the year must be between {first} and {last}.").format(
            first=FIRST_YEAR, last=LAST_YEAR))
    return year


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _midnight_utc(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(timezone.utc)


def _invalid(message: str) -> ValidationError:
    return ValidationError(message, field=FIELD)
