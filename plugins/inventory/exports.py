"""The depot page's lists as Excel workbooks, through the one writer (``app.reports.workbook``):
a depot's ledger (newest first, as the page lists it, streamed in one pass) with its times as
date-time cells in the depot's org unit's zone, and its balances with money formatted as money.
Behind the door, which checks the permission; the depot must be in the actor's scope.

    export_ledger(session, actor, path, *, depot_id, progress=None, cancelled=None) -> rows written
    export_balances(session, actor, path, *, depot_id, progress=None, cancelled=None) -> rows written
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from app.orgs.local_time import LocalClock
from plugins.inventory import stock
from plugins.inventory.models import Movement

BATCH = 2000
Progress = Callable[[str, float], None]


def export_ledger(session: Session, actor: Actor, path: str | Path, *, depot_id: uuid.UUID,
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> int:
    from app.reports.workbook import Column, Sheet, write_workbook  # loaded on first export

    depot = stock.get_depot(session, actor, depot_id)
    zone = LocalClock(session).zone(depot.org_id)
    expected = session.scalar(select(func.count()).select_from(Movement).where(Movement.depot_id == depot.id))
    found = session.execute(stock.movements_query(depot.id).execution_options(yield_per=BATCH))
    rows = ((at.replace(microsecond=0), stock.kind_label(kind), part, quantity, serial, ticket, by, reason)
            for _id, at, kind, part, quantity, serial, ticket, by, reason in found)
    columns = [Column(translate("Inventory", "Time ({zone})").format(zone=zone.key), width=18),
               Column(translate("Inventory", "Movement"), width=20),
               Column(translate("Inventory", "Part number"), width=18),
               Column(translate("Inventory", "Quantity"), width=9),
               Column(translate("Inventory", "Serial number"), width=20),
               Column(translate("Inventory", "Ticket"), width=22),
               Column(translate("Inventory", "By"), width=18),
               Column(translate("Inventory", "Reason"), width=40)]
    sheet = Sheet(translate("Inventory", "Ledger {depot}").format(depot=depot.code), columns, rows,
                  expected_rows=expected, zone=zone, autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)


def export_balances(session: Session, actor: Actor, path: str | Path, *, depot_id: uuid.UUID,
                    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> int:
    from app.reports.workbook import MONEY, Column, Sheet, write_workbook  # loaded on first export

    depot = stock.get_depot(session, actor, depot_id)
    balances = stock.depot_balances(session, actor, depot.id)  # one depot: at most the catalog's parts
    rows = ((b.part_number, b.name, b.on_hand, b.reserved, b.available, b.in_transit, b.defective, b.min_qty,
             b.max_qty, b.unit_cost, b.value) for b in balances)
    titles = (translate("Inventory", "Part number"), translate("Inventory", "Name"), translate("Inventory", "On hand"),
              translate("Inventory", "Reserved"), translate("Inventory", "Available"),
              translate("Inventory", "In transit"), translate("Inventory", "Defective"), translate("Inventory", "Min"),
              translate("Inventory", "Max"))
    columns = [Column(title, width=width) for title, width in zip(titles, (18, 32, 9, 9, 9, 9, 9, 7, 7), strict=True)]
    columns += [Column(translate("Inventory", "Unit cost"), MONEY, 12),
                Column(translate("Inventory", "Value"), MONEY, 14)]
    sheet = Sheet(translate("Inventory", "Balances {depot}").format(depot=depot.code), columns, rows,
                  expected_rows=len(balances), autofilter=True)
    return write_workbook(path, [sheet], progress=progress, cancelled=cancelled)
