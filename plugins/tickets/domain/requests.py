"""Cases other plugins ask for through hooks: reopen a closed case that a follow-up call found
unsolved (``reopen_case``), open a case for a finding (``open_case``): a quality complaint after
a follow-up call, a fault found on an inspection.

The caller has checked its own permission (e.g. ``visits.record``). The change is made as the
user who asked, lent the one tickets permission the step needs, so that the timeline names who
did it and every other rule of the step (state, owning node, org scope, the text) still holds.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy.orm import Session

from app.auth.actor import Actor, system_actor
from app.auth.models import User
from app.auth.service import actor_for
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.specs import CaseReopenRequest, CaseRequest, OpenedCase
from plugins.tickets.domain.events import record_event
from plugins.tickets.domain.lifecycle import create_ticket, load_ticket, reopen
from plugins.tickets.models import CATEGORIES, Ticket
from plugins.tickets.permissions import CLOSE, CREATE

# How a case another plugin opens came in: a follow-up call is a phone call, an inspection is on site.
CHANNEL_OF_SOURCE = {"follow_up": "phone", "inspection": "on_site"}


def requester(session: Session, user_id: uuid.UUID | None, org_id: uuid.UUID, permission: str) -> Actor:
    """The user who asked, with ``permission`` lent for this one step; the program at ``org_id``
    when no user asked."""
    user = session.get(User, user_id) if user_id else None
    if user is not None:
        actor = actor_for(session, user)
    else:
        org = session.get(OrgUnit, org_id)
        if org is None:
            raise NotFound(translate("Tickets", "No such org unit."))
        actor = system_actor(org, frozenset())
    return replace(actor, permissions=actor.permissions | {permission})


def reopen_requested(session: Session, request: CaseReopenRequest, hook) -> str:
    """Reopen the case for the finding; the timeline's reopening line says what found it."""
    ticket = session.get(Ticket, request.ticket_id)
    if ticket is None:
        raise NotFound(translate("Tickets", "No such ticket."))
    actor = requester(session, request.requested_by, ticket.org_id, CLOSE)
    reopen(session, actor, ticket.id, request.reason, hook=hook, source=request.source)
    return ticket.number


def open_requested(session: Session, request: CaseRequest) -> OpenedCase:
    """Open the requested case in the customer's unit; a related case gets a line on both
    timelines naming the other."""
    if request.category not in CATEGORIES:
        raise ValidationError(translate("Tickets", "Unknown ticket category “{category}”.")
                              .format(category=request.category), field="category")
    actor = requester(session, request.opened_by, request.org_id, CREATE)
    related = load_ticket(session, actor, request.related_ticket_id) if request.related_ticket_id else None
    ticket = create_ticket(session, actor, customer_id=request.customer_id, symptom=request.symptom,
                           category=request.category, channel=CHANNEL_OF_SOURCE.get(request.source, "phone"),
                           priority=request.priority, serial_number=request.serial_number)
    record_event(session, ticket, actor, "opened_for", {"source": request.source,
                                                        "number": related.number if related else None})
    if related is not None:
        record_event(session, related, actor, "follow_on_case", {"source": request.source, "number": ticket.number})
    session.flush()
    return OpenedCase(ticket.id, ticket.number)
