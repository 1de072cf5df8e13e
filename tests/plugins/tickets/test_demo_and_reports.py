"""Demo data (every state in every unit, timelines, repair orders) through the real demo
generator; the rollup section and the home counters read it back."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.clock import utcnow
from app.demo import generate
from app.orgs.models import OrgUnit
from app.reports.period import parse_period
from demo_hq import demo_hq, open_hq
from plugins.customers.service import Asset, Customer
from plugins.tickets import service
from plugins.tickets.models import STATES, RepairOrder, Ticket, TicketCounter, TicketEvent


@pytest.fixture(scope="module")
def demo_network(plugin_host, tmp_path_factory):
    stages = []
    ctx, admin = demo_hq(plugin_host, tmp_path_factory.mktemp("demo"), scale=400, seed=7,
                         progress=lambda stage, f: stages.append((stage, f)))
    yield ctx, admin, stages
    ctx.engine.dispose()


def test_every_unit_has_tickets_in_every_state_with_timelines(demo_network):
    ctx, admin, stages = demo_network
    with ctx.reading() as session:
        units = session.scalars(select(OrgUnit).where(OrgUnit.tier != "hq")).all()
        per_unit = {(org, state) for org, state in session.execute(select(Ticket.org_id, Ticket.state).distinct())}
        for unit in units:
            assert {state for org, state in per_unit if org == unit.id} == set(STATES), unit.code
        tickets = session.scalar(select(func.count()).select_from(Ticket))
        assert 380 <= tickets <= 600  # about the scale asked for
        events = session.scalar(select(func.count()).select_from(TicketEvent))
        assert events > 3 * tickets
        orphans = session.scalar(select(func.count()).select_from(Ticket).where(
            ~Ticket.id.in_(select(TicketEvent.ticket_id))))
        assert orphans == 0
        signed = session.scalar(select(func.count()).select_from(RepairOrder).where(RepairOrder.signed_at.is_not(None)))
        assert signed > 0
        numbers = session.scalars(select(Ticket.number)).all()
        assert len(numbers) == len(set(numbers))
        symptoms = set(session.scalars(select(Ticket.symptom)))
        assert len(symptoms) > 0.9 * tickets  # composed text, not a handful of repeated sentences
        assert session.scalar(select(func.count()).select_from(Customer)) > 0
        assert session.scalar(select(func.count()).select_from(Asset)) > 0
    assert any("ticket" in stage.lower() or "问题单" in stage for stage, _ in stages)


def test_demo_counters_continue_the_numbering(demo_network):
    ctx, admin, _ = demo_network
    with ctx.reading() as session:
        ticket = session.scalars(select(Ticket).order_by(Ticket.opened_at.desc()).limit(1)).one()
        org, period, seq = ticket.number.rsplit("-", 2)
        counter = session.get(TicketCounter, (ticket.org_id, period))
        assert counter.last_seq >= int(seq)


def test_the_rollup_and_home_counters_read_the_demo(demo_network):
    ctx, admin, _ = demo_network
    with ctx.reading() as session:
        open_count = session.scalar(select(func.count()).select_from(Ticket).where(Ticket.is_open.is_(True)))
        counters = {c.id: c.value for group in ctx.hook.dashboard_counters(session=session, actor=admin)
                    for c in group}
        assert counters["tickets.open"] == open_count > 0
        assert counters["tickets.breached"] >= 1
        rows = service.queue(session, admin, limit=20)
        assert [r.next_due_at for r in rows] == sorted(r.next_due_at for r in rows)
    year = utcnow().astimezone(ZoneInfo("Asia/Shanghai")).year
    from plugins.tickets.reports import rollup_sections

    period = parse_period(str(year))
    sections = {s.title: list(s.rows) for s in rollup_sections(ctx.signed_in(admin), period, None)}
    units = sections["Tickets by unit"]
    start, end = period.bounds_utc(ZoneInfo("Asia/Shanghai"))
    with ctx.reading() as session:
        def count(*where):
            return session.scalar(select(func.count()).select_from(Ticket).where(*where))

        assert sum(r[2] for r in units) == count(Ticket.opened_at >= start, Ticket.opened_at < end) > 0
        assert sum(r[3] for r in units) == count(Ticket.closed_at >= start, Ticket.closed_at < end,
                                                 Ticket.state != "cancelled")
        assert sum(r[-1] for r in sections["Tickets opened by category"]) == sum(r[2] for r in units)
    assert all(hours is None or hours > 0 for r in units for hours in r[4:7])
    bj = rollup_sections(ctx.signed_in(admin), period, "BJ")[0].rows
    assert {r[0] for r in bj} == {"BJ", "BJ-P01", "BJ-P02", "BJ-P03"}


@pytest.mark.postgres
def test_the_demo_bulk_inserts_work_on_postgresql(pg_server, plugin_host):
    name = pg_server.create_database()
    try:
        ctx, admin = open_hq(plugin_host, pg_server.url(name))
        with ctx.transaction() as session:
            generate(ctx, session, admin, scale=150, seed=3)
        with ctx.reading() as session:
            states = set(session.scalars(select(Ticket.state).distinct()))
            assert states == set(STATES)
            assert service.list_count(session, admin) == session.scalar(select(func.count()).select_from(Ticket))
            assert len(service.queue(session, admin, limit=5)) == 5
        ctx.engine.dispose()
    finally:
        pg_server.drop_database(name)
