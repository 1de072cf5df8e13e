"""Over random customer sets (active and retired, in a few regions): a generated plan visits each
active customer exactly once, shares every region evenly, and regenerating it after customers
come and go keeps every visit already done, with its assignee."""

from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from plugins.customers import service as customers
from plugins.visits import service
from plugins.visits.plan_models import PlannedVisit
from visit_plans import BJ, add_customers

pytestmark = pytest.mark.slow

EXAMPLES = 40 if os.environ.get("CI") else 5
REGIONS = ("北京", "天津", "河北", "")

customer_sets = st.lists(st.tuples(st.sampled_from(REGIONS), st.booleans()), max_size=12)
picks = st.sets(st.integers(0, 11), max_size=6)


def test_plans_cover_every_active_customer_once_and_keep_done_visits(ctx, make_actor):
    clerk = make_actor(ctx, "hot@BJ", roles=["hotline"])
    manager = make_actor(ctx, "mgr@BJ", roles=["branch_manager"])
    visitor = make_actor(ctx, "sales1@BJ", roles=["sales"])
    for name in ("sales2@BJ", "eng1@BJ"):
        make_actor(ctx, name, roles=["sales" if name.startswith("sales") else "field_engineer"])
    serial = Counter()

    def fresh_names(specs):
        named = []
        for region, active in specs:
            serial["customer"] += 1
            named.append((f"客户{serial['customer']:04d}", region, active))
        return named

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(first=customer_sets, done=picks, retire=picks, later=customer_sets)
    def check(first, done, retire, later):
        serial["quarter"] += 1
        # a past quarter of its own per example (a visit may not be dated in the future)
        step = serial["quarter"] % 400  # 100 years of quarters, all after 1900
        quarter = f"{2025 - step // 4}Q{step % 4 + 1}"
        with ctx.transaction() as session:  # earlier examples' customers leave the unit
            for customer in customers.search_customers(session, clerk, limit=1000):
                customers.retire_customer(session, clerk, customer.id)
        add_customers(ctx, clerk, fresh_names(first))
        with ctx.transaction() as session:
            service.generate_plan(session, manager, BJ, quarter)
        active = active_ids(ctx, clerk)
        assert_covers_once(ctx, quarter, active)
        assert_regions_shared(ctx, manager, quarter)
        visits = plan_visits(ctx, quarter)
        recorded = {}
        with ctx.transaction() as session:
            for index in sorted(done):
                if index < len(visits) and visits[index].state == "planned":
                    visit = visits[index]
                    service.record_visit(session, visitor, visit.id, visited_on=_first_day(quarter), attendees="客户")
                    recorded[visit.customer_id] = visit.assignee_id
            live = sorted(active, key=str)
            for index in sorted(retire):
                if index < len(live):
                    customers.retire_customer(session, clerk, live[index])
        add_customers(ctx, clerk, fresh_names(later))
        with ctx.transaction() as session:
            service.generate_plan(session, manager, BJ, quarter)
        assert_covers_once(ctx, quarter, active_ids(ctx, clerk) | set(recorded))
        after = {v.customer_id: v for v in plan_visits(ctx, quarter)}
        assert {c: (after[c].state, after[c].assignee_id) for c in recorded} == {
            c: ("done", assignee) for c, assignee in recorded.items()}

    check()


def _first_day(quarter: str):
    return service.parse_quarter(quarter).start


def active_ids(ctx, clerk) -> set:
    with ctx.reading() as session:
        return {c.id for c in customers.search_customers(session, clerk, limit=1000)}


def plan_visits(ctx, quarter: str) -> list[PlannedVisit]:
    from plugins.visits.plan_models import VisitPlan

    with ctx.reading() as session:
        stmt = (select(PlannedVisit).join(VisitPlan, VisitPlan.id == PlannedVisit.plan_id)
                .where(VisitPlan.quarter == quarter).order_by(PlannedVisit.customer_id))
        visits = list(session.scalars(stmt))
        session.expunge_all()
        return visits


def assert_covers_once(ctx, quarter: str, expected: set) -> None:
    """Each expected customer has exactly one live (planned or done) visit, and nobody else has one."""
    live = Counter(v.customer_id for v in plan_visits(ctx, quarter) if v.state != "cancelled")
    assert set(live) == expected
    assert set(live.values()) <= {1}


def assert_regions_shared(ctx, manager, quarter: str) -> None:
    """In a fresh plan, each person's share of a region differs from another's by at most one."""
    with ctx.reading() as session:
        lines = service.plan_lines(session, manager, BJ, quarter)
        people = [p.name for p in service.assignee_choices(session, manager, BJ)]
    for region in {line.region for line in lines}:
        shares = Counter(line.assignee for line in lines if line.region == region)
        counts = [shares.get(person, 0) for person in people]
        assert max(counts) - min(counts) <= 1, (region, shares)
