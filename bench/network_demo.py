"""A demo network built by real syncs (issue: network demo): HQ and N branches, each on its own
database. HQ makes its reference data and provisions every branch; each branch is set up from
its file, pulls, makes its demo data and pushes (app.sync.demo_network, the commands of
docs/sync.md). Prints what HQ then holds per branch and the rows anyone refused (must be 0).

    python bench/network_demo.py [--dir DIR] [--hq URL] [--branches 3] [--scale 500] [--seed 1]

--dir receives the branch SQLite files and provisioning files (and HQ's, without --hq); it
must not hold an earlier network. Sign in anywhere as admin@CODE with password demo-pass-2026.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
os.environ.setdefault("SERVICE_CENTER_LANG", "en")
os.environ.setdefault("SERVICE_CENTER_HOME", tempfile.mkdtemp(prefix="sc-network-home-"))

# label -> synced table whose rows a branch's subtree owns
SHOWN = {"partners": "core_org_units", "staff": "core_users", "tickets": "tickets_tickets",
         "certificates": "certification_certificates"}


def main(argv: list[str] | None = None) -> int:
    from app.errors import UserError
    from app.sync import demo_network

    args = parse(argv)
    folder = Path(args.dir or tempfile.mkdtemp(prefix="sc-network-")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    hq_url = args.hq or f"sqlite:///{(folder / 'hq.sqlite3').as_posix()}"
    print(f"network in {folder}", flush=True)
    started = time.perf_counter()
    try:
        network = demo_network.build(hq_url, folder, branches=args.branches, scale=args.scale, seed=args.seed,
                                     say=lambda line: print(f"  {line}", flush=True))
    except UserError as exc:
        print(f"network_demo: {exc}", file=sys.stderr)
        return 1
    try:
        refused = report(network, demo_network)
    finally:
        network.close()
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return 1 if refused else 0


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="folder for the SQLite files and provisioning files (default: a new temp dir)")
    parser.add_argument("--hq", help="HQ's database URL, an empty database (default: hq.sqlite3 in --dir)")
    parser.add_argument("--branches", type=int, default=3)
    parser.add_argument("--scale", type=int, default=500, help="about that many tickets per branch")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.branches < 1 or args.scale < 1:
        parser.error("--branches and --scale are at least 1")
    return args


def report(network, demo_network) -> int:
    """Print HQ's rows per branch and the refused rows everywhere; returns how many were refused."""
    print(f"\nHQ holds, per branch:\n  {'branch':<8}" + "".join(f"{label:>14}" for label in SHOWN), flush=True)
    for code in network.branches:
        held = demo_network.held_for(network.hq, code)
        print(f"  {code:<8}" + "".join(f"{held.get(table, 0):>14,}" for table in SHOWN.values()), flush=True)
    refused = {"HQ": demo_network.refused_rows(network.hq)}
    refused |= {code: demo_network.refused_rows(ctx) for code, ctx in network.branches.items()}
    print("rows refused (core_sync_errors): " + ", ".join(f"{code} {n}" for code, n in refused.items()), flush=True)
    return sum(refused.values())


if __name__ == "__main__":
    sys.exit(main())
