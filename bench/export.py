"""Detail export of the ticket list at scale (issue: rollup and exports). Prints figures; never fails on a time.

Builds N tickets (default 1,000,000) the way bench/tickets.py does (or reuses its kept SQLite file),
then, in the same run and on the same rows, times:

    product  the ticket list's "Export to Excel": the door's ``export_list`` for HQ's whole list
             (count, one streamed query, each row's cells in its unit's wall time, the one safe
             writer with its formula guard, progress and cancel checks, write to FILE.partial,
             rename)
    bare     a bare openpyxl write-only loop over the same query writing the same values

and prints both times, rows per second and the ratio against the budget (product ≤ 1.3 × bare).
The two runs alternate for ``--rounds`` rounds; the best time of each counts.

    python bench/export.py [--tickets 1000000] [--backend sqlite|postgresql] [--keep DIR [--reuse]] [--rounds 1]
"""

from __future__ import annotations

import argparse
import os
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

BUDGET = 1.3


def product_export(ctx, actor, path: Path) -> int:
    from plugins.tickets import service

    with ctx.reading() as session:
        return service.export_list(session, actor, service.TicketFilter(), path,
                                   progress=lambda stage, fraction: None, cancelled=lambda: False)


def bare_export(ctx, actor, path: Path) -> int:
    """openpyxl write-only, nothing else: the same query, the same values, no guard, no partial file."""
    from openpyxl import Workbook

    from app.orgs.local_time import LocalClock
    from plugins.tickets import service
    from plugins.tickets.read.columns import row_cells

    with ctx.reading() as session:
        clock = LocalClock(session)
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Tickets")
        sheet.append([*service.column_titles(), "Time zone"])
        written = 0
        for row in service.list_stream(session, actor, service.TicketFilter()):
            sheet.append([*row_cells(row, clock), clock.zone(row.org_id).key])
            written += 1
        book.save(path)
        return written


def timed(fn, *args) -> tuple[float, int]:
    started = time.perf_counter()
    rows = fn(*args)
    return time.perf_counter() - started, rows


def measure(ctx, actor, rounds: int, folder: Path) -> None:
    best = {"bare": float("inf"), "product": float("inf")}
    counted = {}
    for round_ in range(1, rounds + 1):
        for name, fn in (("bare", bare_export), ("product", product_export)):
            path = folder / f"{name}.xlsx"
            seconds, rows = timed(fn, ctx, actor, path)
            best[name], counted[name] = min(best[name], seconds), rows
            print(f"  round {round_}: {name:<8} {rows:>10,} rows  {seconds:8.1f} s  {rows / seconds:10,.0f} rows/s  "
                  f"{path.stat().st_size / 1e6:7.1f} MB", flush=True)
            path.unlink()
    assert counted["bare"] == counted["product"], counted
    ratio = best["product"] / best["bare"]
    print(f"  {'export of ' + format(counted['product'], ',') + ' tickets':<36} product {best['product']:7.1f} s"
          f"   bare openpyxl {best['bare']:7.1f} s   ratio {ratio:4.2f}   budget {BUDGET:.1f}   "
          f"{'within' if ratio <= BUDGET else 'OVER'}", flush=True)


def run(backend: str, url: str, tickets: int, reuse: bool, rounds: int) -> None:
    from app.config import Config
    from app.runtime import open_context
    from tickets import catch_up_columns

    print(f"\n== {backend}: {tickets:,} tickets{' (reused database)' if reuse else ''}", flush=True)
    ctx = open_context(Config(), url, migrate_now=not reuse)
    if reuse:
        catch_up_columns(ctx)
    started = time.perf_counter()
    data = load(ctx) if reuse else build(ctx, tickets, log=lambda text: print("  ..", text, flush=True))
    print(f"  {'loaded' if reuse else 'generated'} in {time.perf_counter() - started:.0f} s", flush=True)
    with tempfile.TemporaryDirectory(prefix="sc-bench-export-") as folder:
        measure(ctx, data.hq_actor, rounds, Path(folder))
    ctx.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--keep", help="directory for the SQLite file (kept afterwards; bench/tickets.py's too)")
    parser.add_argument("--reuse", action="store_true", help="measure the SQLite file in --keep again, no generation")
    parser.add_argument("--rounds", type=int, default=1, help="alternate the two exports this many times")
    args = parser.parse_args()
    if args.backend == "sqlite":
        folder = Path(args.keep or tempfile.mkdtemp(prefix="sc-bench-tickets-"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "tickets.sqlite3"
        if not args.reuse:
            path.unlink(missing_ok=True)
        run("SQLite", f"sqlite:///{path}", args.tickets, args.reuse and path.exists(), args.rounds)
        return
    from pgserver import PostgresServer, find_bin_dir

    server = PostgresServer(find_bin_dir()).start()
    try:
        run("PostgreSQL", server.url(server.create_database()), args.tickets, False, args.rounds)
    finally:
        server.stop()


if __name__ == "__main__":
    print(textwrap.dedent(__doc__).strip().splitlines()[0], flush=True)
    main()
