"""The bookkeeping of sync: the node's change counter, deleted rows, what each child has sent
and received, the children provisioned here, and what could not be applied."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db import Base, UUIDPrimaryKey
from app.db.types import UTCDateTime


class ChangeCounter(Base):
    """One row: the last change number this node handed out. A writer holds its row lock to
    commit (PostgreSQL), so change numbers become visible in the order they were taken."""

    __tablename__ = "core_sync_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Tombstone(Base):
    """A row that was hard-deleted (by any SQL): sent on so the copies delete it too."""

    __tablename__ = "core_sync_tombstones"

    table_name: Mapped[str] = mapped_column(String(80), primary_key=True)
    pk: Mapped[str] = mapped_column(String(400), primary_key=True)  # JSON list of key values (wire form)
    sync_seq: Mapped[int] = mapped_column(BigInteger, index=True)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Watermark(Base):
    """At a parent: how far a child's stream has been applied (``up``) or received (``down``),
    with the receipt tokens both sides keep, so a restored database on either side is noticed."""

    __tablename__ = "core_sync_watermarks"

    node_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    stream: Mapped[str] = mapped_column(String(8), primary_key=True)  # up | down
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    token: Mapped[str] = mapped_column(String(40))
    prev_token: Mapped[str] = mapped_column(String(40), default="")
    source_database_id: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_bundle_at: Mapped[str] = mapped_column(String(40), default="")  # when the newest imported bundle was made


class Node(Base):
    """A child provisioned here: its database role (PostgreSQL) and the key its bundles carry."""

    __tablename__ = "core_sync_nodes"

    org_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    role_name: Mapped[str | None] = mapped_column(String(63), unique=True, default=None)
    key: Mapped[str] = mapped_column(String(64))  # hex HMAC key, shared with the child only
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Conflict(UUIDPrimaryKey, Base):
    """A version of a row that lost: kept, never silently dropped, and shown on the Sync page."""

    __tablename__ = "core_sync_conflicts"

    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    node_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)  # who sent it (None: the parent)
    table_name: Mapped[str] = mapped_column(String(80))
    pk: Mapped[str] = mapped_column(String(400))
    kept_version: Mapped[int] = mapped_column(BigInteger)
    lost_version: Mapped[int] = mapped_column(BigInteger)
    lost_row: Mapped[str] = mapped_column(Text)  # JSON of the losing row (wire form)


class RowError(UUIDPrimaryKey, Base):
    """A row a parent refused (a broken reference, a row the sender may not write); the rest
    of its batch was applied."""

    __tablename__ = "core_sync_errors"

    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    node_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    table_name: Mapped[str] = mapped_column(String(80))
    pk: Mapped[str] = mapped_column(String(400))
    error: Mapped[str] = mapped_column(Text)
    row: Mapped[str] = mapped_column(Text)
