"""The network's figures per org unit, added up the tree: the rollup's Summary sheet and the
dashboards read the same numbers from here. No Qt, no openpyxl.

Plugins report each unit's own work (``RollupSection.measures`` and ``figures``); a unit's
figure for its subtree is the sum over the units below it and itself. Shares and means are
added as their two halves (met and due, points and answers), never as averages of averages.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_scope
from app.orgs.tree import is_within, lineage_ids
from app.specs import Measure, RollupSection

TIERS = ("hq", "branch", "partner")


def tier_label(tier: str) -> str:
    return {"hq": translate("Reports", "HQ"), "branch": translate("Reports", "Branch"),
            "partner": translate("Reports", "Partner")}.get(tier, tier)


@dataclass(frozen=True)
class Unit:
    id: uuid.UUID
    code: str
    name: str
    tier: str
    path: str
    depth: int


@dataclass
class Tally:
    """One measure summed over some units: ``value`` and ``base`` (None: no base reported)."""

    value: float = 0.0
    base: float | None = None
    reported: bool = False

    def add(self, value: float, base: float | None) -> None:
        self.value += value or 0
        if base is not None:
            self.base = (self.base or 0) + base
        self.reported = True

    def shown(self, kind: str) -> float | None:
        """The figure as a reader sees it: a count or sum, or a share / mean (None without a base)."""
        if kind in ("share", "mean"):
            return self.value / self.base if self.base else None
        return self.value if self.reported else 0


@dataclass(frozen=True)
class SummaryLine:
    """A row of the Summary: a unit (its own work), a tier's subtotal or the network total."""

    label: str            # the unit's code, or "Subtotal: Branch" / "Network total"
    name: str
    tier: str
    kind: str             # unit | subtotal | total
    values: tuple         # one shown figure per measure, in the order of ``Summary.measures``


@dataclass(frozen=True)
class Summary:
    measures: tuple[Measure, ...]
    lines: tuple[SummaryLine, ...]


def measures_of(sections: Iterable[RollupSection]) -> tuple[Measure, ...]:
    seen: dict[str, Measure] = {}
    for section in sections:
        for measure in section.measures:
            seen.setdefault(measure.code, measure)
    return tuple(seen.values())


def own_figures(sections: Iterable[RollupSection]) -> dict[tuple[uuid.UUID, str], Tally]:
    """Each unit's own figure per measure, as the plugins reported them."""
    tallies: dict[tuple[uuid.UUID, str], Tally] = defaultdict(Tally)
    for section in sections:
        for figure in section.figures:
            tallies[(figure.org_id, figure.measure)].add(figure.value, figure.base)
    return tallies


def units_covered(session: Session, actor: Actor, org_code: str | None) -> list[Unit]:
    """The units the rollup covers (the reader's scope, under ``org_code`` when given), in tree order:
    HQ, each branch followed by its partners."""
    stmt = select(OrgUnit).where(org_scope(actor, OrgUnit.id), OrgUnit.deleted_at.is_(None))
    units = [Unit(u.id, u.code, u.name, u.tier, u.path, u.path.count("/") - 2)
             for u in session.scalars(stmt.order_by(OrgUnit.path))]
    if org_code:
        root = next((u for u in units if u.code == org_code.strip().upper()), None)
        units = [u for u in units if root is not None and is_within(u.path, root.path)]
    return units


def subtree_tallies(units: Sequence[Unit], tallies: dict) -> dict[uuid.UUID, dict[str, Tally]]:
    """Per unit and measure, the sum over the unit and every unit below it among ``units``: each
    unit's own figure is added to itself and its ancestors, one pass however many units."""
    covered = {unit.id for unit in units}
    # Each unit's walk up the tree once, not once per measure (a walk derives an id per level).
    lineages = {unit.id: [a for a in lineage_ids(unit.path) if a in covered] for unit in units}
    sums: dict[uuid.UUID, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for (org_id, measure), own in tallies.items():
        for ancestor in lineages.get(org_id, ()):  # none beyond the units covered or the reader's sight
            sums[ancestor][measure].add(own.value, own.base)
    return sums


def own_tallies(tallies: dict, org_id: uuid.UUID) -> dict[str, Tally]:
    """One unit's own figures per measure."""
    return {measure: tally for (unit_id, measure), tally in tallies.items() if unit_id == org_id}


def build_summary(units: Sequence[Unit], sections: Sequence[RollupSection]) -> Summary:
    """One line per unit (its own work), a subtotal per tier present, and the network total."""
    measures = measures_of(sections)
    tallies = own_figures(sections)
    lines = []
    for unit in units:
        values = tuple(tallies.get((unit.id, m.code), Tally()).shown(m.kind) for m in measures)
        lines.append(SummaryLine(unit.code, unit.name, unit.tier, "unit", values))
    for tier in TIERS:
        members = [u for u in units if u.tier == tier]
        if members:
            lines.append(SummaryLine(translate("Reports", "Subtotal"), tier_label(tier), tier, "subtotal",
                                     _summed(members, tallies, measures)))
    lines.append(SummaryLine(translate("Reports", "Network total"), "", "", "total",
                             _summed(units, tallies, measures)))
    return Summary(measures, tuple(lines))


def _summed(units: Sequence[Unit], tallies: dict, measures: Sequence[Measure]) -> tuple:
    values = []
    for measure in measures:
        total = Tally()
        for unit in units:
            own = tallies.get((unit.id, measure.code))
            if own is not None:
                total.add(own.value, own.base)
        values.append(total.shown(measure.kind))
    return tuple(values)
