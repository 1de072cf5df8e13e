"""HQ's corrections of the shipped national calendar: reference rows that flow down to every node."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Date, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, SyncedMixin

HOLIDAY, WORKING_DAY = "holiday", "working"
KINDS = (HOLIDAY, WORKING_DAY)


class NationalDayOverride(SyncedMixin, Base):
    """One day of the national calendar as HQ states it: a public holiday or an official working
    day (调休). A row marked deleted means "as shipped" again. ``id`` is derived from the day, so
    a day has one row wherever it was written."""

    __tablename__ = "core_national_days"
    __table_args__ = (CheckConstraint("kind IN ('holiday', 'working')", name="kind"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), default="")
