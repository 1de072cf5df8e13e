"""A demo HQ for an installation set up on its own (``init`` without a provisioning file).

A branch's demo builds on HQ's reference data: the course and parts catalogues, service
packages, certificate types, HQ's root key and the branch's own signing key. A branch connected
to HQ pulls them. One set up on its own has no HQ to pull from, so its demo builds one: a
throwaway embedded database with the same migrations and plugins, set up as the node's parent
with the node registered below it, makes its reference demo with the same seed and hands the
node its signing key and a bundle, exactly as ``hq provision-node`` and ``sync import`` do. The
rows therefore arrive as a pull brings them: owned by HQ, read only here. The first pull from a
real HQ later fetches everything again (its database is not the one the bundle came from)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.errors import UserError
from app.i18n import translate
from app.sync import state

HQ_NAME = "总部技术支持部"  # the demo HQ's name when this node knows its parent by code only
ADMIN = "admin"


@dataclass(frozen=True)
class Unit:
    """An org unit of this node's chain up to HQ, as the demo HQ copies it."""

    code: str
    name: str
    tier: str
    region: str
    settings: dict


def needs_reference_data(ctx) -> bool:
    """Whether a demo here first needs a demo HQ: a node below HQ that has received nothing from
    a parent and is connected to none. One that is connected is asked to sync first, so its demo
    builds on its real HQ's reference data."""
    from app.runtime import node_org

    local = state.load(ctx.engine)
    if local.pull.token:
        return False
    with ctx.reading() as session:
        tier = node_org(ctx, session).tier
    if tier == "hq":
        return False
    if local.parent.get("url") or local.parent.get("node_key"):
        raise UserError(translate("Demo", "This installation is connected to its parent but has received nothing "
                                          "from it yet: sync with the parent first (“service-center sync pull”, the "
                                          "Sync page, or a bundle from the parent), then load the demo."))
    return True


def receive_reference_data(ctx, *, seed: int, progress: Callable[[str, float], None],
                           cancelled: Callable[[], bool]) -> None:
    """Build the demo HQ in a temporary folder and take its reference data and this node's
    signing key. Cancelled before the hand-over, nothing here has changed."""
    chain = _chain(ctx)
    # a scanner holding the new file a moment on Windows must not fail the demo at clean-up
    with tempfile.TemporaryDirectory(prefix="service-center-demo-hq-", ignore_cleanup_errors=True) as folder:
        bundle, handover = _demo_hq(ctx, chain, Path(folder), seed, progress, cancelled)
        if cancelled():
            raise UserError(translate("Demo", "Demo data cancelled; nothing was saved."))
        progress(translate("Demo", "Receiving HQ's reference data"), 0.0)
        _hand_over(ctx, bundle, handover)
        progress(translate("Demo", "Receiving HQ's reference data"), 1.0)


def _chain(ctx) -> list[Unit]:
    """This node's org unit and its ancestors, HQ first."""
    from app.orgs.models import OrgUnit
    from app.runtime import node_org

    with ctx.reading() as session:
        unit, chain = node_org(ctx, session), []
        while unit is not None:
            chain.insert(0, Unit(unit.code, unit.name, unit.tier, unit.region or "", dict(unit.settings or {})))
            unit = session.get(OrgUnit, unit.parent_id) if unit.parent_id else None
    return chain


def _demo_hq(ctx, chain: list[Unit], folder: Path, seed: int, progress, cancelled):
    """The demo HQ's bundle for this node and its provisioning (the signing key's hand-over)."""
    from app.cli import system_actor_for
    from app.demo import DEMO_PASSWORD, generate
    from app.runtime import open_context
    from app.setup import initialize
    from app.sync import service as sync

    progress(translate("Demo", "Demo HQ: setting up its database"), 0.0)
    hq = open_context(ctx.config, f"sqlite:///{(folder / 'demo-hq.sqlite3').as_posix()}", plugins=ctx.plugins)
    try:
        top = chain[0]
        with hq.transaction() as session:
            initialize(session, tier="hq", code=top.code, name=HQ_NAME if top.name == top.code else top.name,
                       parent_code=None, admin_username=ADMIN, admin_password=DEMO_PASSWORD)
            _copy_units(session, chain[1:])
        with hq.reading() as session:
            actor = system_actor_for(hq, session)
        with hq.transaction() as session:  # authorises a signing key for every center registered above
            generate(hq, session, actor, scale=1, seed=seed, reference_only=True, cancelled=cancelled,
                     progress=lambda stage, f: progress(translate("Demo", "Demo HQ: {stage}").format(stage=stage), f))
        node = chain[-1].code
        handover = sync.provision_node(hq, actor, node)
        bundle = folder / f"{node}.bundle"
        sync.export_bundle(hq, actor, bundle, for_code=node)
    finally:
        hq.engine.dispose()  # the folder can go (Windows keeps an open file)
    return bundle, handover


def _copy_units(session, units: list[Unit]) -> None:
    """The units below HQ as this node has them (same ids: uuid5 of the code), so the copies
    that come down with the reference data change nothing here."""
    from app.orgs.models import OrgUnit
    from app.orgs.service import build_org

    parent = session.scalars(select(OrgUnit).where(OrgUnit.parent_id.is_(None))).one()
    for unit in units:
        copy = build_org(unit.code, unit.name, unit.tier, parent, unit.region)
        copy.settings = dict(unit.settings)
        session.add(copy)
        session.flush()
        parent = copy


def _hand_over(ctx, bundle: Path, handover) -> None:
    """What ``init --provision`` and ``sync import`` do with the demo HQ's file and bundle; the
    parent settings stay as they were (nothing points at a parent that is gone)."""
    from app import installation
    from app.sync.bundle import import_bundle
    from app.sync.registry import synced_tables

    before = state.load(ctx.engine).parent
    with ctx.transaction() as session:  # no foreign key: the key rows come with the bundle
        ctx.hook.node_secrets_received(session=session, secrets=handover.secrets)
    state.save_parent(ctx.engine, node_key=handover.node_key)  # the bundle is signed with it
    try:
        import_bundle(ctx.engine, synced_tables(ctx.plugins), bundle)
    finally:
        with ctx.transaction() as session:
            installation.set_value(session, state.PARENT, before)
            installation.set_value(session, state.DEMO_PARENT, True)
