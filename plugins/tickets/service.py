from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from app.orgs.scope import org_scope
from plugins.tickets.models import Customer

VIEW = "tickets.view"


def overview(session: Session, actor: Actor, limit: int = 500):
    actor.require(VIEW)
    stmt = select(Customer).where(org_scope(actor, Customer.org_id), Customer.deleted_at.is_(None))
    rows = [(c.name, c.region) for c in session.scalars(stmt.order_by(Customer.name).limit(limit))]
    return [translate("Tickets", "Customer"), translate("Tickets", "Region")], rows
