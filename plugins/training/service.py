from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from plugins.training.models import Course

VIEW = "training.view"


def overview(session: Session, actor: Actor, limit: int = 500):
    actor.require(VIEW)
    stmt = select(Course).where(Course.deleted_at.is_(None)).order_by(Course.code).limit(limit)
    rows = [(c.code, c.title, c.product_line, str(c.hours)) for c in session.scalars(stmt)]
    return [translate("Training", "Code"), translate("Training", "Course"), translate("Training", "Product line"),
            translate("Training", "Hours")], rows
