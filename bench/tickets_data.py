"""Bulk generator for bench/tickets.py: org units and staff (the core demo's), customers, assets
and N tickets with vocabulary symptoms, one timeline event each, one ticket with 100 events, and
the similar-case index. Bulk inserts (COPY on PostgreSQL) so a million rows take minutes."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select, text

from app import demo
from app.auth.models import User
from app.auth.roles import FIELD_ENGINEER, HOTLINE
from app.auth.service import actor_for
from app.clock import utcnow
from app.ids import new_id
from app.setup import initialize
from plugins.customers import demo_names
from plugins.customers.service import Asset, Customer, ensure_default_packages
from plugins.tickets.similar import vocabulary
from plugins.tickets.models import Ticket, TicketCounter, TicketEvent
from plugins.tickets.similar.index import reindex

CHUNK = 20_000
STATES = {"closed": 55, "archived": 25, "resolved_remotely": 3, "cancelled": 2, "new": 1, "diagnosing": 4,
          "dispatched": 3, "on_site": 2, "awaiting_signoff": 3, "waiting_for_customer": 2}
OPEN = {"new", "diagnosing", "dispatched", "on_site", "awaiting_signoff", "waiting_for_customer", "resolved_remotely"}
CATEGORIES = {"fault": 80, "consultation": 10, "maintenance": 8, "quality_complaint": 2}
CHANNELS = {"hotline": 70, "phone": 12, "email": 8, "fax": 2, "remote": 5, "on_site": 3}


@dataclass
class BenchData:
    hq_actor: object
    branch_actor: object
    engineer_id: object
    customer_id: object
    number: str
    serial: str
    customer_prefix: str
    week: tuple[datetime, datetime]
    busy_ticket_id: object


def with_defaults(model, rows: list[dict]) -> list[dict]:
    """COPY knows no Python-side defaults: fill the scalar ones the generator left out."""
    missing = [c for c in model.__table__.columns
               if c.name not in rows[0] and c.default is not None and c.default.is_scalar]
    for row in rows:
        for column in missing:
            row[column.name] = column.default.arg
    return rows


def bulk(session, model, rows: list[dict]) -> None:
    if not rows:
        return
    rows = with_defaults(model, rows)
    if session.get_bind().dialect.name == "postgresql":
        columns = list(rows[0])
        raw = session.connection().connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(
                f"COPY {model.__tablename__} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    else:
        session.execute(insert(model), rows)


def synced(now: datetime) -> dict:
    return {"created_at": now, "updated_at": now, "deleted_at": None, "row_version": 1, "sync_seq": None}


def weighted(rng: random.Random, table: dict):
    return rng.choices(list(table), weights=list(table.values()))[0]


def _network(ctx, tickets: int, rng: random.Random):
    with ctx.transaction() as session:
        hq = initialize(session, tier="hq", code="HQ", name="总部技术支持部", parent_code=None,
                        admin_username="admin", admin_password="bench-pass-2026")
        units = demo._org_units(session, hq, tickets, rng)
        staff = demo._staff(session, units, rng)
        ensure_default_packages(session, hq)
        units = [(u.id, u.code, u.tier) for u in units]
        engineers = {}
        for user in staff.get(FIELD_ENGINEER, []):
            engineers.setdefault(user.org_id, []).append(user.id)
        admin = actor_for(session, session.scalar(select(User).where(User.username == "admin")))
        hotline = next(u for u in staff[HOTLINE] if u.org_id != hq.id)
        branch_actor = actor_for(session, hotline)
    return units, engineers, admin, branch_actor


def _customers(ctx, units, rng: random.Random, now: datetime):
    customers, assets = [], []
    with ctx.transaction() as session:
        rows, asset_rows = [], []
        for org_id, code, tier in units:
            for n in range(40 if tier != "partner" else 12):
                customer_id = new_id()
                city = rng.choice(demo_names.CITIES)
                name = f"{demo_names.customer_name(rng, city)}{code}{n:03d}"
                rows.append({"id": customer_id, "org_id": org_id, "name": name, "region": city, **synced(now)})
                owned = []
                for _ in range(rng.randint(1, 5)):
                    line = vocabulary.product_line(rng)
                    serial = f"SN{len(assets) + len(asset_rows):010d}"
                    asset_id = new_id()
                    asset_rows.append({"id": asset_id, "org_id": org_id, "customer_id": customer_id, "site_id": None,
                                       "product_line": line, "model": vocabulary.model(rng, line),
                                       "serial_number": serial, "service_package_id": None, "contract_end": None,
                                       **synced(now)})
                    owned.append((asset_id, serial, line))
                customers.append((customer_id, org_id, code, name, owned))
        bulk(session, Customer, rows)
        bulk(session, Asset, asset_rows)
    return customers


def _ticket(rng, customer, engineers, now, counters, index):
    customer_id, org_id, code, _, owned = customer
    asset_id, serial, line = rng.choice(owned) if rng.random() < 0.9 else (None, "", vocabulary.product_line(rng))
    state = weighted(rng, STATES)
    is_open = state in OPEN
    opened = now - timedelta(minutes=rng.randrange(14 * 24 * 60 if is_open else 730 * 24 * 60))
    period = opened.strftime("%Y%m")
    counters[(org_id, code, period)] += 1
    record = vocabulary.record(rng, line)
    engineer = rng.choice(engineers.get(org_id) or [None]) if state not in ("new", "diagnosing") else None
    due = opened + timedelta(hours=rng.choice((2, 4, 9, 24, 27))) if is_open else None
    closed = state in ("closed", "archived")
    return {"id": new_id(), "org_id": org_id, "number": f"{code}-{period}-{counters[(org_id, code, period)]:06d}",
            "channel": weighted(rng, CHANNELS), "customer_id": customer_id, "asset_id": asset_id,
            "serial_number": serial, "product_line": line, "contact_name": "", "contact_phone": "",
            "symptom": record.symptom, "diagnosis": "", "category": weighted(rng, CATEGORIES),
            "resolution": record.resolution if state in ("closed", "archived", "resolved_remotely") else "",
            "priority": rng.choices((1, 2, 3, 4), weights=(5, 20, 60, 15))[0], "state": state, "is_open": is_open,
            "paused_from": "diagnosing" if state == "waiting_for_customer" else None, "engineer_id": engineer,
            "engineer_eta": None, "escalated_to_org_id": None, "opened_at": opened, "opened_by": None,
            "responded_at": opened + timedelta(minutes=20), "arrived_at": None,
            "resolved_at": opened + timedelta(hours=6) if not is_open or state == "resolved_remotely" else None,
            "closed_at": opened + timedelta(days=1) if closed else None, "response_due_at": due,
            "onsite_due_at": None, "resolution_due_at": due, "next_due_at": due, "next_sla_check_at": due,
            "paused_since": None, "paused_seconds": 0, "sla_marks": "",
            "breached": (due is not None and due < now) or rng.random() < 0.06, **synced(now)}


def _event(ticket: dict, at: datetime, kind: str, text_: str, to_state: str | None) -> dict:
    return {"id": new_id(), "org_id": ticket["org_id"], "ticket_id": ticket["id"], "at": at, "actor_id": None,
            "actor_name": "系统", "kind": kind, "from_state": None, "to_state": to_state, "text": text_,
            **synced(at)}


def build(ctx, tickets: int, log) -> BenchData:
    rng = random.Random(2026)
    now = utcnow()
    units, engineers, admin, branch_actor = _network(ctx, tickets, rng)
    log(f"{len(units)} org units")
    customers = _customers(ctx, units, rng, now)
    log(f"{len(customers)} customers")
    counters: Counter = Counter()
    sample = None
    for start in range(0, tickets, CHUNK):
        with ctx.transaction() as session:
            rows = [_ticket(rng, rng.choice(customers), engineers, now, counters, start + i)
                    for i in range(min(CHUNK, tickets - start))]
            bulk(session, Ticket, rows)
            bulk(session, TicketEvent, [_event(r, r["opened_at"], "created", r["symptom"], "new") for r in rows])
            sample = sample or rows[len(rows) // 2]
        if start % 200_000 == 0:
            log(f"{start + len(rows):,} tickets")
    busy = sample
    with ctx.transaction() as session:
        bulk(session, TicketEvent, [_event(busy, busy["opened_at"] + timedelta(minutes=i), "note",
                                           f"第{i}次跟进：{vocabulary.symptom(rng)}", None) for i in range(1, 100)])
        bulk(session, TicketCounter, [{"org_id": org_id, "period": period, "last_seq": seq}
                                      for (org_id, _, period), seq in counters.items()])
    log("tickets and events written; analysing")
    with ctx.engine.connect() as connection:
        connection.execute(text("ANALYZE"))
        connection.commit()
    with ctx.transaction() as session:
        log(f"similar-case index: {reindex(session):,} resolved tickets")
    with ctx.engine.connect() as connection:
        connection.execute(text("ANALYZE"))
        connection.commit()
    customer = next(c for c in customers if c[0] == sample["customer_id"])
    return BenchData(admin, branch_actor, sample["engineer_id"] or next(iter(engineers.values()))[0],
                     sample["customer_id"], sample["number"], sample["serial_number"] or "SN0000000001",
                     customer[3][:4], (now - timedelta(days=100), now - timedelta(days=93)), busy["id"])


def load(ctx) -> BenchData:
    """The figures' inputs from a database ``build`` filled earlier (``--reuse``)."""
    from sqlalchemy import func

    now = utcnow()
    with ctx.reading() as session:
        admin = actor_for(session, session.scalar(select(User).where(User.username == "admin")))
        hotline = session.scalar(select(User).where(User.username == "hotline1", User.org_id != admin.org_id).limit(1))
        busy = session.scalar(select(TicketEvent.ticket_id).where(TicketEvent.kind == "note")
                              .group_by(TicketEvent.ticket_id).having(func.count() >= 99).limit(1))
        ticket = session.get(Ticket, busy)
        customer = session.get(Customer, ticket.customer_id)
        engineer = ticket.engineer_id or session.scalar(select(Ticket.engineer_id).where(
            Ticket.engineer_id.is_not(None)).limit(1))
        return BenchData(admin, actor_for(session, hotline), engineer, ticket.customer_id, ticket.number,
                         ticket.serial_number or "SN0000000001", customer.name[:4],
                         (now - timedelta(days=100), now - timedelta(days=93)), busy)
