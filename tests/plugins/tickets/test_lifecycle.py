"""The lifecycle, move by move: every legal path works, every illegal move is refused with a
clear message, each move is an event, closing tells the other plugins, archived is read-only."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import utcnow
from app.errors import ValidationError
from app.specs import PartLine
from plugins.tickets import service
from plugins.tickets.domain.lifecycle import TRANSITIONS, move, next_states
from plugins.tickets.models import STATES

def test_the_full_on_site_path_is_one_timeline_and_closing_is_announced(network):
    hook = network.hook()
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "awaiting_signoff", hook)
    with pytest.raises(ValidationError, match="signed off"):
        network.run("close_ticket", ticket_id, hook=hook)
    network.run("sign_off", ticket_id, actor=network.engineer, signer_name="王伟", seal_confirmed=True)
    network.run("close_ticket", ticket_id, hook=hook, note="客户确认")
    network.run("archive", ticket_id, actor=network.dispatcher)
    with network.ctx.reading() as session:
        events = service.timeline(session, network.hotline, ticket_id)
        moves = [(e.from_state, e.to_state) for e in events if e.to_state]
        assert moves == [(None, "new"), ("new", "diagnosing"), ("diagnosing", "dispatched"),
                         ("dispatched", "on_site"), ("on_site", "awaiting_signoff"),
                         ("awaiting_signoff", "closed"), ("closed", "archived")]
        assert all(e.actor_name for e in events) and "signed_off" in [e.kind for e in events]
        number = service.load_ticket(session, network.hotline, ticket_id).number
    assert [e.ticket_number for e in hook.closed] == [number]


def test_every_illegal_move_is_refused_and_every_legal_one_allowed(network):
    hook = network.hook()
    for state in [s for s in STATES if s != "archived"]:
        ticket_id = network.open_ticket()
        network.drive_to(ticket_id, state, hook)
        with network.ctx.reading() as session:
            allowed = set(next_states(service.load_ticket(session, network.hotline, ticket_id)))
        assert allowed <= set(TRANSITIONS[state])
        for target in STATES:
            with network.ctx.transaction() as session:
                ticket = service.load_ticket(session, network.manager, ticket_id)
                if target in allowed:
                    move(session, network.manager, ticket, target, "test")
                    assert ticket.state == target
                    session.rollback()
                    continue
                with pytest.raises(ValidationError, match="cannot become"):
                    move(session, network.manager, ticket, target, "test")
            assert network.state_of(ticket_id) == state


def test_waiting_for_customer_returns_only_where_it_came_from(network):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "dispatched", network.hook())
    network.run("wait_for_customer", ticket_id, "客户机房暂不开放", actor=network.dispatcher)
    with pytest.raises(ValidationError):
        network.run("arrive", ticket_id, actor=network.engineer)
    network.run("resume", ticket_id, "机房已开放", actor=network.dispatcher)
    assert network.state_of(ticket_id) == "dispatched"
    with pytest.raises(ValidationError, match="reason"):
        network.run("wait_for_customer", ticket_id, "  ", actor=network.dispatcher)


def test_reopen_and_cancel_need_a_reason_and_are_on_the_timeline(network):
    hook = network.hook()
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "closed", hook)
    with pytest.raises(ValidationError, match="reason"):
        network.run("reopen", ticket_id, "", hook=network.ctx.hook)
    network.run("reopen", ticket_id, "故障复现", hook=network.ctx.hook)
    assert network.state_of(ticket_id) == "diagnosing"
    with pytest.raises(ValidationError, match="reason"):
        network.run("cancel", ticket_id, "")
    network.run("cancel", ticket_id, "客户已自行更换")
    with network.ctx.reading() as session:
        texts = {e.kind: service.event_text(e) for e in service.timeline(session, network.hotline, ticket_id)}
    assert texts["reopened"] == "故障复现" and texts["cancelled"] == "客户已自行更换"


def test_an_archived_ticket_rejects_every_change(network):
    hook = network.hook()
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "archived", hook)
    attempts = [("add_note", ("补充说明",), {}), ("reopen", ("再次故障",), {"hook": hook}), ("cancel", ("撤销",), {}),
                ("set_priority", (1,), {}), ("record_diagnosis", ("新诊断",), {}),
                ("escalate", ("需要专家",), {}),
                ("dispatch", (), {"engineer_id": network.engineer.user_id, "eta": utcnow() + timedelta(hours=1),
                                  "hook": hook, "parts": (PartLine("PSU-800W"),)})]
    for action, args, kwargs in attempts:
        actor = network.manager if action == "dispatch" else network.hotline
        with pytest.raises(ValidationError, match="archived"):
            network.run(action, ticket_id, *args, actor=actor, **kwargs)
    with network.ctx.reading() as session:
        assert len(service.timeline(session, network.hotline, ticket_id)) == 5


def test_closing_rolls_back_when_a_listener_fails(network):
    class FailingHook:
        def ticket_closed(self, session, event):
            raise RuntimeError("follow-up plugin down")

    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "resolved_remotely", network.hook())
    with pytest.raises(RuntimeError):
        network.run("close_ticket", ticket_id, hook=FailingHook())
    assert network.state_of(ticket_id) == "resolved_remotely"
