"""Users and roles: add users, set roles, reset passwords, (de)activate, edit role grants."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)
from sqlalchemy import select

from app.auth import service as auth
from app.auth.models import Role, User
from app.auth.roles import role_label
from app.errors import UserError
from app.orgs.models import OrgUnit
from app.orgs.service import visible_units
from app.runtime import all_permission_specs


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

    def _change(self, fn) -> bool:
        """Run ``fn(session, user)`` in one transaction; errors are shown, nothing half-saved."""
        user_id = self.selected_user_id()
        if user_id is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("Select a user first."))
            return False
        try:
            with self.ctx.transaction() as session:
                fn(session, session.get(User, user_id))
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return False
        self.reload()
        return True

    def add_user(self) -> None:
        dialog = AddUserDialog(self.ctx, self)
        if dialog.exec() == QDialog.Accepted:
            self.reload()

    def edit_roles(self) -> None:
        user_id = self.selected_user_id()
        if user_id is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("Select a user first."))
            return
        with self.ctx.reading() as session:
            current = session.get(User, user_id).role_codes
        picker = RolePicker(self.ctx, current, self)
        if picker.exec() == QDialog.Accepted:
            self._change(lambda s, u: auth.update_user(s, self.ctx.actor, u, roles=picker.selected()))

    def reset_password(self) -> None:
        password, ok = QInputDialog.getText(self, self.tr("Reset password"), self.tr("New password"), QLineEdit.Password)
        if ok:
            self._change(lambda s, u: auth.set_password(s, self.ctx.actor, u, password))

    def toggle_active(self) -> None:
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
            QMessageBox.warning(self, self.windowTitle(), str(exc))


class RolePicker(QDialog):
    def __init__(self, ctx, current: set[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roles"))
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        with ctx.reading() as session:
            for role in session.scalars(select(Role).order_by(Role.code)):
                box = QCheckBox(role_label(role.code))
                box.setChecked(role.code in current)
                self.boxes[role.code] = box
                layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def selected(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]


class AddUserDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Add user"))
        self.org = QComboBox()
        with ctx.reading() as session:
            for unit in visible_units(session, ctx.actor):
                self.org.addItem(f"{unit.code}  {unit.name}", unit.code)
            roles = list(session.scalars(select(Role).order_by(Role.code)))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        self.role = QComboBox()
        for role in roles:
            self.role.addItem(role_label(role.code), role.code)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Org unit"), self.org)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Role"), self.role)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            with self.ctx.transaction() as session:
                auth.create_user(session, self.ctx.actor, org_code=self.org.currentData(),
                                 username=self.username.text(), password=self.password.text(),
                                 display_name=self.display_name.text(), roles=[self.role.currentData()])
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
