from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, String, Uuid, event
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db import Base, UUIDPrimaryKey
from app.db.types import UTCDateTime


class AuditEntry(UUIDPrimaryKey, Base):
    """Append-only: who changed what, when, with the values before and after."""

    __tablename__ = "core_audit_log"

    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_name: Mapped[str] = mapped_column(String(120))
    org_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    entity_type: Mapped[str] = mapped_column(String(60), index=True)
    entity_id: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(String(400), default="")
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _append_only(mapper, connection, target) -> None:
    raise RuntimeError("the audit log is append-only")
