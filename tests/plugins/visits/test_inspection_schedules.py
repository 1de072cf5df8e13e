"""Inspection schedules: the dates each interval gives, the contract end as the default end,
generation that keeps done inspections and never plans one twice, ending a schedule, assignment."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import text

from app.errors import PermissionDenied, ValidationError
from app.reports.period import parse_period
from inspection_support import (BJ, LINE, all_ok, current_quarter, customer_with_machines, make_team, publish, sheet,
                                today)
from plugins.customers import service as customers
from plugins.visits import service
from plugins.visits.inspection_schedules import add_months, due_dates


def test_each_interval_gives_its_dates_counted_from_the_start():
    year = parse_period("2026")
    assert list(due_dates(date(2026, 1, 31), "quarterly", year, None)) == [
        date(2026, 1, 31), date(2026, 4, 30), date(2026, 7, 31), date(2026, 10, 31)]
    assert list(due_dates(date(2025, 3, 15), "half_yearly", year, None)) == [date(2026, 3, 15), date(2026, 9, 15)]
    assert list(due_dates(date(2023, 11, 30), "yearly", year, None)) == [date(2026, 11, 30)]
    assert list(due_dates(date(2026, 5, 1), "quarterly", parse_period("2026Q1"), None)) == []  # not started yet
    assert list(due_dates(date(2026, 1, 10), "quarterly", year, date(2026, 7, 9))) == [date(2026, 1, 10),
                                                                                       date(2026, 4, 10)]
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29) and add_months(date(2024, 11, 30), 3) == \
        date(2025, 2, 28)


@pytest.fixture
def team(ctx, make_actor):
    team = make_team(ctx, make_actor)
    publish(ctx, team.analyst)
    return team


def generate(ctx, actor, period: str):
    with ctx.transaction() as session:
        return service.generate_inspections(session, actor, BJ, period)


def lines(ctx, actor, period: str):
    with ctx.reading() as session:
        return service.inspection_lines(session, actor, period, BJ)


def test_generation_counts_and_dates_per_interval_and_the_contract_end(ctx, team):
    year = today(ctx).year - 1
    quarterly = customer_with_machines(ctx, team.clerk, "协和医院", [("SN-Q1", LINE, None)])
    half = customer_with_machines(ctx, team.clerk, "天津港", [("SN-H1", LINE, None)])
    yearly = customer_with_machines(ctx, team.clerk, "河北电力", [("SN-Y1", LINE, None)])
    contract = customer_with_machines(ctx, team.clerk, "石家庄银行", [("SN-C1", LINE, date(year, 6, 30)),
                                                                  ("SN-C2", LINE, date(year, 5, 1))])
    with ctx.transaction() as session:
        for customer, interval in ((quarterly, "quarterly"), (half, "half_yearly"), (yearly, "yearly"),
                                   (contract, "quarterly")):
            service.create_inspection_schedule(session, team.manager, customer, interval=interval,
                                               starts_on=date(year - 1, 2, 15))
    outcome = generate(ctx, team.manager, str(year))
    assert (outcome.added, outcome.kept_done, outcome.withdrawn, outcome.skipped) == (4 + 2 + 1 + 2, 0, 0, 0)
    found = lines(ctx, team.manager, str(year))
    by_customer = {name: sorted(line.due_on for line in found if line.customer == name)
                   for name in ("协和医院", "天津港", "河北电力", "石家庄银行")}
    assert by_customer == {
        "协和医院": [date(year, m, 15) for m in (2, 5, 8, 11)],
        "天津港": [date(year, 2, 15), date(year, 8, 15)],
        "河北电力": [date(year, 2, 15)],
        "石家庄银行": [date(year, 2, 15), date(year, 5, 15)],  # the latest contract end, 30 June, ends it
    }
    assert Counter(line.engineer for line in found) == {"eng1": 5, "eng2": 4}  # the load is shared
    with ctx.reading() as session:
        schedule = next(s for s in service.inspection_schedule_lines(session, team.manager, BJ)
                        if s.customer == "石家庄银行")
    assert (schedule.ends_on, schedule.ends_by_contract, schedule.machines) == (date(year, 6, 30), True, 2)


def test_regenerating_keeps_done_inspections_and_never_duplicates(ctx, team):
    year = today(ctx).year - 1
    customer = customer_with_machines(ctx, team.clerk, "协和医院", [("SN-Q1", LINE, None)])
    with ctx.transaction() as session:
        schedule = service.create_inspection_schedule(session, team.manager, customer, interval="quarterly",
                                                      starts_on=date(year, 1, 10)).id
    generate(ctx, team.manager, str(year))
    first = min(lines(ctx, team.manager, str(year)), key=lambda line: line.due_on)
    with ctx.transaction() as session:
        service.record_inspection_results(session, team.engineer, first.id, all_ok(sheet(ctx, team.engineer,
                                                                                          first.id)))
        service.complete_inspection(session, team.engineer, first.id, first.due_on)
    again = generate(ctx, team.manager, str(year))
    assert (again.added, again.kept_done, again.withdrawn) == (0, 1, 0)
    assert generate(ctx, team.manager, f"{year}Q1").kept_done == 1
    with ctx.reading() as session:
        assert session.execute(text("SELECT COUNT(*) FROM visits_inspections")).scalar() == 4
    with ctx.transaction() as session:  # ended after the first: the later planned ones are withdrawn
        service.end_inspection_schedule(session, team.manager, schedule, date(year, 3, 31))
    remaining = lines(ctx, team.manager, str(year))
    assert [(line.due_on, line.state) for line in remaining] == [(first.due_on, "done")]
    outcome = generate(ctx, team.manager, str(year))
    assert (outcome.added, outcome.kept_done, outcome.withdrawn) == (0, 1, 0)


def test_a_newer_checklist_reaches_planned_inspections_with_nothing_recorded(ctx, team):
    customer = customer_with_machines(ctx, team.clerk, "协和医院", [("SN-Q1", LINE, None)])
    with ctx.transaction() as session:
        service.create_inspection_schedule(session, team.manager, customer, interval="quarterly",
                                           starts_on=today(ctx))
    period = current_quarter(ctx).label
    generate(ctx, team.manager, period)
    inspection = lines(ctx, team.manager, period)[0].id
    assert sheet(ctx, team.engineer, inspection).machines[0].checklist_version == 1
    publish(ctx, team.analyst, items=[service.ItemSpec("风扇运行状态")])
    assert generate(ctx, team.manager, period).refreshed == 1
    refreshed = sheet(ctx, team.engineer, inspection).machines[0]
    assert (refreshed.checklist_version, [i.text for i in refreshed.items]) == (2, ["风扇运行状态"])
    with ctx.transaction() as session:  # a retired customer is inspected no more
        customers.retire_customer(session, team.clerk, customer)
    assert generate(ctx, team.manager, period).withdrawn == 1 and lines(ctx, team.manager, period) == []


def test_schedule_and_assignment_refusals(ctx, team):
    customer = customer_with_machines(ctx, team.clerk, "协和医院", [("SN-Q1", LINE, None)])
    bare = customer_with_machines(ctx, team.clerk, "空客户", [])
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.create_inspection_schedule(session, team.engineer, customer, interval="quarterly",
                                           starts_on=today(ctx))
    for kwargs, field in (({"interval": "weekly"}, "interval"), ({"starts_on": None}, "starts_on"),
                          ({"product_line": "存储"}, "product_line"), ({"engineer_id": team.clerk.user_id}, "engineer")):
        arguments = {"interval": "quarterly", "starts_on": today(ctx), **kwargs}
        with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
            service.create_inspection_schedule(session, team.manager, customer, **arguments)
        assert refused.value.field == field
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
        service.create_inspection_schedule(session, team.manager, bare, interval="yearly", starts_on=today(ctx))
    assert "空客户" in str(refused.value)
    with ctx.transaction() as session:
        service.create_inspection_schedule(session, team.manager, customer, interval="yearly", starts_on=today(ctx))
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:  # the same machines twice
        service.create_inspection_schedule(session, team.manager, customer, interval="quarterly",
                                           starts_on=today(ctx), product_line=LINE)
    assert "end it first" in str(refused.value)
    generate(ctx, team.manager, str(today(ctx).year))
    inspection = lines(ctx, team.manager, str(today(ctx).year))[0]
    with ctx.transaction() as session, pytest.raises(ValidationError):
        service.assign_inspection(session, team.manager, inspection.id, team.clerk.user_id)
    other = team.other_engineer if inspection.engineer_id == team.engineer.user_id else team.engineer
    with ctx.transaction() as session:
        service.assign_inspection(session, team.manager, inspection.id, other.user_id)
    assert lines(ctx, team.manager, str(today(ctx).year))[0].engineer_id == other.user_id
    with ctx.reading() as session:
        assert session.execute(text("SELECT COUNT(*) FROM visits_inspection_schedules")).scalar() == 1


def test_ending_a_schedule_keeps_a_planned_inspection_with_work_recorded_on_site(ctx, team):
    year = today(ctx).year - 1
    customer = customer_with_machines(ctx, team.clerk, "协和医院", [("SN-Q1", LINE, None)])
    with ctx.transaction() as session:
        schedule = service.create_inspection_schedule(session, team.manager, customer, interval="quarterly",
                                                      starts_on=date(year, 1, 10)).id
    generate(ctx, team.manager, str(year))
    last = max(lines(ctx, team.manager, str(year)), key=lambda line: line.due_on)
    with ctx.transaction() as session:  # an adjustment made on site before the checklist was filled in
        service.add_inspection_adjustment(session, team.engineer, last.id, "BMC 告警阈值由 35°C 调整为 32°C")
    with ctx.transaction() as session:
        service.end_inspection_schedule(session, team.manager, schedule, date(year, 3, 31))
    assert last.id in [line.id for line in lines(ctx, team.manager, str(year))]
    assert generate(ctx, team.manager, str(year)).withdrawn == 0
    assert last.id in [line.id for line in lines(ctx, team.manager, str(year))]
