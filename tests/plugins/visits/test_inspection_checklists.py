"""Inspection checklists: HQ reference data in versions. Editing publishes a new version, an
inspection keeps the items it was done with, a branch may not edit, bad items are refused."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.errors import PermissionDenied, ValidationError
from inspection_support import ITEMS, LINE, all_ok, customer_with_machines, make_team, planned_inspection, publish, \
    sheet, today
from plugins.visits import service


@pytest.fixture
def team(ctx, make_actor):
    return make_team(ctx, make_actor)


def test_editing_publishes_a_new_version_and_an_inspection_keeps_its_own(ctx, team):
    first = publish(ctx, team.analyst)
    customer = customer_with_machines(ctx, team.clerk, "协和医院", [("SN-A1", LINE, None)])
    inspection = planned_inspection(ctx, team, customer)
    with ctx.transaction() as session:
        service.record_inspection_results(session, team.engineer, inspection, all_ok(sheet(ctx, team.engineer,
                                                                                         inspection)))
        service.complete_inspection(session, team.engineer, inspection, today(ctx))
    second = publish(ctx, team.analyst, items=[*ITEMS[:2], service.ItemSpec("BMC 固件版本核对")])
    assert second != first
    with ctx.reading() as session:
        rows = service.checklist_rows(session, team.engineer)
        old_items = [i.text for i in service.checklist_items(session, team.engineer, first)]
    assert [(r.product_line, r.version, r.items) for r in rows] == [(LINE, 2, 3)]
    assert old_items == [i.text for i in ITEMS]
    kept = sheet(ctx, team.engineer, inspection).machines[0]
    assert kept.checklist_version == 1 and [i.text for i in kept.items] == [i.text for i in ITEMS]
    assert all(i.outcome == "ok" for i in kept.items)


def test_only_hq_edits_checklists_and_the_page_says_why(ctx, team, make_actor):
    branch_analyst = make_actor(ctx, "analyst@BJ", roles=["hq_analyst"])
    for actor, reason in ((branch_analyst, "maintained at HQ"), (team.engineer, "")):
        with ctx.transaction() as session, pytest.raises(PermissionDenied) as refused:
            service.publish_checklist(session, actor, LINE, list(ITEMS))
        assert reason in str(refused.value)
    with ctx.reading() as session:
        edit = service.checklist_actions(session, branch_analyst)[0]
        assert (edit.enabled, "maintained at HQ" in edit.reason) == (False, True)
        assert service.checklist_actions(session, team.analyst)[0].enabled
        assert session.execute(text("SELECT COUNT(*) FROM visits_checklists")).scalar() == 0


BAD_CHECKLISTS = [
    [],
    [service.ItemSpec("  ")],
    [service.ItemSpec("风扇"), service.ItemSpec("风扇")],
    [service.ItemSpec("风扇", "check", "rpm")],
    [service.ItemSpec("温度", "measure", "°C", "30", "20")],
    [service.ItemSpec("温度", "measure", "°C", "low")],
    [service.ItemSpec("温度", "gauge")],
]


def test_bad_checklists_are_refused_and_nothing_is_published(ctx, team):
    for items in BAD_CHECKLISTS:
        with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
            service.publish_checklist(session, team.analyst, LINE, items)
        assert refused.value.field == "items" and str(refused.value), items
    with ctx.reading() as session:
        assert session.execute(text("SELECT COUNT(*) FROM visits_checklists")).scalar() == 0
        assert session.execute(text("SELECT COUNT(*) FROM visits_checklist_items")).scalar() == 0


def test_publishing_the_same_items_again_is_refused(ctx, team):
    publish(ctx, team.analyst)
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
        service.publish_checklist(session, team.analyst, LINE, list(ITEMS))
    assert "Version 1" in str(refused.value)
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
        service.publish_checklist(session, team.analyst, "  ", list(ITEMS))
    assert refused.value.field == "product_line"
