"""Tickets: problem tickets with an append-only timeline, remote sessions, repair orders,
escalations and emergency-plan steps. A ticket is about a customer and, mostly, one of its
machines: both live in the customer registry (``plugins.customers``), which these keys point at."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime
from plugins.customers.service import Asset, Customer

STATES = ("new", "diagnosing", "resolved_remotely", "dispatched", "on_site", "awaiting_signoff",
          "waiting_for_customer", "closed", "archived", "cancelled")
OPEN_STATES = ("new", "diagnosing", "dispatched", "on_site", "awaiting_signoff", "waiting_for_customer",
               "resolved_remotely")
CATEGORIES = ("fault", "consultation", "maintenance", "quality_complaint")
CHANNELS = ("hotline", "phone", "fax", "email", "remote", "on_site")
PRIORITIES = (1, 2, 3, 4)  # 1 = critical … 4 = low
SLA_TARGETS = ("response", "onsite", "resolution")
# Every moment of a case; each is at or after its opening, so a case with a moment in a period
# was opened before the period ends and its latest moment is at or after the period's start.
MOMENTS = ("opened_at", "responded_at", "arrived_at", "resolved_at", "closed_at", "response_due_at",
           "onsite_due_at", "resolution_due_at")
LATEST_MOMENT_SQL = f"greatest({', '.join(MOMENTS)})"  # PostgreSQL's greatest() passes over NULLs
# What the period figures read besides the moments (plugins/tickets/read/rollup.py).
MOMENT_FIGURE_COLUMNS = ("org_id", "deleted_at", "state", "category", "channel", "engineer_id", "paused_since",
                         "response_minutes", "onsite_minutes", "resolution_minutes", *MOMENTS[1:])


class TicketCounter(Base):
    """The last sequence number issued per org unit and month; bumped under a row lock."""

    __tablename__ = "tickets_counters"

    org_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("core_org_units.id"), primary_key=True)
    period: Mapped[str] = mapped_column(String(6), primary_key=True)  # yyyymm
    last_seq: Mapped[int] = mapped_column(BigInteger)


class Ticket(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A problem ticket (问题单)."""

    __tablename__ = "tickets_tickets"
    __table_args__ = (
        Index("ix_tickets_tickets_org_opened", "org_id", "opened_at"),
        Index("ix_tickets_tickets_state_opened", "state", "opened_at"),
        Index("ix_tickets_tickets_priority_opened", "priority", "opened_at"),
        Index("ix_tickets_tickets_category_opened", "category", "opened_at"),
        Index("ix_tickets_tickets_engineer_opened", "engineer_id", "opened_at"),
        Index("ix_tickets_tickets_customer_opened", "customer_id", "opened_at"),
        Index("ix_tickets_tickets_breached_opened", "breached", "opened_at"),
        Index("ix_tickets_tickets_queue", "org_id", "is_open", "next_due_at"),
        Index("ix_tickets_tickets_state_due", "state", "next_due_at", "opened_at"),
        Index("ix_tickets_tickets_open_due", "is_open", "next_due_at", "opened_at"),
        # The period figures (rollup, dashboard) read tickets with ANY moment in a period: on
        # PostgreSQL an index-only range scan over the latest moment, instead of the whole table.
        Index("ix_tickets_tickets_moments", text(LATEST_MOMENT_SQL), "opened_at",
              postgresql_include=list(MOMENT_FIGURE_COLUMNS)).ddl_if(dialect="postgresql"),
    )

    number: Mapped[str] = mapped_column(String(48), unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey(Customer.id))
    asset_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey(Asset.id), index=True)
    serial_number: Mapped[str] = mapped_column(String(64), default="", index=True)
    product_line: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    symptom: Mapped[str] = mapped_column(Text)
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(24))
    priority: Mapped[int] = mapped_column(Integer, default=3)
    state: Mapped[str] = mapped_column(String(24), default="new")
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    paused_from: Mapped[str | None] = mapped_column(String(24))
    engineer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("core_users.id"))
    engineer_eta: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The tier the case was escalated to sees it in its queue, whoever owns it.
    escalated_to_org_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("core_org_units.id"), index=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    response_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    onsite_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The earliest unmet due time: what queues sort by.
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When the next 75 % / 100 % mark falls; the periodic sweep reads only rows past it.
    next_sla_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # Targets copied from the service package when the ticket opens, so later package edits
    # do not move the goalposts of running cases.
    clock: Mapped[str] = mapped_column(String(16), default="business")  # 24x7 | business
    response_minutes: Mapped[int] = mapped_column(Integer, default=0)
    onsite_minutes: Mapped[int] = mapped_column(Integer, default=0)
    resolution_minutes: Mapped[int] = mapped_column(Integer, default=0)
    paused_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paused_seconds: Mapped[int] = mapped_column(BigInteger, default=0)  # clock seconds excluded
    sla_marks: Mapped[str] = mapped_column(String(200), default="")  # e.g. "response.warning onsite.breach"
    breached: Mapped[bool] = mapped_column(Boolean, default=False)
    # The machine's contract or warranty when the ticket opened (valid | ending | expired | none; "" without a
    # machine), its last covered day, and how the hotline chose to handle an expired one
    # (billable | goodwill | renewal; the reason is on the timeline).
    coverage_state: Mapped[str] = mapped_column(String(16), default="")
    coverage_ends_on: Mapped[date | None] = mapped_column(Date)
    coverage_handling: Mapped[str] = mapped_column(String(16), default="")


class TicketEvent(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One line of a ticket's timeline. Append-only: service code never updates or deletes one.

    ``org_id`` is the unit that wrote the line (an upper tier's answer is its own row), ``kind``
    plus ``params`` say what happened; ``plugins.tickets.domain.timeline`` renders the sentence in the
    reader's language. ``text`` keeps the user's own words (a note, a reason) and is all that
    rows written before ``params`` existed carry."""

    __tablename__ = "tickets_events"
    __table_args__ = (Index("ix_tickets_events_ticket_at", "ticket_id", "at"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("tickets_tickets.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(24))
    to_state: Mapped[str | None] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(Text, default="")
    params: Mapped[dict | None] = mapped_column(JSON)


class RemoteSession(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    __tablename__ = "tickets_remote_sessions"

    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("tickets_tickets.id"), index=True)
    authorised_by: Mapped[str] = mapped_column(String(100))
    authorised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    scope: Mapped[str] = mapped_column(Text)
    findings: Mapped[str] = mapped_column(Text, default="")
    engineer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class RepairOrder(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """The on-site engineer's repair order (维修单), signed or sealed by the customer."""

    __tablename__ = "tickets_repair_orders"

    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("tickets_tickets.id"), unique=True)
    engineer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    fault_found: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[str] = mapped_column(Text, default="")
    labour_minutes: Mapped[int] = mapped_column(Integer, default=0)
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    signer_name: Mapped[str] = mapped_column(String(100), default="")
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    seal_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RepairPart(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    __tablename__ = "tickets_repair_parts"

    repair_order_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("tickets_repair_orders.id"), index=True)
    part_number: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    faulty_serial: Mapped[str] = mapped_column(String(64), default="")
    replacement_serial: Mapped[str] = mapped_column(String(64), default="")


class Escalation(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    __tablename__ = "tickets_escalations"

    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("tickets_tickets.id"), index=True)
    from_org_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("core_org_units.id"))
    to_org_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("core_org_units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # tier | expert
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class EmergencyStep(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One step of the emergency plan (应急预案) a quality complaint sets off."""

    __tablename__ = "tickets_emergency_steps"

    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("tickets_tickets.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    owner_role: Mapped[str] = mapped_column(String(32))
    # The named person holding that role in the answering branch when the plan started.
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("core_users.id"))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    note: Mapped[str] = mapped_column(Text, default="")


# The similar-case index tables belong to this plugin's schema too.
from plugins.tickets.similar import models as similar_models  # noqa: E402,F401
