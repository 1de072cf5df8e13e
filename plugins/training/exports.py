"""The sessions page's lists as Excel workbooks, through the one writer (``app.reports.workbook``):
the sessions the page lists for a filter, newest first, and the enrolments of those sessions in
the same order, each session's as its seat list shows them (seats, then the waiting list in its
order, then cancellations), kept to the engineers of the actor's scope. Streamed in one pass;
days are date cells, the moment an engineer enrolled a date-time cell in the wall time of the
engineer's unit, whose zone is named in the last column. Behind the door, which checks the permission.

    export_sessions(session, actor, path, *, upcoming_from=None, org_id=None, subtree=False,
                    progress=None, cancelled=None) -> rows written
    export_enrolments(session, actor, path, *, upcoming_from=None, org_id=None, subtree=False,
                      progress=None, cancelled=None) -> rows written
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User
from app.clock import utcnow
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from plugins.training.courses import listed_sessions, scoped, session_row, session_rows_query
from plugins.training.models import Course, Enrolment, TrainingSession

BATCH = 2000
Progress = Callable[[str, float], None]
SEAT_LIST_ORDER = case((Enrolment.state == "enrolled", 0), (Enrolment.state == "waiting", 1), else_=2)


def _count(session: Session, query) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def export_sessions(session: Session, actor: Actor, path: str | Path, *, upcoming_from: date | None = None,
                    org_id: uuid.UUID | None = None, subtree: bool = False, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> int:
    from app.reports.workbook import Column, Sheet, write_workbook  # loaded on first export

    query = session_rows_query(session, actor, upcoming_from, org_id, subtree)
    expected = _count(session, listed_sessions(session, actor, upcoming_from, org_id, subtree))
    today = utcnow().date()
    found = (session_row(*values) for values in session.execute(query.execution_options(yield_per=BATCH)))
    rows = ((r.course_code, r.course_title, r.starts_on, r.ends_on, r.place, r.trainer, r.capacity, r.enrolled,
             r.waiting, _session_status(r.cancelled, r.ends_on, today)) for r in found)
    titles = (translate("Training", "Course"), translate("Training", "Title"), translate("Training", "Starts"),
              translate("Training", "Ends"), translate("Training", "Place"), translate("Training", "Trainer"),
              translate("Training", "Capacity"), translate("Training", "Enrolled"), translate("Training", "Waiting"),
              translate("Training", "Status"))
    columns = [Column(t, width=w) for t, w in zip(titles, (14, 32, 12, 12, 24, 16, 9, 9, 9, 12), strict=True)]
    sheet = Sheet(translate("Training", "Sessions"), columns, rows, expected_rows=expected, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)


def _session_status(cancelled: bool, ends_on: date, today: date) -> str:
    if cancelled:
        return translate("Training", "Cancelled")
    return translate("Training", "Finished") if ends_on < today else translate("Training", "Planned")


def enrolments_query(session: Session, actor: Actor, upcoming_from: date | None = None,
                     org_id: uuid.UUID | None = None, subtree: bool = False):
    """The enrolments of the listed sessions, in the list's order and each seat list's."""
    return (listed_sessions(session, actor, upcoming_from, org_id, subtree)
            .with_only_columns(Course.code, Course.title, TrainingSession.starts_on, TrainingSession.ends_on,
                               User.display_name, OrgUnit.code, Enrolment.state, Enrolment.queued_at,
                               Enrolment.org_id, Enrolment.attended, Enrolment.score, Enrolment.passed)
            .select_from(TrainingSession)
            .join(Course, Course.id == TrainingSession.course_id)
            .join(Enrolment, Enrolment.session_id == TrainingSession.id)
            .join(User, User.id == Enrolment.engineer_id)
            .join(OrgUnit, OrgUnit.id == Enrolment.org_id)
            .where(scoped(actor, Enrolment.org_id))
            .order_by(SEAT_LIST_ORDER, Enrolment.queued_at, Enrolment.id))


def export_enrolments(session: Session, actor: Actor, path: str | Path, *, upcoming_from: date | None = None,
                      org_id: uuid.UUID | None = None, subtree: bool = False, progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> int:
    from app.reports.workbook import Column, Sheet, write_workbook  # loaded on first export

    query = enrolments_query(session, actor, upcoming_from, org_id, subtree)
    expected, clock = _count(session, query), LocalClock(session)
    found = session.execute(query.execution_options(yield_per=BATCH))
    rows = ((code, title, starts, ends, engineer, org_code, _state(state), _wall(clock, org, queued_at),
             _attended(attended), score, _result(passed), clock.zone(org).key)
            for code, title, starts, ends, engineer, org_code, state, queued_at, org, attended, score, passed
            in found)
    titles = (translate("Training", "Course"), translate("Training", "Title"), translate("Training", "Starts"),
              translate("Training", "Ends"), translate("Training", "Engineer"), translate("Training", "Org unit"),
              translate("Training", "Status"), translate("Training", "Enrolled at"),
              translate("Training", "Attendance"), translate("Training", "Score"), translate("Training", "Result"),
              translate("Training", "Time zone"))
    widths = (14, 32, 12, 12, 16, 12, 12, 17, 11, 8, 9, 16)
    columns = [Column(t, width=w) for t, w in zip(titles, widths, strict=True)]
    sheet = Sheet(translate("Training", "Enrolments"), columns, rows, expected_rows=expected, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)


def _wall(clock: LocalClock, org_id: uuid.UUID, moment):
    """The engineer's unit's wall time, to the second (a cell has no zone)."""
    wall = clock.wall(org_id, moment)
    return wall.replace(microsecond=0) if wall is not None else None


def _state(code: str) -> str:
    return {"enrolled": translate("Training", "Enrolled"), "waiting": translate("Training", "Waiting list"),
            "cancelled": translate("Training", "Cancelled")}.get(code, code)


def _attended(value: bool | None) -> str:
    if value is None:
        return ""
    return translate("Training", "Present") if value else translate("Training", "Absent")


def _result(passed: bool | None) -> str:
    if passed is None:
        return ""
    return translate("Training", "Passed") if passed else translate("Training", "Failed")
