"""A period's days as stored UTC moments, for many units at once.

A period's day begins at midnight on its unit's clock, so units in different zones count the
same period over different UTC windows. ``unit_windows`` groups the units by zone (in practice
one or two groups for the whole network) and ``in_window`` turns the groups into ONE SQL
condition, so a figure per person or unit is one GROUP BY whatever the number of units:

    windows = unit_windows(session, org_ids, period)
    select(...).where(in_window(windows, Ticket.org_id, Ticket.closed_at)).group_by(...)
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import and_, false, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from app.reports.period import Period


@dataclass(frozen=True)
class UnitWindow:
    """Units sharing a zone, and the period's bounds on their clock (``end`` excluded)."""

    org_ids: tuple[uuid.UUID, ...]
    zone: tzinfo
    start: datetime
    end: datetime


def unit_windows(session: Session, org_ids: Iterable[uuid.UUID], period: Period,
                 clock: LocalClock | None = None) -> list[UnitWindow]:
    clock = clock or LocalClock(session)
    # Every unit in one query, held while the zones are looked up: each unit's walk up the tree then
    # finds its ancestors in the session instead of asking for them one by one.
    held = list(session.scalars(select(OrgUnit)))  # noqa: F841
    by_zone: dict[str, list[uuid.UUID]] = defaultdict(list)
    zones: dict[str, tzinfo] = {}
    for org_id in org_ids:
        zone = clock.zone(org_id)
        by_zone[zone.key].append(org_id)
        zones[zone.key] = zone
    return [UnitWindow(tuple(ids), zones[key], *period.bounds_utc(zones[key])) for key, ids in sorted(by_zone.items())]


def in_window(windows: list[UnitWindow], org_column, moment_column) -> ColumnElement[bool]:
    """Rows of the windows' units whose ``moment_column`` lies in their unit's window."""
    return _any(and_(org_column.in_(w.org_ids), moment_column >= w.start, moment_column < w.end) for w in windows)


def before_end(windows: list[UnitWindow], org_column, moment_column) -> ColumnElement[bool]:
    """Rows of the windows' units whose ``moment_column`` lies before their unit's window ends."""
    return _any(and_(org_column.in_(w.org_ids), moment_column < w.end) for w in windows)


def days_in_period(windows: list[UnitWindow], org_column, day_column, period: Period) -> ColumnElement[bool]:
    """Rows of the windows' units whose date ``day_column`` lies in the period (a date needs no zone)."""
    return and_(_any(org_column.in_(w.org_ids) for w in windows), day_column >= period.start,
                day_column < period.end)


def before_today(windows: list[UnitWindow], org_column, day_column, now: datetime) -> ColumnElement[bool]:
    """Rows whose date ``day_column`` is before today on their unit's clock."""
    return _any(and_(org_column.in_(w.org_ids), day_column < _today(now, w.zone)) for w in windows)


def _today(now: datetime, zone: tzinfo) -> date:
    return now.astimezone(zone).date()


def _any(conditions) -> ColumnElement[bool]:
    conditions = list(conditions)
    return or_(*conditions) if conditions else false()
