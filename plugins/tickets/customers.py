"""Customers, their sites, contacts and installed base, and the HQ service packages."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import NotFound, PermissionDenied, ValidationError
from app.ids import reference_id
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import can_see, org_filter, org_scope
from plugins.tickets.models import Asset, Contact, Customer, CustomerSite, ServicePackage
from plugins.tickets.permissions import CUSTOMERS, PACKAGES, VIEW

# The packages every network starts with (minutes of clock time).
DEFAULT_PACKAGES = (
    # code, name, coverage, first response, on site, resolution
    ("7X24-4H", "7×24 4小时到场", "24x7", 30, 4 * 60, 24 * 60),
    ("5X8-NBD", "5×8 次工作日", "business", 2 * 60, 9 * 60, 3 * 9 * 60),
)
DEFAULT_PACKAGE_CODE = "5X8-NBD"


def _required(value: str, field: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(translate("Tickets", "{label} is required.").format(label=label), field=field)
    return value


# ------------------------------------------------------------------ service packages


def ensure_default_packages(session: Session, hq: OrgUnit) -> list[ServicePackage]:
    """Create the standard packages at HQ where they are missing (bootstrap and demo)."""
    existing = {p.code: p for p in session.scalars(select(ServicePackage))}
    for code, name, coverage, response, onsite, resolution in DEFAULT_PACKAGES:
        if code not in existing:
            existing[code] = ServicePackage(id=reference_id("service_package", code), org_id=hq.id, code=code,
                                            name=name, coverage=coverage,
                                            response_minutes=response, onsite_minutes=onsite,
                                            resolution_minutes=resolution)
            session.add(existing[code])
    session.flush()
    return list(existing.values())


def save_service_package(session: Session, actor: Actor, *, code: str, name: str, coverage: str,
                         response_minutes: int, onsite_minutes: int, resolution_minutes: int) -> ServicePackage:
    """Create or update a package. Packages are HQ reference data."""
    actor.require(PACKAGES)
    if actor.tier != "hq":
        raise PermissionDenied(translate("Tickets", "Service packages are maintained at HQ."))
    code = _required(code, "code", translate("Tickets", "Package code")).upper()
    name = _required(name, "name", translate("Tickets", "Package name"))
    if coverage not in ("24x7", "business"):
        raise ValidationError(translate("Tickets", "Coverage is 24x7 or business."), field="coverage")
    minutes = (response_minutes, onsite_minutes, resolution_minutes)
    if any(m is None or m <= 0 for m in minutes):
        raise ValidationError(translate("Tickets", "Every target needs a positive number of minutes."),
                              field="response_minutes")
    package = session.scalar(select(ServicePackage).where(ServicePackage.code == code))
    if package is None:
        package = ServicePackage(org_id=actor.org_id, code=code)
        session.add(package)
    package.name, package.coverage = name, coverage
    package.response_minutes, package.onsite_minutes, package.resolution_minutes = minutes
    session.flush()
    audit.record(session, actor, "service_package", package.id, "save", code)
    return package


def list_service_packages(session: Session, actor: Actor) -> Sequence[ServicePackage]:
    actor.require(VIEW)
    return session.scalars(select(ServicePackage).where(ServicePackage.deleted_at.is_(None))
                           .order_by(ServicePackage.code)).all()


def package_by_code(session: Session, code: str) -> ServicePackage | None:
    return session.scalar(select(ServicePackage).where(ServicePackage.code == code))


# ------------------------------------------------------------------ customers


def _owner_org(session: Session, actor: Actor, org_id: uuid.UUID | None) -> OrgUnit:
    org = session.get(OrgUnit, org_id or actor.org_id)
    if org is None or not can_see(actor, org):
        raise PermissionDenied(translate("Tickets", "This unit is outside your part of the network."))
    return org


def create_customer(session: Session, actor: Actor, *, name: str, region: str = "",
                    org_id: uuid.UUID | None = None) -> Customer:
    actor.require(CUSTOMERS)
    org = _owner_org(session, actor, org_id)
    name = _required(name, "name", translate("Tickets", "Customer name"))
    if session.scalar(select(Customer.id).where(Customer.org_id == org.id, Customer.name == name)):
        raise ValidationError(translate("Tickets", "Customer “{name}” already exists.").format(name=name),
                              field="name")
    customer = Customer(org_id=org.id, name=name, region=(region or "").strip())
    session.add(customer)
    session.flush()
    audit.record(session, actor, "customer", customer.id, "create", name)
    return customer


def get_customer(session: Session, actor: Actor, customer_id: uuid.UUID) -> Customer:
    actor.require(VIEW)
    customer = session.scalar(select(Customer).where(Customer.id == customer_id,
                                                     org_scope(actor, Customer.org_id)))
    if customer is None:
        raise NotFound(translate("Tickets", "No such customer."))
    return customer


def add_site(session: Session, actor: Actor, customer_id: uuid.UUID, *, name: str, address: str = "") -> CustomerSite:
    actor.require(CUSTOMERS)
    customer = get_customer(session, actor, customer_id)
    site = CustomerSite(org_id=customer.org_id, customer_id=customer.id,
                        name=_required(name, "name", translate("Tickets", "Site name")), address=address.strip())
    session.add(site)
    session.flush()
    return site


def add_contact(session: Session, actor: Actor, customer_id: uuid.UUID, *, name: str, phone: str = "",
                email: str = "") -> Contact:
    actor.require(CUSTOMERS)
    customer = get_customer(session, actor, customer_id)
    contact = Contact(org_id=customer.org_id, customer_id=customer.id,
                      name=_required(name, "name", translate("Tickets", "Contact name")),
                      phone=phone.strip(), email=email.strip())
    session.add(contact)
    session.flush()
    return contact


def create_asset(session: Session, actor: Actor, customer_id: uuid.UUID, *, serial_number: str,
                 product_line: str, model: str, site_id: uuid.UUID | None = None,
                 package_code: str | None = None, contract_end: date | None = None) -> Asset:
    actor.require(CUSTOMERS)
    customer = get_customer(session, actor, customer_id)
    serial = _required(serial_number, "serial_number", translate("Tickets", "Serial number")).upper()
    if session.scalar(select(Asset.id).where(Asset.serial_number == serial)):
        raise ValidationError(translate("Tickets", "Serial number {serial} is already registered.")
                              .format(serial=serial), field="serial_number")
    package = package_by_code(session, package_code) if package_code else None
    if package_code and package is None:
        raise ValidationError(translate("Tickets", "No service package {code}.").format(code=package_code),
                              field="package_code")
    asset = Asset(org_id=customer.org_id, customer_id=customer.id, site_id=site_id, serial_number=serial,
                  product_line=_required(product_line, "product_line", translate("Tickets", "Product line")),
                  model=_required(model, "model", translate("Tickets", "Model")),
                  service_package_id=package.id if package else None, contract_end=contract_end)
    session.add(asset)
    session.flush()
    audit.record(session, actor, "asset", asset.id, "create", serial)
    return asset


def find_asset_by_serial(session: Session, actor: Actor, serial_number: str) -> Asset | None:
    """The asset with this serial number among those the actor may see (intake look-up)."""
    actor.require(VIEW)
    serial = (serial_number or "").strip().upper()
    return session.scalar(select(Asset).where(Asset.serial_number == serial, org_scope(actor, Asset.org_id),
                                              Asset.deleted_at.is_(None)))


def search_customers(session: Session, actor: Actor, text: str = "", limit: int = 50, *,
                     org_id: uuid.UUID | None = None, subtree: bool = False) -> Sequence[Customer]:
    """Customers by name prefix; ``org_id``/``subtree``: only those of that unit (and below it)."""
    actor.require(VIEW)
    stmt = select(Customer).where(org_scope(actor, Customer.org_id), Customer.deleted_at.is_(None),
                                  org_filter(session, actor, Customer.org_id, org_id, subtree))
    if text.strip():
        stmt = stmt.where(Customer.name.startswith(text.strip()))
    return session.scalars(stmt.order_by(Customer.name).limit(limit)).all()


def customer_details(session: Session, actor: Actor, customer_id: uuid.UUID) -> dict:
    """The customer with sites, contacts and assets, for the customer window."""
    customer = get_customer(session, actor, customer_id)

    def rows(model):
        return session.scalars(select(model).where(model.customer_id == customer.id,
                                                   model.deleted_at.is_(None))).all()

    return {"customer": customer, "sites": rows(CustomerSite), "contacts": rows(Contact), "assets": rows(Asset)}
