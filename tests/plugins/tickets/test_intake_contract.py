"""Contracts at intake: the machine looked up shows its package and whether its contract or
warranty is valid, ending or expired; on an expired one the engineer must choose how the case is
handled, with a reason; the ticket keeps the flag and the choice is on its timeline, in words;
the ticket window shows the contract line. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.clock import utcnow
from app.errors import ValidationError
from plugins.customers import service as registry
from plugins.tickets import service
from plugins.tickets.views.new_ticket_dialog import NewTicketDialog
from plugins.tickets.views.ticket_window import TicketWindow


def unit_today():
    """Today for the Beijing branch (its unit's zone, whatever the workstation's)."""
    return utcnow().astimezone(ZoneInfo("Asia/Shanghai")).date()


def machine(network, serial, contract_end, warranty_end=None):
    with network.ctx.transaction() as session:
        registry.create_asset(session, network.hotline, network.customer_id, serial_number=serial,
                              product_line="存储", model="DS600-G35", package_code="7X24-4H",
                              contract_end=contract_end, warranty_end=warranty_end)


def intake(qtbot, network, serial) -> NewTicketDialog:
    dialog = NewTicketDialog(network.ctx.signed_in(network.hotline))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.serial.setText(serial)
    dialog.look_up_serial()
    dialog.symptom.setPlainText("存储阵列控制器故障，业务中断")
    return dialog


def test_an_expired_contract_is_flagged_at_intake_and_the_handling_lands_on_the_timeline(qtbot, network):
    ended = unit_today() - timedelta(days=40)
    machine(network, "SN-EXP-0001", ended)
    dialog = intake(qtbot, network, "SN-EXP-0001")
    assert dialog.coverage.text() == f"7X24-4H 7×24 4小时到场 · Contract expired on {ended.isoformat()}"
    assert "b00020" in dialog.coverage.styleSheet()
    assert dialog.handling.isVisibleTo(dialog) and dialog.handling_reason.isVisibleTo(dialog)
    created = []
    dialog.created.connect(created.append)

    dialog.buttons.button(QDialogButtonBox.Ok).click()  # no choice yet: refused, the form stays
    assert dialog.isVisible() and dialog.is_marked("coverage_handling") and not created
    assert dialog.message.text().startswith("Handling: Contract expired on")
    dialog.handling.setCurrentIndex(dialog.handling.findData("goodwill"))
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert dialog.is_marked("coverage_reason") and not created
    dialog.handling_reason.setText("重点客户，续约洽谈中")
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert created and not dialog.isVisible()

    with network.ctx.reading() as session:
        ticket = service.load_ticket(session, network.hotline, created[0])
        assert (ticket.coverage_state, ticket.coverage_ends_on, ticket.coverage_handling) == (
            "expired", ended, "goodwill")
        lines = [service.render_event(e) for e in service.timeline(session, network.hotline, ticket.id)]
    assert [line.what for line in lines] == ["Opened", "Contract / warranty"]
    assert lines[1].details == (f"Contract expired on {ended.isoformat()}: handled as Goodwill (free of charge). "
                                "Reason: 重点客户，续约洽谈中")

    window = TicketWindow(network.ctx.signed_in(network.hotline), created[0])
    qtbot.addWidget(window)
    assert window.fields["coverage"].text() == (f"7X24-4H 7×24 4小时到场 · Contract expired on {ended.isoformat()} · "
                                                "expired at opening, handled as Goodwill (free of charge)")
    assert window.timeline.item(1, 4).text() == lines[1].details


def test_a_valid_or_ending_contract_asks_nothing(qtbot, network):
    machine(network, "SN-OK-0001", unit_today() - timedelta(days=400), warranty_end=unit_today() + timedelta(days=10))
    dialog = intake(qtbot, network, "SN-OK-0001")
    assert dialog.coverage.text().endswith("in 10 days") and "Warranty ends on" in dialog.coverage.text()
    assert not dialog.handling.isVisibleTo(dialog)
    created = []
    dialog.created.connect(created.append)
    dialog.buttons.button(QDialogButtonBox.Ok).click()
    assert created
    with network.ctx.reading() as session:
        ticket = service.load_ticket(session, network.hotline, created[0])
        assert (ticket.coverage_state, ticket.coverage_handling) == ("ending", "")
        assert [e.kind for e in service.timeline(session, network.hotline, ticket.id)] == ["created"]


def test_the_door_refuses_an_expired_machine_without_a_handling(network):
    machine(network, "SN-EXP-0002", unit_today() - timedelta(days=1))
    for handling, reason, field in (("", "", "coverage_handling"), ("free", "x", "coverage_handling"),
                                    ("renewal", " ", "coverage_reason")):
        with pytest.raises(ValidationError) as refused, network.ctx.transaction() as session:
            service.create_ticket(session, network.hotline, customer_id=network.customer_id, symptom="宕机",
                                  serial_number="SN-EXP-0002", coverage_handling=handling, coverage_reason=reason)
        assert refused.value.field == field
    ticket_id = network.open_ticket(serial="SN-EXP-0002", coverage_handling="renewal", coverage_reason="客户已申请续保")
    with network.ctx.reading() as session:
        assert service.load_ticket(session, network.hotline, ticket_id).coverage_handling == "renewal"
        assert service.coverage_line(session, network.hotline, ticket_id).expired
    no_machine = network.open_ticket(serial="")
    with network.ctx.reading() as session:
        assert service.load_ticket(session, network.hotline, no_machine).coverage_state == ""
        assert service.coverage_line(session, network.hotline, no_machine) == service.CoverageLine("—", False)
