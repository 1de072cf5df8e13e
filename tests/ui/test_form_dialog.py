"""The one form dialog: every field kind reads back what the user entered; a refusal keeps the
dialog open, names and highlights the field and keeps what was typed; Enter submits, Escape cancels."""

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QListWidget, QWidget

from app.errors import UserError, ValidationError
from app.ui.form_dialog import FormDialog, ask


@pytest.fixture
def submitted():
    return []


def every_kind(qtbot, submit) -> FormDialog:
    dialog = FormDialog("Form", submit=submit, intro="Fill in every field.")
    qtbot.addWidget(dialog)
    dialog.add_text("code", "Code", placeholder="e.g. BJ")
    dialog.add_password("password", "Password")
    dialog.add_multiline("notes", "Notes", "first line")
    dialog.add_combo("tier", "Tier", [("HQ", "hq"), ("Branch", "branch")], current="branch")
    dialog.add_spin("hours", "Hours", 8, minimum=1, maximum=1000, suffix=" h", door_names=("hours_total",))
    dialog.add_date("starts_on", "Starts on", date(2026, 7, 1))
    dialog.add_datetime("eta", "Expected", datetime(2026, 7, 1, 1, 30, tzinfo=timezone.utc),
                        zone=ZoneInfo("Asia/Shanghai"))
    dialog.add_check("online", "Online")
    dialog.add_info("asset", "<b>I620-G30</b>", label="Asset")
    dialog.add_widget("people", "People", QListWidget())
    return dialog


def test_each_field_kind_reads_back_what_the_user_entered(qtbot, submitted):
    dialog = every_kind(qtbot, submitted.append)
    dialog.show()
    qtbot.keyClicks(dialog.fields["code"], "gz")
    qtbot.keyClicks(dialog.fields["password"], "secret-1")
    dialog.fields["notes"].appendPlainText("second line")
    dialog.fields["tier"].setCurrentIndex(0)
    dialog.fields["hours"].setValue(32)
    dialog.fields["starts_on"].setDate(QDate(2026, 7, 3))
    assert dialog.fields["eta"].text() == "2026-07-01 09:30"  # the unit's wall time, not the workstation's
    dialog.fields["online"].click()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted
    assert submitted == [{"code": "gz", "password": "secret-1", "notes": "first line\nsecond line", "tier": "hq",
                          "hours": 32, "starts_on": date(2026, 7, 3),
                          "eta": datetime(2026, 7, 1, 1, 30, tzinfo=timezone.utc), "online": True,
                          "asset": "<b>I620-G30</b>"}]
    assert dialog.fields["password"].echoMode() == dialog.fields["password"].EchoMode.Password
    assert dialog.intro.text() == "Fill in every field." and not dialog.intro.isHidden()


def test_user_text_in_messages_and_info_lines_is_plain_text(qtbot):
    dialog = every_kind(qtbot, lambda values: None)
    for label in (dialog.message, dialog.intro, dialog.fields["asset"]):
        assert label.textFormat() == Qt.PlainText
    dialog.show_error('<span style="color:green">fine</span>')
    assert dialog.message.textFormat() == Qt.PlainText and dialog.message.text().startswith("<span")


def test_a_refusal_names_highlights_and_focuses_the_field_and_keeps_the_values(qtbot):
    calls = []

    def submit(values):
        calls.append(values)
        if values["hours"] > 100:
            raise ValidationError("Hours must be between 1 and 100.", field="hours_total")  # the door's name

    dialog = every_kind(qtbot, submit)
    dialog.show()
    qtbot.keyClicks(dialog.fields["code"], "SRV-301")
    dialog.fields["hours"].setValue(500)
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    assert dialog.message.text() == "Hours: Hours must be between 1 and 100."
    assert dialog.is_marked("hours") and not dialog.is_marked("code")
    assert dialog.form.labelForField(dialog.fields["hours"]).property("invalid")
    assert dialog.focusWidget() is dialog.fields["hours"]
    assert dialog.fields["code"].text() == "SRV-301" and dialog.fields["hours"].value() == 500

    dialog.fields["hours"].setValue(40)  # editing the field takes the mark away
    assert not dialog.is_marked("hours")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted and dialog.message.text() == "" and len(calls) == 2


def test_an_error_without_a_known_field_is_shown_as_it_is(qtbot):
    def refuse(values):
        raise UserError("You may not do this.")

    dialog = every_kind(qtbot, refuse)
    dialog.show()
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.message.text() == "You may not do this." and dialog.isVisible()
    assert not any(dialog.is_marked(name) for name in dialog.fields)
    dialog.show_error("Unknown field.", field="nowhere")
    assert dialog.message.text() == "Unknown field."


def test_a_check_box_is_named_by_its_text(qtbot):
    def refuse(values):
        raise ValidationError("Give a place, or mark the session as online.", field="online")

    dialog = every_kind(qtbot, refuse)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.message.text() == "Online: Give a place, or mark the session as online."
    assert dialog.is_marked("online")


def test_enter_submits_and_escape_cancels(qtbot, submitted):
    dialog = every_kind(qtbot, submitted.append)
    dialog.show()
    qtbot.keyClicks(dialog.fields["code"], "BJ")
    qtbot.keyClick(dialog.fields["code"], Qt.Key_Return)
    assert dialog.result() == QDialog.Accepted and submitted[0]["code"] == "BJ"

    other = every_kind(qtbot, submitted.append)
    other.show()
    qtbot.keyClicks(other.fields["code"], "SH")
    qtbot.keyClick(other.fields["code"], Qt.Key_Escape)
    assert other.result() == QDialog.Rejected and not other.isVisible() and len(submitted) == 1


def test_enter_can_belong_to_the_fields(qtbot, submitted):
    dialog = FormDialog("Search", submit=submitted.append, enter_submits=False)
    qtbot.addWidget(dialog)
    search = dialog.add_text("customer", "Customer")
    dialog.show()
    qtbot.keyClicks(search, "BJ")
    qtbot.keyClick(search, Qt.Key_Return)
    assert dialog.isVisible() and submitted == []
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert submitted == [{"customer": "BJ"}]


def test_a_subclass_performs_and_renames_its_buttons(qtbot):
    class Rename(FormDialog):
        def __init__(self):
            super().__init__("Rename", ok_text="Save", cancel_text="Keep")
            self.name = self.add_text("name", "Name")
            self.saved = None

        def perform(self):
            if not self.name.text().strip():
                raise ValidationError("The unit needs a name.", field="name")
            self.saved = self.name.text()

    dialog = Rename()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.buttons.button(QDialogButtonBox.Ok).text() == "Save"
    assert dialog.buttons.button(QDialogButtonBox.Cancel).text() == "Keep"
    dialog.ok_button.click()
    assert dialog.message.text() == "Name: The unit needs a name." and dialog.saved is None
    dialog.name.setText("北京分公司")
    dialog.ok_button.click()
    assert dialog.saved == "北京分公司" and dialog.result() == QDialog.Accepted


def test_special_content_sits_in_the_form_and_takes_the_focus_it_names(qtbot):
    dialog = FormDialog("Sign", submit=lambda values: (_ for _ in ()).throw(
        ValidationError("Draw the signature.", field="signature")))
    qtbot.addWidget(dialog)
    pad = QWidget()
    pad.setFocusPolicy(Qt.StrongFocus)
    box = QWidget()
    pad.setParent(box)
    dialog.add_widget("signature", None, box, focus=pad)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.message.text() == "Draw the signature." and dialog.is_marked("signature")
    assert dialog.focusWidget() is pad
    assert "signature" not in dialog.values()


def test_ask_hands_over_one_value_and_keeps_the_prompt_open_on_a_refusal(qtbot):
    from PySide6.QtCore import QTimer

    seen, handed = [], []

    def revoke(reason):
        if not reason.strip():
            raise ValidationError("Give a reason.", field="reason")
        handed.append(reason)

    def answer():
        prompt = QApplication.activeModalWidget()
        prompt.ok_button.click()
        seen.append((prompt.message.text(), prompt.isVisible()))
        prompt.fields["reason"].setPlainText("丢失")
        prompt.ok_button.click()

    QTimer.singleShot(0, answer)
    assert ask(None, "Revoke", "Reason", revoke, name="reason", kind="multiline")
    assert seen == [("Reason: Give a reason.", True)] and handed == ["丢失"]


def test_info_lines_show_no_html(qtbot):
    dialog = FormDialog("Info")
    qtbot.addWidget(dialog)
    info = dialog.add_info("notice", "<i>x</i>")
    assert isinstance(info, QLabel) and info.textFormat() == Qt.PlainText
    with pytest.raises(NotImplementedError):
        dialog.perform()


def test_a_final_step_is_confirmed_only_once_every_field_passes_its_checks(qtbot):
    """Parse and check first (a number typed out of range, a required field, the door's own check of
    the entries), confirm only then: nobody confirms a final step and is then told a field is wrong."""
    from confirmations import answer_confirmation

    saved = []

    def door_check(minutes):  # as the door's ``check_...`` functions refuse
        if minutes % 15:
            raise ValidationError("Labour time is recorded in quarter hours.", field="labour_minutes")

    class Order(FormDialog):
        def __init__(self):
            super().__init__("Repair order", submit=saved.append)
            self.signer = self.add_text("signer", "Signed by", required=True)
            self.labour = self.add_spin("labour", "Labour", 30, minimum=15, maximum=600, suffix=" min",
                                        door_names=("labour_minutes",))
            self.ask_first("The order is final.", "Save")

        def check_entries(self):
            super().check_entries()
            door_check(self.labour.value())

    dialog = Order()
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):  # Ctrl+S reaches the active window only
        dialog.activateWindow()
    dialog.ok_button.click()  # an unanswered confirmation would fail the test: none may come yet
    assert dialog.message.text() == "Signed by: This cannot be left empty." and dialog.is_marked("signer")
    dialog.signer.setText("王经理")
    dialog.labour.lineEdit().selectAll()
    qtbot.keyClicks(dialog.labour, "0")  # below the minimum, and Ctrl+S before leaving the box
    qtbot.keyClick(dialog.labour, Qt.Key_S, Qt.ControlModifier)
    assert dialog.message.text() == "Labour: Enter a number from 15 to 600." and dialog.is_marked("labour")
    dialog.labour.setValue(40)
    dialog.ok_button.click()
    assert dialog.message.text() == "Labour: Labour time is recorded in quarter hours." and saved == []
    dialog.labour.setValue(45)
    said = []
    answer_confirmation(yes=False, seen=said)
    dialog.ok_button.click()  # asked now; declining keeps the form
    assert said[0][1:] == ("The order is final.", "Save") and saved == [] and dialog.isVisible()
    answer_confirmation(yes=True)
    dialog.ok_button.click()
    assert saved == [{"signer": "王经理", "labour": 45}] and dialog.result() == QDialog.Accepted


def test_asking_first_refuses_an_empty_answer_before_the_confirmation(qtbot):
    from PySide6.QtCore import QTimer

    from confirmations import answer_confirmation

    handed, seen = [], []

    def answer():
        prompt = QApplication.activeModalWidget()
        prompt.ok_button.click()  # empty: refused on the field, nothing asked
        seen.append(prompt.message.text())
        prompt.fields["reason"].setPlainText("证书遗失")
        answer_confirmation(yes=True, seen=seen)
        prompt.ok_button.click()

    QTimer.singleShot(0, answer)
    assert ask(None, "Revoke", "Reason", handed.append, name="reason", kind="multiline",
               ask_first=("Revoked for good.", "Revoke"))
    assert seen == ["Reason: This cannot be left empty.", ("Revoke", "Revoked for good.", "Revoke")]
    assert handed == ["证书遗失"]
