"""Quality complaints (质量投诉): the branch manager hears of them at once, and the org unit's
emergency plan (应急预案) becomes a checklist of steps with owners and deadlines."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User, user_roles
from app.auth.roles import BRANCH_MANAGER, DISPATCHER, FOLLOWUP
from app.clock import utcnow
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.service import answering_unit, effective_setting
from plugins.tickets.domain.events import record_event
from plugins.tickets.models import EmergencyStep, Ticket
from plugins.tickets.permissions import EMERGENCY


def default_plan() -> list[dict]:
    """The plan a unit follows unless it (or an ancestor) sets ``emergency_plan``:
    a list of {"title", "owner_role", "hours"} where hours count from the complaint."""
    return [
        {"title": translate("Tickets", "Call the customer back and acknowledge the complaint"),
         "owner_role": BRANCH_MANAGER, "hours": 1},
        {"title": translate("Tickets", "Report the complaint to the HQ quality department"),
         "owner_role": BRANCH_MANAGER, "hours": 4},
        {"title": translate("Tickets", "Send a senior engineer to the customer"), "owner_role": DISPATCHER,
         "hours": 8},
        {"title": translate("Tickets", "Submit the root-cause analysis and corrective actions"),
         "owner_role": BRANCH_MANAGER, "hours": 72},
        {"title": translate("Tickets", "Confirm the customer's satisfaction with the outcome"),
         "owner_role": FOLLOWUP, "hours": 120},
    ]


def responsible_branch(session: Session, org: OrgUnit) -> OrgUnit:
    """The branch that answers for a unit: itself, or the branch above a partner."""
    return answering_unit(session, org)


def start_complaint_handling(session: Session, actor: Actor, ticket: Ticket, now: datetime) -> list[EmergencyStep]:
    org = session.get(OrgUnit, ticket.org_id)
    branch = responsible_branch(session, org)
    if branch.id != ticket.org_id:
        ticket.escalated_to_org_id = branch.id  # the branch manager's queue shows it
    record_event(session, ticket, actor, "complaint_notice", {"unit": branch.name}, at=now)
    plan = effective_setting(session, org, "emergency_plan") or default_plan()
    steps = []
    for position, item in enumerate(plan, start=1):
        role = item.get("owner_role", BRANCH_MANAGER)
        step = EmergencyStep(org_id=ticket.org_id, ticket_id=ticket.id, position=position, title=item["title"],
                             owner_role=role, owner_id=_owner(session, role, (org, branch)),
                             due_at=now + timedelta(hours=float(item.get("hours", 24))), note="")
        session.add(step)
        steps.append(step)
    record_event(session, ticket, actor, "emergency_plan", {"count": len(steps)}, at=now)
    session.flush()
    return steps


def _owner(session: Session, role: str, units) -> uuid.UUID | None:
    """The first active holder of ``role`` in the ticket's unit, else in its branch."""
    for unit in units:
        owner = session.scalar(select(User.id).join(user_roles, user_roles.c.user_id == User.id)
                               .where(user_roles.c.role_code == role, User.org_id == unit.id,
                                      User.active.is_(True), User.deleted_at.is_(None))
                               .order_by(User.username).limit(1))
        if owner is not None:
            return owner
    return None


def plan_steps(session: Session, actor: Actor, ticket_id: uuid.UUID) -> Sequence[EmergencyStep]:
    from plugins.tickets.domain.lifecycle import load_ticket

    ticket = load_ticket(session, actor, ticket_id)
    return session.scalars(select(EmergencyStep).where(EmergencyStep.ticket_id == ticket.id)
                           .order_by(EmergencyStep.position)).all()


def may_tick(step: EmergencyStep, actor: Actor) -> bool:
    """A step is ticked off by its owner role, its owner, or anyone with the emergency permission."""
    return actor.has(EMERGENCY) or step.owner_role in actor.roles or step.owner_id == actor.user_id


def complete_step(session: Session, actor: Actor, step_id: uuid.UUID, note: str = "") -> EmergencyStep:
    """Tick off a step: its owner role or anyone with the emergency permission may."""
    from plugins.tickets.domain.lifecycle import ensure_changeable, load_ticket
    from plugins.tickets.domain.ownership import ensure_owned

    step = session.get(EmergencyStep, step_id)
    if step is None:
        raise NotFound(translate("Tickets", "No such emergency-plan step."))
    ticket = load_ticket(session, actor, step.ticket_id)
    if not may_tick(step, actor):
        raise PermissionDenied(translate("Tickets", "This step belongs to another role."))
    ensure_changeable(ticket)
    ensure_owned(session, ticket.org_id, ticket.number)  # the step is a row of the owning node's plan
    if step.done_at is not None:
        raise ValidationError(translate("Tickets", "This step is already done."), field="step")
    step.done_at, step.done_by, step.note = utcnow(), actor.user_id, (note or "").strip()
    record_event(session, ticket, actor, "emergency_step",
                 {"n": step.position, "title": step.title, "late": step.done_at > step.due_at, "text": step.note},
                 at=step.done_at)
    session.flush()
    return step
