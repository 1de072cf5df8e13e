"""A demo service network built by real syncs, the way docs/sync.md tells an administrator to:
HQ is set up and registers its branches, makes its reference data (which authorises a signing
key for every registered training center), then provisions each branch; the branch is set up
from its file, pulls HQ's reference data, makes its own demo data on top of it and pushes.
``bench/network_demo.py`` and its test both build the network with :func:`build`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from app.i18n import translate
from app.sync import service as sync

ADMIN = "admin"
HQ_CODE, HQ_NAME = "HQ", "总部技术支持部"


@dataclass
class DemoNetwork:
    hq: object  # AppContext of every installation
    branches: dict = field(default_factory=dict)  # code -> AppContext

    def close(self) -> None:
        for ctx in (self.hq, *self.branches.values()):
            ctx.engine.dispose()


def build(hq_url: str, folder: Path, branches: int = 3, scale: int = 500, seed: int = 1, plugins=None,
          say: Callable[[str], None] = lambda line: None) -> DemoNetwork:
    """HQ at ``hq_url`` (an empty database) and ``branches`` branches on SQLite files in
    ``folder``, next to their provisioning files. Administrators sign in as admin@CODE with the
    demo password."""
    from app.config import Config
    from app.demo import branch_city
    from app.runtime import open_context

    folder = Path(folder)
    hq = open_context(Config(), hq_url, plugins=plugins)
    network = DemoNetwork(hq)
    try:
        names = [(code, f"{city}分公司") for code, city in map(branch_city, range(branches))]
        _set_up_hq(hq, hq_url, names, seed)
        say(translate("Demo", "HQ: set up, {n} branches registered, reference data made.").format(n=branches))
        for index, (code, _) in enumerate(names):
            network.branches[code] = _branch(hq, hq_url, code, folder, scale, seed + index + 1, plugins, say)
    except BaseException:
        network.close()
        raise
    return network


def _set_up_hq(hq, hq_url: str, names: list[tuple[str, str]], seed: int) -> None:
    from app.demo import DEMO_PASSWORD, generate
    from app.setup import initialize

    with hq.transaction() as session:
        initialize(session, tier="hq", code=HQ_CODE, name=HQ_NAME, parent_code=None, admin_username=ADMIN,
                   admin_password=DEMO_PASSWORD)
    actor = _actor(hq)
    for code, name in names:  # registers the unit: the reference demo authorises its signing key
        sync.provision_node(hq, actor, code, None, hq_url, name=name)
    with hq.transaction() as session:
        generate(hq, session, actor, scale=1, seed=seed, reference_only=True)


def _branch(hq, hq_url: str, code: str, folder: Path, scale: int, seed: int, plugins, say):
    """Provisioned again now that its key exists, so the file hands the key over."""
    from app.config import Config
    from app.demo import DEMO_PASSWORD, generate
    from app.runtime import open_context

    path = folder / f"{code}.json"
    sync.provision_node(hq, _actor(hq), code, path, hq_url)
    branch = open_context(Config(), f"sqlite:///{(folder / f'{code.lower()}.sqlite3').as_posix()}", plugins=plugins)
    try:
        sync.setup_from_provisioning(branch, path, ADMIN, DEMO_PASSWORD)
        actor = _actor(branch)
        pulled = sync.pull(branch, actor)
        with branch.transaction() as session:
            made = generate(branch, session, actor, scale=scale, seed=seed)
        pushed = sync.push(branch, actor)
    except BaseException:
        branch.engine.dispose()
        raise
    say(" ".join((f"{code}:", sync.describe(pulled), made, sync.describe(pushed))))
    return branch


def _actor(ctx):
    from app.cli import system_actor_for

    with ctx.reading() as session:
        return system_actor_for(ctx, session)


def held_for(ctx, code: str) -> dict[str, int]:
    """Rows ``ctx`` holds, per synced table, that ``code``'s subtree owns (for core_org_units:
    the units below it, e.g. a branch's partners)."""
    from app.sync.registry import synced_tables

    counts = {}
    with ctx.engine.connect() as connection:
        path = connection.execute(text("SELECT path FROM core_org_units WHERE code = :c"), {"c": code}).scalar()
        if path is None:
            return {}
        subtree = "SELECT id FROM core_org_units WHERE path LIKE :p"
        for t in synced_tables(ctx.plugins):
            if t.owner and t.spec.direction == "up":
                counts[t.name] = connection.execute(text(
                    f"SELECT count(*) FROM {t.name} WHERE {t.owner} IN ({subtree})"), {"p": path + "%"}).scalar()
    return counts


def refused_rows(ctx) -> int:
    """Rows this installation refused on a push or pull (``core_sync_errors``)."""
    return sync.status(ctx, _actor(ctx)).errors
