"""When an open case counts as breached or due soon: one rule for the colours of the lists, the
response center's summary and the home page's counters, stated in Python (for a loaded row)
and in SQL (for counting), side by side so that the two cannot drift apart.

An open case is breached when the sweep recorded a breach, or when its next due time has passed
(the sweep records it within a minute). While the case waits for the customer its clock stands
still, so only a breach already recorded counts. Due soon: the next due time is within an hour.
Closed cases are neither.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_

from plugins.tickets.models import Ticket

DUE_SOON = timedelta(hours=1)
PAUSED = "waiting_for_customer"
BREACHED, DUE_SOON_MARK = "breached", "due_soon"


def urgency(is_open: bool, state: str, breached: bool, next_due_at: datetime | None, now: datetime) -> str:
    """"breached", "due_soon" or ""."""
    if not is_open:
        return ""
    if breached:
        return BREACHED
    if state == PAUSED or next_due_at is None:
        return ""
    if next_due_at <= now:
        return BREACHED
    return DUE_SOON_MARK if next_due_at - now <= DUE_SOON else ""


def breached_clause(now: datetime):
    running = Ticket.state != PAUSED
    return and_(Ticket.is_open.is_(True),
                or_(Ticket.breached.is_(True), and_(running, Ticket.next_due_at <= now)))


def due_soon_clause(now: datetime):
    return and_(Ticket.is_open.is_(True), Ticket.breached.is_(False), Ticket.state != PAUSED,
                Ticket.next_due_at > now, Ticket.next_due_at <= now + DUE_SOON)
