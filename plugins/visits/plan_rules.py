"""What every visit plan operation checks: the quarter, the unit, who may be assigned, the visit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import Role, User
from app.auth.roles import FIELD_ENGINEER, SALES
from app.clock import utcnow
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from app.orgs.scope import org_scope
from app.reports.period import Period, parse_period
from app.user_values import parse_text
from app.sync.ownership import owned_org_ids
from plugins.visits.plan_models import PlannedVisit, VisitPlan

VISITING_ROLES = (SALES, FIELD_ENGINEER)
_OWNED_KEY = "visits.owned_org_ids"


@dataclass(frozen=True)
class Person:
    id: uuid.UUID
    name: str


def parse_quarter(text: str) -> Period:
    """A plan's quarter as typed (``2026Q3``); anything but one whole quarter is refused."""
    try:
        period = parse_period(text)
    except ValidationError as exc:
        raise ValidationError(str(exc), field="quarter") from None
    quarter = Period.quarter_of(period.start)
    if (period.start, period.end) != (quarter.start, quarter.end):
        raise ValidationError(translate("Visits", "A visit plan covers one quarter, such as 2026Q3."),
                              field="quarter")
    return quarter



def written_here(session: Session, org_id: uuid.UUID) -> bool:
    """Whether this installation writes the unit's rows (asked once per session)."""
    owned = session.info.get(_OWNED_KEY)
    if owned is None:
        owned = session.info[_OWNED_KEY] = frozenset(owned_org_ids(session))
    return org_id in owned


def ensure_written_here(session: Session, org_id: uuid.UUID) -> None:
    """A unit with its own database plans there: a plan changed in a copy would never reach it."""
    if not written_here(session, org_id):
        unit = session.get(OrgUnit, org_id)
        raise PermissionDenied(translate("Visits", "Only {unit} can change its visits: it keeps them in its own "
                                                   "database.").format(unit=unit.name if unit else org_id))


def people_of(session: Session, org_id: uuid.UUID, roles: tuple[str, ...] | None = None) -> list[Person]:
    """Active users of the unit (with one of ``roles`` when given), by name."""
    stmt = select(User).where(User.org_id == org_id, User.active, User.deleted_at.is_(None))
    if roles is not None:
        stmt = stmt.where(User.roles.any(Role.code.in_(roles)))
    people = [Person(u.id, u.display_name or u.username) for u in session.scalars(stmt)]
    return sorted(people, key=lambda p: (p.name, str(p.id)))


def visiting_people(session: Session, org_id: uuid.UUID) -> list[Person]:
    return people_of(session, org_id, VISITING_ROLES)


def plan_of(session: Session, org_id: uuid.UUID, quarter: Period) -> VisitPlan | None:
    return session.scalar(select(VisitPlan).where(VisitPlan.org_id == org_id, VisitPlan.quarter == quarter.label,
                                                  VisitPlan.deleted_at.is_(None)))


def visit_for_change(session: Session, actor: Actor, visit_id: uuid.UUID) -> tuple[PlannedVisit, Period]:
    """The visit (in the actor's scope, written here) and its plan's quarter."""
    visit = session.scalar(select(PlannedVisit).where(PlannedVisit.id == visit_id, PlannedVisit.deleted_at.is_(None),
                                                      org_scope(actor, PlannedVisit.org_id)))
    if visit is None:
        raise NotFound(translate("Visits", "No such visit."))
    ensure_written_here(session, visit.org_id)
    plan = session.get(VisitPlan, visit.plan_id)
    return visit, parse_quarter(plan.quarter)


def unit_today(session: Session, org_id: uuid.UUID) -> date:
    """Today on the unit's clock: a visit's day is the unit's day, not UTC's."""
    return utcnow().astimezone(LocalClock(session).zone(org_id)).date()


def check_in_quarter(day: date | None, quarter: Period, field: str, label: str) -> None:
    if day is not None and day not in quarter:
        raise ValidationError(
            translate("Visits", "{label} {day} is outside the quarter {quarter} ({start} to {end}).").format(
                label=label, day=day.isoformat(), quarter=quarter.label, start=quarter.start.isoformat(),
                end=quarter.last_day.isoformat()), field=field)


TEXT_LIMIT = 4000  # characters of one free-text answer: a page of notes, and within an Excel cell


def required_text(value: str | None, field: str, label: str) -> str:
    if not (value or "").strip():
        raise ValidationError(translate("Visits", "{label} is required.").format(label=label), field=field)
    return optional_text(value, field, label)


def optional_text(value: str | None, field: str, label: str) -> str:
    """Free text as typed, without its ends' spaces; refused with the field's name when it cannot be stored."""
    try:
        return parse_text(value, max_length=TEXT_LIMIT, field=field)
    except ValidationError as refusal:
        raise ValidationError(f"{label}: {refusal}", field=field) from None
