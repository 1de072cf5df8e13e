"""The sign-in dialog while the database is busy or broken: it signs in, or says one plain line."""

import sqlite3

from long_writer import long_write_transaction
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy.exc import OperationalError
from testdata import ADMIN_PASSWORD

from app.auth import service as auth
from app.ui.login_dialog import LoginDialog


def sign_in(qtbot, dialog, user, password):
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, user)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)


def test_signing_in_while_another_program_imports(qtbot, sqlite_ctx):
    dialog = LoginDialog(sqlite_ctx, "HQ")
    qtbot.addWidget(dialog)
    dialog.show()
    with long_write_transaction(sqlite_ctx.engine):
        sign_in(qtbot, dialog, "admin", "wrong-password")
        assert "4 attempts left" in dialog.message.text()
        sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
    assert dialog.result() == LoginDialog.Accepted and dialog.actor.label == "admin@HQ"


def test_a_database_error_shows_one_plain_line_never_an_empty_one(qtbot, sqlite_ctx, monkeypatch):
    def locked(*_args, **_kwargs):
        error = sqlite3.OperationalError("database is locked")
        error.sqlite_errorcode = 5
        raise OperationalError("SELECT core_users.password_hash …", {}, error)

    monkeypatch.setattr(auth, "find_user", locked)
    dialog = LoginDialog(sqlite_ctx, "HQ")
    qtbot.addWidget(dialog)
    dialog.show()
    sign_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
    shown = dialog.message.text()
    assert shown.startswith("The database is busy with another task")
    assert "\n" not in shown and "SELECT" not in shown
    assert dialog.isVisible() and dialog.actor is None and dialog.password.text() == ""
