"""Workbook imports that change all or nothing: reading a file safely, where each problem is, and
the refusal listing them.

Every import (customers and assets, the parts catalog, a counted stocktake sheet) reads the file
with ``read_workbook``, parses each cell with ``app.user_values`` through ``Row.parse``, and raises
``WorkbookRejected`` before touching a row, naming sheet, row, column and reason:

    problems = Problems()
    sheet = read_workbook(path, first_only=True)[0]
    columns = find_columns(sheet.header, {"part_number": ("part number", "备件号"), ...})
    for row in sheet.rows_with(columns, problems):
        number = row.parse("part_number", parse_text, column=Part.part_number, required=True)
        count = row.parse("counted", parse_integer, column=Movement.quantity, minimum=0)
    problems.raise_if_any(translate("Inventory", "Nothing was changed: {n} problems.").format(n=len(problems)))

The file is read in openpyxl's read-only mode with ``defusedxml`` installed, so XML entity bombs and
external entities are refused by the parser; any file that cannot be read becomes one line naming
the file (``WorkbookUnreadable``). A formula cell whose result the file does not hold is handed to
the parsers as ``UnsavedFormula``, which they refuse, instead of reading as an empty cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.i18n import translate
from app.user_values import CellErrorValue, UnsavedFormula, is_blank

MAX_SHOWN = 50  # the message lists this many; ``problems`` keeps them all


@dataclass(frozen=True)
class CellProblem:
    sheet: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return translate("Import", "Sheet “{sheet}”, row {row}, column {column}: {reason}").format(
            sheet=self.sheet, row=self.row, column=self.column, reason=self.reason)


class WorkbookRejected(ValidationError):
    """Nothing was imported. ``headline`` says what was left unchanged; ``problems`` lists every one found."""

    def __init__(self, headline: str, problems: Sequence[CellProblem]):
        self.problems = list(problems)
        lines = [str(p) for p in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:
            lines.append(translate("Import", "… and {n} more problems.").format(n=len(self.problems) - MAX_SHOWN))
        super().__init__("\n".join([headline, *lines]), field="file")


class WorkbookUnreadable(ValidationError):
    """The file is not a workbook this program can read safely; one line names the file and why."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(translate("Import", "Cannot read {file} as an Excel workbook: {reason}").format(
            file=Path(path).name, reason=reason), field="file")


class Problems:
    """Every problem found in a workbook, in the order found."""

    def __init__(self) -> None:
        self.found: list[CellProblem] = []

    def add(self, sheet: str, row: int, column: str, reason: str) -> None:
        self.found.append(CellProblem(sheet, row, column, reason))

    def __len__(self) -> int:
        return len(self.found)

    def raise_if_any(self, headline: str) -> None:
        if self.found:
            raise WorkbookRejected(headline, self.found)


# ------------------------------------------------------------------ sheets and rows


@dataclass(frozen=True)
class Row:
    """One filled row of a sheet; ``columns`` maps a field name to its 0-based column index."""

    sheet: str
    number: int
    values: tuple
    columns: Mapping[str, int]
    problems: Problems

    def raw(self, name: str) -> Any:
        index = self.columns.get(name)
        return self.values[index] if index is not None and index < len(self.values) else None

    def letter(self, name: str) -> str:
        from openpyxl.utils import get_column_letter

        index = self.columns.get(name)
        return get_column_letter(index + 1) if index is not None else name

    def refuse(self, name: str, reason: str) -> None:
        self.problems.add(self.sheet, self.number, self.letter(name), reason)

    def parse(self, name: str, parse, **options) -> Any:
        """``parse(raw value, **options)`` from ``app.user_values``; a refusal is recorded and gives None."""
        try:
            return parse(self.raw(name), **options)
        except ValidationError as refused:
            self.refuse(name, str(refused))
            return None


@dataclass(frozen=True)
class Sheet:
    title: str
    header: tuple
    rows: list[tuple[int, tuple]]  # (row number, values) of every row below the header with something in it

    def rows_with(self, columns: Mapping[str, int], problems: Problems) -> Iterator[Row]:
        for number, values in self.rows:
            yield Row(self.title, number, values, columns, problems)


def find_columns(header: Sequence, aliases: Mapping[str, Iterable[str]]) -> dict[str, int]:
    """Field name → column index, matching header texts case-insensitively against each field's aliases."""
    index_of = {str(title).strip().lower(): i for i, title in enumerate(header) if not is_blank(title)}
    found = {}
    for name, texts in aliases.items():
        index = next((index_of[t.lower()] for t in texts if t.lower() in index_of), None)
        if index is not None:
            found[name] = index
    return found


def read_workbook(path: str | Path, *, first_only: bool = False) -> list[Sheet]:
    """Every worksheet (or only the first) with its header row and filled rows, or ``WorkbookUnreadable``."""
    try:
        sheets = _read(path, first_only)
    except Exception as exc:  # openpyxl raises many kinds for a file it cannot read
        raise WorkbookUnreadable(path, _why_unreadable(exc)) from None
    if not sheets:
        raise WorkbookUnreadable(path, translate("Import", "it has no worksheet."))
    return sheets


def _read(path: str | Path, first_only: bool) -> list[Sheet]:
    from openpyxl import load_workbook  # loaded on first import, not at start-up

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        grids = [_read_cells(ws) for ws in book.worksheets[:1 if first_only else None]]
    finally:
        book.close()
    if any(formulas for _, _, formulas in grids):
        _fill_cached_results(path, grids)
    return [_sheet(title, cells) for title, cells, _ in grids]


def _read_cells(worksheet) -> tuple[str, list[list], dict[tuple[int, int], str]]:
    """(title, values by row, formula text by (row, column) index) of one sheet."""
    worksheet.reset_dimensions()  # some programs store a wrong size: read what is there
    cells, formulas = [], {}
    for r, row in enumerate(worksheet.iter_rows()):
        values = []
        for c, cell in enumerate(row):
            if cell.data_type == "f":
                formulas[(r, c)] = str(getattr(cell.value, "text", cell.value))
                values.append(None)
            elif cell.data_type == "e":
                values.append(CellErrorValue(cell.value))
            else:
                values.append(cell.value)
        cells.append(values)
    return worksheet.title, cells, formulas


def _fill_cached_results(path: str | Path, grids) -> None:
    """A formula's result as the file saved it; a formula without one stays recognisable."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for worksheet, (_, cells, formulas) in zip(book.worksheets, grids):
            if not formulas:
                continue
            last_row = max(r for r, _ in formulas)
            worksheet.reset_dimensions()
            for r, row in enumerate(worksheet.iter_rows(max_row=last_row + 1)):
                for c, cell in enumerate(row):
                    if (r, c) in formulas:
                        cells[r][c] = _cached(cell, formulas[(r, c)])
    finally:
        book.close()
    for _, cells, formulas in grids:  # a formula cell the cached pass did not reach at all
        for (r, c), text in formulas.items():
            if cells[r][c] is None:
                cells[r][c] = UnsavedFormula(text)


def _cached(cell, formula: str):
    if cell.value is None:
        return UnsavedFormula(formula)
    return CellErrorValue(cell.value) if cell.data_type == "e" else cell.value


def _sheet(title: str, cells: list[list]) -> Sheet:
    header = tuple(cells[0]) if cells else ()
    rows = [(number, tuple(values)) for number, values in enumerate(cells[1:], start=2)
            if not all(is_blank(v) for v in values)]
    return Sheet(title, header, rows)


def _why_unreadable(exc: BaseException) -> str:
    """One line for the user: the innermost cause openpyxl wrapped, in words."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from openpyxl.utils.exceptions import InvalidFileException

    causes = []
    while exc is not None and exc not in causes:
        causes.append(exc)
        exc = exc.__cause__ or exc.__context__
    for cause in causes:
        if isinstance(cause, DefusedXmlException):
            return translate("Import", "it contains XML entity declarations or external references, which are "
                                       "refused for safety.")
        if isinstance(cause, FileNotFoundError):
            return translate("Import", "the file does not exist.")
        if isinstance(cause, PermissionError):
            return translate("Import", "the file cannot be opened (no permission, or another program has it open).")
        if isinstance(cause, (zipfile.BadZipFile, InvalidFileException, KeyError)):
            return translate("Import", "it is not an .xlsx workbook (save an .xls or .csv file as .xlsx first).")
        if isinstance(cause, ParseError):
            return translate("Import", "its content is damaged ({detail}).").format(detail=_first_line(cause))
    return _first_line(causes[-1]) if causes else ""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
