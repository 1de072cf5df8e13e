"""Trained hours and exam pass rate per org unit and period, for the HQ rollup (no Qt)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.specs import RollupSection
from plugins.training.models import Course, Enrolment, TrainingSession
from plugins.training.service import VIEW, scoped


def period_bounds(period: str) -> tuple[date, date]:
    """``2026Q3`` → (2026-07-01, 2026-10-01); also ``2026-07`` (a month) and ``2026`` (a year). End excluded."""
    text = period.strip().upper()
    if match := re.fullmatch(r"(\d{4})Q([1-4])", text):
        year, quarter = int(match[1]), int(match[2])
        start = date(year, 3 * quarter - 2, 1)
        return start, date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return date(year, month, 1), date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1), date(int(text) + 1, 1, 1)
    raise ValidationError(translate("Training", "Unknown period “{period}”: use e.g. 2026Q3, 2026-07 or 2026.").format(
        period=period), field="period")


def quarter_of(day: date) -> str:
    """The period code of the quarter holding ``day``, e.g. ``2026Q3``."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


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


def training_by_unit(session: Session, actor: Actor, period: str, org_code: str | None = None) -> list[UnitTraining]:
    """Per engineer's org unit: attended hours and exams of sessions that ended within the period."""
    actor.require(VIEW)
    start, end = period_bounds(period)
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


def rollup_sections(session: Session, actor: Actor, period: str, org_code: str | None) -> list[RollupSection]:
    units = training_by_unit(session, actor, period, org_code)
    columns = [translate("Training", "Org unit"), translate("Training", "Name"),
               translate("Training", "Engineers trained"), translate("Training", "Trained hours"),
               translate("Training", "Exams"), translate("Training", "Passed"), translate("Training", "Pass rate")]
    rows = [(u.org_code, u.org_name, u.engineers_trained, u.trained_hours, u.exams, u.passes, u.pass_rate)
            for u in units]
    return [RollupSection(translate("Training", "Training {period}").format(period=period.strip().upper()),
                          columns, rows)]
