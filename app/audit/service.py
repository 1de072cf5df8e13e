from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.models import AuditEntry
from app.auth.actor import Actor
from app.orgs.scope import org_scope

AUDIT_VIEW = "core.audit.view"


def record(session: Session, actor: Actor, entity_type: str, entity_id, action: str,
           summary: str = "", before: dict | None = None, after: dict | None = None) -> AuditEntry:
    """Append one entry in the caller's transaction, so the change and its record commit together."""
    entry = AuditEntry(
        actor_id=actor.user_id, actor_name=actor.label, org_id=actor.org_id,
        entity_type=entity_type, entity_id=str(entity_id), action=action,
        summary=summary[:400], before=before, after=after,
    )
    session.add(entry)
    return entry


def query(session: Session, actor: Actor, *, entity_type: str | None = None,
          actor_text: str | None = None, since: datetime | None = None,
          until: datetime | None = None, limit: int = 1000) -> Sequence[AuditEntry]:
    """The newest ``limit`` entries the filter finds (``export.export_log`` writes all of them)."""
    actor.require(AUDIT_VIEW)
    found = entries_query(actor, entity_type=entity_type, actor_text=actor_text, since=since, until=until)
    return session.scalars(found.limit(limit)).all()


def entries_query(actor: Actor, *, entity_type: str | None = None, actor_text: str | None = None,
                  since: datetime | None = None, until: datetime | None = None):
    """The entries of the actor's scope the filter finds, newest first; the caller checked AUDIT_VIEW."""
    stmt = select(AuditEntry).where(org_scope(actor, AuditEntry.org_id) | AuditEntry.org_id.is_(None))
    if entity_type:
        stmt = stmt.where(AuditEntry.entity_type == entity_type)
    if actor_text:
        stmt = stmt.where(AuditEntry.actor_name.contains(actor_text))
    if since:
        stmt = stmt.where(AuditEntry.at >= since)
    if until:
        stmt = stmt.where(AuditEntry.at < until)
    return stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


def snapshot(obj, fields: Sequence[str]) -> dict:
    """Plain JSON-able values of ``fields`` for the before/after columns."""
    out = {}
    for name in fields:
        value = getattr(obj, name)
        if isinstance(value, (uuid.UUID, datetime)):
            value = str(value)
        elif isinstance(value, (set, frozenset)):
            value = sorted(value)
        out[name] = value
    return out
