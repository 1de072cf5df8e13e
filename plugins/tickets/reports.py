"""The tickets sheet of the HQ Excel rollup (no Qt): per org unit and month of the period,
tickets opened, closed, breached, and the mean hours from opening to resolution."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from app.i18n import translate
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.reports.rollup import period_zone
from app.specs import RollupSection
from plugins.tickets.domain.lifecycle import visible_ticket_clause
from plugins.tickets.models import Ticket
from plugins.tickets.permissions import VIEW


def ticket_rollup(session, actor, period: Period, org_code: str | None) -> list[tuple]:
    """Rows (org code, org name, month, opened, closed, breached, mean resolution hours); months
    begin and end in the zone of the unit the rollup covers."""
    zone = period_zone(session, actor, org_code)
    scope = [visible_ticket_clause(actor), Ticket.deleted_at.is_(None)]
    if org_code:
        path = session.scalar(select(OrgUnit.path).where(OrgUnit.code == org_code.strip().upper()))
        scope.append(Ticket.org_id.in_(select(OrgUnit.id).where(OrgUnit.path.startswith(path or "/-none-/"))))
    figures: dict[tuple, dict] = defaultdict(lambda: {"opened": 0, "closed": 0, "breached": 0, "hours": []})
    for month in period.months():
        label, (start, end) = month.label, month.bounds_utc(zone)
        opened = select(Ticket.org_id, func.count(), func.sum(func.cast(Ticket.breached, type_=func.count().type)))
        for org_id, count, breached in session.execute(
                opened.where(*scope, Ticket.opened_at >= start, Ticket.opened_at < end).group_by(Ticket.org_id)):
            figures[(org_id, label)]["opened"] = count
            figures[(org_id, label)]["breached"] = int(breached or 0)
        for org_id, count in session.execute(
                select(Ticket.org_id, func.count()).where(*scope, Ticket.closed_at >= start, Ticket.closed_at < end)
                .group_by(Ticket.org_id)):
            figures[(org_id, label)]["closed"] = count
        for org_id, opened_at, resolved_at in session.execute(
                select(Ticket.org_id, Ticket.opened_at, Ticket.resolved_at)
                .where(*scope, Ticket.resolved_at >= start, Ticket.resolved_at < end)):
            figures[(org_id, label)]["hours"].append((resolved_at - opened_at).total_seconds() / 3600)
    units = {u.id: u for u in session.scalars(select(OrgUnit).where(OrgUnit.id.in_({k[0] for k in figures})))}
    rows = []
    for (org_id, label), f in sorted(figures.items(), key=lambda item: (units[item[0][0]].path, item[0][1])):
        mean = round(sum(f["hours"]) / len(f["hours"]), 1) if f["hours"] else None
        rows.append((units[org_id].code, units[org_id].name, label, f["opened"], f["closed"], f["breached"], mean))
    return rows


def rollup_sections(ctx, period: Period, org_code: str | None) -> list[RollupSection]:
    actor = ctx.actor
    if actor is None or not actor.has(VIEW):
        return []
    with ctx.reading() as session:
        rows = ticket_rollup(session, actor, period, org_code)
    columns = [translate("Tickets", "Org code"), translate("Tickets", "Org unit"), translate("Tickets", "Month"),
               translate("Tickets", "Tickets opened"), translate("Tickets", "Tickets closed"),
               translate("Tickets", "Breached (of those opened)"), translate("Tickets", "Mean hours to resolution")]
    return [RollupSection(translate("Tickets", "Tickets by org unit and month"), columns, rows)]
