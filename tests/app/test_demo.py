"""Demo data: the core makes org units and staff; plugins get the same context through demo_data."""

import random

import pytest
from sqlalchemy import func, select

from app.auth.models import User
from app.demo import branch_count, generate
from app.errors import UserError
from app.hookspecs import hookimpl
from app.orgs.models import OrgUnit


# hooks: demo_data (called by generate for every plugin)
class Recorder:
    def __init__(self):
        self.seen = None

    @hookimpl
    def demo_data(self, demo):
        self.seen = demo
        demo.progress("recorder", 0.5)


@pytest.fixture
def empty_hq(plugin_host, tmp_path):
    from app.auth.service import authenticate
    from app.config import Config
    from app.runtime import open_context
    from app.setup import initialize

    ctx = open_context(Config(), f"sqlite:///{(tmp_path / 'hq.db').as_posix()}", plugins=plugin_host)
    with ctx.transaction() as session:
        initialize(session, tier="hq", code="HQ", name="总部", parent_code=None, admin_username="admin",
                   admin_password="admin-password-1")
    with ctx.reading() as session:
        admin = authenticate(session, "admin@HQ", "admin-password-1")
    yield ctx, admin
    ctx.engine.dispose()


def count(ctx, model):
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_demo_at_hq_creates_branches_partners_staff_and_calls_plugins(empty_hq):
    ctx, admin = empty_hq
    recorder = Recorder()
    ctx.plugins.pm.register(recorder)
    stages = []
    try:
        with ctx.transaction() as session:
            generate(ctx, session, admin, scale=100, seed=3, progress=lambda s, f: stages.append(s))
    finally:
        ctx.plugins.pm.unregister(recorder)
    demo = recorder.seen
    assert demo.scale == 100 and isinstance(demo.rng, random.Random) and demo.hook is ctx.hook
    assert len(demo.users_with_role("field_engineer")) >= 4 * branch_count(100)
    assert "recorder" in stages
    with ctx.reading() as session:
        tiers = dict(session.execute(select(OrgUnit.tier, func.count()).group_by(OrgUnit.tier)).all())
        names = session.scalars(select(OrgUnit.name).where(OrgUnit.tier == "branch")).all()
    assert tiers == {"hq": 1, "branch": branch_count(100), "partner": 3 * branch_count(100)}
    assert "北京分公司" in names
    assert count(ctx, User) > 40


def test_cancelled_demo_saves_nothing(empty_hq):
    ctx, admin = empty_hq
    before = (count(ctx, OrgUnit), count(ctx, User))
    with pytest.raises(UserError, match="cancelled"):
        with ctx.transaction() as session:
            generate(ctx, session, admin, scale=100, seed=3, cancelled=lambda: True)
    assert (count(ctx, OrgUnit), count(ctx, User)) == before


def test_demo_refuses_a_database_with_real_units_below(ctx, admin):
    with ctx.transaction() as session, pytest.raises(UserError, match="already has units"):
        generate(ctx, session, admin, scale=10, seed=1)


def test_demo_needs_the_permission(empty_hq, make_actor):
    from app.errors import PermissionDenied

    ctx, _ = empty_hq
    hotline = make_actor(ctx, "li@HQ", roles=["hotline"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        generate(ctx, session, hotline, scale=10, seed=1)


def test_scale_sets_the_number_of_branches():
    assert branch_count(1_000_000) == 150 and branch_count(10) == 3


def test_demo_refuses_an_installation_already_in_use(empty_hq, make_actor):
    ctx, admin = empty_hq
    make_actor(ctx, "real@HQ", roles=["hotline"])
    with ctx.transaction() as session, pytest.raises(UserError, match="already has users"):
        generate(ctx, session, admin, scale=10, seed=1)
