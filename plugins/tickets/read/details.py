"""One ticket in full, for the ticket window: the ticket, its customer and machine, repair order
and parts, remote sessions, escalations, emergency steps and timeline."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User
from plugins.tickets.domain.lifecycle import load_ticket
from plugins.tickets.models import EmergencyStep, Escalation, RemoteSession, RepairOrder, RepairPart, TicketEvent
from plugins.tickets.domain.ownership import owned_here
from plugins.tickets.domain.timeline import timeline_lines
from plugins.tickets.labels import case_state_label
from plugins.tickets.read.customer_join import customer_and_asset


def timeline(session: Session, actor: Actor, ticket_id: uuid.UUID) -> Sequence[TicketEvent]:
    ticket = load_ticket(session, actor, ticket_id)
    return session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket.id)
                           .order_by(TicketEvent.at, TicketEvent.id)).all()


def ticket_details(session: Session, actor: Actor, ticket_id: uuid.UUID, hook=None) -> dict:
    """The ticket window's data in one call: ticket, customer, asset, repair order and parts,
    remote sessions, escalations, emergency steps and the timeline (``events``; ``lines``: the
    events and, with ``hook``, other plugins' entries (``case_timeline``), in time order);
    ``owned_here``: whether this node may change the ticket itself (else only add notes and
    answers); ``escalated_here``: whether the case was escalated to the actor's unit (which may
    answer it); ``state_text``: the state in words, a signed repair order said to be signed."""
    ticket = load_ticket(session, actor, ticket_id)

    def rows(model, *order):
        return session.scalars(select(model).where(model.ticket_id == ticket.id).order_by(*order)).all()

    order = session.scalar(select(RepairOrder).where(RepairOrder.ticket_id == ticket.id))
    parts = (session.scalars(select(RepairPart).where(RepairPart.repair_order_id == order.id)).all()
             if order else [])
    engineer = session.get(User, ticket.engineer_id) if ticket.engineer_id else None
    escalations = rows(Escalation, Escalation.at)
    events = rows(TicketEvent, TicketEvent.at, TicketEvent.id)
    customer, asset = customer_and_asset(session, ticket)
    return {
        "ticket": ticket, "customer": customer, "asset": asset,
        "state_text": case_state_label(ticket.state, signed=order is not None and order.signed_at is not None),
        "engineer": engineer, "repair_order": order, "parts": parts,
        "remote_sessions": rows(RemoteSession, RemoteSession.authorised_at),
        "escalations": escalations,
        "emergency_steps": rows(EmergencyStep, EmergencyStep.position),
        "events": events,
        "lines": timeline_lines(events, _entries(session, ticket.id, hook)),
        "owned_here": owned_here(session, ticket.org_id),
        "escalated_here": any(e.to_org_id == actor.org_id for e in escalations),
    }


def _entries(session: Session, ticket_id: uuid.UUID, hook) -> list:
    if hook is None:
        return []
    return [entry for answer in hook.case_timeline(session=session, ticket_id=ticket_id) for entry in answer or ()]
