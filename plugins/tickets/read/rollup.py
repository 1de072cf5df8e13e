"""The tickets' figures per org unit for a period (the rollup's sheets and its Summary), each
unit's own work counted over the period's days on its own clock, so a branch's own rollup and
HQ's copy of it agree whoever reads them. Two queries whatever the number of units:

    tickets      one pass over the tickets with a moment in the period (deleted ones aside):
                 opened, per category and channel (the codes intake accepts); and, cancelled cases aside, closed; the mean
                 hours from the opening to the first response, the arrival on site and the
                 resolution, of those recorded in the period (whole seconds, so both databases
                 add up exactly the same); the commitments due in the period, met and owed
                 (``read/commitments.py``)
    escalations  cases the unit handed up in the period: to its branch, to HQ, to HQ's experts
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import BigInteger, and_, case, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from app.clock import utcnow
from app.db.types import UTCDateTime
from app.orgs.models import OrgUnit
from app.reports.period import Period
from app.reports.unit_windows import UnitWindow, in_window, unit_windows
from plugins.tickets.models import CATEGORIES, CHANNELS, MOMENTS, Escalation, Ticket
from plugins.tickets.read.commitments import COMMITMENTS, TARGETS, live

# What each mean time runs to from the opening, by the name the sheets use.
STEPS = {"respond": Ticket.responded_at, "arrive": Ticket.arrived_at, "resolve": Ticket.resolved_at}
ESCALATIONS = ("branch", "hq", "expert")


@dataclass
class UnitTickets:
    """One unit's figures; ``hours(step)`` over ``cases[step]`` gives the mean time."""

    opened: int = 0
    closed: int = 0
    by_category: Counter = field(default_factory=Counter)
    by_channel: Counter = field(default_factory=Counter)
    due: Counter = field(default_factory=Counter)       # target -> commitments decided in the period
    met: Counter = field(default_factory=Counter)       # target -> of those, met in time
    seconds: Counter = field(default_factory=Counter)   # step -> whole seconds from the opening, summed
    cases: Counter = field(default_factory=Counter)     # step -> cases those seconds are of
    escalated: Counter = field(default_factory=Counter)  # branch | hq | expert -> escalations

    def share_met(self, target: str) -> float | None:
        return self.met[target] / self.due[target] if self.due[target] else None

    def hours(self, step: str) -> float:
        return self.seconds[step] / 3600

    def mean_hours(self, step: str) -> float | None:
        return self.hours(step) / self.cases[step] if self.cases[step] else None


def unit_tickets(session: Session, org_ids: Sequence[uuid.UUID], period: Period,
                 now: datetime | None = None) -> dict[uuid.UUID, UnitTickets]:
    """Every unit of ``org_ids`` (the caller keeps them to what its reader may see), with zeros
    where nothing happened. ``now`` decides which commitments are past due."""
    figures = {org_id: UnitTickets() for org_id in org_ids}
    windows = unit_windows(session, org_ids, period)
    if windows:
        _tickets(session, windows, list(org_ids), now or utcnow(), figures)
        _escalations(session, windows, figures)
    return figures


def _tickets(session: Session, windows: list[UnitWindow], org_ids: list[uuid.UUID], now: datetime,
             figures: dict) -> None:
    """One pass over the tickets with any moment in the period, grouped by unit: each figure a
    conditional sum over them (one scan of the period's tickets, not one per figure)."""
    stmt, sums = tickets_statement(windows, org_ids, now)
    for org_id, *found in session.execute(stmt):
        unit, values = figures[org_id], {name: int(value or 0) for name, value in zip(sums, found)}
        unit.opened, unit.closed = values["opened"], values["closed"]
        unit.by_category.update({code: values[f"category.{code}"] for code in CATEGORIES})
        unit.by_channel.update({code: values[f"channel.{code}"] for code in CHANNELS})
        for step in STEPS:
            unit.cases[step], unit.seconds[step] = values[f"cases.{step}"], values[f"seconds.{step}"]
        for target in TARGETS:
            unit.due[target], unit.met[target] = values[f"due.{target}"], values[f"met.{target}"]


def tickets_statement(windows: list[UnitWindow], org_ids: list[uuid.UUID], now: datetime):
    """The query of ``_tickets`` and the names of its sums, in column order."""
    within = {name: _within(windows, column) for name, column in
              (("opened", Ticket.opened_at), ("closed", Ticket.closed_at), *STEPS.items(),
               *((target, COMMITMENTS[target].due) for target in TARGETS))}
    counted = live()
    sums = {"opened": _count(within["opened"]), "closed": _count(and_(counted, within["closed"]))}
    for code in CATEGORIES:
        sums[f"category.{code}"] = _count(and_(within["opened"], Ticket.category == code))
    for code in CHANNELS:
        sums[f"channel.{code}"] = _count(and_(within["opened"], Ticket.channel == code))
    for step, moment in STEPS.items():
        done = and_(counted, within[step])
        sums[f"cases.{step}"] = _count(done)
        sums[f"seconds.{step}"] = func.sum(case((done, _SecondsBetween(Ticket.opened_at, moment)), else_=0))
    for target in TARGETS:
        rule = COMMITMENTS[target]
        decided = and_(within[target], rule.owed(), rule.decided(now))
        sums[f"due.{target}"] = _count(decided)
        sums[f"met.{target}"] = _count(and_(decided, rule.met()))
    stmt = (select(Ticket.org_id, *(value.label(name.replace(".", "_")) for name, value in sums.items()))
            .where(Ticket.org_id.in_(org_ids), Ticket.deleted_at.is_(None), _alive_during(windows),
                   or_(*within.values()))
            .group_by(Ticket.org_id))
    return stmt, list(sums)


def _escalations(session: Session, windows: list[UnitWindow], figures: dict) -> None:
    """By the unit that handed the case up and the tier it went to; an expert consultation apart."""
    stmt = (select(Escalation.from_org_id, Escalation.kind, OrgUnit.tier, func.count())
            .join(OrgUnit, OrgUnit.id == Escalation.to_org_id)
            .where(Escalation.deleted_at.is_(None), in_window(windows, Escalation.from_org_id, Escalation.at))
            .group_by(Escalation.from_org_id, Escalation.kind, OrgUnit.tier))
    for org_id, kind, tier, count in session.execute(stmt):
        figures[org_id].escalated["expert" if kind == "expert" else tier] += count


def _within(windows: list[UnitWindow], moment):
    """``moment`` in its unit's window, for rows already kept to the windows' units: with every
    unit on one clock (the usual case) a plain range, not a test of the unit per figure and row."""
    if len(windows) == 1:
        return and_(moment >= windows[0].start, moment < windows[0].end)
    return in_window(windows, Ticket.org_id, moment)


def _alive_during(windows: list[UnitWindow]):
    """Implied by a moment in the windows (every moment is at or after the opening); stated so
    that PostgreSQL reads the cases through the index over their latest moment."""
    latest = _LatestMoment(*(getattr(Ticket, name) for name in MOMENTS))
    return and_(Ticket.opened_at < max(w.end for w in windows), latest >= min(w.start for w in windows))


def _count(condition):
    return func.sum(case((condition, 1), else_=0))


class _SecondsBetween(FunctionElement):
    """Whole seconds from the first moment to the second (each moment's fraction of a second
    dropped): an exact integer on either database, so a branch and HQ add up the same totals."""

    type = BigInteger()
    name = "seconds_between"
    inherit_cache = True


@compiles(_SecondsBetween)
def _seconds_postgresql(element, compiler, **kw):
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {end})) - FLOOR(EXTRACT(EPOCH FROM {start})) AS BIGINT)"


@compiles(_SecondsBetween, "sqlite")
def _seconds_sqlite(element, compiler, **kw):
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER))"


class _LatestMoment(FunctionElement):
    """The latest of a case's moments, NULLs passed over: on PostgreSQL the expression of
    the index ``ix_tickets_tickets_moments`` (``models.LATEST_MOMENT_SQL``)."""

    type = UTCDateTime()
    name = "latest_moment"
    inherit_cache = True


@compiles(_LatestMoment)
def _latest_postgresql(element, compiler, **kw):
    return "greatest(" + ", ".join(compiler.process(clause, **kw) for clause in element.clauses) + ")"


@compiles(_LatestMoment, "sqlite")
def _latest_sqlite(element, compiler, **kw):
    first, *others = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"max({first}, " + ", ".join(f"coalesce({c}, {first})" for c in others) + ")"
