"""Ticket figures at scale (issue: tickets). Prints figures; never fails on a time.

Builds N tickets (default 1,000,000) with realistic Chinese symptoms from the after-sales
vocabulary, on SQLite and on a throwaway PostgreSQL server, builds the similar-case index, then
prints against the budgets:

    list first page ≤ 300 ms · changing a filter ≤ 150 ms · similar-case search ≤ 100 ms
    opening a ticket with 100 events ≤ 100 ms · resident memory with the list open ≤ 400 MB

    python bench/tickets.py [--tickets 1000000] [--backend sqlite|postgresql|both] [--keep DIR [--reuse]]

Timings are medians (and maxima) of warm runs in this process; the memory figure is VmRSS of a
separate process that opens the ticket list page offscreen and waits for its first page.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SERVICE_CENTER_LANG", "en")
os.environ.setdefault("SERVICE_CENTER_HOME", tempfile.mkdtemp(prefix="sc-bench-home-"))

from tickets_data import build, load  # noqa: E402  (bench/tickets_data.py: the bulk generator)

BUDGETS = {"list": 300, "filter": 150, "similar": 100, "open": 100, "rss": 400}


def timed(fn, runs: int = 7) -> tuple[float, float]:
    fn()  # warm the caches the way a user's second look would
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def line(label: str, median: float, worst: float, budget: float, unit: str = "ms") -> None:
    verdict = "within" if worst <= budget else ("median within" if median <= budget else "OVER")
    print(f"  {label:<44} median {median:8.1f} {unit}  max {worst:8.1f} {unit}  budget {budget:5.0f} {unit}  {verdict}",
          flush=True)


def measure(ctx, data) -> None:
    import random

    from plugins.tickets import service
    from plugins.tickets.similar import search as similar
    from plugins.tickets.similar import vocabulary
    from plugins.tickets.service import TicketFilter, list_page

    for who, actor in (("HQ", data.hq_actor), ("branch", data.branch_actor)):
        def first_page(actor=actor):
            with ctx.reading() as session:
                return list_page(session, actor, TicketFilter(), offset=0, limit=200)
        line(f"list first page ({who}, 200 rows)", *timed(first_page), BUDGETS["list"])
    for who, actor in (("HQ", data.hq_actor), ("branch", data.branch_actor)):
        def shown_page(actor=actor):  # what the page's worker does: the rows and their texts in local time
            with ctx.reading() as session:
                return service.list_lines(session, list_page(session, actor, TicketFilter(), offset=0, limit=200))
        line(f"list first page with its texts ({who})", *timed(shown_page), BUDGETS["list"])
    for who, actor in (("HQ", data.hq_actor), ("branch", data.branch_actor)):
        def queue_page(actor=actor):
            with ctx.reading() as session:
                return list_page(session, actor, TicketFilter(open_only=True), limit=200, sort="due", descending=False)
        line(f"response center first page ({who})", *timed(queue_page, runs=3), BUDGETS["list"])
    filters = {
        "state = dispatched": TicketFilter(states=("dispatched",)),
        "priority = P1": TicketFilter(priority=1),
        "category = quality complaint": TicketFilter(category="quality_complaint"),
        "breached": TicketFilter(breached=True),
        "engineer": TicketFilter(engineer_id=data.engineer_id),
        "customer": TicketFilter(customer_id=data.customer_id),
        "opened in one week": TicketFilter(opened_from=data.week[0], opened_to=data.week[1]),
        "quick search: ticket number": TicketFilter(text=data.number),
        "quick search: serial number": TicketFilter(text=data.serial),
        "quick search: customer name": TicketFilter(text=data.customer_prefix),
        "open only, sorted by due": TicketFilter(open_only=True),
    }
    for label, filters_ in filters.items():
        sort = "due" if "due" in label else "opened_at"

        def page(filters_=filters_, sort=sort):
            with ctx.reading() as session:
                return list_page(session, data.hq_actor, filters_, offset=0, limit=200, sort=sort)
        line(f"filter (HQ): {label}", *timed(page, runs=3), BUDGETS["filter"])
    rng = random.Random(99)
    queries = [vocabulary.symptom(rng)[:40] for _ in range(20)]
    with ctx.reading() as session:
        similar.search(session, data.hq_actor, "预热")  # load the segmenter's dictionary once
    for who, actor in (("HQ", data.hq_actor), ("branch", data.branch_actor)):
        samples = []
        for text in queries:
            with ctx.reading() as session:
                started = time.perf_counter()
                similar.search(session, actor, text)
                samples.append((time.perf_counter() - started) * 1000)
        line(f"similar-case search ({who}, 20 symptoms)", statistics.median(samples), max(samples), BUDGETS["similar"])

    def open_ticket():
        with ctx.reading() as session:
            details = service.ticket_details(session, data.hq_actor, data.busy_ticket_id)
            assert len(details["events"]) >= 100
    line("open a ticket with 100 events", *timed(open_ticket), BUDGETS["open"])


RSS_SCRIPT = """
import sys, time
sys.path[:0] = {paths!r}
from PySide6.QtWidgets import QApplication
from app.config import Config
from app.runtime import open_context
from app.cli import system_actor_for
qapp = QApplication([])
ctx = open_context(Config(), {url!r}, migrate_now=False)
with ctx.reading() as session:
    actor = system_actor_for(ctx, session)
from plugins.tickets.views.list_page import TicketListPage
page = TicketListPage(ctx.signed_in(actor))
page.resize(1400, 800)
page.show()
deadline = time.time() + 60
while page.model.rowCount() == 0 and time.time() < deadline:
    qapp.processEvents()
    time.sleep(0.01)
for _ in range(50):
    qapp.processEvents()
rss = next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]
print("RSS", int(rss) / 1024, page.model.rowCount(), flush=True)
"""


def rss_with_list_open(url: str) -> None:
    script = RSS_SCRIPT.format(paths=[str(ROOT)], url=url)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    found = [l for l in out.stdout.splitlines() if l.startswith("RSS")]
    if not found:
        print("  resident memory: could not measure:", out.stderr.strip().splitlines()[-3:], flush=True)
        return
    _, megabytes, rows = found[-1].split()
    print(f"  {'resident memory, list page open (' + rows + ' rows)':<44} {float(megabytes):8.1f} MB"
          f"{'':>25}budget {BUDGETS['rss']:5.0f} MB  {'within' if float(megabytes) <= BUDGETS['rss'] else 'OVER'}",
          flush=True)


def catch_up_columns(ctx) -> None:
    """A kept bench database predates columns added to the ticket models since: add them (nullable)."""
    from sqlalchemy import inspect, text

    from app.db import Base

    inspector = inspect(ctx.engine)
    with ctx.engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            if not table.name.startswith("tickets_") or not inspector.has_table(table.name):
                continue
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present:
                    kind = column.type.compile(dialect=ctx.engine.dialect)
                    connection.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"))
                    print(f"  .. added {table.name}.{column.name} to the kept database", flush=True)


def run(backend: str, url: str, tickets: int, reuse: bool = False) -> None:
    from app.config import Config
    from app.runtime import open_context

    print(f"\n== {backend}: {tickets:,} tickets{' (reused database)' if reuse else ''}", flush=True)
    # a reused database is measured as it is: other packages' revisions may have moved on since
    ctx = open_context(Config(), url, migrate_now=not reuse)
    if reuse:
        catch_up_columns(ctx)
    started = time.perf_counter()
    data = load(ctx) if reuse else build(ctx, tickets, log=lambda text: print("  ..", text, flush=True))
    print(f"  {'loaded' if reuse else 'generated'} in {time.perf_counter() - started:.0f} s", flush=True)
    measure(ctx, data)
    ctx.engine.dispose()
    rss_with_list_open(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--keep", help="directory for the SQLite file (kept afterwards)")
    parser.add_argument("--reuse", action="store_true", help="measure the SQLite file in --keep again, no generation")
    parser.add_argument("--url", help="measure an existing database filled earlier by this script (no generation)")
    parser.add_argument("--hold", action="store_true",
                        help="keep the PostgreSQL server running afterwards (until Ctrl-C or kill) to measure it "
                             "again with --url")
    args = parser.parse_args()
    if args.url:
        run("given database", args.url, args.tickets, reuse=True)
        return
    if args.backend in ("sqlite", "both"):
        folder = Path(args.keep or tempfile.mkdtemp(prefix="sc-bench-tickets-"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "tickets.sqlite3"
        if not args.reuse:
            path.unlink(missing_ok=True)
        run("SQLite", f"sqlite:///{path}", args.tickets, reuse=args.reuse and path.exists())
    if args.backend in ("postgresql", "both"):
        from pgserver import PostgresServer, find_bin_dir

        server = PostgresServer(find_bin_dir()).start()
        try:
            url = server.url(server.create_database())
            run("PostgreSQL", url, args.tickets)
            # a background job ignores Ctrl-C; let "kill PID" still stop and remove the server
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            while args.hold:
                print(f"  holding the server: python bench/tickets.py --url {url}", flush=True)
                time.sleep(3600)
        finally:
            server.stop()


if __name__ == "__main__":
    print(textwrap.dedent(__doc__).strip().splitlines()[0], flush=True)
    main()
