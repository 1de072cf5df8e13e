"""A row of a ticket list: the ticket's listed columns with the customer's and engineer's names,
read for a page of ids or streamed in the list's order."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Boolean, case, exists, false, select, type_coerce
from sqlalchemy.orm import Session, aliased

from app.auth.models import User
from plugins.tickets.models import RepairOrder, Ticket
from plugins.tickets.read.customer_join import CUSTOMER_NAME, with_customer_name
from plugins.tickets.read.urgency import urgency


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
    engineer: str | None
    opened_at: datetime
    next_due_at: datetime | None
    breached: bool
    is_open: bool
    org_id: uuid.UUID
    signed: bool = False  # awaiting sign-off, and the customer has signed

    def urgency(self, now: datetime) -> str:
        """"breached", "due_soon" or "": what the lists colour rows by (``read.urgency``)."""
        return urgency(self.is_open, self.state, self.breached, self.next_due_at, now)


# Looked up only for cases awaiting sign-off, so long lists pay nothing for it.
SIGNED = type_coerce(case((Ticket.state == "awaiting_signoff",
                           exists().where(RepairOrder.ticket_id == Ticket.id, RepairOrder.signed_at.is_not(None))),
                          else_=false()), Boolean).label("signed")


def row_query():
    """The listed columns of tickets, named as ``TicketRow``'s fields; add WHERE and ORDER BY."""
    engineer = aliased(User)
    query = select(Ticket.id, Ticket.number, Ticket.state, Ticket.priority, Ticket.category, CUSTOMER_NAME,
                   Ticket.product_line, Ticket.serial_number, engineer.display_name.label("engineer"),
                   Ticket.opened_at, Ticket.next_due_at, Ticket.breached, Ticket.is_open, Ticket.org_id, SIGNED)
    return with_customer_name(query.select_from(Ticket)).outerjoin(engineer, engineer.id == Ticket.engineer_id)


def as_row(row) -> TicketRow:
    return TicketRow(**row._mapping)


def rows_of(session: Session, ids: Sequence[uuid.UUID]) -> list[TicketRow]:
    """The rows of ``ids``, in that order (a page's names are joined for its rows only)."""
    if not ids:
        return []
    by_id = {row.id: as_row(row) for row in session.execute(row_query().where(Ticket.id.in_(list(ids))))}
    return [by_id[i] for i in ids if i in by_id]
