"""Demo data through the ``demo_data`` hook: the machines of the customers the customer
registry's demo made (written through its door), and tickets in every state with their
timelines, repair orders, remote sessions, escalations and complaint plans. Rows go in with bulk
inserts in chunks, so the same code serves a few dozen tickets and a million."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import insert, select

from app.auth.roles import BRANCH_MANAGER, DISPATCHER, FIELD_ENGINEER, HOTLINE
from app.calendars import calendar_for
from app.clock import utcnow
from app.i18n import translate
from app.ids import new_id
from app.orgs.models import OrgUnit
from app.specs import DemoContext
from plugins.customers import service as customers
from plugins.tickets.domain import sla
from plugins.tickets.similar import vocabulary
from plugins.tickets.demo_timeline import TicketStory
from plugins.tickets.models import (EmergencyStep, Escalation, RemoteSession, RepairOrder, RepairPart, Ticket,
                                    TicketCounter, TicketEvent)
from plugins.tickets.domain.numbering import period_of
from plugins.tickets.similar.index import reindex

CHUNK = 10_000
# How a year of work ends up: mostly finished, a few percent open in every state.
STATE_WEIGHTS = {"closed": 55, "archived": 33, "cancelled": 2, "resolved_remotely": 1.6, "new": 0.4,
                 "diagnosing": 2.2, "dispatched": 1.4, "on_site": 0.9, "awaiting_signoff": 1.0,
                 "waiting_for_customer": 0.8}
CATEGORY_WEIGHTS = {"fault": 78, "consultation": 11, "maintenance": 9, "quality_complaint": 2}
CHANNEL_WEIGHTS = {"hotline": 68, "phone": 13, "email": 8, "fax": 2, "remote": 6, "on_site": 3}
PRIORITY_WEIGHTS = {1: 6, 2: 20, 3: 60, 4: 14}


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _Buffer:
    """Rows waiting for one bulk INSERT per model, flushed every CHUNK rows."""

    ORDER = (Ticket, TicketEvent, RepairOrder, RepairPart, RemoteSession, Escalation, EmergencyStep)

    def __init__(self, session):
        self.session, self.rows = session, defaultdict(list)

    def add(self, model, row: dict) -> None:
        self.rows[model].append(row)

    def size(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    def flush(self) -> None:
        for model in self.ORDER:  # parents before children: foreign keys hold at every step
            rows = self.rows.pop(model, [])
            for start in range(0, len(rows), CHUNK):
                # Core executemany: no ORM bookkeeping per row (the demo never reads these objects back)
                self.session.connection().execute(insert(model.__table__), rows[start:start + CHUNK])


def generate(demo: DemoContext) -> None:
    session, rng = demo.session, demo.rng
    top = session.scalar(select(OrgUnit).where(OrgUnit.parent_id.is_(None))) or demo.org_units[0]
    # Reuses the packages already here (at a branch: pulled from HQ, which owns them).
    packages = {p.code: p for p in customers.ensure_default_packages(session, top)}
    if demo.reference_only:
        return
    units = [u for u in demo.org_units if u.tier in ("branch", "partner")] or list(demo.org_units)
    shares = [3 if u.tier == "branch" else 1 for u in units]
    total = max(demo.scale, len(units) * len(STATE_WEIGHTS))
    counts = [max(len(STATE_WEIGHTS), round(total * s / sum(shares))) for s in shares]
    buffer, counters, now = _Buffer(session), {}, utcnow()
    done = 0
    for unit, count in zip(units, counts):
        if demo.cancelled():
            return
        _unit(demo, buffer, unit, count, packages, counters, now)
        done += count
        if buffer.size() >= CHUNK:
            buffer.flush()
        demo.progress(translate("Tickets", "Customers and tickets"), 0.8 * done / sum(counts))
    buffer.flush()
    session.execute(insert(TicketCounter), [{"org_id": o, "period": p, "last_seq": n} for (o, p), n in counters.items()])
    session.flush()
    if not demo.cancelled():
        reindex(session, progress=lambda stage, fraction: demo.progress(stage, 0.8 + 0.2 * fraction),
                cancelled=demo.cancelled)


def _staff_of(demo: DemoContext, unit: OrgUnit, parent: OrgUnit | None) -> SimpleNamespace:
    def pick(role, *orgs):
        for org in orgs:
            if org is not None and demo.users_with_role(role, org.id):
                return demo.users_with_role(role, org.id)
        return demo.users_with_role(role) or [None]

    engineers = demo.users_with_role(FIELD_ENGINEER, unit.id) + (
        demo.users_with_role(FIELD_ENGINEER, parent.id) if parent is not None else [])
    return SimpleNamespace(hotline=pick(HOTLINE, unit, parent), dispatcher=pick(DISPATCHER, unit, parent),
                           manager=pick(BRANCH_MANAGER, unit, parent),
                           engineers=engineers or demo.users_with_role(FIELD_ENGINEER) or [None])


def _installed_base(demo: DemoContext, unit: OrgUnit, packages: dict) -> list[SimpleNamespace]:
    """One to three machines for each customer of the unit, written through the registry's door."""
    rng, assets, rows = demo.rng, [], []
    for customer in customers.demo_customers(demo.session, unit.id):
        for _ in range(rng.choice((1, 2, 2, 3))):
            line = vocabulary.product_line(rng)
            package = rng.choice(customers.DEFAULT_PACKAGES)[0]
            asset = SimpleNamespace(id=new_id(), customer_id=customer.id, line=line, package=packages[package],
                                    contact=customer.contact, serial=f"{unit.code.replace('-', '')}"
                                                                     f"{rng.randrange(16**3):03X}{len(assets) + 1:06d}")
            rows.append({"id": asset.id, "org_id": unit.id, "customer_id": customer.id, "site_id": customer.site_id,
                         "product_line": line, "model": vocabulary.model(rng, line), "serial_number": asset.serial,
                         "service_package_id": asset.package.id,
                         "contract_end": (utcnow() + timedelta(days=rng.randrange(-60, 1100))).date()})
            assets.append(asset)
    customers.insert_assets_in_bulk(demo.session, rows)
    return assets


def _unit(demo: DemoContext, buffer: _Buffer, unit: OrgUnit, count: int, packages: dict, counters: dict,
          now: datetime) -> None:
    rng = demo.rng
    parent = next((u for u in demo.org_units if u.id == unit.parent_id), None)
    staff = _staff_of(demo, unit, parent)
    assets = _installed_base(demo, unit, packages)
    if not assets:  # the registry made no customers here
        return
    calendar = calendar_for(demo.session, unit)
    states = list(STATE_WEIGHTS) + [_weighted(rng, STATE_WEIGHTS) for _ in range(count - len(STATE_WEIGHTS))]
    plans = []
    for state in states:
        open_case = state not in ("closed", "archived", "cancelled")
        if state == "new":
            age = timedelta(minutes=rng.uniform(1, 40))
        elif open_case:  # most open cases are young; a long tail is days old
            age = timedelta(hours=min(120.0, 0.3 + rng.expovariate(1 / 5)))
        else:
            age = timedelta(days=rng.uniform(3, 365))
        plans.append((now - age, state))
    plans.sort()
    for opened_at, state in plans:
        period = period_of(opened_at)
        counters[(unit.id, period)] = counters.get((unit.id, period), 0) + 1
        number = f"{unit.code}-{period}-{counters[(unit.id, period)]:06d}"
        TicketStory(rng, buffer, unit, staff, calendar, now).write(number, opened_at, state, rng.choice(assets))
