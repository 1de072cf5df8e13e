"""What an actor may see: its own unit, its subtree with the scope permission (all at HQ)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.sql import ColumnElement

from app.auth.actor import Actor
from app.orgs.models import OrgUnit


def visible_org_ids(actor: Actor):
    """A subquery of the org unit ids ``actor`` may see."""
    if actor.sees_subtree:
        return select(OrgUnit.id).where(OrgUnit.path.startswith(actor.org_path))
    return select(OrgUnit.id).where(OrgUnit.id == actor.org_id)


def org_scope(actor: Actor, org_column) -> ColumnElement[bool]:
    """A WHERE clause limiting ``org_column`` to what ``actor`` may see."""
    if actor.sees_subtree:
        return org_column.in_(visible_org_ids(actor))
    return org_column == actor.org_id


def can_see(actor: Actor, org: OrgUnit) -> bool:
    if actor.sees_subtree:
        return org.path.startswith(actor.org_path)
    return org.id == actor.org_id
