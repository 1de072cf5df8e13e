from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey


class Certificate(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """An engineer work certificate (上岗证书)."""

    __tablename__ = "certification_certificates"

    number: Mapped[str] = mapped_column(String(40), unique=True)
    holder_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    product_line: Mapped[str] = mapped_column(String(80))
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="valid")
