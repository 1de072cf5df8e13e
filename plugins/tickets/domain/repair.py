"""The repair order (维修单): arrival, fault found, actions, parts with serial numbers,
labour, completion, and the customer's sign-off by drawn signature or company seal. Once signed
the order is final: no second signature and no change (the customer signed what it says)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import PermissionDenied, ValidationError
from app.i18n import translate
from app.orgs.local_time import local_text
from app.specs import PartChoice, PartsUsage, RepairPartsRequest, UsedPart
from plugins.tickets.domain.events import record_event
from plugins.tickets.domain.lifecycle import ensure_changeable, load_ticket, move
from plugins.tickets.models import RepairOrder, RepairPart, Ticket
from plugins.tickets.domain.ownership import ensure_owned
from plugins.tickets.permissions import DISPATCH, REPAIR
from app.signature_image import check_signature_png
from plugins.tickets.domain.time_rules import Step, already_happened, dispatching


@dataclass(frozen=True)
class PartUse:
    """One part line of a repair order, as the engineer enters it."""

    part_number: str
    quantity: int = 1
    faulty_serial: str = ""
    replacement_serial: str = ""
    source_depot: str = ""  # where it was picked from (``repair_part_choices``); "" when typed


def works_on(ticket: Ticket, actor: Actor) -> bool:
    """An engineer works only the cases sent to them; dispatchers and managers may act for them."""
    return ticket.engineer_id == actor.user_id or actor.has(DISPATCH)


def _assigned(ticket: Ticket, actor: Actor) -> None:
    if not works_on(ticket, actor):
        raise PermissionDenied(translate("Tickets", "Ticket {number} is assigned to another engineer.")
                               .format(number=ticket.number))


def repair_order_of(session: Session, ticket: Ticket) -> RepairOrder | None:
    return session.scalar(select(RepairOrder).where(RepairOrder.ticket_id == ticket.id))


def arrive(session: Session, actor: Actor, ticket_id: uuid.UUID, at: datetime | None = None) -> RepairOrder:
    """The engineer is on site, now or at ``at`` (after the dispatch, not in the future)."""
    actor.require(REPAIR)
    ticket = load_ticket(session, actor, ticket_id)
    _assigned(ticket, actor)
    ensure_changeable(ticket)
    at = already_happened(session, ticket, at or utcnow(), field="arrived_at",
                          label=translate("Tickets", "The arrival time"), now=utcnow(),
                          after=(dispatching(session, ticket),))
    move(session, actor, ticket, "on_site", "arrived", {"time": local_text(session, ticket.org_id, at)}, at)
    ticket.arrived_at = ticket.arrived_at or at
    order = repair_order_of(session, ticket)
    if order is None:
        order = RepairOrder(org_id=ticket.org_id, ticket_id=ticket.id, engineer_id=ticket.engineer_id, arrived_at=at,
                            labour_minutes=0, seal_confirmed=False)
        session.add(order)
    from plugins.tickets.domain import sla

    sla.check_ticket(session, ticket)
    session.flush()
    return order


def complete_repair(session: Session, actor: Actor, ticket_id: uuid.UUID, *, fault_found: str, actions: str,
                    labour_minutes: int, parts: Sequence[PartUse] = (), hook,
                    completed_at: datetime | None = None) -> RepairOrder:
    """Fill in the repair order; parts go to ``parts_used`` in this transaction. The ticket then
    awaits the customer's sign-off."""
    actor.require(REPAIR)
    ticket = load_ticket(session, actor, ticket_id)
    _assigned(ticket, actor)
    ensure_changeable(ticket)
    order = repair_order_of(session, ticket)
    _not_signed(ticket, order)
    if order is None or ticket.state != "on_site":
        raise ValidationError(translate("Tickets", "Record the arrival on site before completing the repair order."),
                              field="state")
    check_repair_entries(fault_found=fault_found, actions=actions, labour_minutes=labour_minutes, parts=parts)
    now = already_happened(session, ticket, completed_at or utcnow(), field="completed_at",
                           label=translate("Tickets", "The completion time"), now=utcnow(),
                           after=(Step(order.arrived_at, translate("Tickets", "the arrival on site")),))
    order.fault_found, order.actions, order.labour_minutes = fault_found.strip(), actions.strip(), labour_minutes
    order.completed_at = now
    for line in parts:
        session.add(RepairPart(org_id=ticket.org_id, repair_order_id=order.id, part_number=line.part_number.strip(),
                               quantity=line.quantity, faulty_serial=line.faulty_serial.strip(),
                               replacement_serial=line.replacement_serial.strip()))
    if parts:
        hook.parts_used(session=session, usage=PartsUsage(
            ticket.id, ticket.number, ticket.org_id,
            tuple(UsedPart(p.part_number.strip(), p.quantity, p.replacement_serial.strip() or None,
                           p.faulty_serial.strip() or None, source_depot=p.source_depot)
                  for p in parts), actor.user_id, now, engineer_id=ticket.engineer_id))
    ticket.resolved_at = now
    ticket.resolution = order.actions
    params = {"fault": order.fault_found, "actions": order.actions,
              "parts": [[p.part_number.strip(), p.quantity] for p in parts]}
    move(session, actor, ticket, "awaiting_signoff", "repaired", params, now)
    return order


def repair_part_choices(session: Session, actor: Actor, ticket_id: uuid.UUID, *, hook) -> list[PartChoice] | None:
    """What the repair order's parts are picked from (hook ``parts_for_repair``): the parts
    reserved for the ticket first, then the engineer's and the unit's stock; ``None`` when no
    plugin keeps stock and the parts are typed."""
    actor.require(REPAIR)
    ticket = load_ticket(session, actor, ticket_id)
    _assigned(ticket, actor)
    request = RepairPartsRequest(ticket.id, ticket.number, ticket.org_id, ticket.engineer_id)
    choices = hook.parts_for_repair(session=session, request=request)
    return None if choices is None else list(choices)


def check_repair_entries(*, fault_found: str, actions: str, labour_minutes: int | None,
                         parts: Sequence[PartUse] = ()) -> None:
    """What ``complete_repair`` refuses in the entries themselves, read from nothing stored: the
    repair order form asks it before it confirms that the order becomes final."""
    if not (fault_found or "").strip():
        raise ValidationError(translate("Tickets", "Describe the fault found."), field="fault_found")
    if not (actions or "").strip():
        raise ValidationError(translate("Tickets", "Describe the actions taken."), field="actions")
    if labour_minutes is None or labour_minutes <= 0:
        raise ValidationError(translate("Tickets", "Labour time must be a positive number of minutes."),
                              field="labour_minutes")
    _check_parts(parts)


def _check_parts(parts: Sequence[PartUse]) -> None:
    for index, line in enumerate(parts, start=1):
        if not line.part_number.strip():
            raise ValidationError(translate("Tickets", "Part line {n}: enter the part number.").format(n=index),
                                  field="parts")
        if line.quantity <= 0:
            raise ValidationError(translate("Tickets", "Part line {n}: quantity must be at least 1.").format(n=index),
                                  field="parts")


def sign_off(session: Session, actor: Actor, ticket_id: uuid.UUID, *, signer_name: str,
             signature_png: bytes | None = None, seal_confirmed: bool = False,
             signed_at: datetime | None = None) -> RepairOrder:
    """The customer confirms the repair: a drawn signature (PNG) or the company seal, and a name;
    now, or at ``signed_at`` for a paper copy signed earlier (after the completion)."""
    actor.require(REPAIR)
    ticket = load_ticket(session, actor, ticket_id)
    _assigned(ticket, actor)
    ensure_changeable(ticket)
    ensure_owned(session, ticket.org_id, ticket.number)  # the repair order is the owning node's row
    order = repair_order_of(session, ticket)
    _not_signed(ticket, order)
    if order is None or ticket.state != "awaiting_signoff":
        raise ValidationError(translate("Tickets", "Only a completed repair order can be signed off."), field="state")
    check_sign_off_entries(signer_name=signer_name, signature_png=signature_png, seal_confirmed=seal_confirmed)
    completion = Step(order.completed_at, translate("Tickets", "the completion of the repair"))
    signed_at = already_happened(session, ticket, signed_at or utcnow(), field="signed_at",
                                 label=translate("Tickets", "The sign-off time"), now=utcnow(), after=(completion,))
    order.signer_name, order.signature_png, order.seal_confirmed = signer_name.strip(), signature_png, seal_confirmed
    order.signed_at = signed_at
    record_event(session, ticket, actor, "signed_off",
                 {"name": order.signer_name, "how": "signature" if signature_png else "seal"}, at=order.signed_at)
    session.flush()
    return order


def check_sign_off_entries(*, signer_name: str, signature_png: bytes | None = None,
                           seal_confirmed: bool = False) -> None:
    """What ``sign_off`` refuses in the entries themselves (asked by the form before it confirms)."""
    if not (signer_name or "").strip():
        raise ValidationError(translate("Tickets", "Enter the name of the customer who signs."), field="signer_name")
    if signature_png is not None:
        check_signature_png(signature_png)
    if signature_png is None and not seal_confirmed:
        raise ValidationError(translate("Tickets", "Sign-off needs the customer's signature or company seal."),
                              field="signature")


def is_signed(order: RepairOrder | None) -> bool:
    return order is not None and order.signed_at is not None


def signed_final_reason(ticket: Ticket, order: RepairOrder) -> str:
    """Why a signed repair order takes no other signature and no change: the customer signed what it says."""
    return translate("Tickets", "The repair order of ticket {number} is signed off by {name}: it is final and can "
                                "no longer be changed or signed again.").format(number=ticket.number,
                                                                                name=order.signer_name)


def _not_signed(ticket: Ticket, order: RepairOrder | None) -> None:
    if is_signed(order):
        raise ValidationError(signed_final_reason(ticket, order), field="state")
