"""Small helpers shared by the certification modules: today, and the months of a validity term (no Qt)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from app.clock import utcnow

EXPIRY_WINDOWS = (30, 60, 90)
EXPIRING_DAYS = 30


def today() -> date:
    return utcnow().date()


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def validity_end(start: date, months: int) -> date:
    """Last valid day of a term of ``months`` starting on ``start`` (inclusive)."""
    return add_months(start, months) - timedelta(days=1)
