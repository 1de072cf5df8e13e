"""The repair order prints as a formal service report through the system's print dialog, in
Chinese under zh_CN: the unit's letterhead with its address and the hotline set up the tree, the
report number, customer and contact, the machine and its service package, the fault and the work,
the parts table with the catalogue's names (hooks: part_names), the times, the engineer's
signature line, the customer's stored signature and the seal box. The printer gets the same
drawing as the PDF file; cancelling the dialog prints nothing."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from app.orgs.service import get_by_code, update_org_unit
from app.plugins import get_plugin_manager
from app.ui.translation import install_translations
from plugins.inventory.models import Part
from plugins.tickets import service
from plugins.tickets.views.ticket_window import TicketWindow
from print_dialog import patch_print_dialog, pdf_text


def signature_png() -> bytes:
    image = QImage(300, 100, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawLine(10, 80, 290, 20)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_the_repair_order_prints_as_a_service_report_in_chinese(qtbot, network, make_actor, tmp_path, monkeypatch):
    orgs_admin = make_actor(network.ctx, "chief@HQ", ["admin"])
    with network.ctx.transaction() as session:  # set up as in Tools → Org units
        bj, hq = get_by_code(session, "BJ"), get_by_code(session, "HQ")
        update_org_unit(session, orgs_admin, bj, address="北京市朝阳区建国路 88 号")
        update_org_unit(session, orgs_admin, hq, hotline="400-810-8888")  # BJ has none: the one above serves
        session.add_all([Part(part_number="PSU-800W", name_zh="800W 电源模块"),
                         Part(part_number="FAN-60", name_zh="", name_en="System fan 60 mm")])
        unit_name = bj.name
    hook = network.hook()
    ticket_id = network.open_ticket(contact_name="李明", contact_phone="13800138000")
    network.drive_to(ticket_id, "on_site", hook)
    network.run("complete_repair", ticket_id, actor=network.engineer, fault_found="电源模块输出电压异常",
                actions="更换电源模块，满载测试 2 小时正常", labour_minutes=120, hook=hook,
                parts=[service.PartUse("PSU-800W", 1, "PSUOLD01", "PSUNEW01"), service.PartUse("FAN-60", 2),
                       service.PartUse("CBL-UNLISTED", 1)])
    network.run("sign_off", ticket_id, actor=network.engineer, signer_name="王建国", signature_png=signature_png(),
                seal_confirmed=True)
    dialogs = patch_print_dialog(monkeypatch)
    dialogs.output = str(tmp_path / "printed.pdf")
    install_translations("zh_CN", get_plugin_manager())
    try:
        with network.ctx.reading() as session:
            number = service.load_ticket(session, network.hotline, ticket_id).number
            coverage = service.coverage_line(session, network.hotline, ticket_id).text  # package and warranty
        window = TicketWindow(network.ctx.signed_in(network.dispatcher), ticket_id)
        qtbot.addWidget(window)
        button = window.buttons["print"]
        assert (button.text(), button.isEnabled()) == ("打印维修单…", True)
        qtbot.mouseClick(button, Qt.LeftButton)
        exported = window.print_pdf(str(tmp_path / "exported.pdf"))
        dialogs.output = None  # cancelled in the dialog
        assert window.print_order() is False and len(dialogs.printers) == 2
    finally:
        install_translations("en", get_plugin_manager())

    text = pdf_text(tmp_path / "printed.pdf")
    for expected in (unit_name, "地址：北京市朝阳区建国路 88 号", "服务热线：400-810-8888", "维修单 · 现场服务报告",
                     f"报告编号：{number}", "北京市第一人民医院", "李明 13800138000", "I620-G30", "SN-BJ-0001",
                     "电源模块输出电压异常", "更换电源模块，满载测试 2 小时正常", "800W 电源模块", "System fan 60 mm",
                     "CBL-UNLISTED", "PSUOLD01", "PSUNEW01", "服务工程师", "客户签字", "姓名：王建国", "客户盖章",
                     "已加盖公司印章确认。"):
        assert expected in text, expected
    assert coverage.split(" · ")[0] in text  # the machine's service package, beside the engineer's name
    assert squeezed(text) == squeezed(pdf_text(exported))  # one drawing for the printer and the file
    if shutil.which("pdfimages"):
        listed = subprocess.run(["pdfimages", "-list", str(tmp_path / "printed.pdf")], capture_output=True,
                                text=True, check=True).stdout.splitlines()[2:]
        assert [line.split()[3:5] for line in listed] == [["300", "100"]]  # the customer's signature, as stored
