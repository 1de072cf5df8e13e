"""The one way to show a stored moment: in the org unit's time zone (docs/architecture.md, Data conventions).

Stored times are UTC. Lists, timelines, PDFs and workbooks all show them through ``LocalClock``, so
a printed repair order and the screen agree on any workstation. Where the unit's zone differs from
the workstation's, ``zone_note`` names it so the reader knows which clock is meant.

    clock = LocalClock(session)
    clock.text(org_id, moment)         -> "2026-10-01 09:00"   ("" for None)
    clock.wall(org_id, moment)         -> naive local datetime (for Excel cells)
    clock.zone(org_id)                 -> ZoneInfo
    clock.zone_note(org_id)            -> "" or "Asia/Shanghai" when the workstation differs
    local_text(session, org_id, moment) (one-off use)

Where the zone is already known without a session (e.g. the sync status carries the node's),
``moment_text(moment, zone)`` and ``zone_note(zone)`` are the same rules.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.clock import utcnow
from app.orgs.models import OrgUnit
from app.orgs.service import DEFAULT_SETTINGS, time_zone

TEXT_FORMAT = "%Y-%m-%d %H:%M"


class LocalClock:
    """Caches one zone per org unit, so a page of a million-row list costs one lookup per unit."""

    def __init__(self, session: Session):
        self._session = session
        self._zones: dict[uuid.UUID, ZoneInfo] = {}

    def zone(self, org_id: uuid.UUID | None) -> ZoneInfo:
        if org_id is None:
            return ZoneInfo(DEFAULT_SETTINGS["calendar"]["timezone"])
        if org_id not in self._zones:
            org = self._session.get(OrgUnit, org_id)
            self._zones[org_id] = (time_zone(self._session, org) if org is not None
                                   else ZoneInfo(DEFAULT_SETTINGS["calendar"]["timezone"]))
        return self._zones[org_id]

    def text(self, org_id: uuid.UUID | None, moment: datetime | None, fmt: str = TEXT_FORMAT) -> str:
        return moment_text(moment, self.zone(org_id), fmt) if moment is not None else ""

    def wall(self, org_id: uuid.UUID | None, moment: datetime | None) -> datetime | None:
        """Local wall time without tzinfo: what a spreadsheet cell can hold."""
        return moment.astimezone(self.zone(org_id)).replace(tzinfo=None) if moment is not None else None

    def zone_note(self, org_id: uuid.UUID | None, at: datetime | None = None) -> str:
        return zone_note(self.zone(org_id), at)


def moment_text(moment: datetime | None, zone: ZoneInfo, fmt: str = TEXT_FORMAT) -> str:
    """A stored moment in ``zone``; a moment without an offset is UTC (as stored)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(zone).strftime(fmt)


def zone_note(zone: ZoneInfo, at: datetime | None = None) -> str:
    """``zone``'s name where its clock differs from the workstation's at ``at`` (now), else ""."""
    at = at or utcnow()
    return "" if at.astimezone(zone).utcoffset() == at.astimezone().utcoffset() else zone.key


def local_text(session: Session, org_id: uuid.UUID | None, moment: datetime | None) -> str:
    return LocalClock(session).text(org_id, moment)
