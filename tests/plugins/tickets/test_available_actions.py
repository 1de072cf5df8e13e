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


def test_closing_waits_for_the_customers_sign_off_and_a_signed_order_is_final(network):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "awaiting_signoff", network.hook())
    listed = actions(network, ticket_id, network.hotline)
    assert listed["close"].reason == "The customer has not signed off the repair order yet."
    assert listed["pdf"].enabled
    assert actions(network, ticket_id, network.engineer)["repair"].enabled  # the sign-off is still to take
    assert state_shown(network, ticket_id) == ("Awaiting sign-off", "Awaiting sign-off")
    network.run("sign_off", ticket_id, actor=network.engineer, signer_name="王主任", seal_confirmed=True)
    assert actions(network, ticket_id, network.hotline)["close"].enabled
    # signed: the header and the list say so, while the case still waits to be closed
    assert state_shown(network, ticket_id) == ("Signed off, ready to close", "Signed off, ready to close")

    # the signed order is final: no second signature, by the engineer or a manager acting for them
    final = ("The repair order of ticket {number} is signed off by 王主任: it is final and can no longer be "
             "changed or signed again.")
    with network.ctx.reading() as session:
        number = service.load_ticket(session, network.hotline, ticket_id).number
    for actor in (network.engineer, network.manager):
        repair = actions(network, ticket_id, actor)["repair"]
        assert not repair.enabled and repair.reason == final.format(number=number)
        with pytest.raises(ValidationError) as refused:
            network.run("sign_off", ticket_id, actor=actor, signer_name="李四", seal_confirmed=True)
        assert (str(refused.value), refused.value.field) == (final.format(number=number), "state")
    # nor a change, even once the case is reopened and someone is on site again
    network.run("close_ticket", ticket_id, hook=network.hook())
    network.run("reopen", ticket_id, "故障复现", hook=network.hook())
    network.run("dispatch", ticket_id, actor=network.dispatcher, engineer_id=network.engineer.user_id,
                eta=utcnow() + timedelta(hours=2), hook=network.hook())
    network.run("arrive", ticket_id, actor=network.engineer)
    assert actions(network, ticket_id, network.engineer)["repair"].reason == final.format(number=number)
    with pytest.raises(ValidationError, match="signed off by 王主任"):
        network.run("complete_repair", ticket_id, actor=network.engineer, fault_found="电源再次损坏",
                    actions="更换电源", labour_minutes=30, hook=network.hook())
    with network.ctx.reading() as session:
        order = service.ticket_details(session, network.hotline, ticket_id)["repair_order"]
        assert (order.signer_name, order.fault_found, order.labour_minutes) == ("王主任", "电源损坏", 45)

    # the refusals that depend on the entries alone, which a form asks before it confirms
    with pytest.raises(ValidationError) as refused:
        service.check_repair_entries(fault_found="电源损坏", actions="更换电源", labour_minutes=0)
    assert refused.value.field == "labour_minutes"
    with pytest.raises(ValidationError) as refused:
        service.check_sign_off_entries(signer_name=" ", seal_confirmed=True)
    assert refused.value.field == "signer_name"


def state_shown(network, ticket_id) -> tuple[str, str]:
    """The state as the ticket window's header and the ticket list show it."""
    with network.ctx.reading() as session:
        header = service.ticket_details(session, network.hotline, ticket_id)["state_text"]
        rows = service.list_page(session, network.hotline, service.TicketFilter())
        [line] = [line for line in service.list_lines(session, rows) if line.id == ticket_id]
    return header, line.texts[1]


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
    assert all("archived and read-only" in a.reason for name, a in listed.items() if name not in ("pdf", "print"))


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
