"""Certification's forms on the one form dialog: a refusal stays on the form, named and marked,
with what was typed; what is accepted is saved through the door."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.plain_text import CONFIRMATION
from confirmations import answer_confirmation
from plugins.certification import service

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def no_message_boxes(monkeypatch):
    """Message boxes are collected instead of shown; a confirmation still asks (tests answer it)."""
    shown = []
    asking = QMessageBox.exec
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asking(box) if box.objectName() == CONFIRMATION
                        else shown.append(box.text()))
    return shown


def answer(*steps):
    """Run each step on the modal form that is open at that moment (the page waits in exec())."""
    seen = []

    def run():
        form = QApplication.activeModalWidget()
        try:
            for step in steps:
                seen.append(step(form))
        finally:
            if form.isVisible():  # never leave the test waiting on a form that is still open
                seen.append(("left open", form.message.text()))
                form.reject()
    QTimer.singleShot(0, run)
    return seen


def test_two_different_root_passphrases_are_marked_and_the_form_stays_open(qtbot, ctx, admin, no_message_boxes):
    from plugins.certification.views.keys_dialog import KeysDialog

    dialog = KeysDialog(ctx.signed_in(admin))
    qtbot.addWidget(dialog)

    def typo(form):
        form.fields["passphrase"].setText("root-passphrase-1")
        form.fields["again"].setText("root-passphrase-2")
        form.ok_button.click()
        return form.message.text(), form.is_marked("again"), form.isVisible()

    def fix(form):
        form.fields["again"].setText("root-passphrase-1")
        form.ok_button.click()

    seen = answer(typo, fix)
    dialog.create_root()
    assert len(seen) == 2, seen
    assert seen[0] == ("Passphrase again: The two passphrases differ.", True, True)
    assert "private key held here" in dialog.root_label.text() and no_message_boxes == []


def test_a_new_certificate_type_is_refused_on_its_form_then_listed(qtbot, ctx, admin, no_message_boxes):
    from plugins.certification.views.keys_dialog import KeysDialog

    dialog = KeysDialog(ctx.signed_in(admin))
    qtbot.addWidget(dialog)

    def nameless(form):
        form.fields["code"].setText("STO-A")
        form.ok_button.click()
        return form.message.text(), form.is_marked("code")

    def complete(form):
        form.fields["name"].setText("存储高级证书")
        form.fields["lines"].setText("存储")
        form.fields["level"].setCurrentIndex(form.fields["level"].findData("advanced"))
        form.fields["months"].setValue(36)
        form.fields["courses"].setText("STO-201，STO-202")
        form.ok_button.click()

    seen = answer(nameless, complete)
    dialog.new_type()
    assert len(seen) == 2, seen
    assert seen[0][0].startswith("Code: ") and seen[0][1]
    with ctx.reading() as session:
        kind = next(k for k in service.list_types(session) if k.code == "STO-A")
        assert (kind.name, kind.level, kind.validity_months, kind.product_lines) == ("存储高级证书", "advanced", 36, ["存储"])
        assert kind.required_courses == ["STO-201", "STO-202"]
    assert dialog.types.item(0, 0).text() == "STO-A" and no_message_boxes == []


def test_granting_to_a_unit_that_is_no_partner_marks_the_partner_field(qtbot, ctx, chain, people, no_message_boxes):
    from plugins.certification.views.authorisations_page import GrantDialog

    dialog = GrantDialog(ctx.signed_in(people["trainer"]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.partner.setText("SH")
    dialog.lines.setText("天阔服务器")
    dialog.types.setText("上门维修")
    dialog.ok_button.click()
    assert dialog.message.text().startswith("Partner code: ") and dialog.is_marked("partner")
    assert dialog.isVisible() and dialog.lines.text() == "天阔服务器"
    dialog.partner.setText("bj-p01")
    dialog.ok_button.click()
    assert dialog.result() == GrantDialog.Accepted
    with ctx.reading() as session:
        assert len(service.list_authorisations(session, people["trainer"])) == 1


def test_revoking_a_certificate_asks_for_the_reason_on_a_form(qtbot, ctx, chain, people, transcript,
                                                               no_message_boxes):
    from plugins.certification.views.certificates_page import CertificatesPage

    engineer_id = people["engineer"].user_id
    transcript.grant(engineer_id, "SRV-101", "SRV-102")
    with ctx.transaction() as session:
        service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=engineer_id, type_code="SRV-B",
                                  passphrase="center-passphrase-1")
    page = CertificatesPage(ctx.signed_in(people["manager"]))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)

    def blank(form):
        form.ok_button.click()  # refused before "revoked for good" is asked (an unanswered one fails the test)
        return form.isVisible(), form.message.text()

    def reason(form):
        form.fields["reason"].setPlainText("证书持有人离职")
        confirmed = []
        answer_confirmation(yes=True, seen=confirmed)
        form.ok_button.click()
        return confirmed

    seen = answer(blank, reason)
    page.change("revoke")
    assert len(seen) == 2, seen
    assert "revoked for good" in seen[1][0][1] and seen[1][0][2] == "Revoke certificate"
    assert seen[0][0] and seen[0][1]  # no reason: refused on the form, which stays open
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.data(page.model.index(0, 4)) == "Revoked",
                    timeout=5000)
    assert no_message_boxes == []
