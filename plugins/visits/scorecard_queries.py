"""The visits' own scorecard figures, one GROUP BY per measure over the units chosen, each
period day counted on its unit's clock. A figure whose ``user_id`` is None is the unit's and
no one's (a call nobody made in time, an action on a case without an engineer): it counts in
the unit's roll-up, not in a person's line.

    visits.satisfaction        reached calls completed in the period: sum of scores (count) of
                               answers (base), per engineer of the case
    visits.solved              the same calls: "solved" answers of yes/no answers
    visits.follow_ups_on_time  calls completed in the period by the person, done by their due
                               time (count) of all completed (base); the unit's overdue calls
                               (due in the period, still open) add to its base
    visits.visits_done         quarterly visits done (count) of those planned (base) for the
                               assignee, in the plans of the quarters lying inside the period
    visits.inspections_done    inspections due in the period done (count) of those due (base)
                               by their engineer; one not done counts once its day has passed
    visits.corrective_open     corrective actions open at the period's end, per engineer
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from app.reports.period import Period
from app.reports.unit_windows import UnitWindow, before_end, before_today, days_in_period, in_window
from plugins.visits.call_models import CorrectiveAction
from plugins.visits.inspection_models import Inspection
from plugins.visits.models import FollowUpCall
from plugins.visits.plan_models import PlannedVisit, VisitPlan
from plugins.visits.scorecard_weights import (ACTIONS_OPEN, FOLLOW_UPS, INSPECTIONS, SATISFACTION, SOLVED,
                                              VISITS)

COMPLETED = ("done", "unreachable")


@dataclass(frozen=True)
class Figure:
    measure: str
    user_id: uuid.UUID | None
    org_id: uuid.UUID
    count: int
    base: int | None = None


def visits_figures(session: Session, windows: list[UnitWindow], period: Period, now: datetime) -> list[Figure]:
    if not windows:
        return []
    return [*satisfaction_figures(session, windows), *follow_up_figures(session, windows, now),
            *visit_plan_figures(session, windows, period), *inspection_figures(session, windows, period, now),
            *open_action_figures(session, windows)]


def _yes(condition):
    return func.sum(case((condition, 1), else_=0))


def satisfaction_figures(session: Session, windows: list[UnitWindow]) -> list[Figure]:
    call = FollowUpCall
    stmt = (select(call.engineer_id, call.org_id, func.sum(call.satisfaction), func.count(call.satisfaction),
                   _yes(call.solved.is_(True)), func.count(call.solved))
            .where(call.state == "done", call.deleted_at.is_(None), in_window(windows, call.org_id, call.called_at))
            .group_by(call.engineer_id, call.org_id))
    figures = []
    for user_id, org_id, score_sum, answers, solved, solved_answers in session.execute(stmt):
        if answers:
            figures.append(Figure(SATISFACTION, user_id, org_id, int(score_sum or 0), int(answers)))
        if solved_answers:
            figures.append(Figure(SOLVED, user_id, org_id, int(solved or 0), int(solved_answers)))
    return figures


def follow_up_figures(session: Session, windows: list[UnitWindow], now: datetime) -> list[Figure]:
    call = FollowUpCall
    completed = (select(call.called_by, call.org_id, _yes(call.called_at <= call.due_at), func.count())
                 .where(call.state.in_(COMPLETED), call.deleted_at.is_(None),
                        in_window(windows, call.org_id, call.called_at))
                 .group_by(call.called_by, call.org_id))
    overdue = (select(call.org_id, func.count())
               .where(call.state == "due", call.deleted_at.is_(None), call.due_at < now,
                      in_window(windows, call.org_id, call.due_at))
               .group_by(call.org_id))
    return ([Figure(FOLLOW_UPS, user_id, org_id, int(on_time or 0), int(base))
             for user_id, org_id, on_time, base in session.execute(completed)]
            + [Figure(FOLLOW_UPS, None, org_id, 0, int(base)) for org_id, base in session.execute(overdue)])


def quarters_inside(period: Period) -> list[str]:
    """The labels of the quarters whose days all lie in the period (``2026Q1`` … for ``2026``)."""
    labels, quarter = [], Period.quarter_of(period.start)
    while quarter.start < period.end:
        if quarter.start >= period.start and quarter.end <= period.end:
            labels.append(quarter.label)
        quarter = Period.quarter_of(quarter.end)
    return labels


def visit_plan_figures(session: Session, windows: list[UnitWindow], period: Period) -> list[Figure]:
    quarters = quarters_inside(period)
    if not quarters:
        return []
    visit = PlannedVisit
    org_ids = [org_id for w in windows for org_id in w.org_ids]
    stmt = (select(visit.assignee_id, visit.org_id, _yes(visit.state == "done"), func.count())
            .join(VisitPlan, VisitPlan.id == visit.plan_id)
            .where(VisitPlan.quarter.in_(quarters), VisitPlan.deleted_at.is_(None), visit.deleted_at.is_(None),
                   visit.state != "cancelled", visit.org_id.in_(org_ids))
            .group_by(visit.assignee_id, visit.org_id))
    return [Figure(VISITS, user_id, org_id, int(done or 0), int(planned)) for user_id, org_id, done, planned
            in session.execute(stmt)]


def inspection_figures(session: Session, windows: list[UnitWindow], period: Period, now: datetime) -> list[Figure]:
    done = Inspection.done_on.is_not(None)
    stmt = (select(Inspection.engineer_id, Inspection.org_id, _yes(done), func.count())
            .where(Inspection.deleted_at.is_(None),
                   days_in_period(windows, Inspection.org_id, Inspection.due_on, period),
                   or_(done, before_today(windows, Inspection.org_id, Inspection.due_on, now)))
            .group_by(Inspection.engineer_id, Inspection.org_id))
    return [Figure(INSPECTIONS, user_id, org_id, int(count or 0), int(due)) for user_id, org_id, count, due
            in session.execute(stmt)]


def open_action_figures(session: Session, windows: list[UnitWindow]) -> list[Figure]:
    action = CorrectiveAction
    stmt = (select(action.engineer_id, action.org_id, func.count())
            .where(action.deleted_at.is_(None), before_end(windows, action.org_id, action.opened_at),
                   or_(action.closed_at.is_(None), ~before_end(windows, action.org_id, action.closed_at)))
            .group_by(action.engineer_id, action.org_id))
    return [Figure(ACTIONS_OPEN, user_id, org_id, int(count)) for user_id, org_id, count in session.execute(stmt)]

