from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Table, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime

user_roles = Table(
    "core_user_roles",
    Base.metadata,
    Column("user_id", Uuid, ForeignKey("core_users.id", ondelete="CASCADE"), primary_key=True),
    Column("role_code", String(40), ForeignKey("core_roles.code", ondelete="CASCADE"), primary_key=True),
)


class Role(SyncedMixin, Base):
    """Reference data owned by HQ: a named bundle of permissions."""

    __tablename__ = "core_roles"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    builtin: Mapped[bool] = mapped_column(default=True)

    grants: Mapped[list[RolePermission]] = relationship(
        back_populates="role", cascade="all, delete-orphan"
    )

    @property
    def permission_codes(self) -> set[str]:
        return {g.permission for g in self.grants}


class RolePermission(SyncedMixin, Base):
    __tablename__ = "core_role_permissions"

    role_code: Mapped[str] = mapped_column(
        String(40), ForeignKey("core_roles.code", ondelete="CASCADE"), primary_key=True
    )
    permission: Mapped[str] = mapped_column(String(80), primary_key=True)

    role: Mapped[Role] = relationship(back_populates="grants")


class User(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A person who signs in. The username is unique within the org unit (``name@ORG``)."""

    __tablename__ = "core_users"
    __table_args__ = (UniqueConstraint("org_id", "username"),)

    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    phone: Mapped[str] = mapped_column(String(40), default="")

    roles: Mapped[list[Role]] = relationship(secondary=user_roles, lazy="selectin")

    @property
    def role_codes(self) -> set[str]:
        return {r.code for r in self.roles}
