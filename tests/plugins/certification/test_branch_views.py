"""At a branch the certification views ask the door what may be done there: what only HQ does is
greyed out with the reason before any form is filled in, and issuing without a certificate type
says why in words (never "None")."""

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from app.errors import ValidationError
from plugins.certification import service
from plugins.certification.views.certificates_page import CertificatesPage
from plugins.certification.views.keys_dialog import KeysDialog

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
HQ_ONLY = ("create_root", "authorise_center", "revoke_center", "new_type")


def test_the_keys_dialog_and_the_issue_button_say_what_only_hq_may_do(qtbot, ctx, admin, make_actor):
    keeper = make_actor(ctx, "keeper@BJ", roles=["admin"])
    trainer = make_actor(ctx, "trainer@BJ", roles=["trainer"])
    engineer = make_actor(ctx, "eng@BJ", roles=["field_engineer"])

    at_branch = KeysDialog(ctx.signed_in(keeper))
    qtbot.addWidget(at_branch)
    for name in HQ_ONLY:
        button = at_branch.findChild(QPushButton, name)
        assert not button.isEnabled() and "HQ" in button.toolTip(), name
    assert at_branch.findChild(QPushButton, "import_root").isEnabled()
    keys_note, types_note = (at_branch.findChild(QLabel, f"{tab}_note") for tab in ("keys", "types"))
    assert "Only HQ manages the signing keys." in keys_note.text().splitlines()
    assert types_note.text() == "Certificate types are HQ reference data." and not types_note.isHidden()

    at_hq = KeysDialog(ctx.signed_in(admin))
    qtbot.addWidget(at_hq)
    assert all(at_hq.findChild(QPushButton, name).isEnabled() for name in ("create_root", "new_type"))
    assert not at_hq.findChild(QPushButton, "export_root").isEnabled()  # no root key yet, and it says so
    assert at_hq.findChild(QLabel, "keys_note").text() == "There is no HQ root key yet."
    assert at_hq.findChild(QLabel, "types_note").isHidden()

    page = CertificatesPage(ctx.signed_in(trainer))
    qtbot.addWidget(page)
    issue = page.findChild(QPushButton, "issue")
    assert not issue.isEnabled() and "no certificate types here yet" in issue.toolTip()
    with ctx.transaction() as session, pytest.raises(ValidationError, match="no certificate types here yet"):
        service.issue_certificate(session, trainer, ctx.hook, engineer_id=engineer.user_id, type_code=None,
                                  passphrase="center-passphrase-1")
