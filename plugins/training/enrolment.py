"""Enrolment: seats and the waiting list, prerequisites, attendance, exam scores, retakes, history.
Behind the door (``service``), which checks the permissions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.models import User
from app.clock import utcnow
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.specs import CoursePass
from plugins.training.models import Course, Enrolment, TrainingSession
from plugins.training.courses import (SESSION_FIELDS, SessionInput, can_see_org, get_session, scoped, snapshot,
                                      validate_session)

ENROLMENT_FIELDS = ("state", "attended", "score", "passed", "exam_on", "cancel_reason")


def enrol(session: Session, actor: Actor, session_id: uuid.UUID, engineer_id: uuid.UUID) -> Enrolment:
    """Give the engineer a seat, or a place on the waiting list when the session is full."""
    training = get_session(session, actor, session_id, for_update=True)  # serialises seat counting
    if training.cancelled:
        raise ValidationError(translate("Training", "This session was cancelled."), field="session")
    engineer = _engineer_in_scope(session, actor, engineer_id)
    _require_prerequisites(session, training.course, engineer)
    row = session.scalar(select(Enrolment).where(Enrolment.session_id == training.id,
                                                 Enrolment.engineer_id == engineer.id))
    if row is not None and row.state != "cancelled":
        raise ValidationError(translate("Training", "{name} is already enrolled in this session.").format(
            name=engineer.display_name), field="engineer")
    state = "enrolled" if seats_taken(session, training.id) < training.capacity else "waiting"
    if row is None:  # a cancelled enrolment is reused: one row per engineer and session
        row = Enrolment(session_id=training.id, engineer_id=engineer.id, org_id=engineer.org_id)
        session.add(row)
    row.state, row.attended = state, None
    row.queued_at, row.enrolled_by, row.cancel_reason = utcnow(), actor.user_id, ""
    session.flush()
    audit.record(session, actor, "training.enrolment", row.id, row.state,
                 f"{engineer.display_name} → {training.course.code} {training.starts_on}", None,
                 snapshot(row, ENROLMENT_FIELDS))
    return row


def seats_taken(session: Session, session_id: uuid.UUID, state: str = "enrolled") -> int:
    """Engineers of every unit holding a seat (or, with ``state="waiting"``, queued) in the session."""
    return session.scalar(select(func.count()).where(Enrolment.session_id == session_id,
                                                     Enrolment.state == state)) or 0


def _engineer_in_scope(session: Session, actor: Actor, engineer_id: uuid.UUID) -> User:
    engineer = session.get(User, engineer_id)
    if engineer is None or not engineer.active or not can_see_org(session, actor, engineer.org_id):
        raise NotFound(translate("Training", "No such engineer in your unit."))
    return engineer


def _require_prerequisites(session: Session, course: Course, engineer: User) -> None:
    passed = passed_course_ids(session, engineer.id)
    for link in course.prerequisites:
        if link.deleted_at is None and link.required_course_id not in passed:
            required = link.required_course
            raise ValidationError(translate("Training", "{name} has not passed the prerequisite course {code} "
                                                        "{title}.").format(name=engineer.display_name,
                                                                           code=required.code, title=required.title),
                                  field="engineer")


def passed_course_ids(session: Session, engineer_id: uuid.UUID) -> set[uuid.UUID]:
    stmt = (select(TrainingSession.course_id).join(Enrolment, Enrolment.session_id == TrainingSession.id)
            .where(Enrolment.engineer_id == engineer_id, Enrolment.passed.is_(True)))
    return set(session.scalars(stmt))


def missing_prerequisites(session: Session, actor: Actor, session_id: uuid.UUID,
                          engineer_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """For the enrol dialog: which prerequisite codes each engineer still lacks (one query)."""
    course = get_session(session, actor, session_id).course
    required = {link.required_course_id: link.required_course.code for link in course.prerequisites
                if link.deleted_at is None}
    if not required or not engineer_ids:
        return {}
    stmt = (select(Enrolment.engineer_id, TrainingSession.course_id)
            .join(TrainingSession, TrainingSession.id == Enrolment.session_id)
            .where(Enrolment.engineer_id.in_(list(engineer_ids)), Enrolment.passed.is_(True),
                   TrainingSession.course_id.in_(list(required))))
    passed: dict[uuid.UUID, set] = {}
    for engineer_id, course_id in session.execute(stmt):
        passed.setdefault(engineer_id, set()).add(course_id)
    return {e: [code for cid, code in required.items() if cid not in passed.get(e, set())] for e in engineer_ids
            if set(required) - passed.get(e, set())}


def _enrolment(session: Session, actor: Actor, enrolment_id: uuid.UUID) -> Enrolment:
    row = session.scalar(select(Enrolment).where(Enrolment.id == enrolment_id, scoped(actor, Enrolment.org_id)))
    if row is None:
        raise NotFound(translate("Training", "No such enrolment."))
    return row


def cancel(session: Session, actor: Actor, enrolment_id: uuid.UUID, reason: str = "") -> Enrolment | None:
    """Cancel an enrolment; a freed seat goes to the first engineer on the waiting list (returned)."""
    row = _enrolment(session, actor, enrolment_id)
    training = get_session(session, actor, row.session_id, for_update=True)
    if row.state == "cancelled":
        raise ValidationError(translate("Training", "This enrolment is already cancelled."), field="state")
    if row.score is not None:
        raise ValidationError(translate("Training", "An enrolment with an exam score cannot be cancelled."),
                              field="state")
    before = snapshot(row, ENROLMENT_FIELDS)
    held_seat = row.state == "enrolled"
    row.state, row.cancel_reason = "cancelled", reason.strip()[:200]
    session.flush()
    audit.record(session, actor, "training.enrolment", row.id, "cancel", reason, before,
                 snapshot(row, ENROLMENT_FIELDS))
    return _promote_first_waiting(session, actor, training) if held_seat else None


def change_session(session: Session, actor: Actor, session_id: uuid.UUID, data: SessionInput) -> list[Enrolment]:
    """Change dates, place, trainer or capacity. More seats go to the waiting list in its order
    (returned); fewer seats than engineers already seated is refused."""
    training = get_session(session, actor, session_id, for_update=True)
    if not can_see_org(session, actor, training.org_id):
        raise PermissionDenied(translate("Training", "Only the unit holding a session may change it."))
    validate_session(session, actor, data)
    taken = seats_taken(session, training.id)
    if data.capacity < taken:
        raise ValidationError(translate("Training", "{taken} engineers already hold a seat: cancel enrolments before "
                                                    "lowering the capacity to {capacity}.").format(
            taken=taken, capacity=data.capacity), field="capacity")
    before = snapshot(training, SESSION_FIELDS)
    training.starts_on, training.ends_on, training.trainer_id = data.starts_on, data.ends_on, data.trainer_id
    training.capacity, training.online, training.location = data.capacity, data.online, data.location.strip()
    session.flush()
    audit.record(session, actor, "training.session", training.id, "update", training.course.code, before,
                 snapshot(training, SESSION_FIELDS))
    promoted = []
    while (moved := _promote_first_waiting(session, actor, training)) is not None:
        promoted.append(moved)
    return promoted


def _promote_first_waiting(session: Session, actor: Actor, training: TrainingSession) -> Enrolment | None:
    if seats_taken(session, training.id) >= training.capacity:
        return None
    first = session.scalar(select(Enrolment).where(Enrolment.session_id == training.id, Enrolment.state == "waiting")
                           .order_by(Enrolment.queued_at, Enrolment.id).limit(1))
    if first is not None:
        first.state = "enrolled"
        session.flush()
        audit.record(session, actor, "training.enrolment", first.id, "promote",
                     translate("Training", "Moved up from the waiting list"), {"state": "waiting"},
                     {"state": "enrolled"})
    return first


def record_attendance(session: Session, actor: Actor, enrolment_id: uuid.UUID, attended: bool) -> Enrolment:
    row = _seated(session, actor, enrolment_id)
    if not attended and row.score is not None:
        raise ValidationError(translate("Training", "An engineer with an exam score attended."), field="attended")
    before = snapshot(row, ENROLMENT_FIELDS)
    row.attended = attended
    session.flush()
    audit.record(session, actor, "training.enrolment", row.id, "attendance", "", before,
                 snapshot(row, ENROLMENT_FIELDS))
    return row


def record_score(session: Session, actor: Actor, enrolment_id: uuid.UUID, score: int) -> Enrolment:
    """Record (or correct) the exam score; passed when it reaches the course's pass mark."""
    row = _seated(session, actor, enrolment_id)
    if not 0 <= score <= 100:
        raise ValidationError(translate("Training", "An exam score is from 0 to 100."), field="score")
    if row.attended is False:
        raise ValidationError(translate("Training", "Record attendance first: this engineer was absent."),
                              field="score")
    before = snapshot(row, ENROLMENT_FIELDS)
    row.attended, row.score = True, score
    row.passed = score >= row.session.course.pass_mark
    row.exam_on, row.scored_by = row.session.ends_on, actor.user_id
    session.flush()
    audit.record(session, actor, "training.enrolment", row.id, "score",
                 f"{row.session.course.code}: {score}", before, snapshot(row, ENROLMENT_FIELDS))
    return row


def _seated(session: Session, actor: Actor, enrolment_id: uuid.UUID) -> Enrolment:
    row = _enrolment(session, actor, enrolment_id)
    if row.state != "enrolled":
        raise ValidationError(translate("Training", "Only an engineer holding a seat attends and sits the exam."),
                              field="state")
    return row


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class EnrolmentRow:
    id: uuid.UUID
    engineer_id: uuid.UUID
    engineer: str
    org_code: str
    state: str
    queued_at: object
    attended: bool | None
    score: int | None
    passed: bool | None


def session_enrolments(session: Session, actor: Actor, session_id: uuid.UUID) -> list[EnrolmentRow]:
    """Seats first, then the waiting list in its order, then cancellations; only the actor's scope."""
    training = get_session(session, actor, session_id)
    stmt = (select(Enrolment, User.display_name, OrgUnit.code).join(User, User.id == Enrolment.engineer_id)
            .join(OrgUnit, OrgUnit.id == Enrolment.org_id)
            .where(Enrolment.session_id == training.id, scoped(actor, Enrolment.org_id)))
    order = {"enrolled": 0, "waiting": 1, "cancelled": 2}
    rows = sorted(session.execute(stmt), key=lambda r: (order[r[0].state], r[0].queued_at, r[0].id))
    return [EnrolmentRow(e.id, e.engineer_id, name, code, e.state, e.queued_at, e.attended, e.score, e.passed)
            for e, name, code in rows]


@dataclass(frozen=True)
class HistoryRow:
    enrolment_id: uuid.UUID
    course_code: str
    course_title: str
    product_line: str
    level: str
    hours: int
    starts_on: date
    ends_on: date
    state: str
    attended: bool | None
    score: int | None
    pass_mark: int
    passed: bool | None


def history(session: Session, actor: Actor, engineer_id: uuid.UUID) -> list[HistoryRow]:
    """Every attempt of one engineer, newest first. Engineers see their own; viewers their scope."""
    engineer = session.get(User, engineer_id)
    if engineer_id != actor.user_id:
        if engineer is None or not can_see_org(session, actor, engineer.org_id):
            raise PermissionDenied(translate("Training", "This engineer's training is outside your unit."))
    stmt = (select(Enrolment, TrainingSession, Course).join(TrainingSession, TrainingSession.id == Enrolment.session_id)
            .join(Course, Course.id == TrainingSession.course_id)
            .where(Enrolment.engineer_id == engineer_id, Enrolment.deleted_at.is_(None))
            .order_by(TrainingSession.starts_on.desc(), Enrolment.id.desc()))
    return [HistoryRow(e.id, c.code, c.title, c.product_line, c.level, c.hours, s.starts_on, s.ends_on, e.state,
                       e.attended, e.score, c.pass_mark, e.passed) for e, s, c in session.execute(stmt)]


def passed_courses(session: Session, engineer_id: uuid.UUID) -> list[CoursePass]:
    """The engineer's passed courses for certification: per course the latest pass counts."""
    stmt = (select(Course.code, Course.product_line, Course.level, Enrolment.exam_on, Enrolment.score)
            .join(TrainingSession, TrainingSession.id == Enrolment.session_id)
            .join(Course, Course.id == TrainingSession.course_id)
            .where(Enrolment.engineer_id == engineer_id, Enrolment.passed.is_(True),
                   Enrolment.deleted_at.is_(None))
            .order_by(Course.code, Enrolment.exam_on, Enrolment.id))
    latest: dict[str, CoursePass] = {}
    for code, product_line, level, exam_on, score in session.execute(stmt):
        latest[code] = CoursePass(code, product_line, level, exam_on, score)
    return list(latest.values())


def waiting_count(session: Session, actor: Actor) -> int:
    """Engineers waiting for a seat in sessions not yet over. Starts from those few sessions
    (ends_on index) and counts through the (session_id, state) index, never scanning all rows."""
    open_sessions = select(TrainingSession.id).where(TrainingSession.ends_on >= utcnow().date(),
                                                     TrainingSession.cancelled.is_(False))
    stmt = select(func.count()).select_from(Enrolment).where(
        Enrolment.session_id.in_(open_sessions), Enrolment.state == "waiting", scoped(actor, Enrolment.org_id))
    return session.scalar(stmt) or 0