"""The list's index-merged pages hold exactly what the one filter streams, in sort order, page by page."""

from datetime import timedelta

import pytest

from app.clock import utcnow
from plugins.customers import service as registry
from plugins.tickets import service
from plugins.tickets.service import TicketFilter, list_page


@pytest.fixture
def tickets(network, make_actor):
    ctx = network.ctx
    partner = make_actor(ctx, "hot@BJ-P01", roles=["hotline", "dispatcher"])
    with ctx.transaction() as session:
        partner_customer = registry.create_customer(session, partner, name="代理商客户").id
        sh_customer = registry.create_customer(session, network.sh_hotline, name="上海客户").id
    made, owners = [], []
    start = utcnow() - timedelta(days=10)
    for n in range(14):
        actor, customer = [(network.hotline, network.customer_id), (partner, partner_customer),
                           (network.sh_hotline, sh_customer)][n % 3]
        with ctx.transaction() as session:
            ticket = service.create_ticket(session, actor, customer_id=customer, symptom=f"故障{n}",
                                           priority=1 + n % 4, category=("fault", "consultation")[n % 2],
                                           now=start + timedelta(hours=7 * n))
            made.append(ticket.id)
            owners.append(actor)
    for ticket_id, owner in list(zip(made, owners))[:4]:
        network.run("start_diagnosis", ticket_id, actor=owner)
    network.run("escalate", made[1], "需要分公司支持", actor=partner)  # a partner case escalated to BJ
    return made


CASES = [
    (TicketFilter(), "opened_at", True), (TicketFilter(), "opened_at", False), (TicketFilter(), "priority", True),
    (TicketFilter(), "state", False), (TicketFilter(), "number", False), (TicketFilter(), "due", False),
    (TicketFilter(states=("new",)), "opened_at", True), (TicketFilter(priority=2), "opened_at", True),
    (TicketFilter(category="consultation"), "priority", False), (TicketFilter(open_only=True), "due", False),
    (TicketFilter(text="BJ-P01"), "opened_at", True), (TicketFilter(text="上海"), "opened_at", True),
    (TicketFilter(), "due", True), (TicketFilter(open_only=True), "due", True),
]


def due_order(rows, descending):
    """Cases with a due time in due order (ties by opened_at, id), then those without one."""
    with_due = sorted((r for r in rows if r.next_due_at), key=lambda r: (r.next_due_at, r.opened_at, r.id),
                      reverse=descending)
    without = sorted((r for r in rows if not r.next_due_at), key=lambda r: (r.opened_at, r.id), reverse=descending)
    return with_due + without


def key(row, sort):
    return {"priority": (row.priority,), "state": (row.state,), "number": (row.number,),
            "due": (row.next_due_at is None, row.next_due_at)}.get(sort, ())


def test_pages_hold_the_filtered_tickets_in_order_within_scope(ctx, network, tickets, admin):
    with ctx.reading() as session:
        sh = {r.id for r in list_page(session, network.sh_hotline, TicketFilter(), limit=100)}
        bj = {r.id for r in list_page(session, network.hotline, TicketFilter(), limit=100)}
    assert sh == set(tickets[2::3])
    assert bj == set(tickets[0::3]) | {tickets[1]}  # its own plus the partner case escalated to it
    for actor, (filters, sort, descending) in ((a, c) for a in (admin, network.hotline, network.manager)
                                               for c in CASES):
        with ctx.reading() as session:
            expected = list(service.list_stream(session, actor, filters))
            pages = [list_page(session, actor, filters, offset=offset, limit=4, sort=sort, descending=descending)
                     for offset in range(0, 20, 4)]
        rows = [row for page in pages for row in page]
        assert sorted(r.id for r in rows) == sorted(r.id for r in expected), (filters, sort)
        ordered = sorted(rows, key=lambda r: (key(r, sort), r.opened_at, r.id), reverse=descending) \
            if sort != "due" else due_order(rows, descending)
        assert [r.id for r in rows] == [r.id for r in ordered], (filters, sort, descending)


def test_queues_hold_the_open_cases_in_sight_by_due_time(ctx, network, tickets, admin):
    with ctx.transaction() as session:  # one case without a due time: it goes last
        service.load_ticket(session, network.hotline, tickets[0]).next_due_at = None
    for actor in (admin, network.hotline, network.manager):
        with ctx.reading() as session:
            expected = [r.id for r in service.list_stream(session, actor, TicketFilter(open_only=True), sort="due",
                                                          descending=False)]
            assert [r.id for r in service.queue(session, actor, limit=100)] == expected
            assert service.queue(session, actor, mine=True) == []  # no case is assigned to them
            due = [r.next_due_at for r in list_page(session, actor, TicketFilter(open_only=True), limit=100,
                                                    sort="due", descending=False)]
        assert due == sorted(due, key=lambda d: (d is None, d))
