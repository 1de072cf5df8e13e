"""Key/value facts about this database: which org unit it serves, its identity, known grants."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.db import Base

NODE_ORG_ID = "installation.org_id"
DATABASE_ID = "installation.database_id"
KNOWN_PERMISSIONS = "permissions.known"
SCHEMA_FINGERPRINT = "schema.fingerprint"


class Setting(Base):
    __tablename__ = "core_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


def get_value(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def set_value(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    elif row.value != value:  # no write (and no lock) when nothing changed
        row.value = value
