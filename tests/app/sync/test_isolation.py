"""At HQ each node connects with its own role; row-level security keeps it to its subtree.
Shown with hand-written SQL as the branch's role, and with a real push through that role."""

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.ids import org_id_for_code
from app.sync import engine
from app.sync.provision import provision
from syncnet import add_customer, add_part

pytestmark = pytest.mark.postgres


@pytest.fixture
def hq_with_branches(network, tables):
    hq = network.node("HQ", "postgresql", children=(("BJ", "branch"), ("SH", "branch")))
    add_customer(hq, "SH", "上海客户")
    add_customer(hq, "BJ", "北京客户")
    add_customer(hq, "HQ", "总部自己的客户")  # HQ's own operational rows are not a branch's business
    add_part(hq, "PN-9", "电源")
    bj = provision(hq.engine, tables, "BJ")
    return hq, bj


def _as_node(provisioning):
    url = make_url(provisioning.parent_url)
    return psycopg.connect(host=url.host, port=url.port, dbname=url.database, user=url.username,
                           password=url.password, autocommit=True)


def test_a_branch_role_sees_and_changes_only_its_own_rows(hq_with_branches):
    _, bj = hq_with_branches
    sh_id = org_id_for_code("SH")
    with _as_node(bj) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM customers_customers")]
        assert names == ["北京客户"]
        assert conn.execute("UPDATE customers_customers SET region = 'x' WHERE org_id = %s", (sh_id,)).rowcount == 0
        assert conn.execute("DELETE FROM customers_customers WHERE org_id = %s", (sh_id,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO customers_customers (id, org_id, name, region, created_at, updated_at, row_version)"
                         " VALUES (gen_random_uuid(), %s, '冒充', '', now(), now(), 1)", (sh_id,))
        assert conn.execute("UPDATE customers_customers SET region = '华北' WHERE org_id = %s",
                            (org_id_for_code("BJ"),)).rowcount == 1


def test_a_branch_role_reads_reference_data_but_cannot_change_it(hq_with_branches):
    _, bj = hq_with_branches
    with _as_node(bj) as conn:
        assert [r[0] for r in conn.execute("SELECT part_number FROM inventory_parts")] == ["PN-9"]
        for statement in ("UPDATE inventory_parts SET name_zh = 'x'", "DELETE FROM inventory_parts",
                          "INSERT INTO inventory_parts (id, part_number, name_zh, name_en, product_lines, "
                          "replaceable_by, unit_cost, serialised, created_at, updated_at, row_version) VALUES "
                          "(gen_random_uuid(), 'PN-X', 'x', '', '', 'FRU', 0, false, now(), now(), 1)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)


def test_secrets_at_hq_are_not_readable_by_a_branch_role(hq_with_branches):
    _, bj = hq_with_branches
    with _as_node(bj) as conn:
        for statement in ("SELECT password_hash FROM core_users", "SELECT key FROM core_sync_nodes",
                          "SELECT encrypted_private_pem FROM certification_root_keys"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert [r[0] for r in conn.execute("SELECT key FROM core_settings")] == ["installation.database_id"]


def test_a_branch_pushes_and_pulls_through_its_own_role(network, hq_with_branches, tables):
    hq, provisioning = hq_with_branches
    bj = network.node("BJ", "sqlite", parent="HQ")
    add_customer(bj, "BJ", "分公司新客户")
    from app.db.engine import make_engine

    parent = make_engine(provisioning.parent_url)
    try:
        pushed = engine.push(bj.engine, parent, tables)
        pulled = engine.pull(bj.engine, parent, tables)
    finally:
        parent.dispose()
    assert pushed.report.errors == 0 and pulled.report.errors == 0
    with hq.engine.connect() as connection:
        names = connection.exec_driver_sql(
            "SELECT name FROM customers_customers WHERE org_id = %(o)s ORDER BY name", {"o": org_id_for_code("BJ")}
        ).scalars().all()
    assert set(names) == {"分公司新客户", "北京客户"}
    with bj.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT part_number FROM inventory_parts").scalars().all() == ["PN-9"]
        assert connection.exec_driver_sql("SELECT count(*) FROM customers_customers WHERE name = '上海客户'").scalar() == 0


def test_policies_are_renewed_when_the_capture_is_reinstalled(hq_with_branches):
    from app.sync import capture

    hq, bj = hq_with_branches
    with hq.engine.begin() as connection:  # as after a migration that rebuilt a table
        connection.exec_driver_sql("DROP POLICY sc_node_read ON customers_customers")
    capture.install(hq.engine, hq.plugins, force=True)
    with _as_node(bj) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM customers_customers")] == ["北京客户"]
