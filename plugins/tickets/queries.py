"""Read side: the filtered ticket list (lazy pages over indexed ORDER BY + LIMIT), the queues
sorted by due time, the timeline and one ticket's full record."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.auth.actor import Actor
from app.auth.models import User
from app.clock import utcnow
from app.orgs.scope import org_filter
from plugins.tickets.lifecycle import load_ticket, visible_ticket_clause
from plugins.tickets.models import (Asset, Customer, EmergencyStep, Escalation, RemoteSession, RepairOrder,
                                    RepairPart, Ticket, TicketEvent)
from plugins.tickets.ownership import owned_here
from plugins.tickets.permissions import VIEW

SORT_COLUMNS = {"opened_at": Ticket.opened_at, "number": Ticket.number, "priority": Ticket.priority,
                "state": Ticket.state, "due": Ticket.next_due_at}
DUE_SOON = timedelta(hours=1)


@dataclass
class TicketFilter:
    """The list's filters; empty means "any"."""

    states: Sequence[str] = field(default_factory=tuple)
    priority: int | None = None
    category: str | None = None
    engineer_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    breached: bool | None = None
    opened_from: datetime | None = None
    opened_to: datetime | None = None
    text: str = ""  # ticket number, serial number or the start of a customer name
    open_only: bool = False
    org_id: uuid.UUID | None = None  # the org filter: tickets this unit owns (not those escalated to it)
    subtree: bool = False  # ... and those of the units below it


@dataclass(frozen=True)
class TicketRow:
    id: uuid.UUID
    number: str
    state: str
    priority: int
    category: str
    customer: str
    product_line: str
    serial_number: str
    engineer: str
    opened_at: datetime
    next_due_at: datetime | None
    breached: bool

    def urgency(self, now: datetime) -> str:
        """"breached", "due_soon" or "" — what the queues colour rows by."""
        if self.breached or (self.next_due_at is not None and self.next_due_at <= now):
            return "breached"
        if self.next_due_at is not None and self.next_due_at - now <= DUE_SOON:
            return "due_soon"
        return ""


def _filtered(actor: Actor, filters: TicketFilter, narrowed=None):
    """``narrowed``: the org filter's clause (``_narrowed`` resolves it; it needs the session)."""
    stmt = select(Ticket.id).where(visible_ticket_clause(actor), Ticket.deleted_at.is_(None))
    if narrowed is not None:
        stmt = stmt.where(narrowed)
    if filters.states:
        stmt = stmt.where(Ticket.state.in_(list(filters.states)))
    if filters.open_only:
        stmt = stmt.where(Ticket.is_open.is_(True))
    for column, value in ((Ticket.priority, filters.priority), (Ticket.category, filters.category),
                          (Ticket.engineer_id, filters.engineer_id), (Ticket.customer_id, filters.customer_id),
                          (Ticket.breached, filters.breached)):
        if value is not None:
            stmt = stmt.where(column == value)
    if filters.opened_from:
        stmt = stmt.where(Ticket.opened_at >= filters.opened_from)
    if filters.opened_to:
        stmt = stmt.where(Ticket.opened_at < filters.opened_to)
    text = filters.text.strip()
    if text:
        customers = select(Customer.id).where(Customer.name.startswith(text))
        stmt = stmt.where((Ticket.number == text.upper()) | (Ticket.number.startswith(text.upper()))
                          | (Ticket.serial_number == text.upper()) | Ticket.customer_id.in_(customers))
    return stmt


def _narrowed(session: Session, actor: Actor, filters: TicketFilter):
    """``_filtered`` with the org filter resolved (a unit outside the scope raises PermissionDenied)."""
    return _filtered(actor, filters, org_filter(session, actor, Ticket.org_id, filters.org_id, filters.subtree))


def _rows(session: Session, stmt) -> list[TicketRow]:
    engineer = aliased(User)
    ids = stmt.subquery()
    query = (select(Ticket.id, Ticket.number, Ticket.state, Ticket.priority, Ticket.category, Customer.name,
                    Ticket.product_line, Ticket.serial_number, engineer.display_name, Ticket.opened_at,
                    Ticket.next_due_at, Ticket.breached)
             .join(ids, ids.c.id == Ticket.id).join(Customer, Customer.id == Ticket.customer_id)
             .outerjoin(engineer, engineer.id == Ticket.engineer_id))
    return query


def list_tickets(session: Session, actor: Actor, filters: TicketFilter | None = None, *, offset: int = 0,
                 limit: int = 200, sort: str = "opened_at", descending: bool = True) -> list[TicketRow]:
    """One page of the ticket list. Sorting and paging happen in the inner, indexed query; the
    names are joined for that page only."""
    actor.require(VIEW)
    column = SORT_COLUMNS.get(sort, Ticket.opened_at)
    order = [column.desc(), Ticket.id.desc()] if descending else [column.asc(), Ticket.id.asc()]
    inner = _narrowed(session, actor, filters or TicketFilter()).order_by(*order).offset(offset).limit(limit)
    query = _rows(session, inner).order_by(*order)
    return [TicketRow(*row) for row in session.execute(query)]


def count_tickets(session: Session, actor: Actor, filters: TicketFilter | None = None) -> int:
    actor.require(VIEW)
    return session.scalar(select(func.count()).select_from(
        _narrowed(session, actor, filters or TicketFilter()).subquery()))


def queue(session: Session, actor: Actor, *, mine: bool = False, escalated: bool = False, offset: int = 0,
          limit: int = 200) -> list[TicketRow]:
    """Open cases by due time, earliest first. ``mine``: those assigned to the actor ("My queue");
    ``escalated``: those escalated to the actor's unit, whoever owns them; otherwise everything
    open the actor's unit answers for ("Response center")."""
    actor.require(VIEW)
    stmt = _filtered(actor, TicketFilter(open_only=True))
    if mine:
        stmt = stmt.where(Ticket.engineer_id == actor.user_id)
    if escalated:
        stmt = stmt.where(Ticket.escalated_to_org_id == actor.org_id)
    order = [Ticket.next_due_at.asc().nulls_last(), Ticket.id]
    inner = stmt.order_by(*order).offset(offset).limit(limit)
    return [TicketRow(*row) for row in session.execute(_rows(session, inner).order_by(*order))]


def timeline(session: Session, actor: Actor, ticket_id: uuid.UUID) -> Sequence[TicketEvent]:
    ticket = load_ticket(session, actor, ticket_id)
    return session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket.id)
                           .order_by(TicketEvent.at, TicketEvent.id)).all()


def ticket_details(session: Session, actor: Actor, ticket_id: uuid.UUID) -> dict:
    """The ticket window's data in one call: ticket, customer, asset, repair order and parts,
    remote sessions, escalations, emergency steps and the timeline; ``owned_here``: whether this
    node may change the ticket itself (else only add notes and answers); ``escalated_here``:
    whether the case was escalated to the actor's unit (which may answer it)."""
    ticket = load_ticket(session, actor, ticket_id)

    def rows(model, *order):
        return session.scalars(select(model).where(model.ticket_id == ticket.id).order_by(*order)).all()

    order = session.scalar(select(RepairOrder).where(RepairOrder.ticket_id == ticket.id))
    parts = (session.scalars(select(RepairPart).where(RepairPart.repair_order_id == order.id)).all()
             if order else [])
    engineer = session.get(User, ticket.engineer_id) if ticket.engineer_id else None
    escalations = rows(Escalation, Escalation.at)
    return {
        "ticket": ticket, "customer": session.get(Customer, ticket.customer_id),
        "asset": session.get(Asset, ticket.asset_id) if ticket.asset_id else None,
        "engineer": engineer, "repair_order": order, "parts": parts,
        "remote_sessions": rows(RemoteSession, RemoteSession.authorised_at),
        "escalations": escalations,
        "emergency_steps": rows(EmergencyStep, EmergencyStep.position),
        "events": rows(TicketEvent, TicketEvent.at, TicketEvent.id),
        "owned_here": owned_here(session, ticket.org_id),
        "escalated_here": any(e.to_org_id == actor.org_id for e in escalations),
    }


def open_and_breached_counts(session: Session, actor: Actor) -> tuple[int, int]:
    base = select(func.count()).select_from(Ticket).where(visible_ticket_clause(actor), Ticket.is_open.is_(True),
                                                          Ticket.deleted_at.is_(None))
    open_count = session.scalar(base) or 0
    breached = session.scalar(base.where((Ticket.breached.is_(True)) | (Ticket.next_due_at <= utcnow()))) or 0
    return open_count, breached
