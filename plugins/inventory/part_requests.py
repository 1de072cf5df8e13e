"""Part requests from dispatched tickets (hooks ``parts_requested`` / ``parts_used``), and the
spare hit rate: the share of requests the ticket's own org unit served from its depots."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import tzinfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from app.orgs.scope import org_filter, org_scope
from app.orgs.service import ancestors
from app.reports.period import Period
from app.specs import PartChoice, PartOutcome, PartsRequest, PartsUsage, RepairPartsRequest, UsedPart
from plugins.inventory import ledger, stock
from plugins.inventory.ledger import TicketRef, Who
from plugins.inventory.models import Balance, Depot, Part, PartRequest

DELAY_HOURS_PER_TIER = 24  # each step up the tree: about one day of courier time
KIND_ORDER = {"branch": 0, "partner": 0, "central": 1, "van": 2}


def _who(session: Session, user_id: uuid.UUID | None, fallback: str) -> Who:
    user = session.get(User, user_id) if user_id else None
    return Who(user_id, user.username if user else fallback)


def _org_chain(session: Session, org_id: uuid.UUID) -> list[OrgUnit]:
    """The ticket's org unit, then its parent, up to HQ."""
    unit = session.get(OrgUnit, org_id)
    return ancestors(session, unit) if unit is not None else []


def _depots_of(session: Session, org_id: uuid.UUID, with_vans: bool) -> list[Depot]:
    depots = session.scalars(select(Depot).where(Depot.org_id == org_id, Depot.active.is_(True),
                                                 Depot.deleted_at.is_(None))).all()
    depots = [d for d in depots if with_vans or d.kind != "van"]
    return sorted(depots, key=lambda d: (KIND_ORDER.get(d.kind, 3), d.code))


def home_depot(session: Session, org_id: uuid.UUID) -> Depot | None:
    """The depot the org unit's requests count against: its first non-van depot."""
    depots = _depots_of(session, org_id, with_vans=False)
    return depots[0] if depots else None


def _available(session: Session, depot: Depot, part: Part) -> int:
    row = session.execute(select(Balance.on_hand - Balance.reserved).where(
        Balance.depot_id == depot.id, Balance.part_id == part.id)).scalar()
    return row or 0


def _find_source(session: Session, chain: list[OrgUnit], part: Part, quantity: int) -> tuple[Depot | None, int]:
    for step, unit in enumerate(chain):
        for depot in _depots_of(session, unit.id, with_vans=step == 0):
            if _available(session, depot, part) >= quantity:
                return depot, step
    return None, 0


def serve(session: Session, request: PartsRequest) -> list[PartOutcome]:
    """Reserve each line locally (a hit) or up the tree (a miss with its source and delay)."""
    chain = _org_chain(session, request.org_id)
    if not chain:
        raise NotFound(translate("Inventory", "No such org unit."))
    home = home_depot(session, request.org_id)
    who = _who(session, request.requested_by, request.ticket_number)
    ticket = TicketRef(request.ticket_id, request.ticket_number)
    outcomes = []
    for line in request.lines:
        part = session.scalar(select(Part).where(Part.part_number == line.part_number, Part.deleted_at.is_(None)))
        if part is None:
            outcomes.append(PartOutcome(line.part_number, line.quantity, False, "",
                                        translate("Inventory", "No part {number} in the catalog.").format(
                                            number=line.part_number)))
            continue
        source, step = _find_source(session, chain, part, line.quantity)
        if source is not None:
            ledger.post(session, who, source, part, "reserve", line.quantity, ticket=ticket, at=request.requested_at)
        hit = source is not None and step == 0
        session.add(PartRequest(org_id=request.org_id, ticket_id=request.ticket_id,
                                ticket_number=request.ticket_number, part_id=part.id, quantity=line.quantity,
                                home_depot_id=home.id if home else None,
                                source_depot_id=source.id if source else None, hit=hit,
                                delay_hours=step * DELAY_HOURS_PER_TIER if source else 0,
                                state="reserved" if source else "unserved", requested_by=request.requested_by,
                                requested_at=request.requested_at))
        outcomes.append(_outcome(line.part_number, line.quantity, hit, source, step))
    session.flush()
    return outcomes


def _outcome(part_number: str, quantity: int, hit: bool, source: Depot | None, step: int) -> PartOutcome:
    if source is None:
        message = translate("Inventory", "No depot up to HQ has it in stock.")
    elif hit:
        message = translate("Inventory", "Reserved in the local depot {depot}.").format(depot=source.code)
    else:
        message = translate("Inventory", "Reserved in {depot}; expect about {hours} hours.").format(
            depot=source.code, hours=step * DELAY_HOURS_PER_TIER)
    return PartOutcome(part_number, quantity, hit, source.code if source else "", message)


def repair_choices(session: Session, request: RepairPartsRequest) -> list[PartChoice]:
    """What the ticket's repair order may record (hook ``parts_for_repair``): each part reserved
    for it, from the depot holding the reservation, then the rest of the engineer's vans and the
    unit's home depot, the places ``record_usage`` issues from."""
    reserved = session.execute(
        select(PartRequest.part_id, PartRequest.source_depot_id, func.sum(PartRequest.quantity))
        .where(PartRequest.ticket_id == request.ticket_id, PartRequest.state == "reserved")
        .group_by(PartRequest.part_id, PartRequest.source_depot_id)).all()
    choices = [_reserved_choice(session, session.get(Part, part_id), session.get(Depot, depot_id), int(quantity))
               for part_id, depot_id, quantity in reserved]
    reserved_parts = [part_id for part_id, _, _ in reserved]
    for depot in _own_depots(session, request.org_id, request.engineer_id):
        choices += stock.stock_choices(session, depot, leave_out=reserved_parts)
    return choices


def _reserved_choice(session: Session, part: Part, depot: Depot, quantity: int) -> PartChoice:
    serials = stock.serials_on_hand(session, depot, [part.id]).get(part.id, ()) if part.serialised else ()
    return PartChoice(part.part_number, part.name_zh, part.serialised, depot.code,
                      quantity + _available(session, depot, part), reserved=quantity, serials=serials)


def _own_depots(session: Session, org_id: uuid.UUID, engineer_id: uuid.UUID | None) -> list[Depot]:
    """The engineer's vans, then the unit's home depot."""
    vans = [] if engineer_id is None else session.scalars(
        select(Depot).where(Depot.engineer_id == engineer_id, Depot.kind == "van", Depot.active.is_(True),
                            Depot.deleted_at.is_(None)).order_by(Depot.code)).all()
    home = home_depot(session, org_id)
    return [*vans, *([home] if home is not None else [])]


def record_usage(session: Session, usage: PartsUsage) -> None:
    """Issue reserved parts to the repair order; the removed part comes back as defective."""
    who = _who(session, usage.used_by, usage.ticket_number)
    ticket = TicketRef(usage.ticket_id, usage.ticket_number)
    home = home_depot(session, usage.org_id)
    for line in usage.lines:
        part = stock.part_by_number(session, line.part_number)
        if part.serialised and (line.quantity != 1 or not line.installed_serial):
            raise ValidationError(translate("Inventory", "Part {part} is serialised: record one unit per line with the installed serial number.")
                                  .format(part=part.part_number), field="installed_serial")
        depot = _issue(session, who, ticket, usage, part, line, home)
        defective_depot = home or depot
        ledger.post(session, who, defective_depot, part, "return_defective", line.quantity,
                    serial=line.removed_serial if part.serialised else None, ticket=ticket, at=usage.used_at,
                    reason=translate("Inventory", "Removed at the customer"))
    session.flush()


def _issue(session: Session, who: Who, ticket: TicketRef, usage: PartsUsage, part: Part, line: UsedPart,
           home: Depot | None) -> Depot:
    quantity, serial = line.quantity, line.installed_serial
    requests = session.scalars(select(PartRequest).where(
        PartRequest.ticket_id == usage.ticket_id, PartRequest.part_id == part.id, PartRequest.state == "reserved")
        .order_by(PartRequest.requested_at).with_for_update()).all()
    source = _picked_depot(session, usage, line.source_depot, requests) if line.source_depot else None
    # a picked part comes from where it was picked (with that depot's reservation if it holds one);
    # a part typed without a depot uses the oldest reservation
    if source is not None:
        request = next((r for r in requests if r.source_depot_id == source.id), None)
    else:
        request = requests[0] if requests else None
    if request is not None:
        depot = session.get(Depot, request.source_depot_id)
        reserved = request.quantity
        request.state = "issued"
    elif source is not None:
        depot, reserved = source, 0  # picked from stock without a request: take it now
    elif home is not None:
        depot, reserved = home, 0  # fitted without a request: take it from the local depot now
    else:
        raise ValidationError(translate("Inventory", "Ticket {ticket} reserved no {part} and its org unit has no depot.")
                              .format(ticket=usage.ticket_number, part=part.part_number), field="part_number")
    if quantity > reserved:
        ledger.post(session, who, depot, part, "reserve", quantity - reserved, ticket=ticket, at=usage.used_at)
    elif reserved > quantity:
        ledger.post(session, who, depot, part, "release", reserved - quantity, ticket=ticket, at=usage.used_at)
    ledger.post(session, who, depot, part, "issue", quantity, serial=serial, ticket=ticket, at=usage.used_at)
    return depot


def _picked_depot(session: Session, usage: PartsUsage, code: str, requests: list[PartRequest]) -> Depot:
    """The depot a repair order's line names: a depot of the ticket's unit (not a colleague's
    van), the engineer's own van, or one holding a live reservation of this part for the ticket."""
    depot = session.scalar(select(Depot).where(Depot.code == code.strip(), Depot.active.is_(True),
                                               Depot.deleted_at.is_(None)))
    if depot is None or not _serves(depot, usage, requests):
        raise ValidationError(translate("Inventory", "Depot {depot} does not serve ticket {ticket}.")
                              .format(depot=code, ticket=usage.ticket_number), field="source_depot")
    return depot


def _serves(depot: Depot, usage: PartsUsage, requests: list[PartRequest]) -> bool:
    if depot.kind == "van":
        return depot.engineer_id is not None and depot.engineer_id in (usage.engineer_id, usage.used_by)
    return depot.org_id == usage.org_id or any(r.source_depot_id == depot.id for r in requests)


def cancel_requests(session: Session, actor: Actor, ticket_id: uuid.UUID) -> int:
    """Release what a ticket reserved; cancelled requests leave the hit rate."""
    requests = session.scalars(select(PartRequest).where(PartRequest.ticket_id == ticket_id,
                                                         org_scope(actor, PartRequest.org_id),
                                                         PartRequest.state.in_(("reserved", "unserved")))).all()
    for request in requests:
        if request.state == "reserved":
            ledger.post(session, stock.who(actor), session.get(Depot, request.source_depot_id),
                        session.get(Part, request.part_id), "release", request.quantity,
                        ticket=TicketRef(request.ticket_id, request.ticket_number))
        request.state = "cancelled"
    session.flush()
    return len(requests)


def return_unused(session: Session, actor: Actor, depot_id: uuid.UUID, part_number: str, ticket_id: uuid.UUID,
                  ticket_number: str, quantity: int = 1, serials=()) -> None:
    """An issued part came back unopened: good stock again."""
    depot = stock.get_depot(session, actor, depot_id)
    part = stock.part_by_number(session, part_number)
    for q, s in stock.ledger_lines(part, quantity, serials):
        ledger.post(session, stock.who(actor), depot, part, "return_unused", q, serial=s,
                    ticket=TicketRef(ticket_id, ticket_number))


# ---------------------------------------------------------------- hit rate


@dataclass(frozen=True)
class HitRate:
    code: str
    name: str
    requests: int
    hits: int

    @property
    def rate(self) -> float | None:
        return self.hits / self.requests if self.requests else None


def hit_rates(session: Session, actor: Actor, period: Period, by: str = "depot",
              org_path: str | None = None, *, org_id: uuid.UUID | None = None, subtree: bool = False,
              zone: tzinfo | None = None) -> list[HitRate]:
    """Requests and hits per home depot or per org unit in the period; cancelled ones excluded.
    ``org_path``: below that unit (the rollup); ``org_id``/``subtree``: the org filter. The period's
    days are counted in ``zone``, by default the reader's unit's.

    The period is first counted per (org unit, depot) from the covering time index alone; the
    scope is applied to those few hundred groups, so the planner never walks the requests of
    every visible org unit one by one.
    """
    start, end = period.bounds_utc(zone or LocalClock(session).zone(actor.org_id))
    hits = func.sum(case((PartRequest.hit.is_(True), 1), else_=0))
    counted = (select(PartRequest.org_id, PartRequest.home_depot_id, func.count().label("n"), hits.label("hits"))
               .where(PartRequest.requested_at >= start, PartRequest.requested_at < end,
                      PartRequest.state != "cancelled")
               .group_by(PartRequest.org_id, PartRequest.home_depot_id).subquery())
    where = [org_scope(actor, counted.c.org_id), org_filter(session, actor, counted.c.org_id, org_id, subtree)]
    if org_path:
        where.append(counted.c.org_id.in_(select(OrgUnit.id).where(OrgUnit.path.startswith(org_path))))
    if by == "depot":
        stmt = (select(Depot.code, Depot.name, func.sum(counted.c.n), func.sum(counted.c.hits))
                .join(counted, counted.c.home_depot_id == Depot.id).group_by(Depot.code, Depot.name))
    else:
        stmt = (select(OrgUnit.code, OrgUnit.name, func.sum(counted.c.n), func.sum(counted.c.hits))
                .join(counted, counted.c.org_id == OrgUnit.id).group_by(OrgUnit.code, OrgUnit.name))
    rows = session.execute(stmt.where(*where))
    return sorted((HitRate(c, n, int(r), int(h or 0)) for c, n, r, h in rows), key=lambda x: x.code)


def total_hit_rate(rates: list[HitRate]) -> HitRate:
    return HitRate("", translate("Inventory", "All"), sum(r.requests for r in rates), sum(r.hits for r in rates))
