"""Spare parts: the HQ catalog, depots, the immutable stock ledger and its balance table,
serial numbers, and the part requests the spare hit rate is computed from."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (BigInteger, CheckConstraint, ForeignKey, Index, Integer, Numeric, String, Text,
                        UniqueConstraint, Uuid, event)
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime
from app.errors import UserError
from app.i18n import translate

DEPOT_KINDS = ("central", "branch", "partner", "van")
REPLACEABLE_BY = ("FRU", "CRU")
# Where one serial number is: in a depot's good stock, on its way to a depot, fitted at a
# customer (tied to the ticket), back in a depot as defective, sent to HQ for repair (RMA),
# or written off by a stocktake.
SERIAL_STATES = ("in_stock", "in_transit", "installed", "defective", "rma", "written_off")
REQUEST_STATES = ("reserved", "issued", "cancelled", "unserved")


class Part(UUIDPrimaryKey, SyncedMixin, Base):
    """Parts catalog: HQ reference data that flows down to every node."""

    __tablename__ = "inventory_parts"
    __table_args__ = (CheckConstraint("unit_cost >= 0", name="unit_cost_not_negative"),
                      CheckConstraint("replaceable_by IN ('FRU', 'CRU')", name="replaceable_by"))

    part_number: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    product_lines: Mapped[str] = mapped_column(String(400), default="")  # comma separated
    replaceable_by: Mapped[str] = mapped_column(String(3), default="FRU")
    unit_cost: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    serialised: Mapped[bool] = mapped_column(default=False)


class Depot(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A stock location owned by an org unit; an engineer's van is a depot of kind ``van``."""

    __tablename__ = "inventory_depots"
    __table_args__ = (CheckConstraint("kind IN ('central', 'branch', 'partner', 'van')", name="kind"),)

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    engineer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    active: Mapped[bool] = mapped_column(default=True)


class StockLevel(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """Minimum and maximum good stock of one part in one depot."""

    __tablename__ = "inventory_stock_levels"
    __table_args__ = (UniqueConstraint("depot_id", "part_id"),
                      CheckConstraint("min_qty >= 0 AND max_qty >= min_qty", name="min_max"))

    depot_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_depots.id"))
    part_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_parts.id"))
    min_qty: Mapped[int] = mapped_column(Integer, default=0)
    max_qty: Mapped[int] = mapped_column(Integer, default=0)


class Movement(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One immutable ledger row: the change of each balance bucket of one part in one depot.

    ``on_hand`` counts good units physically in the depot (reserved ones included), so a
    reservation moves only ``reserved``; ``in_transit`` counts units on their way *to* the depot.
    """

    __tablename__ = "inventory_movements"
    __table_args__ = (Index("ix_inventory_movements_depot_at", "depot_id", "at"),
                      Index("ix_inventory_movements_depot_part", "depot_id", "part_id"))

    depot_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_depots.id"))
    part_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_parts.id"))
    kind: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int] = mapped_column(Integer)
    d_on_hand: Mapped[int] = mapped_column(Integer, default=0)
    d_reserved: Mapped[int] = mapped_column(Integer, default=0)
    d_in_transit: Mapped[int] = mapped_column(Integer, default=0)
    d_defective: Mapped[int] = mapped_column(Integer, default=0)
    serial: Mapped[str | None] = mapped_column(String(80))
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    ticket_number: Mapped[str | None] = mapped_column(String(40))
    transfer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    other_depot_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_name: Mapped[str] = mapped_column(String(120), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Balance(Base):
    """The ledger summed per depot and part, updated in the same transaction as each ledger row.

    Derived data: every node can rebuild it from the ledger, so it is not synced.
    """

    __tablename__ = "inventory_balances"
    __table_args__ = (CheckConstraint("on_hand >= 0 AND reserved >= 0 AND in_transit >= 0 AND defective >= 0",
                                      name="not_negative"),
                      CheckConstraint("reserved <= on_hand", name="reserved_within_on_hand"))

    depot_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_depots.id"), primary_key=True)
    part_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_parts.id"), primary_key=True)
    org_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("core_org_units.id"), index=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    in_transit: Mapped[int] = mapped_column(Integer, default=0)
    defective: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


class SerialUnit(UUIDPrimaryKey, SyncedMixin, Base):
    """One serial number of a serialised part, in exactly one place at a time."""

    __tablename__ = "inventory_serial_units"
    __table_args__ = (UniqueConstraint("part_id", "serial"),
                      CheckConstraint("state IN ('in_stock', 'in_transit', 'installed', 'defective', 'rma', 'written_off')",
                                      name="state"))

    part_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_parts.id"))
    serial: Mapped[str] = mapped_column(String(80))
    state: Mapped[str] = mapped_column(String(16))
    depot_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("inventory_depots.id"), index=True)
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class Transfer(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """Depot to depot: sent (out of the source, in transit at the target), then received."""

    __tablename__ = "inventory_transfers"

    number: Mapped[str] = mapped_column(String(60), unique=True)
    from_depot_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_depots.id"), index=True)
    to_depot_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_depots.id"), index=True)
    part_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_parts.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    serials: Mapped[str] = mapped_column(Text, default="")  # comma separated
    state: Mapped[str] = mapped_column(String(16), default="in_transit")  # in_transit | received
    sent_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    received_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PartRequest(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One line a dispatched ticket asked for: a hit when the ticket's own org unit served it.

    ``org_id`` is the ticket's org unit, ``home_depot_id`` its main depot (None when it has
    none), ``source_depot_id`` the depot that served it and ``delay_hours`` the expected wait.
    """

    __tablename__ = "inventory_part_requests"
    # Covering index: a period's hit rate is counted from the index alone.
    __table_args__ = (Index("ix_inventory_part_requests_period", "requested_at", "org_id", "home_depot_id", "hit",
                            "state"),
                      CheckConstraint("state IN ('reserved', 'issued', 'cancelled', 'unserved')", name="state"))

    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    ticket_number: Mapped[str] = mapped_column(String(40))
    part_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inventory_parts.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    home_depot_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("inventory_depots.id"))
    source_depot_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("inventory_depots.id"))
    hit: Mapped[bool] = mapped_column(default=False)
    delay_hours: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16))
    requested_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)


@event.listens_for(Movement, "before_update")
@event.listens_for(Movement, "before_delete")
def _ledger_is_append_only(mapper, connection, target: Movement) -> None:
    # A wrong movement is corrected by a new one (e.g. a stocktake adjustment), never edited away.
    raise LedgerIsImmutable(translate("Inventory", "Ledger rows cannot be changed or deleted; post a correcting movement."))


class LedgerIsImmutable(UserError):
    """Raised when code tries to edit or delete a ledger row."""
