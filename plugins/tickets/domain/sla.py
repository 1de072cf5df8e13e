"""Response-time commitments: due times for first response, on-site arrival and resolution,
counted in the ticket's clock (7×24 or the org unit's business hours), with the time spent
waiting for the customer left out. 75 % of a target records a warning, 100 % a breach, each
once per target, on the timeline."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.calendars import Calendar, add_business_time, business_seconds_between, calendar_for
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.sync.ownership import owned_org_ids
from plugins.customers.service import ServicePackage
from plugins.tickets.domain.events import record_event
from plugins.tickets.models import SLA_TARGETS, Ticket

WARNING_SHARE = 0.75
DUE_COLUMNS = {"response": "response_due_at", "onsite": "onsite_due_at", "resolution": "resolution_due_at"}
MINUTE_COLUMNS = {"response": "response_minutes", "onsite": "onsite_minutes", "resolution": "resolution_minutes"}


def target_label(target: str) -> str:
    return {"response": translate("Tickets", "first response"),
            "onsite": translate("Tickets", "on-site arrival"),
            "resolution": translate("Tickets", "resolution")}[target]


def ticket_calendar(session: Session, ticket: Ticket) -> Calendar:
    calendar = calendar_for(session, session.get(OrgUnit, ticket.org_id))
    return calendar.with_mode("24x7") if ticket.clock == "24x7" else calendar


def apply_package(ticket: Ticket, package: ServicePackage) -> None:
    ticket.clock = "24x7" if package.coverage == "24x7" else "business"
    ticket.response_minutes = package.response_minutes
    ticket.onsite_minutes = package.onsite_minutes
    ticket.resolution_minutes = package.resolution_minutes


def met_at(ticket: Ticket, target: str) -> datetime | None:
    """When the target was met. A case solved without a visit needs no visit."""
    if target == "response":
        return ticket.responded_at
    if target == "onsite":
        return ticket.arrived_at or (ticket.resolved_at if ticket.engineer_id is None else None)
    return ticket.resolved_at


def elapsed_seconds(ticket: Ticket, at: datetime, calendar: Calendar) -> float:
    """Clock time from opening to ``at``, without the time spent waiting for the customer."""
    paused = ticket.paused_seconds or 0
    if ticket.paused_since is not None and at > ticket.paused_since:
        paused += business_seconds_between(ticket.paused_since, at, calendar)
    return business_seconds_between(ticket.opened_at, at, calendar) - paused


def _moment(ticket: Ticket, share: float, target: str, calendar: Calendar) -> datetime:
    seconds = share * 60 * getattr(ticket, MINUTE_COLUMNS[target]) + (ticket.paused_seconds or 0)
    return add_business_time(ticket.opened_at, seconds, calendar)


def _marks(ticket: Ticket) -> set[str]:
    return set((ticket.sla_marks or "").split())


def refresh_due_times(session: Session | None, ticket, calendar: Calendar | None = None) -> None:
    """Recompute the due times, the queue's sort key and when the sweep must look next.
    ``ticket`` may be any object with the Ticket's clock fields (the demo passes plain ones)."""
    calendar = calendar or ticket_calendar(session, ticket)
    marks, unmet_due, checks = _marks(ticket), [], []
    for target in SLA_TARGETS:
        due = _moment(ticket, 1.0, target, calendar)
        setattr(ticket, DUE_COLUMNS[target], due)
        if met_at(ticket, target) is not None:
            continue
        unmet_due.append(due)
        if f"{target}.warning" not in marks:
            checks.append(_moment(ticket, WARNING_SHARE, target, calendar))
        elif f"{target}.breach" not in marks:
            checks.append(due)
    ticket.next_due_at = min(unmet_due) if ticket.is_open and unmet_due else None
    running = ticket.is_open and ticket.paused_since is None
    ticket.next_sla_check_at = min(checks) if running and checks else None


def new_marks(ticket, now: datetime, calendar: Calendar) -> list[tuple[str, str]]:
    """The (target, "warning" | "breach") marks reached by ``now`` and not yet on record.
    Warnings only for targets still unmet; a breach implies its warning."""
    marks, found = _marks(ticket), []
    for target in SLA_TARGETS:
        target_seconds = 60 * getattr(ticket, MINUTE_COLUMNS[target])
        done = met_at(ticket, target)
        at = min(now, done) if done else now
        share = elapsed_seconds(ticket, at, calendar) / target_seconds if target_seconds else 0.0
        if share >= 1.0 and f"{target}.breach" not in marks:
            found.append((target, "breach"))
        elif share >= WARNING_SHARE and done is None and f"{target}.warning" not in marks:
            found.append((target, "warning"))
    return found


def mark_text(target: str, kind: str) -> str:
    if kind == "breach":
        return translate("Tickets", "The {target} target was missed.").format(target=target_label(target))
    return translate("Tickets", "75 % of the {target} time is used up.").format(target=target_label(target))


def apply_marks(ticket, found: list[tuple[str, str]]) -> None:
    marks = _marks(ticket)
    for target, kind in found:
        marks |= {f"{target}.warning", f"{target}.breach"} if kind == "breach" else {f"{target}.warning"}
        ticket.breached = ticket.breached or kind == "breach"
    ticket.sla_marks = " ".join(sorted(marks))


def check_ticket(session: Session, ticket: Ticket, now: datetime | None = None) -> list[str]:
    """Record the warnings and breaches due by ``now`` that are not on record yet."""
    now = now or utcnow()
    if ticket.state in ("cancelled", "archived"):
        ticket.next_due_at = ticket.next_sla_check_at = None  # nothing left to watch
        return []
    calendar = ticket_calendar(session, ticket)
    found = new_marks(ticket, now, calendar)
    for target, kind in found:
        record_event(session, ticket, None, f"sla_{kind}", {"target": target}, at=now)
    apply_marks(ticket, found)
    refresh_due_times(session, ticket, calendar)
    return [f"{target}.{kind}" for target, kind in found]


def sweep(session: Session, now: datetime | None = None, batch: int = 2000) -> int:
    """Run periodically: check every ticket whose next 75 %/100 % mark has passed. Reads only
    those rows (indexed ``next_sla_check_at``), so it is cheap however many tickets exist.
    Only tickets this node owns: HQ holds copies of its branches' tickets, and their marks are
    the branches' to write (they arrive with the next push).
    Returns how many warnings and breaches it recorded."""
    now = now or utcnow()
    owned = owned_org_ids(session)
    recorded = 0
    while owned:
        # skip_locked: two workstations sweeping at once never record the same mark twice (PostgreSQL;
        # SQLite serialises writers anyway and ignores the clause).
        stmt = (select(Ticket).where(Ticket.next_sla_check_at <= now, Ticket.deleted_at.is_(None),
                                     Ticket.org_id.in_(owned))
                .order_by(Ticket.next_sla_check_at).limit(batch).with_for_update(skip_locked=True))
        tickets = session.scalars(stmt).all()
        for ticket in tickets:  # each check moves next_sla_check_at past ``now`` (or clears it)
            recorded += len(check_ticket(session, ticket, now))
            if ticket.next_sla_check_at is not None and ticket.next_sla_check_at <= now:
                # a mark a rounding error short of its moment: look again shortly, never loop here
                ticket.next_sla_check_at = now + timedelta(minutes=1)
        session.flush()
        if len(tickets) < batch:
            break
    return recorded
