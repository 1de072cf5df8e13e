"""The core's own rollup sheet: the network and its staff, per org unit; both are figures of the
Summary too (each unit counts itself once, so a subtotal says how many units a tier has)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.auth.models import User
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_scope
from app.reports.summary import tier_label
from app.specs import Measure, RollupColumn, RollupSection, UnitFigure


def network_section(ctx, org_code: str | None) -> RollupSection:
    with ctx.reading() as session:
        stmt = (select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.tier, OrgUnit.region, func.count(User.id))
                .outerjoin(User, (User.org_id == OrgUnit.id) & User.active & User.deleted_at.is_(None)
                           & (User.username != "smoke"))
                .where(org_scope(ctx.actor, OrgUnit.id), OrgUnit.deleted_at.is_(None))
                .group_by(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.tier, OrgUnit.region, OrgUnit.path)
                .order_by(OrgUnit.path))
        if org_code:
            root = session.scalar(select(OrgUnit.path).where(OrgUnit.code == org_code.upper()))
            stmt = stmt.where(OrgUnit.path.startswith(root or "/none/"))
        found = session.execute(stmt).all()
    units = Measure("core.units", translate("Reports", "Org units"))
    staff = Measure("core.staff", translate("Reports", "Active staff"))
    return RollupSection(
        translate("Reports", "Network"),
        [RollupColumn(translate("Reports", "Org code")), RollupColumn(translate("Reports", "Name")),
         RollupColumn(translate("Reports", "Tier")), RollupColumn(translate("Reports", "Region")),
         RollupColumn(staff.label, "count")],
        [(code, name, tier_label(tier), region, count) for _id, code, name, tier, region, count in found],
        measures=[units, staff],
        figures=[figure for org_id, *_rest, count in found
                 for figure in (UnitFigure(units.code, org_id, 1), UnitFigure(staff.code, org_id, count))])
