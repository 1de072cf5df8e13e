"""Undo at the door: one's own last note or field change, within the undo window and while nobody
wrote on the case since, taken back by a "withdrawn" line that refers to it; nothing is deleted."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from plugins.tickets import service
from plugins.tickets.domain.events import record_event
from plugins.tickets.models import TicketEvent


def offer(network, ticket_id, actor):
    with network.ctx.reading() as session:
        found = service.undo_offer(session, actor, ticket_id)
        button = next(a for a in service.available_actions(session, actor, ticket_id) if a.id == "undo")
    assert button.enabled == found.allowed and button.reason == found.reason  # the window's button is the rule
    return found


def lines(network, ticket_id):
    with network.ctx.reading() as session:
        return service.ticket_details(session, network.hotline, ticket_id)["lines"]


def test_a_note_is_withdrawn_by_its_writer_only_until_something_else_happens(network, clock):
    ticket_id = network.open_ticket()
    assert not offer(network, ticket_id, network.hotline).allowed  # opening a case is not undone
    network.run("add_note", ticket_id, "客户电话打错了")
    mine = offer(network, ticket_id, network.hotline)
    assert mine.allowed and "客户电话打错了" in mine.what
    assert not offer(network, ticket_id, network.dispatcher).allowed  # another user's note

    # the program's own response-time marks are not "something else happening"
    with network.ctx.transaction() as session:
        record_event(session, service.load_ticket(session, network.hotline, ticket_id), None, "sla_warning",
                     {"target": "response"}, at=clock.advance(minutes=1))
    assert offer(network, ticket_id, network.hotline).event_id == mine.event_id

    clock.advance(minutes=1)
    withdrawal = network.run("undo_last", ticket_id, mine.event_id)
    assert withdrawal.kind == "withdrawn" and withdrawal.params["event"] == str(mine.event_id)
    with network.ctx.reading() as session:  # append-only: the note is still there, and said to be withdrawn
        kinds = session.scalars(select(TicketEvent.kind).where(TicketEvent.ticket_id == ticket_id)).all()
    assert kinds.count("note") == 1 and kinds.count("withdrawn") == 1
    shown = [(line.what, line.details) for line in lines(network, ticket_id)]
    assert ("Note", "客户电话打错了 (withdrawn)") in shown
    assert shown[-1] == ("Withdrawn", "Note withdrawn: 客户电话打错了")
    with pytest.raises(ValidationError, match="can be undone"):  # an undo is not undone, nor done twice
        network.run("undo_last", ticket_id, mine.event_id)

    # a note someone else wrote afterwards closes the door on undoing mine
    network.run("add_note", ticket_id, "第二条备注")
    second = offer(network, ticket_id, network.hotline)
    assert second.allowed
    network.run("add_note", ticket_id, "调度员补充", actor=network.dispatcher)
    refused = offer(network, ticket_id, network.hotline)
    assert not refused.allowed and "nothing else has happened" in refused.reason
    with pytest.raises(ValidationError):
        network.run("undo_last", ticket_id, second.event_id)

    # and the undo window closes by itself
    network.run("add_note", ticket_id, "第三条备注", actor=network.dispatcher)
    clock.advance(minutes=service.UNDO_WINDOW.total_seconds() // 60 + 1)
    late = offer(network, ticket_id, network.dispatcher)
    assert not late.allowed and "10 minutes" in late.reason


def test_a_diagnosis_or_priority_change_gets_its_earlier_value_back(network, clock):
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    network.run("record_diagnosis", ticket_id, "电源模块故障")
    network.run("record_diagnosis", ticket_id, "主板故障")
    changed = offer(network, ticket_id, network.hotline)
    assert changed.allowed and "主板故障" in changed.what
    network.run("undo_last", ticket_id, changed.event_id)
    with network.ctx.reading() as session:
        assert service.load_ticket(session, network.hotline, ticket_id).diagnosis == "电源模块故障"
    assert lines(network, ticket_id)[-1].details == "Diagnosis change withdrawn; the diagnosis is again: 电源模块故障"

    network.run("set_priority", ticket_id, 1)
    raised = offer(network, ticket_id, network.hotline)
    assert "P1 critical" in raised.what and "P3 normal" in raised.what
    network.run("undo_last", ticket_id, raised.event_id)
    with network.ctx.reading() as session:
        assert service.load_ticket(session, network.hotline, ticket_id).priority == 3

    # a step of the case's course is never undone: after it, nothing before it is either
    network.run("set_priority", ticket_id, 2)
    network.run("wait_for_customer", ticket_id, "等待客户日志")
    assert not offer(network, ticket_id, network.hotline).allowed

    # a line written without the value it replaced (by an older version): the record does not allow it
    with network.ctx.transaction() as session:
        record_event(session, service.load_ticket(session, network.hotline, ticket_id), network.hotline,
                     "diagnosis_note", {"text": "旧版本写入的诊断"})
    assert "without the value it replaced" in offer(network, ticket_id, network.hotline).reason


def test_a_step_recorded_later_but_dated_earlier_still_ends_the_undo(network, clock):
    """"Nothing happened since" goes by when lines were written, not by the time a step says it
    happened: a repair recorded after my change, dated before it, ends my undo."""
    from datetime import timedelta

    hook = network.hook()
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    network.run("dispatch", ticket_id, actor=network.dispatcher, engineer_id=network.engineer.user_id,
                eta=clock.now + timedelta(hours=2), hook=hook)
    clock.advance(minutes=1)
    network.run("arrive", ticket_id, actor=network.engineer)
    clock.advance(minutes=3)
    network.run("set_priority", ticket_id, 1, actor=network.dispatcher)
    assert offer(network, ticket_id, network.dispatcher).allowed
    clock.advance(minutes=1)
    network.run("complete_repair", ticket_id, actor=network.engineer, fault_found="电源损坏", actions="更换电源",
                labour_minutes=30, hook=hook, completed_at=clock.now - timedelta(minutes=3))
    assert not offer(network, ticket_id, network.dispatcher).allowed
