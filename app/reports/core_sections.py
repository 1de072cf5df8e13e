"""The core's own rollup sheet: the network and its staff, per org unit."""

from __future__ import annotations

from sqlalchemy import func, select

from app.auth.models import User
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_scope
from app.specs import RollupSection


def network_section(ctx, org_code: str | None) -> RollupSection:
    tiers = {"hq": translate("Reports", "HQ"), "branch": translate("Reports", "Branch"),
             "partner": translate("Reports", "Partner")}
    with ctx.reading() as session:
        stmt = (select(OrgUnit.code, OrgUnit.name, OrgUnit.tier, OrgUnit.region, func.count(User.id))
                .outerjoin(User, (User.org_id == OrgUnit.id) & User.active & (User.username != "smoke"))
                .where(org_scope(ctx.actor, OrgUnit.id), OrgUnit.deleted_at.is_(None))
                .group_by(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.tier, OrgUnit.region, OrgUnit.path)
                .order_by(OrgUnit.path))
        if org_code:
            root = session.scalar(select(OrgUnit.path).where(OrgUnit.code == org_code.upper()))
            stmt = stmt.where(OrgUnit.path.startswith(root or "/none/"))
        rows = [(code, name, tiers[tier], region, staff) for code, name, tier, region, staff in session.execute(stmt)]
    return RollupSection(translate("Reports", "Network"),
                         [translate("Reports", "Org code"), translate("Reports", "Name"), translate("Reports", "Tier"),
                          translate("Reports", "Region"), translate("Reports", "Active staff")], rows)
