"""Quarterly customer visits: a unit's plan for a quarter, one visit per active customer, what
was said at the visit, and the actions agreed there, tracked until done."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime

VISIT_STATES = ("planned", "done", "cancelled")


class VisitPlan(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """The visits of one org unit in one quarter (``quarter`` as typed: ``2026Q3``)."""

    __tablename__ = "visits_plans"
    __table_args__ = (UniqueConstraint("org_id", "quarter", name="org_quarter"),)

    quarter: Mapped[str] = mapped_column(String(8))


class PlannedVisit(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One customer's visit in a plan: each customer appears once per plan."""

    __tablename__ = "visits_planned_visits"
    __table_args__ = (UniqueConstraint("plan_id", "customer_id", name="plan_customer"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_plans.id"), index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("customers_customers.id"), index=True)
    assignee_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("core_users.id"), index=True)
    planned_on: Mapped[date | None] = mapped_column(Date, default=None)
    state: Mapped[str] = mapped_column(String(16), default="planned")


class VisitRecord(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """What the visit found: who attended, feedback on the products and the service, the customer's opinions."""

    __tablename__ = "visits_records"

    visit_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_planned_visits.id"), unique=True)
    visited_on: Mapped[date] = mapped_column(Date)
    attendees: Mapped[str] = mapped_column(Text, default="")
    quality_feedback: Mapped[str] = mapped_column(Text, default="")
    service_feedback: Mapped[str] = mapped_column(Text, default="")
    opinions: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)


class VisitAction(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """Something agreed at a visit, with an owner and a due date; open until ``done_at`` is set."""

    __tablename__ = "visits_actions"

    visit_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_planned_visits.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("core_users.id"), index=True)
    due_on: Mapped[date] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
