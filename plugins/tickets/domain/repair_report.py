"""What the printed repair order (the on-site service report) shows, as plain text values: the
unit's letterhead, the customer and machine with its service package, the work, the parts with
their catalogue names, the times in the unit's clock and the customer's sign-off."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User
from app.errors import ValidationError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.service import letterhead
from plugins.customers.service import Asset, Customer
from plugins.tickets.domain.coverage import coverage_line
from plugins.tickets.domain.lifecycle import load_ticket
from plugins.tickets.domain.repair import repair_order_of
from plugins.tickets.models import RepairPart


def repair_order_document(session: Session, actor: Actor, ticket_id: uuid.UUID, hook=None) -> dict:
    """Everything the printed repair order shows. ``hook`` (the plugin host's relay) names the
    parts through ``part_names``; without it, or without a parts catalogue, names stay empty."""
    ticket = load_ticket(session, actor, ticket_id)
    order = repair_order_of(session, ticket)
    if order is None:
        raise ValidationError(translate("Tickets", "Ticket {number} has no repair order.").format(number=ticket.number))
    customer = session.get(Customer, ticket.customer_id)
    asset = session.get(Asset, ticket.asset_id) if ticket.asset_id else None
    engineer = session.get(User, order.engineer_id) if order.engineer_id else None
    parts = session.scalars(select(RepairPart).where(RepairPart.repair_order_id == order.id)
                            .order_by(RepairPart.created_at, RepairPart.id)).all()
    names = (hook.part_names(session=session, part_numbers=sorted({p.part_number for p in parts}))
             if hook is not None and parts else None) or {}
    clock = LocalClock(session)

    def when(moment):
        return clock.text(ticket.org_id, moment)

    return {
        "letterhead": letterhead(session, ticket.org_id), "ticket_number": ticket.number,
        "customer_name": customer.name,
        "contact": " ".join(x for x in (ticket.contact_name, ticket.contact_phone) if x),
        "product": f"{asset.product_line} {asset.model}".strip() if asset else "",
        "serial_number": asset.serial_number if asset else "",
        "coverage": coverage_line(session, actor, ticket_id).text if asset else "",
        "symptom": ticket.symptom, "fault_found": order.fault_found, "actions": order.actions,
        "engineer": (engineer.display_name or engineer.username) if engineer else "",
        "arrived_at": when(order.arrived_at), "completed_at": when(order.completed_at),
        "labour_minutes": order.labour_minutes,
        "parts": [{"part_number": p.part_number, "name": names.get(p.part_number, ""), "quantity": p.quantity,
                   "faulty_serial": p.faulty_serial, "replacement_serial": p.replacement_serial} for p in parts],
        "signer_name": order.signer_name, "signed_at": when(order.signed_at),
        "seal_confirmed": order.seal_confirmed, "signature_png": order.signature_png,
        "zone_note": clock.zone_note(ticket.org_id),  # the zone, where it is not the workstation's
    }
