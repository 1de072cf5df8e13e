"""What a customer has: its sites, its contacts and its machines (assets)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import ValidationError
from app.i18n import translate
from app.orgs.scope import org_scope
from plugins.customers.common import ensure_written_here, required
from plugins.customers.models import Asset, Contact, Customer, CustomerSite
from plugins.customers.packages import package_for_new_asset
from plugins.customers.registry import get_customer


def _customer_to_extend(session: Session, actor: Actor, customer_id: uuid.UUID) -> Customer:
    customer = get_customer(session, actor, customer_id)
    if customer.deleted_at is not None:
        raise ValidationError(translate("Customers", "“{name}” is retired.").format(name=customer.name))
    ensure_written_here(session, customer.org_id)
    return customer


def add_site(session: Session, actor: Actor, customer_id: uuid.UUID, *, name: str, address: str = "") -> CustomerSite:
    customer = _customer_to_extend(session, actor, customer_id)
    site = CustomerSite(org_id=customer.org_id, customer_id=customer.id,
                        name=required(name, "name", translate("Customers", "Site name")), address=address.strip())
    session.add(site)
    session.flush()
    return site


def add_contact(session: Session, actor: Actor, customer_id: uuid.UUID, *, name: str, phone: str = "",
                email: str = "") -> Contact:
    customer = _customer_to_extend(session, actor, customer_id)
    contact = Contact(org_id=customer.org_id, customer_id=customer.id,
                      name=required(name, "name", translate("Customers", "Contact name")),
                      phone=phone.strip(), email=email.strip())
    session.add(contact)
    session.flush()
    return contact


def create_asset(session: Session, actor: Actor, customer_id: uuid.UUID, *, serial_number: str,
                 product_line: str, model: str, site_id: uuid.UUID | None = None,
                 package_code: str | None = None, contract_end: date | None = None,
                 warranty_end: date | None = None) -> Asset:
    """Register a machine. Serial numbers are unique nationwide; a retired package is refused."""
    customer = _customer_to_extend(session, actor, customer_id)
    serial = required(serial_number, "serial_number", translate("Customers", "Serial number")).upper()
    if session.scalar(select(Asset.id).where(Asset.serial_number == serial)):
        raise ValidationError(translate("Customers", "Serial number {serial} is already registered.")
                              .format(serial=serial), field="serial_number")
    package = package_for_new_asset(session, package_code) if package_code else None
    if site_id is not None and session.scalar(select(CustomerSite.customer_id).where(
            CustomerSite.id == site_id)) != customer.id:
        raise ValidationError(translate("Customers", "That site is not one of {name}’s.").format(name=customer.name),
                              field="site_id")
    asset = Asset(org_id=customer.org_id, customer_id=customer.id, site_id=site_id, serial_number=serial,
                  product_line=required(product_line, "product_line", translate("Customers", "Product line")),
                  model=required(model, "model", translate("Customers", "Model")),
                  service_package_id=package.id if package else None, contract_end=contract_end,
                  warranty_end=warranty_end)
    session.add(asset)
    session.flush()
    audit.record(session, actor, "asset", asset.id, "create", serial)
    return asset


def find_asset_by_serial(session: Session, actor: Actor, serial_number: str) -> Asset | None:
    """The machine with this serial number among those the actor may see (intake look-up)."""
    serial = (serial_number or "").strip().upper()
    return session.scalar(select(Asset).where(Asset.serial_number == serial, org_scope(actor, Asset.org_id),
                                              Asset.deleted_at.is_(None)))
