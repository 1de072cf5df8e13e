"""Courses (HQ reference data) and the sessions that teach them, kept to the actor's scope.
Behind the door (``service``), which checks the permissions; enrolment lives in ``enrolment``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select, true, tuple_
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.models import User
from app.auth.roles import FIELD_ENGINEER, TRAINER
from app.clock import utcnow
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.ids import org_id_for_code
from app.orgs.models import OrgUnit
from app.orgs.scope import can_see, org_filter, org_scope
from plugins.training.models import LEVELS, Course, CoursePrerequisite, Enrolment, TrainingSession

COURSE_FIELDS = ("code", "title", "product_line", "level", "hours", "syllabus", "pass_mark", "active")
SESSION_FIELDS = ("course_id", "starts_on", "ends_on", "online", "location", "trainer_id", "capacity", "cancelled")


def snapshot(obj, fields: Sequence[str]) -> dict:
    """``audit.snapshot`` plus calendar dates, which sessions and exams carry."""
    values = audit.snapshot(obj, fields)
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def level_label(level: str) -> str:
    return {"basic": translate("Training", "Basic"), "advanced": translate("Training", "Advanced"),
            "expert": translate("Training", "Expert")}.get(level, level)


# ---------------------------------------------------------------- courses


@dataclass
class CourseInput:
    code: str
    title: str
    product_line: str
    level: str = "basic"
    hours: int = 8
    pass_mark: int = 60
    syllabus: str = ""
    prerequisite_codes: Sequence[str] = ()


def list_courses(session: Session, actor: Actor, include_inactive: bool = False) -> Sequence[Course]:
    stmt = select(Course).where(Course.deleted_at.is_(None))
    if not include_inactive:
        stmt = stmt.where(Course.active.is_(True))
    return session.scalars(stmt.order_by(Course.product_line, Course.code)).all()


def get_course(session: Session, actor: Actor, course_id: uuid.UUID) -> Course:
    """A course of the catalogue, retired or not (HQ reference data: every unit reads it)."""
    course = session.get(Course, course_id)
    if course is None or course.deleted_at is not None:
        raise NotFound(translate("Training", "No such course."))
    return course


def course_names(session: Session, course_codes: Sequence[str]) -> dict[str, str]:
    """The catalogue's title of each course code it knows (hook ``course_names``), retired
    courses included: a certificate type may still require one."""
    rows = session.execute(select(Course.code, Course.title).where(Course.code.in_(list(course_codes)),
                                                                    Course.deleted_at.is_(None)))
    return {code: title for code, title in rows}


def course_by_code(session: Session, code: str) -> Course:
    course = session.scalar(select(Course).where(Course.code == code, Course.deleted_at.is_(None)))
    if course is None:
        raise NotFound(translate("Training", "No course with the code {code}.").format(code=code))
    return course


def save_course(session: Session, actor: Actor, data: CourseInput, course_id: uuid.UUID | None = None) -> Course:
    """Create a course, or change the one with ``course_id``; prerequisites are replaced."""
    _validate_course(session, data, course_id)
    course = session.get(Course, course_id) if course_id else Course()
    if course is None:
        raise NotFound(translate("Training", "No such course."))
    before = snapshot(course, COURSE_FIELDS) if course_id else None
    for name in ("code", "title", "product_line", "level", "hours", "pass_mark", "syllabus"):
        value = getattr(data, name)
        setattr(course, name, value.strip() if isinstance(value, str) else value)
    course.active = True if course.active is None else course.active
    session.add(course)
    session.flush()
    _set_prerequisites(session, course, data.prerequisite_codes)
    after = snapshot(course, COURSE_FIELDS) | {"prerequisites": sorted(data.prerequisite_codes)}
    audit.record(session, actor, "training.course", course.id, "update" if course_id else "create",
                 f"{course.code} {course.title}", before, after)
    return course


def _validate_course(session: Session, data: CourseInput, course_id) -> None:
    if not data.code.strip():
        raise ValidationError(translate("Training", "A course needs a code."), field="code")
    if not data.title.strip():
        raise ValidationError(translate("Training", "A course needs a title."), field="title")
    if data.level not in LEVELS:
        raise ValidationError(translate("Training", "Unknown level {level}.").format(level=data.level), field="level")
    if not 0 < data.hours <= 1000:
        raise ValidationError(translate("Training", "Hours must be between 1 and 1000."), field="hours")
    if not 0 <= data.pass_mark <= 100:
        raise ValidationError(translate("Training", "The pass mark is a score from 0 to 100."), field="pass_mark")
    clash = session.scalar(select(Course.id).where(Course.code == data.code.strip(), Course.deleted_at.is_(None)))
    if clash is not None and clash != course_id:
        raise ValidationError(translate("Training", "The course code {code} is already used.").format(
            code=data.code.strip()), field="code")


def _set_prerequisites(session: Session, course: Course, codes: Sequence[str]) -> None:
    required = [course_by_code(session, code) for code in dict.fromkeys(codes)]
    for other in required:
        if other.id == course.id or course.id in _all_prerequisite_ids(session, other.id):
            raise ValidationError(translate("Training", "{code} cannot be a prerequisite of itself, directly or "
                                                        "through other courses.").format(code=other.code),
                                  field="prerequisites")
    wanted = {c.id for c in required}
    for link in list(course.prerequisites):
        if link.required_course_id not in wanted:
            course.prerequisites.remove(link)
    have = {link.required_course_id for link in course.prerequisites}
    for other in required:
        if other.id not in have:
            course.prerequisites.append(CoursePrerequisite(course_id=course.id, required_course_id=other.id))
    session.flush()


def _all_prerequisite_ids(session: Session, course_id: uuid.UUID) -> set[uuid.UUID]:
    seen: set[uuid.UUID] = set()
    frontier = {course_id}
    while frontier:
        rows = session.scalars(select(CoursePrerequisite.required_course_id).where(
            CoursePrerequisite.course_id.in_(frontier), CoursePrerequisite.deleted_at.is_(None))).all()
        frontier = set(rows) - seen
        seen |= frontier
    return seen


def set_course_active(session: Session, actor: Actor, course_id: uuid.UUID, active: bool) -> Course:
    """Retire a course from the catalogue (or bring it back); its history stays."""
    course = session.get(Course, course_id)
    if course is None:
        raise NotFound(translate("Training", "No such course."))
    course.active = active
    audit.record(session, actor, "training.course", course.id, "activate" if active else "retire", course.code,
                 None, {"active": active})
    session.flush()
    return course


# ---------------------------------------------------------------- sessions


@dataclass
class SessionInput:
    course_id: uuid.UUID
    starts_on: date
    ends_on: date
    trainer_id: uuid.UUID
    capacity: int = 20
    online: bool = False
    location: str = ""


def ancestor_org_ids(actor: Actor) -> list[uuid.UUID]:
    """The actor's own unit and those above it: their sessions are open to the actor's engineers."""
    return [org_id_for_code(code) for code in actor.org_path.strip("/").split("/") if code]


def sees_everything(actor: Actor) -> bool:
    return actor.sees_subtree and actor.org_path.count("/") == 2  # the subtree of the network's root


def scoped(actor: Actor, org_column):
    """``org_scope``, but no filter at all for the root's subtree: the planner then uses the
    best index for the rest of the query instead of checking every row against all org units."""
    return true() if sees_everything(actor) else org_scope(actor, org_column)


def session_visibility(actor: Actor):
    """Sessions held in the actor's scope, or above it (HQ's courses are open to every branch)."""
    if sees_everything(actor):
        return true()
    return or_(org_scope(actor, TrainingSession.org_id), TrainingSession.org_id.in_(ancestor_org_ids(actor)))


def get_session(session: Session, actor: Actor, session_id: uuid.UUID, *, for_update: bool = False) -> TrainingSession:
    stmt = select(TrainingSession).where(TrainingSession.id == session_id, session_visibility(actor),
                                         TrainingSession.deleted_at.is_(None))
    found = session.scalar(stmt.with_for_update(of=TrainingSession) if for_update else stmt)
    if found is None:
        raise NotFound(translate("Training", "No such training session."))
    return found


def create_session(session: Session, actor: Actor, data: SessionInput) -> TrainingSession:
    course = session.get(Course, data.course_id)
    if course is None or not course.active:
        raise NotFound(translate("Training", "No such course."))
    validate_session(session, actor, data)
    row = TrainingSession(org_id=actor.org_id, course_id=course.id, starts_on=data.starts_on, ends_on=data.ends_on,
                          online=data.online, location=data.location.strip(), trainer_id=data.trainer_id,
                          capacity=data.capacity)
    session.add(row)
    session.flush()
    audit.record(session, actor, "training.session", row.id, "create",
                 f"{course.code} {data.starts_on}–{data.ends_on}", None, snapshot(row, SESSION_FIELDS))
    return row


def validate_session(session: Session, actor: Actor, data: SessionInput) -> None:
    if data.ends_on < data.starts_on:
        raise ValidationError(translate("Training", "A session cannot end before it starts."), field="ends_on")
    if not 1 <= data.capacity <= 500:
        raise ValidationError(translate("Training", "Capacity must be between 1 and 500 seats."), field="capacity")
    if not data.online and not data.location.strip():
        raise ValidationError(translate("Training", "Give a place, or mark the session as online."), field="location")
    trainer = session.get(User, data.trainer_id)
    if trainer is None or TRAINER not in trainer.role_codes or not can_see(actor, session.get(OrgUnit, trainer.org_id)):
        raise ValidationError(translate("Training", "The trainer must be a user with the trainer role in your unit."),
                              field="trainer")


def cancel_session(session: Session, actor: Actor, session_id: uuid.UUID) -> TrainingSession:
    row = get_session(session, actor, session_id)
    if not can_see_org(session, actor, row.org_id):
        raise PermissionDenied(translate("Training", "Only the unit holding a session may cancel it."))
    row.cancelled = True
    audit.record(session, actor, "training.session", row.id, "cancel", row.course.code, None, {"cancelled": True})
    session.flush()
    return row


def can_see_org(session: Session, actor: Actor, org_id: uuid.UUID) -> bool:
    org = session.get(OrgUnit, org_id)
    return org is not None and can_see(actor, org)


@dataclass(frozen=True)
class SessionRow:
    id: uuid.UUID
    course_code: str
    course_title: str
    starts_on: date
    ends_on: date
    place: str
    trainer: str
    capacity: int
    enrolled: int
    waiting: int
    cancelled: bool


def _seat_count(state: str):
    return (select(func.count()).where(Enrolment.session_id == TrainingSession.id, Enrolment.state == state)
            .correlate(TrainingSession).scalar_subquery())


def session_rows(session: Session, actor: Actor, offset: int = 0, limit: int = 200,
                 upcoming_from: date | None = None, after: tuple[date, uuid.UUID] | None = None, *,
                 org_id: uuid.UUID | None = None, subtree: bool = False) -> list[SessionRow]:
    """Sessions newest first, one page off the (starts_on, id) index. ``after`` = (starts_on, id)
    of the last row already shown continues from there (keyset), so deep pages cost as much as the first.
    ``org_id``/``subtree``: the org filter, sessions held by that unit (not those above it it may attend)."""
    stmt = session_rows_query(session, actor, upcoming_from, org_id, subtree)
    if after is not None:
        stmt = stmt.where(tuple_(TrainingSession.starts_on, TrainingSession.id) < tuple_(*after))
        offset = 0
    return [session_row(*found) for found in session.execute(stmt.offset(offset).limit(limit))]


def listed_sessions(session: Session, actor: Actor, upcoming_from: date | None = None,
                    org_id: uuid.UUID | None = None, subtree: bool = False):
    """The sessions page's sessions, newest first: the page reads them by keyset, the exports in one pass."""
    stmt = select(TrainingSession).where(session_visibility(actor), TrainingSession.deleted_at.is_(None),
                                         org_filter(session, actor, TrainingSession.org_id, org_id, subtree))
    if upcoming_from is not None:
        stmt = stmt.where(TrainingSession.starts_on >= upcoming_from)
    return stmt.order_by(TrainingSession.starts_on.desc(), TrainingSession.id.desc())


def session_row(s: TrainingSession, trainer: str, enrolled: int | None, waiting: int | None) -> SessionRow:
    return SessionRow(s.id, s.course.code, s.course.title, s.starts_on, s.ends_on,
                      translate("Training", "Online") if s.online else s.location, trainer, s.capacity,
                      enrolled or 0, waiting or 0, s.cancelled)


def session_rows_query(session: Session, actor: Actor, upcoming_from: date | None = None,
                       org_id: uuid.UUID | None = None, subtree: bool = False):
    """``listed_sessions`` with the trainer's name and the seats taken and queued: ``session_row``'s arguments."""
    return listed_sessions(session, actor, upcoming_from, org_id, subtree).add_columns(
        User.display_name, _seat_count("enrolled"), _seat_count("waiting")).join(
        User, User.id == TrainingSession.trainer_id)


def trainers(session: Session, actor: Actor) -> list[User]:
    """Users with the trainer role the actor may assign to a session."""
    return _users_with_role(session, actor, TRAINER)


def engineers(session: Session, actor: Actor) -> list[User]:
    """Field engineers the actor may enrol: its own unit's subtree (all at HQ)."""
    return _users_with_role(session, actor, FIELD_ENGINEER)


def engineers_in_view(session: Session, actor: Actor) -> list[User]:
    """Field engineers whose training history the actor may look at."""
    return _users_with_role(session, actor, FIELD_ENGINEER)


def _users_with_role(session: Session, actor: Actor, role: str) -> list[User]:
    stmt = (select(User).join(OrgUnit, OrgUnit.id == User.org_id)
            .where(scoped(actor, User.org_id), User.active.is_(True), User.deleted_at.is_(None),
                   User.roles.any(code=role))
            .order_by(OrgUnit.path, User.username))
    return list(session.scalars(stmt))


def upcoming_count(session: Session, actor: Actor) -> int:
    """Sessions not yet started that the actor's engineers may attend."""
    stmt = select(func.count()).select_from(TrainingSession).where(
        session_visibility(actor), TrainingSession.cancelled.is_(False), TrainingSession.deleted_at.is_(None),
        TrainingSession.starts_on >= utcnow().date())
    return session.scalar(stmt) or 0
