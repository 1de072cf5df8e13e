"""The append-only ticket timeline: every action and note becomes one event row.

A row stores what happened as a ``kind`` and ``params`` (names, codes, states, and under the
key ``"text"`` the user's own words, verbatim); ``plugins.tickets.domain.timeline`` turns them into a
sentence in the reader's language. The user's words are also kept in the ``text`` column.

The row belongs to the unit that wrote it: when HQ answers a case a partner escalated, the line
is HQ's own row (it reaches the partner through the ticket's audience), never the partner's."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.clock import utcnow
from plugins.tickets.models import Ticket, TicketEvent

SYSTEM_NAME = "system"


def writer_org(ticket: Ticket, actor: Actor | None):
    """The unit a new row on ``ticket`` belongs to: the acting user's; the ticket's for the
    program's own lines (SLA marks), which only the node owning the ticket writes."""
    return actor.org_id if actor is not None else ticket.org_id


def record_event(session: Session, ticket: Ticket, actor: Actor | None, kind: str, params: dict | None = None, *,
                 from_state: str | None = None, to_state: str | None = None,
                 at: datetime | None = None) -> TicketEvent:
    params = {key: value for key, value in (params or {}).items() if value is not None}
    event = TicketEvent(org_id=writer_org(ticket, actor), ticket_id=ticket.id, at=at or utcnow(),
                        actor_id=actor.user_id if actor else None,
                        actor_name=actor.display_name if actor else SYSTEM_NAME,
                        kind=kind, from_state=from_state, to_state=to_state,
                        text=params.get("text") or "", params=params)
    session.add(event)
    return event
