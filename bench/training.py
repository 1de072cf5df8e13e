"""Training figures with a million enrolments, on SQLite and PostgreSQL.

    python bench/training.py [--enrolments 1000000] [--backend sqlite|postgresql|both]

Builds HQ + 150 branches + 3 partners each (9 field engineers per branch subtree), the demo
course catalogue, sessions of 10 seats and their enrolments (past sessions scored), then times
what the pages and hooks ask: a page of the sessions list (first and deep), one session's
enrolments, one engineer's history, ``passed_courses``, the dashboard counters and the quarter's
rollup across every unit. Prints figures; never fails on a time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
os.environ.setdefault("SERVICE_CENTER_HOME", tempfile.mkdtemp(prefix="sc-bench-home-"))
os.environ.setdefault("SERVICE_CENTER_LANG", "en")

from sqlalchemy import func, insert, select  # noqa: E402
from sqlalchemy.orm import sessionmaker  # noqa: E402

from app.auth.models import Role, User  # noqa: E402
from app.auth.passwords import hash_password  # noqa: E402
from app.auth.service import actor_for  # noqa: E402
from app.clock import utcnow  # noqa: E402
from app.config import Config  # noqa: E402
from app.db.engine import make_engine  # noqa: E402
from app.ids import new_id  # noqa: E402
from app.orgs.service import build_org  # noqa: E402
from app.plugins import get_plugin_manager  # noqa: E402
from app.reports.period import Period  # noqa: E402
from app.runtime import open_context  # noqa: E402
from app.setup import initialize  # noqa: E402
from app.specs import DemoContext  # noqa: E402
from plugins.training import demo, reports, service  # noqa: E402
from plugins.training.models import Course, Enrolment, TrainingSession  # noqa: E402

PASSWORD = "bench-password-1"
BRANCHES, SEATS = 150, 10


def build_network(session):
    hq = initialize(session, tier="hq", code="HQ", name="总部技术支持部", parent_code=None,
                    admin_username="admin", admin_password=PASSWORD)
    roles = {r.code: r for r in session.scalars(select(Role))}
    password_hash = hash_password(PASSWORD)
    staff = {"trainer": [], "field_engineer": [], "hq_analyst": []}

    def person(org, role, n):
        user = User(org_id=org.id, username=f"{role}{n}", display_name=f"{role}{n}", password_hash=password_hash,
                    roles=[roles[role]])
        session.add(user)
        staff[role].append(user)

    person(hq, "trainer", 1)
    person(hq, "hq_analyst", 1)
    for b in range(BRANCHES):
        branch = build_org(f"B{b:03d}", f"第{b + 1}分公司", "branch", hq, region=f"城市{b + 1}")
        session.add(branch)
        person(branch, "trainer", 1)
        for n in range(1, 4):
            person(branch, "field_engineer", n)
        for p in range(1, 4):
            partner = build_org(f"B{b:03d}-P{p:02d}", f"第{b + 1}城市合作伙伴{p}", "partner", branch)
            session.add(partner)
            for n in range(1, 3):
                person(partner, "field_engineer", n)
    session.flush()
    return staff


def fill(session, staff, enrolments: int, rng: random.Random) -> None:
    demo._catalogue(DemoContext(session, rng, 0, [], staff))  # the demo's real course catalogue
    courses = list(session.scalars(select(Course)))
    pools = [[e for e in staff["field_engineer"] if e.org_id == t.org_id or _parent(session, e.org_id) == t.org_id]
             for t in staff["trainer"]]
    today, sessions, rows, produced = utcnow().date(), [], [], 0
    while produced < enrolments:
        trainer_index = rng.randrange(len(staff["trainer"]))
        trainer, pool = staff["trainer"][trainer_index], pools[trainer_index] or staff["field_engineer"]
        course = rng.choice(courses)
        starts = today - timedelta(days=rng.randrange(-90, 1500))
        sid = new_id()
        sessions.append(dict(id=sid, org_id=trainer.org_id, course_id=course.id, starts_on=starts,
                             ends_on=starts + timedelta(days=1), online=False, location="培训中心",
                             trainer_id=trainer.id, capacity=SEATS, cancelled=False))
        chosen = rng.sample(pool, min(SEATS, len(pool), enrolments - produced))
        produced += len(chosen)
        for position, engineer in enumerate(chosen):
            score = rng.randrange(30, 101) if starts < today else None
            rows.append(dict(id=new_id(), org_id=engineer.org_id, session_id=sid, engineer_id=engineer.id,
                             state="enrolled" if position < SEATS - 1 or starts < today else "waiting",
                             queued_at=utcnow(), attended=None if score is None else True, score=score,
                             passed=None if score is None else score >= course.pass_mark,
                             exam_on=None if score is None else starts + timedelta(days=1), enrolled_by=trainer.id,
                             scored_by=None, cancel_reason=""))
        if len(rows) >= 50_000:
            _flush(session, sessions, rows)
    _flush(session, sessions, rows)


_parents: dict = {}


def _parent(session, org_id):
    if org_id not in _parents:
        from app.orgs.models import OrgUnit

        _parents[org_id] = session.get(OrgUnit, org_id).parent_id
    return _parents[org_id]


def _flush(session, sessions: list, rows: list) -> None:
    if sessions:
        session.execute(insert(TrainingSession), sessions)
    if rows:
        session.execute(insert(Enrolment), rows)
    sessions.clear()
    rows.clear()


def timed(fn, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def open_bench(url: str):
    """A kept SQLite file is reused as it is: other branches' revisions may have moved on since."""
    if url.startswith("sqlite:///") and Path(url.removeprefix("sqlite:///")).exists():
        engine = make_engine(url)
        return SimpleNamespace(engine=engine, reading=sessionmaker(engine), transaction=None)
    return open_context(Config(), url, plugins=get_plugin_manager())


def run(url: str, enrolments: int, label: str) -> None:
    ctx = open_bench(url)
    with ctx.reading() as session:
        built = session.scalar(select(func.count()).select_from(Enrolment))
    if not built:
        start = time.perf_counter()
        with ctx.transaction() as session:
            fill(session, build_network(session), enrolments, random.Random(1))
        print(f"[{label}] built {enrolments:,} enrolments in {time.perf_counter() - start:.1f} s")
        with ctx.engine.connect() as connection:  # planner statistics, as autovacuum would gather after a load
            connection.exec_driver_sql("ANALYZE")
            connection.commit()
    else:
        print(f"[{label}] reusing {built:,} enrolments")
    with ctx.reading() as session:
        ids = {role: list(session.scalars(select(User.id).where(User.roles.any(code=role)).order_by(User.username,
                                                                                                     User.id)))
               for role in ("trainer", "field_engineer", "hq_analyst")}
        users = {role: [session.get(User, i) for i in found] for role, found in ids.items()}
        users["trainer"].sort(key=lambda u: u.org_id != users["hq_analyst"][0].org_id)  # HQ's trainer first
        hq_trainer, branch_trainer = actor_for(session, users["trainer"][0]), actor_for(session, users["trainer"][1])
        analyst = actor_for(session, users["hq_analyst"][0])
        engineer = users["field_engineer"][0].id
        one_session = service.session_rows(session, branch_trainer, 0, 1)[0].id
        before = service.session_rows(session, hq_trainer, 49_999, 1)[0]
        cursor = (before.starts_on, before.id)
        quarter = Period.quarter_of(utcnow().date() - timedelta(days=120))
        cases = [
            ("sessions list, first page of 200 (HQ)", lambda: service.session_rows(session, hq_trainer, 0, 200)),
            ("sessions list, page at row 50,000 by OFFSET (HQ)",
             lambda: service.session_rows(session, hq_trainer, 50_000, 200)),
            ("sessions list, page at row 50,000 by keyset, as the page scrolls (HQ)",
             lambda: service.session_rows(session, hq_trainer, 50_000, 200, after=cursor)),
            ("sessions list, first page (branch)", lambda: service.session_rows(session, branch_trainer, 0, 200)),
            ("one session's enrolments", lambda: service.session_enrolments(session, branch_trainer,
                                                                                    one_session)),
            ("one engineer's history", lambda: service.history(session, hq_trainer, engineer)),
            ("passed_courses hook", lambda: service.passed_courses(session, engineer)),
            ("dashboard counters (HQ)", lambda: (service.upcoming_count(session, hq_trainer),
                                                 service.waiting_count(session, hq_trainer))),
            ("dashboard counters (branch)", lambda: (service.upcoming_count(session, branch_trainer),
                                                     service.waiting_count(session, branch_trainer))),
            (f"rollup {quarter.label}, every unit (HQ analyst)", lambda: reports.training_by_unit(session, analyst, quarter)),
        ]
        for name, fn in cases:
            median, worst = timed(fn)
            print(f"[{label}] {name}: median {median:.1f} ms, max {worst:.1f} ms")
    ctx.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enrolments", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--sqlite-file", help="keep the SQLite database here and reuse it on the next run")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        path = args.sqlite_file or f"{tempfile.mkdtemp(prefix='sc-bench-training-')}/bench.db"
        run(f"sqlite:///{path}", args.enrolments, "sqlite")
    if args.backend in ("postgresql", "both"):
        from pgserver import PostgresServer, find_bin_dir

        server = PostgresServer(find_bin_dir()).start()
        try:
            run(server.url(server.create_database()), args.enrolments, "postgresql")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
