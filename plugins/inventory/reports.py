"""The inventory sheets of the HQ Excel rollup (no Qt), for a reader the door let in."""

from __future__ import annotations

from sqlalchemy import select

from app.i18n import translate
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.reports.rollup import period_zone
from app.specs import RollupSection
from plugins.inventory import part_requests, stock


def rollup_sections(ctx, period: Period, org_code: str | None) -> list[RollupSection]:
    actor = ctx.actor
    with ctx.reading() as session:
        org_path = None
        if org_code:
            org_path = session.scalar(select(OrgUnit.path).where(OrgUnit.code == org_code.strip().upper()))
        zone = period_zone(session, actor, org_code)
        by_depot = part_requests.hit_rates(session, actor, period, "depot", org_path, zone=zone)
        by_org = part_requests.hit_rates(session, actor, period, "org", org_path, zone=zone)
        per_depot, _ = stock.stock_value(session, actor, org_path)
    columns = [translate("Inventory", "Code"), translate("Inventory", "Name"), translate("Inventory", "Requests"),
               translate("Inventory", "Hits"), translate("Inventory", "Hit rate")]

    def rows(rates):
        return [(r.code, r.name, r.requests, r.hits, None if r.rate is None else round(r.rate, 4)) for r in rates]

    return [
        RollupSection(translate("Inventory", "Spare hit rate by depot"), columns, rows(by_depot)),
        RollupSection(translate("Inventory", "Spare hit rate by org unit"), columns, rows(by_org)),
        RollupSection(translate("Inventory", "Stock value by depot"),
                      [translate("Inventory", "Depot"), translate("Inventory", "Org unit"),
                       translate("Inventory", "Value (CNY)")], per_depot),
    ]
