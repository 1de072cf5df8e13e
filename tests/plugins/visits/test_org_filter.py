"""The org filter on follow-up calls: those of the unit (and below it when asked); a unit outside
the actor's scope is refused."""

import uuid
from datetime import timedelta

import pytest

from app.clock import utcnow
from app.errors import PermissionDenied
from app.ids import org_id_for_code
from app.specs import TicketClosed
from plugins.visits import service

BJ, SH, PARTNER = (org_id_for_code(c) for c in ("BJ", "SH", "BJ-P01"))


def test_calls_narrow_to_the_unit_and_below(ctx, admin, make_actor):
    with ctx.transaction() as session:
        for code in ("BJ", "BJ-P01", "SH"):
            ctx.hook.ticket_closed(session=session, event=TicketClosed(
                uuid.uuid4(), f"{code}-202611-000001", org_id_for_code(code), None, utcnow() - timedelta(days=3), None))
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])

    def numbers(actor, **unit) -> list:
        return sorted(c.ticket_number for c in service.list_calls(session, actor, None, **unit))

    with ctx.reading() as session:
        assert numbers(admin) == ["BJ-202611-000001", "BJ-P01-202611-000001", "SH-202611-000001"]
        assert numbers(admin, org_id=BJ) == ["BJ-202611-000001"]
        assert numbers(admin, org_id=BJ, subtree=True) == ["BJ-202611-000001", "BJ-P01-202611-000001"]
        assert numbers(admin, org_id=SH, subtree=True) == ["SH-202611-000001"]
        assert numbers(manager, org_id=PARTNER) == ["BJ-P01-202611-000001"]
        with pytest.raises(PermissionDenied):
            service.list_calls(session, manager, None, org_id=SH)
