"""Offline bundles (docs/sync.md, Commands): a site without a line to its parent exports a signed,
checksummed file; the parent imports it with the same guarantees as a push. A damaged, edited,
replayed or foreign bundle is refused and nothing is applied."""

from __future__ import annotations

import json
import secrets

import pytest
from sqlalchemy import text

from app.errors import UserError
from app.ids import org_id_for_code
from app.sync import bundle, engine, state
from app.sync.provision import provision
from syncnet import add_customer, add_part, rows_of, tombstones_of

HQ_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _owned_by(ctx, code: str, column: str = "org_id") -> str:
    org = org_id_for_code(code)
    return f"{column} = '{org if ctx.engine.dialect.name == 'postgresql' else org.hex}'"


def _customers(ctx, code: str = "BJ") -> list[tuple]:
    return rows_of(ctx, "customers_customers", _owned_by(ctx, code))


def _names(ctx, code: str = "BJ") -> set[str]:
    with ctx.engine.connect() as connection:
        return set(connection.exec_driver_sql(
            f"SELECT name FROM customers_customers WHERE {_owned_by(ctx, code)}").scalars())


def _everything(ctx, tables) -> dict:
    """Every synced row, every tombstone and the sync bookkeeping: to show nothing changed."""
    found = {t.name: rows_of(ctx, t.name) for t in tables}
    found["tombstones"] = tombstones_of(ctx)
    with ctx.engine.connect() as connection:
        for table in ("core_sync_watermarks", "core_sync_errors", "core_sync_conflicts"):
            found[table] = sorted(map(repr, connection.exec_driver_sql(f"SELECT * FROM {table}").fetchall()))
        found["counter"] = connection.exec_driver_sql("SELECT value FROM core_sync_counter").scalar()
    return found


def _split(path):
    data = path.read_bytes()
    assert data.startswith(bundle.MAGIC)
    head, payload = data[len(bundle.MAGIC):].split(b"\n", 1)
    return json.loads(head), payload


def _join(path, header: dict, payload: bytes) -> None:
    path.write_bytes(bundle.MAGIC + json.dumps(header, ensure_ascii=False).encode() + b"\n" + payload)


def _make_hq(network, backend: str = "sqlite"):
    return network.node("HQ", backend, children=(("BJ", "branch"), ("SH", "branch")))


@pytest.fixture
def pair(network, tables):
    """HQ (SQLite) and BJ, provisioned at HQ, with BJ holding its bundle key."""
    hq = _make_hq(network)
    bj = network.node("BJ", "sqlite", parent="HQ")
    state.save_parent(bj.engine, node_key=provision(hq.engine, tables, "BJ").node_key)
    return hq, bj


@pytest.mark.parametrize("backend", HQ_BACKENDS)
def test_an_up_bundle_applies_the_branch_rows_once(network, tables, tmp_path, backend):
    hq = _make_hq(network, backend)
    bj = network.node("BJ", "sqlite", parent="HQ")
    state.save_parent(bj.engine, node_key=provision(hq.engine, tables, "BJ").node_key)
    for n in range(5):
        add_customer(bj, "BJ", f"离线客户{n}", region="华北")

    first = bundle.export_up(bj.engine, tables, tmp_path / "bj-1.scb")
    assert first.from_seq == 0 and first.rows > 0
    imported = bundle.import_bundle(hq.engine, tables, tmp_path / "bj-1.scb")
    assert not imported.already and imported.report.rows > 0 and imported.report.errors == 0
    assert _customers(hq) == _customers(bj) != []
    with hq.engine.connect() as connection:
        mark = state.read_watermark(connection, org_id_for_code("BJ"), "up")
    assert mark.seq == first.to_seq

    before = _everything(hq, tables)
    again = bundle.import_bundle(hq.engine, tables, tmp_path / "bj-1.scb")
    assert again.already
    assert _everything(hq, tables) == before

    # the next bundle carries only what changed since, deletes included
    with bj.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM customers_customers WHERE name = '离线客户0'")
        connection.exec_driver_sql("UPDATE customers_customers SET region = '华东' WHERE name = '离线客户1'")
    add_customer(bj, "BJ", "离线客户5")
    second = bundle.export_up(bj.engine, tables, tmp_path / "bj-2.scb")
    assert second.from_seq == first.to_seq
    result = bundle.import_bundle(hq.engine, tables, tmp_path / "bj-2.scb")
    assert result.report.deleted == 1 and result.report.errors == 0 and result.report.conflicts == 0
    assert _customers(hq) == _customers(bj)
    assert {r[0] for r in tombstones_of(hq)} == {"customers_customers"}

    # an older bundle replayed after a newer one changes nothing either
    before = _everything(hq, tables)
    assert bundle.import_bundle(hq.engine, tables, tmp_path / "bj-1.scb").already
    assert _everything(hq, tables) == before


def _truncated(path, cut):
    data = path.read_bytes()
    path.write_bytes(data[:cut(len(data))])


def _flip_payload_byte(path, where):
    data = bytearray(path.read_bytes())
    start = len(bundle.MAGIC) + data[len(bundle.MAGIC):].index(b"\n") + 1
    index = start + int((len(data) - start - 1) * where)
    data[index] ^= 0x01
    path.write_bytes(bytes(data))


def _edit_header(path, **changes):
    header, payload = _split(path)
    _join(path, {**header, **changes}, payload)


def _edit_header_and_checksum(path):
    """Rewrite the payload (one row dropped) with a matching checksum: only the signature says no."""
    import gzip
    import hashlib

    header, payload = _split(path)
    lines = gzip.decompress(payload).decode().splitlines()[1:]
    payload = gzip.compress("\n".join(lines).encode(), mtime=0)
    _join(path, {**header, "rows": len(lines), "payload_sha256": hashlib.sha256(payload).hexdigest()}, payload)


DAMAGE = {
    "truncated to half": lambda p: _truncated(p, lambda n: n // 2),
    "truncated by one byte": lambda p: _truncated(p, lambda n: n - 1),
    "truncated inside the header": lambda p: _truncated(p, lambda n: len(bundle.MAGIC) + 20),
    "truncated to the magic line": lambda p: _truncated(p, lambda n: len(bundle.MAGIC)),
    "empty": lambda p: _truncated(p, lambda n: 0),
    "first payload byte flipped": lambda p: _flip_payload_byte(p, 0.0),
    "middle payload byte flipped": lambda p: _flip_payload_byte(p, 0.5),
    "last payload byte flipped": lambda p: _flip_payload_byte(p, 1.0),
    "header to_seq edited": lambda p: _edit_header(p, to_seq=_split(p)[0]["to_seq"] + 1000),
    "header from_seq edited": lambda p: _edit_header(p, from_seq=1),
    "header node edited": lambda p: _edit_header(p, node_id=str(org_id_for_code("SH")), node="SH"),
    "header signature removed": lambda p: _edit_header(p, signature=""),
    "payload and checksum rewritten": _edit_header_and_checksum,
    "not a bundle": lambda p: p.write_bytes(b"PK\x03\x04 a zip file, not a bundle"),
}


def test_a_damaged_or_edited_bundle_is_refused_and_nothing_is_applied(pair, tables, tmp_path, subtests):
    hq, bj = pair
    for n in range(3):
        add_customer(bj, "BJ", f"客户{n}")
    path = tmp_path / "bj.scb"
    bundle.export_up(bj.engine, tables, path)
    good = path.read_bytes()
    before = _everything(hq, tables)
    for damage, apply_damage in DAMAGE.items():
        with subtests.test(damage):
            path.write_bytes(good)
            apply_damage(path)
            assert path.read_bytes() != good
            with pytest.raises(UserError):
                bundle.import_bundle(hq.engine, tables, path)
            assert _everything(hq, tables) == before

    path.write_bytes(good)  # the undamaged file still goes in
    assert bundle.import_bundle(hq.engine, tables, path).report.rows > 0
    assert _customers(hq) == _customers(bj) != []


def test_a_bundle_from_a_node_not_provisioned_here_is_refused(network, tables, tmp_path):
    hq = _make_hq(network)
    sh = network.node("SH", "sqlite", parent="HQ")  # never provisioned at HQ
    state.save_parent(sh.engine, node_key=secrets.token_hex(32))
    add_customer(sh, "SH", "上海客户")
    bundle.export_up(sh.engine, tables, tmp_path / "sh.scb")
    before = _everything(hq, tables)
    with pytest.raises(UserError, match="not signed by a node provisioned here"):
        bundle.import_bundle(hq.engine, tables, tmp_path / "sh.scb")
    assert _everything(hq, tables) == before


def test_a_bundle_signed_with_another_key_is_refused(pair, tables, tmp_path):
    hq, bj = pair
    add_customer(bj, "BJ", "客户")
    real_key = state.load(bj.engine).parent["node_key"]
    state.save_parent(bj.engine, node_key=secrets.token_hex(32))
    bundle.export_up(bj.engine, tables, tmp_path / "wrong-key.scb", full=True)
    state.save_parent(bj.engine, node_key=real_key)
    bundle.export_up(bj.engine, tables, tmp_path / "old-key.scb", full=True)
    provision(hq.engine, tables, "BJ")  # provisioning again replaces the key: old bundles are foreign now

    before = _everything(hq, tables)
    for name in ("wrong-key.scb", "old-key.scb"):
        with pytest.raises(UserError, match="not signed by a node provisioned here"):
            bundle.import_bundle(hq.engine, tables, tmp_path / name)
        assert _everything(hq, tables) == before


def test_a_bundle_imported_on_the_wrong_side_is_refused(pair, tables, tmp_path):
    hq, bj = pair
    add_customer(bj, "BJ", "客户")
    add_part(hq, "PN-0001", "内存 32GB")
    bundle.export_up(bj.engine, tables, tmp_path / "up.scb")
    bundle.export_down(hq.engine, tables, tmp_path / "down.scb", "BJ")
    for ctx, name in ((bj, "up.scb"), (hq, "down.scb")):
        before = _everything(ctx, tables)
        with pytest.raises(UserError):
            bundle.import_bundle(ctx.engine, tables, tmp_path / name)
        assert _everything(ctx, tables) == before


def test_a_bundle_after_a_lost_one_is_refused_until_a_full_one_comes(pair, tables, tmp_path):
    hq, bj = pair
    add_customer(bj, "BJ", "第一批")
    bundle.import_bundle(hq.engine, tables, _export(bj, tables, tmp_path / "1.scb"))
    add_customer(bj, "BJ", "丢失的一批")
    _export(bj, tables, tmp_path / "2-lost.scb")
    add_customer(bj, "BJ", "第三批")
    _export(bj, tables, tmp_path / "3.scb")

    before = _everything(hq, tables)
    with pytest.raises(UserError, match="missing"):
        bundle.import_bundle(hq.engine, tables, tmp_path / "3.scb")
    assert _everything(hq, tables) == before

    full = bundle.export_up(bj.engine, tables, tmp_path / "full.scb", full=True)
    assert full.from_seq == 0
    result = bundle.import_bundle(hq.engine, tables, tmp_path / "full.scb")
    assert result.report.errors == 0 and result.report.conflicts == 0
    assert _customers(hq) == _customers(bj)
    assert _names(hq) == {"第一批", "丢失的一批", "第三批"}
    # the lost bundle turning up late is refused as a replay, and changes nothing
    before = _everything(hq, tables)
    with pytest.raises(UserError, match="older than the last bundle"):
        bundle.import_bundle(hq.engine, tables, tmp_path / "2-lost.scb")
    assert _everything(hq, tables) == before


def _export(ctx, tables, path):
    bundle.export_up(ctx.engine, tables, path)
    return path


def test_a_down_bundle_brings_hq_parts_to_the_branch(pair, tables, tmp_path):
    hq, bj = pair
    add_part(hq, "PN-0001", "内存 32GB")
    add_part(hq, "PN-0002", "硬盘 4TB")
    add_customer(hq, "SH", "上海客户")  # another branch's row never goes to BJ
    made = bundle.export_down(hq.engine, tables, tmp_path / "down.scb", "BJ")
    assert made.kind == "down" and made.rows > 0

    damaged = tmp_path / "damaged.scb"
    damaged.write_bytes((tmp_path / "down.scb").read_bytes())
    _flip_payload_byte(damaged, 0.5)
    before = _everything(bj, tables)
    with pytest.raises(UserError):
        bundle.import_bundle(bj.engine, tables, damaged)
    assert _everything(bj, tables) == before

    result = bundle.import_bundle(bj.engine, tables, tmp_path / "down.scb")
    assert not result.already and result.report.errors == 0
    assert rows_of(bj, "inventory_parts") == rows_of(hq, "inventory_parts") != []
    assert _customers(bj, "SH") == []
    before = _everything(bj, tables)
    assert bundle.import_bundle(bj.engine, tables, tmp_path / "down.scb").already
    assert _everything(bj, tables) == before

    # a part deleted at HQ goes away at BJ with the next bundle
    with hq.engine.begin() as connection:
        connection.execute(text("DELETE FROM inventory_parts WHERE part_number = 'PN-0001'"))
    bundle.export_down(hq.engine, tables, tmp_path / "down-2.scb", "BJ")
    assert bundle.import_bundle(bj.engine, tables, tmp_path / "down-2.scb").report.deleted == 1
    assert rows_of(bj, "inventory_parts") == rows_of(hq, "inventory_parts") != []


def test_a_down_bundle_for_another_branch_is_refused(network, tables, tmp_path):
    hq = _make_hq(network)
    bj = network.node("BJ", "sqlite", parent="HQ")
    state.save_parent(bj.engine, node_key=provision(hq.engine, tables, "BJ").node_key)
    provision(hq.engine, tables, "SH")
    add_part(hq, "PN-0001", "内存 32GB")
    bundle.export_down(hq.engine, tables, tmp_path / "sh.scb", "SH")
    before = _everything(bj, tables)
    with pytest.raises(UserError, match="made for SH"):
        bundle.import_bundle(bj.engine, tables, tmp_path / "sh.scb")
    assert _everything(bj, tables) == before
    with pytest.raises(UserError, match="not been provisioned"):
        bundle.export_down(hq.engine, tables, tmp_path / "nobody.scb", "BJ-P99")


# ------------------------------------------------------------------ a partner's rows and a restored branch


def test_a_partner_s_rows_in_its_branch_s_bundle_reach_hq(network, tables, tmp_path):
    hq = network.node("HQ", "sqlite", children=(("BJ", "branch"),))
    bj = network.node("BJ", "sqlite", parent="HQ", children=(("BJ-P01", "partner"),))
    partner = network.node("BJ-P01", "sqlite", tier="partner", parent="BJ")
    state.save_parent(bj.engine, node_key=provision(hq.engine, tables, "BJ").node_key)
    add_customer(partner, "BJ-P01", "合作方的客户")
    engine.push(partner.engine, bj.engine, tables)
    bundle.export_up(bj.engine, tables, tmp_path / "bj.scb")
    result = bundle.import_bundle(hq.engine, tables, tmp_path / "bj.scb")
    assert result.report.errors == 0
    assert _customers(hq, "BJ-P01") == _customers(partner, "BJ-P01") != []


def test_changes_made_after_a_branch_restore_reach_hq_by_bundle(pair, tables, tmp_path):
    from app.db.backup import backup_sqlite, sqlite_path
    from app.db.restore import restore_sqlite

    hq, bj = pair
    add_customer(bj, "BJ", "备份前的客户")
    bundle.import_bundle(hq.engine, tables, _export(bj, tables, tmp_path / "1.scb"))
    saved = backup_sqlite(sqlite_path(bj.engine), tmp_path / "backups")
    for n in range(5):
        add_customer(bj, "BJ", f"备份后的客户{n}")
    bundle.import_bundle(hq.engine, tables, _export(bj, tables, tmp_path / "2.scb"))
    bj.engine.dispose()
    restore_sqlite(saved, sqlite_path(bj.engine))
    add_customer(bj, "BJ", "恢复后新建的客户")

    bundle.import_bundle(hq.engine, tables, _export(bj, tables, tmp_path / "3.scb"))
    bundle.export_up(bj.engine, tables, tmp_path / "full.scb", full=True)
    bundle.import_bundle(hq.engine, tables, tmp_path / "full.scb")
    assert "恢复后新建的客户" in _names(hq)
