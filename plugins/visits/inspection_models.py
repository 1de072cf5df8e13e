"""Technical inspections (技术巡检): HQ's checklists per product line, each customer's inspection
schedule, the inspections it plans, and what each inspection found.

Checklists are HQ reference data, published in versions that never change: editing publishes
the next version, and an inspection keeps the version its machines were planned with.
Results and findings are append-only: a corrected result is a new row (the latest per item
counts), a withdrawn recommendation is a withdrawal row; signing closes the inspection to new
rows, and the report is kept as it was signed."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, ForeignKey, Integer, LargeBinary, Numeric, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime

INTERVAL_MONTHS = {"quarterly": 3, "half_yearly": 6, "yearly": 12}
INSPECTION_STATES = ("planned", "done", "signed")
ITEM_KINDS = ("check", "measure")
OUTCOMES = ("ok", "attention", "fault")
FINDING_KINDS = ("adjustment", "recommendation", "fault", "withdrawal")
RECOMMENDATION_KINDS = ("upgrade", "replacement", "capacity")
MEASURE = Numeric(12, 3)


class Checklist(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One published version of a product line's checklist (HQ owns it; it travels down)."""

    __tablename__ = "visits_checklists"
    __table_args__ = (UniqueConstraint("product_line", "version", name="line_version"),)

    product_line: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer)
    published_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)


class ChecklistItem(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A point to check (OK / attention / fault) or a value to measure, with its unit and range."""

    __tablename__ = "visits_checklist_items"
    __table_args__ = (UniqueConstraint("checklist_id", "position", name="checklist_position"),)

    checklist_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_checklists.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16), default="check")
    unit: Mapped[str] = mapped_column(String(16), default="")
    expected_min: Mapped[Decimal | None] = mapped_column(MEASURE, default=None)
    expected_max: Mapped[Decimal | None] = mapped_column(MEASURE, default=None)


class InspectionSchedule(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A customer's inspections under its service agreement: every ``interval`` from ``starts_on``,
    of all its machines or those of one product line. Without ``ends_on`` it runs to the
    latest contract end of the machines it covers (when they have one)."""

    __tablename__ = "visits_inspection_schedules"

    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("customers_customers.id"), index=True)
    interval: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[date] = mapped_column(Date)
    product_line: Mapped[str] = mapped_column(String(100), default="")  # "": every product line
    engineer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("core_users.id"), default=None)
    ends_on: Mapped[date | None] = mapped_column(Date, default=None)


class Inspection(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One planned inspection of a customer, done on ``done_on`` and signed by the customer."""

    __tablename__ = "visits_inspections"
    __table_args__ = (UniqueConstraint("schedule_id", "due_on", name="schedule_due"),)

    schedule_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_inspection_schedules.id"), index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("customers_customers.id"), index=True)
    engineer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("core_users.id"), index=True)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)
    state: Mapped[str] = mapped_column(String(16), default="planned")
    signer_name: Mapped[str] = mapped_column(String(100), default="")
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # The report as the customer signed it, and the SHA-256 of it and the signature image:
    # a re-print shows exactly this, and a changed row is detected.
    report: Mapped[dict | None] = mapped_column(JSON, default=None)
    report_sha256: Mapped[str] = mapped_column(String(64), default="")


class InspectionMachine(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A machine the inspection covers, with the checklist version it is inspected by."""

    __tablename__ = "visits_inspection_machines"
    __table_args__ = (UniqueConstraint("inspection_id", "asset_id", name="inspection_asset"),)

    inspection_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_inspections.id"), index=True)
    asset_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("customers_assets.id"))
    checklist_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_checklists.id"))


class InspectionResult(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A checklist item's result on one machine. Append-only: the latest row per item counts."""

    __tablename__ = "visits_inspection_results"

    inspection_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_inspections.id"), index=True)
    machine_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_inspection_machines.id"))
    item_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_checklist_items.id"))
    outcome: Mapped[str] = mapped_column(String(16))
    measured: Mapped[Decimal | None] = mapped_column(MEASURE, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InspectionFinding(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A parameter adjustment made, a recommendation (upgrade / replacement / capacity), or a fault
    found and the ticket it opened. Append-only: a ``withdrawal`` row takes back an earlier one."""

    __tablename__ = "visits_inspection_findings"

    inspection_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_inspections.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(16), default="")  # a recommendation's kind
    asset_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("customers_assets.id"), default=None)
    text: Mapped[str] = mapped_column(Text, default="")
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)  # a case of the tickets plugin
    ticket_number: Mapped[str] = mapped_column(String(40), default="")
    withdraws_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("visits_inspection_findings.id"),
                                                           default=None)
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
