"""Inventory figures with a million-row stock ledger, on SQLite and PostgreSQL.

    python bench/inventory.py [--rows 1000000] [--backend sqlite|postgresql|both]

Builds HQ + 150 branches + 3 partners each, fills the ledger through the plugin's own demo
generator, checks that the ledger replayed equals the balance table, then times:
balances of one depot (budget 50 ms) and the hit rate for a quarter across every depot
(budget 500 ms). Prints figures; never fails on a time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
os.environ.setdefault("SERVICE_CENTER_HOME", tempfile.mkdtemp(prefix="sc-bench-home-"))
os.environ.setdefault("SERVICE_CENTER_LANG", "en")

from sqlalchemy import func, select  # noqa: E402

from app.auth.models import Role, User  # noqa: E402
from app.auth.passwords import hash_password  # noqa: E402
from app.auth.service import authenticate  # noqa: E402
from app.config import Config  # noqa: E402
from app.orgs.service import build_org  # noqa: E402
from app.plugins import get_plugin_manager  # noqa: E402
from app.reports.period import parse_period  # noqa: E402
from app.runtime import open_context  # noqa: E402
from app.setup import initialize  # noqa: E402
from app.specs import DemoContext  # noqa: E402
from plugins.inventory import demo, ledger, part_requests, service  # noqa: E402
from plugins.inventory.models import Balance, Depot, Movement, PartRequest  # noqa: E402

SHANGHAI = ZoneInfo("Asia/Shanghai")  # the demo network's zone

PASSWORD = "bench-password-1"
BRANCHES = 150


def build_network(session):
    hq = initialize(session, tier="hq", code="HQ", name="总部技术支持部", parent_code=None,
                    admin_username="admin", admin_password=PASSWORD)
    units, staff = [hq], {"dispatcher": [], "field_engineer": []}
    roles = {r.code: r for r in session.scalars(select(Role))}
    password_hash = hash_password(PASSWORD)
    for b in range(BRANCHES):
        branch = build_org(f"B{b:03d}", f"第{b + 1}分公司", "branch", hq, region=f"城市{b + 1}")
        session.add(branch)
        units.append(branch)
        for p in range(1, 4):
            partner = build_org(f"B{b:03d}-P{p:02d}", f"第{b + 1}城市合作伙伴{p}有限公司", "partner", branch)
            session.add(partner)
            units.append(partner)
        session.flush()
        for role, count in (("dispatcher", 1), ("field_engineer", 3)):
            for n in range(1, count + 1):
                user = User(org_id=branch.id, username=f"{role}{n}", display_name=f"{role}{n}",
                            password_hash=password_hash, roles=[roles[role]])
                session.add(user)
                staff[role].append(user)
    session.flush()
    return units, staff


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def run(url: str, rows: int, label: str) -> None:
    ctx = open_context(Config(), url, plugins=get_plugin_manager())
    started = time.perf_counter()
    with ctx.transaction() as session:
        units, staff = build_network(session)
        last = [0.0]

        def progress(stage, fraction):
            if fraction - last[0] >= 0.1:
                last[0] = fraction
                print(f"  [{label}] {stage} {fraction:.0%} after {time.perf_counter() - started:.0f} s", flush=True)

        demo.generate(DemoContext(session=session, rng=random.Random(11), scale=rows, org_units=units, staff=staff,
                                  progress=progress))
    generation = time.perf_counter() - started
    with ctx.reading() as session:
        admin = authenticate(session, "admin@HQ", PASSWORD)
        movements = session.scalar(select(func.count()).select_from(Movement))
        requests = session.scalar(select(func.count()).select_from(PartRequest))
        depots = session.scalar(select(func.count()).select_from(Depot))
        replayed = {k: v for k, v in ledger.replay(session).items() if any(v)}
        stored = {k: v for k, v in ledger.stored_balances(session).items() if any(v)}
        busiest = session.execute(select(Balance.depot_id, func.count()).join(Depot, Depot.id == Balance.depot_id)
                                  .where(Depot.kind == "branch").group_by(Balance.depot_id)
                                  .order_by(func.count().desc()).limit(1)).first()[0]
        quarters = ("2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1")
        quarter = max((parse_period(q) for q in quarters),
                      key=lambda q: session.scalar(select(func.count()).select_from(PartRequest).where(
                          PartRequest.requested_at >= q.start_utc(SHANGHAI),
                          PartRequest.requested_at < q.end_utc(SHANGHAI))))
        balance_rows = len(service.depot_balances(session, admin, busiest))
        rates = part_requests.hit_rates(session, admin, quarter, "depot")
        balances_ms = timed(lambda: service.depot_balances(session, admin, busiest), 20)
        rate_ms = timed(lambda: part_requests.hit_rates(session, admin, quarter, "depot"), 5)
        org_rate_ms = timed(lambda: part_requests.hit_rates(session, admin, quarter, "org"), 5)
        value_ms = timed(lambda: service.stock_value(session, admin), 3)
        low_ms = timed(lambda: service.count_low_stock(session, admin), 3)
    total = part_requests.total_hit_rate(rates)
    print(f"{label}: {movements:,} ledger rows, {requests:,} part requests, {depots} depots; "
          f"generated in {generation:.0f} s; ledger replayed == balances: {replayed == stored}")
    print(f"{label}: balances of one depot ({balance_rows} parts): median {balances_ms[0]:.1f} ms, "
          f"max {balances_ms[1]:.1f} ms (budget 50 ms)")
    print(f"{label}: hit rate {quarter.label} across {len(rates)} depots ({total.requests:,} requests, "
          f"{'–' if total.rate is None else format(total.rate, '.1%')}): median {rate_ms[0]:.1f} ms, max {rate_ms[1]:.1f} ms (budget 500 ms)")
    print(f"{label}: hit rate {quarter.label} per org unit: median {org_rate_ms[0]:.1f} ms; stock value of every depot: "
          f"median {value_ms[0]:.1f} ms; low-stock count: median {low_ms[0]:.1f} ms", flush=True)
    ctx.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        folder = Path(tempfile.mkdtemp(prefix="sc-bench-inventory-"))
        run(f"sqlite:///{(folder / 'bench.sqlite3').as_posix()}", args.rows, "SQLite")
    if args.backend in ("postgresql", "both"):
        from pgserver import PostgresServer, find_bin_dir

        server = PostgresServer(find_bin_dir()).start()
        try:
            name = server.create_database()
            run(server.url(name), args.rows, "PostgreSQL")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
