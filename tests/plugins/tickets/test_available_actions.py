"""The actions a user may take on a ticket come from the door, as data: every action in a fixed
order, enabled or disabled with the reason. The ticket window draws exactly that and asks no
other plugin itself."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import utcnow
from app.errors import ValidationError
from plugins.tickets import service


def actions(network, ticket_id, actor) -> dict[str, service.TicketAction]:
    with network.ctx.reading() as session:
        listed = service.available_actions(session, actor, ticket_id)
    assert [a.id for a in listed] == list(service.ACTIONS)  # the same order, whatever the state
    assert all(a.label and (a.enabled or a.reason) for a in listed)
    assert all(not a.reason for a in listed if a.enabled)
    return {a.id: a for a in listed}


def enabled(listed: dict) -> set[str]:
    return {name for name, action in listed.items() if action.enabled}


def test_a_new_ticket_offers_diagnosis_and_says_why_not_the_rest(network):
    ticket_id = network.open_ticket()
    hotline = actions(network, ticket_id, network.hotline)
    assert enabled(hotline) == {"diagnose", "record_diagnosis", "cancel", "escalate", "expert", "note"}
    assert hotline["dispatch"].reason == "You lack the permission “Dispatch on-site engineers”."
    assert hotline["reopen"].reason == "Not while the ticket is “New”."
    assert hotline["answer"].reason == "The case was not escalated to your unit."
    assert hotline["pdf"].reason == "There is no repair order yet."
    engineer = actions(network, ticket_id, network.engineer)
    assert engineer["arrive"].reason == "Waiting for dispatch."
    assert engineer["close"].reason == "You lack the permission “Close, reopen and cancel tickets”."
    assert enabled(engineer) == {"escalate", "expert", "note"}


def test_dispatch_arrival_and_the_engineer_it_was_sent_to(network, make_actor):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "diagnosing", network.hook())
    dispatcher = actions(network, ticket_id, network.dispatcher)
    assert {"dispatch", "resolve", "remote", "wait", "cancel"} <= enabled(dispatcher)
    assert not dispatcher["diagnose"].enabled and not dispatcher["resume"].enabled
    network.run("dispatch", ticket_id, actor=network.dispatcher, engineer_id=network.engineer.user_id,
                eta=utcnow() + timedelta(hours=2), hook=network.hook())
    assert actions(network, ticket_id, network.engineer)["arrive"].enabled
    colleague = make_actor(network.ctx, "eng2@BJ", ["field_engineer"])
    other = actions(network, ticket_id, colleague)["arrive"]
    assert not other.enabled and "assigned to another engineer" in other.reason


def test_waiting_for_the_customer_resumes_rather_than_dispatches(network):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "waiting_for_customer", network.hook())
    listed = actions(network, ticket_id, network.manager)
    assert listed["resume"].enabled and listed["cancel"].enabled
    assert listed["dispatch"].reason == "The ticket is waiting for the customer; resume it first."
    assert not listed["wait"].enabled and not listed["resolve"].enabled


def test_closing_waits_for_the_customers_sign_off(network):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "awaiting_signoff", network.hook())
    listed = actions(network, ticket_id, network.hotline)
    assert listed["close"].reason == "The customer has not signed off the repair order yet."
    assert listed["pdf"].enabled
    network.run("sign_off", ticket_id, actor=network.engineer, signer_name="王主任", seal_confirmed=True)
    assert actions(network, ticket_id, network.hotline)["close"].enabled


@pytest.mark.parametrize("state", ["resolved_remotely", "closed"])
def test_reopen_is_offered_for_closed_and_remotely_resolved_tickets(network, state):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, state, network.hook())
    hotline = actions(network, ticket_id, network.hotline)
    assert hotline["reopen"].enabled
    assert hotline["archive"].enabled is False
    assert state in service.REOPENABLE
    if state == "closed":
        assert hotline["archive"].reason == "You lack the permission “Archive closed tickets”."
        assert actions(network, ticket_id, network.dispatcher)["archive"].enabled


def test_an_archived_ticket_offers_nothing_but_says_so(network):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "archived", network.hook())
    listed = actions(network, ticket_id, network.manager)
    assert enabled(listed) == set()
    assert all("archived and read-only" in a.reason for name, a in listed.items() if name != "pdf")


def test_an_enabled_move_is_accepted_and_a_disabled_one_refused(network):
    """The buttons and the service agree: the same rules, asked in one place."""
    calls = {"diagnose": ("start_diagnosis", ()), "resume": ("resume", ()), "archive": ("archive", ()),
             "cancel": ("cancel", ("客户撤回",)), "wait": ("wait_for_customer", ("等待日志",)),
             "record_diagnosis": ("record_diagnosis", ("电源故障",))}
    for state in ("new", "diagnosing", "waiting_for_customer", "closed", "cancelled"):
        for name, (function, args) in calls.items():
            ticket_id = network.open_ticket()
            network.drive_to(ticket_id, state, network.hook())
            offered = actions(network, ticket_id, network.dispatcher)[name].enabled
            try:
                network.run(function, ticket_id, *args, actor=network.dispatcher)
                accepted = True
            except ValidationError:
                accepted = False
            assert offered == accepted, (state, name)


def test_the_diagnosis_is_written_only_before_dispatch(network):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "dispatched", network.hook())
    with pytest.raises(ValidationError, match="Dispatched"):
        network.run("record_diagnosis", ticket_id, "事后诊断")
