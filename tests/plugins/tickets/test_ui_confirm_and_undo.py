"""Nothing irreversible by accident, through the ticket window: closing asks first, saying what it
does (Enter or Cancel leave the case open); the buttons keep their place whatever the case's texts
grow to; "Undo" takes back one's own last note and is refused once someone else wrote after it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.ui.plain_text import CONFIRM_CANCEL
from confirmations import GIVE_UP_AFTER, POLL_MS, answer_confirmation, answer_message, open_confirmation
from plugins.tickets import service
from plugins.tickets.views.ticket_window import TicketWindow

LONG_RESOLUTION = "更换电源模块并升级BMC固件，复位RAID配置后业务恢复，客户确认运行正常。" * 6


@pytest.fixture
def ctx(sqlite_ctx):  # the window runs on SQLite only; test_undo covers the rule on both databases
    return sqlite_ctx


def press_enter_on_confirmation(qtbot, seen: list) -> None:
    """The user presses Enter on the confirmation: whatever the default button is, is pressed."""
    polls = [0]

    def press() -> None:
        box = open_confirmation()
        if box is None:
            polls[0] += 1
            if polls[0] < GIVE_UP_AFTER:
                QTimer.singleShot(POLL_MS, press)
            return
        seen.append((box.text(), box.defaultButton().objectName()))
        qtbot.keyClick(box, Qt.Key_Return)

    QTimer.singleShot(0, press)


def places(window) -> dict:
    return {name: (button.mapTo(window, button.rect().topLeft()), button.size(), button.isVisible())
            for name, button in window.buttons.items()}


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.Ok).click()


def test_closing_asks_first_and_the_buttons_keep_their_place(qtbot, network):
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "diagnosing", network.hook())
    window = TicketWindow(network.ctx.signed_in(network.hotline), ticket_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    start = places(window)
    assert all(visible for _, _, visible in start.values())

    # resolving adds a long resolution above the timeline: no button moves, none is hidden
    dialog = window.resolve()
    dialog.text.setPlainText(LONG_RESOLUTION)
    ok(dialog)
    assert window.fields["state"].text() == "Resolved remotely" and LONG_RESOLUTION in window.texts.text()
    qtbot.wait(10)
    assert places(window) == start

    # "Close" asks, saying what happens; Enter presses Cancel, and Cancel leaves the case open
    pressed = []
    press_enter_on_confirmation(qtbot, pressed)
    window.buttons["close"].click()
    assert pressed[0][1] == CONFIRM_CANCEL
    assert window.number in pressed[0][0] and "reopening" in pressed[0][0]
    assert window.fields["state"].text() == "Resolved remotely"
    assert network.state_of(ticket_id) == "resolved_remotely"
    said = []
    answer_confirmation(yes=False, seen=said)
    window.buttons["close"].click()
    assert said[0][2] == "Close ticket" and network.state_of(ticket_id) == "resolved_remotely"

    # the commit button closes it; every button is still where it was, "Close" now disabled with the reason
    answer_confirmation(yes=True)
    window.buttons["close"].click()
    assert window.fields["state"].text() == "Closed" and network.state_of(ticket_id) == "closed"
    qtbot.wait(10)
    assert places(window) == start
    assert not window.buttons["close"].isEnabled() and "Closed" in window.buttons["close"].toolTip()
    assert window.buttons["note"].isEnabled()


def test_undo_takes_back_ones_own_last_note_until_someone_else_writes(qtbot, network):
    ticket_id = network.open_ticket()
    window = TicketWindow(network.ctx.signed_in(network.hotline), ticket_id)
    qtbot.addWidget(window)
    assert not window.buttons["undo"].isEnabled() and window.buttons["undo"].toolTip()

    dialog = window.note()
    dialog.text.setPlainText("客户联系电话写错，应为 138")
    ok(dialog)
    assert window.buttons["undo"].isEnabled()
    said = []
    answer_confirmation(yes=True, seen=said)
    window.buttons["undo"].click()
    assert "客户联系电话写错" in said[0][1] and said[0][2] == "Undo"
    whats = [window.timeline.item(row, 2).text() for row in range(window.timeline.rowCount())]
    details = [window.timeline.item(row, 4).text() for row in range(window.timeline.rowCount())]
    assert whats[-1] == "Withdrawn" and details[-2].endswith("(withdrawn)")  # the note stays, marked
    assert not window.buttons["undo"].isEnabled()

    # another note; a colleague writes on the case before "Undo" is clicked: refused, nothing changes
    dialog = window.note()
    dialog.text.setPlainText("已约客户明早到场")
    ok(dialog)
    assert window.buttons["undo"].isEnabled()
    network.run("add_note", ticket_id, "调度：明早派张工", actor=network.dispatcher)
    refusal = []
    answer_message(refusal)
    window.buttons["undo"].click()
    assert "nothing else has happened" in refusal[0][1]
    assert not window.buttons["undo"].isEnabled()  # redrawn with what the door says now
    with network.ctx.reading() as session:
        kinds = [event.kind for event in service.timeline(session, network.hotline, ticket_id)]
    assert kinds.count("withdrawn") == 1 and kinds.count("note") == 3


def test_a_final_step_is_checked_before_it_is_confirmed_and_a_signed_order_stays_final(qtbot, network):
    """An unanswered confirmation fails the test: each refusal below comes before any is asked."""
    ticket_id = network.open_ticket()
    network.drive_to(ticket_id, "awaiting_signoff", network.hook())
    window = TicketWindow(network.ctx.signed_in(network.engineer), ticket_id)
    qtbot.addWidget(window)
    assert window.buttons["repair"].isEnabled()
    window.buttons["repair"].click()
    form = window.dialog
    assert form.sign_only
    form.seal.setChecked(True)
    ok(form)  # nobody named: said on the field, nothing asked
    assert form.message.text() == "Signed by: Enter the name of the customer who signs."
    assert form.is_marked("signer") and form.isVisible()
    form.signer.setText("张三")
    said = []
    answer_confirmation(yes=True, seen=said)
    ok(form)
    assert "it is final" in said[0][1] and not form.isVisible()
    assert window.fields["state"].text() == "Signed off, ready to close"
    repair = window.buttons["repair"]  # no second signature over the customer's
    assert not repair.isEnabled() and "signed off by 张三" in repair.toolTip() and "final" in repair.toolTip()

    # cancelling is taken with its reason: an empty one is refused before "cancelled for good" is asked
    other = network.open_ticket()
    hotline = TicketWindow(network.ctx.signed_in(network.hotline), other)
    qtbot.addWidget(hotline)
    hotline.buttons["cancel"].click()
    ok(hotline.dialog)
    assert hotline.dialog.message.text() == "Reason: This cannot be left empty." and network.state_of(other) == "new"
