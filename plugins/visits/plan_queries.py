"""Reading visit plans: the plan's lines, the open actions, coverage, overdue and unplanned customers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from app.auth.actor import Actor
from app.auth.models import User
from app.orgs.models import OrgUnit
from app.orgs.scope import org_filter, org_scope
from plugins.customers.service import Customer
from plugins.visits.plan_models import PlannedVisit, VisitAction, VisitPlan, VisitRecord
from app.orgs.scope import visible_unit
from plugins.visits.plan_rules import Person, parse_quarter, people_of, unit_today, visiting_people


@dataclass(frozen=True)
class PlanLine:
    visit_id: uuid.UUID
    org_id: uuid.UUID
    customer: str
    region: str
    assignee_id: uuid.UUID
    assignee: str
    planned_on: date | None
    state: str
    visited_on: date | None


@dataclass(frozen=True)
class ActionLine:
    action_id: uuid.UUID
    org_id: uuid.UUID
    customer: str
    text: str
    owner: str
    due_on: date
    done_at: datetime | None


@dataclass(frozen=True)
class CoverageLine:
    """Visits planned (not cancelled) and done for one unit or person."""

    name: str
    planned: int
    done: int

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.planned if self.planned else 0.0


@dataclass(frozen=True)
class Coverage:
    units: list[CoverageLine]
    people: list[CoverageLine]


@dataclass(frozen=True)
class UnplannedCustomer:
    customer_id: uuid.UUID
    customer: str
    region: str
    unit: str


@dataclass(frozen=True)
class Gaps:
    overdue: list[PlanLine]
    unplanned: list[UnplannedCustomer]


def _user_name():
    return func.coalesce(func.nullif(User.display_name, ""), User.username)


def _plan_lines_stmt(actor: Actor, quarter_label: str):
    return (select(PlannedVisit.id, PlannedVisit.org_id, Customer.name, Customer.region, PlannedVisit.assignee_id,
                   _user_name(), PlannedVisit.planned_on, PlannedVisit.state, VisitRecord.visited_on)
            .join(VisitPlan, VisitPlan.id == PlannedVisit.plan_id)
            .join(Customer, Customer.id == PlannedVisit.customer_id)
            .join(User, User.id == PlannedVisit.assignee_id)
            .outerjoin(VisitRecord, VisitRecord.visit_id == PlannedVisit.id)
            .where(VisitPlan.quarter == quarter_label, VisitPlan.deleted_at.is_(None),
                   PlannedVisit.deleted_at.is_(None), org_scope(actor, PlannedVisit.org_id))
            .order_by(Customer.region, Customer.name, PlannedVisit.id))


def plan_lines(session: Session, actor: Actor, org_id: uuid.UUID | None, quarter: str) -> list[PlanLine]:
    """The unit's plan for the quarter (the actor's own unit without ``org_id``), by region and customer."""
    return [PlanLine(*row) for row in session.execute(plan_lines_query(session, actor, org_id, quarter))]


def plan_lines_query(session: Session, actor: Actor, org_id: uuid.UUID | None, quarter: str):
    """The rows of ``plan_lines`` (``PlanLine`` fields), for the page and for streaming to a workbook."""
    unit = visible_unit(session, actor, org_id)
    period = parse_quarter(quarter)
    return _plan_lines_stmt(actor, period.label).where(PlannedVisit.org_id == unit.id)


def action_lines(session: Session, actor: Actor, org_id: uuid.UUID | None, quarter: str, *,
                 open_only: bool = True) -> list[ActionLine]:
    """Actions agreed at the unit's visits of the quarter, by due date."""
    stmt = action_lines_query(session, actor, org_id, quarter, open_only=open_only)
    return [ActionLine(*row) for row in session.execute(stmt)]


def action_lines_query(session: Session, actor: Actor, org_id: uuid.UUID | None, quarter: str, *,
                       open_only: bool = True):
    """The rows of ``action_lines`` (``ActionLine`` fields), for the page and for streaming to a workbook."""
    unit = visible_unit(session, actor, org_id)
    period = parse_quarter(quarter)
    stmt = (select(VisitAction.id, VisitAction.org_id, Customer.name, VisitAction.text, _user_name(),
                   VisitAction.due_on, VisitAction.done_at)
            .join(PlannedVisit, PlannedVisit.id == VisitAction.visit_id)
            .join(VisitPlan, VisitPlan.id == PlannedVisit.plan_id)
            .join(Customer, Customer.id == PlannedVisit.customer_id)
            .join(User, User.id == VisitAction.owner_id)
            .where(VisitPlan.quarter == period.label, VisitAction.org_id == unit.id, VisitAction.deleted_at.is_(None),
                   org_scope(actor, VisitAction.org_id))
            .order_by(VisitAction.due_on, Customer.name, VisitAction.id))
    if open_only:
        stmt = stmt.where(VisitAction.done_at.is_(None))
    return stmt


def coverage(session: Session, actor: Actor, quarter: str, org_id: uuid.UUID | None = None) -> Coverage:
    """Visits planned and done in the quarter per unit and per person: all the actor sees, or
    ``org_id`` and the units below it."""
    period = parse_quarter(quarter)
    live = PlannedVisit.state != "cancelled"
    planned = func.sum(case((live, 1), else_=0))
    done = func.sum(case((PlannedVisit.state == "done", 1), else_=0))
    base = (select().select_from(PlannedVisit).join(VisitPlan, VisitPlan.id == PlannedVisit.plan_id)
            .where(VisitPlan.quarter == period.label, VisitPlan.deleted_at.is_(None), PlannedVisit.deleted_at.is_(None),
                   org_scope(actor, PlannedVisit.org_id),
                   org_filter(session, actor, PlannedVisit.org_id, org_id, subtree=True)))
    units = base.join(OrgUnit, OrgUnit.id == PlannedVisit.org_id).add_columns(
        OrgUnit.name, planned, done).group_by(OrgUnit.id, OrgUnit.name).order_by(OrgUnit.name)
    people = base.join(User, User.id == PlannedVisit.assignee_id).add_columns(
        _user_name(), planned, done).group_by(User.id, User.display_name, User.username).order_by(_user_name())
    return Coverage([CoverageLine(n, int(p or 0), int(d or 0)) for n, p, d in session.execute(units)],
                    [CoverageLine(n, int(p or 0), int(d or 0)) for n, p, d in session.execute(people)])


def overdue_and_unplanned(session: Session, actor: Actor, quarter: str,
                          org_id: uuid.UUID | None = None) -> Gaps:
    """Planned visits whose date has passed (or whose quarter has ended) and active customers
    without a visit in the quarter's plan, in what the actor sees (or ``org_id`` and below)."""
    period = parse_quarter(quarter)
    narrow = org_filter(session, actor, PlannedVisit.org_id, org_id, subtree=True)
    planned = session.execute(_plan_lines_stmt(actor, period.label).where(PlannedVisit.state == "planned", narrow))
    overdue = []
    for line in (PlanLine(*row) for row in planned):
        today = unit_today(session, line.org_id)
        if period.end <= today or (line.planned_on is not None and line.planned_on < today):
            overdue.append(line)
    return Gaps(overdue, _unplanned(session, actor, period.label, org_id))


def _unplanned(session: Session, actor: Actor, quarter_label: str, org_id: uuid.UUID | None) -> list[UnplannedCustomer]:
    visit = aliased(PlannedVisit)
    has_visit = (select(visit.id).join(VisitPlan, VisitPlan.id == visit.plan_id)
                 .where(visit.customer_id == Customer.id, VisitPlan.org_id == Customer.org_id, VisitPlan.quarter == quarter_label,
                        and_(visit.state != "cancelled", visit.deleted_at.is_(None))).exists())
    stmt = (select(Customer.id, Customer.name, Customer.region, OrgUnit.name)
            .join(OrgUnit, OrgUnit.id == Customer.org_id)
            .where(Customer.deleted_at.is_(None), ~has_visit, org_scope(actor, Customer.org_id),
                   org_filter(session, actor, Customer.org_id, org_id, subtree=True))
            .order_by(OrgUnit.name, Customer.region, Customer.name))
    return [UnplannedCustomer(*row) for row in session.execute(stmt)]


def assignee_choices(session: Session, actor: Actor, org_id: uuid.UUID | None) -> list[Person]:
    """Who may be given the unit's visits: its active salespeople and field engineers."""
    return visiting_people(session, visible_unit(session, actor, org_id).id)


def owner_choices(session: Session, actor: Actor, org_id: uuid.UUID | None) -> list[Person]:
    """Who may own an action agreed at a visit: any active user of the unit."""
    return people_of(session, visible_unit(session, actor, org_id).id)
