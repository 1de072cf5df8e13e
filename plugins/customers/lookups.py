"""What other plugins read of the registry while doing their own work (opening a case, listing
follow-up calls). The caller has checked its own permission; these only keep to the rows the
actor may see."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.orgs.scope import org_scope
from plugins.customers.models import Asset, Contact, Customer

CHUNK = 500  # ids per IN list


@dataclass(frozen=True)
class CustomerContact:
    """How to reach a customer: its name and its first contact person."""

    name: str
    contact: str
    phone: str


def visible_customer(session: Session, actor: Actor, customer_id: uuid.UUID) -> Customer | None:
    """The live (not retired) customer ``customer_id`` if the actor may see it."""
    return session.scalar(select(Customer).where(Customer.id == customer_id, org_scope(actor, Customer.org_id),
                                                 Customer.deleted_at.is_(None)))


def asset_by_serial(session: Session, serial_number: str) -> Asset | None:
    """The machine with this serial number anywhere in this database (serials are unique nationwide)."""
    serial = (serial_number or "").strip().upper()
    return session.scalar(select(Asset).where(Asset.serial_number == serial)) if serial else None


def contacts_of(session: Session, actor: Actor, customer_ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID,
                                                                                                  CustomerContact]:
    """Name and first contact of each customer the actor may see (retired ones too: a call about an
    old case still needs them)."""
    wanted = sorted({i for i in customer_ids if i is not None})
    found: dict[uuid.UUID, CustomerContact] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        names = {customer_id: name for customer_id, name in session.execute(
            select(Customer.id, Customer.name).where(Customer.id.in_(chunk), org_scope(actor, Customer.org_id)))}
        people: dict[uuid.UUID, tuple[str, str]] = {}
        for customer_id, name, phone in session.execute(
                select(Contact.customer_id, Contact.name, Contact.phone)
                .where(Contact.customer_id.in_(list(names)), Contact.deleted_at.is_(None))
                .order_by(Contact.created_at.desc(), Contact.id.desc())):
            people[customer_id] = (name, phone)  # the earliest contact is written last and wins
        for customer_id, name in names.items():
            contact, phone = people.get(customer_id, ("", ""))
            found[customer_id] = CustomerContact(name, contact, phone)
    return found
