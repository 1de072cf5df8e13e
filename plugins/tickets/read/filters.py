"""The one filter of every ticket list: what the list page offers, resolved once against the
database and the acting user, then stated as WHERE conditions that the page, the count, the
export stream and the counters all share.

    TicketFilter(states=, open_only=, priority=, category=, engineer_id=, customer_id=, breached=,
                 opened_from=, opened_to=, text=, org_id=, subtree=, escalated_here=)
    selection(session, actor, filters) -> Selection
    Selection.where() -> [condition]      (filters and the actor's scope: the set of tickets listed)
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from app.orgs.scope import org_filter_ids, visible_org_ids
from plugins.tickets.models import Ticket
from plugins.tickets.read.customer_join import customers_named, prefix


@dataclass(frozen=True)
class TicketFilter:
    """The list's filters; empty means "any"."""

    states: Sequence[str] = field(default_factory=tuple)
    open_only: bool = False
    priority: int | None = None
    category: str | None = None
    engineer_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    breached: bool | None = None  # the breach on record (the sweep's flag), open or closed
    # A ``date`` is a day in the acting user's unit's zone; a ``datetime`` an exact moment.
    opened_from: date | datetime | None = None
    opened_to: date | datetime | None = None  # exclusive
    text: str = ""  # quick search: the start of a ticket number, a serial number, the start of a customer name
    org_id: uuid.UUID | None = None  # the org filter: tickets this unit owns (not those escalated to it)
    subtree: bool = False  # ... and those of the units below it
    escalated_here: bool = False  # only cases escalated to the acting user's unit


@dataclass(frozen=True)
class Selection:
    """A filter resolved for one actor: which units' tickets show, the customers the quick search
    found, the opening bounds as moments."""

    filters: TicketFilter
    actor_org_id: uuid.UUID
    orgs: list | None  # units whose tickets show; None: every unit (no condition at all)
    with_escalated: bool  # also the cases escalated to the actor's unit (no unit chosen)
    customers: list
    opened_from: datetime | None
    opened_to: datetime | None

    @property
    def text(self) -> str:
        return self.filters.text.strip()

    def conditions(self, unindexed: bool = False) -> list:
        """The filters without the scope. ``unindexed``: the equality filters written so that no
        index matches them (see ``walk``: inside one unit's walk they must not steer the planner)."""
        def column(attribute):
            return func.coalesce(attribute, attribute) if unindexed else attribute

        filters = self.filters
        found = [Ticket.deleted_at.is_(None)]
        if filters.states:
            found.append(column(Ticket.state).in_(list(filters.states)))
        if filters.open_only:  # left bare: its only index is (org_id, is_open, next_due_at), which a unit may use
            found.append(Ticket.is_open.is_(True))
        for attribute, value in ((Ticket.priority, filters.priority), (Ticket.category, filters.category),
                                 (Ticket.engineer_id, filters.engineer_id),
                                 (Ticket.customer_id, filters.customer_id), (Ticket.breached, filters.breached)):
            if value is not None:
                found.append(column(attribute) == value)
        if self.opened_from is not None:
            found.append(Ticket.opened_at >= self.opened_from)
        if self.opened_to is not None:
            found.append(Ticket.opened_at < self.opened_to)
        if filters.escalated_here:
            found.append(Ticket.escalated_to_org_id == self.actor_org_id)
        if self.text:
            found.append(self._quick_search())
        return found

    def _quick_search(self):
        text = self.text.upper()
        alternatives = [prefix(Ticket.number, text), Ticket.serial_number == text]
        if self.customers:
            alternatives.append(Ticket.customer_id.in_(self.customers))
        return or_(*alternatives)

    def scope(self):
        """The units' condition, or None when every ticket in this database is in sight."""
        if self.orgs is None:
            return None
        if not self.with_escalated:
            return Ticket.org_id.in_(self.orgs)
        return or_(Ticket.org_id.in_(self.orgs), Ticket.escalated_to_org_id == self.actor_org_id)

    def where(self) -> list:
        scope = self.scope()
        return [*self.conditions(), *((scope,) if scope is not None else ())]


def selection(session: Session, actor: Actor, filters: TicketFilter) -> Selection:
    """Resolve ``filters`` for ``actor``; a chosen unit outside its scope raises PermissionDenied."""
    chosen = org_filter_ids(session, actor, filters.org_id, filters.subtree)
    if chosen is None:
        orgs, with_escalated = _unless_every_unit(session, list(session.scalars(visible_org_ids(actor)))), True
    else:
        orgs, with_escalated = _unless_every_unit(session, chosen), False
    return Selection(filters, actor.org_id, orgs, with_escalated, customers_named(session, filters.text.strip()),
                     _moment(session, actor, filters.opened_from), _moment(session, actor, filters.opened_to))


def _unless_every_unit(session: Session, orgs: list) -> list | None:
    """``orgs``, or None when that is every unit in this database (then no org condition at all)."""
    if len(orgs) >= session.scalar(select(func.count()).select_from(OrgUnit)):
        return None
    return orgs


def _moment(session: Session, actor: Actor, value: date | datetime | None) -> datetime | None:
    """A day starts at midnight in the acting user's unit, whatever the workstation's zone."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time(), LocalClock(session).zone(actor.org_id))
