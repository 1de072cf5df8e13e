"""The tickets sheet of the HQ Excel rollup (no Qt): per org unit and month of the period,
tickets opened, closed, breached, and the mean hours from opening to resolution."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.i18n import translate
from app.orgs.models import OrgUnit
from app.reports.period import parse_period
from app.specs import RollupSection
from plugins.tickets.lifecycle import visible_ticket_clause
from plugins.tickets.models import Ticket
from plugins.tickets.permissions import VIEW

REPORT_ZONE = ZoneInfo("Asia/Shanghai")


def _months(start: date, end: date) -> list[tuple[str, datetime, datetime]]:
    months, cursor = [], start
    while cursor < end:
        following = date(cursor.year + (cursor.month == 12), cursor.month % 12 + 1, 1)
        months.append((cursor.strftime("%Y-%m"), datetime(cursor.year, cursor.month, 1, tzinfo=REPORT_ZONE),
                       datetime(following.year, following.month, 1, tzinfo=REPORT_ZONE)))
        cursor = following
    return months


def ticket_rollup(session, actor, period: str, org_code: str | None) -> list[tuple]:
    """Rows (org code, org name, month, opened, closed, breached, mean resolution hours)."""
    span = parse_period(period)
    scope = [visible_ticket_clause(actor), Ticket.deleted_at.is_(None)]
    if org_code:
        path = session.scalar(select(OrgUnit.path).where(OrgUnit.code == org_code.strip().upper()))
        scope.append(Ticket.org_id.in_(select(OrgUnit.id).where(OrgUnit.path.startswith(path or "/-none-/"))))
    figures: dict[tuple, dict] = defaultdict(lambda: {"opened": 0, "closed": 0, "breached": 0, "hours": []})
    for label, start, end in _months(span.start, span.end):
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


def rollup_sections(ctx, period: str, org_code: str | None) -> list[RollupSection]:
    actor = ctx.actor
    if actor is None or not actor.has(VIEW):
        return []
    with ctx.reading() as session:
        rows = ticket_rollup(session, actor, period, org_code)
    columns = [translate("Tickets", "Org code"), translate("Tickets", "Org unit"), translate("Tickets", "Month"),
               translate("Tickets", "Tickets opened"), translate("Tickets", "Tickets closed"),
               translate("Tickets", "Breached (of those opened)"), translate("Tickets", "Mean hours to resolution")]
    return [RollupSection(translate("Tickets", "Tickets by org unit and month"), columns, rows)]
