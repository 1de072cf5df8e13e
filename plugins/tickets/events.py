"""The append-only ticket timeline: every action and note becomes one event row."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.clock import utcnow
from plugins.tickets.models import Ticket, TicketEvent

SYSTEM_NAME = "system"


def record_event(session: Session, ticket: Ticket, actor: Actor | None, kind: str, text: str = "", *,
                 from_state: str | None = None, to_state: str | None = None,
                 at: datetime | None = None) -> TicketEvent:
    event = TicketEvent(org_id=ticket.org_id, ticket_id=ticket.id, at=at or utcnow(),
                        actor_id=actor.user_id if actor else None,
                        actor_name=actor.display_name if actor else SYSTEM_NAME,
                        kind=kind, from_state=from_state, to_state=to_state, text=text)
    session.add(event)
    return event
