"""The dashboards' door: the units one level below the chosen one with their whole subtree, the
unit's own work and its total, within what the reader may see — on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.errors import PermissionDenied
from app.ids import org_id_for_code
from app.reports.dashboard import CHILD, OWN, TOTAL, dashboard_figures
from app.reports.period import parse_period
from dashboard_figures import CASES, HOURS, MET, Commitments, Registered, expected

QUARTER = parse_period("2026Q3")


def figures_of(figures, code: str, kind: str = CHILD) -> dict:
    row = next(r for r in figures.rows if r.code == code and r.kind == kind)
    return {m.code: value for m, value in zip(figures.measures, row.values)}


def active_staff(ctx, path_prefix: str) -> int:
    with ctx.reading() as session:
        return session.execute(text(
            "SELECT count(*) FROM core_users u JOIN core_org_units o ON o.id = u.org_id "
            "WHERE u.active AND u.username <> 'smoke' AND o.path LIKE :prefix"), {"prefix": path_prefix + "%"}).scalar()


def test_hq_sees_each_branch_with_its_partners_its_own_work_and_the_total(ctx, make_actor):
    analyst = make_actor(ctx, "ana@HQ", roles=["hq_analyst"])
    make_actor(ctx, "eng@BJ-P01", roles=["field_engineer"])
    with Registered(ctx, Commitments()) as plugin:
        figures = dashboard_figures(ctx.signed_in(analyst), QUARTER)
    assert plugin.periods == [(QUARTER, "HQ")]
    assert figures.unit.code == "HQ" and figures.up_id is None
    assert [(r.kind, r.code) for r in figures.rows] == [(CHILD, "BJ"), (CHILD, "SH"), (OWN, "HQ"), (TOTAL, "HQ")]
    assert [r.code for r in figures.bars()] == ["BJ", "SH"]
    for code, kind, units in (("BJ", CHILD, ("BJ", "BJ-P01")), ("SH", CHILD, ("SH",)), ("HQ", OWN, ("HQ",)),
                              ("HQ", TOTAL, ("HQ", "BJ", "BJ-P01", "SH"))):
        shown = figures_of(figures, code, kind)
        met, cases, hours = expected(*units)
        assert shown[MET.code] == pytest.approx(met) and shown[CASES.code] == cases
        assert shown[HOURS.code] == pytest.approx(hours), (code, kind)
    staff = figures_of(figures, "BJ")["core.staff"]
    assert staff == active_staff(ctx, "/HQ/BJ/") == 1  # the partner's engineer counts for its branch
    assert {MET, CASES} <= set(figures.charted) and HOURS not in figures.charted  # the plugins' own too


def test_drilling_down_to_a_branch_shows_its_partners_and_the_way_up(ctx, make_actor):
    analyst = make_actor(ctx, "ana@HQ", roles=["hq_analyst"])
    with Registered(ctx, Commitments()):
        branch = dashboard_figures(ctx.signed_in(analyst), QUARTER, org_id_for_code("BJ"))
        partner = dashboard_figures(ctx.signed_in(analyst), QUARTER, org_id_for_code("BJ-P01"))
    assert [(r.kind, r.code) for r in branch.rows] == [(CHILD, "BJ-P01"), (OWN, "BJ"), (TOTAL, "BJ")]
    assert branch.up_id == org_id_for_code("HQ")
    assert figures_of(branch, "BJ-P01")[MET.code] == pytest.approx(expected("BJ-P01")[0])
    assert figures_of(branch, "BJ", OWN)[MET.code] == pytest.approx(expected("BJ")[0])
    assert partner.children == () and [r.code for r in partner.bars()] == ["BJ-P01"]
    assert partner.up_id == org_id_for_code("BJ")


def test_a_branch_manager_sees_their_branch_and_nothing_beside_or_above_it(ctx, make_actor):
    manager = make_actor(ctx, "boss@BJ", roles=["branch_manager"])
    hotline = make_actor(ctx, "hot@BJ", roles=["hotline"])
    with Registered(ctx, Commitments()):
        own = dashboard_figures(ctx.signed_in(manager), QUARTER)
        assert own.unit.code == "BJ" and own.up_id is None  # HQ is beyond the manager's sight
        assert [r.code for r in own.children] == ["BJ-P01"]
        with pytest.raises(PermissionDenied):
            dashboard_figures(ctx.signed_in(manager), QUARTER, org_id_for_code("SH"))
        with pytest.raises(PermissionDenied):
            dashboard_figures(ctx.signed_in(hotline), QUARTER)
