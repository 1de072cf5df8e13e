"""The columns of the ticket lists, defined once for the screen and the Excel export: the titles,
each row's texts (times in the ticket's org unit's zone, the one clock of ``app.orgs.local_time``)
and each row's cells (times as real date-time cells in the same local wall time).

    column_titles(zone="") -> [str]   (``zone``: named beside the time columns, see ``zone_note``)
    row_texts(row, zone) -> [str];  row_cells(row, clock) -> [value]
    list_lines(session, rows, now=None, zones=None) -> [ListLine(id, texts, urgency, zone)]
    list_titles(session, actor) -> [str]
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.i18n import translate
from app.orgs.local_time import LocalClock, moment_text, zone_note
from app.orgs.models import OrgUnit
from plugins.tickets.labels import case_state_label, category_label, priority_label
from plugins.tickets.read.rows import TicketRow

TIME_COLUMNS = (8, 9)  # opened, due


class ListLine(NamedTuple):
    """A row as the list shows it: ``zone`` names the row's zone where it differs from the workstation's."""

    id: uuid.UUID
    texts: list[str]
    urgency: str
    zone: str


def column_titles(zone: str = "") -> list[str]:
    titles = [translate("Tickets", "Number"), translate("Tickets", "State"), translate("Tickets", "Priority"),
              translate("Tickets", "Category"), translate("Tickets", "Customer"),
              translate("Tickets", "Product line"), translate("Tickets", "Serial number"),
              translate("Tickets", "Engineer"), translate("Tickets", "Opened"), translate("Tickets", "Due"),
              translate("Tickets", "Breached")]
    if zone:
        for index in TIME_COLUMNS:
            titles[index] = translate("Tickets", "{title} ({zone})").format(title=titles[index], zone=zone)
    return titles


def _values(row: TicketRow, opened, due) -> list:
    return [row.number, case_state_label(row.state, row.signed), priority_label(row.priority), category_label(row.category),
            row.customer, row.product_line, row.serial_number, row.engineer or "", opened, due,
            translate("Tickets", "Yes") if row.breached else ""]


def row_texts(row: TicketRow, zone: ZoneInfo) -> list[str]:
    """``zone``: the zone of the row's org unit (``LocalClock.zone``)."""
    return _values(row, moment_text(row.opened_at, zone), moment_text(row.next_due_at, zone))


def row_cells(row: TicketRow, clock: LocalClock) -> list:
    """The values of an exported row: local wall times to the second (a spreadsheet cell has no zone,
    and keeps milliseconds at best)."""
    return _values(row, _wall(clock, row, row.opened_at), _wall(clock, row, row.next_due_at))


def _wall(clock: LocalClock, row: TicketRow, moment: datetime | None) -> datetime | None:
    wall = clock.wall(row.org_id, moment)
    return wall.replace(microsecond=0) if wall is not None else None


def list_lines(session: Session, rows: list[TicketRow], now: datetime | None = None,
               zones: dict[uuid.UUID, ZoneInfo] | None = None) -> list[ListLine]:
    """The rows as the list shows them. ``zones``: the zones of units met before, which a list keeps
    from page to page (each unit's zone is looked up once); the units of these rows are added."""
    now = now or utcnow()
    zones = {} if zones is None else zones
    unknown = {row.org_id for row in rows} - zones.keys()
    if unknown:
        zones.update(zones_of(session, unknown))
    notes = {org_id: zone_note(zones[org_id], now) for org_id in {row.org_id for row in rows}}
    return [ListLine(row.id, row_texts(row, zones[row.org_id]), row.urgency(now), notes[row.org_id])
            for row in rows]


def zones_of(session: Session, org_ids: set) -> dict[uuid.UUID, ZoneInfo]:
    """The zones of ``org_ids`` through ``LocalClock``, their units and those above them read in one
    query per tier first rather than one per unit (a page at HQ spans a hundred units)."""
    clock, held, wanted = LocalClock(session), [], set(org_ids)
    while wanted:
        found = session.scalars(select(OrgUnit).where(OrgUnit.id.in_(wanted))).all()
        held += found  # the session keeps only units someone holds; these, until the zones are known
        known = {unit.id for unit in held}
        wanted = {unit.parent_id for unit in found if unit.parent_id and unit.parent_id not in known}
    return {org_id: clock.zone(org_id) for org_id in org_ids}


def list_titles(session: Session, actor) -> list[str]:
    """The titles as the actor's list shows them: its unit's zone named where it is not the workstation's."""
    return column_titles(LocalClock(session).zone_note(actor.org_id))
