"""Certification tables: certificate types, certificates and their history, signing keys (and
their private halves handed over at provisioning), partner service authorisations and the
per-org number counter."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime


class CertificateType(UUIDPrimaryKey, SyncedMixin, Base):
    """HQ reference data: what a certificate covers, for how long, and the courses it needs."""

    __tablename__ = "certification_types"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    product_lines: Mapped[list] = mapped_column(JSON, default=list)
    level: Mapped[str] = mapped_column(String(40))
    validity_months: Mapped[int] = mapped_column(Integer)
    required_courses: Mapped[list] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(default=True)


class Certificate(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """An engineer work certificate (上岗证书). ``org_id`` is the holder's org unit at issue."""

    __tablename__ = "certification_certificates"
    # The list pages through (expires_on, number) by keyset; the expiry watch ranges over expires_on.
    __table_args__ = (Index("ix_certification_certificates_expires_number", "expires_on", "number"),)

    number: Mapped[str] = mapped_column(String(40), unique=True)
    type_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("certification_types.id"), index=True)
    holder_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    holder_name: Mapped[str] = mapped_column(String(100))
    product_lines: Mapped[list] = mapped_column(JSON, default=list)
    level: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_from: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="valid")  # valid | suspended | revoked
    status_reason: Mapped[str] = mapped_column(String(400), default="")
    issued_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    center_key_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("certification_center_keys.id"), default=None)
    qr_text: Mapped[str] = mapped_column(Text, default="")


class CertificateEvent(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One entry of a certificate's history: who did what, when, and why."""

    __tablename__ = "certification_events"

    certificate_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("certification_certificates.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # issued | renewed | suspended | reinstated | revoked
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    actor_label: Mapped[str] = mapped_column(String(160), default="")
    reason: Mapped[str] = mapped_column(String(400), default="")
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)


class NumberCounter(Base):
    """The last certificate number per org unit and year; locked while a number is taken."""

    __tablename__ = "certification_number_counters"

    org_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class RootKey(UUIDPrimaryKey, SyncedMixin, Base):
    """HQ's root public key (reference data); the private half only exists at HQ, encrypted."""

    __tablename__ = "certification_root_keys"

    public_key: Mapped[str] = mapped_column(String(64), unique=True)  # base64 of the raw 32 bytes
    encrypted_private_pem: Mapped[str | None] = mapped_column(Text, default=None)
    active: Mapped[bool] = mapped_column(default=True)


class CenterKey(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A training center's signing key, with HQ's signed statement of its validity and scope."""

    __tablename__ = "certification_center_keys"

    public_key: Mapped[str] = mapped_column(String(64), unique=True)
    statement: Mapped[str] = mapped_column(Text)  # canonical JSON that the root key signed
    root_signature: Mapped[str] = mapped_column(String(128))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    product_lines: Mapped[list] = mapped_column(JSON, default=list)
    encrypted_private_pem: Mapped[str] = mapped_column(Text)
    revoked_on: Mapped[date | None] = mapped_column(Date, default=None)
    revoked_reason: Mapped[str] = mapped_column(String(400), default="")


class KeySecret(Base):
    """The encrypted private half of one of this node's center keys, as the provisioning file
    handed it over: sync never carries it (a private column), so a branch gets it this way.
    Never leaves the node."""

    __tablename__ = "certification_key_secrets"

    # No foreign key: the secret arrives at set-up, before the first pull brings the key row.
    key_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    encrypted_private_pem: Mapped[str] = mapped_column(Text)


class PartnerAuthorisation(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """服务授权: a partner (``org_id``) may serve these product lines and service types."""

    __tablename__ = "certification_partner_authorisations"
    __table_args__ = (UniqueConstraint("org_id", "number"),)

    number: Mapped[str] = mapped_column(String(40))
    product_lines: Mapped[list] = mapped_column(JSON, default=list)
    service_types: Mapped[list] = mapped_column(JSON, default=list)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date, index=True)
    min_engineers: Mapped[int] = mapped_column(Integer, default=1)
    granted_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    withdrawn_on: Mapped[date | None] = mapped_column(Date, default=None)
    withdrawn_reason: Mapped[str] = mapped_column(String(400), default="")
