"""Corrective actions (整改措施): a follow-up call scored 1 or 2 asks the branch manager of the
ticket's unit to act, by CORRECTIVE_ACTION_DAYS after the call. The action stays open until its
owner or a branch manager closes it with a resolution.

Who owns it: an active branch manager of the ticket's unit; a unit without one (a partner, a new
center) hands it to the nearest unit above that has one; where the whole line up to HQ has none,
the specialist who recorded the call owns it, so an action is never without someone to answer for it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.roles import BRANCH_MANAGER
from app.clock import utcnow
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_filter, org_scope
from app.orgs.service import ancestors
from plugins.customers import service as customers
from plugins.visits.call_models import CorrectiveAction
from plugins.visits.follow_ups import user_names
from plugins.visits.models import FollowUpCall
from plugins.visits.permissions import CORRECTIVE_CLOSE
from plugins.visits.plan_rules import ensure_written_here, people_of, required_text, unit_today, written_here

CORRECTIVE_ACTION_DAYS = 7  # a corrective action is due a week after the poor score was heard
LOW_SCORES = (1, 2)


def owner_for(session: Session, org_id: uuid.UUID, fallback: uuid.UUID | None) -> uuid.UUID | None:
    """The nearest branch manager from the unit up to HQ (see the module's docstring) among the
    units this installation writes for — someone who can close the action where it is kept —
    else ``fallback``."""
    unit = session.get(OrgUnit, org_id)
    for candidate in (ancestors(session, unit) if unit is not None else []):
        managers = people_of(session, candidate.id, (BRANCH_MANAGER,)) if written_here(session, candidate.id) else []
        if managers:
            return managers[0].id
    return fallback


def open_corrective_action(session: Session, actor: Actor, call: FollowUpCall, satisfaction: int,
                           reason: str) -> CorrectiveAction:
    """The action a poor score opens; ``reason``: what the customer was unhappy about, as the specialist heard it."""
    now = utcnow()
    action = CorrectiveAction(org_id=call.org_id, call_id=call.id, ticket_id=call.ticket_id,
                              ticket_number=call.ticket_number, engineer_id=call.engineer_id,
                              owner_id=owner_for(session, call.org_id, actor.user_id), satisfaction=satisfaction,
                              due_on=unit_today(session, call.org_id) + timedelta(days=CORRECTIVE_ACTION_DAYS),
                              reason=reason, opened_by=actor.user_id, opened_at=now)
    session.add(action)
    session.flush()
    audit.record(session, actor, "corrective_action", action.id, "open", call.ticket_number)
    return action


def close_corrective_action(session: Session, actor: Actor, action_id: uuid.UUID,
                            resolution: str) -> CorrectiveAction:
    """Its owner, or a branch manager (``visits.corrective.close``), closes it with what was done."""
    action = session.scalar(select(CorrectiveAction).where(
        CorrectiveAction.id == action_id, CorrectiveAction.deleted_at.is_(None),
        or_(org_scope(actor, CorrectiveAction.org_id), CorrectiveAction.owner_id == actor.user_id))
        .with_for_update())  # two managers closing at once: the second sees the first's close
    if action is None:
        raise NotFound(translate("Visits", "No such corrective action."))
    if not may_close(actor, action):
        raise PermissionDenied(translate("Visits", "Only the action's owner or a branch manager can close it."))
    ensure_written_here(session, action.org_id)
    if action.closed_at is not None:
        raise ValidationError(translate("Visits", "This corrective action is already closed."))
    action.resolution = required_text(resolution, "resolution", translate("Visits", "Resolution"))
    action.closed_at = utcnow()
    action.closed_by = actor.user_id
    session.flush()
    audit.record(session, actor, "corrective_action", action.id, "close", action.ticket_number)
    return action


def may_close(actor: Actor, action: CorrectiveAction) -> bool:
    return action.owner_id == actor.user_id or actor.has(CORRECTIVE_CLOSE)


@dataclass(frozen=True)
class CorrectiveLine:
    """One line of the corrective actions page."""

    action: CorrectiveAction
    customer: str
    engineer: str
    owner: str
    closed_by: str
    overdue: bool
    may_close: bool  # open, and the reader is its owner or a branch manager


def corrective_lines(session: Session, actor: Actor, *, open_only: bool = False, limit: int = 500,
                     org_id: uuid.UUID | None = None, subtree: bool = False) -> list[CorrectiveLine]:
    """Open actions first (the earliest due first), then closed ones; an actor also sees those it owns."""
    stmt = corrective_query(session, actor, open_only=open_only, org_id=org_id, subtree=subtree).limit(limit)
    return lines_of(session, actor, session.execute(stmt).all())


def corrective_query(session: Session, actor: Actor, *, open_only: bool = False, org_id: uuid.UUID | None = None,
                     subtree: bool = False):
    """(action, customer id) rows as ``corrective_lines`` lists them, without a limit (the page
    reads a screenful, the export streams them all)."""
    stmt = (select(CorrectiveAction, FollowUpCall.customer_id)
            .join(FollowUpCall, FollowUpCall.id == CorrectiveAction.call_id)
            .where(CorrectiveAction.deleted_at.is_(None),
                   or_(org_scope(actor, CorrectiveAction.org_id), CorrectiveAction.owner_id == actor.user_id),
                   org_filter(session, actor, CorrectiveAction.org_id, org_id, subtree))
            .order_by(CorrectiveAction.closed_at.is_not(None), CorrectiveAction.due_on,
                      CorrectiveAction.ticket_number, CorrectiveAction.id))
    if open_only:
        stmt = stmt.where(CorrectiveAction.closed_at.is_(None))
    return stmt


def lines_of(session: Session, actor: Actor, rows) -> list[CorrectiveLine]:
    """The page's lines for (action, customer id) rows: names looked up once for all of them."""
    reach = customers.contacts_of(session, actor, (customer_id for _, customer_id in rows))
    names = user_names(session, [user for action, _ in rows
                                 for user in (action.engineer_id, action.owner_id, action.closed_by)])
    today: dict[uuid.UUID, date] = {}
    lines = []
    for action, customer_id in rows:
        if action.org_id not in today:
            today[action.org_id] = unit_today(session, action.org_id)
        found = reach.get(customer_id)
        lines.append(CorrectiveLine(action, found.name if found else "", names.get(action.engineer_id, ""),
                                    names.get(action.owner_id, ""), names.get(action.closed_by, ""),
                                    action.closed_at is None and action.due_on < today[action.org_id],
                                    action.closed_at is None and may_close(actor, action)
                                    and written_here(session, action.org_id)))
    return lines


def actions_of_ticket(session: Session, ticket_id: uuid.UUID) -> list[CorrectiveAction]:
    return list(session.scalars(select(CorrectiveAction).where(CorrectiveAction.ticket_id == ticket_id,
                                                               CorrectiveAction.deleted_at.is_(None))
                                .order_by(CorrectiveAction.opened_at)))
