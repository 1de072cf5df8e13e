"""Sign-in: user name (``name`` or ``name@ORG``), org code, password."""

from __future__ import annotations

from app.auth import service as auth
from app.errors import UserError
from app.ui.form_dialog import FormDialog


class LoginDialog(FormDialog):
    def __init__(self, ctx, default_org: str = "", parent=None, title: str | None = None):
        super().__init__(title or self.tr("Sign in — Service Center Suite"), parent, min_width=380,
                         ok_text=self.tr("Sign in"), cancel_text=self.tr("Cancel"))
        self.ctx = ctx
        self.actor = None
        self.username = self.add_text("username", self.tr("User name"), door_names=("login",))
        self.org = self.add_text("org", self.tr("Org code"), default_org, door_names=("org_code",))
        self.password = self.add_password("password", self.tr("Password"))
        self.username.setFocus()

    def perform(self) -> None:
        try:
            with self.ctx.reading() as session:
                self.actor = auth.authenticate(session, self.username.text(), self.password.text(),
                                               self.org.text().strip() or None)
        except UserError:
            self.password.clear()  # a refused password is never left in the field
            self.password.setFocus()
            raise
