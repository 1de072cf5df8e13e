"""A case across three databases: a partner (SQLite) opens and escalates it, its branch (SQLite)
and HQ (PostgreSQL, and SQLite) answer it from their own databases, and everyone reads the same
timeline rows, each in its own language. The SLA sweep writes only the tickets a node owns."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import utcnow
from app.errors import PermissionDenied
from app.ids import org_id_for_code
from app.orgs.service import get_by_code
from app.sync import engine
from plugins.customers import service as registry
from plugins.tickets import service
from syncnet import Network, rows_of

HQ_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture
def net(tmp_path, plugin_host, request):
    network = Network(tmp_path, plugin_host, request)
    yield network
    network.close()


@pytest.fixture(scope="module")
def tables():
    from app.plugins import get_plugin_manager
    from app.sync.registry import synced_tables

    return synced_tables(get_plugin_manager())


def three_tiers(net, hq_backend, tables):
    """HQ, branch BJ and its partner BJ-P01 on their own databases, HQ's packages pulled down."""
    hq = net.node("HQ", hq_backend, children=(("BJ", "branch"),))
    bj = net.node("BJ", "sqlite", parent="HQ", children=(("BJ-P01", "partner"),))
    partner = net.node("BJ-P01", "sqlite", tier="partner", parent="BJ")
    with hq.transaction() as session:
        registry.ensure_default_packages(session, get_by_code(session, "HQ"))
    engine.pull(bj.engine, hq.engine, tables)
    engine.pull(partner.engine, bj.engine, tables)
    return hq, bj, partner


def open_case(ctx, actor, serial: str, symptom: str, **kwargs):
    with ctx.transaction() as session:
        customer = registry.create_customer(session, actor, name=f"客户 {serial}", region="北京")
        registry.create_asset(session, actor, customer.id, serial_number=serial, product_line="机架式服务器",
                              model="I620-G30", package_code="7X24-4H")
        return service.create_ticket(session, actor, customer_id=customer.id, symptom=symptom,
                                     serial_number=serial, **kwargs).id


def call(ctx, action, actor, ticket_id, *args, **kwargs):
    with ctx.transaction() as session:
        return getattr(service, action)(session, actor, ticket_id, *args, **kwargs)


def timeline_rows(ctx, ticket_id):
    return rows_of(ctx, "tickets_events", f"ticket_id = '{ticket_id.hex}'")


def ticket_row(ctx, ticket_id):
    return rows_of(ctx, "tickets_tickets", f"id = '{ticket_id.hex}'")


@pytest.mark.parametrize("hq_backend", HQ_BACKENDS)
def test_an_escalated_case_is_answered_upstairs_and_read_alike_at_every_tier(net, tables, hq_backend, make_actor,
                                                                              qapp):
    hq, bj, partner = three_tiers(net, hq_backend, tables)
    p_hotline = make_actor(partner, "hot@BJ-P01", ["hotline"])
    bj_hotline = make_actor(bj, "hot@BJ", ["hotline"])
    expert = make_actor(hq, "expert@HQ", ["hotline"])

    ticket_id = open_case(partner, p_hotline, "SN-P01-0001", "RAID 卡报错，阵列降级")
    call(partner, "start_diagnosis", p_hotline, ticket_id)
    call(partner, "escalate", p_hotline, ticket_id, "现场无法定位故障，申请上级支持")
    engine.push(partner.engine, bj.engine, tables)

    # the branch's hotline sees the case escalated to it and answers from its own database
    with bj.reading() as session:
        assert ticket_id in [row.id for row in service.queue(session, bj_hotline, escalated=True)]
    call(bj, "answer_consultation", bj_hotline, ticket_id, "先检查 RAID 卡固件版本")

    call(partner, "escalate", p_hotline, ticket_id, "需要总部专家会诊", expert=True)
    engine.push(partner.engine, bj.engine, tables)
    engine.push(bj.engine, hq.engine, tables)

    with hq.reading() as session:
        assert ticket_id in [row.id for row in service.queue(session, expert, escalated=True)]
    before = ticket_row(hq, ticket_id)
    call(hq, "add_note", expert, ticket_id, "请提供 RAID 控制器日志")
    answer = call(hq, "answer_consultation", expert, ticket_id, "将 RAID 卡固件升级到 4.2 后重建阵列")
    assert answer.org_id == org_id_for_code("HQ")  # HQ's own row, not the partner's
    assert ticket_row(hq, ticket_id) == before  # HQ never writes the partner's ticket row
    with pytest.raises(PermissionDenied, match="own database"):
        call(hq, "resolve_remotely", expert, ticket_id, "总部直接关闭")

    engine.pull(bj.engine, hq.engine, tables)
    engine.pull(partner.engine, bj.engine, tables)

    assert timeline_rows(partner, ticket_id) == timeline_rows(bj, ticket_id) == timeline_rows(hq, ticket_id)
    with partner.reading() as session:
        events = service.timeline(session, p_hotline, ticket_id)
    answers = [e for e in events if e.kind == "expert_answer"]
    assert [e.org_id for e in answers] == [org_id_for_code("BJ"), org_id_for_code("HQ")]
    assert "将 RAID 卡固件升级到 4.2 后重建阵列" in service.event_text(answers[-1])
    assert [e.kind for e in events if e.org_id == org_id_for_code("HQ")] == ["note", "expert_answer"]
    assert_rendered_in_both_languages(answers[-1], [e for e in events if e.kind == "escalated"][-1])


def assert_rendered_in_both_languages(answer, escalation):
    from app.plugins import get_plugin_manager
    from app.ui.translation import install_translations

    english = service.render_event(answer)
    assert english.what == "Expert answer"
    assert english.details == "Answer from HQ 单位: 将 RAID 卡固件升级到 4.2 后重建阵列"
    assert service.event_text(escalation) == "Expert consultation requested at HQ 单位: 需要总部专家会诊"
    plugins = get_plugin_manager()
    install_translations("zh_CN", plugins)
    try:
        chinese = service.render_event(answer)
        assert chinese.what == "专家答复"
        assert chinese.details == "HQ 单位的答复：将 RAID 卡固件升级到 4.2 后重建阵列"
        assert service.event_text(escalation) == "已向 HQ 单位 申请专家门诊：需要总部专家会诊"
    finally:
        install_translations("en", plugins)


def test_a_row_written_before_parameters_shows_its_stored_text():
    from plugins.tickets.models import TicketEvent

    old = TicketEvent(kind="escalated", text="从 BJ 升级到 HQ：客户要求升级处理", params=None)
    assert service.render_event(old).details == "从 BJ 升级到 HQ：客户要求升级处理"
    assert service.render_event(old).what == "Escalated"


@pytest.mark.parametrize("hq_backend", HQ_BACKENDS)
def test_the_sweep_at_hq_leaves_a_branch_copy_alone_and_marks_its_own(net, tables, hq_backend, make_actor):
    hq = net.node("HQ", hq_backend, children=(("BJ", "branch"),))
    bj = net.node("BJ", "sqlite", parent="HQ")
    with hq.transaction() as session:
        registry.ensure_default_packages(session, get_by_code(session, "HQ"))
    engine.pull(bj.engine, hq.engine, tables)
    long_ago = utcnow() - timedelta(days=3)  # every target of a 7×24 package is missed by now
    bj_ticket = open_case(bj, make_actor(bj, "hot@BJ", ["hotline"]), "SN-BJ-0009", "硬盘故障", now=long_ago)
    hq_ticket = open_case(hq, make_actor(hq, "hot@HQ", ["hotline"]), "SN-HQ-0001", "内存报错", now=long_ago)
    engine.push(bj.engine, hq.engine, tables)
    copy_before, copy_events = ticket_row(hq, bj_ticket), timeline_rows(hq, bj_ticket)

    sweep = {job.id: job for group in hq.hook.periodic_jobs() for job in group}["tickets.sla_sweep"]
    assert sweep.run(hq) == 3  # HQ's own ticket: response, on-site and resolution breached
    assert ticket_row(hq, bj_ticket) == copy_before and timeline_rows(hq, bj_ticket) == copy_events
    with hq.reading() as session:
        from plugins.tickets.models import Ticket

        assert session.get(Ticket, hq_ticket).breached and not session.get(Ticket, bj_ticket).breached

    assert sweep.run(bj) == 3  # the branch marks its own ticket; the marks reach HQ with its push
    engine.push(bj.engine, hq.engine, tables)
    assert ticket_row(hq, bj_ticket) == ticket_row(bj, bj_ticket) != copy_before


def test_the_ticket_window_offers_only_lines_of_its_own_on_another_nodes_case(net, tables, make_actor, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from plugins.tickets.views.ticket_window import TicketWindow

    hq = net.node("HQ", "sqlite", children=(("BJ", "branch"),))
    bj = net.node("BJ", "sqlite", parent="HQ")
    with hq.transaction() as session:
        registry.ensure_default_packages(session, get_by_code(session, "HQ"))
    engine.pull(bj.engine, hq.engine, tables)
    hotline = make_actor(bj, "hot@BJ", ["hotline"])
    ticket_id = open_case(bj, hotline, "SN-BJ-0100", "服务器频繁重启")
    call(bj, "escalate", hotline, ticket_id, "疑似主板故障，申请专家会诊", expert=True)
    engine.push(bj.engine, hq.engine, tables)

    expert = make_actor(hq, "expert@HQ", ["hotline"])
    window = TicketWindow(hq.signed_in(expert), ticket_id)
    qtbot.addWidget(window)
    enabled = {name for name, button in window.buttons.items() if button.isEnabled()}
    assert enabled == {"answer", "note"}  # no state moves on BJ's ticket; remote sessions once it is worked on
    assert all(not button.isHidden() for button in window.buttons.values())  # disabled, never hidden
    assert "BJ" in window.buttons["diagnose"].toolTip()  # the owning unit is named
    dialog = window.answer()
    dialog.text.setPlainText("建议先刷新 BIOS 再观察")
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert dialog.message.text() == ""
    details = [window.timeline.item(row, 4).text() for row in range(window.timeline.rowCount())]
    assert details[-1] == "Answer from HQ 单位: 建议先刷新 BIOS 再观察"
