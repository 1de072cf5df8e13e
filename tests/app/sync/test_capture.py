"""Every write path is captured by the database itself: ORM, Core, raw SQL and hard deletes."""

import json

from sqlalchemy import text, update

from app.ids import org_id_for_code


def _seq_and_version(ctx, table, where, params):
    with ctx.engine.connect() as connection:
        return tuple(connection.execute(text(f"SELECT sync_seq, row_version FROM {table} WHERE {where}"), params).one())


def _counter(ctx):
    with ctx.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT value FROM core_sync_counter").scalar_one()


def test_orm_writes_get_a_change_number_and_a_version(ctx):
    from plugins.customers.models import Customer

    with ctx.transaction() as session:
        customer = Customer(org_id=org_id_for_code("BJ"), name="中国移动北京公司")
        session.add(customer)
    seq1, version1 = _seq_and_version(ctx, "customers_customers", "name = :n", {"n": "中国移动北京公司"})
    assert seq1 is not None and version1 == 1
    with ctx.transaction() as session:
        session.get(Customer, customer.id).region = "华北"
    seq2, version2 = _seq_and_version(ctx, "customers_customers", "name = :n", {"n": "中国移动北京公司"})
    assert seq2 > seq1 and version2 == 2
    assert _counter(ctx) >= seq2


def test_core_and_raw_sql_updates_are_caught_and_bump_the_version(ctx):
    from plugins.customers.models import Customer

    with ctx.transaction() as session:
        customer = Customer(org_id=org_id_for_code("BJ"), name="国家电网")
        session.add(customer)
    before = _seq_and_version(ctx, "customers_customers", "name = :n", {"n": "国家电网"})
    with ctx.transaction() as session:  # a Core update that forgets row_version
        session.execute(update(Customer).where(Customer.name == "国家电网").values(region="华东"))
    after_core = _seq_and_version(ctx, "customers_customers", "name = :n", {"n": "国家电网"})
    with ctx.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE customers_customers SET region = 'x' WHERE region = '华东'")
    after_raw = _seq_and_version(ctx, "customers_customers", "name = :n", {"n": "国家电网"})
    assert after_core[0] > before[0] and after_core[1] == before[1] + 1
    assert after_raw[0] > after_core[0] and after_raw[1] == after_core[1] + 1


def test_raw_inserts_are_caught(ctx):
    org = org_id_for_code("BJ")
    with ctx.engine.begin() as connection:
        pg = connection.dialect.name == "postgresql"
        connection.execute(text(
            "INSERT INTO customers_customers (id, org_id, name, region, created_at, updated_at, row_version) "
            "VALUES (:id, :org, '工商银行', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"),
            {"id": org_id_for_code("x-cust") if pg else org_id_for_code("x-cust").hex, "org": org if pg else org.hex})
    seq, version = _seq_and_version(ctx, "customers_customers", "name = :n", {"n": "工商银行"})
    assert seq is not None and version == 1


def test_hard_deletes_leave_a_tombstone_with_the_owner(ctx):
    from plugins.customers.models import Customer

    with ctx.transaction() as session:
        customer = Customer(org_id=org_id_for_code("BJ"), name="待删除客户")
        session.add(customer)
    with ctx.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM customers_customers WHERE name = '待删除客户'")
        pk, owner, seq = connection.exec_driver_sql(
            "SELECT pk, owner_id, sync_seq FROM core_sync_tombstones WHERE table_name = 'customers_customers'").one()
    assert json.loads(pk) == [customer.id.hex]
    assert str(owner).replace("-", "") == org_id_for_code("BJ").hex
    assert seq == _counter(ctx)


def test_a_rolled_back_write_leaves_no_change_number_behind(ctx):
    from plugins.customers.models import Customer

    before = _counter(ctx)
    try:
        with ctx.transaction() as session:
            session.add(Customer(org_id=org_id_for_code("BJ"), name="回滚"))
            session.flush()
            raise RuntimeError("crash mid-transaction")
    except RuntimeError:
        pass
    assert _counter(ctx) == before


def test_every_table_with_sync_columns_is_declared(plugin_host):
    # hooks: sync_tables
    from app.sync.registry import declared_specs, undeclared_tables

    assert undeclared_tables(plugin_host) == []
    specs = plugin_host.hook.sync_tables()
    assert all(spec.direction in ("up", "down", "local") for group in specs for spec in group)
    assert declared_specs(plugin_host)["core_users"].private  # password hashes never leave the node
