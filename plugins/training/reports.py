"""Trained hours and exam pass rate per org unit and period, for the HQ rollup (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import NotFound
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.specs import RollupSection
from plugins.training.models import Course, Enrolment, TrainingSession
from plugins.training.courses import scoped


@dataclass(frozen=True)
class UnitTraining:
    org_code: str
    org_name: str
    engineers_trained: int
    trained_hours: int
    exams: int
    passes: int

    @property
    def pass_rate(self) -> float | None:
        return round(self.passes / self.exams, 4) if self.exams else None


def training_by_unit(session: Session, actor: Actor, period: Period,
                     org_code: str | None = None) -> list[UnitTraining]:
    """Per engineer's org unit: attended hours and exams of sessions that ended within the period
    (a session's last day is a calendar day of its own unit, so no zone is involved)."""
    start, end = period.start, period.end
    attended = Enrolment.attended.is_(True)
    stmt = (select(OrgUnit.code, OrgUnit.name,
                   func.count(func.distinct(case((attended, Enrolment.engineer_id)))),
                   func.coalesce(func.sum(case((attended, Course.hours), else_=0)), 0),
                   func.count(Enrolment.score),
                   func.coalesce(func.sum(case((Enrolment.passed.is_(True), 1), else_=0)), 0))
            .select_from(Enrolment).join(TrainingSession, TrainingSession.id == Enrolment.session_id)
            .join(Course, Course.id == TrainingSession.course_id).join(OrgUnit, OrgUnit.id == Enrolment.org_id)
            .where(scoped(actor, Enrolment.org_id), Enrolment.state == "enrolled",
                   TrainingSession.ends_on >= start, TrainingSession.ends_on < end, Enrolment.deleted_at.is_(None))
            .group_by(OrgUnit.code, OrgUnit.name, OrgUnit.path).order_by(OrgUnit.path))
    if org_code:
        root = session.scalar(select(OrgUnit).where(OrgUnit.code == org_code.strip().upper()))
        if root is None:
            raise NotFound(translate("Training", "No org unit with the code {code}.").format(code=org_code))
        stmt = stmt.where(OrgUnit.path.startswith(root.path))
    return [UnitTraining(code, name, int(engineers), int(hours), int(exams), int(passes))
            for code, name, engineers, hours, exams, passes in session.execute(stmt)]


def rollup_sections(session: Session, actor: Actor, period: Period, org_code: str | None) -> list[RollupSection]:
    units = training_by_unit(session, actor, period, org_code)
    columns = [translate("Training", "Org unit"), translate("Training", "Name"),
               translate("Training", "Engineers trained"), translate("Training", "Trained hours"),
               translate("Training", "Exams"), translate("Training", "Passed"), translate("Training", "Pass rate")]
    rows = [(u.org_code, u.org_name, u.engineers_trained, u.trained_hours, u.exams, u.passes, u.pass_rate)
            for u in units]
    return [RollupSection(translate("Training", "Training {period}").format(period=period.label),
                          columns, rows)]
