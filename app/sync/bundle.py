"""Offline bundles for sites without a line to their parent: the same rows a push or pull
would move, in one compressed, checksummed file signed with the node's key (HMAC-SHA256 with
the key from provisioning). Importing applies everything in ONE transaction with the
watermark, so a bundle is applied whole or not at all, and the same bundle twice changes
nothing. A truncated, altered, replayed or foreign bundle is refused before anything is written.

Layout: a magic line, one line of header JSON (with the payload's SHA-256 and the signature),
then the gzip-compressed payload of JSON lines.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select, update

from app.clock import utcnow
from app.errors import UserError
from app.i18n import translate
from app.sync import capture, state
from app.sync.apply import ApplyReport, Sender
from app.sync.models import Watermark
from app.sync.engine import apply_batch, pull_plan, push_plan, read_batch, snapshot
from app.sync.registry import SyncedTable
from app.sync.schema import revisions
from app.sync.topology import Topology
from app.sync.wire import as_uuid, bind_ids, from_json, to_json

MAGIC = b"SERVICE-CENTER-SYNC-BUNDLE/1\n"


@dataclass(frozen=True)
class BundleResult:
    kind: str  # up | down
    node_code: str
    from_seq: int
    to_seq: int
    rows: int
    report: ApplyReport | None = None
    already: bool = False


# ------------------------------------------------------------------ writing


def export_up(engine: Engine, tables: list[SyncedTable], path: Path, full: bool = False) -> BundleResult:
    """What a push would send, from where the last push or bundle ended (or everything)."""
    me = state.node_identity(engine)
    local = state.load(engine)
    key = local.parent.get("node_key")
    if not key:
        raise UserError(translate("Sync", "This node has no key for bundles: connect it with the provisioning file "
                                          "from its parent first (service-center sync connect FILE)."))
    start = 0 if full else local.push.seq
    with snapshot(engine) as reading:
        top = capture.current_seq(reading)
        rows, deletes = read_batch(reading, push_plan(reading, tables, me.org_id), start, top)
        code = _code_of(reading, me.org_id)
    bundle_id = secrets.token_hex(16)
    header = {"kind": "up", "bundle": bundle_id, "node_id": str(me.org_id), "node": code,
              "source_database": me.database_id, "from_seq": start, "to_seq": top,
              "schema": sorted(revisions(engine)), "created": utcnow().isoformat()}
    count = _write(path, header, rows, deletes, key)
    # Optimistic: the next bundle continues from here; if this one never arrives the parent
    # refuses the next one (a gap) and says to export everything.
    state.remember(engine, "push", seq=top, token=bundle_id, parent_database=local.push.parent_database)
    return BundleResult("up", code, start, top, count)


def export_down(engine: Engine, tables: list[SyncedTable], path: Path, child_code: str) -> BundleResult:
    """Everything a pull by ``child_code`` would fetch, for a child that cannot connect."""
    from app.sync.provision import node_key

    with snapshot(engine) as reading:
        tree_codes = {str(c).upper(): i for i, c in reading.exec_driver_sql("SELECT id, code FROM core_org_units")}
        child_id = tree_codes.get(child_code.strip().upper())
        key = node_key(reading, as_uuid(child_id)) if child_id is not None else None
        if key is None:
            raise UserError(translate("Sync", "{code} has not been provisioned here (service-center hq provision-node "
                                              "{code}).").format(code=child_code))
        top = capture.current_seq(reading)
        rows, deletes = read_batch(reading, pull_plan(reading, tables, as_uuid(child_id)), 0, top)
    header = {"kind": "down", "bundle": secrets.token_hex(16), "node_id": str(as_uuid(child_id)),
              "node": child_code.strip().upper(), "source_database": state.database_id(engine), "from_seq": 0,
              "to_seq": top, "schema": sorted(revisions(engine)), "created": utcnow().isoformat()}
    count = _write(path, header, rows, deletes, key)
    return BundleResult("down", header["node"], 0, top, count)


def _write(path: Path, header: dict, rows: dict, deletes: dict, key: str) -> int:
    lines = [json.dumps(["r", table, [to_json(v) for v in row]], ensure_ascii=False)
             for table, found in rows.items() for row in found]
    lines += [json.dumps(["d", table, pk], ensure_ascii=False) for table, pks in deletes.items() for pk in pks]
    payload = gzip.compress("\n".join(lines).encode("utf-8"), mtime=0)
    header = {**header, "rows": len(lines), "payload_sha256": hashlib.sha256(payload).hexdigest()}
    header["signature"] = _sign(header, key)
    path = Path(path)
    if not path.parent.is_dir():
        raise UserError(translate("Database", "The folder {folder} does not exist.").format(folder=path.parent))
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as out:
        out.write(MAGIC + json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n" + payload)
        out.flush()
        os.fsync(out.fileno())
    partial.replace(path)
    return len(lines)


def _sign(header: dict, key: str) -> str:
    body = json.dumps({k: v for k, v in header.items() if k != "signature"}, sort_keys=True, ensure_ascii=False)
    return hmac.new(bytes.fromhex(key), body.encode("utf-8"), hashlib.sha256).hexdigest()


# ------------------------------------------------------------------ reading


def read_header(path: Path) -> tuple[dict, bytes]:
    """The header and the payload, after checking the payload against its checksum."""
    refused = translate("Sync", "{path} is not a complete sync bundle (truncated or altered); nothing was "
                                "applied.").format(path=path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UserError(translate("Sync", "Cannot read {path}: {error}").format(path=path, error=exc.strerror)) from None
    if not data.startswith(MAGIC):
        raise UserError(refused)
    try:
        head, payload = data[len(MAGIC):].split(b"\n", 1)
        header = json.loads(head.decode("utf-8"))
        expected = header["payload_sha256"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise UserError(refused) from None
    if hashlib.sha256(payload).hexdigest() != expected:
        raise UserError(refused)
    return header, payload


def _verify(header: dict, key: str | None, path: Path) -> None:
    if not key or not hmac.compare_digest(_sign(header, key), str(header.get("signature", ""))):
        raise UserError(translate("Sync", "{path} was not signed by a node provisioned here (or was altered); nothing "
                                          "was applied.").format(path=path))


def _payload(header: dict, payload: bytes, path: Path):
    try:
        lines = gzip.decompress(payload).decode("utf-8").splitlines()
        rows: dict[str, list] = {}
        deletes: dict[str, list] = {}
        for line in lines:
            kind, table, value = json.loads(line)
            if kind == "r":
                rows.setdefault(table, []).append(tuple(from_json(v) for v in value))
            else:
                deletes.setdefault(table, []).append(value)
    except (OSError, EOFError, ValueError, UnicodeDecodeError):
        raise UserError(translate("Sync", "{path} is not a complete sync bundle (truncated or altered); nothing was "
                                          "applied.").format(path=path)) from None
    return rows, deletes, len(lines)


def import_bundle(engine: Engine, tables: list[SyncedTable], path: Path) -> BundleResult:
    header, payload = read_header(path)
    if header.get("kind") == "up":
        return _import_up(engine, tables, path, header, payload)
    if header.get("kind") == "down":
        return _import_down(engine, tables, path, header, payload)
    raise UserError(translate("Sync", "{path} is not a complete sync bundle (truncated or altered); nothing was "
                                      "applied.").format(path=path))


def _check_schema(engine: Engine, header: dict) -> None:
    from app.sync.schema import check_revisions

    check_revisions(set(header.get("schema", [])), revisions(engine))


def _import_up(engine, tables, path, header, payload) -> BundleResult:
    from app.sync.provision import node_key

    node_id = _header_node(header.get("node_id"))
    with engine.connect() as connection:
        _verify(header, node_key(connection, node_id), path)
    _check_schema(engine, header)
    rows, deletes, count = _payload(header, payload, path)
    with engine.begin() as connection:
        mark = state.read_watermark(connection, node_id, "up")
        if mark is not None and header["bundle"] in (mark.token, mark.prev):
            return BundleResult("up", header["node"], header["from_seq"], header["to_seq"], count, already=True)
        same = mark is not None and mark.source_database == header["source_database"]
        if same and header["created"] <= _last_bundle_at(connection, node_id):
            raise UserError(translate("Sync", "{path} is older than the last bundle imported from {node}: it was "
                                              "imported before, nothing was applied.").format(path=path,
                                                                                             node=header["node"]))
        have = mark.seq if same else 0
        if header["from_seq"] > have:
            raise UserError(translate("Sync", "A bundle from {node} is missing: this one starts at change {start}, "
                                              "but only changes up to {have} have arrived. Export a full bundle at "
                                              "{node} (sync export --full) and import that.").format(
                node=header["node"], start=header["from_seq"], have=have))
        may_own = _subtree_with_bundle(Topology.read(connection), rows, node_id)
        report = apply_batch(connection, tables, rows, deletes, Sender(node_id, may_own=may_own))
        # The bundle is the node's truth: after a restore at the node its top may be lower than
        # before, and the next bundle or push must start there.
        state.write_watermark(connection, node_id, "up", header["to_seq"], header["bundle"], header["source_database"])
        _set_last_bundle_at(connection, node_id, header["created"])
    return BundleResult("up", header["node"], header["from_seq"], header["to_seq"], count, report)


def _subtree_with_bundle(tree: Topology, rows: dict, node_id: uuid.UUID) -> set[str]:
    """The node's subtree as the parent knows it plus the units the bundle itself brings (a
    partner the branch set up since its last exchange)."""
    units = rows.get("core_org_units", [])
    arriving = {}
    if units:
        columns = _org_unit_columns()
        arriving = {as_uuid(row[columns.index("id")]): row[columns.index("path")] for row in units}
    return set(bind_ids(tree.including(arriving).subtree(node_id), "postgresql"))


def _org_unit_columns() -> tuple[str, ...]:
    from app.orgs.models import OrgUnit

    return tuple(c.name for c in OrgUnit.__table__.columns if c.name != "sync_seq")


def _last_bundle_at(connection, node_id: uuid.UUID) -> str:
    return connection.execute(select(Watermark.last_bundle_at).where(
        Watermark.node_id == node_id, Watermark.stream == "up")).scalar() or ""


def _set_last_bundle_at(connection, node_id: uuid.UUID, created: str) -> None:
    connection.execute(update(Watermark).where(Watermark.node_id == node_id, Watermark.stream == "up").values(
        last_bundle_at=created))


def _import_down(engine, tables, path, header, payload) -> BundleResult:
    me = state.node_identity(engine)
    local = state.load(engine)
    if _header_node(header.get("node_id")) != me.org_id:
        raise UserError(translate("Sync", "{path} was made for {node}, not for this installation; nothing was "
                                          "applied.").format(path=path, node=header.get("node")))
    _verify(header, local.parent.get("node_key"), path)
    _check_schema(engine, header)
    rows, deletes, count = _payload(header, payload, path)
    if header["bundle"] in (local.pull.token, local.pull.prev):
        return BundleResult("down", header["node"], 0, header["to_seq"], count, already=True)
    if header["created"] <= local.parent.get("last_down_bundle_at", ""):
        raise UserError(translate("Sync", "{path} is older than the last bundle imported from the parent; nothing "
                                          "was applied.").format(path=path))
    with engine.connect() as mine:
        own = set(bind_ids(Topology.read(mine).subtree(me.org_id), "postgresql"))
    with engine.begin() as connection:
        report = apply_batch(connection, tables, rows, deletes, Sender(None, own=own))
        state.remember_in(connection, "pull", seq=header["to_seq"], token=header["bundle"],
                          parent_database=header["source_database"])
    state.save_parent(engine, last_down_bundle_at=header["created"])
    return BundleResult("down", header["node"], 0, header["to_seq"], count, report)


def _code_of(connection, org_id: uuid.UUID) -> str:
    for i, code in connection.exec_driver_sql("SELECT id, code FROM core_org_units"):
        if as_uuid(i) == org_id:
            return code
    return str(org_id)


def _header_node(value) -> uuid.UUID:
    try:
        return as_uuid(value)
    except ValueError:
        raise UserError(translate("Sync", "The bundle names no valid node.")) from None
