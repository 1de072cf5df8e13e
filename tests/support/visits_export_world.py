"""The visits lists, filled with user text that reads like a spreadsheet formula, for the export
tests: the same ``ExportCase`` as tests/support/export_world.py (the door's export for a filter,
the rows the page lists for it, and where times matter the moments each exported row must show).

Follow-up calls and corrective actions mix BJ (Asia/Shanghai) and SH (moved to ``OTHER_ZONE``);
the visit plan is SH's, so its times are SH's wall time; inspections are BJ's (they hold days only).
"""

from __future__ import annotations

from datetime import timedelta

from app.ids import org_id_for_code
from app.reports.period import Period
from export_world import HOSTILE, MANY, ExportCase, move_sh_to_other_zone, org_codes, people, wall, zone_of
from follow_up_cases import closed_event, schedule
from plugins.customers import service as customers
from plugins.visits import service
from plugins.visits.plan_rules import unit_today

BJ, SH = org_id_for_code("BJ"), org_id_for_code("SH")
CALLS = 10
LOW_SCORES = (3, 4, 6, 7)  # the calls answered with a poor score: each opens a corrective action


def _hostile_customers(ctx, actor, with_contacts: bool = True) -> list:
    with ctx.transaction() as session:
        ids = []
        for n, name in enumerate(HOSTILE):
            customer = customers.create_customer(session, actor, name=name, region=HOSTILE[-1 - n])
            if with_contacts:
                customers.add_contact(session, actor, customer.id, name=HOSTILE[(n + 1) % 5],
                                      phone=HOSTILE[(n + 2) % 5])
            ids.append(customer.id)
        return ids


def _answered_calls(ctx, admin) -> list:
    """Ten follow-up tasks, alternately BJ's and SH's, about hostile customers and engineers; four
    answered with a poor score (a hostile complaint each), one with a good score, one unanswered."""
    move_sh_to_other_zone(ctx)
    people(ctx, "BJ", "branch_manager", [HOSTILE[1]])
    people(ctx, "SH", "branch_manager", [HOSTILE[2]])
    engineers = people(ctx, "BJ", "field_engineer", HOSTILE[:3]) + people(ctx, "SH", "field_engineer", HOSTILE[3:])
    customer_ids = _hostile_customers(ctx, admin)
    calls = [schedule(ctx, closed_event(("BJ", "SH")[n % 2], customer_id=customer_ids[n % 5],
                                        engineer_id=engineers[n % 5].user_id, days_ago=1 + n * 0.7))
             for n in range(CALLS)]
    with ctx.transaction() as session:
        for n in LOW_SCORES:
            service.record_call(session, admin, calls[n], outcome="reached", hook=ctx.hook,
                                answers={"solved": True, "satisfaction": 1 + n % 2}, note=HOSTILE[n % 5])
        service.record_call(session, admin, calls[0], outcome="reached", hook=ctx.hook,
                            answers={"solved": True, "satisfaction": 5})
        service.record_call(session, admin, calls[1], outcome="no_answer", hook=ctx.hook)
    return calls


def build_follow_ups(ctx, admin) -> ExportCase:
    _answered_calls(ctx, admin)

    def moments(session):
        codes = org_codes(session)
        return [[(5, wall(c.closed_at, codes[c.org_id])), (6, wall(c.due_at, codes[c.org_id])),
                 (9, wall(c.called_at, codes[c.org_id]) if c.called_at else None), (13, zone_of(codes[c.org_id]).key)]
                for c in (line.call for line in service.list_call_lines(session, admin, None, MANY))]

    return ExportCase(lambda session, path, **kw: service.export_follow_ups(session, admin, path, state=None, **kw),
                      lambda session: len(service.list_call_lines(session, admin, None, MANY)), moments)


def build_corrective_actions(ctx, admin) -> ExportCase:
    _answered_calls(ctx, admin)
    with ctx.transaction() as session:
        first = service.corrective_lines(session, admin, limit=MANY)[0]
        service.close_corrective_action(session, admin, first.action.id, HOSTILE[0])

    def moments(session):
        codes = org_codes(session)
        return [[(6, wall(a.opened_at, codes[a.org_id])),
                 (9, wall(a.closed_at, codes[a.org_id]) if a.closed_at else None), (13, zone_of(codes[a.org_id]).key)]
                for a in (line.action for line in service.corrective_lines(session, admin, limit=MANY))]

    return ExportCase(lambda session, path, **kw: service.export_corrective_actions(session, admin, path, **kw),
                      lambda session: len(service.corrective_lines(session, admin, limit=MANY)), moments)


def sh_quarter(ctx) -> Period:
    with ctx.reading() as session:
        return Period.quarter_of(unit_today(session, SH))


def _sh_plan_with_actions(ctx, admin) -> str:
    """SH's plan for this quarter over hostile customers and visitors; the first visit recorded with
    hostile actions agreed at it, and one more, done."""
    move_sh_to_other_zone(ctx)
    (clerk,) = people(ctx, "SH", "hotline", ["SH clerk"])
    owners = people(ctx, "SH", "sales", HOSTILE[:3]) + people(ctx, "SH", "field_engineer", HOSTILE[3:])
    _hostile_customers(ctx, clerk, with_contacts=False)
    quarter = sh_quarter(ctx)
    with ctx.transaction() as session:
        service.generate_plan(session, admin, SH, quarter.label)
        visit = service.plan_lines(session, admin, SH, quarter.label)[0]
        service.record_visit(session, admin, visit.visit_id, visited_on=quarter.start, attendees=HOSTILE[0])
        for n, name in enumerate(HOSTILE):
            service.add_action(session, admin, visit.visit_id, text=name, owner_id=owners[n].user_id,
                               due_on=quarter.last_day - timedelta(days=n))
        done = service.add_action(session, admin, visit.visit_id, text="更换备用电源", owner_id=owners[0].user_id,
                                  due_on=quarter.last_day)
        service.complete_action(session, admin, done.id)
    return quarter.label


def build_plan_lines(ctx, admin) -> ExportCase:
    quarter = _sh_plan_with_actions(ctx, admin)
    return ExportCase(lambda session, path, **kw: service.export_plan_lines(session, admin, path, quarter=quarter,
                                                                            org_id=SH, **kw),
                      lambda session: len(service.plan_lines(session, admin, SH, quarter)))


def build_visit_actions(ctx, admin) -> ExportCase:
    """The actions tab (open ones); ``extra["all"]``: every action, the done one with its time."""
    quarter = _sh_plan_with_actions(ctx, admin)

    def moments(session):
        return [[(4, wall(a.done_at, "SH") if a.done_at else None)]
                for a in service.action_lines(session, admin, SH, quarter, open_only=False)]

    every = ExportCase(lambda session, path, **kw: service.export_visit_actions(
        session, admin, path, quarter=quarter, org_id=SH, open_only=False, **kw),
        lambda session: len(service.action_lines(session, admin, SH, quarter, open_only=False)), moments)
    return ExportCase(lambda session, path, **kw: service.export_visit_actions(session, admin, path, quarter=quarter,
                                                                               org_id=SH, **kw),
                      lambda session: len(service.action_lines(session, admin, SH, quarter)), extra={"all": every})


def build_inspections(ctx, admin) -> ExportCase:
    """BJ's inspections this quarter: one per hostile customer, each with a hostile engineer."""
    from inspection_support import ITEMS, LINE, current_quarter, today

    (clerk,) = people(ctx, "BJ", "hotline", ["BJ clerk"])
    engineers = people(ctx, "BJ", "field_engineer", HOSTILE)
    with ctx.transaction() as session:
        service.publish_checklist(session, admin, LINE, list(ITEMS))
    day, quarter = today(ctx), current_quarter(ctx).label
    customer_ids = _hostile_customers(ctx, clerk, with_contacts=False)
    with ctx.transaction() as session:
        for n, customer_id in enumerate(customer_ids):
            customers.create_asset(session, clerk, customer_id, serial_number=f"SN-X{n}", product_line=LINE,
                                   model="I620-G30", contract_end=day + timedelta(days=400))
            service.create_inspection_schedule(session, admin, customer_id, interval="quarterly", starts_on=day,
                                               engineer_id=engineers[n].user_id)
        service.generate_inspections(session, admin, BJ, quarter)
    return ExportCase(lambda session, path, **kw: service.export_inspections(session, admin, path, period=quarter,
                                                                             org_id=BJ, **kw),
                      lambda session: len(service.inspection_lines(session, admin, quarter, BJ)))


BUILDERS = {
    "follow-up calls": build_follow_ups, "corrective actions": build_corrective_actions,
    "visit plan": build_plan_lines, "visit actions": build_visit_actions, "inspections": build_inspections,
}
