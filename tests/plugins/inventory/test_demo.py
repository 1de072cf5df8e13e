"""Demo stock through the demo_data hook: consistent ledger, hits and misses, cancel."""

import random
from collections import Counter

from sqlalchemy import func, select

from app.auth.models import User
from app.orgs.models import OrgUnit
from app.specs import DemoContext
from plugins.inventory import ledger
from plugins.inventory.models import Depot, Movement, Part, PartRequest, SerialUnit


def demo_context(session, scale, cancelled=lambda: False):
    units = list(session.scalars(select(OrgUnit).order_by(OrgUnit.path)))
    staff = {"field_engineer": list(session.scalars(select(User).where(User.username.like("eng%"))))}
    return DemoContext(session=session, rng=random.Random(5), scale=scale, org_units=units, staff=staff,
                       cancelled=cancelled)


def test_demo_data_builds_a_consistent_history(sqlite_ctx, make_actor):
    make_actor(sqlite_ctx, "eng1@BJ", roles=["field_engineer"])
    with sqlite_ctx.transaction() as session:
        sqlite_ctx.hook.demo_data(demo=demo_context(session, 4000))
    with sqlite_ctx.reading() as session:
        assert session.scalar(select(func.count()).select_from(Movement)) == 4000
        assert session.scalar(select(func.count()).select_from(Part)) >= 40
        assert {"central", "branch"} <= set(session.scalars(select(Depot.kind)))
        replayed = {k: v for k, v in ledger.replay(session).items() if any(v)}
        stored = {k: v for k, v in ledger.stored_balances(session).items() if any(v)}
        assert replayed == stored and all(min(v) >= 0 for v in stored.values())
        serialised = set(session.scalars(select(Part.id).where(Part.serialised.is_(True))))
        places = Counter((u.depot_id, u.part_id, u.state) for u in session.scalars(select(SerialUnit)))
        for (depot, part), (on_hand, _, in_transit, defective) in stored.items():
            if part in serialised:
                assert (places[(depot, part, "in_stock")], places[(depot, part, "in_transit")],
                        places[(depot, part, "defective")]) == (on_hand, in_transit, defective)
        hits = Counter(session.scalars(select(PartRequest.hit)))
        assert hits[True] > 0 and hits[False] > 0
        assert "issued" in set(session.scalars(select(PartRequest.state)))


def test_cancelled_demo_stops_early(sqlite_ctx):
    with sqlite_ctx.transaction() as session:
        sqlite_ctx.hook.demo_data(demo=demo_context(session, 50_000, cancelled=lambda: True))
        assert session.scalar(select(func.count()).select_from(Movement)) < 50_000
