"""The demo's inspections, on a network made by the real demo generator: schedules for some
customers, this quarter's inspections, some planned and some done with results, and two signed
whose fault opened a ticket; ``demo --reference`` brings HQ's standard checklists only."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from sqlalchemy import func, select

from app.auth.models import Role, User
from app.auth.roles import FIELD_ENGINEER
from app.orgs.models import OrgUnit
from app.specs import DemoContext
from demo_hq import demo_hq
from plugins.tickets.models import Ticket
from plugins.visits import service
from plugins.visits.checklist_defaults import DEFAULT_CHECKLISTS
from plugins.visits.inspection_demo import generate_inspections
from plugins.visits.inspection_models import (Checklist, Inspection, InspectionFinding, InspectionResult,
                                              InspectionSchedule)


@pytest.fixture(scope="module")
def demo_network(plugin_host, tmp_path_factory):
    ctx, admin = demo_hq(plugin_host, tmp_path_factory.mktemp("inspection-demo"), scale=300, seed=7)
    yield ctx, admin  # the visits demo made the inspections
    ctx.engine.dispose()


def test_running_the_inspection_demo_again_keeps_what_a_unit_has(demo_network):
    ctx, _admin = demo_network

    def per_unit(session):
        return Counter(session.scalars(select(Inspection.org_id).where(Inspection.deleted_at.is_(None))))

    with ctx.reading() as session:
        before = per_unit(session)
    with ctx.transaction() as session:
        engineers = session.scalars(select(User).where(User.roles.any(Role.code == FIELD_ENGINEER))).all()
        generate_inspections(DemoContext(session=session, rng=random.Random(7), scale=300,
                                         org_units=list(session.scalars(select(OrgUnit))),
                                         staff={FIELD_ENGINEER: list(engineers)}, hook=ctx.hook))
        after = per_unit(session)
        session.rollback()  # leave the module's network as the demo made it
    assert before and all(after[org] == count for org, count in before.items())


def test_the_demo_has_schedules_and_this_quarters_inspections_planned_done_and_signed(demo_network):
    ctx, admin = demo_network
    with ctx.reading() as session:
        schedules = session.scalar(select(func.count()).select_from(InspectionSchedule))
        states = Counter(session.scalars(select(Inspection.state).where(Inspection.deleted_at.is_(None))))
        done = session.scalars(select(Inspection).where(Inspection.state != "planned")).all()
        results = Counter(session.scalars(select(InspectionResult.inspection_id)))
        faults = session.scalars(select(InspectionFinding).where(InspectionFinding.kind == "fault")).all()
        tickets = {t.id: t for t in session.scalars(select(Ticket).where(Ticket.id.in_([f.ticket_id for f in faults])))}
        signed = [i for i in done if i.state == "signed"]
        reports = [service.inspection_report_document(session, admin, i.id) for i in signed]
        lines = sorted(session.scalars(select(Checklist.product_line)))
    assert schedules > 0 and states["planned"] > 0 and states["done"] > 0 and states["signed"] == 2
    assert all(results[i.id] > 0 for i in done)
    assert {f.inspection_id for f in faults} == {i.id for i in signed}
    assert all(tickets[f.ticket_id].number == f.ticket_number and tickets[f.ticket_id].category == "fault"
               for f in faults)
    assert all(r["faults"] and r["signer_name"] and r["signature_png"] for r in reports)
    assert lines == sorted(DEFAULT_CHECKLISTS)


def test_the_reference_demo_brings_the_standard_checklists_only(ctx):
    with ctx.transaction() as session:
        generate_inspections(DemoContext(session=session, rng=None, scale=0, org_units=[], staff={}, hook=ctx.hook,
                                         reference_only=True))
        generate_inspections(DemoContext(session=session, rng=None, scale=0, org_units=[], staff={}, hook=ctx.hook,
                                         reference_only=True))
    with ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(Checklist)) == len(DEFAULT_CHECKLISTS)
        assert session.scalar(select(func.count()).select_from(InspectionSchedule)) == 0
