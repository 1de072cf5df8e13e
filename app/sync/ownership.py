"""Which rows this node may write on its own: those of its subtree that no child node owns.
Periodic work (the SLA sweep and the like) touches only these, so HQ never writes into a
branch's rows because it holds a copy of them."""

from __future__ import annotations

import uuid
import zlib

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


def received_window(session: Session, mark: str) -> tuple[int, int]:
    """(low, high): the change numbers a catch-up of received rows covers, from the ``mark`` it
    recorded last time up to the counter. Every number up to the counter is committed and visible,
    because a change number is taken with the counter's row lock held to commit. On PostgreSQL the
    pass holds an advisory lock named after ``mark``: every HQ client runs the job, one at a time."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": zlib.crc32(mark.encode()) & 0x7FFFFFFF})
    low = int(installation.get_value(session, mark, 0) or 0)
    high = int(session.scalar(text("SELECT value FROM core_sync_counter")) or 0)
    return low, high
