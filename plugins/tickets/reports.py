"""The tickets' sheets of the HQ rollup (no Qt): one row per org unit the reader may see (its
own work, zeros where nothing happened), and the unit's figures for the Summary sheet.

    Tickets by unit              opened, closed, mean hours to respond / arrive / resolve,
                                 escalations to the branch, to HQ, expert consultations
    Commitments by unit          first response, on-site arrival, resolution: due, met, in time (%)
    Tickets opened by category   and by channel: a column per category / channel

How each figure is counted: ``read/rollup.py``; which commitments count: ``read/commitments.py``.
``COMMITMENT_TARGET`` is the share of commitments a unit is expected to keep: a share below it is
marked in the sheets and on the Summary.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Sequence

from app.i18n import translate
from app.reports.period import Period
from app.reports.summary import Unit, units_covered
from app.specs import Measure, RollupColumn, RollupSection, UnitFigure
from plugins.tickets.labels import category_label, channel_label
from plugins.tickets.models import CATEGORIES, CHANNELS
from plugins.tickets.permissions import VIEW
from plugins.tickets.read.commitments import TARGETS
from plugins.tickets.read.rollup import ESCALATIONS, STEPS, UnitTickets, unit_tickets

COMMITMENT_TARGET = 0.95  # the default service level: 95 % of commitments kept


def rollup_sections(ctx, period: Period, org_code: str | None) -> list[RollupSection]:
    actor = ctx.actor
    if actor is None or not actor.has(VIEW):
        return []
    with ctx.reading() as session:
        units = units_covered(session, actor, org_code)
        figures = unit_tickets(session, [u.id for u in units], period)
    measures = ticket_measures()
    return [unit_section(units, figures, measures), commitments_section(units, figures),
            counts_section(translate("Tickets", "Tickets opened by category"), units,
                           {u: f.by_category for u, f in figures.items()}, CATEGORIES, category_label),
            counts_section(translate("Tickets", "Tickets opened by channel"), units,
                           {u: f.by_channel for u, f in figures.items()}, CHANNELS, channel_label)]


def ticket_measures() -> dict[str, Measure]:
    """The figures the tickets add to the Summary, by the key ``unit_figures`` reads them under."""
    shares = {"response": translate("Tickets", "First response in time"),
              "onsite": translate("Tickets", "On-site arrival in time"),
              "resolution": translate("Tickets", "Resolution in time")}
    means = {"respond": translate("Tickets", "Mean hours to first response"),
             "arrive": translate("Tickets", "Mean hours to arrival on site"),
             "resolve": translate("Tickets", "Mean hours to resolution")}
    escalations = {"branch": translate("Tickets", "Escalated to the branch"),
                   "hq": translate("Tickets", "Escalated to HQ"),
                   "expert": translate("Tickets", "Expert consultations")}
    return {
        "opened": Measure("tickets.opened", translate("Tickets", "Tickets opened")),
        "closed": Measure("tickets.closed", translate("Tickets", "Tickets closed")),
        **{t: Measure(f"tickets.{t}_in_time", shares[t], "share", COMMITMENT_TARGET, chart=True) for t in TARGETS},
        **{s: Measure(f"tickets.hours_to_{s}", means[s], "mean") for s in STEPS},
        **{e: Measure(f"tickets.escalated_{e}", escalations[e]) for e in ESCALATIONS},
    }


def unit_figures(units: Sequence[Unit], figures: dict, measures: dict[str, Measure]) -> list[UnitFigure]:
    found = []
    for unit in units:
        f: UnitTickets = figures[unit.id]
        found += [UnitFigure(measures["opened"].code, unit.id, f.opened),
                  UnitFigure(measures["closed"].code, unit.id, f.closed)]
        found += [UnitFigure(measures[t].code, unit.id, f.met[t], f.due[t]) for t in TARGETS]
        found += [UnitFigure(measures[s].code, unit.id, f.hours(s), f.cases[s]) for s in STEPS]
        found += [UnitFigure(measures[e].code, unit.id, f.escalated[e]) for e in ESCALATIONS]
    return found


def _unit_columns() -> list[RollupColumn]:
    return [RollupColumn(translate("Tickets", "Org code")), RollupColumn(translate("Tickets", "Org unit"))]


def unit_section(units: Sequence[Unit], figures: dict, measures: dict[str, Measure]) -> RollupSection:
    shown = ["opened", "closed", *STEPS, *ESCALATIONS]
    columns = [*_unit_columns(), *(RollupColumn(measures[key].label, "hours" if key in STEPS else "count")
                                   for key in shown)]
    rows = []
    for unit in units:
        f: UnitTickets = figures[unit.id]
        rows.append((unit.code, unit.name, f.opened, f.closed, *(f.mean_hours(s) for s in STEPS),
                     *(f.escalated[e] for e in ESCALATIONS)))
    return RollupSection(translate("Tickets", "Tickets by unit"), columns, rows,
                         measures=list(measures.values()), figures=unit_figures(units, figures, measures))


def commitments_section(units: Sequence[Unit], figures: dict) -> RollupSection:
    titles = {"response": (translate("Tickets", "First responses due"), translate("Tickets", "First responses met"),
                           translate("Tickets", "First response in time")),
              "onsite": (translate("Tickets", "On-site arrivals due"), translate("Tickets", "On-site arrivals met"),
                         translate("Tickets", "On-site arrival in time")),
              "resolution": (translate("Tickets", "Resolutions due"), translate("Tickets", "Resolutions met"),
                             translate("Tickets", "Resolution in time"))}
    columns = _unit_columns()
    for target in TARGETS:
        due, met, share = titles[target]
        columns += [RollupColumn(due, "count"), RollupColumn(met, "count"),
                    RollupColumn(share, "percent", COMMITMENT_TARGET)]
    rows = []
    for unit in units:
        f: UnitTickets = figures[unit.id]
        rows.append((unit.code, unit.name,
                     *(value for t in TARGETS for value in (f.due[t], f.met[t], f.share_met(t)))))
    return RollupSection(translate("Tickets", "Commitments by unit"), columns, rows)


def counts_section(title: str, units: Sequence[Unit], counters: dict[uuid.UUID, Counter], codes: Sequence[str],
                   label: Callable[[str], str]) -> RollupSection:
    """Tickets opened per unit and code: a column per code, and the total."""
    columns = [*_unit_columns(), *(RollupColumn(label(code), "count") for code in codes),
               RollupColumn(translate("Tickets", "Total"), "count")]
    rows = [(unit.code, unit.name, *(counters[unit.id][code] for code in codes), sum(counters[unit.id].values()))
            for unit in units]
    return RollupSection(title, columns, rows)
