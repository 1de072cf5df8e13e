"""A satisfaction of 1–2 opens a corrective action for the branch manager of the ticket's unit,
shown on the ticket's timeline (hook ``case_timeline``) until its owner or a manager closes it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from follow_up_cases import answers, closed_event, desk, schedule
from plugins.visits import service
from plugins.visits.models import CorrectiveAction
from plugins.visits.plan_rules import unit_today


def low_score(team, call_id, score=2, note="工程师迟到两小时，未提前告知"):
    return team.record(call_id, outcome="reached", answers=answers(True, score), note=note)


def action_of(ctx, action_id) -> CorrectiveAction:
    with ctx.reading() as session:
        action = session.get(CorrectiveAction, action_id)
        session.expunge(action)
        return action


def test_a_low_score_opens_an_action_for_the_branch_manager_shown_on_the_timeline_until_closed(ctx, make_actor):
    team = desk(ctx, make_actor)
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])
    ticket_id = team.closed_ticket()
    [call] = team.calls(ticket_id)
    recorded = low_score(team, call.id)
    action = action_of(ctx, recorded.corrective_action_id)
    with ctx.reading() as session:
        today = unit_today(session, call.org_id)
    assert (action.owner_id, action.ticket_id, action.call_id, action.satisfaction, action.reason) == (
        manager.user_id, ticket_id, call.id, 2, "工程师迟到两小时，未提前告知")
    assert action.due_on == today + timedelta(days=service.CORRECTIVE_ACTION_DAYS) and action.closed_at is None
    opened = [line for line in team.timeline(ticket_id) if line.what == "Corrective action opened"]
    assert len(opened) == 1 and opened[0].who == "fu"
    assert "工程师迟到两小时" in opened[0].details and "boss" in opened[0].details
    assert action.due_on.isoformat() in opened[0].details and "Satisfaction 2 of 5" in opened[0].details

    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.close_corrective_action(session, engineer, action.id, "已处理")
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
        service.close_corrective_action(session, manager, action.id, "   ")
    assert refused.value.field == "resolution" and action_of(ctx, action.id).closed_at is None
    with ctx.transaction() as session:
        service.close_corrective_action(session, manager, action.id, "已约谈工程师并向客户致歉")
    closed = action_of(ctx, action.id)
    assert (closed.closed_by, closed.resolution) == (manager.user_id, "已约谈工程师并向客户致歉")
    assert closed.closed_at is not None and closed.closed_at >= closed.opened_at
    lines = [line for line in team.timeline(ticket_id) if line.what == "Corrective action closed"]
    assert [(line.who, line.details, line.at) for line in lines] == [("boss", "已约谈工程师并向客户致歉", closed.closed_at)]
    with ctx.transaction() as session, pytest.raises(ValidationError, match="already closed"):
        service.close_corrective_action(session, manager, action.id, "再次关闭")


def test_scores_above_two_open_no_action(ctx, make_actor):
    team = desk(ctx, make_actor)
    for score in (3, 4, 5):
        call_id = schedule(ctx, closed_event(customer_id=team.customer_id))
        assert team.record(call_id, outcome="reached", answers=answers(True, score)).corrective_action_id is None
    with ctx.reading() as session:
        assert session.scalars(select(CorrectiveAction)).all() == []


def test_a_unit_without_a_branch_manager_hands_the_action_up_the_tree_and_the_owner_closes_it(ctx, make_actor):
    team = desk(ctx, make_actor)
    partner_specialist = make_actor(ctx, "fu@BJ-P01", roles=["followup"])
    call_id = schedule(ctx, closed_event("BJ-P01"))
    with ctx.transaction() as session:
        nobody_above = service.record_call(session, partner_specialist, call_id, outcome="reached",
                                           answers=answers(True, 1), note="客户非常不满", hook=ctx.hook)
    assert action_of(ctx, nobody_above.corrective_action_id).owner_id == partner_specialist.user_id
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    call_id = schedule(ctx, closed_event("BJ-P01"))
    with ctx.transaction() as session:
        recorded = service.record_call(session, partner_specialist, call_id, outcome="reached",
                                       answers=answers(True, 2), note="等待时间过长", hook=ctx.hook)
    assert action_of(ctx, recorded.corrective_action_id).owner_id == manager.user_id
    with ctx.transaction() as session:  # the owner closes an action of the partner below
        service.close_corrective_action(session, manager, recorded.corrective_action_id, "调整合作伙伴派工规则")
    with ctx.reading() as session:
        lines = service.corrective_lines(session, manager)
        mine = service.corrective_lines(session, partner_specialist, open_only=True)
    assert [line.action.id for line in lines] == [nobody_above.corrective_action_id, recorded.corrective_action_id]
    assert lines[1].action.closed_at is not None and lines[1].owner == "boss"
    assert [line.action.id for line in mine] == [nobody_above.corrective_action_id]
    assert mine[0].may_close and not mine[0].overdue


def test_the_list_shows_open_actions_first_and_marks_the_overdue(ctx, make_actor):
    team = desk(ctx, make_actor)
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    ids = []
    for number in ("BJ-202611-000001", "BJ-202611-000002", "BJ-202611-000003"):
        call_id = schedule(ctx, closed_event(number=number, customer_id=team.customer_id))
        ids.append(low_score(team, call_id).corrective_action_id)
    with ctx.transaction() as session:
        service.close_corrective_action(session, manager, ids[0], "已整改")
        session.get(CorrectiveAction, ids[2]).due_on = unit_today(session, team.specialist.org_id) - timedelta(days=1)
    with ctx.reading() as session:
        lines = service.corrective_lines(session, manager)
        assert [line.action.id for line in service.corrective_lines(session, manager, open_only=True)] == [ids[2],
                                                                                                           ids[1]]
    assert [line.action.id for line in lines] == [ids[2], ids[1], ids[0]]
    assert [line.overdue for line in lines] == [True, False, False]
    assert [line.customer for line in lines] == ["北京协和医院"] * 3
    assert [line.may_close for line in lines] == [True, True, False]
    with ctx.reading() as session, pytest.raises(PermissionDenied):
        service.corrective_lines(session, make_actor(ctx, "eng@BJ", roles=["field_engineer"]))
