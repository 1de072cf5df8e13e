"""THE DOOR of sync: every operation the Sync page, the command line and the periodic job use,
with its permission check. No Qt."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.auth.actor import Actor
from app.errors import UserError
from app.i18n import translate
from app.sync import state
from app.sync.wire import as_uuid

from app.core_plugin import SYNC_PROVISION as PROVISION
from app.core_plugin import SYNC_RUN as RUN

DEFAULT_INTERVAL_MINUTES = 15
_one_at_a_time = threading.Lock()  # the Sync page and the automatic sync share one process


@dataclass(frozen=True)
class ChildStatus:
    code: str
    provisioned: bool
    last_push_at: str
    last_pull_at: str


@dataclass(frozen=True)
class SyncStatus:
    node_code: str
    parent_code: str
    parent: str  # where the parent is, without its password ("" when not connected)
    interval_minutes: int
    pending: int  # changes this node's subtree made that the parent has not confirmed
    last_push: dict
    last_pull: dict
    conflicts: int
    errors: int
    children: tuple[ChildStatus, ...]
    zone: str = "Asia/Shanghai"  # times on the page are shown in the node's zone


@dataclass(frozen=True)
class Problem:
    """A conflict (a losing version) or a row a parent refused, as the Sync page lists it."""

    at: str
    node: str
    table: str
    key: str
    detail: str


def _tables(ctx):
    from app.sync.registry import synced_tables

    return synced_tables(ctx.plugins)


# ------------------------------------------------------------------ the parent


def connect(ctx, actor: Actor, target: str, interval_minutes: int | None = None) -> str:
    """Remember where the parent is: a connection string, or the provisioning file the parent
    wrote (it also carries the key bundles are signed with)."""
    actor.require(RUN)
    _refuse_after_a_demo_parent(ctx)
    url, key = _resolve(target)
    values = {"url": url} if url else {}
    if key:
        values["node_key"] = key
    if interval_minutes is not None:
        if interval_minutes < 0:
            raise UserError(translate("Sync", "The interval must be 0 (off) or more minutes."))
        values["interval_minutes"] = interval_minutes
    if key:  # only a provisioning file carries a key, and with it this node's secrets
        from app.sync.provision import Provisioning

        with ctx.transaction() as session:
            ctx.hook.node_secrets_received(session=session, secrets=Provisioning.read(Path(target)).secrets)
    state.save_parent(ctx.engine, **values)
    return _display(url) if url else ""


def _refuse_after_a_demo_parent(ctx) -> None:
    from app import installation

    with ctx.reading() as session:
        demo = installation.get_value(session, state.DEMO_PARENT)
    if demo:
        raise UserError(translate("Sync", "This installation holds demo data with a demo HQ's keys and reference "
                                          "data; it cannot join a real network. Set up a new installation from the "
                                          "parent's provisioning file (“service-center init --provision FILE”)."))


def _resolve(target: str) -> tuple[str | None, str | None]:
    from app.sync.provision import Provisioning

    candidate = Path(target)
    if "://" not in target and (candidate.suffix.lower() == ".json" or candidate.is_file()):
        provisioning = Provisioning.read(candidate)
        return provisioning.parent_url, provisioning.node_key
    from app.db.engine import make_engine

    make_engine(target).dispose()  # a malformed URL is refused here, in one line
    return target, None


def _display(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def parent_url(ctx) -> str | None:
    return state.load(ctx.engine).parent.get("url")


def interval_minutes(ctx) -> int:
    return int(state.load(ctx.engine).parent.get("interval_minutes", DEFAULT_INTERVAL_MINUTES))


# ------------------------------------------------------------------ running


def push(ctx, actor: Actor, to: str | None = None, progress: Callable[[float], None] | None = None,
         cancelled: Callable[[], bool] | None = None):
    from app.sync import engine

    actor.require(RUN)
    return _with_parent(ctx, to, "push", lambda parent: engine.push(
        ctx.engine, parent, _tables(ctx), progress=progress, cancelled=cancelled))


def pull(ctx, actor: Actor, source: str | None = None, progress: Callable[[float], None] | None = None,
         cancelled: Callable[[], bool] | None = None):
    from app.sync import engine

    actor.require(RUN)
    return _with_parent(ctx, source, "pull", lambda parent: engine.pull(
        ctx.engine, parent, _tables(ctx), progress=progress, cancelled=cancelled))


def sync_now(ctx, actor: Actor, progress: Callable[[str, float], None] | None = None,
             cancelled: Callable[[], bool] | None = None):
    """Push, then pull: what the Sync page's button and the automatic sync do."""
    pushed = push(ctx, actor, progress=(lambda f: progress("push", f)) if progress else None, cancelled=cancelled)
    pulled = pull(ctx, actor, progress=(lambda f: progress("pull", f)) if progress else None, cancelled=cancelled)
    return pushed, pulled


def _with_parent(ctx, target: str | None, direction: str, step):
    url = _resolve(target)[0] if target else parent_url(ctx)
    if not _one_at_a_time.acquire(blocking=False):
        raise UserError(translate("Sync", "Another sync of this installation is running: try again when it has "
                                          "finished."))
    try:
        return _exchange(ctx, url, direction, step)
    finally:
        _one_at_a_time.release()


def _exchange(ctx, url: str | None, direction: str, step):
    from app.db.engine import make_engine
    from app.sync.engine import Cancelled

    if not url:
        raise UserError(translate("Sync", "No parent is set: connect this installation first (service-center sync "
                                          "connect FILE-OR-URL, or the Sync page)."))
    parent = make_engine(url, connect_args=_connect_timeout(url))
    try:
        return step(parent)
    except DBAPIError as exc:
        message = unreachable(url, exc)
        state.note_done(ctx.engine, direction, error=message)
        raise UserError(message) from None
    except Cancelled:
        state.note_done(ctx.engine, direction, error=translate("Sync", "Cancelled."))
        raise
    except UserError as exc:
        state.note_done(ctx.engine, direction, error=str(exc))
        raise
    finally:
        parent.dispose()


def _connect_timeout(url: str) -> dict:
    return {"connect_timeout": 10} if url.startswith("postgresql") else {}


def unreachable(url: str, exc: DBAPIError) -> str:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
    return translate("Sync", "The parent at {where} could not be reached or stopped answering ({detail}). Nothing was "
                             "lost: the next sync continues from where the parent stands.").format(
        where=_display(url), detail=detail)


def describe(result) -> str:
    """One sentence about a finished push or pull."""
    sentence = (translate("Sync", "Sent {rows} rows and {deleted} deletions in {batches} batches.")
                if result.direction == "push" else
                translate("Sync", "Received {rows} rows and {deleted} deletions in {batches} batches."))
    parts = [sentence.format(rows=result.report.rows, deleted=result.report.deleted, batches=result.batches)]
    if result.full_resend:
        parts.append(result.full_resend)
    if result.report.conflicts:
        parts.append(translate("Sync", "{n} conflicting versions kept aside (see the Sync page).").format(
            n=result.report.conflicts))
    if result.report.errors:
        parts.append(translate("Sync", "{n} rows refused (see the Sync page).").format(n=result.report.errors))
    return " ".join(parts)


# ------------------------------------------------------------------ bundles and children


def export_bundle(ctx, actor: Actor, path: Path, full: bool = False, for_code: str | None = None):
    from app.sync import bundle

    actor.require(RUN)
    if for_code:
        actor.require(PROVISION)
        return bundle.export_down(ctx.engine, _tables(ctx), Path(path), for_code)
    return bundle.export_up(ctx.engine, _tables(ctx), Path(path), full=full)


def import_bundle(ctx, actor: Actor, path: Path):
    from app.sync import bundle

    actor.require(RUN)
    return bundle.import_bundle(ctx.engine, _tables(ctx), Path(path))


def provision_node(ctx, actor: Actor, code: str, out: Path | None = None, parent_url_for_child: str | None = None,
                   name: str | None = None):
    """Register a child (its role and key); write the provisioning file the child connects with,
    carrying what the plugins hand it (``node_secrets``, e.g. signing keys sync never carries).
    With a ``name``, an org unit that does not exist yet is created one tier below this node."""
    from dataclasses import replace

    from app.sync.provision import provision

    actor.require(PROVISION)
    if out is not None and not Path(out).parent.is_dir():
        raise UserError(translate("Database", "The folder {folder} does not exist.").format(folder=Path(out).parent))
    if name:
        _ensure_child_unit(ctx, actor, code, name)
    result = provision(ctx.engine, _tables(ctx), code, parent_url_for_child)
    handed: dict = {}
    with ctx.reading() as session:
        for answer in ctx.hook.node_secrets(session=session, org_id=uuid.UUID(result.node_id)):
            handed.update(answer or {})
    result = replace(result, secrets=handed)
    if out is not None:
        Path(out).write_text(result.to_json(), encoding="utf-8")
    return result


def _ensure_child_unit(ctx, actor: Actor, code: str, name: str) -> None:
    from app.ids import org_id_for_code
    from app.orgs.models import TIERS, OrgUnit
    from app.orgs.service import create_org_unit
    from app.runtime import node_org

    with ctx.transaction() as session:
        if session.get(OrgUnit, org_id_for_code(code)) is not None:
            return
        me = node_org(ctx, session)
        if me.tier == TIERS[-1]:
            raise UserError(translate("Sync", "A partner has no child installations."))
        create_org_unit(session, actor, code=code, name=name, tier=TIERS[TIERS.index(me.tier) + 1],
                        parent_code=me.code)


def setup_from_provisioning(ctx, path: Path, admin_username: str, admin_password: str):
    """Set up a new installation from the file its parent wrote: its unit, its parent and the
    connection, with nothing typed by hand but the administrator."""
    from app.setup import initialize
    from app.sync.provision import Provisioning

    provisioning = Provisioning.read(Path(path))
    if not provisioning.node_tier or not provisioning.node_name:
        raise UserError(translate("Sync", "{path} is not a provisioning file of this program.").format(path=path))
    with ctx.transaction() as session:
        org = initialize(session, tier=provisioning.node_tier, code=provisioning.node_code,
                         name=provisioning.node_name, parent_code=provisioning.parent_code,
                         admin_username=admin_username, admin_password=admin_password)
        session.flush()  # the plugins may refer to the new unit
        ctx.hook.node_secrets_received(session=session, secrets=provisioning.secrets)
    values = {"node_key": provisioning.node_key}
    if provisioning.parent_url:
        values["url"] = provisioning.parent_url
    state.save_parent(ctx.engine, **values)
    return org


# ------------------------------------------------------------------ what the Sync page shows


def status(ctx, actor: Actor) -> SyncStatus:
    actor.require(RUN)
    local = state.load(ctx.engine)
    me = state.node_identity(ctx.engine)
    with ctx.engine.connect() as connection:
        codes = {as_uuid(i): (c, p) for i, c, p in connection.exec_driver_sql(
            "SELECT id, code, parent_id FROM core_org_units")}
        conflicts = connection.exec_driver_sql("SELECT count(*) FROM core_sync_conflicts").scalar()
        errors = connection.exec_driver_sql("SELECT count(*) FROM core_sync_errors").scalar()
        children = _children(connection, codes)
    from app.orgs.models import OrgUnit
    from app.orgs.service import time_zone

    with ctx.reading() as session:
        zone = time_zone(session, session.get(OrgUnit, me.org_id)).key
    code, parent_id = codes.get(me.org_id, ("?", None))
    url = local.parent.get("url")
    return SyncStatus(code, codes.get(as_uuid(parent_id), ("", None))[0] if parent_id else "",
                      _display(url) if url else "", int(local.parent.get("interval_minutes", DEFAULT_INTERVAL_MINUTES)),
                      pending_changes(ctx, local.push.seq, me) if parent_id else 0, local.last.get("push", {}),
                      local.last.get("pull", {}), conflicts, errors, children, zone)


def pending_changes(ctx, since: int, me: state.Identity) -> int:
    """Rows this node's subtree changed after change ``since`` (what the parent last confirmed)."""
    from app.sync.engine import push_plan

    total = 0
    with ctx.engine.connect() as connection:
        plan = push_plan(connection, _tables(ctx), me.org_id)
        for t in plan.tables:
            where, params = plan.where[t.name]
            total += connection.execute(text(f"SELECT count(*) FROM {t.name} WHERE sync_seq > :since AND ({where})"),
                                        {"since": since, **params}).scalar()
    return total


def _children(connection, codes) -> tuple[ChildStatus, ...]:
    marks: dict[uuid.UUID, dict] = {}
    for node, stream, at in connection.exec_driver_sql("SELECT node_id, stream, updated_at FROM core_sync_watermarks"):
        marks.setdefault(as_uuid(node), {})[stream] = str(at)[:19]
    provisioned = {as_uuid(n) for (n,) in connection.exec_driver_sql("SELECT org_id FROM core_sync_nodes WHERE active")}
    found = []
    for node in sorted(provisioned | set(marks), key=lambda n: codes.get(n, ("?",))[0]):
        seen = marks.get(node, {})
        found.append(ChildStatus(codes.get(node, ("?",))[0], node in provisioned, seen.get("up", ""),
                                 seen.get("down", "")))
    return tuple(found)


def problems(ctx, actor: Actor, kind: str, limit: int = 500) -> list[Problem]:
    """The newest conflicts (``kind="conflicts"``) or refused rows (``kind="errors"``)."""
    actor.require(RUN)
    table, detail = (("core_sync_conflicts", "lost_row") if kind == "conflicts" else ("core_sync_errors", "error"))
    with ctx.engine.connect() as connection:
        codes = {as_uuid(i): c for i, c in connection.exec_driver_sql("SELECT id, code FROM core_org_units")}
        rows = connection.execute(text(f"SELECT at, node_id, table_name, pk, {detail} FROM {table} "
                                       f"ORDER BY at DESC LIMIT :n"), {"n": limit}).fetchall()
    parent = translate("Sync", "parent")
    return [Problem(str(at)[:19], codes.get(as_uuid(node), parent) if node else parent, name, pk, str(info))
            for at, node, name, pk, info in rows]


# ------------------------------------------------------------------ what may be done here, and why not


@dataclass(frozen=True)
class Allowed:
    ok: bool
    reason: str = ""  # why not, in one translated line ("" when allowed)


def actions(ctx, actor: Actor) -> dict[str, Allowed]:
    """Which of the Sync page's actions (``sync``, ``connect``, ``export``, ``import``, ``provision``)
    can be taken on this installation by ``actor`` now, each with the reason when not, so the page
    greys out a button and says why instead of failing after the click."""
    from app.orgs.models import TIERS
    from app.runtime import node_org

    actor.require(RUN)
    local = state.load(ctx.engine).parent
    with ctx.reading() as session:
        me = node_org(ctx, session)
        tier = me.tier if me is not None else TIERS[0]
    top = translate("Sync", "This is HQ, the top of the network: it has no parent to sync with.")
    if tier == TIERS[0]:
        sync = connect = export = Allowed(False, top)
    else:
        connect = Allowed(True)
        sync = Allowed(True) if local.get("url") else Allowed(False, translate(
            "Sync", "No parent is set: connect this installation to its parent first."))
        export = Allowed(True) if local.get("node_key") else Allowed(False, translate(
            "Sync", "No key for bundles yet: connect with the provisioning file from the parent first."))
    if not actor.has(PROVISION):
        provision = Allowed(False, translate("Sync", "Provisioning child installations needs its own permission."))
    elif tier == TIERS[-1]:
        provision = Allowed(False, translate("Sync", "A partner has no child installations."))
    else:
        provision = Allowed(True)
    return {"sync": sync, "connect": connect, "export": export, "import": Allowed(True), "provision": provision}
