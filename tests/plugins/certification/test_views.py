"""The certification pages driven through real widgets, and the printed certificate read back."""

import subprocess
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from app.auth.models import User
from plugins.certification import service
from plugins.certification.views.certificate_pdf import write_certificate_pdf
from plugins.certification.views.certificates_page import CertificatesPage
from plugins.certification.views.verify_dialog import VerifyDialog

PASSPHRASE = "center-passphrase-1"  # as in conftest.py
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def no_message_boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    return shown


def test_trainer_issues_a_certificate_through_the_page(qtbot, ctx, chain, people, transcript, no_message_boxes):
    engineer_id = people["partner_engineer"].user_id
    transcript.grant(engineer_id, "SRV-101", "SRV-102")
    page = CertificatesPage(ctx.signed_in(people["trainer"]))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0

    dialog_engineer, listed = [], []

    def fill_in_and_confirm():
        dialog = page.issue_dialog
        listed.extend(dialog.engineer.itemText(i) for i in range(dialog.engineer.count()))
        dialog.engineer.setCurrentIndex(dialog.engineer.findData(str(engineer_id)))
        dialog_engineer.append(dialog.engineer.currentText())
        dialog.kind.setCurrentIndex(dialog.kind.findData("SRV-B"))
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    QTimer.singleShot(0, fill_in_and_confirm)
    qtbot.mouseClick(page.findChild(QPushButton, "issue"), Qt.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    index = page.model.index(0, 0)
    assert page.model.data(index).startswith("CERT-BJ-") and no_message_boxes == []
    assert page.model.data(page.model.index(0, 1)) == "eng"
    assert page.model.data(page.model.index(0, 4)) == "Valid"
    assert page.done_note.text() == f"Certificate {page.model.data(index)} issued to {dialog_engineer[0]}."
    assert listed == ["eng · BJ", "eng · BJ-P01"]  # two engineers called "eng", told apart by their unit
    assert not page.findChild(QPushButton, "suspend").isEnabled()  # trainers do not suspend


def test_a_refused_issue_shows_the_missing_course(qtbot, ctx, chain, people, transcript, no_message_boxes):
    transcript.grant(people["engineer"].user_id, "SRV-101")
    page = CertificatesPage(ctx.signed_in(people["trainer"]))
    qtbot.addWidget(page)
    seen = []

    def confirm():
        dialog = page.issue_dialog
        dialog.engineer.setCurrentIndex(dialog.engineer.findData(str(people["engineer"].user_id)))
        dialog.passphrase.setText(PASSPHRASE)
        dialog.ok_button.click()
        seen.append((dialog.message.text(), dialog.isVisible(), dialog.passphrase.text()))
        dialog.reject()

    QTimer.singleShot(0, confirm)
    page.issue()
    message, still_open, kept = seen[0]
    # the missing course by title and code; the refusal stays on the form
    assert "has not passed the required course 服务器硬件安装与上架 (SRV-102)" in message
    assert still_open and kept == PASSPHRASE
    assert page.model.rowCount() == 0 and no_message_boxes == []


def test_the_pdf_shows_holder_and_number_and_the_verify_dialog_reads_its_qr(qtbot, ctx, chain, people, transcript,
                                                                           tmp_path):
    engineer_id = people["partner_engineer"].user_id
    with ctx.transaction() as session:
        session.get(User, engineer_id).display_name = "王建国"
    transcript.grant(engineer_id, "SRV-101", "SRV-102")
    with ctx.transaction() as session:
        cert = service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=engineer_id,
                                         type_code="SRV-B", passphrase=PASSPHRASE)
        cert_id, number = cert.id, cert.number
    with ctx.reading() as session:
        details = service.printable(session, people["manager"], cert_id)
    pdf = tmp_path / "certificate.pdf"
    write_certificate_pdf(str(pdf), details)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "王建国" in text and number in text and "北京信息科技有限公司" in text
    dialog = VerifyDialog(ctx.signed_in(people["manager"]))
    qtbot.addWidget(dialog)
    dialog.input.setPlainText(details["qr_text"])
    qtbot.mouseClick(dialog.findChild(QPushButton, "verify"), Qt.LeftButton)
    assert "Genuine" in dialog.verdict.text()
    assert (dialog.fields["holder"].text(), dialog.fields["status"].text()) == ("王建国", "Valid")
    assert dialog.fields["expires"].text() == details["expires_on"]
    dialog.input.setPlainText(details["qr_text"].replace(".", ".x", 1))
    qtbot.mouseClick(dialog.findChild(QPushButton, "verify"), Qt.LeftButton)
    assert "Genuine" not in dialog.verdict.text() and dialog.fields["holder"].text() == ""


def test_partner_page_lists_authorisations_with_their_status(qtbot, ctx, chain, people):
    from plugins.certification.views.authorisations_page import AuthorisationsPage

    with ctx.transaction() as session:
        service.grant(session, people["trainer"], partner_code="BJ-P01", product_lines=["天阔服务器"],
                             service_types=["上门维修"], valid_from=date(2026, 1, 1), valid_until=date(2030, 1, 1),
                             min_engineers=1)
    page = AuthorisationsPage(ctx.signed_in(people["manager"]))
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 2).text().startswith("Lapsed") and page.table.item(0, 3).text() == "0 / 1"


def test_hq_creates_the_root_key_in_the_keys_dialog(qtbot, ctx, admin, no_message_boxes):
    from PySide6.QtWidgets import QApplication, QLineEdit

    from plugins.certification.views.keys_dialog import KeysDialog

    dialog = KeysDialog(ctx.signed_in(admin))
    qtbot.addWidget(dialog)
    assert dialog.root_label.text().endswith("none")

    def type_passphrases():
        form = QApplication.activeModalWidget()
        form.findChild(QLineEdit, "passphrase").setText("root-passphrase-1")
        form.findChild(QLineEdit, "again").setText("root-passphrase-1")
        form.ok_button.click()

    QTimer.singleShot(0, type_passphrases)
    dialog.create_root()
    assert "private key held here" in dialog.root_label.text() and no_message_boxes == []


def test_the_verify_dialog_shows_user_values_as_text_and_what_it_could_not_confirm(qtbot, ctx, chain, people,
                                                                                   transcript):
    from datetime import timedelta

    from plugins.certification import keys
    from plugins.certification.common import today

    hostile = '<span style="color:green;font-size:28pt">VALID</span><img src="file:///etc/passwd">'
    engineer_id = people["partner_engineer"].user_id
    with ctx.transaction() as session:
        session.get(User, engineer_id).display_name = hostile
    transcript.grant(engineer_id, "SRV-101", "SRV-102")
    with ctx.transaction() as session:
        cert = service.issue_certificate(session, people["trainer"], ctx.hook, engineer_id=engineer_id,
                                         type_code="SRV-B", passphrase=PASSPHRASE)
        number, key_id = cert.number, cert.center_key_id
        # BJ's key, revoked from tomorrow: today's certificate stands, with the caveat.
        service.revoke_center_key(session, chain, key_id, "<b>私钥泄露</b>", revoked_on=today() + timedelta(days=1))
    dialog = VerifyDialog(ctx.signed_in(people["manager"]))
    qtbot.addWidget(dialog)
    dialog.input.setPlainText(number)
    qtbot.mouseClick(dialog.findChild(QPushButton, "verify"), Qt.LeftButton)
    holder = dialog.fields["holder"]
    assert holder.textFormat() == Qt.PlainText and holder.text() == hostile
    for label in (*dialog.fields.values(), dialog.verdict, dialog.confirmed, dialog.unconfirmed):
        assert label.textFormat() == Qt.PlainText, label.objectName()
    assert "revoked on" in dialog.verdict.text() and "(<b>私钥泄露</b>)" in dialog.verdict.text()
    assert dialog.result.ok and dialog.fields["status"].text() == "Valid"
    assert dialog.confirmed.text().startswith("Confirmed by this check:\n• Both signatures hold")
    assert not dialog.unconfirmed.isHidden() and "Not confirmed by this offline check:" in dialog.unconfirmed.text()
    dialog.input.setPlainText("SCC1." + "[" * 5000)
    qtbot.mouseClick(dialog.findChild(QPushButton, "verify"), Qt.LeftButton)
    assert dialog.verdict.text() == "This is not a certificate QR text or number."
    assert holder.text() == "" and dialog.confirmed.isHidden() and dialog.unconfirmed.isHidden()
