"""The follow-up work's lines on a ticket's timeline (hook ``case_timeline``): each call attempt and
what came of it, a withdrawal, and the corrective action a poor score opened and its closing.
Rendered from the stored rows each time the timeline is read, in the reader's language."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.specs import TimelineEntry
from plugins.visits.call_models import CallAttempt, CorrectiveAction
from plugins.visits.corrective import actions_of_ticket
from plugins.visits.follow_ups import MAX_ATTEMPTS, outcome_label, user_names
from plugins.visits.models import FollowUpCall


def timeline_entries(session: Session, ticket_id: uuid.UUID) -> list[TimelineEntry]:
    calls = {c.id: c for c in session.scalars(select(FollowUpCall).where(FollowUpCall.ticket_id == ticket_id,
                                                                         FollowUpCall.deleted_at.is_(None)))}
    if not calls:
        return []
    attempts = list(session.scalars(select(CallAttempt).where(CallAttempt.call_id.in_(list(calls)))
                                    .order_by(CallAttempt.called_at)))
    actions = actions_of_ticket(session, ticket_id)
    names = user_names(session, [a.called_by for a in attempts] +
                       [user for a in actions for user in (a.owner_id, a.closed_by, a.opened_by)])
    entries = [_attempt_entry(calls[a.call_id], a, names) for a in attempts]
    entries += [TimelineEntry(c.withdrawn_at, translate("Visits", "Follow-up call withdrawn"),
                              translate("Visits", "The ticket was reopened before the call was made."))
                for c in calls.values() if c.state == "withdrawn" and c.withdrawn_at is not None]
    for action in actions:
        entries += _action_entries(action, names)
    return sorted(entries, key=lambda e: e.at)


def _attempt_entry(call: FollowUpCall, attempt: CallAttempt, names: dict) -> TimelineEntry:
    what = translate("Visits", "Follow-up call: {outcome}").format(outcome=outcome_label(attempt.outcome))
    parts = []
    if attempt.outcome == "reached":
        parts.append(translate("Visits", "solved: {solved}; satisfaction {score} of 5").format(
            solved=translate("Visits", "yes") if call.solved else translate("Visits", "no"), score=call.satisfaction))
    elif attempt.outcome == "no_answer":
        parts.append(translate("Visits", "attempt {number} of {most}").format(number=attempt.number,
                                                                            most=MAX_ATTEMPTS))
    if attempt.outcome != "reached" and attempt.number == call.attempts and call.state == "unreachable":
        parts.append(translate("Visits", "closed as unreachable"))
    if attempt.unsolved_action == "reopen":
        parts.append(translate("Visits", "ticket reopened: {reason}").format(reason=attempt.unsolved_reason))
    elif attempt.unsolved_action == "complaint":
        parts.append(translate("Visits", "quality complaint {number} opened: {reason}").format(
            number=attempt.linked_ticket_number, reason=attempt.unsolved_reason))
    if attempt.note:
        parts.append(attempt.note)
    return TimelineEntry(attempt.called_at, what, "; ".join(parts), names.get(attempt.called_by, ""))


def _action_entries(action: CorrectiveAction, names: dict) -> list[TimelineEntry]:
    opened = TimelineEntry(action.opened_at, translate("Visits", "Corrective action opened"),
                           translate("Visits", "Satisfaction {score} of 5: {reason}; owner {owner}, due {due}").format(
                               score=action.satisfaction, reason=action.reason,
                               owner=names.get(action.owner_id, ""), due=action.due_on.isoformat()),
                           names.get(action.opened_by, ""))
    if action.closed_at is None:
        return [opened]
    return [opened, TimelineEntry(action.closed_at, translate("Visits", "Corrective action closed"),
                                  action.resolution, names.get(action.closed_by, ""))]
