"""The one Excel writer of the product: every workbook goes out through ``write_workbook``.

What it promises, whatever the rows hold:
- No value becomes a formula. Text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return (or reading like an error code such as ``#N/A``) is written as a text cell, marked so
  that editing it in Excel keeps it text; characters a worksheet cannot hold are dropped.
- Moments are real date-time cells: an aware datetime is written as the wall time of the
  sheet's ``zone`` (a naive one is taken as wall time already, e.g. ``LocalClock.wall``).
- Rows stream (openpyxl write-only: memory stays flat for a million rows); past the 1,048,576
  rows a sheet holds, the rows continue on a new sheet with the header repeated.
- The file appears whole or not at all: it is written to ``FILE.partial`` and renamed over
  ``FILE`` on success. A failure, or ``cancelled()`` answering True, leaves no file behind.
- ``progress(stage, fraction)`` is called as the rows go out.

It loads openpyxl: import it where a workbook is written, not at start-up.

    write_workbook(path, [Sheet(title, [Column("Rate", PERCENT), "Name"], rows, zone=zone)],
                   progress=progress, cancelled=cancelled) -> rows written
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone, tzinfo
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from app.errors import UserError
from app.i18n import translate

MAX_DATA_ROWS = 1_048_575  # a sheet holds 1,048,576 rows; the header takes one
CHECK_EVERY = 1000         # rows between progress reports and cancel checks
PERCENT = "0.0%"
DECIMAL = "0.0"
INTEGER = "0"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
TIME_FORMAT = "hh:mm"
SHEET_TITLE_LENGTH = 31
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"))
ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # what a worksheet cannot hold

Progress = Callable[[str, float], None]


class ExportCancelled(UserError):
    """The user cancelled; no file was written."""


@dataclass(frozen=True)
class Column:
    """A column's title, the number format of its numbers (``PERCENT`` for fractions) and width;
    ``below``: a number under it is marked (conditional formatting, e.g. a missed commitment)."""

    title: str
    number_format: str | None = None
    width: float | None = None
    below: float | None = None


COUNT = "#,##0"
MONEY = '"¥"#,##0.00'
KIND_FORMATS = {"count": COUNT, "percent": PERCENT, "money": MONEY, "hours": DECIMAL, "decimal": DECIMAL,
                "date": DATE_FORMAT, "datetime": DATETIME_FORMAT}


def sheet_columns(columns) -> list[Column]:
    """``Column``s for typed columns (``app.specs.RollupColumn``: title, kind, target)."""
    return [Column(c.title, KIND_FORMATS.get(c.kind), below=c.target) for c in columns]


class Emphasis(list):
    """A row written in bold: a subtotal or a total."""


@dataclass
class Sheet:
    """One sheet: ``rows`` (any iterable, consumed once) under ``columns``. ``expected_rows``
    makes the progress fraction meaningful; ``zone`` is whose wall time moments are written in."""

    title: str
    columns: Sequence[str | Column]
    rows: Iterable[Sequence]
    expected_rows: int | None = None
    zone: tzinfo | None = None
    frozen_header: bool = True
    autofilter: bool = False
    charts: Sequence = ()   # app.specs.RollupChart: native charts over this sheet's columns
    fit: bool = True        # widths from the content, where ``rows`` is a list (else from the titles)
    _columns: list[Column] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._columns = [c if isinstance(c, Column) else Column(str(c)) for c in self.columns]


def write_workbook(path: str | Path, sheets: Iterable[Sheet], *, progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None, max_rows: int = MAX_DATA_ROWS) -> int:
    """Write ``sheets`` to ``path`` (see the module's docstring); returns the data rows written.
    Raises ``ExportCancelled`` when cancelled and ``UserError`` naming the path when it cannot be
    written; in both cases no file is left at ``path`` or beside it."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    sheets = list(sheets)
    handle = _open_partial(partial, target)
    book = Workbook(write_only=True)
    try:
        writer = _Writer(book, progress or (lambda stage, fraction: None), cancelled or (lambda: False), max_rows,
                         sum(s.expected_rows or 0 for s in sheets))
        for sheet in sheets:
            writer.write(sheet)
        if not book.worksheets:
            writer.write(Sheet(translate("Reports", "Sheet"), [], []))
        book.save(handle)
        handle.close()
        os.replace(partial, target)
    except BaseException as exc:
        _discard(book)
        handle.close()
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise
    _report(progress, translate("Reports", "Done"), 1.0)
    return writer.written


def safe_cell(sheet, value, zone: tzinfo | None = None, number_format: str | None = None):
    """``value`` as what a write-only ``sheet`` row may hold without turning user text into a
    formula: the value itself where openpyxl stores it as it is, else a prepared cell."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _text_cell(sheet, value)
    if isinstance(value, (int, float, Decimal)):
        if number_format is None:
            return value
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell
    if isinstance(value, (datetime, date, time)):
        return _moment_cell(sheet, value, zone)
    if isinstance(value, uuid.UUID):
        return str(value)
    return _text_cell(sheet, str(value))


def _text_cell(sheet, text: str, *, as_cell: bool = False):
    """``text`` as a string cell; a plain ``str`` (the fast path) where openpyxl keeps it one."""
    if ILLEGAL.search(text):
        text = ILLEGAL.sub("", text)
    hostile = text.startswith(FORMULA_STARTS) or text in ERROR_CODES
    if not (hostile or as_cell):
        return text
    cell = WriteOnlyCell(sheet, value=text)
    if hostile:
        cell.data_type = "s"  # a string, never a formula nor an error value
        cell.quotePrefix = True  # and Excel keeps it text when someone edits the cell
    return cell


def _moment_cell(sheet, value, zone: tzinfo | None):
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(zone or timezone.utc).replace(tzinfo=None)
        number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        number_format = DATE_FORMAT
    else:
        value, number_format = value.replace(tzinfo=None), TIME_FORMAT
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


class _Writer:
    """Appends sheets to a write-only book, splitting them at ``max_rows``."""

    def __init__(self, book, progress: Progress, cancelled: Callable[[], bool], max_rows: int, expected: int):
        self.book, self.progress, self.cancelled = book, progress, cancelled
        self.max_rows, self.expected = max_rows, expected
        self.written = 0
        self.titles: set[str] = set()

    def write(self, sheet: Sheet) -> None:
        self._check()
        self.progress(sheet.title, self._fraction())
        widths = _content_widths(sheet)
        target, in_sheet, part = self._new_sheet(sheet, 1, widths), 0, 1
        formats = [c.number_format for c in sheet._columns]
        for row in sheet.rows:
            if in_sheet == self.max_rows:
                _finish(target, sheet, in_sheet)
                part += 1
                target, in_sheet = self._new_sheet(sheet, part, widths), 0
            cells = [safe_cell(target, value, sheet.zone, formats[i] if i < len(formats) else None)
                     for i, value in enumerate(row)]
            target.append(_bold(target, cells) if isinstance(row, Emphasis) else cells)
            in_sheet += 1
            self.written += 1
            if self.written % CHECK_EVERY == 0:
                self._check()
                self.progress(translate("Reports", "{title}: {n} rows written").format(title=sheet.title,
                                                                                       n=self.written),
                              self._fraction())
        _finish(target, sheet, in_sheet)

    def _new_sheet(self, sheet: Sheet, part: int, widths: list[int] | None = None):
        title = sheet.title if part == 1 else f"{sheet.title} ({part})"
        target = self.book.create_sheet(self._unique_title(title))
        for index, column in enumerate(sheet._columns, start=1):
            fitted = max(_display_width(column.title), widths[index - 1] if widths else 0)
            width = column.width or min(60, max(10, 2 + fitted))
            target.column_dimensions[get_column_letter(index)].width = width
        if sheet.frozen_header and sheet._columns:
            target.freeze_panes = "A2"
        header = []
        for column in sheet._columns:
            cell = _text_cell(target, column.title, as_cell=True)
            cell.font = Font(bold=True)
            header.append(cell)
        if header:
            target.append(header)
        return target

    def _unique_title(self, title: str) -> str:
        base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:SHEET_TITLE_LENGTH] or "Sheet"
        candidate, n = base, 2
        while candidate.lower() in self.titles:
            suffix = f" ({n})"
            candidate, n = base[:SHEET_TITLE_LENGTH - len(suffix)] + suffix, n + 1
        self.titles.add(candidate.lower())
        return candidate

    def _check(self) -> None:
        if self.cancelled():
            raise ExportCancelled(translate("Reports", "Export cancelled; no file was written."))

    def _fraction(self) -> float:
        return min(1.0, self.written / self.expected) if self.expected else 0.0


FIT_SAMPLE = 500  # rows looked at to fit a column's width


def _content_widths(sheet: Sheet) -> list[int] | None:
    """The widest text of each column among the first rows, where the rows are already a list."""
    if not sheet.fit or not isinstance(sheet.rows, (list, tuple)):
        return None
    widths = [0] * len(sheet._columns)
    for row in sheet.rows[:FIT_SAMPLE]:
        for index, value in enumerate(row[:len(widths)]):
            if value is not None:
                shown = f"{value:,.2f}" if isinstance(value, float) else str(value)
                widths[index] = max(widths[index], min(60, _display_width(shown)))
    return widths


def _bold(sheet, cells: list) -> list:
    bold = []
    for value in cells:
        cell = value if isinstance(value, Cell) else WriteOnlyCell(sheet, value=value)
        cell.font = Font(bold=True)
        bold.append(cell)
    return bold


def _finish(target, sheet: Sheet, rows: int) -> None:
    """What a sheet gets once its rows are known: the filter, the marks and the charts."""
    columns = len(sheet._columns)
    if not columns:
        return
    last = rows + 1
    if sheet.autofilter and rows:
        target.auto_filter.ref = f"A1:{get_column_letter(columns)}{last}"
    for index, column in enumerate(sheet._columns, start=1):
        if column.below is not None and rows:
            letter = get_column_letter(index)
            target.conditional_formatting.add(f"{letter}2:{letter}{last}", CellIsRule(
                operator="lessThan", formula=[repr(float(column.below))], font=Font(color="9C0006"),
                fill=PatternFill(start_color="FFC7CE", end_color="FFC7CE", fill_type="solid")))
    for number, chart in enumerate(sheet.charts):
        if rows:
            target.add_chart(_chart(target, chart, rows), f"{get_column_letter(columns + 2)}{2 + number * 18}")


def _chart(target, spec, rows: int):
    """A native bar or line chart over the sheet's own cells (``spec``: an ``app.specs.RollupChart``)."""
    from openpyxl.chart import BarChart, LineChart, Reference

    chart = LineChart() if spec.kind == "line" else BarChart()
    chart.title = spec.title
    chart.height, chart.width = 8, 18
    for column in spec.value_columns:
        chart.add_data(Reference(target, min_col=column + 1, min_row=1, max_row=rows + 1), titles_from_data=True)
    chart.set_categories(Reference(target, min_col=spec.category_column + 1, min_row=2, max_row=rows + 1))
    return chart


def _discard(book) -> None:
    """End the sheets of an abandoned book and remove the temporary files they stream into."""
    for sheet in book.worksheets:
        try:
            if not sheet.closed:
                sheet.close()
            if sheet._writer is not None and os.path.exists(sheet._writer.out):
                sheet._writer.cleanup()
        except Exception:  # the export already failed; a stray temporary file is not worth a second error
            continue


def _display_width(text: str) -> int:
    """Characters as Excel lays them out: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _open_partial(partial: Path, target: Path):
    """Open the partial file first, so that a path that cannot be written fails before any work."""
    if target.is_dir():
        raise UserError(translate("Reports", "Cannot write {path}: it is a folder.").format(path=target))
    try:
        return open(partial, "wb")
    except OSError as exc:
        raise _cannot_write(target, exc) from None


def _cannot_write(target: Path, exc: OSError) -> UserError:
    detail = exc.strerror or str(exc) or type(exc).__name__
    return UserError(translate("Reports", "Cannot write {path}: {error}").format(path=target, error=detail))


def _report(progress: Progress | None, stage: str, fraction: float) -> None:
    if progress is not None:
        progress(stage, fraction)
