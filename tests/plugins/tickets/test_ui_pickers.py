"""Choosing instead of typing, through the real dialogs on both databases: the repair order's parts
come from stock with the reserved part filled in and only serials on hand offered, the dispatcher
sees each engineer's unit, open cases and certificate, and intake fills the contact from the
customer record."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from confirmations import answer_confirmation
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.clock import utcnow
from app.specs import DispatchCheck, PartChoice, PartLine, Qualification
from plugins.certification.models import Certificate, CertificateType
from plugins.customers import service as registry
from plugins.inventory import service as inventory
from plugins.inventory.models import Part, SerialUnit
from plugins.tickets import service
from plugins.tickets.views.engineer_picker import CERTIFICATE, NAME, OPEN_CASES, UNIT, VETO
from plugins.tickets.views.list_page import TicketListPage
from plugins.tickets.views.ticket_window import TicketWindow

SERVERS = "机架式服务器"  # the product line of the network's machine


class NoVeto:
    """The real plugins, but no certificate veto: these tests dispatch to get to the repair order."""

    def __init__(self, real):
        self.real = real

    def __getattr__(self, name):
        return getattr(self.real, name)

    def can_dispatch(self, session, check):
        return []


def stock_for_bj(ctx, admin, engineer_id) -> dict:
    """BJ's depot with three serialised disks (one since sent to SH) and the engineer's van with memory."""
    with ctx.transaction() as session:
        session.add_all([Part(part_number="HDD-2T", name_zh="2TB SAS 硬盘", serialised=True, unit_cost=Decimal("950.50")),
                         Part(part_number="DIMM-32G", name_zh="32GB 内存条", serialised=False,
                              unit_cost=Decimal("1280.00"))])
        session.flush()
        depots = {code: inventory.create_depot(session, admin, org_code=org, code=code, name=code, kind=kind,
                                               engineer_id=engineer).id
                  for org, code, kind, engineer in (("BJ", "BJ-D1", "branch", None), ("SH", "SH-D1", "branch", None),
                                                    ("BJ", "BJ-VAN-1", "van", engineer_id))}
        inventory.receive(session, admin, depots["BJ-D1"], "HDD-2T", 3, serials=["HDD-A1", "HDD-A2", "HDD-A3"])
        inventory.send_transfer(session, admin, depots["BJ-D1"], depots["SH-D1"], "HDD-2T", 1, ["HDD-A3"])
        inventory.receive(session, admin, depots["BJ-VAN-1"], "DIMM-32G", 3)
    return depots


def items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_repair_order_offers_the_reserved_part_and_only_serials_on_hand(qtbot, network, admin):
    ctx = network.ctx
    depots = stock_for_bj(ctx, admin, network.engineer.user_id)
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    network.run("dispatch", ticket_id, actor=network.dispatcher, engineer_id=network.engineer.user_id,
                eta=utcnow() + timedelta(hours=2), hook=NoVeto(ctx.hook), parts=(PartLine("HDD-2T", 1),))
    network.run("arrive", ticket_id, actor=network.engineer)

    window = TicketWindow(ctx.signed_in(network.engineer), ticket_id)
    qtbot.addWidget(window)
    repair = window.repair_order()
    lines = repair.parts
    assert lines.rowCount() == 1  # the reserved disk, filled in
    reserved = lines.part_combo(0).currentData()
    assert (reserved.part_number, reserved.depot, reserved.reserved) == ("HDD-2T", "BJ-D1", 1)
    assert items(lines.serial_combo(0)) == ["HDD-A1", "HDD-A2"]  # HDD-A3 left for SH
    assert lines.serial_combo(0).currentData() is None and lines.serial_combo(0).lineEdit().placeholderText()
    assert not lines.quantity_spin(0).isEnabled() and lines.quantity_spin(0).value() == 1
    offered = items(lines.part_combo(0))
    assert offered == ["HDD-2T  2TB SAS 硬盘 · BJ-D1: 1 reserved for this ticket",
                           "DIMM-32G  32GB 内存条 · BJ-VAN-1: 3 available"]

    row = lines.add_line()  # memory from the engineer's own van, no more than it holds, found by typing
    assert lines.part_combo(row).currentData() is None and lines.part_combo(row).lineEdit().placeholderText()
    qtbot.keyClicks(lines.part_combo(row).lineEdit(), "32gb")  # any part of the text, in any case
    completer = lines.part_combo(row).completer()
    assert [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())] == \
        [offered[1]]
    completer.popup().hide()
    lines.part_combo(row).lineEdit().editingFinished.emit()  # leaving the box takes the one item found
    assert lines.part_combo(row).currentData().part_number == "DIMM-32G"
    assert lines.quantity_spin(row).maximum() == 3 and not lines.serial_combo(row).isEnabled()
    lines.quantity_spin(row).setValue(2)
    lines.faulty_edit(0).setText("OLD-HDD-9")
    repair.fault_found.setPlainText("硬盘故障")
    repair.actions.setPlainText("更换硬盘和内存")
    repair.ok_button.click()  # no labour time: refused on its field, before the order is confirmed as final
    assert repair.is_marked("labour") and repair.message.text() == \
        "Labour time: Labour time must be a positive number of minutes."
    repair.labour.setValue(60)
    repair.signer.setText("王经理")
    repair.seal.setChecked(True)
    repair.ok_button.click()  # no serial chosen for the disk: refused on the parts, before any confirmation
    assert repair.isVisible() and repair.is_marked("parts") and "HDD-2T" in repair.message.text()
    assert network.state_of(ticket_id) == "on_site"
    lines.serial_combo(0).setCurrentIndex(lines.serial_combo(0).findData("HDD-A2"))
    answer_confirmation(yes=True)
    repair.ok_button.click()
    assert repair.message.text() == "" and not repair.isVisible()
    with ctx.reading() as session:
        serials = dict(session.execute(select(SerialUnit.serial, SerialUnit.state)).all())
        assert serials == {"HDD-A1": "in_stock", "HDD-A2": "installed", "HDD-A3": "in_transit",
                           "OLD-HDD-9": "defective"}
        van = {r.part_number: r for r in inventory.depot_balances(session, admin, depots["BJ-VAN-1"])}
        assert van["DIMM-32G"].on_hand == 1


def certify(ctx, holder, number: str, expires_on: date) -> str:
    with ctx.transaction() as session:
        kind = session.scalar(select(CertificateType).where(CertificateType.code == "SRV-B"))
        if kind is None:
            kind = CertificateType(code="SRV-B", name="服务器上岗证书", product_lines=[SERVERS], level="basic",
                                   validity_months=24, required_courses=[])
            session.add(kind)
            session.flush()
        session.add(Certificate(org_id=holder.org_id, number=number, type_id=kind.id, holder_id=holder.user_id,
                                holder_name=holder.username, product_lines=[SERVERS], level="basic",
                                issued_on=date.today() - timedelta(days=100),
                                valid_from=date.today() - timedelta(days=100), expires_on=expires_on))
    return number


def test_the_dispatcher_sees_each_engineers_unit_open_cases_and_certificate(qtbot, network, make_actor):
    ctx = network.ctx
    uncertified = make_actor(ctx, "new@BJ", roles=["field_engineer"])
    number = certify(ctx, network.engineer, "CERT-BJ-2026-000001", date.today() + timedelta(days=200))
    certify(ctx, network.partner_engineer, "CERT-BJ-P01-2026-000001", date.today() + timedelta(days=10))
    busy = network.open_ticket()  # one case the BJ engineer is already on
    network.run("start_diagnosis", busy)
    network.run("dispatch", busy, actor=network.dispatcher, engineer_id=network.engineer.user_id,
                eta=utcnow() + timedelta(hours=2), hook=ctx.hook)
    with ctx.reading() as session:
        check = DispatchCheck(network.engineer.user_id, network.engineer.org_id, SERVERS, utcnow())
        answers = ctx.hook.engineer_qualification(session=session, check=check)
    assert answers == [Qualification("valid", f"Certificate {number}, valid until "
                                              f"{(date.today() + timedelta(days=200)).isoformat()}.")]

    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    window = TicketWindow(ctx.signed_in(network.dispatcher), ticket_id)
    qtbot.addWidget(window)
    dialog = window.dispatch()
    picker = dialog.engineer
    rows = {picker.itemData(row).user_id: row for row in range(picker.count())}
    seen = {user_id: [picker.cell_text(row, column) for column in (NAME, UNIT, OPEN_CASES, CERTIFICATE)]
            for user_id, row in rows.items()}
    assert seen[network.engineer.user_id] == ["eng", "北京分公司", "1", "Certificate valid"]
    assert seen[network.partner_engineer.user_id] == ["eng", "北京信息科技有限公司", "0", "Certificate expiring"]
    assert seen[uncertified.user_id] == ["new", "北京分公司", "0", "No certificate"]
    assert "not authorised" in picker.cell_text(rows[network.partner_engineer.user_id], VETO)
    assert "no valid work certificate" in picker.cell_text(rows[uncertified.user_id], VETO)
    assert picker.cell_text(rows[network.engineer.user_id], VETO) == ""
    assert picker.model().item(rows[uncertified.user_id], CERTIFICATE).toolTip() == \
        f"No valid work certificate for {SERVERS}."

    picker.setCurrentIndex(rows[network.engineer.user_id])
    assert dialog.standing.text() == f"北京分公司 · open cases: 1 · Certificate {number}, valid until " \
                                     f"{(date.today() + timedelta(days=200)).isoformat()}."
    assert dialog.veto.text() == "" and picker.currentText() == "eng"
    picker.setCurrentIndex(rows[uncertified.user_id])
    assert "No valid work certificate" in dialog.standing.text() and "Veto:" in dialog.veto.text()
    dialog.reject()


def test_choosing_the_customer_fills_contact_and_phone_from_its_record(qtbot, network):
    ctx = network.ctx
    with ctx.transaction() as session:
        registry.add_contact(session, network.hotline, network.customer_id, name="王主任（信息科）", phone="13800000001")
    with ctx.transaction() as session:
        registry.add_contact(session, network.hotline, network.customer_id, name="李工", phone="13800000002")
        other = registry.create_customer(session, network.hotline, name="北京市第二医院", region="北京")
        registry.add_contact(session, network.hotline, other.id, name="赵老师", phone="010-66660000")
        other_id = other.id

    page = TicketListPage(ctx.signed_in(network.hotline))
    qtbot.addWidget(page)
    dialog = page.new_ticket()

    def choose_customer(text, customer_id):
        dialog.customer.setEditText(text)
        qtbot.keyClick(dialog.customer.lineEdit(), Qt.Key_Return)
        qtbot.waitUntil(lambda: dialog.customer.currentData() == customer_id, timeout=5000)

    choose_customer("北京市第一", network.customer_id)
    qtbot.waitUntil(lambda: dialog.contact_name.text() == "王主任（信息科）", timeout=5000)
    assert dialog.contact_phone.text() == "13800000001"
    assert dialog.contact_choice.isVisibleTo(dialog) and items(dialog.contact_choice) == [
        "王主任（信息科）  13800000001", "李工  13800000002"]
    dialog.contact_choice.setCurrentIndex(1)  # the caller is the other contact
    assert (dialog.contact_name.text(), dialog.contact_phone.text()) == ("李工", "13800000002")

    dialog.contact_phone.setText("13900000009")  # the number the caller gave: kept from here on
    choose_customer("北京市第二", other_id)
    qtbot.waitUntil(lambda: dialog.contact_name.text() == "赵老师", timeout=5000)
    assert dialog.contact_phone.text() == "13900000009" and not dialog.contact_choice.isVisibleTo(dialog)
    dialog.symptom.setPlainText("存储阵列告警")
    qtbot.waitUntil(lambda: dialog.similar_title.text().endswith("0 found"), timeout=10000)  # nothing left running
    with qtbot.waitSignal(dialog.created, timeout=5000) as created:
        dialog.ok_button.click()
    with ctx.reading() as session:
        ticket = service.load_ticket(session, network.hotline, created.args[0])
        assert (ticket.customer_id, ticket.contact_name, ticket.contact_phone) == (other_id, "赵老师", "13900000009")


def test_without_a_stock_plugin_the_parts_are_typed(qtbot):
    from plugins.tickets.views.part_lines import PartLines

    lines = PartLines(None)  # the door's answer when no plugin keeps stock
    qtbot.addWidget(lines)
    row = lines.add_line()
    lines.part_combo(row).setEditText("RAID-9361-8i")
    lines.quantity_spin(row).setValue(2)
    lines.serial_combo(row).setEditText("SK7654321")
    lines.add_line()  # left empty: not a part used
    assert lines.uses() == [service.PartUse("RAID-9361-8i", 2, "", "SK7654321", "")]


def test_a_line_added_later_is_as_readable_as_one_filled_in_and_its_part_is_found_by_typing(qtbot):
    from plugins.tickets.views.part_lines import PartLines

    lines = PartLines([PartChoice("BMC-MOD", "BMC 管理模块", True, "BJ-D01", 20, serials=("SN-2026-BJ-000123",)),
                       PartChoice("DIMM-32G-D4", "32GB DDR4-3200 RDIMM 内存条", False, "BJ-D01", 22)])
    qtbot.addWidget(lines)
    lines.resize(900, 220)
    lines.show()  # laid out with no line yet, as when nothing was reserved
    qtbot.waitExposed(lines)
    row = lines.add_line()
    part = lines.part_combo(row)
    qtbot.keyClicks(part.lineEdit(), "bmc")
    part.completer().popup().hide()
    part.lineEdit().editingFinished.emit()  # leaving the box takes the one part found
    assert part.currentData().part_number == "BMC-MOD" and part.currentText().startswith("BMC-MOD")
    qtbot.keyClicks(part.lineEdit(), "zz")  # text naming no part: the choice made is put back
    part.lineEdit().editingFinished.emit()
    assert part.currentData().part_number == "BMC-MOD" and part.currentText().startswith("BMC-MOD")
    lines.serial_combo(row).setCurrentIndex(0)
    lines.faulty_edit(row).setText("SN-2026-BJ-000999")
    qtbot.wait(10)
    serial = lines.fontMetrics().horizontalAdvance("SN-2026-BJ-000123")
    assert lines.faulty_edit(row).width() > serial and lines.serial_combo(row).width() > serial + 20
    assert lines.quantity_spin(row).width() >= lines.quantity_spin(row).sizeHint().width()
    assert lines.uses() == [service.PartUse("BMC-MOD", 1, "SN-2026-BJ-000999", "SN-2026-BJ-000123", "BJ-D01")]
