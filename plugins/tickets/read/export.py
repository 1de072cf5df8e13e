"""The ticket list as an Excel workbook, through the product's one writer (``app.reports.workbook``):
the rows the screen shows, in the screen's order (``lists.stream``, one query fetched in batches),
the screen's columns (``columns``) with times as real date-time cells in each ticket's org unit's
wall time, and that zone named in a last column (a list at HQ mixes units and zones).

    export_list(session, actor, filters, path, sort="opened_at", descending=True, progress=None,
                cancelled=None) -> rows written
        (``ExportCancelled`` when cancelled; a failure or a cancel leaves no file behind)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.reports.workbook import Column, Sheet, write_workbook
from plugins.tickets.read.columns import column_titles, row_cells
from plugins.tickets.read.filters import TicketFilter
from plugins.tickets.read.lists import count, stream

# number, state, priority, category, customer, product line, serial, engineer, opened, due, breached, zone
WIDTHS = (22, 14, 9, 14, 32, 14, 18, 14, 17, 17, 10, 16)


def export_list(session: Session, actor: Actor, filters: TicketFilter, path: str | Path, *, sort: str = "opened_at",
                descending: bool = True, progress: Callable[[str, float], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> int:
    expected = count(session, actor, filters)  # checks the permission and the filter before any file is opened
    clock = LocalClock(session)
    rows = ((*row_cells(row, clock), clock.zone(row.org_id).key)
            for row in stream(session, actor, filters, sort=sort, descending=descending))
    titles = (*column_titles(), translate("Tickets", "Time zone"))
    sheet = Sheet(translate("Tickets", "Tickets"), [Column(t, width=w) for t, w in zip(titles, WIDTHS, strict=True)],
                  rows, expected_rows=expected, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)
