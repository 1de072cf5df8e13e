"""Generating a unit's quarterly visit plan and changing who visits whom, and when.

Every active customer of the unit gets exactly one visit per quarter. Customers are handed out
region by region, each to the person with the fewest visits in that region so far and, among
those, the fewest visits overall: each person's share of every region differs by at most one.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import ValidationError
from app.i18n import translate
from app.orgs.scope import visible_unit
from plugins.customers.service import Customer
from plugins.visits.plan_models import PlannedVisit, VisitPlan
from plugins.visits.plan_rules import (Person, check_in_quarter, ensure_written_here, parse_quarter, plan_of,
                                       visit_for_change, visiting_people)


@dataclass(frozen=True)
class PlanOutcome:
    """What a generation did: visits added (or re-planned), cancelled, and done ones kept."""

    plan_id: uuid.UUID
    added: int
    cancelled: int
    kept_done: int


class LoadBalancer:
    """Hands out customers by region and current load (see the module's docstring)."""

    def __init__(self, people: list[Person]):
        self.people = people
        self.total: Counter[uuid.UUID] = Counter()
        self.in_region: Counter[tuple[uuid.UUID, str]] = Counter()

    def count(self, person_id: uuid.UUID, region: str) -> None:
        self.total[person_id] += 1
        self.in_region[(person_id, region)] += 1

    def take(self, region: str) -> uuid.UUID:
        chosen = min(self.people, key=lambda p: (self.in_region[(p.id, region)], self.total[p.id], p.name, str(p.id)))
        self.count(chosen.id, region)
        return chosen.id


def generate_plan(session: Session, actor: Actor, org_id: uuid.UUID | None, quarter: str) -> PlanOutcome:
    """Create or bring up to date the unit's plan: visits done stay as they are (with their
    assignee); new customers are added; planned visits of retired customers are cancelled."""
    unit = visible_unit(session, actor, org_id)
    ensure_written_here(session, unit.id)
    period = parse_quarter(quarter)
    people = visiting_people(session, unit.id)
    if not people:
        raise ValidationError(translate("Visits", "{unit} has no active salesperson or field engineer to visit its "
                                                  "customers.").format(unit=unit.name), field="assignee")
    plan = plan_of(session, unit.id, period)
    if plan is None:
        plan = VisitPlan(org_id=unit.id, quarter=period.label)
        session.add(plan)
        session.flush()
    visits = {v.customer_id: v for v in session.scalars(select(PlannedVisit).where(PlannedVisit.plan_id == plan.id))}
    active = {c.id: c for c in session.execute(select(Customer.id, Customer.name, Customer.region).where(
        Customer.org_id == unit.id, Customer.deleted_at.is_(None)))}
    cancelled = _cancel_retired(visits, active)
    balancer = LoadBalancer(people)
    eligible = {p.id for p in people}
    to_plan = []
    for customer in active.values():
        visit = visits.get(customer.id)
        if visit is None or visit.state == "cancelled" or (visit.state == "planned" and visit.assignee_id not in eligible):
            to_plan.append(customer)
        elif visit.assignee_id in eligible:
            balancer.count(visit.assignee_id, customer.region)
    for customer in sorted(to_plan, key=lambda c: (c.region, c.name)):
        _plan_visit(session, plan, visits.get(customer.id), customer.id, balancer.take(customer.region))
    session.flush()
    kept = sum(1 for v in visits.values() if v.state == "done")
    audit.record(session, actor, "visit_plan", plan.id, "generate", f"{unit.code} {period.label}")
    return PlanOutcome(plan.id, len(to_plan), cancelled, kept)


def _cancel_retired(visits: dict[uuid.UUID, PlannedVisit], active: dict) -> int:
    retired = [v for customer_id, v in visits.items() if customer_id not in active and v.state == "planned"]
    for visit in retired:
        visit.state = "cancelled"
    return len(retired)


def _plan_visit(session: Session, plan: VisitPlan, visit: PlannedVisit | None, customer_id: uuid.UUID,
                assignee_id: uuid.UUID) -> None:
    if visit is None:
        session.add(PlannedVisit(org_id=plan.org_id, plan_id=plan.id, customer_id=customer_id,
                                 assignee_id=assignee_id))
        return
    if visit.state == "cancelled":  # a customer back in service: its visit is due again
        visit.planned_on = None
    visit.state = "planned"
    visit.assignee_id = assignee_id


def reassign(session: Session, actor: Actor, visit_id: uuid.UUID, assignee_id: uuid.UUID,
             planned_on: date | None = None) -> PlannedVisit:
    """Give a planned visit to another salesperson or engineer of the unit, and set its date."""
    visit, quarter = visit_for_change(session, actor, visit_id)
    if visit.state != "planned":
        raise ValidationError(translate("Visits", "Only a planned visit can be reassigned; this one is {state}.").format(
            state=state_label(visit.state)))
    if assignee_id not in {p.id for p in visiting_people(session, visit.org_id)}:
        raise ValidationError(translate("Visits", "Choose an active salesperson or field engineer of the unit."),
                              field="assignee")
    check_in_quarter(planned_on, quarter, "planned_on", translate("Visits", "Planned date"))
    before = {"assignee": str(visit.assignee_id), "planned_on": str(visit.planned_on)}
    visit.assignee_id = assignee_id
    visit.planned_on = planned_on
    session.flush()
    audit.record(session, actor, "visit", visit.id, "reassign", before=before,
                 after={"assignee": str(assignee_id), "planned_on": str(planned_on)})
    return visit


def state_label(state: str) -> str:
    return {"planned": translate("Visits", "planned"), "done": translate("Visits", "done"),
            "cancelled": translate("Visits", "cancelled")}.get(state, state)
