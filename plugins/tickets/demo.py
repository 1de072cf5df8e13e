"""Demo data through the ``demo_data`` hook: service packages, customers with sites and
contacts, assets, and tickets in every state with their timelines, repair orders, remote
sessions, escalations and complaint plans. Rows go in with bulk inserts in chunks, so the
same code serves a few dozen tickets and a million."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import insert, select

from app.auth.roles import BRANCH_MANAGER, DISPATCHER, FIELD_ENGINEER, HOTLINE
from app.clock import utcnow
from app.i18n import translate
from app.ids import new_id
from app.orgs.models import OrgUnit
from app.specs import DemoContext
from plugins.tickets import sla, vocabulary
from plugins.tickets.business_time import calendar_for
from plugins.tickets.customers import DEFAULT_PACKAGES, ensure_default_packages
from plugins.tickets.demo_timeline import TicketStory
from plugins.tickets.models import (Asset, Contact, Customer, CustomerSite, EmergencyStep, Escalation, RemoteSession,
                                    RepairOrder, RepairPart, Ticket, TicketCounter, TicketEvent)
from plugins.tickets.numbering import period_of
from plugins.tickets.similar_index import reindex

CHUNK = 10_000
# How a year of work ends up: mostly finished, a few percent open in every state.
STATE_WEIGHTS = {"closed": 55, "archived": 33, "cancelled": 2, "resolved_remotely": 1.6, "new": 0.4,
                 "diagnosing": 2.2, "dispatched": 1.4, "on_site": 0.9, "awaiting_signoff": 1.0,
                 "waiting_for_customer": 0.8}
CATEGORY_WEIGHTS = {"fault": 78, "consultation": 11, "maintenance": 9, "quality_complaint": 2}
CHANNEL_WEIGHTS = {"hotline": 68, "phone": 13, "email": 8, "fax": 2, "remote": 6, "on_site": 3}
PRIORITY_WEIGHTS = {1: 6, 2: 20, 3: 60, 4: 14}
TICKETS_PER_CUSTOMER = 25
STREETS = ["中山路", "人民路", "解放路", "建设路", "和平路", "新华路", "文化路", "长江路", "黄河路", "科技路", "学府路", "滨江大道"]
CONTACT_TITLES = ["信息科", "网络中心", "运维部", "数据中心", "信息技术部"]


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _Buffer:
    """Rows waiting for one bulk INSERT per model, flushed every CHUNK rows."""

    ORDER = (Customer, CustomerSite, Contact, Asset, Ticket, TicketEvent, RepairOrder, RepairPart, RemoteSession,
             Escalation, EmergencyStep)

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
    packages = {p.code: p for p in ensure_default_packages(session, top)}
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


def _customers(demo: DemoContext, buffer: _Buffer, unit: OrgUnit, count: int, packages: dict) -> list[SimpleNamespace]:
    rng, city = demo.rng, unit.region or unit.name[:2]
    names, assets = set(), []
    for n in range(max(2, count // TICKETS_PER_CUSTOMER)):
        name = vocabulary.customer_name(demo.rng)
        while name in names:
            name = f"{name}（{rng.choice('东西南北')}区）" if len(name) < 40 else f"{name[:30]}{len(names)}"
        names.add(name)
        customer_id, site_id = new_id(), new_id()
        buffer.add(Customer, {"id": customer_id, "org_id": unit.id, "name": name, "region": city})
        buffer.add(CustomerSite, {"id": site_id, "org_id": unit.id, "customer_id": customer_id, "name": "主机房",
                                  "address": f"{city}市{rng.choice(STREETS)}{rng.randrange(1, 999)}号"})
        contact = vocabulary_person(rng)
        buffer.add(Contact, {"id": new_id(), "org_id": unit.id, "customer_id": customer_id,
                             "name": f"{contact}（{rng.choice(CONTACT_TITLES)}）",
                             "phone": f"1{rng.randrange(3, 9)}{rng.randrange(10**9):09d}", "email": ""})
        for _ in range(rng.choice((1, 2, 2, 3))):
            line = vocabulary.product_line(rng)
            package = rng.choice(DEFAULT_PACKAGES)[0]
            asset = SimpleNamespace(id=new_id(), customer_id=customer_id, line=line, package=packages[package],
                                    contact=contact, serial=f"{unit.code.replace('-', '')}{rng.randrange(16**3):03X}"
                                                            f"{len(assets) + 1:06d}")
            buffer.add(Asset, {"id": asset.id, "org_id": unit.id, "customer_id": customer_id, "site_id": site_id,
                               "product_line": line, "model": vocabulary.model(rng, line),
                               "serial_number": asset.serial, "service_package_id": asset.package.id,
                               "contract_end": (utcnow() + timedelta(days=rng.randrange(-60, 1100))).date()})
            assets.append(asset)
    return assets


def vocabulary_person(rng: random.Random) -> str:
    from app.demo import GIVEN, SURNAMES

    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _unit(demo: DemoContext, buffer: _Buffer, unit: OrgUnit, count: int, packages: dict, counters: dict,
          now: datetime) -> None:
    rng = demo.rng
    parent = next((u for u in demo.org_units if u.id == unit.parent_id), None)
    staff = _staff_of(demo, unit, parent)
    assets = _customers(demo, buffer, unit, count, packages)
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
