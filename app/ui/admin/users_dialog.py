"""Users and roles: add users, set roles, reset passwords, (de)activate, edit role grants."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)
from sqlalchemy import select

from app.auth import service as auth
from app.auth.models import Role, User
from app.auth.roles import role_label
from app.errors import UserError
from app.orgs.models import OrgUnit
from app.orgs.service import visible_units
from app.runtime import all_permission_specs
from app.ui.form_dialog import FormDialog, ask
from app.ui.plain_text import confirm, information, warn


class UsersDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Users and roles"))
        tabs = QTabWidget()
        tabs.addTab(self._users_tab(), self.tr("Users"))
        tabs.addTab(self._roles_tab(), self.tr("Roles"))
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(close)
        self.resize(900, 560)
        self.reload()

    # ------------------------------------------------------------ users

    def _users_tab(self) -> QWidget:
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("users")
        self.table.setHorizontalHeaderLabels([self.tr("Login"), self.tr("Name"), self.tr("Org unit"),
                                              self.tr("Roles"), self.tr("Active")])
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add user…"), self.add_user), (self.tr("Edit roles…"), self.edit_roles),
                           (self.tr("Reset password…"), self.reset_password),
                           (self.tr("Activate / deactivate"), self.toggle_active)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        return widget

    def reload(self) -> None:
        with self.ctx.reading() as session:
            users = auth.list_users(session, self.ctx.actor)
            codes = {o.id: o.code for o in session.scalars(select(OrgUnit))}
            rows = [(u.id, f"{u.username}@{codes[u.org_id]}", u.display_name, codes[u.org_id],
                     "、".join(role_label(c) for c in sorted(u.role_codes)), u.active) for u in users]
        self.table.setRowCount(len(rows))
        for r, (user_id, login, name, org, roles, active) in enumerate(rows):
            values = (login, name, org, roles, self.tr("yes") if active else self.tr("no"))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, user_id)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def selected_user_id(self):
        row = self.table.currentRow()
        return None if row < 0 else self.table.item(row, 0).data(Qt.UserRole)

    def _chosen_user_id(self):
        """The selected user's id, or None after telling the administrator to select one."""
        user_id = self.selected_user_id()
        if user_id is None:
            information(self, self.windowTitle(), self.tr("Select a user first."))
        return user_id

    def _change(self, fn) -> bool:
        """Run ``fn(session, user)`` in one transaction; errors are shown, nothing half-saved."""
        user_id = self._chosen_user_id()
        if user_id is None:
            return False
        try:
            with self.ctx.transaction() as session:
                fn(session, session.get(User, user_id))
        except UserError as exc:
            warn(self, self.windowTitle(), str(exc))
            return False
        self.reload()
        return True

    def add_user(self) -> None:
        dialog = AddUserDialog(self.ctx, self)
        if dialog.exec() == QDialog.Accepted:
            self.reload()

    def edit_roles(self) -> None:
        user_id = self._chosen_user_id()
        if user_id is not None and RolePicker(self.ctx, user_id, self).exec() == QDialog.Accepted:
            self.reload()

    def reset_password(self) -> None:
        user_id = self._chosen_user_id()
        if user_id is None:
            return

        def save(password: str) -> None:
            with self.ctx.transaction() as session:
                auth.set_password(session, self.ctx.actor, session.get(User, user_id), password)
        ask(self, self.tr("Reset password"), self.tr("New password"), save, name="password", kind="password")

    def toggle_active(self) -> None:
        row = self.table.currentRow()
        deactivating = row >= 0 and self.table.item(row, 4).text() == self.tr("yes")
        if deactivating and not confirm(self, self.tr("Deactivate user"), self.tr(
                "{login} can no longer sign in, from now on; what the user recorded keeps the name. An administrator "
                "can activate the account again.").format(login=self.table.item(row, 0).text()),
                self.tr("Deactivate")):
            return
        self._change(lambda s, u: auth.update_user(s, self.ctx.actor, u, active=not u.active))

    # ------------------------------------------------------------ roles

    def _roles_tab(self) -> QWidget:
        self.role_list = QListWidget()
        self.permission_list = QListWidget()
        self.permission_list.setObjectName("permissions")
        save = QPushButton(self.tr("Save grants"))
        save.clicked.connect(self.save_grants)
        with self.ctx.reading() as session:
            for role in session.scalars(select(Role).order_by(Role.code)):
                item = QListWidgetItem(role_label(role.code))
                item.setData(Qt.UserRole, role.code)
                self.role_list.addItem(item)
        self.specs = all_permission_specs(self.ctx.plugins)
        self.role_list.currentRowChanged.connect(self.show_grants)
        widget = QWidget()
        layout = QHBoxLayout(widget)
        layout.addWidget(self.role_list, 1)
        right = QVBoxLayout()
        right.addWidget(self.permission_list)
        right.addWidget(save)
        layout.addLayout(right, 3)
        return widget

    def show_grants(self, row: int) -> None:
        self.permission_list.clear()
        if row < 0:
            return
        code = self.role_list.item(row).data(Qt.UserRole)
        with self.ctx.reading() as session:
            granted = session.get(Role, code).permission_codes
        for spec in sorted(self.specs, key=lambda s: s.code):
            item = QListWidgetItem(f"{spec.label}  ({spec.code})")
            item.setData(Qt.UserRole, spec.code)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if spec.code in granted else Qt.Unchecked)
            self.permission_list.addItem(item)

    def save_grants(self) -> None:
        row = self.role_list.currentRow()
        if row < 0:
            return
        code = self.role_list.item(row).data(Qt.UserRole)
        wanted = [self.permission_list.item(i).data(Qt.UserRole) for i in range(self.permission_list.count())
                  if self.permission_list.item(i).checkState() == Qt.Checked]
        try:
            with self.ctx.transaction() as session:
                auth.set_role_permissions(session, self.ctx.actor, code, wanted)
        except UserError as exc:
            warn(self, self.windowTitle(), str(exc))


class RolePicker(FormDialog):
    """Tick the roles of one user; saved through the door, whose refusal stays on the form."""

    def __init__(self, ctx, user_id, parent=None):
        super().__init__(self.tr("Roles"), parent, min_width=320)
        self.ctx, self.user_id = ctx, user_id
        self.roles = QListWidget()
        with ctx.reading() as session:
            current = session.get(User, user_id).role_codes
            for role in session.scalars(select(Role).order_by(Role.code)):
                item = QListWidgetItem(role_label(role.code))
                item.setData(Qt.UserRole, role.code)
                item.setCheckState(Qt.Checked if role.code in current else Qt.Unchecked)
                self.roles.addItem(item)
        self.add_widget("roles", None, self.roles)

    def selected(self) -> list[str]:
        items = (self.roles.item(i) for i in range(self.roles.count()))
        return [item.data(Qt.UserRole) for item in items if item.checkState() == Qt.Checked]

    def check(self, code: str, checked: bool = True) -> None:
        for i in range(self.roles.count()):
            if self.roles.item(i).data(Qt.UserRole) == code:
                self.roles.item(i).setCheckState(Qt.Checked if checked else Qt.Unchecked)

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            auth.update_user(session, self.ctx.actor, session.get(User, self.user_id), roles=self.selected())


class AddUserDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Add user"), parent)
        self.ctx = ctx
        with ctx.reading() as session:
            units = [(f"{unit.code}  {unit.name}", unit.code) for unit in visible_units(session, ctx.actor)]
            roles = [(role_label(role.code), role.code) for role in session.scalars(select(Role).order_by(Role.code))]
        self.org = self.add_combo("org", self.tr("Org unit"), units, door_names=("org_code",))
        self.username = self.add_text("username", self.tr("User name"))
        self.display_name = self.add_text("display_name", self.tr("Name"))
        self.password = self.add_password("password", self.tr("Password"))
        self.role = self.add_combo("role", self.tr("Role"), roles, door_names=("roles",))

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            auth.create_user(session, self.ctx.actor, org_code=self.org.currentData(), username=self.username.text(),
                             password=self.password.text(), display_name=self.display_name.text(),
                             roles=[self.role.currentData()])
