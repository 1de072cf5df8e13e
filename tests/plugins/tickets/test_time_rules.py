"""Moments users give are believable or refused: arrival not before opening or dispatch,
completion not before arrival, sign-off not before completion, nothing that already happened in
the future (beyond a little clock skew), an estimated arrival between now and a month ahead.
Each refusal names the field, shows the bound in the unit's local time and changes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.errors import ValidationError
from app.specs import PartLine
from plugins.tickets import service
from plugins.tickets.models import RemoteSession, RepairOrder, Ticket, TicketEvent

# the ``clock`` fixture starts on Monday 2 November 2026, 10:00 in Beijing (02:00 UTC)


def refused(network, action, ticket_id, match, **kwargs) -> str:
    with pytest.raises(ValidationError, match=match) as caught:
        network.run(action, ticket_id, **kwargs)
    return str(caught.value)


def event_kinds(network, ticket_id) -> list[str]:
    with network.ctx.reading() as session:
        return [e.kind for e in session.query(TicketEvent).filter_by(ticket_id=ticket_id)]


def dispatched_at_half_past_ten(network, clock, hook) -> object:
    ticket_id = network.open_ticket()
    clock.advance(minutes=10)
    network.run("start_diagnosis", ticket_id)
    clock.advance(minutes=20)
    network.run("dispatch", ticket_id, actor=network.dispatcher, engineer_id=network.engineer.user_id,
                eta=clock.now + timedelta(hours=2), hook=hook)
    return ticket_id


def test_an_arrival_before_opening_or_dispatch_or_in_the_future_is_refused(network, clock):
    ticket_id = dispatched_at_half_past_ten(network, clock, network.hook())
    opened = clock.now - timedelta(minutes=30)
    message = refused(network, "arrive", ticket_id, "arrival time", actor=network.engineer,
                      at=opened - timedelta(hours=1))
    assert "opening of the ticket" in message and "2026-11-02 10:00" in message
    message = refused(network, "arrive", ticket_id, "arrival time", actor=network.engineer,
                      at=opened + timedelta(minutes=20))
    assert "dispatch" in message and "2026-11-02 10:30" in message
    message = refused(network, "arrive", ticket_id, "future", actor=network.engineer,
                      at=clock.now + timedelta(minutes=6))
    assert "2026-11-02 10:35" in message  # now plus five minutes of clock skew, in Beijing time
    with network.ctx.reading() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket.state == "dispatched" and ticket.arrived_at is None
        assert session.query(RepairOrder).filter_by(ticket_id=ticket_id).count() == 0
    assert "arrived" not in event_kinds(network, ticket_id)
    network.run("arrive", ticket_id, actor=network.engineer, at=clock.now + timedelta(minutes=4))  # skew allowed
    assert network.state_of(ticket_id) == "on_site"


def test_a_completion_before_arrival_or_in_the_future_is_refused(network, clock):
    hook = network.hook()
    ticket_id = dispatched_at_half_past_ten(network, clock, hook)
    clock.advance(minutes=15)
    arrival = clock.now - timedelta(minutes=5)  # 10:40
    network.run("arrive", ticket_id, actor=network.engineer, at=arrival)
    work = dict(actor=network.engineer, fault_found="电源损坏", actions="更换电源", labour_minutes=45, hook=hook,
                parts=[service.PartUse("PSU-800W", 1, "OLD-1", "NEW-1")])
    message = refused(network, "complete_repair", ticket_id, "completion time",
                      completed_at=arrival - timedelta(minutes=5), **work)
    assert "arrival on site" in message and "2026-11-02 10:40" in message
    refused(network, "complete_repair", ticket_id, "future", completed_at=clock.now + timedelta(days=1), **work)
    with network.ctx.reading() as session:
        order = session.query(RepairOrder).filter_by(ticket_id=ticket_id).one()
        assert order.completed_at is None and order.fault_found == "" and order.labour_minutes == 0
        assert session.get(Ticket, ticket_id).state == "on_site"
    assert hook.usages == [] and "repaired" not in event_kinds(network, ticket_id)


def test_a_sign_off_before_completion_or_in_the_future_is_refused(network, clock):
    hook = network.hook()
    ticket_id = dispatched_at_half_past_ten(network, clock, hook)
    clock.advance(hours=2)
    network.run("arrive", ticket_id, actor=network.engineer, at=clock.now - timedelta(minutes=90))
    completed = clock.now - timedelta(minutes=10)  # 12:20
    network.run("complete_repair", ticket_id, actor=network.engineer, fault_found="电源损坏", actions="更换电源",
                labour_minutes=45, hook=hook, completed_at=completed)
    message = refused(network, "sign_off", ticket_id, "sign-off time", actor=network.engineer, signer_name="王伟",
                      seal_confirmed=True, signed_at=completed - timedelta(minutes=1))
    assert "completion of the repair" in message and "2026-11-02 12:20" in message
    refused(network, "sign_off", ticket_id, "future", actor=network.engineer, signer_name="王伟",
            seal_confirmed=True, signed_at=clock.now + timedelta(hours=3))
    with network.ctx.reading() as session:
        assert session.query(RepairOrder).filter_by(ticket_id=ticket_id).one().signed_at is None
    assert "signed_off" not in event_kinds(network, ticket_id)


def test_a_remote_authorisation_before_opening_or_a_year_ahead_is_refused(network, clock):
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    session_args = dict(authorised_by="李强（信息科）", scope="仅读取 BMC 日志", findings="PSU 失效")
    message = refused(network, "record_remote_session", ticket_id, "authorisation time",
                      authorised_at=clock.now + timedelta(days=365), **session_args)
    assert "future" in message
    message = refused(network, "record_remote_session", ticket_id, "authorisation time",
                      authorised_at=clock.now - timedelta(days=2), **session_args)
    assert "opening of the ticket" in message and "2026-11-02 10:00" in message
    with network.ctx.reading() as session:
        assert session.query(RemoteSession).filter_by(ticket_id=ticket_id).count() == 0
    assert "remote_session" not in event_kinds(network, ticket_id)
    clock.advance(minutes=30)
    network.run("record_remote_session", ticket_id, authorised_at=clock.now - timedelta(minutes=10), **session_args)
    assert event_kinds(network, ticket_id).count("remote_session") == 1


def test_an_estimated_arrival_lies_between_now_and_a_month_ahead(network, clock):
    hook = network.hook()
    ticket_id = network.open_ticket()
    clock.advance(minutes=30)
    network.run("start_diagnosis", ticket_id)
    send = dict(actor=network.dispatcher, engineer_id=network.engineer.user_id, hook=hook,
                parts=(PartLine("PSU-800W", 1),))
    for eta in (datetime(9999, 12, 31, tzinfo=timezone.utc), clock.now + timedelta(days=31),
                clock.now - timedelta(minutes=10)):
        message = refused(network, "dispatch", ticket_id, "estimated arrival", eta=eta, **send)
        assert "2026-11-02 10:25" in message and "2026-12-02 10:30" in message
    refused(network, "dispatch", ticket_id, "estimated arrival", eta=None, **send)
    with network.ctx.reading() as session:
        ticket = session.get(Ticket, ticket_id)
        assert ticket.state == "diagnosing" and ticket.engineer_id is None and ticket.engineer_eta is None
    assert hook.requests == [] and "dispatched" not in event_kinds(network, ticket_id)
    network.run("dispatch", ticket_id, eta=clock.now + timedelta(days=29), **send)
    assert network.state_of(ticket_id) == "dispatched"


def test_a_repair_recorded_afterwards_keeps_its_real_times(network, clock):
    hook = network.hook()
    ticket_id = dispatched_at_half_past_ten(network, clock, hook)
    clock.advance(hours=4)  # the engineer enters it all in the evening
    arrived, completed, signed = (clock.now - timedelta(hours=3, minutes=15), clock.now - timedelta(hours=2),
                                  clock.now - timedelta(hours=1, minutes=50))
    network.run("arrive", ticket_id, actor=network.engineer, at=arrived)
    network.run("complete_repair", ticket_id, actor=network.engineer, fault_found="电源损坏", actions="更换电源",
                labour_minutes=45, hook=hook, completed_at=completed)
    network.run("sign_off", ticket_id, actor=network.engineer, signer_name="王伟", seal_confirmed=True,
                signed_at=signed)
    network.run("close_ticket", ticket_id, hook=hook)
    with network.ctx.reading() as session:
        ticket = session.get(Ticket, ticket_id)
        order = session.query(RepairOrder).filter_by(ticket_id=ticket_id).one()
        assert (ticket.arrived_at, order.completed_at, order.signed_at) == (arrived, completed, signed)
        assert ticket.state == "closed" and "onsite.breach" not in ticket.sla_marks
        at = {e.kind: e.at for e in session.query(TicketEvent).filter_by(ticket_id=ticket_id)}
        assert (at["arrived"], at["repaired"], at["signed_off"]) == (arrived, completed, signed)
