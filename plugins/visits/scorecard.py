"""The staff scorecard (考核): per person and period, the figures the evaluation rests on, the
overall score HQ's weights make of them, and the same rolled up per unit.

The figures come from the tickets plugin through the hook ``staff_figures`` (tickets handled,
commitments met) and from this plugin's own records (``scorecard_queries``). The people shown
are the evaluated staff of the units chosen (hotline and field engineers, follow-up specialists,
salespeople) and anyone else with a figure there. A person's figures roll up into the unit they
belong to (their home unit, or the unit whose records they are when that one is outside the
choice); the unit's own figures without a person (see ``scorecard_queries``) roll up with them.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import Role, User
from app.auth.roles import FIELD_ENGINEER, FOLLOWUP, HOTLINE, SALES
from app.clock import utcnow
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_filter_ids, visible_org_ids
from app.reports.period import Period
from app.reports.unit_windows import unit_windows
from plugins.visits.scorecard_queries import Figure, visits_figures
from plugins.visits.scorecard_weights import (MEASURES, Figures, formula_text, overall_score, read_weights,
                                              total_of)

EVALUATED_ROLES = (HOTLINE, FIELD_ENGINEER, FOLLOWUP, SALES)


@dataclass(frozen=True)
class PersonLine:
    user_id: uuid.UUID
    name: str
    org_id: uuid.UUID
    unit: str
    figures: Figures
    score: float | None


@dataclass(frozen=True)
class UnitLine:
    """A unit's own figures (its people and its records without a person) and its subtree's
    (with the chosen units below it)."""

    org_id: uuid.UUID
    code: str
    name: str
    depth: int
    own: Figures
    subtree: Figures
    own_score: float | None
    subtree_score: float | None


@dataclass(frozen=True)
class Scorecard:
    period: Period
    people: list[PersonLine]
    units: list[UnitLine]
    total: Figures
    total_score: float | None
    weights: dict[str, int]
    formula: str


def chosen_units(session: Session, actor: Actor, org_id: uuid.UUID | None, subtree: bool) -> list[OrgUnit]:
    """The units the scorecard covers: ``org_id`` (and below it), or all the actor sees."""
    ids = visible_org_ids(actor) if org_id is None else org_filter_ids(session, actor, org_id, subtree)
    units = session.scalars(select(OrgUnit).where(OrgUnit.id.in_(ids), OrgUnit.deleted_at.is_(None)))
    return sorted(units, key=lambda u: u.path.strip("/").split("/"))


def build_scorecard(session: Session, actor: Actor, period: Period, *, org_id: uuid.UUID | None = None,
                    subtree: bool = True, hook) -> Scorecard:
    units = chosen_units(session, actor, org_id, subtree)
    figures = collect_figures(session, units, period, hook)
    weights = read_weights(session)
    people = _people(session, units, figures, weights)
    own = _unit_figures(units, people, figures)
    top = min((u.path.count("/") for u in units), default=0)
    lines = []
    for unit in units:
        below = total_of(own[u.id] for u in units if u.path.startswith(unit.path))
        lines.append(UnitLine(unit.id, unit.code, unit.name, unit.path.count("/") - top, own[unit.id], below,
                              overall_score(own[unit.id], weights), overall_score(below, weights)))
    total = total_of(own.values())
    return Scorecard(period, people, lines, total, overall_score(total, weights), weights, formula_text(weights))


def collect_figures(session: Session, units: list[OrgUnit], period: Period, hook) -> list[Figure]:
    """Every figure of the period in ``units``: the other plugins' (hook) and the visits' own."""
    org_ids = [u.id for u in units]
    if not org_ids:
        return []
    chosen = set(org_ids)
    answers = hook.staff_figures(session=session, period=period, org_ids=org_ids)
    figures = [Figure(f.measure, f.user_id, f.org_id, int(f.count), f.base)
               for group in answers for f in (group or ()) if f.measure in MEASURES and f.org_id in chosen]
    return figures + visits_figures(session, unit_windows(session, org_ids, period), period, utcnow())


def _people(session: Session, units: list[OrgUnit], figures: list[Figure], weights) -> list[PersonLine]:
    staff = select(User.id).where(User.org_id.in_([u.id for u in units]), User.active, User.deleted_at.is_(None),
                                  User.roles.any(Role.code.in_(EVALUATED_ROLES)))
    ids = set(session.scalars(staff)) | {f.user_id for f in figures if f.user_id is not None}
    name = func.coalesce(func.nullif(User.display_name, ""), User.username)
    found = {user_id: (person, home) for user_id, person, home in session.execute(
        select(User.id, name, User.org_id).where(User.id.in_(ids)))} if ids else {}
    unit_names = {u.id: u.name for u in units}
    missing = {home for _, home in found.values()} - set(unit_names)
    if missing:
        unit_names.update(session.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(missing))).all())
    per_person: dict[uuid.UUID, Figures] = defaultdict(Figures)
    for f in figures:
        if f.user_id is not None:
            per_person[f.user_id].add(f.measure, f.count, f.base)
    unknown = translate("Visits", "(unknown user)")
    lines = []
    for user_id in ids:
        person, home = found.get(user_id, (unknown, None))
        mine = per_person.get(user_id, Figures())
        lines.append(PersonLine(user_id, person, home, unit_names.get(home, ""), mine, overall_score(mine, weights)))
    return sorted(lines, key=lambda p: (p.unit, p.name, str(p.user_id)))


def _unit_figures(units: list[OrgUnit], people: list[PersonLine], figures: list[Figure]) -> dict[uuid.UUID, Figures]:
    own = {u.id: Figures() for u in units}
    home = {p.user_id: p.org_id for p in people}
    for f in figures:
        unit = home.get(f.user_id) if f.user_id is not None else None
        own[unit if unit in own else f.org_id].add(f.measure, f.count, f.base)
    return own
