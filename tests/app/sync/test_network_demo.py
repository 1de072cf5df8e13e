"""The demo network is built by real syncs (app.sync.demo_network, which bench/network_demo.py
runs): HQ makes its reference data, each branch pulls it, makes its demo data on top of it and
pushes. HQ then holds everything each branch owns, nobody refused a row, and a branch engineer
with a demo certificate (signed with the key the provisioning file handed over) may be
dispatched at the branch; the certificate verifies at HQ too."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.clock import utcnow
from app.ids import org_id_for_code
from app.specs import DispatchCheck
from app.sync.demo_network import build, held_for, refused_rows
from plugins.certification.common import today
from plugins.certification.models import Certificate
from plugins.certification.verification import verify

BRANCHES = ("BJ", "SH")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_network(request, tmp_path_factory, plugin_host):
    """Built once per HQ backend: the tests only read it."""
    tmp_path = tmp_path_factory.mktemp("network")
    if request.param == "sqlite":
        url, dropped = f"sqlite:///{(tmp_path / 'hq.sqlite3').as_posix()}", None
    else:
        server = request.getfixturevalue("pg_server")
        dropped = server.create_database()
        url = server.url(dropped)
    network = build(url, tmp_path, branches=len(BRANCHES), scale=20, seed=5, plugins=plugin_host)
    yield network
    network.close()
    if dropped:
        server.drop_database(dropped)


def test_hq_holds_what_every_branch_made_and_nothing_was_refused(demo_network):
    hq = demo_network.hq
    assert tuple(demo_network.branches) == BRANCHES
    for code, branch in demo_network.branches.items():
        at_hq = held_for(hq, code)
        assert at_hq == held_for(branch, code), code  # every row the branch owns arrived, none twice
        assert at_hq["core_org_units"] == 4 and at_hq["core_users"] > 10, code  # partners, staff
        assert at_hq["tickets_tickets"] >= 20 and at_hq["certification_certificates"] > 0, code
    assert [refused_rows(ctx) for ctx in (hq, *demo_network.branches.values())] == [0, 0, 0]


def test_a_branch_engineer_with_a_demo_certificate_is_not_vetoed(demo_network):
    bj = demo_network.branches["BJ"]
    on = today()
    with bj.reading() as session:
        cert = session.scalars(select(Certificate).where(
            Certificate.org_id == org_id_for_code("BJ"), Certificate.status == "valid",
            Certificate.valid_from <= on, Certificate.expires_on >= on).order_by(Certificate.number)).first()
        assert cert is not None, "the BJ demo issued no valid certificate to a BJ engineer"
        check = DispatchCheck(engineer_id=cert.holder_id, engineer_org_id=cert.org_id,
                              product_line=cert.product_lines[0], at=utcnow())
        assert [v for v in bj.hook.can_dispatch(session=session, check=check) if v] == []
        number = cert.number
    with demo_network.hq.reading() as session:
        result = verify(session, number)
    assert result.ok and result.center == "BJ", result.message


def _count(ctx, table: str) -> int:
    with ctx.engine.connect() as connection:
        return connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


def test_reference_demo_makes_hq_reference_data_only_and_twice_adds_nothing(network):
    from app.cli import system_actor_for
    from app.demo import generate
    from app.errors import UserError

    hq = network.node("HQ")
    reference = ("inventory_parts", "training_courses", "certification_types", "certification_root_keys",
                 "customers_packages")
    operational = ("core_org_units", "core_users", "tickets_tickets", "inventory_depots", "training_sessions",
                   "certification_certificates")
    seen = []
    for _ in range(2):
        with hq.transaction() as session:
            generate(hq, session, system_actor_for(hq, session), scale=1, seed=1, reference_only=True)
        seen.append([_count(hq, t) for t in reference + operational])
    assert seen[0] == seen[1]
    assert all(seen[0][:len(reference)]) and seen[0][len(reference):] == [1, 1, 0, 0, 0, 0]

    bj = network.node("BJ", parent="HQ")
    with bj.transaction() as session, pytest.raises(UserError, match="sync pull"):
        generate(bj, session, system_actor_for(bj, session), scale=1, seed=1, reference_only=True)


def test_a_revocation_at_one_branch_reaches_the_verifier_at_another(demo_network, plugin_host):
    # Changes the network: the module's last test.
    from app.cli import system_actor_for
    from app.sync import engine
    from app.sync.registry import synced_tables
    from plugins.certification import service as certification

    tables = synced_tables(plugin_host)
    hq, bj, sh = demo_network.hq, demo_network.branches["BJ"], demo_network.branches["SH"]
    engine.pull(sh.engine, hq.engine, tables)
    with bj.reading() as session:
        on = today()
        cert = session.scalars(select(Certificate).where(
            Certificate.org_id == org_id_for_code("BJ"), Certificate.status == "valid",
            Certificate.valid_from <= on, Certificate.expires_on >= on).order_by(Certificate.number)).first()
        number = cert.number
    with sh.reading() as session:
        assert verify(session, number).ok  # SH accepts it offline, before the revocation
    with bj.transaction() as session:
        certification.revoke_certificate(session, system_actor_for(bj, session), cert.id, "证书持有人已离职")
    engine.push(bj.engine, hq.engine, tables)
    engine.pull(sh.engine, hq.engine, tables)
    with sh.reading() as session:
        result = verify(session, number)
    assert not result.ok and result.status == "revoked", result.message
