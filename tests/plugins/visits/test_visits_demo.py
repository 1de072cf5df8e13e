"""After ``demo`` every visits page has something real: this quarter's plan for every branch and
partner, visits made and actions agreed, follow-up calls for the closed cases, inspections and
corrective actions. Through the real demo generator at HQ."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.orgs.models import OrgUnit
from app.reports.period import Period
from demo_hq import demo_hq
from plugins.customers.service import Customer
from plugins.visits.plan_models import PlannedVisit, VisitAction, VisitPlan, VisitRecord
from plugins.visits.plan_rules import unit_today


@pytest.fixture(scope="module")
def demo_network(plugin_host, tmp_path_factory):
    ctx, _admin = demo_hq(plugin_host, tmp_path_factory.mktemp("visits-demo"), scale=300, seed=5)
    yield ctx
    ctx.engine.dispose()


def test_every_branch_and_partner_has_this_quarters_plan_covering_its_customers(demo_network):
    with demo_network.reading() as session:
        units = session.scalars(select(OrgUnit).where(OrgUnit.tier.in_(("branch", "partner")))).all()
        assert units
        for unit in units:
            quarter = Period.quarter_of(unit_today(session, unit.id)).label
            plan = session.scalar(select(VisitPlan).where(VisitPlan.org_id == unit.id, VisitPlan.quarter == quarter))
            assert plan is not None, unit.code
            planned = set(session.scalars(select(PlannedVisit.customer_id).where(PlannedVisit.plan_id == plan.id)))
            customers = set(session.scalars(select(Customer.id).where(Customer.org_id == unit.id,
                                                                      Customer.deleted_at.is_(None))))
            assert planned == customers, unit.code


def test_some_visits_are_made_with_records_and_actions(demo_network):
    with demo_network.reading() as session:
        states = dict(session.execute(select(PlannedVisit.state, func.count()).group_by(PlannedVisit.state)).all())
        records = session.scalar(select(func.count()).select_from(VisitRecord))
        actions = session.scalar(select(func.count()).select_from(VisitAction))
        done_actions = session.scalar(select(func.count()).select_from(VisitAction)
                                      .where(VisitAction.done_at.is_not(None)))
    assert states.get("planned", 0) > 0 and states.get("done", 0) == records > 0
    assert actions > 0 and 0 < done_actions < actions


def test_the_demo_has_follow_ups_inspections_and_corrective_actions(demo_network):
    from plugins.visits.call_models import CorrectiveAction
    from plugins.visits.inspection_models import Inspection
    from plugins.visits.models import FollowUpCall

    with demo_network.reading() as session:
        calls = dict(session.execute(select(FollowUpCall.state, func.count()).group_by(FollowUpCall.state)).all())
        inspections = dict(session.execute(select(Inspection.state, func.count()).group_by(Inspection.state)).all())
        open_actions = session.scalar(select(func.count()).select_from(CorrectiveAction)
                                      .where(CorrectiveAction.closed_at.is_(None)))
    assert calls.get("due", 0) > 0 and calls.get("done", 0) > 0
    assert inspections.get("planned", 0) > 0 and inspections.get("signed", 0) > 0
    assert open_actions > 0
