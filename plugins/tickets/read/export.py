"""The ticket list as an Excel workbook: the rows the screen shows, in the screen's order
(``lists.stream``), the screen's columns (``columns``) with times as real date-time cells in each
ticket's org unit's wall time, and that zone named in a last column. Written in write-only mode
(constant memory) to a temporary file that replaces the target only when complete; text is
always written as text, never as a formula.

    export_list(session, actor, filters, path, sort="opened_at", descending=True, progress=None,
                cancelled=None) -> rows written, or -1 when cancelled (no file left behind)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import UserError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from plugins.tickets.read.columns import column_titles, row_cells
from plugins.tickets.read.filters import TicketFilter
from plugins.tickets.read.lists import count, stream

EXCEL_MAX_ROWS = 1_048_575  # a sheet's rows minus the header
PROGRESS_EVERY = 2000
TIME_FORMAT = "yyyy-mm-dd hh:mm"


def export_list(session: Session, actor: Actor, filters: TicketFilter, path: str | Path, *, sort: str = "opened_at",
                descending: bool = True, progress: Callable[[str, float], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> int:
    expected = count(session, actor, filters)
    if expected > EXCEL_MAX_ROWS:
        raise UserError(translate("Tickets", "More than {n} rows: narrow the filter to export to Excel.")
                        .format(n=EXCEL_MAX_ROWS))
    book = Workbook(write_only=True)
    sheet = book.create_sheet(translate("Tickets", "Tickets"))
    sheet.append([_cell(sheet, title, bold=True) for title in (*column_titles(), translate("Tickets", "Time zone"))])
    clock, written = LocalClock(session), 0
    for row in stream(session, actor, filters, sort=sort, descending=descending):
        sheet.append([_cell(sheet, value) for value in (*row_cells(row, clock), clock.zone(row.org_id).key)])
        written += 1
        if written % PROGRESS_EVERY == 0:
            if cancelled and cancelled():
                sheet.close()  # ends the sheet's temporary file cleanly; nothing is saved
                return -1
            if progress:
                progress(translate("Tickets", "{n} rows written").format(n=written), written / max(expected, 1))
    _save(book, Path(path))
    return written


def _cell(sheet, value, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # "=…" typed by a user stays text
    elif isinstance(value, datetime):
        cell.number_format = TIME_FORMAT
    if bold:
        cell.font = Font(bold=True)
    return cell


def _save(book: Workbook, target: Path) -> None:
    partial = target.with_name(target.name + ".part")
    try:
        book.save(partial)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(translate("Tickets", "Cannot write {path}: {error}").format(path=target, error=exc.strerror)) \
            from None
