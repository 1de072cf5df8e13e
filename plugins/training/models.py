from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, SyncedMixin, UUIDPrimaryKey


class Course(UUIDPrimaryKey, SyncedMixin, Base):
    """A course: HQ reference data."""

    __tablename__ = "training_courses"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    product_line: Mapped[str] = mapped_column(String(80), default="")
    hours: Mapped[int] = mapped_column(default=0)
