"""Demo data through the ``demo_data`` hook: the standard service packages, and for every branch
and partner its customers, each with a machine room and a contact, in the city where the
customer is. Bulk inserts in chunks, so the same code serves a handful of customers and tens
of thousands.

Other plugins' demos build on these rows: ``demo_customers`` reads a unit's customers back, and
``insert_assets_in_bulk`` writes the machines they decide on (demo data and benchmarks only:
no checks, no audit)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.i18n import translate
from app.ids import new_id
from app.orgs.models import OrgUnit
from app.specs import DemoContext
from plugins.customers import demo_names
from plugins.customers.models import Asset, Contact, Customer, CustomerSite
from plugins.customers.packages import ensure_default_packages

CHUNK = 10_000
CASES_PER_CUSTOMER = 25  # the demo's scale counts cases: about one customer per 25 of them
MIN_CASES_PER_UNIT = 10
MIN_CUSTOMERS_PER_UNIT = 2


@dataclass(frozen=True)
class CustomerCard:
    """A customer as another plugin's demo needs it: where it is and whom to call."""

    id: uuid.UUID
    org_id: uuid.UUID
    name: str
    region: str
    site_id: uuid.UUID | None
    contact: str
    phone: str


def generate(demo: DemoContext) -> None:
    session, rng = demo.session, demo.rng
    top = session.scalar(select(OrgUnit).where(OrgUnit.parent_id.is_(None))) or demo.org_units[0]
    ensure_default_packages(session, top)  # reuses the ones here (at a branch: pulled from HQ)
    if demo.reference_only:
        return
    units = [u for u in demo.org_units if u.tier in ("branch", "partner")] or list(demo.org_units)
    shares = [3 if u.tier == "branch" else 1 for u in units]
    cases = max(demo.scale, len(units) * MIN_CASES_PER_UNIT)
    rows: dict[type, list[dict]] = defaultdict(list)
    for index, (unit, share) in enumerate(zip(units, shares)):
        if demo.cancelled():
            return
        count = max(MIN_CUSTOMERS_PER_UNIT, round(cases * share / sum(shares)) // CASES_PER_CUSTOMER)
        _customers_of(demo, unit, count, rows)
        if sum(len(r) for r in rows.values()) >= CHUNK:
            _flush(session, rows)
        demo.progress(translate("Customers", "Customers"), (index + 1) / len(units))
    _flush(session, rows)


def _customers_of(demo: DemoContext, unit: OrgUnit, count: int, rows: dict[type, list[dict]]) -> None:
    rng, home = demo.rng, unit.region or unit.name[:2]
    names: set[str] = set()
    for _ in range(count):
        city = demo_names.city_for(rng, home)
        name = demo_names.customer_name(rng, city)
        while name in names:
            name = f"{name}（{rng.choice('东西南北')}区）" if len(name) < 40 else f"{name[:30]}{len(names)}"
        names.add(name)
        customer_id = new_id()
        rows[Customer].append({"id": customer_id, "org_id": unit.id, "name": name, "region": city})
        rows[CustomerSite].append({"id": new_id(), "org_id": unit.id, "customer_id": customer_id, "name": "主机房",
                                   "address": demo_names.address(rng, city)})
        rows[Contact].append({"id": new_id(), "org_id": unit.id, "customer_id": customer_id,
                              "name": demo_names.contact_person(rng), "phone": demo_names.mobile(rng), "email": ""})


def _flush(session: Session, rows: dict[type, list[dict]]) -> None:
    for model in (Customer, CustomerSite, Contact):  # parents first: foreign keys hold at every step
        pending = rows.pop(model, [])
        for start in range(0, len(pending), CHUNK):
            # Core executemany: no ORM bookkeeping per row (nothing reads these objects back)
            session.connection().execute(insert(model.__table__), pending[start:start + CHUNK])


def demo_customers(session: Session, org_id: uuid.UUID) -> list[CustomerCard]:
    """Every live customer of one unit with its first site and contact, by name."""
    first_site = select(CustomerSite.id).where(CustomerSite.customer_id == Customer.id) \
        .order_by(CustomerSite.id).limit(1).scalar_subquery()
    contact = select(Contact).where(Contact.customer_id == Customer.id).order_by(Contact.id).limit(1)
    found = session.execute(
        select(Customer.id, Customer.org_id, Customer.name, Customer.region, first_site,
               contact.with_only_columns(Contact.name).scalar_subquery(),
               contact.with_only_columns(Contact.phone).scalar_subquery())
        .where(Customer.org_id == org_id, Customer.deleted_at.is_(None)).order_by(Customer.name))
    return [CustomerCard(*row[:5], row[5] or "", row[6] or "") for row in found]


def insert_assets_in_bulk(session: Session, rows: Sequence[dict]) -> None:
    """Machines as dicts of ``Asset`` columns, in one executemany per chunk."""
    for start in range(0, len(rows), CHUNK):
        session.connection().execute(insert(Asset.__table__), list(rows[start:start + CHUNK]))
