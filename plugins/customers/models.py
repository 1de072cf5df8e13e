"""The customer registry: customers, their sites, contacts and installed machines (assets), and
the HQ service packages those machines are covered by.

A customer, its sites, contacts and assets belong to the org unit that serves it (``org_id``)
and travel up; service packages are HQ reference data and travel down. Rows are never deleted:
a retired customer keeps its row with ``deleted_at`` set, so old cases still name it."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey

COVERAGES = ("24x7", "business")


class ServicePackage(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """HQ reference data: the response commitments a customer bought (服务包). A retired package
    (``deleted_at`` set) is offered for no new machine; the machines under it keep it."""

    __tablename__ = "customers_packages"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    # "24x7": the clock always runs; "business": it runs in the org unit's business hours.
    coverage: Mapped[str] = mapped_column(String(16), default="business")
    response_minutes: Mapped[int] = mapped_column(Integer)
    onsite_minutes: Mapped[int] = mapped_column(Integer)
    resolution_minutes: Mapped[int] = mapped_column(Integer)
    # Targets that differ for a priority, e.g. {"1": {"response_minutes": 15}}; the rest as above.
    priority_targets: Mapped[dict | None] = mapped_column(JSON)


class Customer(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A customer of the unit that serves it. ``region`` is where the customer is (its city or
    province), which need not be where the serving unit sits."""

    __tablename__ = "customers_customers"
    __table_args__ = (UniqueConstraint("org_id", "name", name="org_name"),)

    name: Mapped[str] = mapped_column(String(200), index=True)
    region: Mapped[str] = mapped_column(String(100), default="")


class CustomerSite(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    __tablename__ = "customers_sites"

    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("customers_customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(400), default="")


class Contact(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    __tablename__ = "customers_contacts"

    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("customers_customers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")


class Asset(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """An installed machine: what a case is about, found by its serial number."""

    __tablename__ = "customers_assets"

    customer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("customers_customers.id"), index=True)
    site_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("customers_sites.id"))
    product_line: Mapped[str] = mapped_column(String(100))
    model: Mapped[str] = mapped_column(String(100))
    serial_number: Mapped[str] = mapped_column(String(64), unique=True)
    service_package_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("customers_packages.id"))
    contract_end: Mapped[date | None] = mapped_column(Date)  # the service contract's last day
    warranty_end: Mapped[date | None] = mapped_column(Date)  # the manufacturer's warranty's last day
