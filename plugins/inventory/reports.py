"""The inventory's sheets of the HQ rollup (no Qt), for a reader the door let in: one row per org
unit the reader may see (its own figures, zeros where nothing happened) and per depot of those
units, and the units' figures for the Summary sheet.

    hit rate          part requests of the unit's dispatched tickets in the period (cancelled ones
                      aside) served from the unit's own stock, out of all of them
    stock value       good stock on hand at the period's end × the part's catalog cost, from the
                      ledger (so HQ's copy of a branch's ledger gives the branch's own figure)
    defective returns faulty parts that came back from customers into the unit's depots

Each unit's days are counted on its own clock. Three queries whatever the number of units.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.reports.period import Period
from app.reports.summary import Unit, units_covered
from app.reports.unit_windows import UnitWindow, before_end, in_window, unit_windows
from app.specs import Measure, RollupColumn, RollupSection, UnitFigure
from plugins.inventory.models import Depot, Movement, Part, PartRequest

CENT = Decimal("0.01")


@dataclass
class Tally:
    """Requests and hits, stock value and defective returns of one unit or one depot."""

    requests: int = 0
    hits: int = 0
    value: Decimal = Decimal("0.00")
    defective_returns: int = 0

    @property
    def hit_rate(self) -> float | None:
        return self.hits / self.requests if self.requests else None


@dataclass
class Figures:
    units: dict[uuid.UUID, Tally] = field(default_factory=dict)
    depots: dict[uuid.UUID, Tally] = field(default_factory=dict)


def rollup_sections(ctx, period: Period, org_code: str | None) -> list[RollupSection]:
    with ctx.reading() as session:
        units = units_covered(session, ctx.actor, org_code)
        figures = inventory_figures(session, [u.id for u in units], period)
        depots = session.scalars(select(Depot).where(Depot.id.in_(list(figures.depots)))).all()
    codes = {u.id: u.code for u in units}
    order = {u.id: index for index, u in enumerate(units)}
    depots = sorted(depots, key=lambda d: (order[d.org_id], d.code))
    return [unit_section(units, figures), depot_section(depots, codes, figures)]


def inventory_figures(session: Session, org_ids: Sequence[uuid.UUID], period: Period) -> Figures:
    """Every unit of ``org_ids`` and every depot they own, with zeros where nothing happened."""
    figures = Figures({org_id: Tally() for org_id in org_ids})
    if not org_ids:
        return figures
    for depot_id in session.scalars(select(Depot.id).where(Depot.org_id.in_(list(org_ids)),
                                                           Depot.deleted_at.is_(None))):
        figures.depots[depot_id] = Tally()
    windows = unit_windows(session, org_ids, period)
    _requests(session, windows, figures)
    _stock_value(session, windows, figures)
    _defective_returns(session, windows, figures)
    return figures


def _requests(session: Session, windows: list[UnitWindow], figures: Figures) -> None:
    stmt = (select(PartRequest.org_id, PartRequest.home_depot_id, func.count(),
                   func.sum(case((PartRequest.hit.is_(True), 1), else_=0)))
            .where(PartRequest.deleted_at.is_(None), PartRequest.state != "cancelled",
                   in_window(windows, PartRequest.org_id, PartRequest.requested_at))
            .group_by(PartRequest.org_id, PartRequest.home_depot_id))
    for org_id, depot_id, requests, hits in session.execute(stmt):
        for tally in (figures.units[org_id], figures.depots.get(depot_id)):
            if tally is not None:
                tally.requests += int(requests)
                tally.hits += int(hits or 0)


def _stock_value(session: Session, windows: list[UnitWindow], figures: Figures) -> None:
    """Each depot's good stock at the period's end on its unit's clock, valued at catalog cost."""
    stmt = (select(Movement.depot_id, Movement.org_id, func.sum(Movement.d_on_hand * Part.unit_cost))
            .join(Part, Part.id == Movement.part_id)
            .where(Movement.deleted_at.is_(None), before_end(windows, Movement.org_id, Movement.at))
            .group_by(Movement.depot_id, Movement.org_id))
    for depot_id, org_id, value in session.execute(stmt):
        amount = Decimal(str(value or 0)).quantize(CENT)
        figures.units[org_id].value += amount
        if depot_id in figures.depots:
            figures.depots[depot_id].value += amount


def _defective_returns(session: Session, windows: list[UnitWindow], figures: Figures) -> None:
    stmt = (select(Movement.depot_id, Movement.org_id, func.sum(Movement.quantity))
            .where(Movement.deleted_at.is_(None), Movement.kind == "return_defective",
                   in_window(windows, Movement.org_id, Movement.at))
            .group_by(Movement.depot_id, Movement.org_id))
    returned: Counter = Counter()
    for depot_id, org_id, quantity in session.execute(stmt):
        figures.units[org_id].defective_returns += int(quantity or 0)
        returned[depot_id] += int(quantity or 0)
    for depot_id, quantity in returned.items():
        if depot_id in figures.depots:
            figures.depots[depot_id].defective_returns = quantity


def inventory_measures() -> dict[str, Measure]:
    return {"hit_rate": Measure("inventory.hit_rate", translate("Inventory", "Spare hit rate"), "share",
                                chart=True),
            "value": Measure("inventory.stock_value", translate("Inventory", "Stock value (CNY)"), "money"),
            "returns": Measure("inventory.defective_returns", translate("Inventory", "Defective parts returned"))}


def _figure_columns(measures: dict[str, Measure]) -> list[RollupColumn]:
    return [RollupColumn(translate("Inventory", "Part requests"), "count"),
            RollupColumn(translate("Inventory", "Served from own stock"), "count"),
            RollupColumn(measures["hit_rate"].label, "percent"), RollupColumn(measures["value"].label, "money"),
            RollupColumn(measures["returns"].label, "count")]


def _figure_values(tally: Tally) -> tuple:
    return tally.requests, tally.hits, tally.hit_rate, tally.value, tally.defective_returns


def unit_section(units: Sequence[Unit], figures: Figures) -> RollupSection:
    measures = inventory_measures()
    unit_figures = []
    for unit in units:
        tally = figures.units[unit.id]
        unit_figures += [UnitFigure(measures["hit_rate"].code, unit.id, tally.hits, tally.requests),
                         UnitFigure(measures["value"].code, unit.id, float(tally.value)),
                         UnitFigure(measures["returns"].code, unit.id, tally.defective_returns)]
    columns = [RollupColumn(translate("Inventory", "Org code")), RollupColumn(translate("Inventory", "Org unit")),
               *_figure_columns(measures)]
    rows = [(u.code, u.name, *_figure_values(figures.units[u.id])) for u in units]
    return RollupSection(translate("Inventory", "Spare parts by unit"), columns, rows,
                         measures=list(measures.values()), figures=unit_figures)


def depot_section(depots: Sequence[Depot], org_codes: dict, figures: Figures) -> RollupSection:
    columns = [RollupColumn(translate("Inventory", "Depot")), RollupColumn(translate("Inventory", "Name")),
               RollupColumn(translate("Inventory", "Org code")),
               *_figure_columns(inventory_measures())]
    rows = [(d.code, d.name, org_codes[d.org_id], *_figure_values(figures.depots[d.id]))
            for d in depots]
    return RollupSection(translate("Inventory", "Spare parts by depot"), columns, rows)
