"""The HQ rollup and dashboards at scale (issue #12). Prints figures; never fails on a time.

Builds an HQ database on PostgreSQL: B branches (default 150) with three partners each and their
staff (the core demo's), the other plugins' demo rows for that network (customers, inventory,
training, certification, visits, at ``--demo-scale``), and T tickets (default 2,000,000) opened
over the last two years with their three commitments (first response, on-site arrival,
resolution; most kept, some late), escalations to the branch, to HQ and to HQ's experts —
bulk inserts (COPY). Then, for a quarter (default: the last whole one), as HQ, prints against
the budgets:

    the whole workbook (write_rollup)  ≤ 10 s  ·  the dashboard figures for HQ  ≤ 1 s

and each plugin's share of the time, and the figures the dashboard shows (the network total and
the first branches).

    python bench/rollup.py [--tickets 2000000] [--branches 150] [--period 2026Q1]
                           [--keep DIR [--reuse]] [--url URL] [--runs 3]

``--keep DIR`` keeps the PostgreSQL cluster in DIR (started and stopped by this script);
``--reuse`` measures the database kept there again, without generating. ``--url`` measures an
existing database filled earlier by this script (no server started, no generation).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import textwrap
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SERVICE_CENTER_LANG", "en")
os.environ.setdefault("SERVICE_CENTER_HOME", tempfile.mkdtemp(prefix="sc-bench-home-"))

from app.ids import new_id  # noqa: E402
from pgserver import PostgresServer, find_bin_dir  # noqa: E402
from tickets_data import CATEGORIES, CHANNELS, OPEN, STATES, bulk, synced, weighted  # noqa: E402

BUDGETS = {"workbook": 10.0, "dashboard": 1.0}
CHUNK = 20_000
DATABASE = "rollup_bench"
ADMIN_PASSWORD = "bench-pass-2026"
# first response, on-site arrival, resolution in minutes: 7×24 4-hour, 5×8 next business day, remote only
PACKAGES = ((30, 240, 1440), (120, 1440, 2880), (60, 0, 4320))
IN_TIME = 0.93  # the share of commitments kept
ESCALATED = {"branch": 0.03, "hq": 0.01, "expert": 0.005}


# ------------------------------------------------------------------ the server


class KeptServer(PostgresServer):
    """A PostgreSQL cluster in a folder of the caller's, kept after the run and started again
    from it with ``--reuse``."""

    def __init__(self, bin_dir: Path, folder: Path):
        super().__init__(bin_dir)
        shutil.rmtree(self.root, ignore_errors=True)  # the parent made a temp root: use the kept one
        self.root = folder.resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.data = self.root / "data"
        if self.user:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, self.user, self.user)

    def start(self) -> KeptServer:
        if (self.data / "PG_VERSION").exists():
            options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                       f"-c synchronous_commit=off -c full_page_writes=off")
            self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")
            return self
        return super().start()

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def named_database(self, reuse: bool) -> str:
        import psycopg

        with psycopg.connect(self.url().replace("+psycopg", ""), autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)).fetchone()
            if exists and not reuse:
                conn.execute(f'DROP DATABASE "{DATABASE}" WITH (FORCE)')
            if not exists or not reuse:
                conn.execute(f'CREATE DATABASE "{DATABASE}" TEMPLATE template0')
        return DATABASE


# ------------------------------------------------------------------ generation


def build(ctx, tickets: int, branches: int, demo_scale: int, log) -> None:
    from sqlalchemy import text

    from app.clock import utcnow

    rng = random.Random(2026)
    now = utcnow()
    units, engineers, staff_ids = network(ctx, branches, demo_scale, rng, log)
    log(f"{len(units)} org units, {sum(len(e) for e in engineers.values())} field engineers")
    customers = customers_of(ctx, units, rng, now)
    log(f"{len(customers):,} customers for the tickets")
    write_tickets(ctx, tickets, units, customers, engineers, staff_ids, rng, now, log)
    with ctx.engine.connect() as connection:
        connection.execute(text("ANALYZE"))
        connection.commit()
    log("analysed")


def network(ctx, branches: int, demo_scale: int, rng, log):
    """HQ, the branches and partners, their staff, and the other plugins' demo rows."""
    from app import demo
    from app.auth.roles import FIELD_ENGINEER
    from app.setup import initialize
    from app.specs import DemoContext

    with ctx.transaction() as session:
        hq = initialize(session, tier="hq", code="HQ", name="总部技术支持部", parent_code=None,
                        admin_username="admin", admin_password=ADMIN_PASSWORD)
        # the demo makes one branch per 6,500 cases of its scale (150 at most)
        units = demo._org_units(session, hq, branches * 6500, rng)
        staff = demo._staff(session, units, rng)
        started = time.perf_counter()
        others = ctx.plugins.pm.subset_hook_caller("demo_data", remove_plugins=[ctx.plugins.pm.get_plugin("tickets")])
        others(demo=DemoContext(session=session, rng=rng, scale=demo_scale, org_units=units, staff=staff,
                                hook=ctx.hook))
        log(f"the other plugins' demo rows (scale {demo_scale:,}) in {time.perf_counter() - started:.0f} s")
        engineers: dict = {}
        for user in staff.get(FIELD_ENGINEER, []):
            engineers.setdefault(user.org_id, []).append(user.id)
        staff_ids = {unit.id: [u.id for users in staff.values() for u in users if u.org_id == unit.id]
                     for unit in units}
        return [(u.id, u.code, u.tier, u.parent_id) for u in units], engineers, staff_ids


def customers_of(ctx, units, rng, now):
    """A few customers with machines per unit (the tickets' own; the demo's stay as they are)."""
    from plugins.customers import demo_names
    from plugins.customers.service import Asset, Customer
    from plugins.tickets.similar import vocabulary

    customers, rows, asset_rows = [], [], []
    for org_id, code, tier, _parent in units:
        for n in range(30 if tier != "partner" else 10):
            customer_id = new_id()
            city = rng.choice(demo_names.CITIES)
            name = f"{demo_names.customer_name(rng, city)}{code}{n:03d}"
            rows.append({"id": customer_id, "org_id": org_id, "name": name, "region": city, **synced(now)})
            owned = []
            for _ in range(rng.randint(1, 4)):
                line, asset_id = vocabulary.product_line(rng), new_id()
                serial = f"RB{len(asset_rows):09d}"
                asset_rows.append({"id": asset_id, "org_id": org_id, "customer_id": customer_id, "site_id": None,
                                   "product_line": line, "model": vocabulary.model(rng, line),
                                   "serial_number": serial, "service_package_id": None, "contract_end": None,
                                   **synced(now)})
                owned.append((asset_id, serial, line))
            customers.append((customer_id, org_id, code, owned))
    with ctx.transaction() as session:
        bulk(session, Customer, rows)
        bulk(session, Asset, asset_rows)
    return customers


def write_tickets(ctx, tickets, units, customers, engineers, staff_ids, rng, now, log) -> None:
    from plugins.tickets.models import Escalation, Ticket, TicketCounter
    from plugins.tickets.similar import vocabulary

    records = [vocabulary.record(rng, vocabulary.product_line(rng)) for _ in range(500)]
    parents = {org_id: parent for org_id, _code, _tier, parent in units}
    tiers = {org_id: tier for org_id, _code, tier, _parent in units}
    hq_id = next(org_id for org_id, _c, tier, _p in units if tier == "hq")
    counters: Counter = Counter()
    for start in range(0, tickets, CHUNK):
        rows, escalations = [], []
        for _ in range(min(CHUNK, tickets - start)):
            row = ticket(rng, rng.choice(customers), engineers, staff_ids, now, counters, rng.choice(records))
            rows.append(row)
            escalations += escalations_of(rng, row, parents, tiers, hq_id)
        with ctx.transaction() as session:
            bulk(session, Ticket, rows)
            bulk(session, Escalation, escalations)
        if (start // CHUNK) % 10 == 0:
            log(f"{start + len(rows):,} tickets")
    with ctx.transaction() as session:
        bulk(session, TicketCounter, [{"org_id": org_id, "period": period, "last_seq": seq}
                                      for (org_id, _, period), seq in counters.items()])


def late_or_not(rng, start: datetime, minutes: int) -> datetime:
    share = rng.uniform(0.1, 1.0) if rng.random() < IN_TIME else rng.uniform(1.05, 3.0)
    return start + timedelta(minutes=minutes * share)


def ticket(rng, customer, engineers, staff_ids, now, counters, record) -> dict:
    customer_id, org_id, code, owned = customer
    asset_id, serial, line = rng.choice(owned)
    state = weighted(rng, STATES)
    is_open = state in OPEN
    opened = now - timedelta(minutes=rng.randrange((14 if is_open else 730) * 24 * 60))
    respond, onsite, resolve = rng.choice(PACKAGES)
    responded = None if state == "new" else late_or_not(rng, opened, respond)
    sent = state not in ("new", "diagnosing", "resolved_remotely", "waiting_for_customer") and onsite > 0
    engineer = rng.choice(engineers.get(org_id) or [None]) if sent else None
    arrived = late_or_not(rng, opened, onsite) if engineer and state != "dispatched" else None
    resolved = (late_or_not(rng, opened, resolve)
                if state in ("closed", "archived", "resolved_remotely", "awaiting_signoff") else None)
    closed = resolved + timedelta(hours=rng.uniform(1, 48)) if state in ("closed", "archived") else None
    dues = [opened + timedelta(minutes=m) if m else None for m in (respond, onsite if engineer else 0, resolve)]
    open_dues = [due for due, met in zip(dues, (responded, arrived, resolved)) if due and not met]
    period = opened.strftime("%Y%m")
    counters[(org_id, code, period)] += 1
    return {"id": new_id(), "org_id": org_id, "number": f"{code}-{period}-{counters[(org_id, code, period)]:06d}",
            "channel": weighted(rng, CHANNELS), "customer_id": customer_id, "asset_id": asset_id,
            "serial_number": serial, "product_line": line, "contact_name": "", "contact_phone": "",
            "symptom": record.symptom, "diagnosis": "", "category": weighted(rng, CATEGORIES),
            "resolution": record.resolution if resolved else "",
            "priority": rng.choices((1, 2, 3, 4), weights=(5, 20, 60, 15))[0], "state": state, "is_open": is_open,
            "paused_from": "diagnosing" if state == "waiting_for_customer" else None, "engineer_id": engineer,
            "engineer_eta": None, "escalated_to_org_id": None, "opened_at": opened,
            "opened_by": rng.choice(staff_ids.get(org_id) or [None]), "responded_at": responded,
            "arrived_at": arrived, "resolved_at": resolved, "closed_at": closed, "response_due_at": dues[0],
            "onsite_due_at": dues[1], "resolution_due_at": dues[2],
            "next_due_at": min(open_dues) if is_open and open_dues else None,
            "next_sla_check_at": min(open_dues) if is_open and open_dues else None,
            "clock": "24x7" if respond == 30 else "business", "response_minutes": respond, "onsite_minutes": onsite,
            "resolution_minutes": resolve,
            "paused_since": now - timedelta(hours=2) if state == "waiting_for_customer" else None,
            "paused_seconds": 0, "sla_marks": "",
            "breached": any(due < (met or now) for due, met in zip(dues, (responded, arrived, resolved)) if due),
            **synced(opened)}


def escalations_of(rng, row: dict, parents: dict, tiers: dict, hq_id) -> list[dict]:
    """A case handed up: from a partner to its branch, from a branch to HQ, or to HQ's experts."""
    org_id, found = row["org_id"], []
    for kind, share in ESCALATED.items():
        if rng.random() >= share:
            continue
        if kind == "branch" and tiers[org_id] != "partner":
            continue
        if kind == "hq" and tiers[org_id] == "hq":
            continue
        to = parents[org_id] if kind == "branch" else hq_id
        at = row["opened_at"] + timedelta(hours=rng.uniform(0.5, 12))
        found.append({"id": new_id(), "org_id": org_id, "ticket_id": row["id"], "from_org_id": org_id,
                      "to_org_id": to, "kind": "expert" if kind == "expert" else "tier",
                      "reason": "现场无法解决，申请上级支持", "at": at, "by_id": None, **synced(at)})
        row["escalated_to_org_id"] = to
    return found


# ------------------------------------------------------------------ measuring


def timed(fn, runs: int) -> tuple[float, float, object]:
    result, samples = None, []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), max(samples), result


def line(label: str, median: float, worst: float, budget: float | None = None) -> None:
    verdict = "" if budget is None else (
        "within" if worst <= budget else ("median within" if median <= budget else "OVER"))
    tail = f"  budget {budget:5.1f} s  {verdict}" if budget is not None else ""
    print(f"  {label:<46} median {median:7.3f} s  max {worst:7.3f} s{tail}", flush=True)


def hq_context(ctx):
    from sqlalchemy import select

    from app.auth.models import User
    from app.auth.service import actor_for
    from app.orgs.models import OrgUnit

    with ctx.reading() as session:
        hq = session.scalar(select(OrgUnit).where(OrgUnit.tier == "hq"))
        admin = session.scalar(select(User).where(User.org_id == hq.id, User.username == "admin"))
        return ctx.signed_in(actor_for(session, admin))


def measure(ctx, period, runs: int) -> None:
    from app.reports.dashboard import dashboard_figures
    from app.reports.rollup import write_rollup

    hq = hq_context(ctx)
    from sqlalchemy import text

    with ctx.reading() as session:
        count = session.execute(text("SELECT count(*) FROM tickets_tickets")).scalar()
        branches = session.execute(text("SELECT count(*) FROM core_org_units WHERE tier = 'branch'")).scalar()
    print(f"  {count:,} tickets, {branches} branches; period {period.label} ({period.start} .. {period.last_day})",
          flush=True)
    each_plugin(hq, period)
    out = Path(tempfile.mkdtemp(prefix="sc-bench-rollup-")) / f"rollup-{period.label}.xlsx"
    median, worst, sheets = timed(lambda: write_rollup(hq, period, None, out), runs)
    line(f"whole workbook ({sheets} sheets, {out.stat().st_size / 1e6:.1f} MB)", median, worst, BUDGETS["workbook"])
    median, worst, figures = timed(lambda: dashboard_figures(hq, period), max(runs, 3))
    line(f"dashboard figures for HQ ({len(figures.children)} branches)", median, worst, BUDGETS["dashboard"])
    show_figures(figures)
    shutil.rmtree(out.parent, ignore_errors=True)


def each_plugin(ctx, period) -> None:
    """Each plugin's ``rollup_sections`` on its own: where the time goes."""
    for impl in ctx.plugins.pm.hook.rollup_sections.get_hookimpls():
        started = time.perf_counter()
        sections = impl.function(ctx=ctx, period=period, org_code=None) or []
        for section in sections:
            rows = section.rows if isinstance(section.rows, list) else list(section.rows)
            _ = len(rows)
        elapsed = time.perf_counter() - started
        print(f"  .. {impl.plugin_name:<14} {len(sections)} sections  {elapsed:7.3f} s", flush=True)


def show_figures(figures) -> None:
    from PySide6.QtCore import QLocale

    from app.ui.charts import figure_text

    QLocale.setDefault(QLocale("en"))  # as the English interface shows them
    print(f"  figures of {figures.unit.code} for {figures.period.label}:", flush=True)
    shown = [figures.total, *figures.children[:3]]
    print("    " + f"{'measure':<40}" + "".join(f"{r.code if r.kind != 'total' else 'network':>12}" for r in shown))
    for index, measure in enumerate(figures.measures):
        values = "".join(f"{figure_text(measure.kind, r.values[index]):>12}" for r in shown)
        print(f"    {measure.label[:40]:<40}{values}", flush=True)


# ------------------------------------------------------------------ main


def run(url: str, args, generate: bool) -> None:
    from app.config import Config
    from app.reports.period import Period, parse_period
    from app.runtime import open_context
    ctx = open_context(Config(), url, migrate_now=generate)
    if generate:
        started = time.perf_counter()
        build(ctx, args.tickets, args.branches, args.demo_scale, lambda text: print("  ..", text, flush=True))
        print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    from datetime import date

    period = parse_period(args.period) if args.period else Period.quarter_of(date.today()).previous_quarter()
    measure(ctx, period, args.runs)
    ctx.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=2_000_000)
    parser.add_argument("--branches", type=int, default=150, help="3 to 150 (the demo's network)")
    parser.add_argument("--demo-scale", type=int, default=20_000,
                        help="the other plugins' demo rows (customers, stock, courses, visits…)")
    parser.add_argument("--period", help="the period to report (default: the last whole quarter)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="folder for the PostgreSQL cluster, kept afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure the database kept in --keep again")
    parser.add_argument("--url", help="measure an existing database filled earlier by this script")
    args = parser.parse_args()
    if args.url:
        print("\n== given database", flush=True)
        run(args.url, args, generate=False)
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        sys.exit("PostgreSQL binaries not found (install postgresql-15)")
    server = (KeptServer(bin_dir, Path(args.keep)) if args.keep else PostgresServer(bin_dir)).start()
    try:
        reuse = bool(args.keep and args.reuse)
        url = server.url(server.named_database(reuse) if args.keep else server.create_database())
        print("\n== PostgreSQL: the database kept in --keep" if reuse else
              f"\n== PostgreSQL: {args.branches} branches, {args.tickets:,} tickets", flush=True)
        run(url, args, generate=not reuse)
    finally:
        server.stop()


if __name__ == "__main__":
    print(textwrap.dedent(__doc__).strip().splitlines()[0], flush=True)
    main()
