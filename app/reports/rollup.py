"""The HQ Excel rollup: a Summary sheet of every org unit's figures with subtotals per tier and
the network total, a Branches sheet with charts, one sheet per section the plugins contribute
through ``rollup_sections``, and a Meta sheet saying what the workbook covers. Written through
the one safe writer (``app.reports.workbook``): no user text becomes a formula, the file appears
whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import NotFound, UserError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.reports.summary import (Summary, Unit, build_summary, measures_of, own_figures, subtree_tallies,
                                 tier_label, units_covered)
from app.specs import Measure, RollupChart, RollupColumn, RollupSection

ROLLUP_VIEW = "core.rollup.export"
MEASURE_COLUMN = {"count": "count", "money": "money", "share": "percent", "mean": "decimal"}


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
    to ``out``. Returns the number of sheets."""
    from app.reports.workbook import write_workbook

    ctx.actor.require(ROLLUP_VIEW)
    with ctx.reading() as session:
        zone = period_zone(session, ctx.actor, org_code)
        units = units_covered(session, ctx.actor, org_code)
    progress(translate("Reports", "Collecting figures"), 0.0)
    sections = collect_sections(ctx, period, org_code)
    if not sections:
        raise UserError(translate("Reports", "No plugin has anything to report for {period}.").format(
            period=period.label))
    summary = build_summary(units, sections)
    sheets = [summary_sheet(summary), branches_sheet(units, sections),
              *(section_sheet(section, zone) for section in sections),
              meta_sheet(ctx, period, org_code, zone)]
    sheets = [sheet for sheet in sheets if sheet is not None]
    write_workbook(out, sheets, progress=progress, cancelled=cancelled)
    return len(sheets)


# ------------------------------------------------------------------ sheets


def _column(column) -> RollupColumn:
    return column if isinstance(column, RollupColumn) else RollupColumn(str(column))


def _measure_column(measure: Measure) -> RollupColumn:
    return RollupColumn(measure.label, MEASURE_COLUMN.get(measure.kind, "count"), measure.target)


def summary_sheet(summary: Summary):
    from app.reports.workbook import Emphasis, Sheet, sheet_columns

    columns = [RollupColumn(translate("Reports", "Org code")), RollupColumn(translate("Reports", "Name")),
               RollupColumn(translate("Reports", "Tier")), *(_measure_column(m) for m in summary.measures)]
    rows = []
    for line in summary.lines:
        values = [line.label, line.name, tier_label(line.tier) if line.kind == "unit" else "", *line.values]
        rows.append(values if line.kind == "unit" else Emphasis(values))
    return Sheet(translate("Reports", "Summary"), sheet_columns(columns), rows, autofilter=True)


def branches_sheet(units: list[Unit], sections: list[RollupSection]):
    """One row per branch with its partners' work included, and a chart per charted measure."""
    from app.reports.workbook import Sheet, sheet_columns

    measures = list(measures_of(sections))
    branches = [u for u in units if u.tier == "branch"]
    if not branches or not measures:
        return None
    sums = subtree_tallies(units, own_figures(sections))
    rows = [[b.code, b.name, *(sums[b.id][m.code].shown(m.kind) for m in measures)] for b in branches]
    columns = [RollupColumn(translate("Reports", "Branch")), RollupColumn(translate("Reports", "Name")),
               *(_measure_column(m) for m in measures)]
    charts = [RollupChart("bar", m.label, 1, (index + 2,)) for index, m in enumerate(measures) if m.chart]
    return Sheet(translate("Reports", "Branches"), sheet_columns(columns), rows, autofilter=True, charts=charts)


def section_sheet(section: RollupSection, zone):
    from app.reports.workbook import Sheet, sheet_columns

    return Sheet(section.title, sheet_columns([_column(c) for c in section.columns]), section.rows, zone=zone,
                 autofilter=True, charts=list(section.charts))


def meta_sheet(ctx, period: Period, org_code: str | None, zone):
    from app.reports.workbook import Sheet, sheet_columns

    rows = [
        (translate("Reports", "Period"), period.label),
        (translate("Reports", "From"), period.start),
        (translate("Reports", "To (inclusive)"), period.end - timedelta(days=1)),
        (translate("Reports", "Org unit"), (org_code or "").upper() or translate("Reports", "Everything the reader may see")),
        (translate("Reports", "Read by"), ctx.actor.label),
        (translate("Reports", "Source database"), source_database(ctx)),
        (translate("Reports", "Generated at"), utcnow()),
        (translate("Reports", "Time zone"), str(zone)),
        (translate("Reports", "Application version"), __version__),
    ]
    return Sheet(translate("Reports", "Meta"), sheet_columns([RollupColumn(translate("Reports", "Item")),
                                                              RollupColumn(translate("Reports", "Value"))]),
                 rows, zone=zone, fit=True)


def source_database(ctx) -> str:
    """The database the figures come from, without any password."""
    url = ctx.engine.url
    return url.render_as_string(hide_password=True) if url.password else str(url)

