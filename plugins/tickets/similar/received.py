"""The similar-case index for tickets that arrived by sync.

The sync engine applies a child node's tickets as rows, so nothing calls ``index_ticket`` for
them and an upper tier's experts would never find a branch's resolved cases. ``catch_up`` brings
the entry of every received ticket written since its last pass in line with the ticket (added,
kept or removed: ``index_ticket`` is idempotent). The pass remembers the highest change number it
covered (``MARK``) and only goes as far as the change counter it read, because a higher number
may still be committing.
"""

from __future__ import annotations


from sqlalchemy import select
from sqlalchemy.orm import Session

from app import installation
from app.sync.ownership import owned_org_ids, received_window
from plugins.tickets.models import Ticket
from plugins.tickets.similar.index import index_ticket

MARK = "tickets.similar_seq"


def catch_up(session: Session) -> int:
    """Index the received tickets changed since the last pass; returns how many were looked at."""
    low, high = received_window(session, MARK)
    if high <= low:
        return 0
    ids = session.scalars(select(Ticket.id).where(Ticket.sync_seq > low, Ticket.sync_seq <= high,
                                                  Ticket.org_id.not_in(owned_org_ids(session)))).all()
    for ticket_id in ids:
        index_ticket(session, ticket_id)
    installation.set_value(session, MARK, high)
    return len(ids)

