"""Only a closed or remotely resolved ticket is reopened; a new one cannot skip its first
response that way, and reopening keeps the first-response time while the resolution is due again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.errors import ValidationError
from plugins.tickets.models import Ticket, TicketEvent


def ticket(network, ticket_id) -> Ticket:
    with network.ctx.reading() as session:
        row = session.get(Ticket, ticket_id)
        session.expunge(row)
        return row


def reopened_events(network, ticket_id) -> int:
    with network.ctx.reading() as session:
        return session.query(TicketEvent).filter_by(ticket_id=ticket_id, kind="reopened").count()


@pytest.mark.parametrize("state", ["new", "diagnosing", "waiting_for_customer", "dispatched", "cancelled"])
def test_a_ticket_that_is_not_finished_cannot_be_reopened(network, state):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, state, network.hook())
    before = ticket(network, ticket_id)
    with pytest.raises(ValidationError, match="Only a closed or remotely resolved ticket can be reopened"):
        network.run("reopen", ticket_id, "客户反映故障复现", hook=network.ctx.hook)
    after = ticket(network, ticket_id)
    assert (after.state, after.responded_at, after.row_version) == (before.state, before.responded_at,
                                                                    before.row_version)
    assert reopened_events(network, ticket_id) == 0


def test_a_new_ticket_gets_its_first_response_when_work_starts(network, clock):
    ticket_id = network.open_ticket()
    with pytest.raises(ValidationError):
        network.run("reopen", ticket_id, "跳过首次响应", hook=network.ctx.hook)
    assert ticket(network, ticket_id).responded_at is None
    clock.advance(minutes=12)
    network.run("start_diagnosis", ticket_id)
    assert ticket(network, ticket_id).responded_at == clock.now


def test_reopening_a_closed_ticket_keeps_the_first_response(network, clock):
    hook = network.hook()
    ticket_id = network.open_ticket()
    clock.advance(minutes=10)
    network.drive_to(ticket_id, "closed", hook)
    responded = ticket(network, ticket_id).responded_at
    assert responded == clock.now
    clock.advance(days=2)
    with pytest.raises(ValidationError, match="starts on a new ticket"):
        network.run("start_diagnosis", ticket_id)  # back to work only by reopening, with a reason
    network.run("reopen", ticket_id, "客户反映故障复现", hook=network.ctx.hook)
    after = ticket(network, ticket_id)
    assert after.state == "diagnosing" and after.responded_at == responded
    assert after.closed_at is None and after.resolved_at is None
    # the response was given in time: reopening two days later neither re-opens nor breaches it
    assert not [mark for mark in after.sla_marks.split() if mark.startswith("response.")]
    assert after.next_due_at != after.response_due_at and "resolution.breach" in after.sla_marks.split()
    assert reopened_events(network, ticket_id) == 1


def test_a_remote_resolution_can_be_reopened_and_is_due_again(network, clock):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "resolved_remotely", network.hook())
    responded = ticket(network, ticket_id).responded_at
    clock.advance(hours=1)
    network.run("reopen", ticket_id, "远程处理后故障复现", hook=network.ctx.hook)
    after = ticket(network, ticket_id)
    assert (after.state, after.responded_at, after.resolved_at) == ("diagnosing", responded, None)
    assert after.next_due_at is not None and after.next_due_at > clock.now - timedelta(hours=1)
