"""The stock ledger: every change of stock is one immutable row, and the balance table moves
with it in the same transaction.

The balance row is changed with one conditional UPDATE whose WHERE clause says the result
stays valid (no bucket negative, reserved within on-hand). The database row lock makes a
second writer wait and then re-check the clause against the committed row, so two sessions
can never both take the last unit: the loser gets ``InsufficientStock``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.errors import UserError, ValidationError
from app.i18n import translate
from app.user_values import parse_quantity
from plugins.inventory.models import Balance, Depot, Movement, Part, SerialUnit

BUCKETS = ("on_hand", "reserved", "in_transit", "defective")

# kind -> change of (on_hand, reserved, in_transit, defective) per unit
KIND_DELTAS = {
    "receive": (1, 0, 0, 0),
    "reserve": (0, 1, 0, 0),
    "release": (0, -1, 0, 0),
    "issue": (-1, -1, 0, 0),  # always out of a reservation
    "return_unused": (1, 0, 0, 0),
    "return_defective": (0, 0, 0, 1),
    "rma": (0, 0, 0, -1),
    "transfer_out": (-1, 0, 0, 0),
    "in_transit": (0, 0, 1, 0),
    "transfer_in": (1, 0, -1, 0),
    "adjust_in": (1, 0, 0, 0),
    "adjust_out": (-1, 0, 0, 0),
}
# Serialised parts: where the serial must be before (state, same depot?) -> state after.
# None as the "before" state means the serial may be unknown (first seen).
SERIAL_RULES = {
    "receive": ((None, "rma", "written_off"), "in_stock"),
    "issue": (("in_stock",), "installed"),
    "return_unused": (("installed",), "in_stock"),
    "return_defective": ((None, "installed"), "defective"),
    "rma": (("defective",), "rma"),
    "transfer_out": (("in_stock",), "in_transit"),
    "transfer_in": (("in_transit",), "in_stock"),
    "adjust_in": ((None, "rma", "written_off"), "in_stock"),
    "adjust_out": (("in_stock",), "written_off"),
}
QUANTITY_ONLY = ("reserve", "release", "in_transit")
# Movements that tie a serial to their ticket (installed there, or came back defective from it).
TIES_TO_TICKET = ("issue", "return_defective")


class InsufficientStock(UserError):
    """The movement would take a balance below zero (or reserve more than is on hand)."""


@dataclass(frozen=True)
class Who:
    """Who moves stock: a signed-in user, or the user a hook names on a ticket."""

    user_id: uuid.UUID | None
    name: str


@dataclass(frozen=True)
class TicketRef:
    ticket_id: uuid.UUID
    ticket_number: str


def post(session: Session, who: Who, depot: Depot, part: Part, kind: str, quantity: int, *,
         serial: str | None = None, ticket: TicketRef | None = None, transfer_id: uuid.UUID | None = None,
         other_depot: Depot | None = None, reason: str = "", at: datetime | None = None) -> Movement:
    """Append one ledger row and apply it to the balance; raise before anything is half done."""
    quantity = parse_quantity(quantity, column=Movement.quantity)
    deltas = tuple(d * quantity for d in KIND_DELTAS[kind])
    if part.serialised and kind not in QUANTITY_ONLY:
        _move_serial(session, depot, part, kind, quantity, serial, ticket, other_depot)
    elif serial and not part.serialised:
        serial = None  # a serial number on a bulk part is noise: the ledger counts units only
    apply_to_balance(session, depot, part, deltas)
    movement = Movement(org_id=depot.org_id, depot_id=depot.id, part_id=part.id, kind=kind, quantity=quantity,
                        d_on_hand=deltas[0], d_reserved=deltas[1], d_in_transit=deltas[2], d_defective=deltas[3],
                        serial=serial, ticket_id=ticket.ticket_id if ticket else None,
                        ticket_number=ticket.ticket_number if ticket else None, transfer_id=transfer_id,
                        other_depot_id=other_depot.id if other_depot else None, reason=reason,
                        actor_id=who.user_id, actor_name=who.name, at=at or utcnow())
    session.add(movement)
    session.flush()
    return movement


def apply_to_balance(session: Session, depot: Depot, part: Part, deltas: tuple[int, int, int, int]) -> None:
    if any(d > 0 for d in deltas):
        ensure_balance_row(session, depot, part)
    on_hand, reserved, in_transit, defective = deltas
    stmt = (update(Balance)
            .where(Balance.depot_id == depot.id, Balance.part_id == part.id,
                   Balance.on_hand + on_hand >= 0, Balance.reserved + reserved >= 0,
                   Balance.in_transit + in_transit >= 0, Balance.defective + defective >= 0,
                   Balance.on_hand + on_hand >= Balance.reserved + reserved)
            .values(on_hand=Balance.on_hand + on_hand, reserved=Balance.reserved + reserved,
                    in_transit=Balance.in_transit + in_transit, defective=Balance.defective + defective,
                    version=Balance.version + 1)
            .execution_options(synchronize_session=False))
    if session.execute(stmt).rowcount != 1:
        raise InsufficientStock(_shortage_message(session, depot, part, deltas))


def ensure_balance_row(session: Session, depot: Depot, part: Part) -> None:
    values = dict(depot_id=depot.id, part_id=part.id, org_id=depot.org_id, on_hand=0, reserved=0,
                  in_transit=0, defective=0, version=0)
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(insert(Balance).values(**values).on_conflict_do_nothing())


def _shortage_message(session: Session, depot: Depot, part: Part, deltas) -> str:
    row = session.execute(select(Balance.on_hand, Balance.reserved, Balance.in_transit, Balance.defective)
                          .where(Balance.depot_id == depot.id, Balance.part_id == part.id)).first()
    on_hand, reserved, in_transit, defective = row or (0, 0, 0, 0)
    if deltas[2] < 0:
        have, what = in_transit, translate("Inventory", "in transit")
    elif deltas[3] < 0:
        have, what = defective, translate("Inventory", "defective")
    elif deltas[0] < 0 and deltas[1] < 0:
        have, what = reserved, translate("Inventory", "reserved")
    elif deltas[1] < 0:
        have, what = reserved, translate("Inventory", "reserved")
    else:
        have, what = on_hand - reserved, translate("Inventory", "available")
    need = max(abs(d) for d in deltas)
    return translate("Inventory", "Not enough stock of {part} in depot {depot}: {need} needed, {have} {what}.").format(
        part=part.part_number, depot=depot.code, need=need, have=have, what=what)


def _move_serial(session: Session, depot: Depot, part: Part, kind: str, quantity: int, serial: str | None,
                 ticket: TicketRef | None, other_depot: Depot | None) -> None:
    if not serial or quantity != 1:
        raise ValidationError(translate("Inventory", "Part {part} is serialised: move one unit at a time with its serial number.")
                              .format(part=part.part_number), field="serial")
    before, after = SERIAL_RULES[kind]
    unit = session.scalar(select(SerialUnit).where(SerialUnit.part_id == part.id, SerialUnit.serial == serial)
                          .with_for_update())
    if unit is None:
        if None not in before:
            raise ValidationError(translate("Inventory", "Serial number {serial} of {part} is not known here.")
                                  .format(serial=serial, part=part.part_number), field="serial")
        unit = SerialUnit(part_id=part.id, serial=serial, state=after)
        session.add(unit)
    elif unit.state not in before or not _at_expected_place(unit, kind, depot, ticket):
        raise ValidationError(translate("Inventory", "Serial number {serial} of {part} is {state}, it cannot be moved that way.")
                              .format(serial=serial, part=part.part_number, state=serial_state_label(unit.state)),
                              field="serial")
    unit.state, unit.depot_id = serial_place(kind, depot.id, other_depot.id if other_depot else None)
    if kind in TIES_TO_TICKET:
        unit.ticket_id = ticket.ticket_id if ticket else None
    session.flush()


def serial_place(kind: str, depot_id: uuid.UUID, other_depot_id: uuid.UUID | None) -> tuple[str, uuid.UUID | None]:
    """(state, depot) of a serial after a movement of ``kind``: one rule for posting and for rebuilding."""
    after = SERIAL_RULES[kind][1]
    if kind == "transfer_out":  # on its way: counted at the target depot
        return after, other_depot_id
    return after, None if after in ("installed", "rma", "written_off") else depot_id


def _at_expected_place(unit: SerialUnit, kind: str, depot: Depot, ticket: TicketRef | None) -> bool:
    if unit.state in ("in_stock", "defective", "in_transit"):
        return unit.depot_id == depot.id
    if kind == "return_unused":  # an unused part comes back only from the ticket it went out on
        return ticket is not None and unit.ticket_id == ticket.ticket_id
    return True


def serial_state_label(state: str) -> str:
    return {
        "in_stock": translate("Inventory", "in stock"),
        "in_transit": translate("Inventory", "in transit"),
        "installed": translate("Inventory", "installed at a customer"),
        "defective": translate("Inventory", "defective"),
        "rma": translate("Inventory", "sent to HQ"),
        "written_off": translate("Inventory", "written off"),
    }.get(state, state)


def replay(session: Session, depot_id: uuid.UUID | None = None) -> dict[tuple[uuid.UUID, uuid.UUID], tuple[int, ...]]:
    """The balances the ledger adds up to, per (depot, part): the check the balance table must pass."""
    from sqlalchemy import func

    stmt = select(Movement.depot_id, Movement.part_id, func.sum(Movement.d_on_hand), func.sum(Movement.d_reserved),
                  func.sum(Movement.d_in_transit), func.sum(Movement.d_defective)).group_by(Movement.depot_id,
                                                                                            Movement.part_id)
    if depot_id is not None:
        stmt = stmt.where(Movement.depot_id == depot_id)
    return {(d, p): tuple(int(x) for x in rest) for d, p, *rest in session.execute(stmt)}


def stored_balances(session: Session, depot_id: uuid.UUID | None = None) -> dict:
    stmt = select(Balance.depot_id, Balance.part_id, Balance.on_hand, Balance.reserved, Balance.in_transit,
                  Balance.defective)
    if depot_id is not None:
        stmt = stmt.where(Balance.depot_id == depot_id)
    return {(d, p): tuple(rest) for d, p, *rest in session.execute(stmt)}
