"""The 技术巡检 page through the real windows: a manager generates the quarter's inspections, an
engineer records the results and a fault (a ticket opens), the customer signs on the pad, the
report is printed to a PDF file and through the print dialog; a signed inspection opens read-only."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from confirmations import answer_confirmation
from inspection_support import LINE, current_quarter, customer_with_machines, make_team, publish
from plugins.visits import service
from plugins.visits.views.inspections_page import InspectionsPage
from print_dialog import patch_print_dialog, pdf_text

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def drag(widget, points) -> None:
    """A mouse drag on ``widget`` through ``points`` (press, moves with the button held, release)."""
    def send(kind, point, buttons):
        button = Qt.LeftButton if kind != QEvent.MouseMove else Qt.NoButton
        QApplication.sendEvent(widget, QMouseEvent(kind, QPointF(*point), widget.mapToGlobal(QPointF(*point)), button,
                                                   buttons, Qt.NoModifier))
    send(QEvent.MouseButtonPress, points[0], Qt.LeftButton)
    for point in points[1:]:
        send(QEvent.MouseMove, point, Qt.LeftButton)
    send(QEvent.MouseButtonRelease, points[-1], Qt.NoButton)


def answer_next_box() -> dict:
    """Close the next message box as the user would, keeping what it said."""
    said = {}

    def close():
        box = QApplication.activeModalWidget()
        said["text"] = box.text()
        box.close()

    QTimer.singleShot(0, close)
    return said


def opened_page(qtbot, ctx, actor) -> InspectionsPage:
    page = InspectionsPage(ctx.signed_in(actor))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.lines is not None, timeout=10_000)
    return page


def column(table, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_an_engineer_records_the_customer_signs_and_the_report_is_printed(qtbot, ctx, make_actor, tmp_path,
                                                                        monkeypatch):
    team = make_team(ctx, make_actor)
    publish(ctx, team.analyst)
    customer = customer_with_machines(ctx, team.clerk, "<b>北京协和医院</b>", [("SN-UI1", LINE, None)])
    with ctx.transaction() as session:
        service.create_inspection_schedule(session, team.manager, customer, interval="quarterly",
                                           starts_on=current_quarter(ctx).start, engineer_id=team.engineer.user_id)

    page = opened_page(qtbot, ctx, team.manager)
    assert not page.sign_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.generate_button.click()
    assert column(page.table, 0) == ["<b>北京协和医院</b>"] and column(page.table, 1) == ["eng1"]
    assert "1 inspections planned" in page.outcome.text()

    page = opened_page(qtbot, ctx, team.engineer)
    assert not page.generate_button.isEnabled()
    page.table.selectRow(0)
    dialog = page.open_inspection()
    assert dialog.results.rowCount() == 3 and dialog.ok_button.isVisible()
    dialog.set_result(0, "ok")
    dialog.set_result(2, None, "29", "进风口有遮挡")  # judged by the range 18–27 °C
    dialog.complete.setChecked(True)
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.is_marked("results") and "1 checklist items have no result" in \
        dialog.message.text()
    dialog.set_result(1, "attention", "", "RAID 巡读发现坏道")
    form = dialog.report_fault()
    form.fields["text"].setPlainText("3 号硬盘 SMART 预警")
    form.ok_button.click()
    assert not form.isVisible()
    ticket = column(dialog.findings_table, 3)[0]
    assert ticket.startswith("BJ-") and column(dialog.findings_table, 1) == ["SN-UI1"]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        dialog.ok_button.click()
    assert not dialog.isVisible() and column(page.table, 4) == ["done"]

    page.table.selectRow(0)
    said = answer_next_box()
    assert page.print_report(str(tmp_path / "early.pdf")) is None  # not signed: refused with a message
    assert "not signed yet" in said["text"] and not (tmp_path / "early.pdf").exists()
    sign = page.sign()
    sign.signer.setText("王建国")
    drag(sign.pad, [(40, 100), (80, 60), (120, 110), (160, 50), (220, 100), (300, 70)])
    confirmed = []
    answer_confirmation(seen=confirmed)  # signing seals the report: asked first
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        sign.ok_button.click()
    assert "can no longer be changed" in confirmed[0][1] and confirmed[0][2] == "Sign"
    assert sign.message.text() == "" and column(page.table, 4) == ["signed"]

    page.table.selectRow(0)
    path = page.print_report(str(tmp_path / "report.pdf"))
    assert path and (tmp_path / "report.pdf").stat().st_size > 1000
    if shutil.which("pdftotext"):
        text = "".join(subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True,
                                      check=True).stdout.split())
        for expected in ("<b>北京协和医院</b>", "SN-UI1", "进风口有遮挡", "3号硬盘SMART预警", ticket, "王建国"):
            assert expected in text, expected
        dialogs = patch_print_dialog(monkeypatch)  # the same report through the system's print dialog
        dialogs.output = str(tmp_path / "printed.pdf")
        page.paper_button.click()
        assert "".join(pdf_text(tmp_path / "printed.pdf").split()) == text

    read_only = page.open_inspection()
    assert not read_only.ok_button.isVisible() and not read_only.fault_button.isEnabled()
    assert read_only.results.cellWidget(2, 3).currentData() == "attention"  # 29 °C is outside 18–27 °C
    assert read_only.results.item(2, 4).text() == "29"
    read_only.reject()


def test_hq_edits_a_checklist_and_a_branch_sees_why_it_cannot(qtbot, ctx, make_actor):
    team = make_team(ctx, make_actor)
    publish(ctx, team.analyst)
    page = opened_page(qtbot, ctx, team.analyst)
    assert column(page.checklists.checklists, 0) == [LINE] and page.checklists.items.rowCount() == 3
    editor = page.checklists.edit()
    editor.add_item("风扇运行状态")
    editor.add_item("CPU 温度", "measure", "°C", "30", "abc")
    editor.ok_button.click()
    assert editor.isVisible() and "is not a number" in editor.message.text()
    editor.table.item(4, 4).setText("85")
    with qtbot.waitSignal(page.checklists.loaded, timeout=10_000):
        editor.ok_button.click()
    assert column(page.checklists.checklists, 1) == ["2"] and page.checklists.items.rowCount() == 5

    branch = opened_page(qtbot, ctx, make_actor(ctx, "analyst@BJ", roles=["hq_analyst"]))
    assert not branch.checklists.edit_button.isEnabled()
    assert "maintained at HQ" in branch.checklists.edit_button.toolTip()
