"""What each side remembers about an exchange: the parent's watermark rows, the node's own
receipts and settings (kept in ``core_settings``, which never syncs)."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, Engine, Uuid, bindparam, select, text
from sqlalchemy.orm import Session

from app import installation
from app.clock import utcnow
from app.db.types import UTCDateTime
from app.errors import UserError
from app.i18n import translate

PUSH, PULL, PARENT, LAST = "sync.push", "sync.pull", "sync.parent", "sync.last"
# Set when a demo's reference data came from a throwaway demo HQ (app/demo_hq.py): its keys and
# rows must never meet a real parent's, so such an installation is never connected to one.
DEMO_PARENT = "sync.demo_parent"


@dataclass
class Receipt:
    seq: int = 0
    token: str = ""
    prev: str = ""
    parent_database: str = ""


@dataclass
class LocalState:
    push: Receipt = field(default_factory=Receipt)
    pull: Receipt = field(default_factory=Receipt)
    parent: dict = field(default_factory=dict)  # url, node_key, interval_minutes
    last: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Identity:
    org_id: uuid.UUID
    database_id: str


@dataclass(frozen=True)
class Mark:
    seq: int
    token: str
    prev: str
    source_database: str


def load(engine: Engine) -> LocalState:
    with engine.connect() as connection:
        found = _settings(connection, PUSH, PULL, PARENT, LAST)
    return LocalState(Receipt(**found.get(PUSH, {})), Receipt(**found.get(PULL, {})), found.get(PARENT, {}),
                      found.get(LAST, {}))


def node_identity(engine: Engine) -> Identity:
    with engine.connect() as connection:
        found = _settings(connection, installation.NODE_ORG_ID, installation.DATABASE_ID)
    org = found.get(installation.NODE_ORG_ID)
    if org is None:
        raise UserError(translate("Sync", "This database is not set up yet: run “service-center init” first."))
    return Identity(uuid.UUID(org), found.get(installation.DATABASE_ID) or "")


def database_id(engine: Engine) -> str:
    with engine.connect() as connection:
        return database_id_in(connection)


def database_id_in(connection: Connection) -> str:
    return _settings(connection, installation.DATABASE_ID).get(installation.DATABASE_ID) or ""


def _settings(connection: Connection, *keys: str) -> dict:
    """Several settings in one query, without an ORM session (a push reads them every time)."""
    table = installation.Setting.__table__
    return dict(connection.execute(select(table.c.key, table.c.value).where(table.c.key.in_(keys))).all())


def remember(engine: Engine, stream: str, **receipt) -> None:
    with engine.begin() as connection:
        remember_in(connection, stream, **receipt)


def remember_in(connection: Connection, stream: str, *, seq: int, token: str, parent_database: str) -> None:
    key = PUSH if stream == "push" else PULL
    with Session(connection) as session:
        old = Receipt(**installation.get_value(session, key, {}))
        installation.set_value(session, key, asdict(Receipt(seq, token, old.token, parent_database)))
        session.flush()


def save_parent(engine: Engine, **values) -> None:
    with Session(engine) as session, session.begin():
        current = dict(installation.get_value(session, PARENT, {}))
        current.update(values)
        installation.set_value(session, PARENT, current)


def note_done(engine: Engine, direction: str, result=None, error: str = "") -> None:
    """The Sync page and ``sync status`` show when each direction last ran and how it went."""
    with Session(engine) as session, session.begin():
        last = dict(installation.get_value(session, LAST, {}))
        entry = {"at": utcnow().isoformat(), "error": error}
        if result is not None:
            entry.update(rows=result.report.rows, deleted=result.report.deleted, conflicts=result.report.conflicts,
                         errors=result.report.errors, batches=result.batches, to_seq=result.to_seq,
                         full_resend=result.full_resend)
        if not error:
            entry["ok_at"] = entry["at"]
        elif direction in last:
            entry["ok_at"] = last[direction].get("ok_at", "")
        last[direction] = entry
        installation.set_value(session, LAST, last)


# ------------------------------------------------------------------ at the parent


def _watermark(node_id: uuid.UUID, stream: str, *columns):
    from app.sync.models import Watermark

    return select(*columns).where(Watermark.node_id == node_id, Watermark.stream == stream)


def read_watermark(connection: Connection, node_id: uuid.UUID, stream: str) -> Mark | None:
    from app.sync.models import Watermark

    row = connection.execute(_watermark(node_id, stream, Watermark.seq, Watermark.token, Watermark.prev_token,
                                        Watermark.source_database_id)).first()
    return Mark(*row) if row else None


def write_watermark(connection: Connection, node_id: uuid.UUID, stream: str, seq: int, token: str,
                    source_database: str) -> None:
    connection.execute(text(
        "INSERT INTO core_sync_watermarks (node_id, stream, seq, token, prev_token, source_database_id, updated_at) "
        "VALUES (:node, :stream, :seq, :token, '', :db, :now) ON CONFLICT (node_id, stream) DO UPDATE SET "
        "seq = excluded.seq, prev_token = core_sync_watermarks.token, token = excluded.token, "
        "source_database_id = excluded.source_database_id, updated_at = excluded.updated_at").bindparams(
        bindparam("node", type_=Uuid), bindparam("now", type_=UTCDateTime)),
        {"node": node_id, "stream": stream, "seq": seq, "token": token, "db": source_database, "now": utcnow()})


def claim_watermark(connection: Connection, node_id: uuid.UUID, stream: str, expected_token: str | None) -> None:
    """Lock the node's watermark row for this batch and check that nobody else moved it since
    (two syncs of one node at once would each send the other's batches again)."""
    from app.sync.models import Watermark

    current = connection.execute(_watermark(node_id, stream, Watermark.token).with_for_update()).scalar()
    if current != expected_token:
        raise UserError(translate("Sync", "Another sync of this installation is running: try again when it has "
                                          "finished."))


# ------------------------------------------------------------------ where to start


def _tokens_meet(local: Receipt, mark: Mark) -> bool:
    return bool({t for t in (local.token, local.prev) if t} & {t for t in (mark.token, mark.prev) if t})


def push_start(mark: Mark | None, local: Receipt, node_top: int, parent_database: str) -> tuple[int, str]:
    """Where a push starts, and why it starts from the beginning when it must."""
    if mark is None and not local.token:
        return 0, ""
    if mark is None:
        return 0, translate("Sync", "The parent has no record of this node (its database is new or was restored): "
                                    "sending everything again.")
    if local.parent_database and local.parent_database != parent_database:
        return 0, translate("Sync", "The parent is a different database than last time: sending everything again.")
    if not _tokens_meet(local, mark) or node_top < mark.seq:
        return 0, translate("Sync", "This database or the parent's was restored from a backup since the last push: "
                                    "sending everything again.")
    return mark.seq, ""


def pull_start(mark: Mark | None, local: Receipt, parent_top: int, parent_database: str) -> tuple[int, str]:
    """Where a pull starts, and why it starts from the beginning when it must."""
    if not local.token:
        return 0, ""
    if local.parent_database and local.parent_database != parent_database:
        return 0, translate("Sync", "The parent is a different database than last time: fetching everything again.")
    if mark is None or not _tokens_meet(local, mark) or parent_top < local.seq:
        return 0, translate("Sync", "This database or the parent's was restored from a backup since the last pull: "
                                    "fetching everything again.")
    return local.seq, ""
