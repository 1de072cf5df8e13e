"""Visits: a closed ticket schedules one follow-up call; the specialist records it."""

import uuid
from datetime import timedelta

import pytest

from app.clock import utcnow
from app.errors import PermissionDenied, ValidationError
from app.ids import org_id_for_code
from app.specs import TicketClosed
from plugins.visits import service


def closed(org="BJ", ticket_id=None):
    return TicketClosed(ticket_id or uuid.uuid4(), f"{org}-202611-000001", org_id_for_code(org), None,
                        utcnow() - timedelta(days=3), None)


def test_ticket_closed_schedules_one_follow_up_call(ctx, make_actor):
    event = closed()
    with ctx.transaction() as session:
        ctx.hook.ticket_closed(session=session, event=event)
        ctx.hook.ticket_closed(session=session, event=event)  # closed again after a reopen
    specialist = make_actor(ctx, "fu@BJ", roles=["followup"])
    with ctx.reading() as session:
        calls = service.list_calls(session, specialist)
        assert [c.ticket_number for c in calls] == ["BJ-202611-000001"]
        assert calls[0].due_at == event.closed_at + service.FOLLOW_UP_DELAY
        assert service.count_due(session, specialist) == 1
        counters = [c for g in ctx.hook.dashboard_counters(session=session, actor=specialist) for c in g]
        assert {c.id: c.value for c in counters}["visits.due"] == 1


def test_record_call_checks_permission_scope_and_score(ctx, make_actor):
    with ctx.transaction() as session:
        ctx.hook.ticket_closed(session=session, event=closed("SH"))
    sh = make_actor(ctx, "fu@SH", roles=["followup"])
    bj = make_actor(ctx, "fu@BJ", roles=["followup"])
    engineer = make_actor(ctx, "eng@SH", roles=["field_engineer"])
    with ctx.reading() as session:
        call_id = service.list_calls(session, sh)[0].id
        assert service.list_calls(session, bj) == []
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.record_call(session, engineer, call_id, reached=True, satisfaction=5)
    with ctx.transaction() as session, pytest.raises(ValidationError):
        service.record_call(session, sh, call_id, reached=True, satisfaction=9)
    with ctx.transaction() as session:
        service.record_call(session, sh, call_id, reached=True, solved=True, satisfaction=4, notes="满意")
    with ctx.reading() as session:
        assert service.list_calls(session, sh, state="done")[0].satisfaction == 4


def test_the_specialist_sees_whom_to_call_from_the_customer_registry(ctx, make_actor, qtbot):
    from plugins.customers import service as customers
    from plugins.visits.views.followups_page import FollowUpsPage

    hotline = make_actor(ctx, "hot@BJ", roles=["hotline"])
    specialist = make_actor(ctx, "fu@BJ", roles=["followup"])
    with ctx.transaction() as session:
        customer = customers.create_customer(session, hotline, name="北京协和医院", region="北京")
        customers.add_contact(session, hotline, customer.id, name="李工（信息中心）", phone="010-69156114")
        event = TicketClosed(uuid.uuid4(), "BJ-202611-000002", org_id_for_code("BJ"), customer.id,
                             utcnow() - timedelta(days=3), None)
        ctx.hook.ticket_closed(session=session, event=event)
        ctx.hook.ticket_closed(session=session, event=closed())  # a case without a customer on record
    with ctx.reading() as session:
        lines = {line.call.ticket_number: line for line in service.list_call_lines(session, specialist)}
    assert (lines["BJ-202611-000002"].customer, lines["BJ-202611-000002"].contact,
            lines["BJ-202611-000002"].phone) == ("北京协和医院", "李工（信息中心）", "010-69156114")
    assert lines["BJ-202611-000001"].customer == ""
    page = FollowUpsPage(ctx.signed_in(specialist))
    qtbot.addWidget(page)
    shown = {page.table.item(r, 0).text(): [page.table.item(r, c).text() for c in (1, 2, 3)]
             for r in range(page.table.rowCount())}
    assert shown["BJ-202611-000002"] == ["北京协和医院", "李工（信息中心）", "010-69156114"]
