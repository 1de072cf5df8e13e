"""Test data for the staff scorecard: people in BJ, SH and BJ-P01, and in one past quarter their
tickets, follow-up calls, visit plans, inspections and corrective actions, with cases on both
sides of every rule (met and missed, inside and outside the period on the unit's clock,
cancelled, waiting for the customer, withdrawn). Written as rows, so that the figures can be
checked against plain SQL over exactly these rows."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, text
from sqlalchemy.types import Uuid

from app.cli import system_actor_for
from app.clock import utcnow
from app.db.types import UTCDateTime
from app.ids import org_id_for_code
from app.reports.period import Period
from plugins.customers import service as customers
from plugins.tickets.models import Ticket, TicketEvent
from plugins.visits.call_models import CorrectiveAction
from plugins.visits.inspection_models import Inspection, InspectionSchedule
from plugins.visits.models import FollowUpCall
from plugins.visits.plan_models import PlannedVisit, VisitPlan

ZONE = ZoneInfo("Asia/Shanghai")
BJ, SH, PARTNER = org_id_for_code("BJ"), org_id_for_code("SH"), org_id_for_code("BJ-P01")
M, H, D = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


def past_quarter() -> Period:
    """The quarter before the current one: every due time in it has passed."""
    return Period.quarter_of(utcnow().astimezone(ZONE).date()).previous_quarter()


@dataclass
class Team:
    period: Period
    people: dict = field(default_factory=dict)   # login → Actor
    customers: dict = field(default_factory=dict)  # org id → [customer ids]

    def id(self, login: str):
        return self.people[login].user_id


def make_team(ctx, make_actor, names: dict | None = None) -> Team:
    """``names``: display names to give some people (e.g. hostile ones), by login."""
    team = Team(past_quarter())
    for login, roles in (("hot1@BJ", ["hotline"]), ("eng1@BJ", ["field_engineer"]), ("eng2@BJ", ["field_engineer"]),
                         ("fu1@BJ", ["followup"]), ("sales1@BJ", ["sales"]), ("mgr@BJ", ["branch_manager"]),
                         ("eng3@SH", ["field_engineer"]), ("fu2@SH", ["followup"]), ("eng4@BJ-P01", ["field_engineer"]),
                         ("analyst@HQ", ["hq_analyst"])):
        team.people[login] = make_actor(ctx, login, roles=roles)
    if names:
        rename(ctx, team, names)
    with ctx.transaction() as session:
        clerk = system_actor_for(ctx, session)
        for org, code in ((BJ, "BJ"), (SH, "SH"), (PARTNER, "BJ-P01")):
            team.customers[org] = [customers.create_customer(session, clerk, name=f"{code} 客户{i}", region="华北",
                                                             org_id=org).id for i in range(6)]
    return team


def rename(ctx, team: Team, names: dict) -> None:
    with ctx.transaction() as session:
        for login, name in names.items():
            session.execute(text("UPDATE core_users SET display_name = :name WHERE id = :id").bindparams(
                bindparam("id", type_=Uuid)), {"name": name, "id": team.id(login)})


_numbers = itertools.count(1)


def add_ticket(session, team: Team, org, opened_at: datetime, *, opened_by, responder=None, responded_at=None,
               engineer=None, arrived_at=None, resolved_at=None, closed_at=None, state="closed",
               minutes=(60, 240, 1440), paused_since=None, category="fault") -> Ticket:
    """A ticket on a 7×24 clock: each due time is the opening plus its target."""
    response, onsite, resolution = minutes
    number = f"T-{next(_numbers):06d}"
    ticket = Ticket(org_id=org, number=number, channel="hotline", customer_id=team.customers[org][0],
                    symptom="宕机", category=category, priority=2, state=state,
                    is_open=state not in ("closed", "archived", "cancelled"), engineer_id=engineer,
                    opened_at=opened_at, opened_by=opened_by, responded_at=responded_at, arrived_at=arrived_at,
                    resolved_at=resolved_at, closed_at=closed_at, clock="24x7", response_minutes=response,
                    onsite_minutes=onsite, resolution_minutes=resolution,
                    response_due_at=opened_at + timedelta(minutes=response),
                    onsite_due_at=opened_at + timedelta(minutes=onsite),
                    resolution_due_at=opened_at + timedelta(minutes=resolution), paused_since=paused_since,
                    paused_seconds=0, sla_marks="", breached=False)
    session.add(ticket)
    session.flush()
    session.add(TicketEvent(org_id=org, ticket_id=ticket.id, at=opened_at, actor_id=opened_by, kind="created",
                            to_state="new"))
    if responder is not None:
        session.add(TicketEvent(org_id=org, ticket_id=ticket.id, at=responded_at, actor_id=responder,
                                kind="diagnosis", from_state="new", to_state="diagnosing"))
    session.flush()
    return ticket


def add_call(session, ticket: Ticket, *, engineer, state, closed_at, due_at, called_by=None, called_at=None,
             satisfaction=None, solved=None, category="fault") -> FollowUpCall:
    call = FollowUpCall(org_id=ticket.org_id, ticket_id=ticket.id, ticket_number=ticket.number,
                        customer_id=ticket.customer_id, category=category, engineer_id=engineer, closed_at=closed_at,
                        due_at=due_at, state=state, attempts=1 if called_at else 0, solved=solved,
                        satisfaction=satisfaction, called_by=called_by, called_at=called_at)
    session.add(call)
    session.flush()
    return call


def seed_period(ctx, team: Team) -> None:
    """The past quarter's work (see the module's docstring); ``S``/``E``: the quarter's first and
    end moments on the units' clock (Asia/Shanghai), in UTC."""
    S, E = team.period.bounds_utc(ZONE)
    p = team.id
    with ctx.transaction() as session:
        t1 = add_ticket(session, team, BJ, S + D, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                        responded_at=S + D + 0.5 * H, engineer=p("eng1@BJ"), arrived_at=S + D + 3 * H,
                        resolved_at=S + D + 20 * H, closed_at=S + 2 * D)
        t2 = add_ticket(session, team, BJ, S + 2 * D, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                        responded_at=S + 2 * D + 2 * H, engineer=p("eng1@BJ"), arrived_at=S + 2 * D + 5 * H,
                        resolved_at=S + 3 * D + 6 * H, closed_at=S + 4 * D)
        add_ticket(session, team, BJ, S + 3 * D, opened_by=p("hot1@BJ"), state="new")  # nobody took it: missed
        add_ticket(session, team, BJ, S + 4 * D, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                   responded_at=S + 4 * D + 10 * M, resolved_at=S + 4 * D + 2 * H,
                   closed_at=S + 4 * D + 3 * H)  # solved remotely: handled by the hotline engineer
        add_ticket(session, team, BJ, E - 2 * H, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                   responded_at=E - 110 * M, engineer=p("eng2@BJ"), arrived_at=E + H, resolved_at=E + 3 * H,
                   closed_at=E + 4 * H)  # at the quarter's end: only the response falls in it
        add_ticket(session, team, BJ, S - 30 * H, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                   responded_at=S - 29 * H, engineer=p("eng1@BJ"), arrived_at=S - 27 * H, resolved_at=S - 2 * H,
                   closed_at=S - H)  # the day before the quarter on Beijing's clock (the same UTC date)
        t6 = add_ticket(session, team, SH, S + 10 * D, opened_by=p("eng3@SH"), responder=p("eng3@SH"),
                        responded_at=S + 10 * D + 0.2 * H, engineer=p("eng3@SH"), arrived_at=S + 10 * D + 2 * H,
                        resolved_at=S + 10 * D + 8 * H, closed_at=S + 11 * D)
        add_ticket(session, team, BJ, S + 12 * D, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                   responded_at=S + 12 * D + 0.1 * H, engineer=p("eng1@BJ"), state="cancelled")
        add_ticket(session, team, BJ, S + 13 * D, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                   responded_at=S + 13 * D + 0.1 * H, engineer=p("eng2@BJ"), state="waiting_for_customer",
                   paused_since=S + 13 * D + H)  # its clock stands still: on-site and resolution not yet due
        t9 = add_ticket(session, team, PARTNER, S + 20 * D, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                        responded_at=S + 20 * D + 0.3 * H, engineer=p("eng4@BJ-P01"), arrived_at=S + 20 * D + H,
                        resolved_at=S + 20 * D + 5 * H, closed_at=S + 20 * D + 6 * H)
        add_ticket(session, team, BJ, S + 21 * D, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                   responded_at=S + 21 * D + 0.1 * H, engineer=p("eng2@BJ"), arrived_at=S + 21 * D + 2 * H,
                   resolved_at=S + 21 * D + 4 * H, closed_at=S + 21 * D + 5 * H, minutes=(30, 0, 0))  # no targets

        fu1, fu2 = p("fu1@BJ"), p("fu2@SH")
        c2 = add_call(session, t2, engineer=p("eng1@BJ"), state="done", closed_at=t2.closed_at,
                      due_at=S + 6 * D, called_by=fu1, called_at=S + 7 * D, satisfaction=2, solved=False)
        add_call(session, t1, engineer=p("eng1@BJ"), state="done", closed_at=t1.closed_at, due_at=S + 4 * D,
                 called_by=fu1, called_at=S + 3 * D, satisfaction=5, solved=True)
        add_call(session, t6, engineer=p("eng3@SH"), state="done", closed_at=t6.closed_at, due_at=S + 13 * D,
                 called_by=fu2, called_at=S + 12 * D, satisfaction=4, solved=True, category="maintenance")
        add_call(session, t9, engineer=p("eng4@BJ-P01"), state="done", closed_at=t9.closed_at, due_at=S + 22 * D,
                 called_by=fu1, called_at=S + 21 * D, satisfaction=1, solved=False, category="quality_complaint")
        extra = [add_ticket(session, team, BJ, S + (30 + i) * D, opened_by=p("hot1@BJ"), responder=p("hot1@BJ"),
                            responded_at=S + (30 + i) * D + 0.1 * H, resolved_at=S + (30 + i) * D + H,
                            closed_at=S + (30 + i) * D + 2 * H) for i in range(5)]
        add_call(session, extra[0], engineer=None, state="unreachable", closed_at=extra[0].closed_at,
                 due_at=S + 33 * D, called_by=fu1, called_at=S + 32 * D)
        add_call(session, extra[1], engineer=None, state="due", closed_at=extra[1].closed_at,
                 due_at=S + 40 * D)  # overdue, and nobody's: the unit's
        add_call(session, extra[2], engineer=None, state="done", closed_at=extra[2].closed_at, due_at=S + 35 * D,
                 called_by=fu1, called_at=S + 34 * D, satisfaction=3, solved=None, category="consultation")
        add_call(session, extra[3], engineer=p("eng1@BJ"), state="done", closed_at=extra[3].closed_at,
                 due_at=E - 2 * D, called_by=fu1, called_at=E + H, satisfaction=1, solved=False)  # next quarter
        add_call(session, extra[4], engineer=p("eng1@BJ"), state="withdrawn", closed_at=extra[4].closed_at,
                 due_at=S + 36 * D)

        _plans(session, team)
        _inspections(session, team)
        _actions(session, team, c2, S, E)


def _plans(session, team: Team) -> None:
    p, bj = team.id, team.customers[BJ]
    plan = VisitPlan(org_id=BJ, quarter=team.period.label)
    later = VisitPlan(org_id=BJ, quarter=Period.quarter_of(team.period.end).label)
    session.add_all([plan, later])
    session.flush()
    for customer, assignee, state in ((bj[0], "sales1@BJ", "done"), (bj[1], "sales1@BJ", "done"),
                                      (bj[2], "sales1@BJ", "planned"), (bj[3], "sales1@BJ", "cancelled"),
                                      (bj[4], "eng1@BJ", "planned")):
        session.add(PlannedVisit(org_id=BJ, plan_id=plan.id, customer_id=customer, assignee_id=p(assignee),
                                 state=state))
    session.add(PlannedVisit(org_id=BJ, plan_id=later.id, customer_id=bj[0], assignee_id=p("sales1@BJ"), state="done"))
    session.flush()


def _inspections(session, team: Team) -> None:
    p, start = team.id, team.period.start
    schedule = InspectionSchedule(org_id=BJ, customer_id=team.customers[BJ][0], interval="quarterly",
                                  starts_on=start)
    session.add(schedule)
    session.flush()
    for due, done, engineer in ((start + timedelta(days=5), start + timedelta(days=6), "eng1@BJ"),
                                (start + timedelta(days=20), None, "eng1@BJ"),
                                (start + timedelta(days=15), start + timedelta(days=15), "eng2@BJ"),
                                (start - timedelta(days=1), start + timedelta(days=1), "eng2@BJ"),
                                (team.period.end, None, "eng2@BJ")):
        session.add(Inspection(org_id=BJ, schedule_id=schedule.id, customer_id=team.customers[BJ][0],
                               engineer_id=p(engineer), due_on=due, done_on=done,
                               state="done" if done else "planned"))
    session.flush()


def _actions(session, team: Team, call, S: datetime, E: datetime) -> None:
    p = team.id
    for engineer, opened, closed in ((p("eng1@BJ"), S + 8 * D, None), (p("eng1@BJ"), S + 9 * D, S + 10 * D),
                                     (p("eng1@BJ"), S + 9 * D, E + 2 * D), (None, S + 9 * D, None),
                                     (p("eng1@BJ"), E + D, None)):
        session.add(CorrectiveAction(org_id=BJ, call_id=call.id, ticket_id=call.ticket_id, engineer_id=engineer,
                                     owner_id=p("mgr@BJ"), satisfaction=2, due_on=opened.date() + timedelta(days=7),
                                     reason="回访不满意",
                                     opened_at=opened, closed_at=closed))
    session.flush()


def sql(session, statement: str, **params) -> list[tuple]:
    """Plain SQL over the test rows; ``start``/``end``/``now`` as stored moments, ids as UUIDs."""
    clause = text(statement)
    binds = [bindparam(name, type_=UTCDateTime) for name in ("start", "end", "now") if f":{name}" in statement]
    binds += [bindparam(name, type_=Uuid) for name, value in params.items() if hasattr(value, "hex")]
    binds += [bindparam(name, expanding=True, type_=Uuid) for name, value in params.items()
              if isinstance(value, (list, tuple))]
    return [tuple(as_uuid(v) for v in row) for row in session.execute(clause.bindparams(*binds), params)]


def as_uuid(value):
    """An id as SQLite hands it back (32 hex digits) or PostgreSQL (a UUID), as a UUID; other values as they are."""
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str) and len(value) == 32 and all(ch in "0123456789abcdef" for ch in value):
        return uuid.UUID(value)
    return value
