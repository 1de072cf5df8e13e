"""The one place that turns what a user typed or a workbook cell holds into a typed value.

Every parser takes the raw value (form text, or whatever openpyxl read from a cell) and returns a
typed value, or raises ``ValidationError`` with a translated reason and the ``field`` it names. A
form passes its field name; a workbook import lets ``app.excel_import`` add sheet, row and column.

Bounds come from the model column where one is given (``column=Part.name_zh``): a ``String(200)``
allows 200 characters, an ``Integer`` what a PostgreSQL INTEGER holds, a ``Numeric(12, 2)`` ten
digits before the point and two after, so a value either passes here or is refused here, the same
on SQLite (which would store anything) and PostgreSQL (which would fail with a raw error).

    quantity = parse_quantity(values["quantity"], field="quantity", column=Movement.quantity)
    name = parse_text(cell, column=Part.name_zh, required=True)
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timezone, tzinfo
from decimal import Decimal, InvalidOperation

from sqlalchemy import BigInteger, Integer, Numeric, SmallInteger, String
from sqlalchemy.types import TypeDecorator

from app.errors import ValidationError
from app.i18n import translate

# What PostgreSQL's integer types hold (SQLite holds 64 bits whatever the declared type); the
# subclasses of Integer come first.
INTEGER_RANGES = {SmallInteger: (-2**15, 2**15 - 1), BigInteger: (-2**63, 2**63 - 1), Integer: (-2**31, 2**31 - 1)}
YES = frozenset({"yes", "y", "true", "1", "是", "√", "✓"})
NO = frozenset({"no", "n", "false", "0", "否", ""})
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_TIME = re.compile(r"(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?\s*秒?")
_CURRENCY_AND_SPACES = re.compile(r"[\s¥￥]")
_GROUPED = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d*)?")  # 1,280.50: commas only as thousands separators


class UnsavedFormula(str):
    """A formula cell whose result the file does not hold (saved by a program that does not
    calculate): refused by every parser, never read as empty."""


class CellErrorValue(str):
    """A cell that shows an Excel error such as ``#DIV/0!``."""


def _refusal(reason: str, field: str | None) -> ValidationError:
    return ValidationError(reason, field=field)


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not isinstance(value, (UnsavedFormula, CellErrorValue))
                             and not value.strip())


def _shown(value) -> str:
    return str(value).strip()[:40]


def _check_readable(value, field: str | None) -> None:
    if isinstance(value, UnsavedFormula):
        raise _refusal(translate("Values", "The cell holds a formula whose value was not saved: open the file in "
                                         "Excel and save it, then import it again."), field)
    if isinstance(value, CellErrorValue):
        raise _refusal(translate("Values", "The cell shows the error {error}: correct it or type the value.")
                     .format(error=value), field)


def _blank_or_required(value, required: bool, field: str | None) -> bool:
    """True when there is nothing to parse (and nothing was required)."""
    _check_readable(value, field)
    if not is_blank(value):
        return False
    if required:
        raise _refusal(translate("Values", "A value is required."), field)
    return True


# ------------------------------------------------------------------ bounds from model columns


def _column_type(column):
    column = getattr(column, "property", column)  # a mapped attribute such as Part.name_zh
    column = column.columns[0] if hasattr(column, "columns") else column
    kind = column.type
    return kind.impl_instance if isinstance(kind, TypeDecorator) else kind


def text_limit(column) -> int | None:
    """The characters a ``String(n)`` column holds; None for unbounded text."""
    kind = _column_type(column)
    return kind.length if isinstance(kind, String) else None


def integer_range(column) -> tuple[int, int]:
    kind = _column_type(column)
    for integer_type, bounds in INTEGER_RANGES.items():
        if isinstance(kind, integer_type):
            return bounds
    raise TypeError(f"{column} is not an integer column")


def decimal_limits(column) -> tuple[int, Decimal]:
    """(decimal places, largest magnitude) of a ``Numeric(precision, scale)`` column."""
    kind = _column_type(column)
    if not isinstance(kind, Numeric) or kind.precision is None:
        raise TypeError(f"{column} is not a Numeric(precision, scale) column")
    places = kind.scale or 0
    return places, Decimal(10) ** (kind.precision - places) - Decimal(1).scaleb(-places)


# ------------------------------------------------------------------ numbers


def _as_decimal(value, field: str | None) -> Decimal:
    if isinstance(value, bool):
        raise _refusal(translate("Values", "{value} is a yes/no value, not a number.").format(
            value="TRUE" if value else "FALSE"), field)
    if isinstance(value, float) and not math.isfinite(value):
        raise _refusal(translate("Values", "“{value}” is not a number.").format(value=value), field)
    text = repr(value) if isinstance(value, float) else _CURRENCY_AND_SPACES.sub("", str(value))
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise _refusal(translate("Values", "“{value}” is not a number.").format(value=_shown(value)), field)
    return number


def _in_range(number, minimum, maximum, field: str | None):
    if minimum is not None and number < minimum:
        raise _refusal(translate("Values", "{value} is too small: the least allowed is {minimum}.").format(
            value=number, minimum=minimum), field)
    if maximum is not None and number > maximum:
        raise _refusal(translate("Values", "{value} is too large: the most allowed is {maximum}.").format(
            value=number, maximum=maximum), field)
    return number


def parse_integer(value, *, column=None, minimum: int | None = None, maximum: int | None = None,
                  required: bool = False, field: str | None = None) -> int | None:
    """A whole number; TRUE/FALSE, fractions and values outside the column's type are refused."""
    if _blank_or_required(value, required, field):
        return None
    number = _as_decimal(value, field)
    whole = number.to_integral_value()
    if number != whole:
        raise _refusal(translate("Values", "“{value}” is not a whole number.").format(value=_shown(value)), field)
    if column is not None:
        low, high = integer_range(column)
        minimum = low if minimum is None else max(minimum, low)
        maximum = high if maximum is None else min(maximum, high)
    return int(_in_range(whole, minimum, maximum, field))  # checked before int(): 1e999999999 stays cheap


def parse_quantity(value, *, column=None, maximum: int | None = None, field: str | None = "quantity") -> int:
    """A number of units: a whole number of at least 1."""
    return parse_integer(value, column=column, minimum=1, maximum=maximum, required=True, field=field)


def parse_decimal(value, *, column=None, places: int | None = None, minimum: Decimal | int | None = None,
                  maximum: Decimal | int | None = None, required: bool = False,
                  field: str | None = None) -> Decimal | None:
    """An exact decimal (money: never a float), with no more decimal places than the column keeps."""
    if _blank_or_required(value, required, field):
        return None
    number = _as_decimal(value, field)
    if column is not None:
        column_places, column_max = decimal_limits(column)
        places = column_places if places is None else min(places, column_places)
        maximum = column_max if maximum is None else min(Decimal(maximum), column_max)
        minimum = -column_max if minimum is None else minimum
    number = _in_range(number, minimum, maximum, field)
    if places is not None:
        try:
            rounded = number.quantize(Decimal(1).scaleb(-places))
        except InvalidOperation:  # more digits than any column holds
            rounded = None
        if rounded != number:
            raise _refusal(translate("Values", "{value} has more than {places} decimal places.").format(
                value=_shown(value), places=places), field)
        number = rounded
    return number


def parse_money(value, *, column=None, required: bool = False, field: str | None = None) -> Decimal | None:
    """An amount of money ≥ 0 with at most two decimals (or what the column keeps)."""
    return parse_decimal(value, column=column, places=2, minimum=0, required=required, field=field)


# ------------------------------------------------------------------ dates and moments


def _from_serial(serial: float, field: str | None) -> datetime:
    from openpyxl.utils.datetime import from_excel  # only imports need it

    moment = from_excel(serial) if 1 <= serial < 2958466 else None  # 1900-01-01 … 9999-12-31
    if not isinstance(moment, datetime):
        raise _refusal(translate("Values", "{value} is not a date.").format(value=serial), field)
    return moment


def _from_text(text: str, with_time: bool, field: str | None) -> datetime | None:
    text = text.strip()
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    found = _DATE.match(text)
    rest = text[found.end():].strip().lstrip("T").strip() if found else ""
    clock = _TIME.fullmatch(rest) if rest and with_time else None
    if found is None or (rest and clock is None):
        return None
    try:
        day = date(*(int(g) for g in found.groups()))
        at = time(*(int(g) for g in clock.groups() if g is not None)) if clock else time()
    except ValueError:
        reason = translate("Values", "“{value}” is not a real date.").format(value=_shown(text))
        raise _refusal(reason, field) from None
    return datetime.combine(day, at)


def _as_datetime(value, with_time: bool, field: str | None) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_serial(value, field)
    moment = _from_text(str(value), with_time, field) if isinstance(value, str) else None
    if moment is None:
        hint = (translate("Values", "“{value}” is not a date and time: write it as YYYY-MM-DD hh:mm.") if with_time
                else translate("Values", "“{value}” is not a date: write it as YYYY-MM-DD."))
        raise _refusal(hint.format(value=_shown(value)), field)
    return moment


def parse_date(value, *, earliest: date | None = None, latest: date | None = None, required: bool = False,
               field: str | None = None) -> date | None:
    """A calendar date: a date cell, an Excel serial number, or text such as 2026-03-01, 2026/3/1, 2026年3月1日."""
    if _blank_or_required(value, required, field):
        return None
    moment = _as_datetime(value, False, field)
    if moment.time() != time() and not isinstance(value, datetime):
        raise _refusal(translate("Values", "“{value}” is not a date: write it as YYYY-MM-DD.").format(
            value=_shown(value)), field)
    return _in_date_range(moment.date(), earliest, latest, field)


def parse_datetime(value, *, zone: tzinfo, earliest: datetime | None = None, latest: datetime | None = None,
                   required: bool = False, field: str | None = None) -> datetime | None:
    """A moment, returned in UTC; a value without a zone is a wall-clock time in ``zone`` (the org unit's)."""
    if _blank_or_required(value, required, field):
        return None
    moment = _as_datetime(value, True, field)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return _in_date_range(moment.astimezone(timezone.utc), earliest, latest, field)


def _in_date_range(value, earliest, latest, field: str | None):
    if earliest is not None and value < earliest:
        raise _refusal(translate("Values", "{value} is too early: the earliest allowed is {earliest}.").format(
            value=_day_text(value), earliest=_day_text(earliest)), field)
    if latest is not None and value > latest:
        raise _refusal(translate("Values", "{value} is too late: the latest allowed is {latest}.").format(
            value=_day_text(value), latest=_day_text(latest)), field)
    return value


def _day_text(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if isinstance(value, datetime) else value.isoformat()


# ------------------------------------------------------------------ texts and flags


def parse_text(value, *, column=None, max_length: int | None = None, required: bool = False,
               field: str | None = None) -> str:
    """Text with the ends stripped; at most the column's ``String(n)`` characters."""
    if _blank_or_required(value, required, field):
        return ""
    if isinstance(value, bool):
        raise _refusal(translate("Values", "Text is expected here, not a yes/no value."), field)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number typed into a text column (a part or phone number)
    text = value.isoformat() if isinstance(value, (date, datetime)) else str(value).strip()
    if "\x00" in text:
        raise _refusal(translate("Values", "The text contains a NUL character, which cannot be stored."), field)
    limit = text_limit(column) if column is not None else None
    limit = max_length if limit is None else limit if max_length is None else min(limit, max_length)
    if limit is not None and len(text) > limit:
        raise _refusal(too_long_reason(limit, len(text)), field)
    return text


def too_long_reason(limit: int, length: int) -> str:
    return translate("Values", "Too long: at most {limit} characters ({length} given).").format(
        limit=limit, length=length)


def flag_text(value: bool) -> str:
    """How a yes/no value is written into a workbook, so that ``parse_flag`` reads it back."""
    return translate("Values", "yes") if value else translate("Values", "no")


def parse_flag(value, *, field: str | None = None) -> bool:
    """Yes or no: a TRUE/FALSE cell, 1/0, or yes/no in English or Chinese (empty is no)."""
    _check_readable(value, field)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    word = "" if value is None else str(value).strip().lower()
    if word in YES or word == translate("Values", "yes").lower():
        return True
    if word in NO or word == translate("Values", "no").lower():
        return False
    raise _refusal(translate("Values", "Write yes or no."), field)

