"""The ticket window's forms on the one form dialog: the door's refusal names and marks the field,
the form stays open with what was typed, and times are typed on the unit's clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDateTime

from plugins.tickets.views.ticket_window import TicketWindow


@pytest.fixture
def ctx(sqlite_ctx):  # the GUI runs on SQLite only; the service tests cover PostgreSQL
    return sqlite_ctx


def test_a_remote_session_without_the_customers_authorisation_is_refused_on_the_form(qtbot, network):
    ticket_id = network.open_ticket()
    network.run("start_diagnosis", ticket_id)
    window = TicketWindow(network.ctx.signed_in(network.hotline), ticket_id)
    qtbot.addWidget(window)
    dialog = window.remote_session()
    dialog.scope.setText("只读取BMC日志")
    dialog.ok_button.click()
    assert dialog.message.text().startswith("Authorised by: ") and dialog.is_marked("authorised_by")
    assert dialog.isVisible() and dialog.scope.text() == "只读取BMC日志"
    dialog.authorised_by.setText("李工")
    dialog.authorised_at.setDateTime(dialog.authorised_at.dateTime().addSecs(60))  # the call came a minute later
    dialog.findings.setPlainText("BMC日志显示电源模块告警")
    dialog.ok_button.click()
    assert dialog.message.text() == "" and not dialog.isVisible()
    details = [window.timeline.item(row, 4).text() for row in range(window.timeline.rowCount())]
    assert any("李工" in text for text in details), details


def test_a_reason_refused_by_the_door_is_marked_on_the_text_form(qtbot, network):
    ticket_id = network.open_ticket()
    window = TicketWindow(network.ctx.signed_in(network.hotline), ticket_id)
    qtbot.addWidget(window)
    dialog = window.escalate(expert=False)
    dialog.ok_button.click()
    assert dialog.is_marked("text") and dialog.message.text().endswith("Give a reason to escalate.")
    assert dialog.isVisible()


def test_the_dispatch_time_is_typed_on_the_units_clock(qtbot, network, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    try:
        ticket_id = network.open_ticket()
        network.run("start_diagnosis", ticket_id)
        window = TicketWindow(network.ctx.signed_in(network.dispatcher), ticket_id)
        qtbot.addWidget(window)
        dialog = window.dispatch()
        assert dialog.form.labelForField(dialog.eta).text() == "Expected on site (Asia/Shanghai)"
        shanghai_nine = datetime(2030, 3, 1, 9, 0)  # typed as the branch reads its clock
        dialog.eta.setDateTime(QDateTime(shanghai_nine.date(), shanghai_nine.time()))
        assert dialog.value("eta") == datetime(2030, 3, 1, 1, 0, tzinfo=timezone.utc)
        dialog.eta.setDateTime(QDateTime(datetime(2020, 1, 1).date(), datetime(2020, 1, 1).time()))
        dialog.ok_button.click()
        assert dialog.is_marked("eta") and dialog.message.text().startswith("Expected on site (Asia/Shanghai): ")
        assert dialog.isVisible()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
