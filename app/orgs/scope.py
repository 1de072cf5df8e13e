"""What an actor may see: its own unit, its subtree with the scope permission (all at HQ)."""

from __future__ import annotations

import uuid

from sqlalchemy import select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from app.auth.actor import Actor
from app.errors import PermissionDenied
from app.i18n import translate
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


def visible_unit(session: Session, actor: Actor, org_id: uuid.UUID | str | None = None) -> OrgUnit:
    """The unit ``org_id`` names (the actor's own without one), if the actor may see it. One outside
    the scope, or no longer existing, is refused rather than shown as an empty list, so that a stale
    or forged choice is noticed."""
    org_id = org_id or actor.org_id
    org = session.get(OrgUnit, org_id if isinstance(org_id, uuid.UUID) else uuid.UUID(str(org_id)))
    if org is None or org.deleted_at is not None or not can_see(actor, org):
        raise PermissionDenied(translate("Orgs", "This unit is outside your part of the network."))
    return org


def org_filter_ids(session: Session, actor: Actor, org_id: uuid.UUID | str | None,
                   subtree: bool = False) -> list[uuid.UUID] | None:
    """The org ids a list narrowed to ``org_id`` shows (with ``subtree``, also the units below it),
    always inside what ``actor`` may see; None when no unit is chosen (nothing to narrow)."""
    if org_id is None:
        return None
    org = visible_unit(session, actor, org_id)
    if not subtree:
        return [org.id]
    below = select(OrgUnit.id).where(OrgUnit.path.startswith(org.path), org_scope(actor, OrgUnit.id))
    return list(session.scalars(below))


def org_filter(session: Session, actor: Actor, org_column, org_id: uuid.UUID | str | None,
               subtree: bool = False) -> ColumnElement[bool]:
    """``org_filter_ids`` as a WHERE clause on ``org_column``; TRUE (which SQL drops) when nothing is
    chosen. It narrows and never widens: lists keep their own scope beside it (which may reach
    beyond ``org_scope``, e.g. sessions held above the actor's unit; a chosen unit excludes those)."""
    if org_id is None:
        return true()
    org = visible_unit(session, actor, org_id)
    if subtree and actor.sees_subtree and org.id == actor.org_id:
        # the actor's whole scope: a subquery rather than a list of every unit's id, and at the
        # root, whose subtree is every unit, no condition at all
        return true() if org.parent_id is None else org_scope(actor, org_column)
    return org_column.in_(org_filter_ids(session, actor, org.id, subtree))
