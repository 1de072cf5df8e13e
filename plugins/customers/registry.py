"""Customers: add, edit, retire, find and list them, and say which of those a user may do."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.clock import utcnow
from app.errors import NotFound, UserError, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.scope import org_filter, org_scope
from app.orgs.service import visible_units
from app.orgs.scope import visible_unit
from plugins.customers.common import ensure_written_here, required
from plugins.customers.models import Asset, Contact, Customer, CustomerSite
from plugins.customers.permissions import MANAGE

LIST_LIMIT = 500  # the page shows this many; a search narrows it


@dataclass(frozen=True)
class CustomerRow:
    """One line of the customers page."""

    id: uuid.UUID
    name: str
    region: str
    unit: str  # the serving unit's code
    contact: str
    phone: str
    assets: int


@dataclass(frozen=True)
class CustomerList:
    rows: list[CustomerRow]
    truncated: bool  # more customers match than ``rows`` holds


@dataclass(frozen=True)
class CustomerAction:
    """Something the customers page offers, and whether this user may do it now (and if not, why)."""

    id: str  # add | import | edit | retire
    label: str
    enabled: bool
    reason: str = ""


# ------------------------------------------------------------------ writing


def _clash(session: Session, org_id: uuid.UUID, name: str, other_than: uuid.UUID | None = None) -> None:
    """One name per unit, retired customers included (their cases still carry the name)."""
    stmt = select(Customer.deleted_at).where(Customer.org_id == org_id, Customer.name == name)
    if other_than is not None:
        stmt = stmt.where(Customer.id != other_than)
    found = session.execute(stmt.limit(1)).first()
    if found is None:
        return
    if found.deleted_at is not None:
        raise ValidationError(translate("Customers", "A retired customer of this unit is already called “{name}”.")
                              .format(name=name), field="name")
    raise ValidationError(translate("Customers", "Customer “{name}” already exists.").format(name=name),
                          field="name")


def create_customer(session: Session, actor: Actor, *, name: str, region: str = "",
                    org_id: uuid.UUID | None = None) -> Customer:
    """A new customer of ``org_id`` (the actor's own unit without one)."""
    org = visible_unit(session, actor, org_id)
    ensure_written_here(session, org.id)
    name = required(name, "name", translate("Customers", "Customer name"))
    _clash(session, org.id, name)
    customer = Customer(org_id=org.id, name=name, region=(region or "").strip())
    session.add(customer)
    session.flush()
    audit.record(session, actor, "customer", customer.id, "create", name)
    return customer


def _live_for_change(session: Session, actor: Actor, customer_id: uuid.UUID) -> Customer:
    customer = get_customer(session, actor, customer_id)
    if customer.deleted_at is not None:
        raise ValidationError(translate("Customers", "“{name}” is retired.").format(name=customer.name))
    ensure_written_here(session, customer.org_id)
    return customer


def update_customer(session: Session, actor: Actor, customer_id: uuid.UUID, *, name: str,
                    region: str = "") -> Customer:
    """Rename a customer or change its region."""
    customer = _live_for_change(session, actor, customer_id)
    name = required(name, "name", translate("Customers", "Customer name"))
    region = (region or "").strip()
    before = {"name": customer.name, "region": customer.region}
    if name != customer.name:
        _clash(session, customer.org_id, name, other_than=customer.id)
    customer.name, customer.region = name, region
    session.flush()
    audit.record(session, actor, "customer", customer.id, "update", name, before=before,
                 after={"name": name, "region": region})
    return customer


def retire_customer(session: Session, actor: Actor, customer_id: uuid.UUID) -> Customer:
    """Take a customer off the lists. The row stays, so its cases keep their customer."""
    customer = _live_for_change(session, actor, customer_id)
    customer.deleted_at = utcnow()
    session.flush()
    audit.record(session, actor, "customer", customer.id, "retire", customer.name)
    return customer


# ------------------------------------------------------------------ reading


def get_customer(session: Session, actor: Actor, customer_id: uuid.UUID) -> Customer:
    """A customer the actor may see, retired ones included."""
    customer = session.scalar(select(Customer).where(Customer.id == customer_id,
                                                     org_scope(actor, Customer.org_id)))
    if customer is None:
        raise NotFound(translate("Customers", "No such customer."))
    return customer


def search_customers(session: Session, actor: Actor, text: str = "", limit: int = 50, *,
                     org_id: uuid.UUID | None = None, subtree: bool = False) -> Sequence[Customer]:
    """Live customers by name prefix (what intake types); ``org_id``/``subtree``: the org filter."""
    stmt = select(Customer).where(org_scope(actor, Customer.org_id), Customer.deleted_at.is_(None),
                                  org_filter(session, actor, Customer.org_id, org_id, subtree))
    if text.strip():
        stmt = stmt.where(Customer.name.startswith(text.strip(), autoescape=True))
    return session.scalars(stmt.order_by(Customer.name).limit(limit)).all()


def list_customers(session: Session, actor: Actor, text: str = "", limit: int = LIST_LIMIT, *,
                   org_id: uuid.UUID | None = None, subtree: bool = False) -> CustomerList:
    """The customers page: live customers whose name contains ``text`` or whose region starts
    with it, by name, each with its first contact and how many machines it has."""
    stmt = customer_rows_query(session, actor, text, org_id=org_id, subtree=subtree)
    found = session.execute(stmt.limit(limit + 1)).all()
    rows = [customer_row(r) for r in found[:limit]]
    return CustomerList(rows, truncated=len(found) > limit)


def customer_row(r) -> CustomerRow:
    return CustomerRow(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", r[6] or 0)


def customer_rows_query(session: Session, actor: Actor, text: str = "", *, org_id: uuid.UUID | None = None,
                        subtree: bool = False):
    """The customers page's rows (``customer_row``'s input) by name: the page reads the first ones,
    the export all of them."""
    contact = select(Contact).where(Contact.customer_id == Customer.id, Contact.deleted_at.is_(None)) \
        .order_by(Contact.created_at, Contact.id).limit(1)
    assets = select(func.count()).select_from(Asset).where(Asset.customer_id == Customer.id,
                                                           Asset.deleted_at.is_(None))
    stmt = (select(Customer.id, Customer.name, Customer.region, OrgUnit.code,
                   contact.with_only_columns(Contact.name).scalar_subquery(),
                   contact.with_only_columns(Contact.phone).scalar_subquery(),
                   assets.scalar_subquery())
            .join(OrgUnit, OrgUnit.id == Customer.org_id)
            .where(org_scope(actor, Customer.org_id), Customer.deleted_at.is_(None),
                   org_filter(session, actor, Customer.org_id, org_id, subtree)))
    text = (text or "").strip()
    if text:
        stmt = stmt.where(Customer.name.icontains(text, autoescape=True)
                          | Customer.region.istartswith(text, autoescape=True))
    return stmt.order_by(Customer.name, Customer.id)


def customer_details(session: Session, actor: Actor, customer_id: uuid.UUID) -> dict:
    """The customer with its sites, contacts and machines."""
    customer = get_customer(session, actor, customer_id)

    def rows(model):
        return session.scalars(select(model).where(model.customer_id == customer.id,
                                                   model.deleted_at.is_(None))).all()

    return {"customer": customer, "sites": rows(CustomerSite), "contacts": rows(Contact), "assets": rows(Asset)}


# ------------------------------------------------------------------ what the page offers


def available_actions(session: Session, actor: Actor, customer_id: uuid.UUID | None = None) -> list[CustomerAction]:
    """The page's actions with this user and, for edit and retire, the selected customer."""
    may_manage = actor.has(MANAGE)
    no_right = translate("Customers", "Your roles do not include managing customers.")
    actions = [
        CustomerAction("add", translate("Customers", "Add customer…"), may_manage, "" if may_manage else no_right),
        CustomerAction("import", translate("Customers", "Import from Excel…"), may_manage,
                       "" if may_manage else no_right),
    ]
    reason = _why_not_change(session, actor, customer_id) if may_manage else no_right
    actions += [CustomerAction("edit", translate("Customers", "Edit…"), not reason, reason),
                CustomerAction("retire", translate("Customers", "Retire…"), not reason, reason)]
    return actions


def _why_not_change(session: Session, actor: Actor, customer_id: uuid.UUID | None) -> str:
    if customer_id is None:
        return translate("Customers", "Select a customer first.")
    try:
        _live_for_change(session, actor, customer_id)
    except UserError as refusal:
        return str(refusal)
    return ""


@dataclass(frozen=True)
class UnitChoice:
    id: uuid.UUID
    code: str
    name: str


def units_for_new_customer(session: Session, actor: Actor) -> list[UnitChoice]:
    """The units the actor may add a customer to here: visible ones this installation writes for,
    the actor's own first."""
    if not actor.has(MANAGE):
        return []
    choices = []
    for unit in visible_units(session, actor):
        try:
            ensure_written_here(session, unit.id)
        except UserError:
            continue
        choices.append(UnitChoice(unit.id, unit.code, unit.name))
    return sorted(choices, key=lambda c: c.id != actor.org_id)
