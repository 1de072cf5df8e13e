"""The ticket lists' read model: from one resolved filter (``filters.selection``) the rows of a page,
the count, the stream the export writes and the counters, so that the screen, its count, the
export, the response center and the home page always agree. Each checks the view permission.

    page(session, actor, filters, offset=0, limit=200, sort="opened_at", descending=True) -> [TicketRow]
    count(session, actor, filters) -> int
    stream(session, actor, filters, sort="opened_at", descending=True) -> iterator of TicketRow
        (every row, in the page's order: the pages one after another)
    counters(session, actor, filters=open cases, now=None) -> OpenCounts
    breach_counts(session, actor, mine=False, now=None) -> OpenCounts   (response center, home page)
    queue(session, actor, mine=False, escalated=False, offset=0, limit=200) -> [TicketRow]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func, select, union_all
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.clock import utcnow
from plugins.tickets.models import Ticket
from plugins.tickets.permissions import VIEW
from plugins.tickets.read.filters import TicketFilter, selection
from plugins.tickets.read.rows import TicketRow, as_row, row_query, rows_of
from plugins.tickets.read.urgency import breached_clause, due_soon_clause
from plugins.tickets.read.walk import counting_parts, list_order, page_ids

STREAM_BATCH = 2000
OPEN_CASES = TicketFilter(open_only=True)


@dataclass(frozen=True)
class OpenCounts:
    """The open cases of a list in figures (``read.urgency`` says what breached and due soon mean)."""

    open: int = 0
    breached: int = 0
    due_soon: int = 0
    by_state: dict[str, int] = field(default_factory=dict)


def page(session: Session, actor: Actor, filters: TicketFilter | None = None, *, offset: int = 0,
         limit: int = 200, sort: str = "opened_at", descending: bool = True) -> list[TicketRow]:
    actor.require(VIEW)
    chosen = selection(session, actor, filters or TicketFilter())
    return rows_of(session, page_ids(session, chosen, offset, limit, sort, descending))


def count(session: Session, actor: Actor, filters: TicketFilter | None = None) -> int:
    actor.require(VIEW)
    parts = counting_parts(selection(session, actor, filters or TicketFilter()))
    listed = _union([select(Ticket.id).where(*part) for part in parts])
    return session.scalar(select(func.count()).select_from(listed)) or 0


def stream(session: Session, actor: Actor, filters: TicketFilter | None = None, *, sort: str = "opened_at",
           descending: bool = True) -> Iterator[TicketRow]:
    """One query in the list's order, fetched in batches: no OFFSET paging, so a large view streams
    in one pass. The permission and the filter are checked before the first row is asked for."""
    actor.require(VIEW)
    chosen = selection(session, actor, filters or TicketFilter())
    query = row_query().where(*chosen.where()).order_by(*list_order(sort, descending))
    return (as_row(row) for row in session.execute(query.execution_options(yield_per=STREAM_BATCH)))


def counters(session: Session, actor: Actor, filters: TicketFilter = OPEN_CASES,
             now: datetime | None = None) -> OpenCounts:
    """How many open cases ``filters`` lists, how many of them are breached and due soon, and how
    many are in each state: one grouped count over the same filter as the list."""
    actor.require(VIEW)
    now = now or utcnow()
    flags = [case((clause, 1), else_=0).label(name)
             for name, clause in (("breached", breached_clause(now)), ("soon", due_soon_clause(now)))]
    parts = counting_parts(selection(session, actor, filters))
    # is_open "= true" (not "IS TRUE") lets both databases use the indexes that lead with it; the state
    # as coalesce(state, state) keeps SQLite from grouping by walking the whole (state, …) index
    state = func.coalesce(Ticket.state, Ticket.state).label("state")
    cases = _union([select(state, *flags).where(*part, Ticket.is_open == True) for part in parts])  # noqa: E712
    query = (select(cases.c.state, func.count(), func.sum(cases.c.breached), func.sum(cases.c.soon))
             .group_by(cases.c.state))
    by_state, breached, soon = Counter(), 0, 0
    for state, number, state_breached, state_soon in session.execute(query):
        by_state[state] += number
        breached += state_breached or 0
        soon += state_soon or 0
    return OpenCounts(sum(by_state.values()), breached, soon, dict(by_state))


def breach_counts(session: Session, actor: Actor, *, mine: bool = False, now: datetime | None = None) -> OpenCounts:
    """The figures of the response center (``mine``: of My queue): the home page shows the same."""
    return counters(session, actor, queue_filter(actor, mine=mine), now)


def _union(parts: list):
    """Disjoint parts as one subquery (no duplicates to remove)."""
    return (union_all(*parts) if len(parts) > 1 else parts[0]).subquery()


def queue(session: Session, actor: Actor, *, mine: bool = False, escalated: bool = False, offset: int = 0,
          limit: int = 200) -> list[TicketRow]:
    """Open cases by due time, earliest first (none last). ``mine``: those assigned to the actor
    ("My queue"); ``escalated``: those escalated to the actor's unit, whoever owns them; otherwise
    everything open the actor's unit answers for ("Response center")."""
    return page(session, actor, queue_filter(actor, mine=mine, escalated=escalated), offset=offset, limit=limit,
                sort="due", descending=False)


def queue_filter(actor: Actor, *, mine: bool = False, escalated: bool = False) -> TicketFilter:
    return TicketFilter(open_only=True, engineer_id=actor.user_id if mine else None, escalated_here=escalated)
