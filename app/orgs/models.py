from __future__ import annotations

import uuid

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, SyncedMixin

TIERS = ("hq", "branch", "partner")
TIER_LEVEL = {"hq": 1, "branch": 2, "partner": 3}


class OrgUnit(SyncedMixin, Base):
    """A node of the three-tier service network. ``id`` = uuid5(code), ``path`` = "/HQ/BJ/"."""

    __tablename__ = "core_org_units"
    __table_args__ = (CheckConstraint("tier IN ('hq', 'branch', 'partner')", name="tier"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    tier: Mapped[str] = mapped_column(String(16))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("core_org_units.id"))
    path: Mapped[str] = mapped_column(String(400), index=True)
    region: Mapped[str] = mapped_column(String(100), default="")
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    active: Mapped[bool] = mapped_column(default=True)

    parent: Mapped[OrgUnit | None] = relationship(remote_side=[id])

    def __repr__(self) -> str:
        return f"<OrgUnit {self.code}>"
