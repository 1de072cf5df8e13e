"""Workbook imports that change all or nothing: where each problem is, and the refusal listing them.

Every import (customers and assets, the parts catalog, a counted stocktake sheet) checks the whole
file first and raises ``WorkbookRejected`` before touching a row, naming sheet, row, column and reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import translate

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
