"""Tools → Change my password: the current one, the new one twice."""

from __future__ import annotations

from app.auth.models import User
from app.auth.service import set_password
from app.errors import ValidationError
from app.ui.form_dialog import FormDialog


class ChangePasswordDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Change my password"), parent)
        self.ctx = ctx
        self.current = self.add_password("current", self.tr("Current password"), door_names=("old_password",))
        self.new = self.add_password("new", self.tr("New password"), door_names=("password",))
        self.repeat = self.add_password("repeat", self.tr("Repeat the new password"))

    def perform(self) -> None:
        if self.new.text() != self.repeat.text():
            raise ValidationError(self.tr("The two passwords differ."), field="repeat")
        with self.ctx.transaction() as session:
            set_password(session, self.ctx.actor, session.get(User, self.ctx.actor.user_id), self.new.text(),
                         self.current.text())
