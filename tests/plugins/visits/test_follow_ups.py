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
