from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, SyncedMixin, UUIDPrimaryKey


class Part(UUIDPrimaryKey, SyncedMixin, Base):
    """Parts catalog: HQ reference data."""

    __tablename__ = "inventory_parts"

    part_number: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    unit_cost: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
