"""Quarterly visit plans: generation, regeneration, recording visits, actions, coverage."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import text

from app.errors import NotFound, PermissionDenied, ValidationError
from plugins.customers import service as customers
from plugins.visits import service
from visit_plans import BJ, add_customers, current_quarter

CUSTOMERS = [("协和医院", "北京", True), ("人民医院", "北京", True), ("天津港", "天津", True),
             ("天津大学", "天津", True), ("石家庄银行", "河北", True), ("旧客户", "北京", False)]


@pytest.fixture
def team(ctx, make_actor):
    people = {"clerk": make_actor(ctx, "hot@BJ", roles=["hotline"]),
              "manager": make_actor(ctx, "mgr@BJ", roles=["branch_manager"]),
              "sales": make_actor(ctx, "sales1@BJ", roles=["sales"]),
              "engineer": make_actor(ctx, "eng1@BJ", roles=["field_engineer"])}
    people["customers"] = add_customers(ctx, people["clerk"], CUSTOMERS)
    return people


def lines_by_customer(ctx, actor, quarter):
    with ctx.reading() as session:
        return {line.customer: line for line in service.plan_lines(session, actor, BJ, quarter)}


def test_a_plan_covers_each_active_customer_once_and_regenerating_keeps_done_visits(ctx, team):
    quarter = current_quarter(ctx).label
    with ctx.transaction() as session:
        outcome = service.generate_plan(session, team["manager"], BJ, quarter)
    assert (outcome.added, outcome.cancelled, outcome.kept_done) == (5, 0, 0)
    lines = lines_by_customer(ctx, team["manager"], quarter)
    assert set(lines) == {name for name, _, active in CUSTOMERS if active}
    per_region = Counter((line.region, line.assignee) for line in lines.values())
    assert per_region[("北京", "sales1")] == per_region[("北京", "eng1")] == 1  # shared within a region
    assert per_region[("天津", "sales1")] == per_region[("天津", "eng1")] == 1
    done = lines["协和医院"]
    with ctx.transaction() as session:
        service.record_visit(session, team["sales"], done.visit_id, visited_on=current_quarter(ctx).start,
                             attendees="王主任、李工", quality_feedback="服务器运行稳定", opinions="希望增加巡检")
        customers.retire_customer(session, team["clerk"], team["customers"]["协和医院"])
        customers.retire_customer(session, team["clerk"], team["customers"]["天津港"])
    add_customers(ctx, team["clerk"], [("河北电力", "河北", True)])
    with ctx.transaction() as session:
        outcome = service.generate_plan(session, team["manager"], BJ, quarter)
    assert (outcome.added, outcome.cancelled, outcome.kept_done) == (1, 1, 1)
    again = lines_by_customer(ctx, team["manager"], quarter)
    assert (again["协和医院"].state, again["协和医院"].assignee_id) == ("done", done.assignee_id)
    assert again["天津港"].state == "cancelled"
    assert again["河北电力"].state == "planned"
    assert again["协和医院"].visited_on == current_quarter(ctx).start


def test_a_visit_dated_outside_its_quarter_is_refused_and_nothing_is_saved(ctx, team):
    quarter = current_quarter(ctx)
    with ctx.transaction() as session:
        service.generate_plan(session, team["manager"], BJ, quarter.label)
    visit = lines_by_customer(ctx, team["manager"], quarter.label)["人民医院"]
    for day in (quarter.start - timedelta(days=1), quarter.end):
        with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
            service.record_visit(session, team["sales"], visit.visit_id, visited_on=day, attendees="王主任")
        assert refused.value.field == "visited_on"
        assert quarter.label in str(refused.value) and day.isoformat() in str(refused.value)
    with ctx.reading() as session:
        assert session.execute(text("SELECT COUNT(*) FROM visits_records")).scalar() == 0
        assert session.execute(text("SELECT COUNT(*) FROM visits_planned_visits WHERE state <> 'planned'")).scalar() == 0


def test_permissions_and_bad_input_are_refused(ctx, team):
    quarter = current_quarter(ctx).label
    for actor in (team["clerk"], team["sales"]):
        with ctx.transaction() as session, pytest.raises(PermissionDenied):
            service.generate_plan(session, actor, BJ, quarter)
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
        service.generate_plan(session, team["manager"], BJ, "2026-07")
    assert refused.value.field == "quarter"
    with ctx.transaction() as session:
        service.generate_plan(session, team["manager"], BJ, quarter)
    visit = lines_by_customer(ctx, team["manager"], quarter)["天津大学"]
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.record_visit(session, team["manager"], visit.visit_id, visited_on=current_quarter(ctx).start,
                             attendees="王主任")
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
        service.reassign(session, team["manager"], visit.visit_id, team["clerk"].user_id)
    assert refused.value.field == "assignee"
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
        service.record_visit(session, team["engineer"], visit.visit_id, visited_on=current_quarter(ctx).start,
                             attendees="  ")
    assert refused.value.field == "attendees"
    with ctx.transaction() as session, pytest.raises(ValidationError):  # actions follow a recorded visit
        service.add_action(session, team["engineer"], visit.visit_id, text="升级固件", owner_id=team["engineer"].user_id,
                           due_on=current_quarter(ctx).end)


def test_reassigning_actions_and_the_overdue_and_unplanned_lists(ctx, team):
    quarter = current_quarter(ctx)
    with ctx.transaction() as session:
        service.generate_plan(session, team["manager"], BJ, quarter.label)
    visit = lines_by_customer(ctx, team["manager"], quarter.label)["石家庄银行"]
    other = team["engineer"] if visit.assignee_id == team["sales"].user_id else team["sales"]
    with ctx.transaction() as session:
        service.reassign(session, team["manager"], visit.visit_id, other.user_id, quarter.start)
    moved = lines_by_customer(ctx, team["manager"], quarter.label)["石家庄银行"]
    assert (moved.assignee_id, moved.planned_on) == (other.user_id, quarter.start)
    add_customers(ctx, team["clerk"], [("新客户", "河北", True)])
    with ctx.reading() as session:
        gaps = service.overdue_and_unplanned(session, team["manager"], quarter.label, BJ)
    assert [u.customer for u in gaps.unplanned] == ["新客户"]
    overdue = {line.customer for line in gaps.overdue}
    assert ("石家庄银行" in overdue) == (quarter.start < _today(ctx))  # planned for a day already past
    with ctx.transaction() as session:
        service.record_visit(session, other, visit.visit_id, visited_on=quarter.start, attendees="行长")
        action = service.add_action(session, other, visit.visit_id, text="提交扩容方案", owner_id=team["sales"].user_id,
                                    due_on=quarter.last_day)
    with ctx.reading() as session:
        assert [a.text for a in service.action_lines(session, team["manager"], BJ, quarter.label)] == ["提交扩容方案"]
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.complete_action(session, team["clerk"], action.id)
    with ctx.transaction() as session:
        service.complete_action(session, team["sales"], action.id)
    with ctx.transaction() as session, pytest.raises(ValidationError):
        service.complete_action(session, team["sales"], action.id)
    with ctx.reading() as session:
        assert service.action_lines(session, team["manager"], BJ, quarter.label) == []
        with pytest.raises(NotFound):
            service.visit_record(session, team["manager"], action.id)


def _today(ctx):
    from plugins.visits.plan_rules import unit_today

    with ctx.reading() as session:
        return unit_today(session, BJ)


COVERAGE_SQL = """
SELECT u.display_name,
       SUM(CASE WHEN v.state <> 'cancelled' THEN 1 ELSE 0 END),
       SUM(CASE WHEN v.state = 'done' THEN 1 ELSE 0 END)
FROM visits_planned_visits v
JOIN visits_plans p ON p.id = v.plan_id
JOIN core_users u ON u.id = v.assignee_id
WHERE p.quarter = :quarter
GROUP BY u.display_name
"""


def test_coverage_equals_a_plain_count(ctx, team):
    quarter = current_quarter(ctx)
    with ctx.transaction() as session:
        service.generate_plan(session, team["manager"], BJ, quarter.label)
    lines = lines_by_customer(ctx, team["manager"], quarter.label)
    with ctx.transaction() as session:
        for name in ("人民医院", "天津港"):
            line = lines[name]
            actor = team["sales"] if line.assignee_id == team["sales"].user_id else team["engineer"]
            service.record_visit(session, actor, line.visit_id, visited_on=quarter.start, attendees="客户代表")
        customers.retire_customer(session, team["clerk"], team["customers"]["石家庄银行"])
    with ctx.transaction() as session:
        service.generate_plan(session, team["manager"], BJ, quarter.label)
    with ctx.reading() as session:
        counted = {name: (int(planned), int(done)) for name, planned, done in
                   session.execute(text(COVERAGE_SQL), {"quarter": quarter.label})}
        figures = service.coverage(session, team["manager"], quarter.label)
    assert {c.name: (c.planned, c.done) for c in figures.people} == counted
    assert [(c.name, c.planned, c.done) for c in figures.units] == [
        ("北京分公司", sum(p for p, _ in counted.values()), 2)]
    assert figures.units[0].percent == pytest.approx(100.0 * 2 / 4)
