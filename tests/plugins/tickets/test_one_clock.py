"""One clock: the ticket window's timeline and the printed repair order show a moment in the
ticket's unit's zone, whatever the workstation's; where the two differ, both name the zone."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from datetime import timedelta

import pytest

from plugins.tickets import service
from plugins.tickets.views.ticket_window import TicketWindow


@pytest.fixture
def ctx(sqlite_ctx):  # a GUI test: SQLite only; the clock's rule itself is tested on both databases
    return sqlite_ctx



def pdf_text(path: str) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        pytest.skip("no PDF text reader here: install poppler-utils (pdftotext)")
    document = QPdfDocument()
    document.load(path)
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def column(table, index) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def test_the_timeline_and_the_repair_order_pdf_show_the_same_local_time(qtbot, network, clock, utc_workstation,
                                                                        tmp_path):
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    network.run("dispatch", ticket_id, actor=network.dispatcher, engineer_id=network.engineer.user_id,
                eta=clock.now + timedelta(hours=2), hook=network.hook())
    clock.advance(hours=1, minutes=17)  # 03:17 UTC: 11:17 in Beijing
    network.run("arrive", ticket_id, actor=network.engineer)

    window = TicketWindow(network.ctx.signed_in(network.dispatcher), ticket_id)
    qtbot.addWidget(window)
    whens, whats = column(window.timeline, 0), column(window.timeline, 2)
    arrived = whens[whats.index(service.kind_label("arrived"))]
    assert arrived == "2026-11-02 11:17"
    assert window.zone_note.text() == "Times are shown in Asia/Shanghai."
    assert window.fields["opened"].text() == "2026-11-02 10:00"

    text = pdf_text(window.print_pdf(str(tmp_path / "repair-order.pdf")))
    assert re.search(r"Arrived\s*" + re.escape(arrived), text), text  # the label and its value, side by side
    assert "Times are shown in Asia/Shanghai." in text


def test_a_workstation_in_the_units_zone_is_not_told_the_zone(qtbot, network, clock, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        ticket_id = network.open_ticket()
        window = TicketWindow(network.ctx.signed_in(network.hotline), ticket_id)
        qtbot.addWidget(window)
        assert window.fields["opened"].text() == "2026-11-02 10:00"
        assert window.zone_note.text() == "" and window.zone_note.isHidden()
    finally:
        monkeypatch.undo()
        time.tzset()
