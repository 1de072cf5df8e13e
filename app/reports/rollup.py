"""The HQ Excel rollup: every plugin contributes sheets through ``rollup_sections``; written
in openpyxl's write-only mode so a large section streams instead of filling memory."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import NotFound, UserError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.specs import RollupSection

ROLLUP_VIEW = "core.rollup.export"
MAX_ROWS = 1_048_575  # one sheet holds 1,048,576 rows, the header takes one


def collect_sections(ctx, period: Period, org_code: str | None) -> list[RollupSection]:
    groups = ctx.hook.rollup_sections(ctx=ctx, period=period, org_code=org_code)
    return [section for group in groups for section in (group or ())]


def period_zone(session: Session, actor: Actor, org_code: str | None) -> ZoneInfo:
    """The zone a rollup counts its period's days in: that of the unit it covers (``org_code``,
    else the reader's own), so a branch's own rollup and HQ's rollup of that branch agree."""
    if not org_code:
        return LocalClock(session).zone(actor.org_id)
    org_id = session.scalar(select(OrgUnit.id).where(OrgUnit.code == org_code.strip().upper()))
    if org_id is None:
        raise NotFound(translate("Reports", "No org unit with the code {code}.").format(code=org_code))
    return LocalClock(session).zone(org_id)


def write_rollup(ctx, period: Period, org_code: str | None, out: Path,
                 progress: Callable[[str, float], None] = lambda s, f: None,
                 cancelled: Callable[[], bool] = lambda: False) -> int:
    """Write the workbook for ``period`` (parsed once by the caller with ``app.reports.period.parse_period``)
    to ``out`` (atomically: a half-written file never replaces it). Returns the number of sheets."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    ctx.actor.require(ROLLUP_VIEW)
    sections = collect_sections(ctx, period, org_code)
    if not sections:
        raise UserError(translate("Reports", "No plugin has anything to report for {period}.").format(
            period=period.label))
    book = Workbook(write_only=True)
    used_titles: set[str] = set()
    for index, section in enumerate(sections):
        progress(section.title, index / len(sections))
        sheet = book.create_sheet(_sheet_title(section.title, used_titles))
        header = []
        for name in section.columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        for count, row in enumerate(section.rows, start=1):
            if count > MAX_ROWS:
                raise UserError(translate("Reports", "Sheet “{title}” has more rows than Excel allows.").format(
                    title=section.title))
            if count % 10_000 == 0 and cancelled():
                raise UserError(translate("Reports", "Export cancelled; no file was written."))
            sheet.append(list(row))
    tmp = out.with_name(out.name + ".part")
    try:
        book.save(tmp)
        os.replace(tmp, out)
    except Exception as exc:  # any failure to write: say where, leave no partial file
        tmp.unlink(missing_ok=True)
        detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise UserError(translate("Reports", "Cannot write {path}: {error}").format(path=out, error=detail)) from None
    progress(translate("Reports", "Done"), 1.0)
    return len(sections)


def _sheet_title(title: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:28] or "Sheet"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base[:25]} ({n})", n + 1
    used.add(candidate)
    return candidate
