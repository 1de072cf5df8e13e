"""A case a branch resolved and pushed: HQ's experts find it by similar-case search once the
catch-up over received tickets has run."""

from __future__ import annotations

import pytest

from app import installation
from app.auth.service import authenticate
from app.orgs.service import get_by_code
from app.sync import engine
from app.sync.registry import synced_tables
from plugins.customers import service as registry
from plugins.tickets import service
from plugins.tickets.similar import received
from syncnet import Network
from testdata import ADMIN_PASSWORD

SYMPTOM = "客户反映I620-G30服务器断电恢复后RAID卡无法识别，硬盘指示灯闪红。"


@pytest.fixture
def network(tmp_path, plugin_host, request):
    net = Network(tmp_path, plugin_host, request)
    yield net
    net.close()


def _admin(ctx, code: str):
    with ctx.reading() as session:
        return authenticate(session, f"admin@{code}", ADMIN_PASSWORD)


def _catch_up(ctx) -> int:
    job = next(job for group in ctx.plugins.hook.periodic_jobs() for job in group
               if job.id == "tickets.received_index")
    return job.run(ctx)


def _found(ctx, text: str) -> list[str]:
    with ctx.reading() as session:
        return [case.number for case in service.similar_cases(session, _admin(ctx, "HQ"), text)]


@pytest.mark.postgres
def test_a_case_resolved_at_a_branch_is_found_at_hq(network, plugin_host):
    tables = synced_tables(plugin_host)
    hq = network.node("HQ", "postgresql", children=(("BJ", "branch"),))
    with hq.transaction() as session:
        registry.ensure_default_packages(session, get_by_code(session, "HQ"))
    bj = network.node("BJ", "sqlite", parent="HQ")
    engine.pull(bj.engine, hq.engine, tables)
    actor = _admin(bj, "BJ")
    with bj.transaction() as session:
        customer = registry.create_customer(session, actor, name="北京协和医院")
        ticket = service.create_ticket(session, actor, customer_id=customer.id, symptom=SYMPTOM)
        service.start_diagnosis(session, actor, ticket.id)
        service.resolve_remotely(session, actor, ticket.id, "更换RAID卡后导入外部配置，阵列恢复。")
        number = ticket.number
    assert engine.push(bj.engine, hq.engine, tables).report.errors == 0
    assert _found(hq, "RAID卡无法识别") == []  # received as a row: not in HQ's index yet

    assert _catch_up(hq) == 1
    assert _found(hq, "RAID卡无法识别") == [number]
    assert _catch_up(hq) == 0
    with hq.transaction() as session:  # the same tickets again change nothing
        installation.set_value(session, received.MARK, 0)
    assert _catch_up(hq) == 1 and _found(hq, "RAID卡无法识别") == [number]

    with bj.transaction() as session:
        service.reopen(session, actor, ticket.id, "客户反映故障复现", hook=bj.hook)
    engine.push(bj.engine, hq.engine, tables)
    assert _catch_up(hq) == 1
    assert _found(hq, "RAID卡无法识别") == []  # reopened at the branch: no longer a resolved case
