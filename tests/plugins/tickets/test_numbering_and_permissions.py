"""Ticket numbers are unique and gapless under concurrent writers; permissions and org scope
hold in the service layer."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from app.clock import utcnow
from app.errors import NotFound, PermissionDenied
from app.ids import org_id_for_code
from plugins.customers import service as registry
from plugins.tickets import service
from plugins.tickets.domain.numbering import next_ticket_number, period_of


def test_numbers_follow_org_code_month_and_sequence(network):
    first, second = network.open_ticket(), network.open_ticket()
    with network.ctx.reading() as session:
        numbers = [service.load_ticket(session, network.hotline, t).number for t in (first, second)]
    period = period_of(utcnow())
    assert numbers == [f"BJ-{period}-000001", f"BJ-{period}-000002"]


def test_concurrent_writers_get_no_duplicate_and_no_gap(ctx):
    """Four writers at once (on PostgreSQL: four connections racing for the counter row);
    one of them rolls back every third number, which must leave no hole."""
    from sqlalchemy import select

    from app.orgs.models import OrgUnit

    moment = utcnow()
    numbers, errors, barrier = [], [], threading.Barrier(4)

    def writer(rollback_every: int):
        try:
            barrier.wait()
            for index in range(25):
                session = ctx.session_factory()
                try:
                    org = session.scalar(select(OrgUnit).where(OrgUnit.code == "BJ"))
                    number = next_ticket_number(session, org, moment)
                    if rollback_every and index % rollback_every == 0:
                        session.rollback()  # a failed creation must not leave a gap
                        continue
                    session.commit()
                    numbers.append(number)
                finally:
                    session.close()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in (0, 0, 3, 0)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    sequences = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert len(sequences) == len(set(sequences)) == 91
    assert sequences == list(range(1, 92))


def test_hotline_opens_and_diagnoses_but_an_engineer_cannot_dispatch(network):
    ticket_id = network.open_ticket()
    with network.ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.create_ticket(session, network.engineer, customer_id=network.customer_id, symptom="无法开机")
    network.run("start_diagnosis", ticket_id)
    with pytest.raises(PermissionDenied):
        network.run("dispatch", ticket_id, actor=network.engineer, engineer_id=network.engineer.user_id,
                    eta=utcnow() + timedelta(hours=1), hook=network.hook())
    with pytest.raises(PermissionDenied):
        network.run("dispatch", ticket_id, actor=network.hotline, engineer_id=network.engineer.user_id,
                    eta=utcnow() + timedelta(hours=1), hook=network.hook())
    network.run("dispatch", ticket_id, actor=network.manager, engineer_id=network.engineer.user_id,
                eta=utcnow() + timedelta(hours=1), hook=network.hook())
    assert network.state_of(ticket_id) == "dispatched"


def test_partner_sees_only_its_own_branch_its_subtree_hq_everything(network, make_actor, admin):
    ctx = network.ctx
    partner_hotline = make_actor(ctx, "hot@BJ-P01", roles=["hotline"])
    with ctx.transaction() as session:
        partner_customer = registry.create_customer(session, partner_hotline, name="北京信息科技客户")
        partner_ticket = service.create_ticket(session, partner_hotline, customer_id=partner_customer.id,
                                               symptom="存储阵列告警").id
        sh_customer = registry.create_customer(session, network.sh_hotline, name="上海交通大学")
        sh_ticket = service.create_ticket(session, network.sh_hotline, customer_id=sh_customer.id,
                                          symptom="硬盘故障").id
    bj_ticket = network.open_ticket()
    with ctx.reading() as session:
        def numbers(actor):
            return {row.id for row in service.list_page(session, actor)}

        assert numbers(partner_hotline) == {partner_ticket}
        assert numbers(network.manager) == {partner_ticket, bj_ticket}
        assert numbers(network.sh_hotline) == {sh_ticket}
        assert numbers(admin) == {partner_ticket, bj_ticket, sh_ticket}
        assert service.list_count(session, network.manager) == 2
        with pytest.raises(NotFound):
            service.load_ticket(session, network.sh_hotline, bj_ticket)
        with pytest.raises(NotFound):
            service.load_ticket(session, partner_hotline, bj_ticket)
    with ctx.transaction() as session, pytest.raises(NotFound):
        service.create_ticket(session, network.sh_hotline, customer_id=network.customer_id, symptom="越权")
    assert org_id_for_code("BJ-P01") != org_id_for_code("BJ")


def test_an_engineer_works_only_the_tickets_sent_to_them(network):
    hook = network.hook()
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "dispatched", hook)
    with pytest.raises((PermissionDenied, NotFound)):
        network.run("arrive", ticket_id, actor=network.partner_engineer)
    network.run("arrive", ticket_id, actor=network.engineer)
    assert network.state_of(ticket_id) == "on_site"
