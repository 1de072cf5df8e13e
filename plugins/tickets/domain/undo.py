"""Undo of one's own last note or field change on a ticket, as a new line on the timeline.

The timeline is append-only, so nothing is deleted: a ``withdrawn`` event refers to the line it
takes back (``params["event"]``) and, for a field change, the field gets its earlier value again.
The record allows it when the line

- is a note, a diagnosis or a priority change (``UNDOABLE``; a field change only when its line
  kept the value it replaced),
- was written by the acting user less than ``UNDO_WINDOW`` ago,
- is still the case's last line written by a person (the program's own response-time marks,
  written without a person, do not count),

and the acting user may still take the step it undoes: its permission, the case not archived,
and for a field (a column of the ticket row) the node that owns the case, with the diagnosis
still open to writing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import PermissionDenied, ValidationError
from app.i18n import translate
from plugins.tickets.domain.events import record_event
from plugins.tickets.domain.lifecycle import DIAGNOSABLE, load_ticket
from plugins.tickets.domain.ownership import ensure_owned
from plugins.tickets.labels import priority_label
from plugins.tickets.models import Ticket, TicketEvent
from plugins.tickets.permissions import DIAGNOSE, WORK

UNDO_WINDOW = timedelta(minutes=10)
# The kinds of line that can be taken back, with the permission their step needs and whether
# they changed a column of the ticket row (which only the owning node writes).
UNDOABLE: dict[str, tuple[str, bool]] = {"note": (WORK, False), "diagnosis_note": (DIAGNOSE, True),
                                         "priority": (DIAGNOSE, True)}
REPLACED = "old"  # the parameter in which a field change keeps the value it replaced


@dataclass(frozen=True)
class UndoOffer:
    """What "Undo" would take back now: ``event_id`` and ``what`` (in the reader's language) when
    allowed, else ``reason`` says why not."""

    event_id: uuid.UUID | None
    what: str = ""
    reason: str = ""

    @property
    def allowed(self) -> bool:
        return self.event_id is not None and not self.reason


def undo_offer(session: Session, actor: Actor, ticket_id: uuid.UUID) -> UndoOffer:
    """Whether ``actor`` may undo a line on this ticket now, and which."""
    ticket = load_ticket(session, actor, ticket_id)
    return _offer(session, actor, ticket, utcnow())


def offer_for(session: Session, actor: Actor, ticket: Ticket) -> UndoOffer:
    """``undo_offer`` for a ticket already loaded (the window's actions)."""
    return _offer(session, actor, ticket, utcnow())


def undo_last(session: Session, actor: Actor, ticket_id: uuid.UUID, event_id: uuid.UUID) -> TicketEvent:
    """Take back line ``event_id`` (what ``undo_offer`` offered): refused with the reason unless it
    is still the line the rules allow to undo. Returns the ``withdrawn`` line."""
    ticket = load_ticket(session, actor, ticket_id)
    # one undo at a time per case: a second click waits here and then finds the first one's line
    session.execute(select(Ticket.id).where(Ticket.id == ticket.id).with_for_update())
    now = utcnow()
    offer = _offer(session, actor, ticket, now)
    if not offer.allowed or offer.event_id != event_id:
        raise ValidationError(offer.reason or translate("Tickets", "Something else happened on the case since; "
                                                                   "that line can no longer be undone."),
                              field="undo")
    line = session.get(TicketEvent, event_id)
    if line.kind == "priority":
        ticket.priority = line.params[REPLACED]
    elif line.kind == "diagnosis_note":
        ticket.diagnosis = line.params[REPLACED]
    params = {"event": str(line.id), "of": line.kind, **_taken_back(line)}
    withdrawal = record_event(session, ticket, actor, "withdrawn", params, at=now)
    session.flush()
    return withdrawal


def _taken_back(line: TicketEvent) -> dict:
    """What the withdrawal line shows: the note taken back, the field's value again."""
    if line.kind == "priority":
        return {"priority": line.params[REPLACED]}
    if line.kind == "diagnosis_note":
        return {"text": line.params[REPLACED]}
    return {"text": (line.params or {}).get("text", line.text)}


def _offer(session: Session, actor: Actor, ticket: Ticket, now: datetime) -> UndoOffer:
    # The last line WRITTEN (a step may be dated back to when it happened); the program's own
    # lines count only when they moved the case.
    line = session.scalar(select(TicketEvent).where(TicketEvent.ticket_id == ticket.id,
                                                    or_(TicketEvent.actor_id.is_not(None),
                                                        TicketEvent.to_state.is_not(None)))
                          .order_by(TicketEvent.created_at.desc(), TicketEvent.id.desc()).limit(1))
    if line is None or line.actor_id != actor.user_id or line.kind not in UNDOABLE:
        return UndoOffer(None, reason=translate("Tickets", "Only your own last note or field change, while nothing "
                                                           "else has happened on the case since, can be undone."))
    reason = _refusal(session, actor, ticket, line, now)
    return UndoOffer(line.id, "" if reason else _what(line), reason)


def _refusal(session: Session, actor: Actor, ticket: Ticket, line: TicketEvent, now: datetime) -> str:
    permission, changes_ticket = UNDOABLE[line.kind]
    minutes = int(UNDO_WINDOW.total_seconds() // 60)
    if now - line.at > UNDO_WINDOW:
        return translate("Tickets", "Undo is possible for {minutes} minutes after writing.").format(minutes=minutes)
    if changes_ticket and REPLACED not in (line.params or {}):
        return translate("Tickets", "This change was recorded without the value it replaced, so it cannot be "
                                    "undone.")
    if ticket.state == "archived":
        return translate("Tickets", "Ticket {number} is archived and read-only.").format(number=ticket.number)
    if not actor.has(permission):
        return translate("Tickets", "You no longer have the permission to undo this.")
    if changes_ticket:
        try:
            ensure_owned(session, ticket.org_id, ticket.number)
        except PermissionDenied as refusal:
            return str(refusal)
    if line.kind == "diagnosis_note" and ticket.state not in DIAGNOSABLE:
        return translate("Tickets", "The diagnosis can no longer be changed.")
    return ""


def _what(line: TicketEvent) -> str:
    params = line.params or {}
    if line.kind == "priority":
        return translate("Tickets", "the priority change to {new} (back to {old})").format(
            new=priority_label(params.get("new")), old=priority_label(params.get("old")))
    if line.kind == "diagnosis_note":
        return translate("Tickets", "the diagnosis “{text}”").format(text=params.get("text", ""))
    return translate("Tickets", "the note “{text}”").format(text=params.get("text", line.text))
