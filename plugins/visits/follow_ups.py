"""Follow-up calls: one per closed ticket, due two days after closing. Behind the door
(``service``), which checks the permissions; queries keep to the actor's org scope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.scope import org_filter, org_scope
from app.specs import TicketClosed
from plugins.customers import service as customers
from plugins.visits.models import FollowUpCall

FOLLOW_UP_DELAY = timedelta(days=2)


def schedule_follow_up(session: Session, event: TicketClosed) -> FollowUpCall:
    existing = session.scalar(select(FollowUpCall).where(FollowUpCall.ticket_id == event.ticket_id,
                                                         FollowUpCall.state == "due"))
    if existing is not None:  # a reopened and re-closed ticket keeps one open call
        return existing
    call = FollowUpCall(org_id=event.org_id, ticket_id=event.ticket_id, ticket_number=event.ticket_number,
                        customer_id=event.customer_id, due_at=event.closed_at + FOLLOW_UP_DELAY)
    session.add(call)
    session.flush()
    return call


def list_calls(session: Session, actor: Actor, state: str | None = "due", limit: int = 500, *,
               org_id: uuid.UUID | None = None, subtree: bool = False) -> Sequence[FollowUpCall]:
    """Calls by due time; ``org_id``/``subtree``: the org filter (the unit owning the closed ticket)."""
    stmt = select(FollowUpCall).where(org_scope(actor, FollowUpCall.org_id), FollowUpCall.deleted_at.is_(None),
                                      org_filter(session, actor, FollowUpCall.org_id, org_id, subtree))
    if state:
        stmt = stmt.where(FollowUpCall.state == state)
    return session.scalars(stmt.order_by(FollowUpCall.due_at).limit(limit)).all()


@dataclass(frozen=True)
class CallLine:
    """A follow-up call with whom to call: the customer, its contact person and their phone."""

    call: FollowUpCall
    customer: str
    contact: str
    phone: str


def list_call_lines(session: Session, actor: Actor, state: str | None = "due", limit: int = 500, *,
                    org_id: uuid.UUID | None = None, subtree: bool = False) -> list[CallLine]:
    """``list_calls`` with the customer's name and contact, as the customer registry has them."""
    calls = list_calls(session, actor, state, limit, org_id=org_id, subtree=subtree)
    reach = customers.contacts_of(session, actor, (c.customer_id for c in calls))
    unknown = customers.CustomerContact("", "", "")
    lines = []
    for call in calls:
        found = reach.get(call.customer_id, unknown)
        lines.append(CallLine(call, found.name, found.contact, found.phone))
    return lines


def count_due(session: Session, actor: Actor) -> int:
    stmt = select(func.count()).select_from(FollowUpCall).where(
        org_scope(actor, FollowUpCall.org_id), FollowUpCall.state == "due", FollowUpCall.due_at <= utcnow())
    return session.scalar(stmt) or 0


def record_call(session: Session, actor: Actor, call_id: uuid.UUID, *, reached: bool,
                solved: bool | None = None, satisfaction: int | None = None, notes: str = "") -> FollowUpCall:
    call = session.get(FollowUpCall, call_id)
    if call is None or call.org_id not in set(session.scalars(select(FollowUpCall.org_id).where(
            org_scope(actor, FollowUpCall.org_id), FollowUpCall.id == call_id))):
        raise NotFound(translate("Visits", "No such follow-up call."))
    if reached and (satisfaction is None or not 1 <= satisfaction <= 5):
        raise ValidationError(translate("Visits", "Satisfaction is a score from 1 to 5."), field="satisfaction")
    call.state = "done" if reached else "unreachable"
    call.solved = solved if reached else None
    call.satisfaction = satisfaction if reached else None
    call.notes = notes
    call.called_by = actor.user_id
    call.called_at = utcnow()
    session.flush()
    return call

