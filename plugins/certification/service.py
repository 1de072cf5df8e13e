from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from app.orgs.scope import org_scope
from plugins.certification.models import Certificate

VIEW = "certification.view"


def overview(session: Session, actor: Actor, limit: int = 500):
    actor.require(VIEW)
    stmt = select(Certificate).where(org_scope(actor, Certificate.org_id), Certificate.deleted_at.is_(None))
    rows = [(c.number, c.product_line, str(c.issued_on), str(c.expires_on), c.status)
            for c in session.scalars(stmt.order_by(Certificate.number).limit(limit))]
    return [translate("Certification", "Number"), translate("Certification", "Product line"),
            translate("Certification", "Issued"), translate("Certification", "Expires"),
            translate("Certification", "Status")], rows
