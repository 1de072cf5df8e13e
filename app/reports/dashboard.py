"""The dashboards' figures (no Qt): for a period and a chosen org unit, one row per unit one level
below it, the unit's own work and its whole subtree, for every measure the rollup sections bring.

The numbers are the workbook's: the same sections (``collect_sections``) added up the tree the
same way (``app.reports.summary``), so a branch's row here equals its row on the Branches sheet.

    figures = dashboard_figures(ctx, parse_period("2026Q3"), org_id=None)   # the reader's own unit
    for row in figures.rows: row.code, row.values      # one shown figure per ``figures.measures``
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from app.core_plugin import DASHBOARD_VIEW
from app.errors import UserError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import can_see, visible_unit
from app.orgs.tree import child_path, lineage_ids
from app.reports.period import Period
from app.reports.rollup import collect_sections
from app.reports.summary import Tally, Unit, measures_of, own_figures, own_tallies, subtree_tallies, units_covered
from app.specs import Measure

CHILD, OWN, TOTAL = "child", "own", "total"


@dataclass(frozen=True)
class DashboardRow:
    """A line of the dashboard: a unit below the chosen one (its whole subtree), the chosen unit's
    own work, or the chosen unit's total. ``values``: one shown figure per measure (a count or sum,
    a share as a fraction 0–1, a mean; None where a share or mean has nothing to divide by)."""

    kind: str
    org_id: uuid.UUID
    code: str
    name: str
    tier: str
    values: tuple

    @property
    def drillable(self) -> bool:
        return self.kind == CHILD


@dataclass(frozen=True)
class DashboardFigures:
    period: Period
    unit: Unit                          # the chosen unit
    up_id: uuid.UUID | None             # the unit above it, if the reader may see it
    measures: tuple[Measure, ...]
    rows: tuple[DashboardRow, ...]      # the units below, in tree order, then own work, then the total

    @property
    def children(self) -> tuple[DashboardRow, ...]:
        return tuple(row for row in self.rows if row.kind == CHILD)

    @property
    def total(self) -> DashboardRow:
        return next(row for row in self.rows if row.kind == TOTAL)

    @property
    def charted(self) -> tuple[Measure, ...]:
        return tuple(m for m in self.measures if m.chart)

    def bars(self) -> tuple[DashboardRow, ...]:
        """What a chart draws a bar for: each unit below, or the unit itself when none is."""
        return self.children or tuple(row for row in self.rows if row.kind == OWN)

    def own_and_below(self) -> tuple[DashboardRow, ...]:
        """The unit's own work, then each unit below it."""
        return (*(row for row in self.rows if row.kind == OWN), *self.children)

    def column(self, measure: Measure, rows: tuple[DashboardRow, ...]) -> list:
        index = self.measures.index(measure)
        return [row.values[index] for row in rows]


def dashboard_figures(ctx, period: Period, org_id: uuid.UUID | None = None,
                      cancelled: Callable[[], bool] = lambda: False) -> DashboardFigures:
    """The figures of ``org_id`` (the reader's own unit without one) for ``period``. A unit outside
    what the reader may see is refused; ``cancelled()`` answering True stops between the steps."""
    actor = ctx.actor
    actor.require(DASHBOARD_VIEW)
    with ctx.reading() as session:
        chosen = visible_unit(session, actor, org_id)
        units = units_covered(session, actor, chosen.code)
        up_id = _unit_above(session, actor, chosen)
    _stop_if(cancelled)
    sections = collect_sections(ctx, period, chosen.code)
    _stop_if(cancelled)
    measures = measures_of(sections)
    unit = next(u for u in units if u.id == chosen.id)
    below = [u for u in units if u.path == child_path(unit.path, u.code)]
    figures = own_figures(sections)
    own, subtrees = own_tallies(figures, unit.id), subtree_tallies(units, figures)

    def row(kind: str, of: Unit, tallies: dict[str, Tally]) -> DashboardRow:
        return DashboardRow(kind, of.id, of.code, of.name, of.tier,
                            tuple(tallies.get(m.code, Tally()).shown(m.kind) for m in measures))

    rows = [row(CHILD, child, subtrees[child.id]) for child in below]
    rows += [row(OWN, unit, own), row(TOTAL, unit, subtrees[unit.id])]
    return DashboardFigures(period, unit, up_id, measures, tuple(rows))


def _unit_above(session, actor, unit) -> uuid.UUID | None:
    lineage = lineage_ids(unit.path)
    if len(lineage) < 2:
        return None
    parent = session.get(OrgUnit, lineage[1])
    return parent.id if parent is not None and parent.deleted_at is None and can_see(actor, parent) else None


def _stop_if(cancelled: Callable[[], bool]) -> None:
    if cancelled():
        raise UserError(translate("Reports", "Cancelled."))
