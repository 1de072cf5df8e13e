"""Through the real windows: intake with a similar case, dispatch, repair order with a drawn
signature, close — asserting what the user sees (states, timeline, list rows)."""

from __future__ import annotations

import subprocess

import openpyxl
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from confirmations import answer_confirmation
from plugins.tickets import service
from plugins.tickets.similar.index import index_ticket
from plugins.tickets.views.list_page import TicketListPage
from plugins.tickets.views.queue_page import MyQueuePage, ResponseCenterPage
from plugins.tickets.views.ticket_window import TicketWindow

PAST = "客户反映I620-G30服务器RAID卡无法识别，硬盘指示灯闪红。"
PAST_FIX = "更换RAID卡后导入外部配置，阵列恢复正常。"
NOW = "硬盘指示灯闪红，RAID卡无法识别，业务中断"


@pytest.fixture
def ctx(sqlite_ctx):  # the GUI flow runs on SQLite only; the service tests cover PostgreSQL
    return sqlite_ctx


def drag(widget, points) -> None:
    """A mouse drag on ``widget`` through ``points`` (press, moves with the button held, release)."""
    def send(kind, point, buttons):
        button = Qt.LeftButton if kind != QEvent.MouseMove else Qt.NoButton
        event = QMouseEvent(kind, QPointF(*point), widget.mapToGlobal(QPointF(*point)), button, buttons,
                            Qt.NoModifier)
        QApplication.sendEvent(widget, event)
    send(QEvent.MouseButtonPress, points[0], Qt.LeftButton)
    for point in points[1:]:
        send(QEvent.MouseMove, point, Qt.LeftButton)
    send(QEvent.MouseButtonRelease, points[-1], Qt.NoButton)


def texts(table, column) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.Ok).click()


def test_create_dispatch_sign_and_close_through_the_windows(qtbot, network, tmp_path):
    ctx = network.ctx
    past = network.open_ticket()
    network.run("start_diagnosis", past)
    with ctx.transaction() as session:
        service.resolve_remotely(session, network.hotline, past, PAST_FIX)
        session.flush()
        service.load_ticket(session, network.hotline, past).symptom = PAST
        index_ticket(session, past)

    # the hotline engineer opens a ticket; the similar case shows beside the symptom
    page = TicketListPage(ctx.signed_in(network.hotline))
    qtbot.addWidget(page)
    dialog = page.new_ticket()
    dialog.customer.setEditText("北京市第一")
    qtbot.keyClick(dialog.customer.lineEdit(), Qt.Key_Return)  # searches; does not submit the dialog
    qtbot.waitUntil(lambda: dialog.customer.currentData() == network.customer_id, timeout=5000)
    assert dialog.isVisible() and dialog.message.text() == ""
    dialog.serial.setText(network.serial)
    dialog.look_up_serial()
    assert "I620-G30" in dialog.asset.text()
    dialog.symptom.setPlainText(NOW)
    qtbot.waitUntil(lambda: dialog.similar.rowCount() > 0, timeout=10000)
    assert dialog.similar.item(0, 2).text() == PAST_FIX
    dialog.similar.cellWidget(0, 3).click()
    assert PAST_FIX in dialog.diagnosis.toPlainText()
    with qtbot.waitSignal(page.ticket_opened, timeout=5000) as opened:
        ok(dialog)
    hotline_window = opened.args[0]
    qtbot.addWidget(hotline_window)
    number = hotline_window.number
    assert hotline_window.fields["state"].text() == "New"
    assert "Diagnosis" in texts(hotline_window.timeline, 2)
    qtbot.waitUntil(lambda: number in [page.model.rows[r][1] for r in range(page.model.rowCount())], timeout=5000)

    # the dispatcher diagnoses and picks the branch engineer: certification vetoes (no certificate)
    dispatcher = TicketWindow(ctx.signed_in(network.dispatcher), hotline_window.ticket_id)
    qtbot.addWidget(dispatcher)
    assert not dispatcher.buttons["dispatch"].isEnabled()
    dispatcher.buttons["diagnose"].click()
    assert dispatcher.fields["state"].text() == "Diagnosing"
    assert dispatcher.buttons["dispatch"].isEnabled()
    dispatch = dispatcher.dispatch()
    dispatch.engineer.setCurrentIndex(dispatch.engineer.findText("eng"))
    assert "certificate" in dispatch.veto.text() and not dispatch.override.isEnabled()
    ok(dispatch)
    assert "refused" in dispatch.message.text() and dispatcher.fields["state"].text() == "Diagnosing"
    dispatch.reject()

    # the branch manager overrides the veto with a reason on record
    manager = TicketWindow(ctx.signed_in(network.manager), hotline_window.ticket_id)
    qtbot.addWidget(manager)
    dispatch = manager.dispatch()
    dispatch.engineer.setCurrentIndex(dispatch.engineer.findText("eng"))
    assert dispatch.override.isEnabled()
    dispatch.override.setText("证书续期中，客户业务中断需立即到场")
    ok(dispatch)
    assert dispatch.message.text() == ""
    assert manager.fields["state"].text() == "Dispatched"
    assert manager.fields["engineer"].text() == "eng"
    assert "Veto overridden" in texts(manager.timeline, 2)

    # the engineer sees it in "My queue", arrives, fills the repair order and the customer signs
    queue = MyQueuePage(ctx.signed_in(network.engineer))
    qtbot.addWidget(queue)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=5000)
    assert queue.model.rows[0][1] == number
    engineer = queue.open_ticket(queue.model.key_at(0))
    qtbot.addWidget(engineer)
    assert not engineer.buttons["close"].isEnabled()
    answer_confirmation()
    engineer.buttons["arrive"].click()
    assert engineer.fields["state"].text() == "On site"
    repair = engineer.repair_order()
    repair.fault_found.setPlainText("RAID卡损坏")
    repair.actions.setPlainText("更换RAID卡，导入外部配置")
    repair.labour.setValue(90)
    line = repair.parts.add_line()  # no depot here, so no part to choose: only the faulty serial typed
    repair.parts.faulty_edit(line).setText("SK1234567")
    ok(repair)  # refused before the confirmation (an unanswered one would fail the test)
    assert "part number" in repair.message.text() and engineer.fields["state"].text() == "On site"
    repair.parts.cellWidget(line, 4).click()  # the line's remove button
    assert repair.parts.rowCount() == 0
    repair.signer.setText("王经理")
    ok(repair)
    assert "signature" in repair.message.text()  # nothing drawn and no seal: refused, nothing saved
    assert engineer.fields["state"].text() == "On site"
    drag(repair.pad, [(40, 100), (80, 60), (120, 110), (160, 50), (220, 100), (300, 70)])
    assert not repair.pad.is_empty()
    said = []
    answer_confirmation(seen=said)
    ok(repair)
    assert "the customer signs it off" in said[0][1] and said[0][2] == "Save repair order"
    assert repair.message.text() == ""
    assert engineer.fields["state"].text() == "Signed off, ready to close"  # no longer "awaiting" it
    timeline = texts(engineer.timeline, 2)
    assert "Repair done" in timeline and "Customer sign-off" in timeline
    assert any("王经理" in t for t in texts(engineer.timeline, 4))

    # back at the hotline: close; the list shows the closed ticket
    hotline_window.refresh()
    assert hotline_window.buttons["close"].isEnabled()
    answer_confirmation()
    hotline_window.buttons["close"].click()
    assert hotline_window.fields["state"].text() == "Closed"
    assert texts(hotline_window.timeline, 2)[-1] == "Closed"
    assert texts(hotline_window.timeline, 3)[-1] == "Awaiting sign-off → Closed"
    with ctx.reading() as session:
        order = service.ticket_details(session, network.hotline, hotline_window.ticket_id)["repair_order"]
        assert order.signature_png.startswith(b"\x89PNG") and order.signer_name == "王经理"
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.is_loading, timeout=5000)
    row = next(r for r in page.model.rows if r[1] == number)
    assert row[2] == "Closed"

    # the printed repair order carries the ticket number and the customer
    assert hotline_window.buttons["pdf"].isEnabled()
    pdf = tmp_path / "order.pdf"
    hotline_window.print_pdf(str(pdf))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert number in text and "北京市第一人民医院" in text


def test_response_center_colours_breached_cases_and_list_filters_and_exports(qtbot, network, tmp_path):
    ctx = network.ctx
    first, second = network.open_ticket(), network.open_ticket(priority=1)
    with ctx.transaction() as session:
        ticket = service.load_ticket(session, network.hotline, first)
        ticket.breached = True
    center = ResponseCenterPage(ctx.signed_in(network.hotline))
    qtbot.addWidget(center)
    qtbot.waitUntil(lambda: center.model.rowCount() == 2, timeout=5000)
    index = center.model.index([r[0] for r in center.model.rows].index(first), 0)
    assert center.model.data(index, Qt.BackgroundRole).color().name() == "#f8d7da"
    page = TicketListPage(ctx.signed_in(network.hotline))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    page.priority.setCurrentIndex(page.priority.findData(1))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.is_loading, timeout=5000)
    assert page.model.key_at(0) == second
    page.priority.setCurrentIndex(0)
    page.breach.setCurrentIndex(page.breach.findData(True))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.key_at(0) == first, timeout=5000)
    qtbot.waitUntil(lambda: page.count.text() == "Tickets: 1", timeout=5000)

    # the current view (breached only) goes to Excel, read back
    path = tmp_path / "view.xlsx"
    worker = page.export_to(str(path))
    qtbot.waitUntil(lambda: path.exists() and "Exported" in page.count.text(), timeout=10000)
    del worker
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Number", "State", "Priority")
    assert len(rows) == 2 and rows[1][0] == page.model.rows[0][1] and rows[1][10] == "Yes"


def test_quality_complaint_shows_its_emergency_plan_and_steps_are_ticked_off(qtbot, network):
    ticket_id = network.open_ticket(category="quality_complaint")
    window = TicketWindow(network.ctx.signed_in(network.hotline), ticket_id)
    qtbot.addWidget(window)
    assert window.steps.isVisibleTo(window) and window.steps.rowCount() >= 2
    assert window.buttons["step_done"].isEnabled()
    dialog = window.step_done()
    dialog.text.setPlainText("已电话安抚客户")
    ok(dialog)
    assert dialog.message.text() == ""
    assert window.steps.item(0, 3).text().endswith("已电话安抚客户")
    assert window.steps.item(1, 3).text() == ""
    assert "Emergency plan step" in texts(window.timeline, 2)
