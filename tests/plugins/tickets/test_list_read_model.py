"""The ticket lists' one read model: for any filter the list page offers, the count, the stream
(the export's rows), the pages one after another and the screen's first page hold the same
tickets in the same order, the order and set a plain Python filter over every ticket gives."""

from __future__ import annotations

import os
import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.clock import utcnow
from app.ids import org_id_for_code
from app.orgs.models import OrgUnit
from app.orgs.service import filter_choices
from plugins.customers import service as registry
from plugins.tickets import service
from plugins.tickets.models import CATEGORIES, OPEN_STATES, STATES, Customer, Ticket
from plugins.tickets.service import TicketFilter

pytestmark = pytest.mark.slow

EXAMPLES = 200 if os.environ.get("CI") else 40
UNIT_ZONE = ZoneInfo("Asia/Shanghai")  # every unit's zone in these tests (the product default)
SORTS = ("opened_at", "number", "priority", "state", "due")
BJ, SH, PARTNER = (org_id_for_code(c) for c in ("BJ", "SH", "BJ-P01"))


class Spread:
    """48 tickets at BJ, its partner BJ-P01 and SH with every listed attribute varied."""

    def __init__(self, network, partner, customers, engineers, start):
        self.network, self.partner, self.customers, self.engineers = network, partner, customers, engineers
        self.start = start

    def actors(self):
        net = self.network
        return [net.hotline, net.manager, net.sh_hotline, self.partner]


@pytest.fixture
def spread(network, make_actor, admin):
    ctx = network.ctx
    partner = make_actor(ctx, "hot@BJ-P01", roles=["hotline", "dispatcher"])
    with ctx.transaction() as session:
        customers = {BJ: network.customer_id,
                     PARTNER: registry.create_customer(session, partner, name="北京信息科技客户").id,
                     SH: registry.create_customer(session, network.sh_hotline, name="上海交通大学").id}
    actors = {BJ: network.hotline, PARTNER: partner, SH: network.sh_hotline}
    start = utcnow().replace(microsecond=0) - timedelta(days=30)
    made = []
    for n in range(48):
        org = (BJ, PARTNER, SH)[n % 3]
        opened = start + timedelta(hours=13 * n - (13 if n in (7, 30) else 0))  # two pairs share their moment
        with ctx.transaction() as session:
            ticket = service.create_ticket(session, actors[org], customer_id=customers[org], symptom=f"故障{n}",
                                           serial_number="SN-BJ-0001" if org == BJ and n % 2 else "", now=opened)
            made.append(ticket.id)
    network.run("escalate", made[1], "需要分公司支持", actor=partner)  # a partner case escalated to BJ
    network.run("escalate", made[2], "需要总部支持", actor=network.sh_hotline)  # an SH case escalated to HQ
    engineers = [None, network.engineer.user_id, network.partner_engineer.user_id]
    scramble(ctx, made, engineers)
    return Spread(network, partner, customers, engineers, start)


def scramble(ctx, ids, engineers) -> None:
    """Seeded states, priorities, categories, engineers, breaches and due times."""
    rng = random.Random(10)
    with ctx.transaction() as session:
        for ticket in session.scalars(select(Ticket).where(Ticket.id.in_(ids))):
            ticket.state = rng.choice(STATES)
            ticket.is_open = ticket.state in OPEN_STATES
            ticket.priority, ticket.category = rng.randint(1, 4), rng.choice(CATEGORIES)
            ticket.engineer_id = rng.choice(engineers)
            ticket.breached = rng.random() < 0.3
            ticket.serial_number = ticket.serial_number or (f"SN-{rng.randint(0, 9):04d}" if rng.random() < 0.4 else "")
            due = ticket.opened_at + timedelta(hours=rng.randint(-20, 900))
            ticket.next_due_at = due if ticket.is_open and rng.random() < 0.85 else None


# ---------------------------------------------------------------- the plain filter the read model must equal


def expected_order(session, actor, filters: TicketFilter, sort: str, descending: bool) -> list:
    paths = {unit.id: unit.path for unit in session.scalars(select(OrgUnit))}
    rows = session.execute(select(Ticket, Customer.name).join(Customer, Customer.id == Ticket.customer_id)).all()
    kept = [ticket for ticket, customer in rows if listed(ticket, customer, actor, filters, paths)]
    if sort != "due":
        def key(t):
            return {"number": (t.number,), "priority": (t.priority,), "state": (t.state,)}.get(sort, ())
        return [t.id for t in sorted(kept, key=lambda t: (*key(t), t.opened_at, t.id), reverse=descending)]
    with_due = sorted((t for t in kept if t.next_due_at), key=lambda t: (t.next_due_at, t.opened_at, t.id),
                      reverse=descending)
    without = sorted((t for t in kept if not t.next_due_at), key=lambda t: (t.opened_at, t.id), reverse=descending)
    return [t.id for t in with_due + without]


def listed(ticket, customer: str, actor, f: TicketFilter, paths: dict) -> bool:
    def sees(org_id):
        return paths[org_id].startswith(actor.org_path) if actor.sees_subtree else org_id == actor.org_id

    if f.org_id is None:
        in_sight = sees(ticket.org_id) or ticket.escalated_to_org_id == actor.org_id
    else:
        chosen = paths[f.org_id]
        in_sight = sees(ticket.org_id) and (paths[ticket.org_id].startswith(chosen) if f.subtree
                                            else ticket.org_id == f.org_id)
    text = f.text.strip()
    checks = [
        in_sight,
        not f.states or ticket.state in f.states,
        not f.open_only or ticket.is_open,
        f.priority is None or ticket.priority == f.priority,
        f.category is None or ticket.category == f.category,
        f.engineer_id is None or ticket.engineer_id == f.engineer_id,
        f.customer_id is None or ticket.customer_id == f.customer_id,
        f.breached is None or ticket.breached == f.breached,
        f.opened_from is None or ticket.opened_at >= datetime.combine(f.opened_from, time(), UNIT_ZONE),
        f.opened_to is None or ticket.opened_at < datetime.combine(f.opened_to, time(), UNIT_ZONE),
        not text or (ticket.number.startswith(text.upper()) or ticket.serial_number == text.upper()
                     or customer.startswith(text)),
    ]
    return all(checks)


# ---------------------------------------------------------------- random filters of the list page


def maybe(options, none=3):
    """One of ``options`` or "any" (None), "any" ``none`` times as likely as all options together:
    filters are combined, and a few at a time leave rows to compare."""
    return st.sampled_from([None] * none * len(options) + list(options))


def list_filters(draw, spread: Spread, units: list) -> TicketFilter:
    """What the list page's widgets can say: one state or "open", one of each choice, a unit of the
    org filter with or without the units below, a quick search, a range of days."""
    state = draw(maybe(["__open__", *STATES], none=2))
    unit = draw(maybe(units, none=1))
    first_day = (spread.start.astimezone(UNIT_ZONE) - timedelta(days=2)).date()
    days = draw(maybe([(a, b) for a in range(0, 34, 3) for b in range(a, 34, 4)]))
    texts = ["BJ", "BJ-P01", "SH-", "sn-bj-0001", "SN-0004", "北京", "北京市", "上海交通大学", " 上海 ", "ZZ"]
    return TicketFilter(
        states=(state,) if state not in (None, "__open__") else (), open_only=state == "__open__",
        priority=draw(maybe([1, 2, 3, 4])), category=draw(maybe(CATEGORIES)),
        engineer_id=draw(maybe(spread.engineers)), customer_id=draw(maybe(spread.customers.values())),
        breached=draw(maybe([True, False])),
        opened_from=first_day + timedelta(days=days[0]) if days else None,
        opened_to=first_day + timedelta(days=days[1] + 1) if days else None,
        text=draw(maybe(texts)) or "", org_id=unit, subtree=draw(st.booleans()) if unit else False)


def all_pages(session, actor, filters, size: int, sort: str, descending: bool) -> list:
    ids, offset = [], 0
    while True:
        page = service.list_page(session, actor, filters, offset=offset, limit=size, sort=sort, descending=descending)
        ids += [row.id for row in page]
        offset += size
        if len(page) < size:
            return ids


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_count_stream_and_pages_agree_for_every_filter_of_the_list_page(ctx, spread, admin, data):
    actor = data.draw(st.sampled_from([admin, *spread.actors()]), label="actor")
    with ctx.reading() as session:
        units = [choice.id for choice in filter_choices(session, actor)]
    filters = list_filters(data.draw, spread, units)
    sort, descending = data.draw(st.sampled_from(SORTS)), data.draw(st.booleans())
    size = data.draw(st.integers(1, 9), label="page size")
    note(f"{actor.label} {filters} sort={sort} descending={descending}")
    with ctx.reading() as session:
        counted = service.list_count(session, actor, filters)
        streamed = [row.id for row in service.list_stream(session, actor, filters, sort=sort, descending=descending)]
        paged = all_pages(session, actor, filters, size, sort, descending)
        screen = [row.id for row in service.list_page(session, actor, filters, sort=sort, descending=descending)]
        expected = expected_order(session, actor, filters, sort, descending)
    assert counted == len(streamed) == len(paged)
    assert paged == streamed
    assert screen == streamed[:200]
    assert streamed == expected


def test_the_spread_reaches_every_kind_of_row(ctx, spread, admin):
    """The property above is only as good as its data: every state, priority and category, ties on
    the opening moment, cases without a due time and escalated ones are there."""
    with ctx.reading() as session:
        rows = list(service.list_stream(session, admin, TicketFilter()))
        tickets = session.scalars(select(Ticket)).all()
    assert len(rows) == 48
    assert {r.priority for r in rows} == {1, 2, 3, 4} and {r.category for r in rows} == set(CATEGORIES)
    assert len({r.state for r in rows}) >= 8
    assert len({r.opened_at for r in rows}) == 46  # two pairs share their opening moment
    assert any(r.is_open and r.next_due_at is None for r in rows)
    assert sum(t.escalated_to_org_id is not None for t in tickets) == 2


def test_a_day_of_the_date_filter_is_a_day_in_the_users_unit(ctx, spread):
    """Midnight to midnight in Asia/Shanghai, whatever the workstation's zone."""
    hotline = spread.network.hotline
    with ctx.reading() as session:
        rows = list(service.list_stream(session, hotline, TicketFilter()))
        day = rows[5].opened_at.astimezone(UNIT_ZONE).date()
        same_day = {r.id for r in rows if r.opened_at.astimezone(UNIT_ZONE).date() == day}
        found = {r.id for r in service.list_stream(session, hotline, TicketFilter(
            opened_from=day, opened_to=day + timedelta(days=1)))}
    assert found == same_day and found


def test_the_list_needs_the_view_permission(ctx, network, make_actor):
    from app.errors import PermissionDenied

    nobody = make_actor(ctx, "nobody@BJ", roles=[])
    with ctx.reading() as session:
        for read in (lambda: service.list_page(session, nobody), lambda: service.list_count(session, nobody),
                     lambda: service.list_stream(session, nobody), lambda: service.breach_counts(session, nobody),
                     lambda: service.queue(session, nobody)):
            with pytest.raises(PermissionDenied):
                read()


def test_opened_dates_given_as_moments_are_taken_as_they_are(ctx, spread, admin):
    with ctx.reading() as session:
        rows = list(service.list_stream(session, admin, TicketFilter(), descending=False))
        moment = rows[10].opened_at
        later = {r.id for r in service.list_stream(session, admin, TicketFilter(opened_from=moment))}
    assert later == {r.id for r in rows if r.opened_at >= moment} and len(later) == len(rows) - 10

