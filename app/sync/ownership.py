"""Which rows this node may write on its own: those of its subtree that no child node owns.
Periodic work (the SLA sweep and the like) touches only these, so HQ never writes into a
branch's rows because it holds a copy of them."""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.orm import Session

from app import installation
from app.sync.topology import Topology


def child_nodes(session: Session) -> set[uuid.UUID]:
    """Org units that run their own database below this one: provisioned here, or pushing here."""
    rows = session.execute(text("SELECT org_id FROM core_sync_nodes UNION "
                                "SELECT node_id FROM core_sync_watermarks WHERE stream = 'up'")).scalars()
    return {r if isinstance(r, uuid.UUID) else uuid.UUID(str(r)) for r in rows}


def owned_org_ids(session: Session) -> list[uuid.UUID]:
    """The org units whose rows this node is the writer of."""
    me = installation.get_value(session, installation.NODE_ORG_ID)
    if me is None:
        return []
    tree = Topology.read(session.connection())
    mine = set(tree.subtree(uuid.UUID(me)))
    for child in child_nodes(session):
        if child in mine and child != uuid.UUID(me):
            mine -= set(tree.subtree(child))
    return sorted(mine)
