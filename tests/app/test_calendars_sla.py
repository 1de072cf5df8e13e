"""The lists and the HQ rollup use the calendar's clock: a 5×8 ticket opened on 1 October 2025
(National Day, Oct 1–8 off by the State Council's notice) is not breached on 2 October; its
first response falls due two working hours into Thursday 9 October."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app.ids import org_id_for_code
from app.orgs.service import get_by_code
from app.reports.period import parse_period
from plugins.customers import service as registry
from plugins.tickets import service as tickets
from plugins.tickets.models import Ticket
from plugins.tickets.read.rollup import unit_tickets

SHANGHAI = ZoneInfo("Asia/Shanghai")
BJ = org_id_for_code("BJ")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def test_a_ticket_opened_on_national_day_is_not_breached_the_next_day(ctx, admin, make_actor):
    hotline = make_actor(ctx, "hot@BJ", roles=["hotline"])
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    with ctx.transaction() as session:
        registry.ensure_default_packages(session, get_by_code(session, "HQ"))
        customer = registry.create_customer(session, hotline, name="北京市第一人民医院", region="北京")
        # 5×8: first response 2 h, on site 9 h, counted in business hours
        registry.create_asset(session, hotline, customer.id, serial_number="SN-BJ-5X8",
                              product_line="机架式服务器", model="I620-G30", package_code="5X8-NBD")
        ticket = tickets.create_ticket(session, hotline, customer_id=customer.id, symptom="服务器无法开机",
                                       serial_number="SN-BJ-5X8", now=at(2025, 10, 1, 10, 0))
        ticket_id = ticket.id
        assert ticket.response_due_at.astimezone(SHANGHAI) == at(2025, 10, 9, 11, 0)
        assert ticket.onsite_due_at.astimezone(SHANGHAI) == at(2025, 10, 9, 18, 0)  # 9 h: all of Thu 9 Oct

    on_the_2nd = at(2025, 10, 2, 17, 0)
    with ctx.transaction() as session:
        assert tickets.sweep_sla(session, on_the_2nd) == 0
    with ctx.reading() as session:
        assert not session.get(Ticket, ticket_id).breached
        counts = tickets.breach_counts(session, manager, now=on_the_2nd)
        assert (counts.open, counts.breached) == (1, 0)
        october = unit_tickets(session, [BJ], parse_period("2025-10"), now=on_the_2nd)[BJ]
        assert (october.opened, october.due["response"]) == (1, 0)  # opened 1, its first response not yet due

    after_due = at(2025, 10, 9, 11, 1)
    with ctx.transaction() as session:
        assert tickets.sweep_sla(session, after_due) >= 1
    with ctx.reading() as session:
        assert session.get(Ticket, ticket_id).breached
        assert tickets.breach_counts(session, manager, now=after_due).breached == 1
        october = unit_tickets(session, [BJ], parse_period("2025-10"), now=after_due)[BJ]
        assert (october.due["response"], october.met["response"]) == (1, 0)  # due on the 9th: missed
