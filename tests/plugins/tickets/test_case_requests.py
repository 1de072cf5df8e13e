"""What other plugins ask of the tickets plugin through hooks: the closing and reopening
announcements, reopening a case a follow-up call found unsolved, opening a linked complaint or a
fault found on an inspection, the categories, and other plugins' lines on a case's timeline."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import utcnow
from app.errors import NotFound, ValidationError
from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import CaseReopenRequest, CaseRequest, TimelineEntry
from plugins.tickets import service
from plugins.tickets.models import EmergencyStep, Ticket, TicketEvent
from tests.plugins.tickets.conftest import quick_actors


@pytest.fixture
def specialist(network):
    """A follow-up specialist: may record calls, holds no tickets permission of the steps."""
    actor = quick_actors(network.ctx, {"call@BJ": ["followup"]})["call@BJ"]
    assert not actor.has(service.CLOSE) and not actor.has(service.CREATE)
    return actor


def events_of(network, ticket_id, kind):
    with network.ctx.reading() as session:
        return session.query(TicketEvent).filter_by(ticket_id=ticket_id, kind=kind).all()


def test_closing_announces_the_category_and_the_engineer(network):
    hook = network.hook()
    ticket_id = network.open_ticket(category="maintenance")
    network.drive_to(ticket_id, "awaiting_signoff", hook)
    network.run("sign_off", ticket_id, actor=network.engineer, signer_name="张敏", seal_confirmed=True)
    network.run("close_ticket", ticket_id, hook=hook)
    [closed] = hook.closed
    assert (closed.category, closed.engineer_id) == ("maintenance", network.engineer.user_id)


def test_a_case_resolved_remotely_is_announced_with_who_took_it_into_work(network):
    hook = network.hook()
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "closed", hook)  # the hotline engineer diagnosed and resolved it remotely
    [closed] = hook.closed
    assert closed.engineer_id == network.hotline.user_id


def test_a_follow_up_reopens_a_closed_case_in_the_specialists_name(network, specialist):
    # hooks: ticket_reopened (announced to the RecordingHook, which passes it on)
    hook = network.hook()
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "closed", hook)
    with network.ctx.transaction() as session:
        number = network.ctx.hook.reopen_case(session=session, hook=hook, request=CaseReopenRequest(
            ticket_id, "客户表示故障仍在", specialist.user_id, "follow_up"))
    assert network.state_of(ticket_id) == "diagnosing"
    [reopened] = hook.reopened
    assert (reopened.ticket_id, reopened.reopened_by) == (ticket_id, specialist.user_id)
    [event] = events_of(network, ticket_id, "reopened")
    assert event.actor_id == specialist.user_id
    text = service.event_text(event)
    with network.ctx.reading() as session:
        assert number == session.get(Ticket, ticket_id).number
    assert "客户表示故障仍在" in text and translate("Tickets", "follow-up call") in text


def test_an_archived_case_is_not_reopened_and_nothing_changes(network, specialist):
    hook = network.hook()
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "archived", hook)
    with pytest.raises(ValidationError), network.ctx.transaction() as session:
        network.ctx.hook.reopen_case(session=session, hook=hook, request=CaseReopenRequest(
            ticket_id, "客户表示故障仍在", specialist.user_id, "follow_up"))
    assert network.state_of(ticket_id) == "archived"
    assert events_of(network, ticket_id, "reopened") == [] and hook.reopened == []


def test_a_complaint_opened_from_a_call_is_linked_both_ways(network, specialist):
    hook = network.hook()
    origin_id = network.open_ticket()
    network.drive_to(origin_id, "archived", hook)
    with network.ctx.transaction() as session:
        opened = network.ctx.hook.open_case(session=session, request=CaseRequest(
            org_id=specialist.org_id, customer_id=network.customer_id, category="quality_complaint",
            symptom="客户投诉：维修后同一故障再次出现", opened_by=specialist.user_id, source="follow_up",
            related_ticket_id=origin_id))
        origin_number = session.get(Ticket, origin_id).number
    with network.ctx.reading() as session:
        complaint = session.get(Ticket, opened.ticket_id)
        assert (complaint.number, complaint.category, complaint.channel) == (
            opened.ticket_number, "quality_complaint", "phone")
        assert complaint.opened_by == specialist.user_id
        assert session.query(EmergencyStep).filter_by(ticket_id=complaint.id).count() > 0  # complaint handling
    [on_complaint] = events_of(network, opened.ticket_id, "opened_for")
    [on_origin] = events_of(network, origin_id, "follow_on_case")
    assert origin_number in service.event_text(on_complaint)
    assert opened.ticket_number in service.event_text(on_origin)


def test_a_fault_found_on_an_inspection_opens_an_on_site_case_for_the_machine(network):
    with network.ctx.transaction() as session:
        opened = network.ctx.hook.open_case(session=session, request=CaseRequest(
            org_id=network.engineer.org_id, customer_id=network.customer_id, category="fault",
            symptom="巡检发现：2号电源模块告警", opened_by=network.engineer.user_id, source="inspection",
            serial_number=network.serial, priority=2))
    with network.ctx.reading() as session:
        ticket = session.get(Ticket, opened.ticket_id)
        assert (ticket.channel, ticket.serial_number, ticket.priority) == ("on_site", network.serial, 2)
        assert ticket.asset_id is not None


@pytest.mark.parametrize("change, error", [
    ({"category": "gossip"}, ValidationError),
    ({"symptom": "   "}, ValidationError),
])
def test_a_bad_request_opens_nothing(network, specialist, change, error):
    fields = dict(org_id=specialist.org_id, customer_id=network.customer_id, category="quality_complaint",
                  symptom="客户投诉", opened_by=specialist.user_id, source="follow_up") | change
    with network.ctx.reading() as session:
        before = session.query(Ticket).count()
    with pytest.raises(error), network.ctx.transaction() as session:
        network.ctx.hook.open_case(session=session, request=CaseRequest(**fields))
    with network.ctx.reading() as session:
        assert session.query(Ticket).count() == before


def test_a_customer_outside_the_requesters_unit_is_not_found(network):
    shanghai = network.sh_hotline
    with pytest.raises(NotFound), network.ctx.transaction() as session:
        network.ctx.hook.open_case(session=session, request=CaseRequest(
            org_id=shanghai.org_id, customer_id=network.customer_id, category="fault", symptom="故障",
            opened_by=shanghai.user_id, source="inspection"))


def test_the_categories_are_offered_with_their_names(network):
    answers = [choice for answer in network.ctx.hook.case_categories() for choice in answer]
    assert [c.code for c in answers] == list(service.CATEGORIES)
    assert all(c.label == service.category_label(c.code) for c in answers)


def test_other_plugins_lines_join_the_timeline_in_time_order(network):
    # hooks: case_timeline
    ticket_id = network.open_ticket()
    network.run("add_note", ticket_id, "已电话联系客户")
    now = utcnow()

    class Visits:
        @hookimpl
        def case_timeline(self, session, ticket_id):
            return [TimelineEntry(now - timedelta(days=1), "整改措施", "回访评分2分", by="王经理")]

    plugin = Visits()
    network.ctx.plugins.pm.register(plugin)
    try:
        with network.ctx.reading() as session:
            lines = service.ticket_details(session, network.hotline, ticket_id, hook=network.ctx.hook)["lines"]
            plain = service.ticket_details(session, network.hotline, ticket_id)["lines"]
    finally:
        network.ctx.plugins.pm.unregister(plugin)
    assert [line.at for line in lines] == sorted(line.at for line in lines)
    assert ("整改措施", "回访评分2分", "王经理") in [(line.what, line.details, line.who) for line in lines]
    assert len(lines) == len(plain) + 1
