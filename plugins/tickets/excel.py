"""Excel out: any list of rows in write-only mode (constant memory, fit for large views). The
import of customers and their machines belongs to the customer registry (``plugins.customers``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import Workbook

from app.errors import ValidationError
from app.i18n import translate

LOCAL_ZONE = ZoneInfo("Asia/Shanghai")


def _cell(value):
    if isinstance(value, datetime):  # Excel has no time zones: write local wall-clock time
        return value.astimezone(LOCAL_ZONE).replace(tzinfo=None) if value.tzinfo else value
    if value is None or isinstance(value, (int, float, str, date)):
        return value
    return str(value)


def export_rows(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence], title: str = "",
                progress: Callable[[int], None] | None = None, cancelled: Callable[[], bool] = lambda: False) -> Path:
    """Write ``rows`` under ``headers`` to a new workbook at ``path`` (streamed, write-only)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet((title or translate("Tickets", "Tickets"))[:31])
    sheet.append(list(headers))
    for count, row in enumerate(rows, start=1):
        if cancelled():
            raise ValidationError(translate("Tickets", "Export cancelled; no file was written."))
        sheet.append([_cell(v) for v in row])
        if progress and count % 1000 == 0:
            progress(count)
    target = Path(path)
    workbook.save(target)
    return target
