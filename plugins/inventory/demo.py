"""Demo stock for the ``demo_data`` hook: the catalog, depots (HQ central, every branch, some
partners, vans of some field engineers), stock levels, and a ledger simulated event by event
(receipts, requests with hits and misses, issues, defective returns, RMA, replenishing
transfers) so that balances, serial numbers and requests agree exactly. Rows go in with bulk
inserts in chunks; about ``scale`` ledger rows, at most 1,000,000."""

from __future__ import annotations

import bisect
import uuid
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import insert, select

from app.auth.roles import DISPATCHER, FIELD_ENGINEER
from app.clock import utcnow
from app.i18n import translate
from app.ids import new_id
from app.orgs.tree import lineage_ids
from plugins.inventory import demo_catalog
from plugins.inventory.ledger import KIND_DELTAS
from plugins.inventory.models import (Balance, Depot, Movement, Part, PartRequest, SerialUnit, StockLevel,
                                      Transfer)
from plugins.inventory.part_requests import DELAY_HOURS_PER_TIER, KIND_ORDER

CHUNK = 5000
SPAN = timedelta(days=540)
MAX_ROWS = 1_000_000


def target_rows(scale: int) -> int:
    return max(3000, min(MAX_ROWS, scale))


def generate(demo) -> None:
    session = demo.session
    demo.progress(translate("Inventory", "Spare parts: catalog and depots"), 0.0)
    parts, weights = _catalog(session)
    if demo.reference_only:  # the catalog is HQ's reference data; depots and stock are the units'
        return
    depots = _depots(session, demo)
    session.flush()
    Simulation(demo, parts, weights, depots).run()


def _catalog(session) -> tuple[list[Part], list[int]]:
    """The demo catalog, reusing parts already here (at a branch: pulled from HQ, which owns them)."""
    known = {p.part_number: p for p in session.scalars(select(Part))}
    parts, weights = [], []
    for values, weight in demo_catalog.rows():
        part = known.get(values["part_number"])
        if part is None:
            part = Part(**values)
            session.add(part)
        parts.append(part)
        weights.append(weight)
    session.flush()
    return parts, weights


def _depots(session, demo) -> list[Depot]:
    depots = []
    engineers = demo.staff.get(FIELD_ENGINEER, [])
    for unit in demo.org_units:
        if unit.tier == "hq":
            depots.append(Depot(org_id=unit.id, code=f"{unit.code}-C01", name=f"{unit.name}中央备件库", kind="central"))
        elif unit.tier == "branch":
            depots.append(Depot(org_id=unit.id, code=f"{unit.code}-D01", name=f"{unit.region or unit.code}备件库",
                                kind="branch"))
            if demo.rng.random() < 0.2:  # big cities keep a second store
                depots.append(Depot(org_id=unit.id, code=f"{unit.code}-D02",
                                    name=f"{unit.region or unit.code}二号备件库", kind="branch"))
        elif demo.rng.random() < 0.6:
            depots.append(Depot(org_id=unit.id, code=f"{unit.code}-D01", name=f"{unit.name[:10]}备件点",
                                kind="partner"))
    if not depots and demo.org_units:  # a partner's own installation keeps its stock somewhere
        unit = demo.org_units[0]
        depots.append(Depot(org_id=unit.id, code=f"{unit.code}-D01", name=f"{unit.name[:10]}备件点", kind="partner"))
    for engineer in engineers:
        if demo.rng.random() < 0.35:
            org = next(u for u in demo.org_units if u.id == engineer.org_id)
            depots.append(Depot(org_id=org.id, code=f"{org.code}-V-{engineer.username}".upper()[:40],
                                name=f"{engineer.display_name}的随车备件", kind="van", engineer_id=engineer.id))
    session.add_all(depots)
    return depots


class Simulation:
    """Replays a plausible history in memory, keeping every balance and serial valid."""

    def __init__(self, demo, parts, weights, depots):
        self.demo, self.session, self.rng = demo, demo.session, demo.rng
        self.parts, self.depots = parts, depots
        self.cumulative = [sum(weights[: i + 1]) for i in range(len(weights))]
        self.units = {u.id: u for u in demo.org_units}
        self.by_org = defaultdict(list)
        for d in sorted(depots, key=lambda d: (KIND_ORDER.get(d.kind, 3), d.code)):
            self.by_org[d.org_id].append(d)
        self.central = next((d for d in depots if d.kind == "central"), None) or depots[0]
        self.requesters = [u for u in demo.org_units if u.tier != "hq"] or list(demo.org_units)
        dispatchers = demo.staff.get(DISPATCHER, [])
        self.who = {u.org_id: (u.id, f"{u.username}") for u in dispatchers}
        self.balance = defaultdict(lambda: [0, 0, 0, 0])
        self.in_stock = defaultdict(list)   # (depot id, part index) -> serials in good stock
        self.defective = defaultdict(list)  # (depot id, part index) -> defective serials
        self.serials = {}                   # serial -> [part id, state, depot id, ticket id]
        self.levels = {}
        self.rows, self.requests, self.transfers = [], [], []
        self.count, self.serial_seq, self.ticket_seq = 0, 0, 0
        self.now = utcnow()
        self.start = self.now - SPAN
        self.target = target_rows(demo.scale)

    # ------------------------------------------------------------ ledger

    def post(self, depot, p, kind, qty, at, serial=None, ticket=None, transfer_id=None, other=None, reason=""):
        deltas = [d * qty for d in KIND_DELTAS[kind]]
        bal = self.balance[(depot.id, p)]
        for i, d in enumerate(deltas):
            bal[i] += d
        who_id, who_name = self.who.get(depot.org_id, (None, "demo"))
        self.rows.append(dict(
            id=new_id(), org_id=depot.org_id, depot_id=depot.id, part_id=self.parts[p].id, kind=kind, quantity=qty,
            d_on_hand=deltas[0], d_reserved=deltas[1], d_in_transit=deltas[2], d_defective=deltas[3], serial=serial,
            ticket_id=ticket[0] if ticket else None, ticket_number=ticket[1] if ticket else None,
            transfer_id=transfer_id, other_depot_id=other.id if other else None, reason=reason, actor_id=who_id,
            actor_name=who_name, at=at, created_at=at, updated_at=at, deleted_at=None, row_version=1, sync_seq=None))
        self.count += 1
        if len(self.rows) >= CHUNK:
            self.flush_rows()

    def flush_rows(self):
        if self.rows:
            self.session.execute(insert(Movement.__table__), self.rows)
            self.rows = []
        if self.requests:
            self.session.execute(insert(PartRequest.__table__), self.requests)
            self.requests = []
        self.demo.progress(translate("Inventory", "Spare parts: stock ledger"), min(1.0, self.count / self.target))

    def new_serial(self, p, prefix="SN"):
        self.serial_seq += 1
        return f"{prefix}{self.parts[p].part_number[:3]}{self.serial_seq:09d}"

    def receive(self, depot, p, qty, at, kind="receive", reason=""):
        if not self.parts[p].serialised:
            self.post(depot, p, kind, qty, at, reason=reason)
            return
        for _ in range(qty):
            serial = self.new_serial(p)
            self.serials[serial] = [self.parts[p].id, "in_stock", depot.id, None]
            self.in_stock[(depot.id, p)].append(serial)
            self.post(depot, p, kind, 1, at, serial=serial, reason=reason)

    def available(self, depot, p):
        bal = self.balance[(depot.id, p)]
        return bal[0] - bal[1]

    # ------------------------------------------------------------ history

    def run(self):
        self.initial_stock()
        while self.count < self.target:
            if self.demo.cancelled():
                return
            fraction = self.count / self.target
            self.request(self.start + SPAN * fraction)
        self.flush_rows()
        self.write_state()

    def initial_stock(self):
        reason = translate("Inventory", "Opening stock")
        for depot in self.depots:
            for p, part in enumerate(self.parts):
                weight = self.cumulative[p] - (self.cumulative[p - 1] if p else 0)
                qty = self.opening_quantity(depot, part, weight)
                if qty:
                    self.levels[(depot.id, p)] = (max(1, qty // 3), qty)
                    self.receive(depot, p, qty, self.start, reason=reason)

    def opening_quantity(self, depot, part, weight):
        rng = self.rng
        if depot.kind == "central":
            return rng.randint(30, 60)
        if depot.kind == "branch":
            return rng.randint(2, 4 + weight // 2) if weight >= 3 or rng.random() < 0.3 else 0
        if depot.kind == "partner":
            return rng.randint(1, 3) if part.replaceable_by == "CRU" and weight >= 6 else 0
        return rng.randint(1, 2) if part.replaceable_by == "CRU" and weight >= 10 and rng.random() < 0.5 else 0

    def chain(self, org_id):
        unit = self.units.get(org_id)
        return [] if unit is None else [self.units[i] for i in lineage_ids(unit.path) if i in self.units]

    def find_source(self, org_id, p, qty):
        for step, unit in enumerate(self.chain(org_id)):
            for depot in self.by_org.get(unit.id, []):
                if (step == 0 or depot.kind != "van") and self.available(depot, p) >= qty:
                    return depot, step
        return None, 0

    def request(self, at):
        rng = self.rng
        org = rng.choice(self.requesters)
        p = bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])
        part = self.parts[p]
        qty = 1 if part.serialised else rng.choice((1, 1, 1, 2))
        self.ticket_seq += 1
        ticket = (uuid.UUID(int=rng.getrandbits(128)), f"{org.code}-{at:%Y%m}-{self.ticket_seq:07d}")
        source, step = self.find_source(org.id, p, qty)
        home = next((d for d in self.by_org.get(org.id, []) if d.kind != "van"), None)
        state = "unserved"
        if source is not None:
            self.post(source, p, "reserve", qty, at, ticket=ticket)
            state = self.settle(source, home, p, qty, at, ticket)
        self.requests.append(dict(
            id=new_id(), org_id=org.id, ticket_id=ticket[0], ticket_number=ticket[1], part_id=part.id, quantity=qty,
            home_depot_id=home.id if home else None, source_depot_id=source.id if source else None,
            hit=source is not None and step == 0, delay_hours=step * DELAY_HOURS_PER_TIER if source else 0,
            state=state, requested_by=None, requested_at=at, created_at=at, updated_at=at, deleted_at=None,
            row_version=1, sync_seq=None))
        if source is None:  # nobody had it: HQ buys more
            self.receive(self.central, p, 20, at, reason=translate("Inventory", "Purchase"))

    def settle(self, source, home, p, qty, at, ticket):
        """Most reservations are fitted within a day; a few are cancelled; the latest still wait."""
        if at > self.now - timedelta(days=3):
            return "reserved"
        if self.rng.random() < 0.04:
            self.post(source, p, "release", qty, at + timedelta(hours=4), ticket=ticket)
            return "cancelled"
        used_at = at + timedelta(hours=self.rng.randint(2, 30))
        serial = None
        if self.parts[p].serialised:
            stock = self.in_stock[(source.id, p)]
            serial = stock.pop(self.rng.randrange(len(stock)))
            self.serials[serial] = [self.parts[p].id, "installed", None, ticket[0]]
        self.post(source, p, "issue", qty, used_at, serial=serial, ticket=ticket)
        back = home or source
        faulty = None
        if self.parts[p].serialised:
            faulty = self.new_serial(p, "CS")  # the customer's unit, first seen now
            self.serials[faulty] = [self.parts[p].id, "defective", back.id, ticket[0]]
            self.defective[(back.id, p)].append(faulty)
        self.post(back, p, "return_defective", qty, used_at, serial=faulty, ticket=ticket,
                  reason=translate("Inventory", "Removed at the customer"))
        self.after_issue(source, back, p, used_at)
        return "issued"

    def after_issue(self, source, back, p, at):
        if self.balance[(back.id, p)][3] >= 4:
            self.rma(back, p, at + timedelta(days=1))
        level = self.levels.get((source.id, p))
        if source.kind != "central" and level and self.available(source, p) < level[0]:
            self.replenish(source, p, level[1] - self.available(source, p), at + timedelta(hours=6))

    def rma(self, depot, p, at):
        qty = self.balance[(depot.id, p)][3]
        if not self.parts[p].serialised:
            self.post(depot, p, "rma", qty, at)
            return
        for serial in self.defective.pop((depot.id, p), []):
            self.serials[serial][1:3] = ["rma", None]
            self.post(depot, p, "rma", 1, at, serial=serial)

    def replenish(self, depot, p, qty, at):
        if self.available(self.central, p) < qty:
            self.receive(self.central, p, qty + 30, at - timedelta(hours=1), reason=translate("Inventory", "Purchase"))
        transfer_id = new_id()
        serials = []
        if self.parts[p].serialised:
            stock = self.in_stock[(self.central.id, p)]
            serials = [stock.pop() for _ in range(qty)]
        arrives = at + timedelta(days=2)
        received = arrives < self.now
        for q, serial in ([(1, s) for s in serials] or [(qty, None)]):
            self.post(self.central, p, "transfer_out", q, at, serial=serial, transfer_id=transfer_id, other=depot)
            self.post(depot, p, "in_transit", q, at, serial=serial, transfer_id=transfer_id, other=self.central)
            if received:
                self.post(depot, p, "transfer_in", q, arrives, serial=serial, transfer_id=transfer_id,
                          other=self.central)
            if serial:
                self.serials[serial][1:3] = ["in_stock" if received else "in_transit", depot.id]
                if received:
                    self.in_stock[(depot.id, p)].append(serial)
        self.transfers.append(dict(
            id=transfer_id, org_id=self.central.org_id, number=f"T-{self.central.code}-{at:%Y%m%d}-{transfer_id.hex[-8:]}",
            from_depot_id=self.central.id, to_depot_id=depot.id, part_id=self.parts[p].id, quantity=qty,
            serials=",".join(serials), state="received" if received else "in_transit", sent_by=None, sent_at=at,
            received_by=None, received_at=arrives if received else None, created_at=at, updated_at=at,
            deleted_at=None, row_version=1, sync_seq=None))

    # ------------------------------------------------------------ the rest of the tables

    def write_state(self):
        session, depots = self.session, {d.id: d for d in self.depots}
        self.demo.progress(translate("Inventory", "Spare parts: balances"), 1.0)
        balances = [dict(depot_id=d, part_id=self.parts[p].id, org_id=depots[d].org_id, on_hand=b[0], reserved=b[1],
                         in_transit=b[2], defective=b[3], version=1) for (d, p), b in self.balance.items()]
        levels = [dict(id=new_id(), org_id=depots[d].org_id, depot_id=d, part_id=self.parts[p].id, min_qty=lo,
                       max_qty=hi, created_at=self.start, updated_at=self.start, deleted_at=None, row_version=1,
                       sync_seq=None) for (d, p), (lo, hi) in self.levels.items() if depots[d].kind != "van"]
        serials = [dict(id=new_id(), part_id=part_id, serial=serial, state=state, depot_id=depot_id, ticket_id=ticket,
                        created_at=self.now, updated_at=self.now, deleted_at=None, row_version=1, sync_seq=None)
                   for serial, (part_id, state, depot_id, ticket) in self.serials.items()]
        for table, rows in ((Balance.__table__, balances), (StockLevel.__table__, levels),
                            (Transfer.__table__, self.transfers), (SerialUnit.__table__, serials)):
            for i in range(0, len(rows), CHUNK):
                session.execute(insert(table), rows[i:i + CHUNK])
