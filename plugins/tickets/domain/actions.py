"""What a user may do with one ticket right now, as data: the ticket window draws its buttons
from ``available_actions`` and decides nothing itself.

Every action is listed, always in the same order, enabled or disabled with the reason. The
rules are the ones the changing functions enforce (``lifecycle.next_states`` for moves, the
permission each function requires, the owning node for the ticket row and the rows hanging off
it), so a button is enabled exactly when its call would not be refused for these reasons.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from app.orgs.models import OrgUnit
from plugins.tickets.domain.dispatch import REMOTE_STATES
from plugins.tickets.domain.emergency import may_tick
from plugins.tickets.labels import action_label, state_label
from plugins.tickets.domain.lifecycle import DIAGNOSABLE, REOPENABLE, load_ticket, next_states
from plugins.tickets.models import EmergencyStep, Escalation, RepairOrder, Ticket
from plugins.tickets.domain.ownership import owned_here
from plugins.tickets.permissions import (ARCHIVE, CLOSE, DIAGNOSE, DISPATCH, ESCALATE, REPAIR, VIEW, WORK,
                                         permission_specs)
from plugins.tickets.domain.repair import is_signed, signed_final_reason, works_on
from plugins.tickets.domain.undo import UndoOffer, offer_for


@dataclass(frozen=True)
class TicketAction:
    id: str
    label: str  # in the reader's language
    enabled: bool
    reason: str = ""  # why not, when disabled


@dataclass(frozen=True)
class _Facts:
    """What the rules look at, read once per call."""

    ticket: Ticket
    actor: Actor
    owned_here: bool
    order: RepairOrder | None
    escalated_here: bool
    open_steps: tuple[EmergencyStep, ...]
    undo: UndoOffer


@dataclass(frozen=True)
class _Rule:
    permission: str
    owner_only: bool  # changes the ticket row or a row hanging off it, which only the owning node writes
    check: Callable[[_Facts], str]  # "" when allowed, else the reason


def _not_in_state(facts: _Facts) -> str:
    return translate("Tickets", "Not while the ticket is “{state}”.").format(state=state_label(facts.ticket.state))


def _moves_to(state: str) -> Callable[[_Facts], str]:
    def check(facts: _Facts) -> str:
        return "" if state in next_states(facts.ticket) else _not_in_state(facts)
    return check


def _in_states(states: tuple[str, ...]) -> Callable[[_Facts], str]:
    def check(facts: _Facts) -> str:
        return "" if facts.ticket.state in states else _not_in_state(facts)
    return check


def _dispatch(facts: _Facts) -> str:
    if facts.ticket.state == "waiting_for_customer":  # going back to "dispatched" is resuming, not a new dispatch
        return translate("Tickets", "The ticket is waiting for the customer; resume it first.")
    return _moves_to("dispatched")(facts)


def _on_site_work(states: tuple[str, ...]) -> Callable[[_Facts], str]:
    def check(facts: _Facts) -> str:
        if facts.ticket.state not in states:
            if facts.ticket.state in ("new", "diagnosing"):
                return translate("Tickets", "Waiting for dispatch.")
            return _not_in_state(facts)
        if not works_on(facts.ticket, facts.actor):
            return translate("Tickets", "Ticket {number} is assigned to another engineer.").format(
                number=facts.ticket.number)
        return ""
    return check


def _repair(facts: _Facts) -> str:
    """The repair order is filled in on site and signed afterwards; once signed it is final."""
    reason = _on_site_work(("on_site", "awaiting_signoff"))(facts)
    if not reason and is_signed(facts.order):
        return signed_final_reason(facts.ticket, facts.order)
    return reason


def _close(facts: _Facts) -> str:
    if facts.ticket.state == "awaiting_signoff" and not is_signed(facts.order):
        return translate("Tickets", "The customer has not signed off the repair order yet.")
    return _moves_to("closed")(facts)


def _resume(facts: _Facts) -> str:
    if facts.ticket.state != "waiting_for_customer":
        return translate("Tickets", "The ticket is not waiting for the customer.")
    return ""


def _open_case(facts: _Facts) -> str:
    return "" if facts.ticket.is_open else _not_in_state(facts)


def _answer(facts: _Facts) -> str:
    if not facts.escalated_here:
        return translate("Tickets", "The case was not escalated to your unit.")
    return ""


def _always(_facts: _Facts) -> str:
    return ""


def _step_done(facts: _Facts) -> str:
    if not facts.open_steps:
        return translate("Tickets", "No emergency-plan step is open.")
    if not any(may_tick(step, facts.actor) for step in facts.open_steps):
        return translate("Tickets", "The open steps belong to other roles.")
    return ""


def _undo(facts: _Facts) -> str:
    return "" if facts.undo.allowed else facts.undo.reason


def _printable(facts: _Facts) -> str:
    return "" if facts.order is not None else translate("Tickets", "There is no repair order yet.")


# The window's buttons, in the order they keep.
RULES: dict[str, _Rule] = {
    "diagnose": _Rule(DIAGNOSE, True, _in_states(("new",))),
    "record_diagnosis": _Rule(DIAGNOSE, True, _in_states(DIAGNOSABLE)),
    "resolve": _Rule(DIAGNOSE, True, _moves_to("resolved_remotely")),
    "remote": _Rule(DIAGNOSE, False, _in_states(REMOTE_STATES)),
    "dispatch": _Rule(DISPATCH, True, _dispatch),
    "arrive": _Rule(REPAIR, True, _on_site_work(("dispatched",))),
    "repair": _Rule(REPAIR, True, _repair),
    "close": _Rule(CLOSE, True, _close),
    "wait": _Rule(WORK, True, _moves_to("waiting_for_customer")),
    "resume": _Rule(WORK, True, _resume),
    "escalate": _Rule(ESCALATE, True, _open_case),
    "expert": _Rule(ESCALATE, True, _open_case),
    "answer": _Rule(DIAGNOSE, False, _answer),
    "note": _Rule(WORK, False, _always),
    "undo": _Rule(VIEW, False, _undo),  # the permission of the step it takes back is the offer's to check
    "step_done": _Rule(VIEW, True, _step_done),
    "reopen": _Rule(CLOSE, True, _in_states(REOPENABLE)),
    "cancel": _Rule(CLOSE, True, _moves_to("cancelled")),
    "archive": _Rule(ARCHIVE, True, _moves_to("archived")),
    "pdf": _Rule(VIEW, False, _printable),
    "print": _Rule(VIEW, False, _printable),  # the same report through the system's print dialog
}
ACTIONS = tuple(RULES)


def available_actions(session: Session, actor: Actor, ticket_id: uuid.UUID) -> list[TicketAction]:
    """Every action of ``ACTIONS`` for this actor on this ticket, in that order."""
    facts = _facts(session, actor, load_ticket(session, actor, ticket_id))
    return [TicketAction(action, action_label(action), not reason, reason)
            for action, reason in ((action, _reason(session, facts, rule)) for action, rule in RULES.items())]


def _reason(session: Session, facts: _Facts, rule: _Rule) -> str:
    """Why the rule refuses, asked in the order the service asks: read-only, permission, owner, state."""
    ticket = facts.ticket
    if ticket.state == "archived" and rule.check is not _printable:
        return translate("Tickets", "Ticket {number} is archived and read-only.").format(number=ticket.number)
    if not facts.actor.has(rule.permission):
        return translate("Tickets", "You lack the permission “{permission}”.").format(
            permission=_permission_label(rule.permission))
    if rule.owner_only and not facts.owned_here:
        unit = session.get(OrgUnit, ticket.org_id)
        return translate("Tickets", "Only the owning unit ({unit}) changes this case; add a note or an answer "
                                    "instead.").format(unit=unit.name if unit else "")
    return rule.check(facts)


def _permission_label(code: str) -> str:
    return next((spec.label for spec in permission_specs() if spec.code == code), code)


def _facts(session: Session, actor: Actor, ticket: Ticket) -> _Facts:
    order = session.scalar(select(RepairOrder).where(RepairOrder.ticket_id == ticket.id))
    escalated_here = session.scalar(select(Escalation.id).where(Escalation.ticket_id == ticket.id,
                                                                Escalation.to_org_id == actor.org_id)
                                    .limit(1)) is not None
    open_steps = tuple(session.scalars(select(EmergencyStep).where(EmergencyStep.ticket_id == ticket.id,
                                                                   EmergencyStep.done_at.is_(None))
                                       .order_by(EmergencyStep.position)))
    return _Facts(ticket, actor, owned_here(session, ticket.org_id), order, escalated_here, open_steps,
                  offer_for(session, actor, ticket))
