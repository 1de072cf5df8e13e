"""Follow-up tasks: exactly one per close of a ticket (``ticket_closed``), due FOLLOW_UP_DELAY after
the close; a reopening withdraws the ticket's due task (``ticket_reopened``) and the next close
brings a new one. Behind the door (``service``), which checks the permissions; queries keep to the
actor's org scope."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User
from app.clock import utcnow
from app.errors import NotFound
from app.i18n import translate
from app.orgs.scope import org_filter, org_scope
from app.specs import TicketClosed, TicketReopened
from plugins.customers import service as customers
from plugins.visits.models import FollowUpCall

FOLLOW_UP_DELAY = timedelta(days=2)  # a closed ticket's follow-up call is due two days after the close
MAX_ATTEMPTS = 3  # the third unanswered call closes the task as unreachable


def schedule_follow_up(session: Session, event: TicketClosed) -> FollowUpCall:
    """The task for this close; the same close announced again finds the task it made."""
    existing = session.scalar(select(FollowUpCall).where(FollowUpCall.ticket_id == event.ticket_id,
                                                         FollowUpCall.closed_at == event.closed_at))
    if existing is not None:
        return existing
    call = FollowUpCall(org_id=event.org_id, ticket_id=event.ticket_id, ticket_number=event.ticket_number,
                        customer_id=event.customer_id, category=event.category or "",
                        engineer_id=event.engineer_id, closed_at=event.closed_at,
                        due_at=event.closed_at + FOLLOW_UP_DELAY, attempts=0)
    session.add(call)
    session.flush()
    return call


def withdraw_follow_ups(session: Session, event: TicketReopened) -> list[FollowUpCall]:
    """The reopened ticket's due task is withdrawn: the case is not finished, so there is nothing to ask yet."""
    # Locked: a call being recorded at this moment is finished first and then no longer due.
    due = list(session.scalars(select(FollowUpCall).where(FollowUpCall.ticket_id == event.ticket_id,
                                                          FollowUpCall.state == "due").with_for_update()))
    for call in due:
        call.state = "withdrawn"
        call.withdrawn_at = event.reopened_at
    session.flush()
    return due


def list_calls(session: Session, actor: Actor, state: str | None = "due", limit: int = 500, *,
               org_id: uuid.UUID | None = None, subtree: bool = False) -> Sequence[FollowUpCall]:
    """Tasks in ``state`` (all without one): due ones the most urgent first, the others the latest
    first. ``org_id``/``subtree``: the org filter (the unit owning the closed ticket)."""
    return session.scalars(calls_query(session, actor, state, org_id=org_id, subtree=subtree).limit(limit)).all()


def calls_query(session: Session, actor: Actor, state: str | None = "due", *, org_id: uuid.UUID | None = None,
                subtree: bool = False):
    """The tasks ``list_calls`` lists, in its order, without a limit (the page reads a screenful, the
    export streams them all)."""
    stmt = select(FollowUpCall).where(org_scope(actor, FollowUpCall.org_id), FollowUpCall.deleted_at.is_(None),
                                      org_filter(session, actor, FollowUpCall.org_id, org_id, subtree))
    if state:
        stmt = stmt.where(FollowUpCall.state == state)
    order = (FollowUpCall.due_at, FollowUpCall.ticket_number) if state == "due" else (
        FollowUpCall.due_at.desc(), FollowUpCall.ticket_number)
    return stmt.order_by(*order)


@dataclass(frozen=True)
class CallLine:
    """A follow-up task with whom to call: the customer, its contact person and their phone, and
    the engineer who worked the case."""

    call: FollowUpCall
    customer: str
    contact: str
    phone: str
    engineer: str
    overdue: bool


def list_call_lines(session: Session, actor: Actor, state: str | None = "due", limit: int = 500, *,
                    org_id: uuid.UUID | None = None, subtree: bool = False) -> list[CallLine]:
    """``list_calls`` with the customer's name and contact, as the customer registry has them."""
    return call_lines(session, actor, list_calls(session, actor, state, limit, org_id=org_id, subtree=subtree))


def call_lines(session: Session, actor: Actor, calls: Sequence[FollowUpCall]) -> list[CallLine]:
    reach = customers.contacts_of(session, actor, (c.customer_id for c in calls))
    engineers = user_names(session, (c.engineer_id for c in calls))
    unknown = customers.CustomerContact("", "", "")
    now = utcnow()
    lines = []
    for call in calls:
        found = reach.get(call.customer_id, unknown)
        lines.append(CallLine(call, found.name, found.contact, found.phone, engineers.get(call.engineer_id, ""),
                              call.state == "due" and call.due_at < now))
    return lines


def count_due(session: Session, actor: Actor) -> int:
    stmt = select(func.count()).select_from(FollowUpCall).where(
        org_scope(actor, FollowUpCall.org_id), FollowUpCall.state == "due", FollowUpCall.due_at <= utcnow())
    return session.scalar(stmt) or 0


def call_in_scope(session: Session, actor: Actor, call_id: uuid.UUID) -> FollowUpCall:
    call = session.scalar(select(FollowUpCall).where(FollowUpCall.id == call_id, FollowUpCall.deleted_at.is_(None),
                                                     org_scope(actor, FollowUpCall.org_id)))
    if call is None:
        raise NotFound(translate("Visits", "No such follow-up call."))
    return call


def user_names(session: Session, user_ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """Display names (the username where none is set) of the given users."""
    wanted = {i for i in user_ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name, User.username).where(User.id.in_(wanted)))
    return {user_id: display or username for user_id, display, username in rows}


def state_label(state: str) -> str:
    return {"due": translate("Visits", "Due"), "done": translate("Visits", "Done"),
            "unreachable": translate("Visits", "Unreachable"),
            "withdrawn": translate("Visits", "Withdrawn")}.get(state, state)


def outcome_label(outcome: str) -> str:
    return {"reached": translate("Visits", "Reached"), "no_answer": translate("Visits", "No answer"),
            "wrong_number": translate("Visits", "Wrong number"),
            "refused": translate("Visits", "Refused")}.get(outcome, outcome)
