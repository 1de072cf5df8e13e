from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey


class Customer(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    __tablename__ = "tickets_customers"

    name: Mapped[str] = mapped_column(String(200), index=True)
    region: Mapped[str] = mapped_column(String(100), default="")
