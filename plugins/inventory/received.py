"""Derived stock for ledger rows that arrived by sync.

The sync engine applies a child node's movements as rows, not through ``ledger.post``, so this
node's local balance table and serial places do not move with them. ``catch_up`` recomputes
both from the whole ledger for every (depot, part) and serial that received rows touched since
its last pass. The pass remembers the highest change number it covered (``MARK``); it only
goes as far as the change counter it read, because a higher number may still be committing.
Rebuilding from the ledger, never adding deltas, makes a repeated or overlapping pass harmless.
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from app import installation
from app.sync.ownership import owned_org_ids, received_window
from plugins.inventory import ledger
from plugins.inventory.models import Balance, Depot, Movement, Part, SerialUnit

log = logging.getLogger(__name__)

MARK = "inventory.derived_seq"


def catch_up(session: Session) -> int:
    """Bring balances and serial places in line with received movements; returns the number
    of (depot, part) balances recomputed."""
    low, high = received_window(session, MARK)
    if high <= low:
        return 0
    received = and_(Movement.sync_seq > low, Movement.sync_seq <= high,
                    Movement.org_id.not_in(owned_org_ids(session)))
    pairs = sorted(session.execute(select(Movement.depot_id, Movement.part_id).where(received).distinct()).all())
    for depot_id, part_id in pairs:  # sorted: two writers lock balance rows in the same order
        _rebuild_balance(session, depot_id, part_id)
    serials = session.execute(select(Movement.part_id, Movement.serial).distinct().where(
        received, Movement.serial.is_not(None), Movement.kind.in_(ledger.SERIAL_RULES))).all()
    for part_id, serial in serials:
        _rebuild_serial(session, part_id, serial)
    installation.set_value(session, MARK, high)
    return len(pairs)



def _rebuild_balance(session: Session, depot_id: uuid.UUID, part_id: uuid.UUID) -> None:
    ledger.ensure_balance_row(session, session.get(Depot, depot_id), session.get(Part, part_id))
    pair = and_(Balance.depot_id == depot_id, Balance.part_id == part_id)
    # Locked before summing: a local post either committed its movement already (the sum
    # includes it) or waits and adds its delta on top of the value written here.
    session.execute(select(Balance.version).where(pair).with_for_update())
    sums = session.execute(select(*(func.coalesce(func.sum(getattr(Movement, f"d_{b}")), 0) for b in ledger.BUCKETS))
                           .where(Movement.depot_id == depot_id, Movement.part_id == part_id)).one()
    values = _within_checks(depot_id, part_id, *(int(s) for s in sums))
    session.execute(update(Balance).where(pair, or_(*(getattr(Balance, b) != v for b, v in values.items())))
                    .values(**values, version=Balance.version + 1).execution_options(synchronize_session=False))


def _within_checks(depot_id, part_id, on_hand: int, reserved: int, in_transit: int, defective: int) -> dict:
    """A node that holds only part of a child's ledger (the rest still on its way) may sum below
    zero; the pass goes on with the nearest valid balance, and the rest, once received, touches
    the pair again and corrects it."""
    fixed = dict(on_hand=max(on_hand, 0), in_transit=max(in_transit, 0), defective=max(defective, 0))
    fixed["reserved"] = min(max(reserved, 0), fixed["on_hand"])
    if fixed != dict(on_hand=on_hand, reserved=reserved, in_transit=in_transit, defective=defective):
        log.warning("ledger of depot %s, part %s sums to an invalid balance; kept within the checks",
                    depot_id, part_id)
    return fixed


def _rebuild_serial(session: Session, part_id: uuid.UUID, serial: str) -> None:
    """The serial's place as its ledger history leaves it (the rules ``ledger.post`` applies)."""
    # In the order the rows were written: ids are time-ordered (UUIDv7, taken at insert), while
    # ``at`` is what the caller says (a repair recorded later carries the time it was done).
    history = session.execute(
        select(Movement.kind, Movement.depot_id, Movement.other_depot_id, Movement.ticket_id)
        .where(Movement.part_id == part_id, Movement.serial == serial, Movement.kind.in_(ledger.SERIAL_RULES))
        .order_by(Movement.id)).all()
    state = depot = ticket = None
    for kind, depot_id, other_depot_id, ticket_id in history:
        state, depot = ledger.serial_place(kind, depot_id, other_depot_id)
        if kind in ledger.TIES_TO_TICKET:
            ticket = ticket_id
    unit = session.scalar(select(SerialUnit).where(SerialUnit.part_id == part_id, SerialUnit.serial == serial)
                          .with_for_update())
    if unit is None:
        unit = SerialUnit(part_id=part_id, serial=serial)
        session.add(unit)
    if (unit.state, unit.depot_id, unit.ticket_id) != (state, depot, ticket):
        unit.state, unit.depot_id, unit.ticket_id = state, depot, ticket
    session.flush()
