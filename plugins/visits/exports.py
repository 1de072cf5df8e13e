"""The visits pages' lists as Excel workbooks, through the one writer (``app.reports.workbook``).

Each export takes the filter its page shows and writes every row that filter finds (the page
reads a screenful of the same query), in the page's order, streamed in batches. Moments are
date-time cells in the wall time of the row's unit: lists that can mix units (follow-up calls,
corrective actions) name each row's unit and its zone in the last columns; a plan belongs to one
unit, whose zone the time column's title names. Behind the door, which checks the permission.

    export_follow_ups(session, actor, path, *, state="due", org_id=None, subtree=False, ...) -> rows
    export_corrective_actions(session, actor, path, *, open_only=False, org_id=None, subtree=False, ...)
    export_plan_lines(session, actor, path, *, org_id=None, quarter, ...)
    export_visit_actions(session, actor, path, *, org_id=None, quarter, open_only=True, ...)
    export_inspections(session, actor, path, *, period, org_id=None, subtree=False, state=None, ...)
(each also takes ``progress=None, cancelled=None``; a cancel or a failure leaves no file)
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from app.orgs.scope import visible_unit
from plugins.visits import corrective, follow_ups, inspection_queries, plan_queries
from plugins.visits.follow_ups import state_label as call_state_label
from plugins.visits.inspection_rules import state_label as inspection_state_label
from plugins.visits.plan_queries import ActionLine, PlanLine
from plugins.visits.plans import state_label as visit_state_label

BATCH = 2000
Progress = Callable[[str, float], None]
Cancelled = Callable[[], bool]


def export_follow_ups(session: Session, actor: Actor, path: str | Path, *, state: str | None = "due",
                      org_id: uuid.UUID | None = None, subtree: bool = False, progress: Progress | None = None,
                      cancelled: Cancelled | None = None) -> int:
    """The follow-up calls page's tasks for ``state`` (all without one) and the org filter."""
    query = follow_ups.calls_query(session, actor, state, org_id=org_id, subtree=subtree)
    expected, units = _count(session, query), _Units(session)
    lines = (line for batch in _batches(session.scalars(query.execution_options(yield_per=BATCH)))
             for line in follow_ups.call_lines(session, actor, batch))
    rows = (_call_row(line, units) for line in lines)
    columns = ((translate("Visits", "Ticket"), 22), (translate("Visits", "Customer"), 30),
               (translate("Visits", "Contact"), 14), (translate("Visits", "Phone"), 16),
               (translate("Visits", "Engineer"), 14), (translate("Visits", "Closed at"), 17),
               (translate("Visits", "Call by"), 17), (translate("Visits", "Attempts"), 9),
               (translate("Visits", "State"), 12), (translate("Visits", "Completed at"), 17),
               (translate("Visits", "Solved"), 8), (translate("Visits", "Satisfaction"), 12),
               (translate("Visits", "Unit"), 10), (translate("Visits", "Time zone"), 16))
    return _write(path, translate("Visits", "Follow-up calls"), columns, rows, expected, progress, cancelled)


def _call_row(line: follow_ups.CallLine, units: _Units) -> tuple:
    call = line.call
    state = translate("Visits", "Overdue") if line.overdue else call_state_label(call.state)
    solved = None if call.solved is None else translate("Visits", "yes") if call.solved else translate("Visits", "no")
    return (call.ticket_number, line.customer, line.contact, line.phone, line.engineer,
            units.wall(call.org_id, call.closed_at), units.wall(call.org_id, call.due_at), call.attempts, state,
            units.wall(call.org_id, call.called_at), solved, call.satisfaction, units.code(call.org_id),
            units.zone(call.org_id))


def export_corrective_actions(session: Session, actor: Actor, path: str | Path, *, open_only: bool = False,
                              org_id: uuid.UUID | None = None, subtree: bool = False,
                              progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """The corrective actions page's actions (open ones only with ``open_only``) for the org filter."""
    query = corrective.corrective_query(session, actor, open_only=open_only, org_id=org_id, subtree=subtree)
    expected, units = _count(session, query), _Units(session)
    lines = (line for batch in _batches(session.execute(query.execution_options(yield_per=BATCH)))
             for line in corrective.lines_of(session, actor, batch))
    rows = (_corrective_row(line, units) for line in lines)
    columns = ((translate("Visits", "Ticket"), 22), (translate("Visits", "Customer"), 30),
               (translate("Visits", "Engineer"), 14), (translate("Visits", "Owner"), 14),
               (translate("Visits", "Satisfaction"), 12), (translate("Visits", "Reason"), 40),
               (translate("Visits", "Opened"), 17), (translate("Visits", "Due by"), 12),
               (translate("Visits", "State"), 10),
               (translate("Visits", "Closed at"), 17), (translate("Visits", "Closed by"), 14),
               (translate("Visits", "Resolution"), 40), (translate("Visits", "Unit"), 10),
               (translate("Visits", "Time zone"), 16))
    return _write(path, translate("Visits", "Corrective actions"), columns, rows, expected, progress, cancelled)


def _corrective_row(line: corrective.CorrectiveLine, units: _Units) -> tuple:
    action = line.action
    if action.closed_at is not None:
        state = translate("Visits", "Closed")
    else:
        state = translate("Visits", "Overdue") if line.overdue else translate("Visits", "Open")
    return (action.ticket_number, line.customer, line.engineer, line.owner, action.satisfaction, action.reason,
            units.wall(action.org_id, action.opened_at), action.due_on, state,
            units.wall(action.org_id, action.closed_at), line.closed_by, action.resolution, units.code(action.org_id),
            units.zone(action.org_id))


def export_plan_lines(session: Session, actor: Actor, path: str | Path, *, quarter: str,
                      org_id: uuid.UUID | None = None, progress: Progress | None = None,
                      cancelled: Cancelled | None = None) -> int:
    """The visit plan page's plan: the unit's visits of ``quarter`` (the actor's unit without ``org_id``)."""
    query = plan_queries.plan_lines_query(session, actor, org_id, quarter)
    expected = _count(session, query)
    lines = (PlanLine(*row) for row in session.execute(query.execution_options(yield_per=BATCH)))
    rows = ((line.customer, line.region, line.assignee, line.planned_on, visit_state_label(line.state),
             line.visited_on) for line in lines)
    columns = ((translate("Visits", "Customer"), 30), (translate("Visits", "Region"), 14),
               (translate("Visits", "Assignee"), 14), (translate("Visits", "Planned date"), 12),
               (translate("Visits", "State"), 10), (translate("Visits", "Visited on"), 12))
    title = translate("Visits", "Visit plan {quarter}").format(quarter=quarter.strip().upper())
    return _write(path, title, columns, rows, expected, progress, cancelled)


def export_visit_actions(session: Session, actor: Actor, path: str | Path, *, quarter: str,
                         org_id: uuid.UUID | None = None, open_only: bool = True, progress: Progress | None = None,
                         cancelled: Cancelled | None = None) -> int:
    """The visit plan page's actions: those agreed at the unit's visits of ``quarter`` (open ones)."""
    unit = visible_unit(session, actor, org_id)
    query = plan_queries.action_lines_query(session, actor, unit.id, quarter, open_only=open_only)
    expected, units = _count(session, query), _Units(session)
    lines = (ActionLine(*row) for row in session.execute(query.execution_options(yield_per=BATCH)))
    rows = ((line.customer, line.text, line.owner, line.due_on, units.wall(line.org_id, line.done_at))
            for line in lines)
    columns = ((translate("Visits", "Customer"), 30), (translate("Visits", "Action"), 50),
               (translate("Visits", "Owner"), 14), (translate("Visits", "Due date"), 12),
               (translate("Visits", "Done at ({zone})").format(zone=units.zone(unit.id)), 24))
    return _write(path, translate("Visits", "Visit actions"), columns, rows, expected, progress, cancelled)


def export_inspections(session: Session, actor: Actor, path: str | Path, *, period: str,
                       org_id: uuid.UUID | None = None, subtree: bool = False, state: str | None = None,
                       progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """The inspections page's inspections due in ``period`` (in ``state``, all without one) for the org filter."""
    query = inspection_queries.inspections_query(session, actor, period, org_id, subtree=subtree, state=state)
    expected, units = _count(session, query), _Units(session)
    lines = inspection_queries.as_lines(session, session.execute(query.execution_options(yield_per=BATCH)), {})
    rows = ((line.customer, line.engineer, line.due_on, line.done_on, _inspection_state(line.state, line.overdue),
             units.code(line.org_id)) for line in lines)
    columns = ((translate("Visits", "Customer"), 30), (translate("Visits", "Engineer"), 14),
               (translate("Visits", "Due on"), 12), (translate("Visits", "Done on"), 12),
               (translate("Visits", "State"), 16),
               (translate("Visits", "Unit"), 10))
    return _write(path, translate("Visits", "Inspections"), columns, rows, expected, progress, cancelled)


def _inspection_state(state: str, overdue: bool) -> str:
    label = inspection_state_label(state)
    return translate("Visits", "{state}, overdue").format(state=label) if overdue else label


# ---------------------------------------------------------------- shared


class _Units:
    """Each unit's code, zone and wall time, looked up once per unit however many rows it has."""

    def __init__(self, session: Session):
        self.session, self.clock = session, LocalClock(session)
        self.codes: dict[uuid.UUID, str] = {}

    def code(self, org_id: uuid.UUID) -> str:
        if org_id not in self.codes:
            unit = self.session.get(OrgUnit, org_id)
            self.codes[org_id] = unit.code if unit is not None else ""
        return self.codes[org_id]

    def zone(self, org_id: uuid.UUID) -> str:
        return self.clock.zone(org_id).key

    def wall(self, org_id: uuid.UUID, moment: datetime | None) -> datetime | None:
        """The unit's wall time, to the second (a cell has no zone)."""
        wall = self.clock.wall(org_id, moment)
        return wall.replace(microsecond=0) if wall is not None else None


def _count(session: Session, query) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def _batches(result) -> Iterator[list]:
    """A streamed result in lists of BATCH rows, so each batch's names are looked up in one go."""
    for batch in result.partitions(BATCH):
        yield list(batch)


def _write(path: str | Path, title: str, columns: Iterable[tuple[str, float]], rows: Iterable[tuple],
           expected: int, progress: Progress | None, cancelled: Cancelled | None) -> int:
    """One sheet of ``rows`` under ``columns`` (title, width) to ``path``; the rows written."""
    from app.reports.workbook import Column, Sheet, write_workbook  # loaded on first export

    sheet = Sheet(title, [Column(t, width=w) for t, w in columns], rows, expected_rows=expected, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)
