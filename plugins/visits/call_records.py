"""Recording a follow-up call: each attempt is a row of its own (who, when, how it went).

- no answer: one more attempt; the MAX_ATTEMPTS-th unanswered one closes the task as unreachable;
- wrong number, refused: the task closes as unreachable at once;
- reached: the survey of the ticket's category is answered (the two fixed questions at least) and
  the task is done. "Not solved" asks the specialist to reopen the ticket or open a linked quality
  complaint, with a reason (hooks ``reopen_case`` / ``open_case``); a satisfaction of 1 or 2 opens
  a corrective action for the branch manager (``corrective``).

Everything is checked before anything is written, and the writing runs in a savepoint: a refusal,
ours or the tickets plugin's, leaves nothing behind even when the caller goes on to commit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import UserError, ValidationError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.specs import CaseReopenRequest, CaseRequest
from plugins.visits.call_models import OUTCOMES, UNSOLVED_ACTIONS, CallAttempt, SurveyAnswer
from plugins.visits.corrective import LOW_SCORES, open_corrective_action
from plugins.visits.follow_ups import MAX_ATTEMPTS, CallLine, call_in_scope, call_lines, state_label
from plugins.visits.models import FollowUpCall
from plugins.visits.plan_rules import ensure_written_here, optional_text, required_text
from plugins.visits.surveys import SATISFACTION, SOLVED, SurveyForm, checked_answers, ensure_survey, survey_form

COMPLAINT_CATEGORY = "quality_complaint"
SOURCE = "follow_up"  # how the tickets plugin's timeline names what reopened or opened a case


@dataclass(frozen=True)
class CallForm:
    """What the record-call dialog shows: whom to call, the survey to ask, attempts made so far."""

    line: CallLine
    survey: SurveyForm
    max_attempts: int


@dataclass(frozen=True)
class RecordedCall:
    call_id: uuid.UUID
    state: str
    attempts: int
    unsolved_action: str          # "" | reopen | complaint
    linked_ticket_number: str     # the ticket reopened or the complaint opened, when the answer was "not solved"
    corrective_action_id: uuid.UUID | None


def call_form(session: Session, actor: Actor, call_id: uuid.UUID) -> CallForm:
    call = call_in_scope(session, actor, call_id)
    return CallForm(call_lines(session, actor, [call])[0], survey_form(session, call.category), MAX_ATTEMPTS)


def record_call(session: Session, actor: Actor, call_id: uuid.UUID, *, outcome: str, hook,
                answers: dict[str, object] | None = None, note: str = "", unsolved_action: str = "",
                unsolved_reason: str = "") -> RecordedCall:
    """Record one attempt on a due task (see the module's docstring); ``answers``: question code →
    value (True/False or "yes"/"no", 1–5, an option, text) when the customer was reached."""
    call = call_in_scope(session, actor, call_id)
    session.refresh(call, with_for_update=True)  # two specialists on one task: the second waits, then sees the first
    ensure_recordable(session, call)
    if outcome not in OUTCOMES:
        raise ValidationError(translate("Visits", "Choose how the call went."), field="outcome")
    note = optional_text(note, "note", translate("Visits", "Note"))
    with session.begin_nested():
        if outcome != "reached":
            return _unanswered(session, actor, call, outcome, note)
        return _reached(session, actor, call, answers or {}, note, unsolved_action, unsolved_reason, hook)


def ensure_recordable(session: Session, call: FollowUpCall) -> None:
    """Only a due task takes a call; a withdrawn one says when its ticket was reopened."""
    ensure_written_here(session, call.org_id)
    if call.state == "withdrawn":
        raise ValidationError(translate("Visits", "Ticket {number} was reopened on {when}: this follow-up call is "
                                                  "withdrawn.").format(
            number=call.ticket_number, when=LocalClock(session).text(call.org_id, call.withdrawn_at)), field="state")
    if call.state != "due":
        raise ValidationError(translate("Visits", "The follow-up call on ticket {number} is already closed ({state}): "
                                                  "there is nothing more to record.").format(
            number=call.ticket_number, state=state_label(call.state)), field="state")


def _attempt(session: Session, actor: Actor, call: FollowUpCall, outcome: str, note: str, **unsolved) -> CallAttempt:
    now = utcnow()
    call.attempts += 1
    call.notes = note or call.notes
    attempt = CallAttempt(org_id=call.org_id, call_id=call.id, number=call.attempts, outcome=outcome, note=note,
                          called_by=actor.user_id, called_at=now, **unsolved)
    session.add(attempt)
    return attempt


def _close(call: FollowUpCall, actor: Actor, state: str, at) -> None:
    call.state = state
    call.called_by = actor.user_id
    call.called_at = at


def _unanswered(session: Session, actor: Actor, call: FollowUpCall, outcome: str, note: str) -> RecordedCall:
    attempt = _attempt(session, actor, call, outcome, note)
    if outcome != "no_answer" or call.attempts >= MAX_ATTEMPTS:
        _close(call, actor, "unreachable", attempt.called_at)
    session.flush()
    audit.record(session, actor, "follow_up_call", call.id, outcome, call.ticket_number)
    return RecordedCall(call.id, call.state, call.attempts, "", "", None)


def _reached(session: Session, actor: Actor, call: FollowUpCall, answers: dict, note: str, unsolved_action: str,
             unsolved_reason: str, hook) -> RecordedCall:
    form = survey_form(session, call.category)
    stored = checked_answers(form, answers)
    solved, satisfaction = stored[SOLVED] == "yes", int(stored[SATISFACTION])
    if not solved:
        if unsolved_action not in UNSOLVED_ACTIONS:
            raise ValidationError(translate("Visits", "The problem is not solved: choose to reopen the ticket or to "
                                                      "open a quality complaint."), field="unsolved_action")
        unsolved_reason = required_text(unsolved_reason, "unsolved_reason", translate("Visits", "Reason"))
        if unsolved_action == "complaint" and call.customer_id is None:
            raise ValidationError(translate("Visits", "Ticket {number} has no customer on record, so no complaint can "
                                                      "be opened for it: reopen the ticket instead.").format(
                number=call.ticket_number), field="unsolved_action")
    if satisfaction in LOW_SCORES and not note:
        raise ValidationError(translate("Visits", "A score of {score} opens a corrective action: note what the "
                                                  "customer was unhappy about.").format(score=satisfaction),
                              field="note")
    survey = ensure_survey(session, call.category)  # the defaults, stored as version 1 on their first answer
    call.survey_id, call.solved, call.satisfaction = survey.id, solved, satisfaction
    _close(call, actor, "done", utcnow())
    session.flush()  # done before the ticket is reopened: a reopening withdraws only due tasks
    linked_id, linked_number = (None, "") if solved else _act_on_unsolved(session, actor, call, unsolved_action,
                                                                          unsolved_reason, hook)
    _attempt(session, actor, call, "reached", note, unsolved_action="" if solved else unsolved_action,
             unsolved_reason="" if solved else unsolved_reason, linked_ticket_id=linked_id,
             linked_ticket_number=linked_number)
    for code, value in stored.items():
        session.add(SurveyAnswer(org_id=call.org_id, call_id=call.id, survey_id=survey.id, question_code=code,
                                 value=value))
    action = open_corrective_action(session, actor, call, satisfaction, note) if satisfaction in LOW_SCORES else None
    session.flush()
    audit.record(session, actor, "follow_up_call", call.id, "reached", call.ticket_number)
    return RecordedCall(call.id, call.state, call.attempts, "" if solved else unsolved_action, linked_number,
                        action.id if action else None)


def _act_on_unsolved(session: Session, actor: Actor, call: FollowUpCall, action: str, reason: str,
                     hook) -> tuple[uuid.UUID | None, str]:
    """Reopen the ticket, or open a quality complaint linked to it, through the tickets plugin."""
    if action == "reopen":
        try:
            number = hook.reopen_case(session=session, request=CaseReopenRequest(
                ticket_id=call.ticket_id, reason=reason, requested_by=actor.user_id, source=SOURCE), hook=hook)
        except UserError as refused:
            raise ValidationError(translate("Visits", "Ticket {number} cannot be reopened: {reason} Open a quality "
                                                      "complaint instead.").format(number=call.ticket_number,
                                                                                   reason=str(refused)),
                                  field="unsolved_action") from None
        if number is None:
            raise ValidationError(translate("Visits", "No plugin keeps tickets here: the ticket cannot be reopened."),
                                  field="unsolved_action")
        return call.ticket_id, number
    opened = hook.open_case(session=session, request=CaseRequest(
        org_id=call.org_id, customer_id=call.customer_id, category=COMPLAINT_CATEGORY, symptom=reason,
        opened_by=actor.user_id, source=SOURCE, related_ticket_id=call.ticket_id))
    if opened is None:
        raise ValidationError(translate("Visits", "No plugin keeps tickets here: no complaint can be opened."),
                              field="unsolved_action")
    return opened.ticket_id, opened.ticket_number

