"""The choices the ticket list's filters offer: the engineers and the customers to pick from. No Qt.

    engineer_choices(session, actor) -> [(user_id, name)]
    customer_choices(session, actor, text, limit=30) -> [(customer_id, name)]
    customer_contacts(session, actor, customer_id) -> [ContactChoice(name, phone)]   (intake fills them in)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User, user_roles
from app.auth.roles import FIELD_ENGINEER
from app.orgs.scope import org_scope
from plugins.customers.service import customer_details, search_customers
from plugins.tickets.permissions import VIEW


def engineer_choices(session: Session, actor: Actor) -> list[tuple[uuid.UUID, str]]:
    actor.require(VIEW)
    stmt = (select(User.id, User.display_name, User.username).join(user_roles, user_roles.c.user_id == User.id)
            .where(user_roles.c.role_code == FIELD_ENGINEER, org_scope(actor, User.org_id), User.active.is_(True))
            .order_by(User.display_name, User.username))
    return [(user_id, display or username) for user_id, display, username in session.execute(stmt)]


def customer_choices(session: Session, actor: Actor, text: str, limit: int = 30) -> list[tuple[uuid.UUID, str]]:
    return [(c.id, c.name) for c in search_customers(session, actor, text.strip(), limit=limit)]


@dataclass(frozen=True)
class ContactChoice:
    name: str
    phone: str


def customer_contacts(session: Session, actor: Actor, customer_id: uuid.UUID) -> list[ContactChoice]:
    """The customer's contact people, the first recorded first: intake fills the first in and
    offers the others."""
    contacts = sorted(customer_details(session, actor, customer_id)["contacts"], key=lambda c: (c.created_at, c.id))
    return [ContactChoice(c.name, c.phone) for c in contacts]
