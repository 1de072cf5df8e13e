"""Trained hours and exam pass rate per org unit and period, for the HQ rollup (no Qt).

    trained hours   the course's hours × each engineer of the unit who attended a session that
                    ended in the period (a session's last day is a day of the unit holding it,
                    so no time zone is involved); cancelled sessions and enrolments aside
    pass rate       exams passed out of exams scored, in those sessions
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import NotFound
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.reports.summary import units_covered
from app.specs import Measure, RollupColumn, RollupSection, UnitFigure
from plugins.training.models import Course, Enrolment, TrainingSession
from plugins.training.courses import scoped


@dataclass(frozen=True)
class UnitTraining:
    org_id: uuid.UUID
    org_code: str
    org_name: str
    engineers_trained: int
    trained_hours: int
    exams: int
    passes: int

    @property
    def pass_rate(self) -> float | None:
        return self.passes / self.exams if self.exams else None


def training_by_unit(session: Session, actor: Actor, period: Period,
                     org_code: str | None = None) -> list[UnitTraining]:
    """Per engineer's org unit: attended hours and exams of sessions that ended within the period
    (a session's last day is a calendar day of its own unit, so no zone is involved)."""
    start, end = period.start, period.end
    attended = Enrolment.attended.is_(True)
    stmt = (select(OrgUnit.id, OrgUnit.code, OrgUnit.name,
                   func.count(func.distinct(case((attended, Enrolment.engineer_id)))),
                   func.coalesce(func.sum(case((attended, Course.hours), else_=0)), 0),
                   func.count(Enrolment.score),
                   func.coalesce(func.sum(case((Enrolment.passed.is_(True), 1), else_=0)), 0))
            .select_from(Enrolment).join(TrainingSession, TrainingSession.id == Enrolment.session_id)
            .join(Course, Course.id == TrainingSession.course_id).join(OrgUnit, OrgUnit.id == Enrolment.org_id)
            .where(scoped(actor, Enrolment.org_id), Enrolment.state == "enrolled", Enrolment.deleted_at.is_(None),
                   TrainingSession.cancelled.is_(False), TrainingSession.ends_on >= start,
                   TrainingSession.ends_on < end)
            .group_by(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.path).order_by(OrgUnit.path))
    if org_code:
        root = session.scalar(select(OrgUnit).where(OrgUnit.code == org_code.strip().upper()))
        if root is None:
            raise NotFound(translate("Training", "No org unit with the code {code}.").format(code=org_code))
        stmt = stmt.where(OrgUnit.path.startswith(root.path))
    return [UnitTraining(org_id, code, name, int(engineers), int(hours), int(exams), int(passes))
            for org_id, code, name, engineers, hours, exams, passes in session.execute(stmt)]


def rollup_sections(session: Session, actor: Actor, period: Period, org_code: str | None) -> list[RollupSection]:
    """One row per org unit the reader may see (zeros where nobody trained), and the units'
    trained hours and pass rate for the Summary."""
    units = units_covered(session, actor, org_code)
    found = {u.org_id: u for u in training_by_unit(session, actor, period, org_code)}
    hours = Measure("training.hours", translate("Training", "Trained hours"))
    pass_rate = Measure("training.pass_rate", translate("Training", "Exam pass rate"), "share")
    columns = [RollupColumn(translate("Training", "Org code")), RollupColumn(translate("Training", "Org unit")),
               RollupColumn(translate("Training", "Engineers trained"), "count"),
               RollupColumn(hours.label, "count"), RollupColumn(translate("Training", "Exams"), "count"),
               RollupColumn(translate("Training", "Passed"), "count"), RollupColumn(pass_rate.label, "percent")]
    rows, figures = [], []
    for unit in units:
        t = found.get(unit.id) or UnitTraining(unit.id, unit.code, unit.name, 0, 0, 0, 0)
        rows.append((unit.code, unit.name, t.engineers_trained, t.trained_hours, t.exams, t.passes, t.pass_rate))
        figures += [UnitFigure(hours.code, unit.id, t.trained_hours),
                    UnitFigure(pass_rate.code, unit.id, t.passes, t.exams)]
    return [RollupSection(translate("Training", "Training by unit"), columns, rows, measures=[hours, pass_rate],
                          figures=figures)]
