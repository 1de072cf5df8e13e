"""Random interleavings of writes, pushes and pulls on HQ (PostgreSQL), a branch (SQLite) and
optionally a partner under it (SQLite). Once everything has been pushed up and pulled down
until nothing moves: HQ holds, row by row, exactly the customers each node holds of its own
(a row deleted at its owner is gone at HQ), each node holds only its subtree's customers, and
every node's parts catalog equals HQ's.

Shrinking is off (a failing example of a few dozen syncs shrinks for minutes); the failing
example is printed whole. Set SYNC_SHRINK=1 to shrink it."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.ids import org_id_for_code
from app.sync import engine
from syncnet import Network, add_customer, add_part, rows_of

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

EXAMPLES = 25 if os.environ.get("CI") else 5
CODES = ("HQ", "BJ", "BJ-P01")
PARENT = {"BJ": "HQ", "BJ-P01": "BJ"}
REGIONS = ("华北", "华东", "", "西南")

writer = st.sampled_from(CODES)
child = st.sampled_from(("BJ", "BJ-P01"))
pick = st.integers(0, 1_000)
operation = st.one_of(
    st.tuples(st.just("insert"), writer, st.sampled_from(REGIONS)),
    st.tuples(st.just("update"), writer, pick, st.sampled_from(REGIONS), st.booleans()),
    st.tuples(st.just("delete"), writer, pick),
    st.tuples(st.just("part insert")),
    st.tuples(st.just("part update"), pick, st.integers(0, 99_999)),
    st.tuples(st.just("part delete"), pick),
    st.tuples(st.just("push"), child),
    st.tuples(st.just("pull"), child),
)


@dataclass
class Model:
    """What each owner holds of its own, as the test wrote it (to check the writes themselves)."""

    customers: dict[str, dict[str, str]] = field(default_factory=lambda: {c: {} for c in CODES})  # id -> name
    parts: dict[str, str] = field(default_factory=dict)  # id -> part number
    serial: int = 0

    def name(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial:04d}"


def _owned_by(ctx, code: str, column: str = "org_id") -> str:
    org = org_id_for_code(code)
    return f"{column} = '{org if ctx.engine.dialect.name == 'postgresql' else org.hex}'"


def _write(nodes: dict, model: Model, op: tuple) -> None:
    kind = op[0]
    if kind in ("insert", "update", "delete"):
        code = op[1]
        ctx = nodes.get(code)
        if ctx is None:
            return
        mine = model.customers[code]
        from plugins.customers.models import Customer

        with ctx.transaction() as session:  # the ORM, as the program writes
            if kind == "insert":
                customer = Customer(org_id=org_id_for_code(code), name=model.name(code), region=op[2])
                session.add(customer)
                session.flush()
                mine[customer.id.hex] = customer.name
                return
            if not mine:
                return
            chosen = sorted(mine)[op[2] % len(mine)]
            if kind == "delete":  # a hard delete: a tombstone
                session.delete(session.get(Customer, uuid.UUID(chosen)))
                del mine[chosen]
                return
            customer = session.get(Customer, uuid.UUID(chosen))
            customer.region = op[3]
            if op[4]:
                customer.name = mine[chosen] = model.name(code)
        return
    hq = nodes["HQ"]
    with hq.engine.begin() as connection:
        if kind == "part insert":
            new = uuid.uuid4()
            number = model.name("PN")
            connection.execute(text(
                "INSERT INTO inventory_parts (id, part_number, name_zh, name_en, product_lines, replaceable_by, "
                "unit_cost, serialised, created_at, updated_at, row_version) VALUES (:id, :number, '配件', '', '', "
                "'FRU', 10.50, false, now(), now(), 1)"), {"id": new, "number": number})
            model.parts[new.hex] = number
            return
        if not model.parts:
            return
        chosen = sorted(model.parts)[op[1] % len(model.parts)]
        if kind == "part delete":
            connection.execute(text("DELETE FROM inventory_parts WHERE id = :id"), {"id": uuid.UUID(chosen)})
            del model.parts[chosen]
        else:
            connection.execute(text("UPDATE inventory_parts SET unit_cost = :cost, name_zh = :name WHERE id = :id"),
                               {"id": uuid.UUID(chosen), "cost": op[2] / 100, "name": f"配件{op[2]}"})


def _moved(result) -> int:
    assert result.report.errors == 0 and result.report.conflicts == 0, result
    return result.report.rows + result.report.deleted


def _exchange(nodes: dict, tables, kind: str, code: str, batch_rows: int) -> int:
    node, parent = nodes.get(code), nodes[PARENT[code]]
    if node is None:
        return 0
    if kind == "push":
        return _moved(engine.push(node.engine, parent.engine, tables, batch_rows=batch_rows))
    return _moved(engine.pull(node.engine, parent.engine, tables, batch_rows=batch_rows))


def _until_quiet(nodes: dict, tables, batch_rows: int) -> None:
    """Up the tree, then down it, until a whole round moves nothing."""
    for _ in range(4):
        moved = sum(_exchange(nodes, tables, kind, code, batch_rows)
                    for kind, code in (("push", "BJ-P01"), ("push", "BJ"), ("pull", "BJ"), ("pull", "BJ-P01")))
        if not moved:
            return
    pytest.fail("the network never went quiet")


def _names(ctx, code: str) -> dict[str, str]:
    with ctx.engine.connect() as connection:
        found = connection.exec_driver_sql(f"SELECT id, name FROM customers_customers WHERE {_owned_by(ctx, code)}")
        return {uuid.UUID(str(i)).hex: n for i, n in found}


def _check(nodes: dict, model: Model) -> None:
    hq = nodes["HQ"]
    present = [c for c in CODES if c in nodes]
    for code in present:  # the test's own bookkeeping: each owner holds what it wrote
        assert _names(nodes[code], code) == model.customers[code], code
    with hq.engine.connect() as connection:
        numbers = dict(connection.execute(text("SELECT id, part_number FROM inventory_parts "
                                               "WHERE part_number LIKE :prefix"), {"prefix": "PN-%"}).all())
    assert {uuid.UUID(str(i)).hex: n for i, n in numbers.items()} == model.parts

    # customers: HQ holds exactly what every owner holds of its own
    union = []
    for code in present:
        own = rows_of(nodes[code], "customers_customers", _owned_by(nodes[code], code))
        assert rows_of(hq, "customers_customers", _owned_by(hq, code)) == own, f"{code}'s customers at HQ"
        union += own
    assert rows_of(hq, "customers_customers") == sorted(union, key=repr)
    # the branch holds its partner's customers too, and nobody holds an ancestor's
    if "BJ-P01" in nodes:
        assert rows_of(nodes["BJ"], "customers_customers", _owned_by(nodes["BJ"], "BJ-P01")) == \
            rows_of(nodes["BJ-P01"], "customers_customers", _owned_by(nodes["BJ-P01"], "BJ-P01"))
    for code in present[1:]:
        ctx = nodes[code]
        subtree = [c for c in present if c == code or PARENT.get(c) == code]
        assert len(rows_of(ctx, "customers_customers")) == sum(len(model.customers[c]) for c in subtree), code
        # parts: every node's catalog equals HQ's
        assert rows_of(ctx, "inventory_parts") == rows_of(hq, "inventory_parts"), f"parts at {code}"
    for code in present:
        with nodes[code].engine.connect() as connection:
            for table in ("core_sync_errors", "core_sync_conflicts"):
                assert connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0, (code, table)


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          phases=[Phase.explicit, Phase.generate] + ([Phase.shrink] if os.environ.get("SYNC_SHRINK") else []),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(partner=st.booleans(), batch_rows=st.sampled_from([7, 60, 20_000]),
       ops=st.lists(operation, min_size=1, max_size=40))
def test_every_interleaving_converges(request, tmp_path_factory, plugin_host, partner, batch_rows, ops):
    tables = request.getfixturevalue("tables")
    network = Network(tmp_path_factory.mktemp("net"), plugin_host, request)
    try:
        nodes = {"HQ": network.node("HQ", "postgresql", children=(("BJ", "branch"),)),
                 "BJ": network.node("BJ", "sqlite", parent="HQ", children=(("BJ-P01", "partner"),))}
        if partner:
            nodes["BJ-P01"] = network.node("BJ-P01", "sqlite", tier="partner", parent="BJ")
        model = Model()
        for op in ops:
            note(repr(op))
            if op[0] in ("push", "pull"):
                _exchange(nodes, tables, op[0], op[1], batch_rows)
            else:
                _write(nodes, model, op)
        _until_quiet(nodes, tables, batch_rows)
        _check(nodes, model)
    finally:
        network.close()


# ------------------------------------------------------------------ a unique name given up and taken again
# in one batch: the row that takes it comes first in change order, so it goes in on a second round.


def test_a_customer_name_given_up_and_taken_again_reaches_hq(network, tables):
    hq = network.node("HQ", "postgresql", children=(("BJ", "branch"),))
    bj = network.node("BJ", "sqlite", parent="HQ")
    add_customer(bj, "BJ", "协和医院")
    engine.push(bj.engine, hq.engine, tables)
    with bj.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE customers_customers SET name = '协和医院(旧)' WHERE name = '协和医院'")
    add_customer(bj, "BJ", "协和医院")  # the old name, for a new customer
    with bj.engine.begin() as connection:  # the renamed row changes again: now it comes after the new one
        connection.exec_driver_sql("UPDATE customers_customers SET region = '华北' WHERE name = '协和医院(旧)'")

    result = engine.push(bj.engine, hq.engine, tables)
    engine.push(bj.engine, hq.engine, tables)
    assert result.report.errors == 0
    assert rows_of(hq, "customers_customers", _owned_by(hq, "BJ")) == rows_of(bj, "customers_customers")


def test_a_part_number_given_up_and_taken_again_reaches_the_branch(network, tables):
    hq = network.node("HQ", "postgresql", children=(("BJ", "branch"),))
    bj = network.node("BJ", "sqlite", parent="HQ")
    add_part(hq, "PN-0001", "内存 32GB")
    engine.pull(bj.engine, hq.engine, tables)
    with hq.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE inventory_parts SET part_number = 'PN-0001-OLD' "
                                   "WHERE part_number = 'PN-0001'")
    add_part(hq, "PN-0001", "内存 64GB")
    with hq.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE inventory_parts SET name_zh = '停产' WHERE part_number = 'PN-0001-OLD'")

    result = engine.pull(bj.engine, hq.engine, tables)
    engine.pull(bj.engine, hq.engine, tables)
    assert result.report.errors == 0
    assert rows_of(bj, "inventory_parts") == rows_of(hq, "inventory_parts")
