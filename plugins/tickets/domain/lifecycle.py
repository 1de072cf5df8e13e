"""The ticket lifecycle, enforced here and nowhere else:

new → diagnosing → resolved_remotely | dispatched → on_site → awaiting_signoff → closed → archived;
waiting_for_customer (from diagnosing, dispatched or on_site, back to where it was) stops the clock;
a closed or remotely resolved ticket may be reopened and an open ticket cancelled, each with a
reason. Archived is read-only. Every move is an event on the timeline.

Taking a new ticket into work records its first response (in ``move``, so no path skips it);
reopening keeps it."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.calendars import business_seconds_between
from app.clock import utcnow
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_scope
from app.specs import TicketClosed, TicketReopened
from plugins.customers import service as customers
from plugins.tickets.domain import coverage, sla
from plugins.tickets.similar import index as similar_index
from plugins.tickets.domain.events import record_event
from plugins.tickets.labels import state_label
from plugins.tickets.models import CATEGORIES, CHANNELS, PRIORITIES, RepairOrder, Ticket, TicketEvent
from plugins.tickets.domain.numbering import next_ticket_number
from plugins.tickets.domain.ownership import ensure_owned, owned_here
from plugins.tickets.similar.search import RESOLVED_STATES
from plugins.tickets.permissions import ARCHIVE, CLOSE, CREATE, DIAGNOSE, VIEW, WORK

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("diagnosing", "cancelled"),
    "diagnosing": ("resolved_remotely", "dispatched", "waiting_for_customer", "cancelled"),
    "resolved_remotely": ("closed", "diagnosing"),
    "dispatched": ("on_site", "waiting_for_customer", "cancelled"),
    "on_site": ("awaiting_signoff", "waiting_for_customer"),
    "awaiting_signoff": ("closed",),
    "waiting_for_customer": ("diagnosing", "dispatched", "on_site", "cancelled"),
    "closed": ("archived", "diagnosing"),
    "cancelled": ("archived",),
    "archived": (),
}
PAUSABLE = ("diagnosing", "dispatched", "on_site")
DIAGNOSABLE = ("new", "diagnosing", "waiting_for_customer")  # where the diagnosis is still written
REOPENABLE = ("closed", "resolved_remotely")
CLOSED_STATES = ("closed", "archived", "cancelled")


def visible_ticket_clause(actor: Actor):
    """What the actor may see: its org scope, plus cases escalated to its own unit."""
    return or_(org_scope(actor, Ticket.org_id), Ticket.escalated_to_org_id == actor.org_id)


def load_ticket(session: Session, actor: Actor, ticket_id: uuid.UUID) -> Ticket:
    actor.require(VIEW)
    ticket = session.scalar(select(Ticket).where(Ticket.id == ticket_id, visible_ticket_clause(actor),
                                                 Ticket.deleted_at.is_(None)))
    if ticket is None:
        raise NotFound(translate("Tickets", "No such ticket."))
    return ticket


def ensure_changeable(ticket: Ticket) -> None:
    if ticket.state == "archived":
        raise ValidationError(translate("Tickets", "Ticket {number} is archived and read-only.")
                              .format(number=ticket.number), field="state")


def next_states(ticket: Ticket) -> tuple[str, ...]:
    """The states ``ticket`` may move to now: a waiting ticket goes back only to where it was
    (or is cancelled). ``move`` refuses every other state; the ticket window's actions ask this too."""
    allowed = TRANSITIONS.get(ticket.state, ())
    if ticket.state == "waiting_for_customer":
        return tuple(s for s in allowed if s in (ticket.paused_from, "cancelled"))
    return allowed


def move(session: Session, actor: Actor, ticket: Ticket, to_state: str, kind: str, params: dict | None = None,
         now: datetime | None = None) -> Ticket:
    """Change state if the lifecycle allows it, record the event and re-check the clock.
    Only the node owning the ticket moves it: state and clock are fields of its row."""
    ensure_changeable(ticket)
    ensure_owned(session, ticket.org_id, ticket.number)
    now = now or utcnow()
    if to_state not in next_states(ticket):
        raise ValidationError(translate("Tickets", "A ticket that is “{current}” cannot become “{target}”.")
                              .format(current=state_label(ticket.state), target=state_label(to_state)),
                              field="state")
    from_state = ticket.state
    if from_state == "waiting_for_customer":
        _resume_clock(session, ticket, now)
    if from_state == "new" and to_state != "cancelled" and ticket.responded_at is None:
        ticket.responded_at = now  # taking a new case into work is its first response
    ticket.state = to_state
    ticket.is_open = to_state not in CLOSED_STATES
    record_event(session, ticket, actor, kind, params, from_state=from_state, to_state=to_state, at=now)
    sla.check_ticket(session, ticket, now)
    session.flush()
    if from_state in RESOLVED_STATES or to_state in RESOLVED_STATES:
        similar_index.index_ticket(session, ticket.id)  # resolved cases feed the similar-case search
    return ticket


def _resume_clock(session: Session, ticket: Ticket, now: datetime) -> None:
    calendar = sla.ticket_calendar(session, ticket)
    ticket.paused_seconds = int((ticket.paused_seconds or 0)
                                + business_seconds_between(ticket.paused_since, now, calendar))
    ticket.paused_since = None
    ticket.paused_from = None


def _reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(translate("Tickets", "Give a reason to {what}.").format(what=what), field="reason")
    return reason


# ------------------------------------------------------------------ opening


def create_ticket(session: Session, actor: Actor, *, customer_id: uuid.UUID, symptom: str, category: str = "fault",
                  channel: str = "hotline", priority: int = 3, serial_number: str = "",
                  contact_name: str = "", contact_phone: str = "", coverage_handling: str = "",
                  coverage_reason: str = "", diagnosis: str = "", now: datetime | None = None) -> Ticket:
    """Open a problem ticket in the customer's org unit, numbered and with its due times: the
    targets of the machine's package for this priority, copied now. On a machine whose contract
    and warranty have expired, ``coverage_handling`` and ``coverage_reason`` are required.
    ``diagnosis`` (e.g. a similar case's resolution taken over at intake) is written when the
    actor may diagnose, and left out otherwise."""
    actor.require(CREATE)
    now = now or utcnow()
    customer = customers.visible_customer(session, actor, customer_id)
    if customer is None:
        raise NotFound(translate("Tickets", "No such customer."))
    if not (symptom or "").strip():
        raise ValidationError(translate("Tickets", "Describe the symptom."), field="symptom")
    if category not in CATEGORIES:
        raise ValidationError(translate("Tickets", "Unknown category {value}.").format(value=category), field="category")
    if channel not in CHANNELS:
        raise ValidationError(translate("Tickets", "Unknown channel {value}.").format(value=channel), field="channel")
    if priority not in PRIORITIES:
        raise ValidationError(translate("Tickets", "Priority is 1 (critical) to 4 (low)."), field="priority")
    ensure_owned(session, customer.org_id)  # the ticket row must be written where its unit keeps its cases
    asset = _asset_for(session, customer, serial_number)
    opening = coverage.coverage_at_opening(session, asset, coverage_handling, coverage_reason, now)
    org = session.get(OrgUnit, customer.org_id)
    ticket = Ticket(org_id=org.id,
                    number=next_ticket_number(session, org, now), channel=channel, customer_id=customer.id,
                    asset_id=asset.id if asset else None, serial_number=asset.serial_number if asset else "",
                    product_line=asset.product_line if asset else "", contact_name=contact_name.strip(),
                    contact_phone=contact_phone.strip(), symptom=symptom.strip(), category=category,
                    priority=priority, state="new", is_open=True, opened_at=now, opened_by=actor.user_id,
                    paused_seconds=0, sla_marks="", breached=False)
    sla.apply_package(ticket, customers.targets_for(customers.package_for_asset(session, asset), priority))
    session.add(ticket)
    session.flush()
    record_event(session, ticket, actor, "created", {"text": ticket.symptom}, to_state="new", at=now)
    coverage.record_opening(session, actor, ticket, opening, now)
    sla.refresh_due_times(session, ticket)
    if category == "quality_complaint":
        from plugins.tickets.domain.emergency import start_complaint_handling

        start_complaint_handling(session, actor, ticket, now)
    session.flush()
    if (diagnosis or "").strip() and actor.has(DIAGNOSE):
        record_diagnosis(session, actor, ticket.id, diagnosis)
    return ticket


def _asset_for(session: Session, customer: customers.Customer, serial_number: str) -> customers.Asset | None:
    serial = (serial_number or "").strip().upper()
    if not serial:
        return None
    asset = customers.asset_by_serial(session, serial)
    if asset is None or asset.customer_id != customer.id:
        raise ValidationError(translate("Tickets", "Serial number {serial} is not an asset of this customer.")
                              .format(serial=serial), field="serial_number")
    return asset


# ------------------------------------------------------------------ moves


def start_diagnosis(session: Session, actor: Actor, ticket_id: uuid.UUID, note: str = "") -> Ticket:
    actor.require(DIAGNOSE)
    ticket = load_ticket(session, actor, ticket_id)
    ensure_changeable(ticket)
    if ticket.state != "new":
        # a finished case goes back to work only by reopening it, with a reason on record
        raise ValidationError(translate("Tickets", "Diagnosis starts on a new ticket; "
                                                   "ticket {number} is “{state}”.")
                              .format(number=ticket.number, state=state_label(ticket.state)), field="state")
    return move(session, actor, ticket, "diagnosing", "diagnosis", {"text": (note or "").strip()}, utcnow())


def resolve_remotely(session: Session, actor: Actor, ticket_id: uuid.UUID, resolution: str) -> Ticket:
    actor.require(DIAGNOSE)
    ticket = load_ticket(session, actor, ticket_id)
    text = _reason(resolution, translate("Tickets", "record the resolution"))
    ensure_changeable(ticket)
    ticket.resolution = text
    ticket.resolved_at = utcnow()
    return move(session, actor, ticket, "resolved_remotely", "resolved", {"text": text}, ticket.resolved_at)


def record_diagnosis(session: Session, actor: Actor, ticket_id: uuid.UUID, diagnosis: str) -> Ticket:
    """Write the diagnosis (e.g. a suggestion copied from a similar case); it goes on the timeline."""
    actor.require(DIAGNOSE)
    ticket = load_ticket(session, actor, ticket_id)
    ensure_changeable(ticket)
    ensure_owned(session, ticket.org_id, ticket.number)
    if ticket.state not in DIAGNOSABLE:
        raise ValidationError(translate("Tickets", "The diagnosis is written until the case is resolved or "
                                                   "dispatched; ticket {number} is “{state}”.")
                              .format(number=ticket.number, state=state_label(ticket.state)), field="state")
    replaced = ticket.diagnosis or ""
    ticket.diagnosis = (diagnosis or "").strip()
    # the replaced text is kept so that the writer may undo the change (domain/undo.py)
    record_event(session, ticket, actor, "diagnosis_note", {"text": ticket.diagnosis, "old": replaced})
    sla.check_ticket(session, ticket)
    session.flush()
    return ticket


def wait_for_customer(session: Session, actor: Actor, ticket_id: uuid.UUID, reason: str) -> Ticket:
    actor.require(WORK)
    ticket = load_ticket(session, actor, ticket_id)
    text = _reason(reason, translate("Tickets", "wait for the customer"))
    ensure_changeable(ticket)
    if ticket.state not in PAUSABLE:
        return move(session, actor, ticket, "waiting_for_customer", "paused", {"text": text})
    now = utcnow()
    ticket.paused_from = ticket.state
    ticket.paused_since = now
    return move(session, actor, ticket, "waiting_for_customer", "paused", {"text": text}, now)


def resume(session: Session, actor: Actor, ticket_id: uuid.UUID, note: str = "") -> Ticket:
    """Back to where the ticket was before it waited for the customer; the clock runs again."""
    actor.require(WORK)
    ticket = load_ticket(session, actor, ticket_id)
    if ticket.state != "waiting_for_customer":
        raise ValidationError(translate("Tickets", "Only a ticket waiting for the customer can resume."),
                              field="state")
    return move(session, actor, ticket, ticket.paused_from, "resumed", {"text": (note or "").strip()})


def close_ticket(session: Session, actor: Actor, ticket_id: uuid.UUID, *, hook, note: str = "") -> Ticket:
    """Close a resolved or signed-off ticket and announce it (``ticket_closed``) in this transaction."""
    actor.require(CLOSE)
    ticket = load_ticket(session, actor, ticket_id)
    if ticket.state == "awaiting_signoff" and session.scalar(
            select(RepairOrder.signed_at).where(RepairOrder.ticket_id == ticket.id)) is None:
        raise ValidationError(translate("Tickets", "The customer has not signed off the repair order yet."),
                              field="state")
    now = utcnow()
    move(session, actor, ticket, "closed", "closed", {"text": (note or "").strip()}, now)
    ticket.closed_at = now
    session.flush()
    hook.ticket_closed(session=session, event=TicketClosed(ticket.id, ticket.number, ticket.org_id,
                                                           ticket.customer_id, now, actor.user_id,
                                                           category=ticket.category,
                                                           engineer_id=resolver_of(session, ticket)))
    return ticket


def resolver_of(session: Session, ticket: Ticket) -> uuid.UUID | None:
    """Who resolved the case: the engineer on site, else whoever took it into work (a remote
    resolution), else who logged it — the person its follow-up call and satisfaction speak of."""
    if ticket.engineer_id is not None:
        return ticket.engineer_id
    taker = session.scalar(select(TicketEvent.actor_id).where(
        TicketEvent.ticket_id == ticket.id, TicketEvent.from_state == "new", TicketEvent.to_state != "cancelled",
        TicketEvent.actor_id.is_not(None)).order_by(TicketEvent.at).limit(1))
    return taker or ticket.opened_by


def reopen(session: Session, actor: Actor, ticket_id: uuid.UUID, reason: str, *, hook,
           source: str = "") -> Ticket:
    """Back to diagnosis for a closed or remotely resolved case, announced (``ticket_reopened``)
    in this transaction. The first response stays as it was; the resolution is due again.
    ``source``: what found the case unsolved when another plugin asked (e.g. ``follow_up``)."""
    actor.require(CLOSE)
    ticket = load_ticket(session, actor, ticket_id)
    text = _reason(reason, translate("Tickets", "reopen the ticket"))
    ensure_changeable(ticket)
    if ticket.state not in REOPENABLE:
        raise ValidationError(translate("Tickets", "Only a closed or remotely resolved ticket can be reopened; "
                                                   "ticket {number} is “{state}”.")
                              .format(number=ticket.number, state=state_label(ticket.state)), field="state")
    ensure_owned(session, ticket.org_id, ticket.number)
    ticket.closed_at = None
    ticket.resolved_at = None
    now = utcnow()
    move(session, actor, ticket, "diagnosing", "reopened", {"text": text, "source": source or None}, now)
    session.flush()
    hook.ticket_reopened(session=session, event=TicketReopened(ticket.id, ticket.number, ticket.org_id, now,
                                                               actor.user_id))
    return ticket


def cancel(session: Session, actor: Actor, ticket_id: uuid.UUID, reason: str) -> Ticket:
    actor.require(CLOSE)
    ticket = load_ticket(session, actor, ticket_id)
    text = _reason(reason, translate("Tickets", "cancel the ticket"))
    return move(session, actor, ticket, "cancelled", "cancelled", {"text": text})


def archive(session: Session, actor: Actor, ticket_id: uuid.UUID) -> Ticket:
    actor.require(ARCHIVE)
    ticket = load_ticket(session, actor, ticket_id)
    return move(session, actor, ticket, "archived", "archived")


def add_note(session: Session, actor: Actor, ticket_id: uuid.UUID, text: str) -> None:
    actor.require(WORK)
    ticket = load_ticket(session, actor, ticket_id)
    ensure_changeable(ticket)
    record_event(session, ticket, actor, "note", {"text": _reason(text, translate("Tickets", "add a note"))})
    if owned_here(session, ticket.org_id):  # elsewhere the clock is on the owner's row, not ours to write
        sla.check_ticket(session, ticket)  # every change looks at the clock, not only the periodic sweep
    session.flush()


def set_priority(session: Session, actor: Actor, ticket_id: uuid.UUID, priority: int) -> Ticket:
    actor.require(DIAGNOSE)
    ticket = load_ticket(session, actor, ticket_id)
    ensure_changeable(ticket)
    ensure_owned(session, ticket.org_id, ticket.number)
    if priority not in PRIORITIES:
        raise ValidationError(translate("Tickets", "Priority is 1 (critical) to 4 (low)."), field="priority")
    record_event(session, ticket, actor, "priority", {"old": ticket.priority, "new": priority})
    ticket.priority = priority
    session.flush()
    return ticket

