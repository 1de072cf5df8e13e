"""Reporting periods as users type them: 2026Q3, 2026-09, 2026."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.errors import ValidationError
from app.i18n import translate


@dataclass(frozen=True)
class Period:
    label: str
    start: date  # inclusive
    end: date  # exclusive

    def __contains__(self, day: date) -> bool:
        return self.start <= day < self.end


def parse_period(text: str) -> Period:
    text = (text or "").strip().upper()
    year_text = text[:4]
    if year_text.isdigit() and not 1900 <= int(year_text) <= 9998:
        raise ValidationError(translate("Reports", "The year must be between 1900 and 9998."), field="period")
    if match := re.fullmatch(r"(\d{4})Q([1-4])", text):
        year, quarter = int(match[1]), int(match[2])
        start = date(year, 3 * quarter - 2, 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return Period(text, start, end)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
            return Period(text, date(year, month, 1), end)
    if re.fullmatch(r"\d{4}", text):
        return Period(text, date(int(text), 1, 1), date(int(text) + 1, 1, 1))
    raise ValidationError(
        translate("Reports", "“{text}” is not a period: write 2026Q3, 2026-09 or 2026.").format(text=text), field="period")
