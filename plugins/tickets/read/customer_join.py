"""Everything the ticket read model takes from the customer registry, in one place: the customer's
name beside a ticket, the quick search's customer look-up, and the customer and asset of one ticket.
When the registry gets a door of its own, this module is the only one to repoint."""

from __future__ import annotations

import uuid

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from plugins.tickets.models import Asset, Customer, Ticket

MAX_CUSTOMER_MATCHES = 500  # quick search by a short name prefix: the first 500 customers
PREFIX_END = "\U0010ffff"  # sorts after every character a prefix can be followed by

CUSTOMER_NAME = Customer.name.label("customer")


def prefix(column, text: str):
    """``column`` starts with ``text``, as a range an ordinary index serves (LIKE uses none here:
    SQLite's LIKE ignores case, PostgreSQL's needs the C collation)."""
    return and_(column >= text, column < text + PREFIX_END)


def with_customer_name(query):
    """``query`` over tickets joined to their customers, so that ``CUSTOMER_NAME`` can be selected."""
    return query.join(Customer, Customer.id == Ticket.customer_id)


def customers_named(session: Session, text: str) -> list[uuid.UUID]:
    """Customers whose name starts with ``text``, looked up first: as a list, ``customer_id IN``
    joins the quick search's OR as one more index lookup (a subquery there makes PostgreSQL scan
    the table)."""
    if not text:
        return []
    return list(session.scalars(select(Customer.id).where(prefix(Customer.name, text))
                                .limit(MAX_CUSTOMER_MATCHES)))


def customer_and_asset(session: Session, ticket: Ticket) -> tuple[Customer, Asset | None]:
    """The customer of ``ticket`` and the machine it is about (None when no asset was named)."""
    asset = session.get(Asset, ticket.asset_id) if ticket.asset_id else None
    return session.get(Customer, ticket.customer_id), asset
