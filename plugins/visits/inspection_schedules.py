"""Customers' inspection schedules: how often their machines are inspected, from when, until when.

The customer registry has no contract table: a machine carries its service package and the
last day of its service contract (``contract_end``). A schedule therefore ends, unless it was
ended on a given day, at the latest contract end of the machines it covers, when any has one
(``UNTIL_CONTRACT_END``, the default): a renewed contract extends it without anyone touching it.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select, true
from sqlalchemy.orm import Session, aliased

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.models import User
from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.orgs.scope import org_filter, org_scope, visible_unit
from app.reports.period import Period
from plugins.customers.service import Asset, Customer, visible_customer
from plugins.visits.inspection_models import (INTERVAL_MONTHS, Inspection, InspectionFinding, InspectionResult,
                                              InspectionSchedule)
from plugins.visits.inspection_rules import field_engineers, interval_label
from plugins.visits.plan_rules import ensure_written_here

UNTIL_CONTRACT_END = "until_contract_end"  # the default end of a schedule: see the module's docstring


@dataclass(frozen=True)
class ScheduleLine:
    id: uuid.UUID
    org_id: uuid.UUID
    customer_id: uuid.UUID
    customer: str
    interval: str
    starts_on: date
    product_line: str
    engineer: str
    ends_on: date | None       # the day it ends, set or by contract; None: open-ended
    ends_by_contract: bool     # ``ends_on`` is the covered machines' latest contract end
    machines: int


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day where it is shorter (31 Jan → 30 Apr)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_dates(starts_on: date, interval: str, period: Period, last_day: date | None) -> Iterator[date]:
    """The schedule's dates in ``period`` up to ``last_day``: ``starts_on`` and every interval after it,
    each counted from ``starts_on`` so a short month never shifts the ones after it."""
    step = INTERVAL_MONTHS[interval]
    months_before = (period.start.year - starts_on.year) * 12 + period.start.month - starts_on.month
    count = max(0, months_before // step - 1)
    while (day := add_months(starts_on, count * step)) < period.end:
        if day >= period.start and (last_day is None or day <= last_day):
            yield day
        count += 1


def covered_assets(session: Session, schedule: InspectionSchedule) -> list[Asset]:
    """The customer's machines in service that the schedule covers, by serial number."""
    stmt = select(Asset).where(Asset.customer_id == schedule.customer_id, Asset.deleted_at.is_(None))
    if schedule.product_line:
        stmt = stmt.where(Asset.product_line == schedule.product_line)
    return list(session.scalars(stmt.order_by(Asset.serial_number)))


def last_day(schedule: InspectionSchedule, assets: list[Asset]) -> tuple[date | None, bool]:
    """The schedule's last day, and whether it comes from the machines' contracts."""
    if schedule.ends_on is not None:
        return schedule.ends_on, False
    ends = [asset.contract_end for asset in assets if asset.contract_end is not None]
    return (max(ends), True) if ends else (None, False)


def create_schedule(session: Session, actor: Actor, customer_id: uuid.UUID, *, interval: str,
                    starts_on: date | None, product_line: str = "",
                    engineer_id: uuid.UUID | None = None) -> InspectionSchedule:
    """A customer's inspections every ``interval`` from ``starts_on``, of all its machines or those
    of ``product_line``, optionally always given to ``engineer_id``; it ends at the contract end."""
    customer = visible_customer(session, actor, customer_id) if customer_id else None
    if customer is None:
        raise NotFound(translate("Visits", "No such customer."))
    ensure_written_here(session, customer.org_id)
    if interval not in INTERVAL_MONTHS:
        raise ValidationError(translate("Visits", "Choose how often the customer is inspected."), field="interval")
    if starts_on is None:
        raise ValidationError(translate("Visits", "First inspection date is required."), field="starts_on")
    product_line = (product_line or "").strip()
    schedule = InspectionSchedule(org_id=customer.org_id, customer_id=customer.id, interval=interval,
                                  starts_on=starts_on, product_line=product_line, engineer_id=engineer_id)
    if not covered_assets(session, schedule):
        message = (translate("Visits", "{customer} has no machine of the product line {line} to inspect.")
                   if product_line else translate("Visits", "{customer} has no machine to inspect."))
        raise ValidationError(message.format(customer=customer.name, line=product_line), field="product_line")
    if engineer_id is not None and engineer_id not in {p.id for p in field_engineers(session, customer.org_id)}:
        raise ValidationError(translate("Visits", "Choose an active field engineer of the unit."), field="engineer")
    _refuse_overlap(session, schedule, customer.name)
    session.add(schedule)
    session.flush()
    audit.record(session, actor, "inspection_schedule", schedule.id, "create",
                 f"{customer.name} {interval} {starts_on.isoformat()} {product_line}".strip())
    return schedule


def _refuse_overlap(session: Session, schedule: InspectionSchedule, customer: str) -> None:
    """Two running schedules over the same machines would plan each inspection twice."""
    same_machines = true() if not schedule.product_line else or_(
        InspectionSchedule.product_line == "", InspectionSchedule.product_line == schedule.product_line)
    other = session.scalar(select(InspectionSchedule).where(
        InspectionSchedule.customer_id == schedule.customer_id, InspectionSchedule.deleted_at.is_(None),
        or_(InspectionSchedule.ends_on.is_(None), InspectionSchedule.ends_on >= schedule.starts_on), same_machines))
    if other is not None:
        raise ValidationError(translate("Visits", "{customer} already has a running inspection schedule for these "
                                                  "machines ({interval}, from {day}); end it first.").format(
            customer=customer, interval=interval_label(other.interval), day=other.starts_on.isoformat()),
            field="product_line")


def end_schedule(session: Session, actor: Actor, schedule_id: uuid.UUID, ends_on: date | None) -> InspectionSchedule:
    """Stop a schedule after ``ends_on``: its planned inspections after that day, with nothing
    recorded yet, are withdrawn; done ones stay."""
    schedule = session.scalar(select(InspectionSchedule).where(
        InspectionSchedule.id == schedule_id, InspectionSchedule.deleted_at.is_(None),
        org_scope(actor, InspectionSchedule.org_id)))
    if schedule is None:
        raise NotFound(translate("Visits", "No such inspection schedule."))
    ensure_written_here(session, schedule.org_id)
    if ends_on is None:
        raise ValidationError(translate("Visits", "Last day is required."), field="ends_on")
    if ends_on < schedule.starts_on:
        raise ValidationError(translate("Visits", "The schedule starts on {day}: it cannot end before.").format(
            day=schedule.starts_on.isoformat()), field="ends_on")
    schedule.ends_on = ends_on
    withdrawn = withdraw_untouched(session, select(Inspection).where(
        Inspection.schedule_id == schedule.id, Inspection.due_on > ends_on))
    session.flush()
    audit.record(session, actor, "inspection_schedule", schedule.id, "end",
                 f"{ends_on.isoformat()} ({withdrawn})")
    return schedule


def recorded_anything():
    """Whether an inspection has a result or a finding (an adjustment, a recommendation, a fault
    and its ticket): work on site that a new plan must never drop."""
    results = select(InspectionResult.id).where(InspectionResult.inspection_id == Inspection.id).exists()
    findings = select(InspectionFinding.id).where(InspectionFinding.inspection_id == Inspection.id).exists()
    return or_(results, findings)


def withdraw_untouched(session: Session, inspections) -> int:
    """Tombstone the planned inspections of ``inspections`` (a SELECT) with nothing recorded yet."""
    found = list(session.scalars(inspections.where(Inspection.state == "planned", Inspection.deleted_at.is_(None),
                                                   ~recorded_anything())))
    for inspection in found:
        inspection.mark_deleted()
    return len(found)


def schedule_lines(session: Session, actor: Actor, org_id: uuid.UUID | None = None,
                   subtree: bool = False) -> list[ScheduleLine]:
    """The schedules the actor sees (narrowed to ``org_id``), running ones first, by customer."""
    engineer = aliased(User)
    stmt = (select(InspectionSchedule, Customer.name, func.coalesce(func.nullif(engineer.display_name, ""),
                                                                    engineer.username))
            .join(Customer, Customer.id == InspectionSchedule.customer_id)
            .outerjoin(engineer, engineer.id == InspectionSchedule.engineer_id)
            .where(InspectionSchedule.deleted_at.is_(None), org_scope(actor, InspectionSchedule.org_id),
                   org_filter(session, actor, InspectionSchedule.org_id, org_id, subtree))
            .order_by(Customer.name, InspectionSchedule.starts_on))
    lines = []
    for schedule, customer, engineer_name in session.execute(stmt):
        assets = covered_assets(session, schedule)
        ends_on, by_contract = last_day(schedule, assets)
        lines.append(ScheduleLine(schedule.id, schedule.org_id, schedule.customer_id, customer, schedule.interval,
                                  schedule.starts_on, schedule.product_line, engineer_name or "", ends_on,
                                  by_contract, len(assets)))
    return lines


def running_schedules(session: Session, org_id: uuid.UUID, period: Period) -> list[InspectionSchedule]:
    """The unit's schedules of live customers that may have a date in ``period`` (the contract end
    is checked per date)."""
    stmt = (select(InspectionSchedule).join(Customer, Customer.id == InspectionSchedule.customer_id)
            .where(InspectionSchedule.org_id == org_id, InspectionSchedule.deleted_at.is_(None),
                   Customer.deleted_at.is_(None), InspectionSchedule.starts_on < period.end,
                   or_(InspectionSchedule.ends_on.is_(None), InspectionSchedule.ends_on >= period.start))
            .order_by(InspectionSchedule.starts_on, InspectionSchedule.id))
    return list(session.scalars(stmt))


@dataclass(frozen=True)
class CustomerChoice:
    """A customer a schedule can be made for, with the product lines of its machines in service."""

    id: uuid.UUID
    name: str
    product_lines: tuple[str, ...]


def customer_choices(session: Session, actor: Actor, org_id: uuid.UUID | None) -> list[CustomerChoice]:
    """The unit's live customers that have machines in service, by name."""
    unit = visible_unit(session, actor, org_id)
    lines: dict[uuid.UUID, set[str]] = {}
    names: dict[uuid.UUID, str] = {}
    for customer_id, name, line in session.execute(
            select(Customer.id, Customer.name, Asset.product_line).join(Asset, Asset.customer_id == Customer.id)
            .where(Customer.org_id == unit.id, Customer.deleted_at.is_(None), Asset.deleted_at.is_(None))):
        names[customer_id] = name
        lines.setdefault(customer_id, set()).add(line)
    return [CustomerChoice(customer_id, names[customer_id], tuple(sorted(lines[customer_id])))
            for customer_id in sorted(names, key=lambda i: (names[i], str(i)))]
