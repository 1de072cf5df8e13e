from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from plugins.inventory.models import Part

VIEW = "inventory.view"


def overview(session: Session, actor: Actor, limit: int = 500):
    actor.require(VIEW)
    stmt = select(Part).where(Part.deleted_at.is_(None)).order_by(Part.part_number).limit(limit)
    rows = [(p.part_number, p.name_zh, str(p.unit_cost)) for p in session.scalars(stmt)]
    return [translate("Inventory", "Part number"), translate("Inventory", "Name"),
            translate("Inventory", "Unit cost")], rows
