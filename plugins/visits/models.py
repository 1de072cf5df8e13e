from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime

FOLLOW_UP_STATES = ("due", "done", "unreachable")


class FollowUpCall(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A call back after a closed request: was it solved, how satisfied is the customer (1–5)."""

    __tablename__ = "visits_follow_up_calls"

    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    ticket_number: Mapped[str] = mapped_column(String(40))
    customer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    state: Mapped[str] = mapped_column(String(16), default="due")
    solved: Mapped[bool | None] = mapped_column(default=None)
    satisfaction: Mapped[int | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    called_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# The quarterly visit tables live beside the follow-up calls' so that loading this module loads them all.
from plugins.visits.plan_models import PlannedVisit, VisitAction, VisitPlan, VisitRecord  # noqa: E402,F401
