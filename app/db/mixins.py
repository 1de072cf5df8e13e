"""The columns every synced, org-owned row carries (docs/architecture.md, Data conventions)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Uuid, event
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.clock import utcnow
from app.db.types import UTCDateTime
from app.ids import new_id


class UUIDPrimaryKey:
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)


class OrgOwnedMixin:
    """The org unit that owns the row; queries are scoped by it."""

    @declared_attr
    def org_id(cls) -> Mapped[uuid.UUID]:
        return mapped_column(Uuid, ForeignKey("core_org_units.id"), index=True)


class SyncedMixin:
    """Timestamps, tombstone and versions for upward sync. Rows are never hard-deleted."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    row_version: Mapped[int] = mapped_column(BigInteger, default=1)
    sync_seq: Mapped[int | None] = mapped_column(BigInteger, default=None, index=True)

    def mark_deleted(self) -> None:
        self.deleted_at = utcnow()


@event.listens_for(SyncedMixin, "before_update", propagate=True)
def _bump_row_version(mapper, connection, target: SyncedMixin) -> None:
    # The owner increments on every change; the parent compares versions when it applies.
    target.row_version = (target.row_version or 0) + 1
