"""Certification figures with many certificates, on SQLite (and PostgreSQL with --backend).

    python bench/certification.py [--rows 1000000] [--backend sqlite|postgresql|both]

Builds HQ + 150 branches + 3 partners each, bulk-inserts certificates spread over the units
and over five years of expiry dates, then times what users wait for: the first page of the
certificates list (all, and "expiring within 30 days"), a page deep in the list, the
dashboard's expiry counts, one can_dispatch check, and signing and verifying a certificate.
Prints figures; never fails on a time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
os.environ.setdefault("SERVICE_CENTER_HOME", tempfile.mkdtemp(prefix="sc-bench-home-"))
os.environ.setdefault("SERVICE_CENTER_LANG", "en")

from sqlalchemy import insert, text  # noqa: E402

from app.auth.actor import SCOPE_SUBTREE, system_actor  # noqa: E402
from app.clock import utcnow  # noqa: E402
from app.config import Config  # noqa: E402
from app.ids import new_id  # noqa: E402
from app.orgs.service import build_org  # noqa: E402
from app.plugins import get_plugin_manager  # noqa: E402
from app.runtime import open_context  # noqa: E402
from app.setup import initialize  # noqa: E402
from app.specs import DispatchCheck  # noqa: E402
from plugins.certification import authorisations, keys, service, signing  # noqa: E402
from plugins.certification.common import today  # noqa: E402
from plugins.certification.models import Certificate  # noqa: E402
from plugins.certification.permissions import AUTHORISE, ISSUE, MANAGE, SUSPEND, VIEW, VIEW_ALL  # noqa: E402
from plugins.certification.verification import verify  # noqa: E402

BATCH = 20000


def timed(label: str, function, repeat: int = 5) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    print(f"  {label:<48} median {statistics.median(times):8.1f} ms  (min {min(times):.1f})")


def build(url: str, rows: int):
    ctx = open_context(Config(), url, plugins=get_plugin_manager())
    with ctx.transaction() as session:
        hq = initialize(session, tier="hq", code="HQ", name="总部", parent_code=None, admin_username="admin",
                        admin_password="admin-password-1")
        units = []
        for n in range(150):
            branch = build_org(f"B{n:03d}", f"分公司{n}", "branch", hq)
            session.add(branch)
            units.append(branch)
            units.extend(build_org(f"B{n:03d}-P{p}", f"伙伴{n}-{p}", "partner", branch) for p in range(1, 4))
        session.add_all(u for u in units if u.tier == "partner")
        session.flush()
        actor = system_actor(hq, frozenset({MANAGE, ISSUE, SUSPEND, AUTHORISE, VIEW, VIEW_ALL, SCOPE_SUBTREE}))
        keys.create_root_key(session, actor, "bench-passphrase")
        keys.authorise_center(session, actor, center_code="HQ", product_lines=["服务器"], valid_from=date(2020, 1, 1),
                              valid_until=date(2035, 1, 1), root_passphrase="bench-passphrase",
                              center_passphrase="bench-passphrase")
        kind = service.create_type(session, actor, code="SRV", name="服务器上岗证书", product_lines=["服务器"],
                                   level="basic", validity_months=24, required_courses=["SRV-101"])
        kind_id, org_ids = kind.id, [u.id for u in units]
    rng, now, on = random.Random(1), utcnow(), today()
    holders = [new_id() for _ in range(max(1, rows // 2))]
    with ctx.transaction() as session:
        for start in range(0, rows, BATCH):
            batch = []
            for n in range(start, min(rows, start + BATCH)):
                issued = on - timedelta(days=rng.randrange(0, 5 * 365))
                batch.append(dict(id=new_id(), org_id=rng.choice(org_ids), number=f"CERT-HQ-{n:09d}", type_id=kind_id,
                                  holder_id=rng.choice(holders), holder_name="王伟", product_lines=["服务器"],
                                  level="basic", issued_on=issued, valid_from=issued,
                                  expires_on=issued + timedelta(days=730),
                                  status=rng.choices(("valid", "suspended", "revoked"), (97, 2, 1))[0],
                                  status_reason="", qr_text="", created_at=now, updated_at=now, row_version=1))
            session.execute(insert(Certificate), batch)
    if ctx.engine.dialect.name == "postgresql":  # what autovacuum does soon after a bulk load
        with ctx.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    return ctx, actor, holders


def run(url: str, rows: int) -> None:
    start = time.perf_counter()
    ctx, actor, holders = build(url, rows)
    print(f"{ctx.engine.dialect.name}: {rows:,} certificates built in {time.perf_counter() - start:.0f} s")
    with ctx.reading() as session:
        timed("first page, all (200 rows)", lambda: service.page_rows(session, actor, 0, 200))
        timed("first page, expiring within 30 days", lambda: service.page_rows(session, actor, 0, 200,
                                                                               expiring_within=30))
        deep = service.page_rows(session, actor, 50_000, 1)[0]
        timed("page after row 50,000 (keyset, as the list scrolls)", lambda: service.page_rows(
            session, actor, 50_001, 200, after=(deep[7], deep[1])))
        timed("expiry counts 30/60/90 (dashboard)", lambda: service.expiring_counts(session, actor))
        from app.orgs.service import get_by_code

        branch = system_actor(get_by_code(session, "B000"), frozenset({VIEW, VIEW_ALL, SCOPE_SUBTREE}))
        timed("first page for one branch and its partners", lambda: service.page_rows(session, branch, 0, 200))
        timed("expiry counts for one branch", lambda: service.expiring_counts(session, branch))
        check = DispatchCheck(holders[0], actor.org_id, "服务器", datetime.now(timezone.utc))
        timed("can_dispatch veto check", lambda: authorisations.dispatch_veto(session, check), repeat=20)
        key = session.query(keys.CenterKey).one()
        private = keys.unlock(key.encrypted_private_pem, "bench-passphrase")
        payload = signing.canonical({"no": "CERT-HQ-1", "holder": "王伟", "org": "HQ", "org_name": "总部",
                                     "lines": ["服务器"], "level": "basic", "issued": "2026-01-01",
                                     "from": "2026-01-01", "expires": "2027-12-31", "signed": today().isoformat()})
        text = signing.qr_text(payload, signing.sign(private, payload), key.statement.encode(), key.root_signature)
        timed("unlock center key (passphrase)", lambda: keys.unlock(key.encrypted_private_pem, "bench-passphrase"))
        timed("verify QR text, full chain (older prints)", lambda: verify(session, text), repeat=20)
        fields = signing.CertificateFields("CERT-HQ-1", "王伟", "HQ", "basic", ("服务器",), date(2026, 1, 1),
                                           date(2026, 1, 1), date(2027, 12, 31), today())
        compact = signing.compact_qr_text(fields, private, key.product_lines)
        timed("verify QR text, compact (printed today)", lambda: verify(session, compact), repeat=20)
    ctx.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="sqlite")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        path = Path(tempfile.mkdtemp(prefix="sc-bench-cert-")) / "bench.sqlite3"
        run(f"sqlite:///{path.as_posix()}", args.rows)
    if args.backend in ("postgresql", "both"):
        from pgserver import PostgresServer, find_bin_dir

        server = PostgresServer(find_bin_dir()).start()
        try:
            run(server.url(server.create_database()), args.rows)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
