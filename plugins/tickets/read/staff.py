"""The tickets' figures for the staff scorecard (hook ``staff_figures``), one GROUP BY each,
counted over the period's days on each ticket's unit's clock.

    tickets.handled          cases closed in the period that the person resolved (count): the resolution's person
    tickets.response_met     first-response commitments due in the period: met (count) of due (base)
    tickets.onsite_met       on-site arrival commitments, the same
    tickets.resolution_met   resolution commitments, the same

Whose commitment: the first response is the person's who took the case into work (until someone
has, the hotline engineer's who logged it); the on-site arrival is the dispatched engineer's (a
case solved without a visit has none); the resolution is the dispatched engineer's, else the
person's who took the case into work. A commitment counts once its due time has passed or it
was met: a case still open past its due time is a miss; one waiting for the customer is not yet
due (its clock stands still). Cancelled cases and targets a package does not set count nowhere
(``read/commitments.py``: the rules, shared with the rollup's figures per unit).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.reports.period import Period
from app.reports.unit_windows import UnitWindow, in_window, unit_windows
from app.specs import StaffFigure, TicketClosed
from plugins.tickets.models import Ticket, TicketEvent
from plugins.tickets.read.commitments import COMMITMENTS, live

HANDLED = "tickets.handled"
MEASURES = {"response": "tickets.response_met", "onsite": "tickets.onsite_met",
            "resolution": "tickets.resolution_met"}


def staff_figures(session: Session, period: Period, org_ids: Iterable[uuid.UUID]) -> list[StaffFigure]:
    windows = unit_windows(session, list(org_ids), period)
    if not windows:
        return []
    figures = _handled(session, windows)
    for target in MEASURES:
        figures += _commitments(session, windows, target)
    return figures


def _handled(session: Session, windows: list[UnitWindow]) -> list[StaffFigure]:
    """Cases closed in the period, for whoever resolved them: the engineer on site, else the
    person who took the case into work (a remote resolution), else who logged it."""
    responder = responders()
    worker = func.coalesce(Ticket.engineer_id, responder.c.actor_id, Ticket.opened_by)
    stmt = (select(worker, Ticket.org_id, func.count()).select_from(Ticket)
            .outerjoin(responder, responder.c.ticket_id == Ticket.id)
            .where(live(), worker.is_not(None), in_window(windows, Ticket.org_id, Ticket.closed_at))
            .group_by(worker, Ticket.org_id))
    return [StaffFigure(HANDLED, user_id, org_id, int(count)) for user_id, org_id, count in session.execute(stmt)]


def responders():
    """Who took each case into work: the one move out of "new" that did not cancel it."""
    return (select(TicketEvent.ticket_id, TicketEvent.actor_id)
            .where(TicketEvent.from_state == "new", TicketEvent.to_state != "cancelled")
            .subquery("responder"))


def _commitments(session: Session, windows: list[UnitWindow], target: str) -> list[StaffFigure]:
    responder = responders()
    taken_by = func.coalesce(responder.c.actor_id, Ticket.opened_by)
    person = {"response": taken_by, "onsite": Ticket.engineer_id,
              "resolution": func.coalesce(Ticket.engineer_id, responder.c.actor_id, Ticket.opened_by)}[target]
    rule = COMMITMENTS[target]  # the rules the rollup counts per unit too
    stmt = (select(person.label("person"), Ticket.org_id, func.sum(case((rule.met(), 1), else_=0)), func.count())
            .select_from(Ticket).outerjoin(responder, responder.c.ticket_id == Ticket.id)
            .where(rule.owed(), in_window(windows, Ticket.org_id, rule.due), rule.decided(utcnow()),
                   person.is_not(None))
            .group_by(person, Ticket.org_id))
    return [StaffFigure(MEASURES[target], user_id, org_id, int(met or 0), int(base))
            for user_id, org_id, met, base in session.execute(stmt)]


def closed_cases(session: Session) -> list[TicketClosed]:
    """Every closed (or archived) case as ``ticket_closed`` announces it, in closing order; the
    person is the one who resolved it, as ``resolver_of`` names them (hook ``closed_cases``)."""
    responder = responders()
    worker = func.coalesce(Ticket.engineer_id, responder.c.actor_id, Ticket.opened_by)
    stmt = (select(Ticket.id, Ticket.number, Ticket.org_id, Ticket.customer_id, Ticket.closed_at, Ticket.category,
                   worker).select_from(Ticket).outerjoin(responder, responder.c.ticket_id == Ticket.id)
            .where(Ticket.deleted_at.is_(None), Ticket.state.in_(("closed", "archived")), Ticket.closed_at.is_not(None))
            .order_by(Ticket.closed_at, Ticket.number))
    return [TicketClosed(ticket_id, number, org_id, customer_id, closed_at, None, category=category,
                         engineer_id=person)
            for ticket_id, number, org_id, customer_id, closed_at, category, person in session.execute(stmt)]
