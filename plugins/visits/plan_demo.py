"""Demo rows for the quarterly visits: this quarter's plan for every branch and partner that has
customers and people to visit them, about half of the visits already made with what was said,
and actions agreed at some of them (a few done). Written through the plan's own rules, so the
demo's plans are ones a user could have made. Deterministic for a seed."""

from __future__ import annotations

import itertools
from datetime import timedelta

from sqlalchemy import select

from app.auth.actor import SCOPE_SUBTREE, system_actor
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.specs import DemoContext
from plugins.visits.plan_models import PlannedVisit
from plugins.visits.permissions import PLAN, RECORD_VISIT
from plugins.visits.plan_rules import unit_today, visiting_people
from plugins.visits.plans import generate_plan
from plugins.visits.visit_records import add_action, complete_action, record_visit

DONE_SHARE = 0.5     # of this quarter's visits, already made by the demo's today
ACTION_SHARE = 0.4   # of the visits made, with an action agreed
DONE_EVERY = 3       # every third action agreed is done already
FEEDBACK = ("设备运行稳定，对产品质量满意", "希望缩短备件到货时间", "工程师响应及时，态度专业",
            "建议提供存储扩容方案", "机房温度偏高，需关注散热")
ACTIONS = ("提供存储扩容方案报价", "安排固件升级窗口", "复核备件库存并回复客户", "组织一次运维培训")


def generate_plans(demo: DemoContext) -> None:
    if demo.reference_only:
        return
    session, rng = demo.session, demo.rng
    top = session.scalar(select(OrgUnit).where(OrgUnit.parent_id.is_(None))) or demo.org_units[0]
    planner = system_actor(top, frozenset({SCOPE_SUBTREE, PLAN, RECORD_VISIT}))
    units = [u for u in demo.org_units if u.tier in ("branch", "partner")]
    agreed = itertools.count()  # actions agreed so far, over all units
    for index, unit in enumerate(units):
        if demo.cancelled():
            return
        if visiting_people(session, unit.id):
            _plan_unit(demo, planner, unit, rng, agreed)
        demo.progress(translate("Visits", "Visit plans"), (index + 1) / len(units))


def _plan_unit(demo: DemoContext, planner, unit: OrgUnit, rng, agreed) -> None:
    session = demo.session
    today = unit_today(session, unit.id)
    quarter = Period.quarter_of(today)
    outcome = generate_plan(session, planner, unit.id, quarter.label)
    if not outcome.added:
        return
    visits = session.scalars(select(PlannedVisit).where(PlannedVisit.plan_id == outcome.plan_id)
                             .order_by(PlannedVisit.customer_id)).all()
    days_so_far = (today - quarter.start).days
    for visit in visits:
        if rng.random() >= DONE_SHARE:
            continue
        visited_on = quarter.start + timedelta(days=rng.randrange(days_so_far + 1))
        record_visit(session, planner, visit.id, visited_on=visited_on, attendees="客户信息中心主任、运维工程师",
                     quality_feedback=rng.choice(FEEDBACK), service_feedback=rng.choice(FEEDBACK),
                     opinions=rng.choice(FEEDBACK))
        if rng.random() < ACTION_SHARE:
            action = add_action(session, planner, visit.id, text=rng.choice(ACTIONS), owner_id=visit.assignee_id,
                                due_on=today + timedelta(days=rng.randrange(-10, 30)))
            if next(agreed) % DONE_EVERY == 2:
                complete_action(session, planner, action.id)
