"""Push and pull between real databases: HQ on PostgreSQL, branches and partners on SQLite or
PostgreSQL. What a branch owns reaches HQ; what HQ owns reaches every branch."""

from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import PermissionDenied, UserError
from app.ids import org_id_for_code
from app.sync import engine
from syncnet import add_customer, add_part, rows_of, tombstones_of

BRANCH_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture
def hq(network):
    return network.node("HQ", "postgresql", children=(("BJ", "branch"), ("SH", "branch")))


@pytest.mark.postgres
@pytest.mark.parametrize("backend", BRANCH_BACKENDS)
def test_branch_rows_reach_hq_and_hq_reference_rows_reach_the_branch(network, hq, tables, backend):
    bj = network.node("BJ", backend, parent="HQ")
    add_customer(bj, "BJ", "北京协和医院")
    add_customer(hq, "SH", "上海交通大学")  # another branch's row, held at HQ
    add_part(hq, "PN-0001", "内存 32GB")

    first = engine.push(bj.engine, hq.engine, tables)
    assert first.rows > 0 and first.report.errors == 0

    assert _customers(hq, "BJ") == _customers(bj, "BJ")
    assert engine.push(bj.engine, hq.engine, tables).batches == 0  # nothing new: nothing sent

    pulled = engine.pull(bj.engine, hq.engine, tables)
    assert pulled.report.errors == 0
    assert rows_of(bj, "inventory_parts") == rows_of(hq, "inventory_parts")
    assert _customers(bj, "SH") == []  # another branch's rows never come down
    assert engine.pull(bj.engine, hq.engine, tables).batches == 0
    with hq.engine.connect() as connection:  # a branch user's copy at HQ cannot sign in
        hashes = connection.exec_driver_sql(
            "SELECT password_hash FROM core_users u JOIN core_org_units o ON o.id = u.org_id WHERE o.code = 'BJ'"
        ).scalars().all()
    assert hashes == ["!"]


@pytest.mark.postgres
def test_a_partner_reaches_hq_through_its_branch_and_hq_reaches_the_partner(network, hq, tables):
    bj = network.node("BJ", "sqlite", parent="HQ", children=(("BJ-P01", "partner"),))
    partner = network.node("BJ-P01", "sqlite", tier="partner", parent="BJ")
    add_customer(partner, "BJ-P01", "北京某数据中心")
    add_part(hq, "PN-0002", "硬盘 4TB")
    set_contact(bj, "BJ-P01", address="北京市海淀区中关村大街 1 号")  # a unit's row is its parent's to write
    set_contact(hq, "HQ", hotline="400-810-8888")
    with pytest.raises(PermissionDenied, match="BJ 单位 is kept by HQ"):  # it would never reach HQ
        set_contact(bj, "BJ", address="北京市朝阳区")

    engine.push(partner.engine, bj.engine, tables)
    engine.push(bj.engine, hq.engine, tables)
    assert _customers(hq, "BJ-P01") == _customers(partner, "BJ-P01") != []

    engine.pull(bj.engine, hq.engine, tables)
    engine.pull(partner.engine, bj.engine, tables)
    assert rows_of(partner, "inventory_parts") == rows_of(hq, "inventory_parts") != []
    for node in (hq, partner):  # the letterhead's settings travel with the org units
        assert _letterhead(node, "BJ-P01") == {"name": "BJ-P01 单位", "address": "北京市海淀区中关村大街 1 号",
                                              "hotline": "400-810-8888"}


def set_contact(ctx, code: str, **contact) -> None:
    from app.cli import system_actor_for
    from app.orgs.service import get_by_code, update_org_unit

    with ctx.transaction() as session:
        update_org_unit(session, system_actor_for(ctx, session), get_by_code(session, code), **contact)


def _letterhead(ctx, code: str) -> dict:
    from app.orgs.service import letterhead

    with ctx.reading() as session:
        return letterhead(session, org_id_for_code(code))


@pytest.mark.postgres
def test_deletes_travel_as_tombstones(network, hq, tables):
    bj = network.node("BJ", "sqlite", parent="HQ")
    add_customer(bj, "BJ", "临时客户")
    engine.push(bj.engine, hq.engine, tables)
    with bj.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM customers_customers WHERE name = '临时客户'")
    result = engine.push(bj.engine, hq.engine, tables)
    assert result.report.deleted == 1
    assert _customers(hq, "BJ") == []
    assert ("customers_customers",) in {t[:1] for t in tombstones_of(hq)}


@pytest.mark.postgres
def test_a_row_changed_on_both_sides_keeps_the_loser(network, hq, tables):
    bj = network.node("BJ", "sqlite", parent="HQ")
    add_customer(bj, "BJ", "两边都改的客户")
    engine.push(bj.engine, hq.engine, tables)
    for ctx, region in ((bj, "分公司改的"), (hq, "总部改的")):
        with ctx.engine.begin() as connection:
            connection.exec_driver_sql(f"UPDATE customers_customers SET region = '{region}' WHERE name = '两边都改的客户'")
    result = engine.push(bj.engine, hq.engine, tables)
    assert result.report.conflicts == 1
    with hq.engine.connect() as connection:
        kept = connection.exec_driver_sql("SELECT region FROM customers_customers WHERE name = '两边都改的客户'").scalar()
        lost = connection.exec_driver_sql("SELECT lost_row FROM core_sync_conflicts").scalar()
    assert kept == "总部改的" and "分公司改的" in lost


@pytest.mark.postgres
def test_a_restored_branch_sends_everything_again_and_nothing_is_skipped(network, hq, tables, tmp_path):
    from app.db.backup import backup_sqlite, sqlite_path
    from app.db.restore import restore_sqlite

    bj = network.node("BJ", "sqlite", parent="HQ")
    add_customer(bj, "BJ", "备份前的客户")
    engine.push(bj.engine, hq.engine, tables)
    saved = backup_sqlite(sqlite_path(bj.engine), tmp_path / "backups")
    for n in range(5):
        add_customer(bj, "BJ", f"备份后的客户{n}")
    engine.push(bj.engine, hq.engine, tables)
    bj.engine.dispose()
    restore_sqlite(saved, sqlite_path(bj.engine))
    add_customer(bj, "BJ", "恢复后新建的客户")  # its change number was already used before the restore

    result = engine.push(bj.engine, hq.engine, tables)
    assert result.full_resend and result.from_seq == 0
    names = {row[0] for row in _customers(hq, "BJ")}
    assert "恢复后新建的客户" in names and "备份后的客户4" in names


CORE_VERSIONS = Path(__file__).resolve().parents[3] / "migrations" / "versions"


@pytest.mark.postgres
def test_a_parent_with_an_older_schema_is_refused(network, hq, tables):
    bj = network.node("BJ", "sqlite", parent="HQ")
    core_revisions = tuple(path.name.split("_")[0] for path in CORE_VERSIONS.glob("*.py"))
    with hq.engine.begin() as connection:
        moved = connection.exec_driver_sql(
            "UPDATE alembic_version SET version_num = '8a2acd050550' WHERE version_num IN "
            f"({', '.join(repr(r) for r in core_revisions)}) AND version_num <> '8a2acd050550'")
        assert moved.rowcount == 1  # the core head, whichever revision it is now
    with pytest.raises(UserError, match="older"):
        engine.push(bj.engine, hq.engine, tables)


@pytest.mark.postgres
def test_a_row_the_parent_refuses_is_kept_aside_and_the_rest_goes_on(network, hq, tables):
    bj = network.node("BJ", "sqlite", parent="HQ")
    add_customer(bj, "BJ", "好客户")
    with bj.engine.connect() as connection:  # a contact whose customer never existed
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.exec_driver_sql(
            "INSERT INTO customers_contacts (id, customer_id, name, phone, email, org_id, created_at, updated_at, "
            f"row_version) VALUES ('{'a' * 32}', '{'b' * 32}', '孤儿联系人', '', '', '{org_id_for_code('BJ').hex}', "
            "'2026-11-27 00:00:00.000000', '2026-11-27 00:00:00.000000', 1)")
        connection.commit()
    result = engine.push(bj.engine, hq.engine, tables)
    assert result.report.errors == 1
    assert [r[0] for r in _customers(hq, "BJ")] == ["好客户"]
    with hq.engine.connect() as connection:
        table, error = connection.exec_driver_sql("SELECT table_name, error FROM core_sync_errors").one()
    assert table == "customers_contacts" and "foreign key" in error


def _customers(ctx, code):
    with ctx.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT c.name, c.region, c.row_version FROM customers_customers c JOIN core_org_units o ON o.id = c.org_id "
            "WHERE o.code = :code ORDER BY c.name"), {"code": code}).fetchall()
    return [tuple(r) for r in rows]


@pytest.mark.postgres
def test_a_parent_that_stops_mid_push_gets_one_sentence_and_the_next_push_resumes(network, hq, tables, monkeypatch):
    from app.cli import system_actor_for
    from app.sync import service

    bj = network.node("BJ", "sqlite", parent="HQ")
    for n in range(30):
        add_customer(bj, "BJ", f"客户{n:02d}")
    with bj.reading() as session:
        actor = system_actor_for(bj, session)
    hq_url = hq.engine.url.render_as_string(hide_password=False)
    stopped = []

    def stop_the_parent(fraction):
        if not stopped:  # after the first batch: every connection to HQ's database is cut
            stopped.append(fraction)
            with hq.engine.connect() as connection:
                connection.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid()")

    bounds = engine.batch_bounds
    monkeypatch.setattr(engine, "batch_bounds", lambda c, plan, lo, top, size=5: bounds(c, plan, lo, top, 5))
    with pytest.raises(UserError, match="could not be reached or stopped answering") as error:
        service.push(bj, actor, to=hq_url, progress=stop_the_parent)
    assert "\n" not in str(error.value)
    resumed = engine.push(bj.engine, hq.engine, tables)
    assert resumed.from_seq > 0 and not resumed.full_resend
    assert len(_customers(hq, "BJ")) == 30


@pytest.mark.postgres
def test_nothing_grows_at_the_parent_while_a_child_is_offline(network, hq, tables):
    bj = network.node("BJ", "sqlite", parent="HQ")
    engine.push(bj.engine, hq.engine, tables)

    def sizes():
        with hq.engine.connect() as connection:
            return [connection.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar() for name in (
                "core_sync_watermarks", "core_sync_tombstones", "core_sync_errors", "core_sync_conflicts",
                "customers_customers")]

    before = sizes()
    for n in range(50):
        add_customer(bj, "BJ", f"离线期间的客户{n}")
    assert sizes() == before


@pytest.mark.postgres
def test_a_newer_parent_with_an_added_column_takes_pushes_without_a_full_resend(network, hq, tables):
    bj = network.node("BJ", "sqlite", parent="HQ")
    add_customer(bj, "BJ", "升级前")
    first = engine.push(bj.engine, hq.engine, tables)
    with hq.engine.begin() as connection:  # HQ upgraded first: a revision this program does not know
        connection.exec_driver_sql("ALTER TABLE customers_customers ADD COLUMN credit_rating text")
        connection.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES ('f0f0f0f0f0f0')")
    add_customer(bj, "BJ", "升级后")
    second = engine.push(bj.engine, hq.engine, tables)
    assert second.from_seq == first.to_seq and not second.full_resend
    assert {r[0] for r in _customers(hq, "BJ")} == {"升级前", "升级后"}


@pytest.mark.postgres
def test_two_syncs_of_one_node_at_once_do_not_interleave(network, hq, tables, monkeypatch):
    bj = network.node("BJ", "sqlite", parent="HQ")
    for n in range(12):
        add_customer(bj, "BJ", f"并发客户{n:02d}")
    bounds = engine.batch_bounds
    monkeypatch.setattr(engine, "batch_bounds", lambda c, plan, lo, top, size=4: bounds(c, plan, lo, top, 4))

    def another_sync_moves_the_watermark(fraction):
        with hq.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE core_sync_watermarks SET token = 'someone-else'")

    with pytest.raises(UserError, match="Another sync"):
        engine.push(bj.engine, hq.engine, tables, progress=another_sync_moves_the_watermark)
    assert len(_customers(hq, "BJ")) < 12  # it stopped at the next batch
    finished = engine.push(bj.engine, hq.engine, tables)  # the next run sends everything again, safely
    assert finished.full_resend and len(_customers(hq, "BJ")) == 12
