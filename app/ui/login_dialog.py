"""Sign-in (user name as ``name`` or ``name@ORG``, org code, password) and the lock screen."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialogButtonBox

from app.auth import service as auth
from app.errors import UserError
from app.ui.form_dialog import FormDialog

log = logging.getLogger(__name__)


class LoginDialog(FormDialog):
    """Cancel quits the app (at start and after a sign-out alike), so the button says so."""

    def __init__(self, ctx, default_org: str = "", parent=None, title: str | None = None):
        super().__init__(title or self.tr("Sign in — Service Center Suite"), parent, min_width=380,
                         ok_text=self.tr("Sign in"), cancel_text=self.tr("Quit"))
        self.ctx = ctx
        self.actor = None
        self.username = self.add_text("username", self.tr("User name"), door_names=("login",))
        self.org = self.add_text("org", self.tr("Org code"), default_org, door_names=("org_code",))
        self.password = self.add_password("password", self.tr("Password"))
        self.username.setFocus()

    def perform(self) -> None:
        self.actor = _checked(self.ctx, self.password, self.username.text(), self.org.text().strip() or None)
        log.info("%s signed in", self.actor.label)


class LockDialog(FormDialog):
    """The locked session: whose it is (a line of text, not a field), their password to go on,
    or Sign out for anyone else. Escape and the close button leave it locked."""

    SIGNED_OUT = 2  # the dialog's result when the user chose Sign out

    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Locked — Service Center Suite"), parent, min_width=380, ok_text=self.tr("Unlock"))
        self.ctx = ctx
        actor = ctx.actor
        self.owner = self.add_info("owner", self.tr("Session locked: {name} ({login})").format(
            name=actor.display_name or actor.username, login=actor.label))
        self.password = self.add_password("password", self.tr("Password"))
        self.buttons.button(QDialogButtonBox.Cancel).hide()
        self.sign_out_button = self.buttons.addButton(self.tr("Sign out"), QDialogButtonBox.DestructiveRole)
        self.sign_out_button.setObjectName("sign_out")
        self.sign_out_button.clicked.connect(lambda: self.done(self.SIGNED_OUT))
        self.password.setFocus()

    def perform(self) -> None:
        actor = self.ctx.actor
        _checked(self.ctx, self.password, actor.username, actor.org_code)
        log.info("%s unlocked the session", actor.label)

    def reject(self) -> None:
        """A lock only lifts with the password or by signing out."""


def _checked(ctx, password_field, login: str, org_code: str | None):
    try:
        with ctx.reading() as session:
            return auth.authenticate(session, login, password_field.text(), org_code)
    except UserError:
        password_field.clear()  # a refused password is never left in the field
        password_field.setFocus()
        raise
