"""Depots, stock movements and balances, kept to the depots the actor may see. Behind the door
(``service``), which checks the permissions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_filter, org_scope
from app.specs import PartChoice
from app.user_values import parse_integer, parse_quantity
from plugins.inventory import ledger
from plugins.inventory.ledger import Who
from plugins.inventory.models import DEPOT_KINDS, Balance, Depot, Movement, Part, SerialUnit, StockLevel, Transfer


def who(actor: Actor) -> Who:
    return Who(actor.user_id, actor.label)


# ---------------------------------------------------------------- depots


def visible_depots(session: Session, actor: Actor, *, org_id: uuid.UUID | None = None,
                   subtree: bool = False) -> Sequence[Depot]:
    """Active depots in the actor's scope; ``org_id``/``subtree``: the org filter."""
    return session.scalars(select(Depot).where(org_scope(actor, Depot.org_id), Depot.deleted_at.is_(None),
                                               Depot.active.is_(True),
                                               org_filter(session, actor, Depot.org_id, org_id, subtree))
                           .order_by(Depot.code)).all()


def all_depots(session: Session, actor: Actor) -> Sequence[Depot]:
    """Every active depot in the network: transfers may go to one outside the sender's subtree."""
    return session.scalars(select(Depot).where(Depot.deleted_at.is_(None), Depot.active.is_(True))
                           .order_by(Depot.code)).all()


def get_depot(session: Session, actor: Actor, depot_id: uuid.UUID) -> Depot:
    depot = session.scalar(select(Depot).where(Depot.id == depot_id, org_scope(actor, Depot.org_id)))
    if depot is None:
        raise NotFound(translate("Inventory", "No such depot."))
    return depot


def create_depot(session: Session, actor: Actor, *, org_code: str, code: str, name: str, kind: str,
                 engineer_id: uuid.UUID | None = None) -> Depot:
    org = session.scalar(select(OrgUnit).where(OrgUnit.code == org_code.strip().upper()))
    if org is None or session.scalar(select(OrgUnit.id).where(OrgUnit.id == org.id, org_scope(actor, OrgUnit.id))) is None:
        raise NotFound(translate("Inventory", "No such org unit: {code}").format(code=org_code))
    if kind not in DEPOT_KINDS:
        raise ValidationError(translate("Inventory", "Unknown depot kind: {kind}").format(kind=kind), field="kind")
    code = code.strip().upper()
    if not code or session.scalar(select(Depot.id).where(Depot.code == code)):
        raise ValidationError(translate("Inventory", "Depot code {code} is empty or taken.").format(code=code),
                              field="code")
    depot = Depot(org_id=org.id, code=code, name=name.strip() or code, kind=kind, engineer_id=engineer_id)
    session.add(depot)
    session.flush()
    audit.record(session, actor, "inventory.depot", depot.id, "create", f"{code} {name}")
    return depot


def part_by_number(session: Session, part_number: str) -> Part:
    part = session.scalar(select(Part).where(Part.part_number == part_number.strip(), Part.deleted_at.is_(None)))
    if part is None:
        raise NotFound(translate("Inventory", "No part {number} in the catalog.").format(number=part_number))
    return part


def set_level(session: Session, actor: Actor, depot_id: uuid.UUID, part_number: str, min_qty: int,
              max_qty: int) -> StockLevel:
    min_qty = parse_integer(min_qty, column=StockLevel.min_qty, minimum=0, required=True, field="min_qty")
    max_qty = parse_integer(max_qty, column=StockLevel.max_qty, minimum=0, required=True, field="max_qty")
    depot = get_depot(session, actor, depot_id)
    part = part_by_number(session, part_number)
    if max_qty < min_qty:
        raise ValidationError(translate("Inventory", "Minimum and maximum: 0 ≤ minimum ≤ maximum."), field="min_qty")
    level = session.scalar(select(StockLevel).where(StockLevel.depot_id == depot.id, StockLevel.part_id == part.id))
    if level is None:
        level = StockLevel(org_id=depot.org_id, depot_id=depot.id, part_id=part.id)
        session.add(level)
    level.min_qty, level.max_qty = min_qty, max_qty
    session.flush()
    audit.record(session, actor, "inventory.level", level.id, "set", f"{depot.code} {part.part_number} {min_qty}-{max_qty}")
    return level


# ---------------------------------------------------------------- movements


def _quantity(quantity) -> int:
    """A number of units to move: a whole number ≥ 1 that the ledger's column holds."""
    return parse_quantity(quantity, column=Movement.quantity)


def ledger_lines(part: Part, quantity: int, serials: Sequence[str]) -> list[tuple[int, str | None]]:
    """Serialised parts move one serial per ledger row; bulk parts in one row."""
    serials = [s.strip() for s in serials if s and s.strip()]
    if not part.serialised:
        return [(quantity, None)]
    if len(serials) != quantity or len(set(serials)) != len(serials):
        raise ValidationError(translate("Inventory", "Part {part} is serialised: give {n} different serial numbers.")
                              .format(part=part.part_number, n=quantity), field="serials")
    return [(1, s) for s in serials]


def receive(session: Session, actor: Actor, depot_id: uuid.UUID, part_number: str, quantity: int,
            serials: Sequence[str] = (), reason: str = "") -> list[Movement]:
    quantity = _quantity(quantity)
    depot = get_depot(session, actor, depot_id)
    part = part_by_number(session, part_number)
    return [ledger.post(session, who(actor), depot, part, "receive", q, serial=s, reason=reason)
            for q, s in ledger_lines(part, quantity, serials)]


def send_defective_to_hq(session: Session, actor: Actor, depot_id: uuid.UUID, part_number: str, quantity: int,
                         serials: Sequence[str] = (), reason: str = "") -> list[Movement]:
    """RMA: defective units leave the depot for repair at HQ."""
    quantity = _quantity(quantity)
    depot = get_depot(session, actor, depot_id)
    part = part_by_number(session, part_number)
    return [ledger.post(session, who(actor), depot, part, "rma", q, serial=s, reason=reason)
            for q, s in ledger_lines(part, quantity, serials)]


def adjust(session: Session, actor: Actor, depot_id: uuid.UUID, part_number: str, delta: int, reason: str,
           serials: Sequence[str] = ()) -> list[Movement]:
    """A stocktake correction; the reason is required because it is the only explanation in the ledger."""
    if not reason.strip():
        raise ValidationError(translate("Inventory", "A stock adjustment needs a reason."), field="reason")
    delta = parse_integer(delta, column=Movement.quantity, required=True, field="delta")
    if delta == 0:
        raise ValidationError(translate("Inventory", "An adjustment changes the stock by at least one unit."),
                              field="delta")
    depot = get_depot(session, actor, depot_id)
    part = part_by_number(session, part_number)
    kind = "adjust_in" if delta > 0 else "adjust_out"
    return [ledger.post(session, who(actor), depot, part, kind, q, serial=s, reason=reason.strip())
            for q, s in ledger_lines(part, abs(delta), serials)]


def send_transfer(session: Session, actor: Actor, from_depot_id: uuid.UUID, to_depot_id: uuid.UUID,
                  part_number: str, quantity: int, serials: Sequence[str] = (), reason: str = "") -> Transfer:
    """Transfer out of the source; the units are in transit at the target until it receives them."""
    quantity = _quantity(quantity)
    source = get_depot(session, actor, from_depot_id)
    target = session.get(Depot, to_depot_id)
    if target is None or not target.active or target.id == source.id:
        raise ValidationError(translate("Inventory", "Choose another active depot to send to."), field="to_depot")
    part = part_by_number(session, part_number)
    units = ledger_lines(part, quantity, serials)
    transfer = Transfer(org_id=source.org_id, from_depot_id=source.id, to_depot_id=target.id, part_id=part.id,
                        quantity=quantity, serials=",".join(s for _, s in units if s), sent_by=actor.user_id,
                        sent_at=utcnow(), number=f"T-{source.code}-{utcnow():%Y%m%d}-{uuid.uuid4().hex[:6].upper()}")
    session.add(transfer)
    session.flush()
    for q, s in units:
        ledger.post(session, who(actor), source, part, "transfer_out", q, serial=s, transfer_id=transfer.id,
                    other_depot=target, reason=reason)
        ledger.post(session, who(actor), target, part, "in_transit", q, serial=s, transfer_id=transfer.id,
                    other_depot=source, reason=reason)
    audit.record(session, actor, "inventory.transfer", transfer.id, "send",
                 f"{transfer.number}: {part.part_number} × {quantity} {source.code} → {target.code}")
    return transfer


def receive_transfer(session: Session, actor: Actor, transfer_id: uuid.UUID) -> Transfer:
    transfer = session.scalar(select(Transfer).where(Transfer.id == transfer_id).with_for_update())
    if transfer is None:
        raise NotFound(translate("Inventory", "No such transfer."))
    target = get_depot(session, actor, transfer.to_depot_id)
    if transfer.state != "in_transit":
        raise ValidationError(translate("Inventory", "Transfer {number} was already received.")
                              .format(number=transfer.number), field="transfer")
    part = session.get(Part, transfer.part_id)
    source = session.get(Depot, transfer.from_depot_id)
    units = [(1, s) for s in transfer.serials.split(",")] if part.serialised else [(transfer.quantity, None)]
    for q, s in units:
        ledger.post(session, who(actor), target, part, "transfer_in", q, serial=s, transfer_id=transfer.id,
                    other_depot=source)
    transfer.state, transfer.received_by, transfer.received_at = "received", actor.user_id, utcnow()
    session.flush()
    audit.record(session, actor, "inventory.transfer", transfer.id, "receive", transfer.number)
    return transfer


@dataclass(frozen=True)
class PendingTransfer:
    id: uuid.UUID
    number: str
    from_depot: str
    to_depot: str
    part_number: str
    quantity: int
    sent_at: object


def pending_transfers(session: Session, actor: Actor, depot_id: uuid.UUID) -> list[PendingTransfer]:
    """Transfers on their way to or from a depot the actor may see."""
    depot = get_depot(session, actor, depot_id)
    src, dst = Depot.__table__.alias("src"), Depot.__table__.alias("dst")
    stmt = (select(Transfer.id, Transfer.number, src.c.code, dst.c.code, Part.part_number, Transfer.quantity,
                   Transfer.sent_at)
            .join(src, src.c.id == Transfer.from_depot_id).join(dst, dst.c.id == Transfer.to_depot_id)
            .join(Part, Part.id == Transfer.part_id)
            .where(Transfer.state == "in_transit",
                   or_(Transfer.to_depot_id == depot.id, Transfer.from_depot_id == depot.id))
            .order_by(Transfer.sent_at))
    return [PendingTransfer(*row) for row in session.execute(stmt)]


# ---------------------------------------------------------------- balances, low stock, value


@dataclass(frozen=True)
class BalanceRow:
    part_number: str
    name: str
    on_hand: int
    reserved: int
    in_transit: int
    defective: int
    min_qty: int | None
    max_qty: int | None
    unit_cost: Decimal

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def value(self) -> Decimal:
        return self.unit_cost * self.on_hand

    @property
    def low(self) -> bool:
        return self.min_qty is not None and self.available < self.min_qty


def depot_balances(session: Session, actor: Actor, depot_id: uuid.UUID) -> list[BalanceRow]:
    """Every part with a balance or a stock level in the depot (one indexed lookup by depot)."""
    depot = get_depot(session, actor, depot_id)
    level_join = and_(StockLevel.depot_id == Balance.depot_id, StockLevel.part_id == Balance.part_id,
                      StockLevel.deleted_at.is_(None))
    with_balance = (select(Part.part_number, Part.name_zh, Balance.on_hand, Balance.reserved, Balance.in_transit,
                           Balance.defective, StockLevel.min_qty, StockLevel.max_qty, Part.unit_cost)
                    .join(Part, Part.id == Balance.part_id).outerjoin(StockLevel, level_join)
                    .where(Balance.depot_id == depot.id))
    rows = {r[0]: BalanceRow(*r) for r in session.execute(with_balance)}
    levels_only = (select(Part.part_number, Part.name_zh, StockLevel.min_qty, StockLevel.max_qty, Part.unit_cost)
                   .join(Part, Part.id == StockLevel.part_id)
                   .where(StockLevel.depot_id == depot.id, StockLevel.deleted_at.is_(None)))
    for number, name, min_qty, max_qty, cost in session.execute(levels_only):
        rows.setdefault(number, BalanceRow(number, name, 0, 0, 0, 0, min_qty, max_qty, cost))
    return [rows[k] for k in sorted(rows)]


def depot_stock(session: Session, actor: Actor, depot_id: uuid.UUID) -> list[PartChoice]:
    """What can be taken out of the depot now: each part with units on hand beyond its
    reservations, and for a serialised part the serial numbers in stock there."""
    return stock_choices(session, get_depot(session, actor, depot_id))


def stock_choices(session: Session, depot: Depot, leave_out: Sequence[uuid.UUID] = ()) -> list[PartChoice]:
    """``depot_stock`` for any depot, without the parts ``leave_out`` (ids)."""
    rows = session.execute(select(Part.id, Part.part_number, Part.name_zh, Part.serialised,
                                  Balance.on_hand - Balance.reserved)
                           .join(Part, Part.id == Balance.part_id)
                           .where(Balance.depot_id == depot.id, Balance.on_hand > Balance.reserved,
                                  Part.id.notin_(list(leave_out)) if leave_out else true())
                           .order_by(Part.part_number)).all()
    serials = serials_on_hand(session, depot, [row[0] for row in rows if row[3]])
    return [PartChoice(number, name, serialised, depot.code, available, serials=serials.get(part_id, ()))
            for part_id, number, name, serialised, available in rows]


def serials_on_hand(session: Session, depot: Depot, part_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, tuple[str, ...]]:
    """Per part, the serial numbers in good stock in the depot, in order."""
    found: dict[uuid.UUID, list[str]] = {}
    if part_ids:
        for part_id, serial in session.execute(
                select(SerialUnit.part_id, SerialUnit.serial)
                .where(SerialUnit.depot_id == depot.id, SerialUnit.state == "in_stock",
                       SerialUnit.part_id.in_(list(part_ids)))
                .order_by(SerialUnit.serial)):
            found.setdefault(part_id, []).append(serial)
    return {part_id: tuple(serials) for part_id, serials in found.items()}


def _low_stock_query(actor: Actor, narrowed=None):
    available = func.coalesce(Balance.on_hand, 0) - func.coalesce(Balance.reserved, 0)
    return (select(Depot.code, Part.part_number, Part.name_zh, available, StockLevel.min_qty)
            .join(Depot, Depot.id == StockLevel.depot_id).join(Part, Part.id == StockLevel.part_id)
            .outerjoin(Balance, and_(Balance.depot_id == StockLevel.depot_id, Balance.part_id == StockLevel.part_id))
            .where(org_scope(actor, StockLevel.org_id), StockLevel.deleted_at.is_(None), Depot.active.is_(True),
                   available < StockLevel.min_qty, true() if narrowed is None else narrowed))


def low_stock(session: Session, actor: Actor, limit: int = 1000, *, org_id: uuid.UUID | None = None,
              subtree: bool = False) -> list[tuple]:
    """(depot code, part number, name, available, minimum) where available stock is below the minimum;
    ``org_id``/``subtree``: the org filter."""
    narrowed = org_filter(session, actor, StockLevel.org_id, org_id, subtree)
    return [tuple(r) for r in session.execute(_low_stock_query(actor, narrowed).order_by(Depot.code, Part.part_number)
                                              .limit(limit))]


def count_low_stock(session: Session, actor: Actor) -> int:
    return session.scalar(select(func.count()).select_from(_low_stock_query(actor).subquery())) or 0


def stock_value(session: Session, actor: Actor, org_path: str | None = None, *, org_id: uuid.UUID | None = None,
                subtree: bool = False) -> tuple[list[tuple[str, str, Decimal]], list[tuple[str, Decimal]]]:
    """Good stock on hand × unit cost: per depot (code, org code, value) and per org unit (code, value),
    optionally only below the org unit with ``org_path`` (the rollup) or as the org filter says."""
    value = func.sum(Balance.on_hand * Part.unit_cost)
    stmt = (select(Depot.code, OrgUnit.code, value).join(Part, Part.id == Balance.part_id)
            .join(Depot, Depot.id == Balance.depot_id).join(OrgUnit, OrgUnit.id == Depot.org_id)
            .where(org_scope(actor, Balance.org_id), org_filter(session, actor, Balance.org_id, org_id, subtree))
            .group_by(Depot.code, OrgUnit.code).order_by(Depot.code))
    if org_path:
        stmt = stmt.where(OrgUnit.path.startswith(org_path))
    per_depot = [(d, o, Decimal(v or 0).quantize(Decimal("0.01"))) for d, o, v in session.execute(stmt)]
    per_org: dict[str, Decimal] = {}
    for _, org, v in per_depot:
        per_org[org] = per_org.get(org, Decimal("0.00")) + v
    return per_depot, sorted(per_org.items())


def movements_query(depot_id: uuid.UUID):
    """A depot's ledger, newest first (index on depot, time): (id, at, kind, part number, quantity,
    serial, ticket number, by, reason); the page reads it a page at a time, the export in one pass."""
    return (select(Movement.id, Movement.at, Movement.kind, Part.part_number, Movement.quantity, Movement.serial,
                   Movement.ticket_number, Movement.actor_name, Movement.reason)
            .join(Part, Part.id == Movement.part_id).where(Movement.depot_id == depot_id)
            .order_by(Movement.at.desc(), Movement.id.desc()))


def movements_page(session: Session, actor: Actor, depot_id: uuid.UUID, offset: int, limit: int) -> list[tuple]:
    """The depot's ledger, newest first."""
    depot = get_depot(session, actor, depot_id)
    return [tuple(r) for r in session.execute(movements_query(depot.id).offset(offset).limit(limit))]


def kind_label(kind: str) -> str:
    return {
        "receive": translate("Inventory", "Receive"), "reserve": translate("Inventory", "Reserve"),
        "release": translate("Inventory", "Release reservation"), "issue": translate("Inventory", "Issue to repair order"),
        "return_unused": translate("Inventory", "Return unused"),
        "return_defective": translate("Inventory", "Return defective"),
        "rma": translate("Inventory", "Defective to HQ (RMA)"), "transfer_out": translate("Inventory", "Transfer out"),
        "in_transit": translate("Inventory", "In transit"), "transfer_in": translate("Inventory", "Transfer in"),
        "adjust_in": translate("Inventory", "Stocktake gain"), "adjust_out": translate("Inventory", "Stocktake loss"),
    }.get(kind, kind)

