"""The national calendar as a small sheet (columns: date, kind, name), e.g. the State Council's
arrangement for a year the shipped data does not cover yet. Read all or nothing: any bad cell
refuses the whole file, naming sheet, row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.calendars.models import HOLIDAY, WORKING_DAY, NationalDayOverride
from app.calendars.national import OVERRIDE, NationalDay
from app.excel_import import Problems, Row, find_columns, read_workbook
from app.i18n import translate
from app.user_values import is_blank, parse_date, parse_text

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
KIND_WORDS = {
    HOLIDAY: ("holiday", "public holiday", "off", "假日", "节假日", "放假", "休", "休息"),
    WORKING_DAY: ("working day", "working", "workday", "work", "工作日", "上班", "班", "调休上班"),
}


def column_aliases() -> dict[str, tuple[str, ...]]:
    return {"day": ("date", "day", "日期", translate("Calendars", "Date")),
            "kind": ("kind", "type", "类型", "类别", translate("Calendars", "Kind")),
            "name": ("name", "holiday", "名称", "节日", translate("Calendars", "Name"))}


def read_national_days(path: str | Path) -> list[NationalDay]:
    """The days of the first sheet, or ``WorkbookRejected`` listing every problem."""
    sheet = read_workbook(path, first_only=True)[0]
    columns = find_columns(sheet.header, column_aliases())
    problems = Problems()
    for field, title in (("day", translate("Calendars", "Date")), ("kind", translate("Calendars", "Kind"))):
        if field not in columns:
            problems.add(sheet.title, 1, title, translate("Calendars", "Missing column."))
    days: list[NationalDay] = []
    if not problems:
        seen: dict[date, int] = {}
        for row in sheet.rows_with(columns, problems):
            day = _read_row(row, seen)
            if day is not None:
                days.append(day)
    problems.raise_if_any(translate("Calendars", "Nothing was imported: {n} problems.").format(n=len(problems)))
    return days


def _read_row(row: Row, seen: dict[date, int]) -> NationalDay | None:
    day = row.parse("day", parse_date, required=True, earliest=EARLIEST, latest=LATEST)
    kind = _kind(row)
    name = row.parse("name", parse_text, column=NationalDayOverride.name) or ""
    if day is not None and day in seen:
        row.refuse("day", translate("Calendars", "{day} also appears in row {row}.").format(
            day=day.isoformat(), row=seen[day]))
        return None
    if day is None or kind is None:
        return None
    seen[day] = row.number
    return NationalDay(day, kind, name, OVERRIDE)


def _kind(row: Row) -> str | None:
    raw = row.raw("kind")
    text = "" if is_blank(raw) else str(raw).strip().lower()
    for kind, words in KIND_WORDS.items():
        if text in words or text == _kind_label(kind).lower():
            return kind
    row.refuse("kind", translate("Calendars", "“{value}” is neither “holiday” nor “working day”.")
               .format(value=text))
    return None


def _kind_label(kind: str) -> str:
    return translate("Calendars", "holiday") if kind == HOLIDAY else translate("Calendars", "working day")
