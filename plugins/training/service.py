"""The training plugin's door: what its views, hooks and commands may call. No Qt here.

Every other module of the plugin is private behind this one (an import-linter contract says so).
Functions that act for a user take ``(session, actor, ...)`` and raise ``ValidationError`` /
``PermissionDenied`` / ``NotFound`` with a translated message; run changes in ``ctx.transaction()``.

Permissions: each operation below that takes an actor checks the actor's permission here, once,
on entry (``guarded``: the permission is written next to the operation). The domain modules
behind the door check no permission; they keep to the actor's org scope (a session held by
another unit is changed only there; an engineer outside the unit is not enrolled or looked up)
and hold the invariants (seats, waiting list order, prerequisites, scores). A question a page
asks to offer an action (``may_edit_courses``) answers without refusing (``UNGUARDED``).

Courses (courses.py): list_courses / get_course (training.view or view_own);
    save_course / set_course_active (training.courses, at HQ: the catalogue is reference data)
Sessions (courses.py): get_session / session_rows (view or manage); create_session /
    cancel_session / trainers / engineers (manage); engineers_in_view / upcoming_count (view)
Enrolment (enrolment.py): enrol / missing_prerequisites / cancel_enrolment / change_session /
    record_attendance / record_score (manage); session_enrolments / seats_taken (view or manage);
    waiting_count (view); history (one's own with view_own, anyone's in scope with view)
Excel (exports.py, through ``app.reports.workbook``): export_sessions / export_enrolments (view or
    manage): the sessions page's sessions for a filter, and their enrolments; ``path, progress=,
    cancelled=`` -> rows written
Reports (reports.py): training_by_unit (view); rollup_sections
Hooks: passed_courses and course_names (for certification), generate_demo
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.door import any_of, guarded
from app.errors import PermissionDenied
from app.i18n import translate
from plugins.training import courses, enrolment, exports, reports
from plugins.training.courses import CourseInput, SessionInput, SessionRow, level_label
from plugins.training.enrolment import EnrolmentRow, HistoryRow
from plugins.training.models import LEVELS
from plugins.training.permissions import COURSES, MANAGE, VIEW, VIEW_OWN

__all__ = [
    "COURSES", "MANAGE", "VIEW", "VIEW_OWN", "LEVELS",
    "CourseInput", "EnrolmentRow", "HistoryRow", "SessionInput", "SessionRow",
    "cancel_enrolment", "cancel_session", "change_session", "create_session", "engineers", "engineers_in_view",
    "enrol", "export_enrolments", "export_sessions", "generate_demo", "get_course", "get_session", "history", "level_label", "list_courses",
    "may_edit_courses", "missing_prerequisites", "passed_courses", "course_names", "record_attendance", "record_score",
    "rollup_sections", "save_course", "seats_taken", "session_enrolments", "session_rows", "set_course_active",
    "trainers", "training_by_unit", "upcoming_count", "waiting_count",
]


def may_edit_courses(actor: Actor) -> bool:
    """Whether the actor may change the course catalogue: HQ reference data, changed at HQ only."""
    return actor.has(COURSES) and actor.tier == "hq"


def _course_editor(actor: Actor) -> None:
    actor.require(COURSES)
    if not may_edit_courses(actor):
        raise PermissionDenied(translate("Training", "Courses are HQ reference data: only HQ changes them."))


def _own_or_viewer(actor: Actor, engineer_id: uuid.UUID) -> None:
    if not (engineer_id == actor.user_id and actor.has(VIEW_OWN)):
        actor.require(VIEW)


_sees_sessions = any_of(VIEW, MANAGE)

UNGUARDED = {
    "may_edit_courses": "a question the pages ask to offer editing, not an operation",
}

# ---------------------------------------------------------------- courses and sessions

list_courses = guarded(any_of(VIEW, VIEW_OWN), courses.list_courses)
get_course = guarded(any_of(VIEW, VIEW_OWN), courses.get_course)
save_course = guarded(_course_editor, courses.save_course)
set_course_active = guarded(_course_editor, courses.set_course_active)

get_session = guarded(_sees_sessions, courses.get_session)
session_rows = guarded(_sees_sessions, courses.session_rows)
create_session = guarded(MANAGE, courses.create_session)
cancel_session = guarded(MANAGE, courses.cancel_session)
trainers = guarded(MANAGE, courses.trainers)
engineers = guarded(MANAGE, courses.engineers)
engineers_in_view = guarded(VIEW, courses.engineers_in_view)
upcoming_count = guarded(VIEW, courses.upcoming_count)
export_sessions = guarded(_sees_sessions, exports.export_sessions)
export_enrolments = guarded(_sees_sessions, exports.export_enrolments)

# ---------------------------------------------------------------- enrolment

enrol = guarded(MANAGE, enrolment.enrol)
missing_prerequisites = guarded(MANAGE, enrolment.missing_prerequisites)
cancel_enrolment = guarded(MANAGE, enrolment.cancel)
change_session = guarded(MANAGE, enrolment.change_session)
record_attendance = guarded(MANAGE, enrolment.record_attendance)
record_score = guarded(MANAGE, enrolment.record_score)
session_enrolments = guarded(_sees_sessions, enrolment.session_enrolments)
waiting_count = guarded(VIEW, enrolment.waiting_count)


def seats_taken(session: Session, actor: Actor, session_id: uuid.UUID, state: str = "enrolled") -> int:
    """Engineers of every unit holding a seat (or, with ``state="waiting"``, queued) in the session."""
    _sees_sessions(actor)
    return enrolment.seats_taken(session, courses.get_session(session, actor, session_id).id, state)


def history(session: Session, actor: Actor, engineer_id: uuid.UUID) -> list[HistoryRow]:
    """Every attempt of one engineer, newest first: one's own with ``training.view_own``, anyone's
    in the actor's scope with ``training.view``."""
    _own_or_viewer(actor, engineer_id)
    return enrolment.history(session, actor, engineer_id)


# ---------------------------------------------------------------- reports and hooks

training_by_unit = guarded(VIEW, reports.training_by_unit)


def rollup_sections(ctx, period, org_code):
    """The training sheet of the HQ rollup; none for a reader without ``training.view`` (the
    rollup shows only what its reader may see)."""
    actor = getattr(ctx, "actor", None)
    if actor is None or not actor.has(VIEW):
        return []
    with ctx.reading() as session:
        return reports.rollup_sections(session, actor, period, org_code)


passed_courses = enrolment.passed_courses  # the ``passed_courses`` hook: no acting user
course_names = courses.course_names  # the ``course_names`` hook: the catalogue is every unit's reference data


def generate_demo(demo) -> None:
    """The ``demo_data`` hook: courses, sessions, enrolments and exam results."""
    from plugins.training import demo as demo_rows

    demo_rows.generate(demo)
