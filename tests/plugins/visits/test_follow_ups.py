"""Follow-up calls as phone work: one task per close of a ticket, withdrawn by a reopening;
attempts until the customer is reached or three calls went unanswered; what is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import NotFound, PermissionDenied, ValidationError
from app.specs import TicketClosed
from follow_up_cases import answers, closed_event, count, desk, schedule
from plugins.visits import service
from plugins.visits.models import CallAttempt, FollowUpCall, SurveyAnswer


def test_closing_a_ticket_creates_one_follow_up_also_when_the_close_is_announced_twice(ctx, make_actor):
    team = desk(ctx, make_actor)
    ticket_id = team.closed_ticket("maintenance")
    [call] = team.calls(ticket_id)
    ticket = team.ticket(ticket_id)
    assert (call.state, call.category, call.ticket_number, call.customer_id) == (
        "due", "maintenance", ticket.number, team.customer_id)
    assert call.closed_at == ticket.closed_at and call.due_at == ticket.closed_at + service.FOLLOW_UP_DELAY
    assert call.attempts == 0
    again = TicketClosed(ticket_id, ticket.number, ticket.org_id, ticket.customer_id, ticket.closed_at, None,
                         category="maintenance")
    with ctx.transaction() as session:
        ctx.hook.ticket_closed(session=session, event=again)
    assert [c.id for c in team.calls(ticket_id)] == [call.id]


def test_a_reopening_withdraws_the_due_call_and_the_next_close_brings_a_new_one(ctx, make_actor):
    team = desk(ctx, make_actor)
    ticket_id = team.closed_ticket()
    [first] = team.calls(ticket_id)
    team.reopen(ticket_id)
    [withdrawn] = team.calls(ticket_id)
    assert (withdrawn.id, withdrawn.state) == (first.id, "withdrawn") and withdrawn.withdrawn_at is not None
    with pytest.raises(ValidationError) as refused:
        team.record(first.id, outcome="reached", answers=answers())
    assert f"Ticket {first.ticket_number} was reopened on" in str(refused.value)
    assert "withdrawn" in str(refused.value)
    assert count(ctx, CallAttempt) == 0 and count(ctx, SurveyAnswer) == 0
    team.close_again(ticket_id)
    old, new = team.calls(ticket_id)
    assert (old.id, old.state) == (first.id, "withdrawn")
    assert new.state == "due" and new.closed_at > first.closed_at
    with ctx.reading() as session:
        assert service.count_due(session, team.specialist) == 0  # due two days after the new close


def test_three_unanswered_calls_close_the_task_as_unreachable(ctx, make_actor):
    team = desk(ctx, make_actor)
    call_id = schedule(ctx, closed_event(customer_id=team.customer_id))
    for attempt in (1, 2):
        recorded = team.record(call_id, outcome="no_answer", note=f"第{attempt}次无人接听")
        assert (recorded.state, recorded.attempts) == ("due", attempt)
    recorded = team.record(call_id, outcome="no_answer")
    assert (recorded.state, recorded.attempts) == ("unreachable", 3)
    with ctx.reading() as session:
        call = session.get(FollowUpCall, call_id)
        assert call.called_by == team.specialist.user_id and call.called_at is not None
        outcomes = session.execute(select(CallAttempt.number, CallAttempt.outcome, CallAttempt.note,
                                          CallAttempt.called_by)
                                   .where(CallAttempt.call_id == call_id).order_by(CallAttempt.number)).all()
    assert outcomes == [(1, "no_answer", "第1次无人接听", team.specialist.user_id),
                        (2, "no_answer", "第2次无人接听", team.specialist.user_id),
                        (3, "no_answer", "", team.specialist.user_id)]
    with pytest.raises(ValidationError, match="already closed"):
        team.record(call_id, outcome="no_answer")
    assert count(ctx, CallAttempt) == 3


@pytest.mark.parametrize("outcome", ["wrong_number", "refused"])
def test_a_wrong_number_or_a_refusal_closes_the_task_at_once(ctx, make_actor, outcome):
    team = desk(ctx, make_actor)
    call_id = schedule(ctx, closed_event(customer_id=team.customer_id))
    recorded = team.record(call_id, outcome=outcome, note="号码为空号" if outcome == "wrong_number" else "客户拒绝回访")
    assert (recorded.state, recorded.attempts) == ("unreachable", 1)
    with ctx.reading() as session:
        assert [c.id for c in service.list_calls(session, team.specialist, "unreachable")] == [call_id]


def test_a_reached_customer_answers_the_survey_of_the_tickets_category(ctx, make_actor):
    team = desk(ctx, make_actor)
    call_id = schedule(ctx, closed_event(customer_id=team.customer_id, category="fault"))
    recorded = team.record(call_id, outcome="reached", note="客户很满意",
                           answers=answers(True, 4, punctuality="yes", attitude=5, skill="4", suggestions="  "))
    assert (recorded.state, recorded.attempts, recorded.corrective_action_id) == ("done", 1, None)
    with ctx.reading() as session:
        call = session.get(FollowUpCall, call_id)
        stored = dict(session.execute(select(SurveyAnswer.question_code, SurveyAnswer.value)
                                      .where(SurveyAnswer.call_id == call_id)).all())
        versions = {v for v in session.scalars(select(SurveyAnswer.survey_id).where(SurveyAnswer.call_id == call_id))}
    assert (call.state, call.solved, call.satisfaction, call.notes) == ("done", True, 4, "客户很满意")
    assert stored == {"solved": "yes", "satisfaction": "4", "punctuality": "yes", "attitude": "5", "skill": "4"}
    assert versions == {call.survey_id}


@pytest.mark.parametrize(("category", "given", "field", "message"), [
    ("fault", {"satisfaction": 5}, "answer:solved", "Was the problem solved?"),
    ("fault", {"solved": True}, "answer:satisfaction", "How satisfied are you?"),
    ("fault", answers(True, 9), "answer:satisfaction", "from 1 to 5"),
    ("fault", answers(True, 0), "answer:satisfaction", "from 1 to 5"),
    ("fault", answers(True, 5, punctuality="maybe"), "answer:punctuality", "yes or no"),
    ("consultation", answers(True, 5, channel="微信"), "answer:channel", "not one of the options"),
    ("fault", answers(True, 5, colour="red"), "answer:colour", "no question colour"),
    ("fault", answers(False, 4), "unsolved_action", "reopen the ticket or to open a quality complaint"),
    ("fault", {**answers(False, 4), "unsolved_action": "reopen"}, "unsolved_reason", "Reason is required"),
    ("fault", answers(True, 2), "note", "corrective action"),
    ("fault", answers(True, 5, suggestions="好\x00"), "answer:suggestions", "NUL"),
    ("fault", answers(True, 5, suggestions="很" * 4001), "answer:suggestions", "at most 4000 characters"),
])
def test_bad_answers_are_refused_and_nothing_is_saved(ctx, make_actor, category, given, field, message):
    team = desk(ctx, make_actor)
    call_id = schedule(ctx, closed_event(customer_id=team.customer_id, category=category))
    given = dict(given)  # the same parameters serve both databases
    extra = {k: given.pop(k) for k in ("unsolved_action",) if k in given}
    with pytest.raises(ValidationError) as refused:
        team.record(call_id, outcome="reached", answers=given, **extra)
    assert refused.value.field == field and message in str(refused.value)
    with ctx.reading() as session:
        call = session.get(FollowUpCall, call_id)
        assert (call.state, call.attempts, call.solved, call.satisfaction) == ("due", 0, None, None)
    assert count(ctx, CallAttempt) == count(ctx, SurveyAnswer) == 0


def test_an_unknown_outcome_is_refused(ctx, make_actor):
    team = desk(ctx, make_actor)
    call_id = schedule(ctx, closed_event(customer_id=team.customer_id))
    with pytest.raises(ValidationError) as refused:
        team.record(call_id, outcome="busy")
    assert refused.value.field == "outcome" and count(ctx, CallAttempt) == 0


def test_who_may_see_and_record_calls(ctx, make_actor):
    team = desk(ctx, make_actor)
    sh_call = schedule(ctx, closed_event("SH"))
    bj_call = schedule(ctx, closed_event(customer_id=team.customer_id))
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])
    with pytest.raises(PermissionDenied):
        team.record(bj_call, actor=engineer, outcome="no_answer")
    with pytest.raises(NotFound):
        team.record(sh_call, outcome="no_answer")
    with ctx.reading() as session, pytest.raises(PermissionDenied):
        service.list_calls(session, engineer)
    assert count(ctx, CallAttempt) == 0


def test_the_list_names_customer_contact_phone_and_engineer_and_counts_the_overdue(ctx, make_actor):
    team = desk(ctx, make_actor)
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])
    schedule(ctx, closed_event(number="BJ-202611-000002", customer_id=team.customer_id,
                               engineer_id=engineer.user_id))
    schedule(ctx, closed_event(number="BJ-202611-000001", days_ago=1))  # not yet due; no customer on record
    with ctx.reading() as session:
        lines = {line.call.ticket_number: line for line in service.list_call_lines(session, team.specialist)}
        assert service.count_due(session, team.specialist) == 1
        counters = [c for group in ctx.hook.dashboard_counters(session=session, actor=team.specialist) for c in group]
    late = lines["BJ-202611-000002"]
    assert (late.customer, late.contact, late.phone, late.engineer, late.overdue) == (
        "北京协和医院", "李工（信息中心）", "010-69156114", "eng", True)
    assert (lines["BJ-202611-000001"].customer, lines["BJ-202611-000001"].overdue) == ("", False)
    assert {c.id: c.value for c in counters}["visits.due"] == 1


def test_what_was_said_on_a_call_cannot_be_rewritten(ctx, make_actor):
    from sqlalchemy import delete, update

    from app.db.append_only import AppendOnlyRefused

    team = desk(ctx, make_actor)
    call_id = schedule(ctx, closed_event(customer_id=team.customer_id))
    team.record(call_id, outcome="reached", answers=answers(True, 5), note="客户满意")
    for attack in (update(CallAttempt).values(note="改写"), update(SurveyAnswer).values(value="1"),
                   delete(SurveyAnswer)):
        with pytest.raises(AppendOnlyRefused):
            with ctx.engine.begin() as connection:
                connection.execute(attack)
    with ctx.reading() as session:
        assert session.scalar(select(CallAttempt.note)) == "客户满意"
        assert count(ctx, SurveyAnswer) == 2
