"""Satisfaction as sheets of the HQ rollup: the mean satisfaction and the share of "solved"
answers per unit and month, per engineer, and per category and month, in what the reader sees
(below ``org_code`` when given). The days are counted on the clock of the unit the rollup
covers, as every rollup sheet counts them. The unit sheet also hands the two figures per unit
to the rollup's summary (``measures`` / ``figures``: each unit's own, the core adds them up)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_scope
from app.reports.period import Period
from app.reports.rollup import period_zone
from app.specs import Measure, RollupChart, RollupColumn, RollupSection, UnitFigure
from plugins.visits.models import FollowUpCall
from plugins.visits.satisfaction import Tally, category_labels, category_name, engineer_names, no_engineer, tallies
from plugins.visits.scorecard_weights import SATISFACTION, SOLVED, measure_label


def rollup_sections(ctx, period: Period, org_code: str | None) -> list[RollupSection]:
    actor = ctx.actor
    with ctx.reading() as session:
        zone = period_zone(session, actor, org_code)
        scope = [org_scope(actor, FollowUpCall.org_id)]
        if org_code:
            path = session.scalar(select(OrgUnit.path).where(OrgUnit.code == org_code.strip().upper()))
            scope.append(FollowUpCall.org_id.in_(select(OrgUnit.id).where(OrgUnit.path.startswith(path))))
        start, end = period.bounds_utc(zone)
        whole = scope + [FollowUpCall.called_at >= start, FollowUpCall.called_at < end]
        units = _unit_rows(session, period, zone, scope)
        figures = _unit_figures(tallies(session, [FollowUpCall.org_id], whole))
        engineers = _engineer_rows(session, whole)
        categories = _category_rows(session, period, zone, scope, category_labels(ctx.hook))
        trend = _trend_rows(session, period, zone, scope)
    shown = [RollupColumn(translate("Visits", "Answers"), "count"),
             RollupColumn(translate("Visits", "Mean satisfaction"), "decimal"),
             RollupColumn(translate("Visits", "Solved answers"), "percent")]
    unit = [RollupColumn(translate("Visits", "Org code")), RollupColumn(translate("Visits", "Org unit"))]
    measures = (Measure(SATISFACTION, measure_label(SATISFACTION), "mean"),
                Measure(SOLVED, measure_label(SOLVED), "share"))
    return [
        RollupSection(translate("Visits", "Satisfaction trend"), [RollupColumn(translate("Visits", "Month")), *shown],
                      trend, charts=[RollupChart("line", translate("Visits", "Mean satisfaction by month"), 0, (2,)),
                                     RollupChart("line", translate("Visits", "Solved answers by month"), 0, (3,))]),
        RollupSection(translate("Visits", "Satisfaction by unit and month"),
                      [*unit, RollupColumn(translate("Visits", "Month")), *shown], units, measures, figures),
        RollupSection(translate("Visits", "Satisfaction by engineer"),
                      [*unit, RollupColumn(translate("Visits", "Engineer")), *shown], engineers),
        RollupSection(translate("Visits", "Satisfaction by category and month"),
                      [RollupColumn(translate("Visits", "Month")), RollupColumn(translate("Visits", "Category")),
                       *shown], categories),
    ]


def _shown(tally: Tally) -> tuple:
    """Answers, the mean to two decimals, the solved share (0–1)."""
    return tally.answers, None if tally.mean is None else round(tally.mean, 2), tally.solved_share


def _unit_figures(rows: list[tuple]) -> list[UnitFigure]:
    figures = []
    for org_id, tally in rows:
        if tally.answers:
            figures.append(UnitFigure(SATISFACTION, org_id, tally.score_sum, tally.answers))
        if tally.solved_answers:
            figures.append(UnitFigure(SOLVED, org_id, tally.solved, tally.solved_answers))
    return figures


def _units(session: Session, ids) -> dict[uuid.UUID, OrgUnit]:
    return {u.id: u for u in session.scalars(select(OrgUnit).where(OrgUnit.id.in_(set(ids))))}


def _unit_rows(session: Session, period: Period, zone, scope: list) -> list[tuple]:
    found = []
    for month in period.months():
        start, end = month.bounds_utc(zone)
        when = [FollowUpCall.called_at >= start, FollowUpCall.called_at < end]
        found += [(org_id, month.label, tally) for org_id, tally in tallies(session, [FollowUpCall.org_id],
                                                                           scope + when)]
    units = _units(session, (org_id for org_id, _, _ in found))
    found.sort(key=lambda r: (units[r[0]].path, r[1]))
    return [(units[o].code, units[o].name, label, *_shown(tally)) for o, label, tally in found]


def _engineer_rows(session: Session, whole: list) -> list[tuple]:
    rows = tallies(session, [FollowUpCall.org_id, FollowUpCall.engineer_id], whole)
    units = _units(session, (r[0] for r in rows))
    names = engineer_names(session, (r[1] for r in rows))
    lines = [(units[o].path, units[o].code, units[o].name, names.get(e, no_engineer()), *_shown(tally))
             for o, e, tally in rows]
    return [line[1:] for line in sorted(lines, key=lambda line: line[:4])]


def _category_rows(session: Session, period: Period, zone, scope: list, labels: dict[str, str]) -> list[tuple]:
    rows = []
    for month in period.months():
        start, end = month.bounds_utc(zone)
        found = tallies(session, [FollowUpCall.category],
                        scope + [FollowUpCall.called_at >= start, FollowUpCall.called_at < end])
        rows += sorted(((month.label, category_name(labels, c), *_shown(tally)) for c, tally in found),
                       key=lambda row: row[:2])
    return rows


def _trend_rows(session: Session, period: Period, zone, scope: list) -> list[tuple]:
    """Every month of the period, with or without answers, for the whole scope: the trend line."""
    rows = []
    for month in period.months():
        start, end = month.bounds_utc(zone)
        found = tallies(session, [], scope + [FollowUpCall.called_at >= start, FollowUpCall.called_at < end])
        tally = found[0][-1] if found else Tally(0, 0, 0, 0)
        rows.append((month.label, *_shown(tally)))
    return rows
