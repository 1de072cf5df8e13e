"""Dispatch with vetoes and the manager's override, parts through the hooks, remote sessions
only with authorisation, escalation across tiers, quality complaints with their emergency
plan, and the printed repair order."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest

from app.clock import utcnow
from app.errors import PermissionDenied, ValidationError
from app.ids import org_id_for_code
from app.specs import PartLine, PartOutcome
from plugins.customers import service as registry
from plugins.tickets import service


def dispatch(network, ticket_id, actor, hook, **kwargs):
    network.run("dispatch", ticket_id, actor=actor, engineer_id=kwargs.pop("engineer", network.engineer).user_id,
                eta=utcnow() + timedelta(hours=2), hook=hook, **kwargs)


def kinds(network, ticket_id):
    with network.ctx.reading() as session:
        return [(e.kind, service.event_text(e)) for e in service.timeline(session, network.manager, ticket_id)]


def test_engineers_come_from_the_branch_or_its_partners(network, make_actor):
    make_actor(network.ctx, "eng@SH", roles=["field_engineer"])
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    with network.ctx.reading() as session:
        names = {u.username for u in service.eligible_engineers(session, network.dispatcher, ticket_id)}
    assert names == {"eng"} and len(names) == 1
    with network.ctx.reading() as session:
        orgs = {u.org_id for u in service.eligible_engineers(session, network.dispatcher, ticket_id)}
    assert orgs == {org_id_for_code("BJ"), org_id_for_code("BJ-P01")}
    dispatch(network, ticket_id, network.dispatcher, network.hook(), engineer=network.partner_engineer)
    assert network.state_of(ticket_id) == "dispatched"


def test_a_veto_blocks_and_only_a_branch_manager_overrides_it_on_record(network):
    hook = network.hook(vetoes=["工程师没有该产品线的有效上岗证书"])
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    with pytest.raises(ValidationError, match="上岗证书"):
        dispatch(network, ticket_id, network.dispatcher, hook)
    with pytest.raises(PermissionDenied):
        dispatch(network, ticket_id, network.dispatcher, hook, override_reason="客户停产，紧急")
    assert network.state_of(ticket_id) == "diagnosing"
    dispatch(network, ticket_id, network.manager, hook, override_reason="客户停产，紧急")
    overrides = [text for kind, text in kinds(network, ticket_id) if kind == "veto_overridden"]
    assert len(overrides) == 1 and "上岗证书" in overrides[0] and "客户停产" in overrides[0]


def test_parts_go_through_the_hooks_and_land_on_the_repair_order(network):
    hook = network.hook(outcomes=[PartOutcome("PSU-800W", 1, True, "BJ-DEPOT")])
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    dispatch(network, ticket_id, network.dispatcher, hook, parts=(PartLine("PSU-800W", 1),))
    assert [r.lines for r in hook.requests] == [(PartLine("PSU-800W", 1),)]
    network.run("arrive", ticket_id, actor=network.engineer)
    network.run("complete_repair", ticket_id, actor=network.engineer, fault_found="电源模块烧毁",
                actions="更换电源模块并做满载测试", labour_minutes=90, hook=hook,
                parts=[service.PartUse("PSU-800W", 1, faulty_serial="PSU-OLD-1", replacement_serial="PSU-NEW-9")])
    (usage,) = hook.usages
    assert usage.lines[0].removed_serial == "PSU-OLD-1" and usage.lines[0].installed_serial == "PSU-NEW-9"
    assert any(kind == "parts_requested" and "BJ-DEPOT" in text for kind, text in kinds(network, ticket_id))
    with pytest.raises(ValidationError, match="signature or company seal"):
        network.run("sign_off", ticket_id, actor=network.engineer, signer_name="张敏")
    with pytest.raises(ValidationError, match="PNG"):
        network.run("sign_off", ticket_id, actor=network.engineer, signer_name="张敏", signature_png=b"GIF89a")
    png = _drawn_signature()
    network.run("sign_off", ticket_id, actor=network.engineer, signer_name="张敏", signature_png=png)
    with network.ctx.reading() as session:
        details = service.ticket_details(session, network.hotline, ticket_id)
        assert details["repair_order"].signature_png == png and details["repair_order"].labour_minutes == 90
        assert [(p.part_number, p.faulty_serial) for p in details["parts"]] == [("PSU-800W", "PSU-OLD-1")]


def _drawn_signature() -> bytes:
    """A small grey PNG, written chunk by chunk as any encoder would."""
    import struct
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = (b"\x00" + b"\xff" * 120) * 40
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 120, 40, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_a_failing_parts_hook_leaves_the_repair_order_unchanged(network):
    class Refusing:
        def parts_used(self, session, usage):
            raise ValidationError("备件库存不足")

    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "on_site", network.hook())
    with pytest.raises(ValidationError):
        network.run("complete_repair", ticket_id, actor=network.engineer, fault_found="硬盘故障", actions="更换硬盘",
                    labour_minutes=30, hook=Refusing(), parts=[service.PartUse("HDD-1.2T")])
    assert network.state_of(ticket_id) == "on_site"


def test_a_remote_session_needs_the_customers_authorisation(network):
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    with pytest.raises(ValidationError, match="authorisation"):
        network.run("record_remote_session", ticket_id, authorised_by="", authorised_at=utcnow(), scope="只读日志",
                    findings="")
    network.run("record_remote_session", ticket_id, authorised_by="李强（信息科）", authorised_at=utcnow(),
                scope="仅读取 BMC 日志", findings="电源模块 2 报 PSU 失效")
    texts = [text for kind, text in kinds(network, ticket_id) if kind == "remote_session"]
    assert len(texts) == 1 and "李强" in texts[0] and "PSU 失效" in texts[0]


def test_escalation_climbs_the_tiers_and_reaches_the_receiving_queue(network, make_actor, admin):
    ctx = network.ctx
    partner_hotline = make_actor(ctx, "hot@BJ-P01", roles=["hotline"])
    hq_hotline = make_actor(ctx, "hot@HQ", roles=["hotline"])
    with ctx.transaction() as session:
        customer = registry.create_customer(session, partner_hotline, name="朝阳区教育局")
        ticket_id = service.create_ticket(session, partner_hotline, customer_id=customer.id, symptom="服务器频繁重启").id
    with ctx.reading() as session:
        assert service.queue(session, hq_hotline) == []
    network.run("escalate", ticket_id, "合作伙伴无法定位故障", actor=partner_hotline)
    with pytest.raises(ValidationError, match="reason"):
        network.run("escalate", ticket_id, "", actor=network.hotline)
    network.run("escalate", ticket_id, "分公司需要总部支持", actor=network.manager)
    with ctx.reading() as session:
        assert [row.id for row in service.queue(session, hq_hotline)] == [ticket_id]
    with pytest.raises(ValidationError, match="top tier"):
        network.run("escalate", ticket_id, "再升级", actor=hq_hotline)
    network.run("escalate", ticket_id, "需要存储专家会诊", actor=hq_hotline, expert=True)
    texts = [text for kind, text in kinds(network, ticket_id) if kind == "escalated"]
    assert len(texts) == 3 and "北京分公司" in texts[0] and "需要存储专家会诊" in texts[2]


def test_a_quality_complaint_alerts_the_branch_manager_and_runs_the_emergency_plan(network, make_actor):
    ctx = network.ctx
    partner_hotline = make_actor(ctx, "hot@BJ-P01", roles=["hotline"])
    with ctx.transaction() as session:
        customer = registry.create_customer(session, partner_hotline, name="海淀区医院")
        ticket_id = service.create_ticket(session, partner_hotline, customer_id=customer.id,
                                          symptom="多次维修后仍然宕机，客户投诉", category="quality_complaint").id
    with ctx.reading() as session:
        assert ticket_id in [row.id for row in service.queue(session, network.manager)]
        steps = service.plan_steps(session, network.manager, ticket_id)
    assert len(steps) == 5 and all(s.due_at > utcnow() for s in steps)
    assert steps[0].owner_role == "branch_manager" and steps[0].owner_id == network.manager.user_id
    with pytest.raises(PermissionDenied):
        network.run("complete_emergency_step", steps[0].id, "已回电", actor=network.engineer)
    network.run("complete_emergency_step", steps[0].id, "已回电客户致歉", actor=network.manager)
    with pytest.raises(ValidationError, match="already done"):
        network.run("complete_emergency_step", steps[0].id, actor=network.manager)
    events = kinds(network, ticket_id)
    assert [k for k, _ in events].count("complaint_notice") == 1
    assert any(k == "emergency_step" and "已回电客户致歉" in t for k, t in events)


def test_an_org_unit_can_define_its_own_emergency_plan(network):
    from app.orgs.service import get_by_code

    with network.ctx.transaction() as session:
        get_by_code(session, "BJ").settings = {"emergency_plan": [
            {"title": "30 分钟内电话回复客户", "owner_role": "branch_manager", "hours": 0.5},
            {"title": "分公司总经理上门拜访", "owner_role": "branch_manager", "hours": 24}]}
    ticket_id = network.open_ticket(category="quality_complaint")
    with network.ctx.reading() as session:
        titles = [s.title for s in service.plan_steps(session, network.manager, ticket_id)]
    assert titles == ["30 分钟内电话回复客户", "分公司总经理上门拜访"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_repair_order_pdf_shows_customer_and_ticket_number(sqlite_ctx, make_actor, qapp, tmp_path):
    from plugins.tickets.views.repair_pdf import write_repair_order_pdf

    ctx = sqlite_ctx
    hotline = make_actor(ctx, "hot@BJ", roles=["hotline", "dispatcher"])
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(300, 100, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawLine(10, 80, 290, 20)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    class NoOtherPlugins:
        """This test is about the printout, not about certificates or stock."""

        def can_dispatch(self, session, check):
            return []

        def parts_used(self, session, usage):
            return None

    hook = NoOtherPlugins()
    with ctx.transaction() as session:
        customer = registry.create_customer(session, hotline, name="北京市第一人民医院")
        ticket = service.create_ticket(session, hotline, customer_id=customer.id, symptom="服务器无法开机")
        service.start_diagnosis(session, hotline, ticket.id)
        service.dispatch(session, hotline, ticket.id, engineer_id=engineer.user_id, eta=utcnow() + timedelta(hours=1),
                         hook=hook)
        service.arrive(session, engineer, ticket.id)
        service.complete_repair(session, engineer, ticket.id, fault_found="主板电源管理芯片损坏", actions="更换主板",
                                labour_minutes=120, hook=hook,
                                parts=[service.PartUse("MB-I620", 1, "MBOLD123", "MBNEW456")])
        service.sign_off(session, engineer, ticket.id, signer_name="王建国", signature_png=bytes(buffer.data()))
        number = ticket.number
    with ctx.reading() as session:
        document = service.repair_order_document(session, hotline, ticket.id)
    path = write_repair_order_pdf(document, str(tmp_path / "repair.pdf"))
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("北京市第一人民医院", number, "主板电源管理芯片损坏", "MBOLD123", "王建国"):
        assert expected in text
