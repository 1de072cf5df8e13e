"""An unsolved answer: the specialist reopens the ticket or opens a quality complaint linked to
it, through the real tickets plugin; a ticket that cannot be reopened leaves nothing saved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from follow_up_cases import answers, count, desk
from plugins.tickets.models import Ticket
from plugins.visits.models import CallAttempt, FollowUpCall, SurveyAnswer


def unsolved(team, call_id, action: str, reason: str = "电源模块再次告警，故障复现"):
    return team.record(call_id, outcome="reached", answers=answers(False, 3), note="客户反映问题仍在",
                       unsolved_action=action, unsolved_reason=reason)


def test_unsolved_reopens_the_ticket_with_the_reason_on_its_timeline(ctx, make_actor):
    team = desk(ctx, make_actor)
    ticket_id = team.closed_ticket()
    [call] = team.calls(ticket_id)
    recorded = unsolved(team, call.id, "reopen")
    ticket = team.ticket(ticket_id)
    assert ticket.state == "diagnosing" and ticket.closed_at is None
    assert (recorded.state, recorded.unsolved_action, recorded.linked_ticket_number) == ("done", "reopen",
                                                                                         ticket.number)
    [done] = team.calls(ticket_id)  # done before the reopening: it is not withdrawn
    assert (done.state, done.solved, done.satisfaction) == ("done", False, 3)
    with ctx.reading() as session:
        attempt = session.scalar(select(CallAttempt).where(CallAttempt.call_id == call.id))
    assert (attempt.unsolved_action, attempt.unsolved_reason) == ("reopen", "电源模块再次告警，故障复现")
    lines = team.timeline(ticket_id)
    reopened = [line for line in lines if "电源模块再次告警，故障复现" in line.details]
    assert any(line.what == "Follow-up call: Reached" and "ticket reopened" in line.details for line in reopened)
    assert any(line.what != "Follow-up call: Reached" for line in reopened), "the tickets plugin's own reopening line"


def test_unsolved_opens_a_linked_quality_complaint(ctx, make_actor):
    team = desk(ctx, make_actor)
    ticket_id = team.closed_ticket()
    [call] = team.calls(ticket_id)
    recorded = unsolved(team, call.id, "complaint", "客户投诉：同一故障第三次出现")
    with ctx.reading() as session:
        complaint = session.scalar(select(Ticket).where(Ticket.number == recorded.linked_ticket_number))
        assert (complaint.category, complaint.customer_id, complaint.symptom) == (
            "quality_complaint", team.customer_id, "客户投诉：同一故障第三次出现")
        attempt = session.scalar(select(CallAttempt).where(CallAttempt.call_id == call.id))
        assert (attempt.linked_ticket_id, attempt.linked_ticket_number) == (complaint.id, complaint.number)
    assert team.ticket(ticket_id).state == "closed"  # the first case stays closed
    original = " ".join(f"{line.what} {line.details}" for line in team.timeline(ticket_id))
    assert recorded.linked_ticket_number in original
    assert "quality complaint" in original


def test_an_archived_ticket_cannot_be_reopened_nothing_is_saved_and_the_complaint_goes_through(ctx, make_actor):
    team = desk(ctx, make_actor)
    ticket_id = team.closed_ticket(archived=True)
    [call] = team.calls(ticket_id)
    with pytest.raises(ValidationError) as refused:
        unsolved(team, call.id, "reopen")
    number = team.ticket(ticket_id).number
    assert refused.value.field == "unsolved_action"
    assert f"Ticket {number} cannot be reopened" in str(refused.value) and "archived" in str(refused.value)
    assert team.ticket(ticket_id).state == "archived"
    with ctx.reading() as session:
        row = session.get(FollowUpCall, call.id)
        assert (row.state, row.attempts, row.solved, row.survey_id) == ("due", 0, None, None)
    assert count(ctx, CallAttempt) == count(ctx, SurveyAnswer) == 0
    tickets_before = count(ctx, Ticket)
    recorded = unsolved(team, call.id, "complaint")
    assert recorded.state == "done" and count(ctx, Ticket) == tickets_before + 1
