"""HQ's signing keys and certificate types: the root key (create, export, import), training
center keys (authorise, revoke) and the certificate types trainers issue."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from app.errors import UserError
from plugins.certification import keys, service


def split(text: str) -> list[str]:
    return [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]


class FormDialog(QDialog):
    """A small form: ``fields`` is a list of (name, label, widget)."""

    def __init__(self, title: str, fields, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.widgets = {name: widget for name, _, widget in fields}
        form = QFormLayout(self)
        for name, label, widget in fields:
            widget.setObjectName(name)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.Password)
    return field


class KeysDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Signing keys and certificate types"))
        self.root_label = QLabel(objectName="root_key")
        self.root_label.setWordWrap(True)
        self.root_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.centers = self._table([self.tr("Center"), self.tr("Valid from"), self.tr("Valid until"),
                                    self.tr("Revoked on"), self.tr("Reason"), self.tr("Product lines")])
        self.types = self._table([self.tr("Code"), self.tr("Name"), self.tr("Product lines"), self.tr("Level"),
                                  self.tr("Validity (months)"), self.tr("Required courses")])
        tabs = QTabWidget()
        tabs.addTab(self._page(self.root_label, self.centers, (
            (self.tr("Create root key…"), self.create_root), (self.tr("Export HQ public key…"), self.export_root),
            (self.tr("Import HQ public key…"), self.import_root),
            (self.tr("Authorise training center…"), self.authorise_center),
            (self.tr("Revoke center key…"), self.revoke_center))), self.tr("Signing keys"))
        tabs.addTab(self._page(None, self.types, ((self.tr("New certificate type…"), self.new_type),)),
                    self.tr("Certificate types"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(900, 480)
        self.reload()

    def _table(self, headers) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        return table

    def _page(self, label, table, buttons) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if label is not None:
            layout.addWidget(label)
        row = QHBoxLayout()
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(table)
        return page

    def reload(self) -> None:
        with self.ctx.reading() as session:
            roots = keys.root_key_summary(session)
            centers = keys.center_key_rows(session, self.ctx.actor)
            types = [(k.code, k.name, "、".join(k.product_lines), service.level_label(k.level), str(k.validity_months),
                      "、".join(k.required_courses)) for k in service.list_types(session)]
        held = self.tr("private key held here, encrypted")
        self.root_label.setText(self.tr("HQ root public key: {keys}").format(
            keys="; ".join(f"{key} ({held})" if private else key for key, private in roots) or self.tr("none")))
        self._fill(self.centers, [(key_id, code, str(start), str(end), str(revoked or ""), reason, "、".join(lines))
                                  for key_id, code, start, end, lines, revoked, reason in centers])
        self._fill(self.types, [(None, *row) for row in types])

    def _fill(self, table: QTableWidget, rows) -> None:
        table.setRowCount(len(rows))
        for r, (key, *values) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, key)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _run(self, title: str, action) -> bool:
        try:
            with self.ctx.transaction() as session:
                action(session)
        except UserError as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        self.reload()
        return True

    # ------------------------------------------------------------ root key

    def create_root(self) -> None:
        title = self.tr("Create root key")
        first, second = password_field(), password_field()
        form = FormDialog(title, [("passphrase", self.tr("Passphrase"), first),
                                  ("again", self.tr("Passphrase again"), second)], self)
        if form.exec() != QDialog.Accepted:
            return
        if first.text() != second.text():
            QMessageBox.warning(self, title, self.tr("The two passphrases differ."))
            return
        self._run(title, lambda session: keys.create_root_key(session, self.ctx.actor, first.text()))

    def export_root(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export HQ public key"), "hq-root-public.pem",
                                              "PEM (*.pem)")
        if not path:
            return
        try:
            with self.ctx.reading() as session:
                text = keys.export_root_public(session)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Export HQ public key"), str(exc))
            return
        with open(path, "w", encoding="ascii") as handle:
            handle.write(text)

    def import_root(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import HQ public key"), "", "PEM (*.pem);;* (*)")
        if path:
            with open(path, encoding="ascii", errors="replace") as handle:
                text = handle.read()
            self._run(self.tr("Import HQ public key"),
                      lambda session: keys.import_root_public(session, self.ctx.actor, text))

    # ------------------------------------------------------------ center keys

    def authorise_center(self) -> None:
        title = self.tr("Authorise training center")
        today = QDate.currentDate()
        center, lines = QLineEdit(), QLineEdit()
        lines.setPlaceholderText(self.tr("Separate with commas"))
        start, until = QDateEdit(today, calendarPopup=True), QDateEdit(today.addYears(3), calendarPopup=True)
        root, center_pass = password_field(), password_field()
        form = FormDialog(title, [("center", self.tr("Center code"), center), ("lines", self.tr("Product lines"), lines),
                                  ("start", self.tr("Valid from"), start), ("until", self.tr("Valid until"), until),
                                  ("root", self.tr("Root key passphrase"), root),
                                  ("center_passphrase", self.tr("Passphrase for the new center key"), center_pass)],
                          self)
        if form.exec() == QDialog.Accepted:
            self._run(title, lambda session: keys.authorise_center(
                session, self.ctx.actor, center_code=center.text().strip().upper(), product_lines=split(lines.text()),
                valid_from=start.date().toPython(), valid_until=until.date().toPython(),
                root_passphrase=root.text(), center_passphrase=center_pass.text()))

    def revoke_center(self) -> None:
        title = self.tr("Revoke center key")
        row = self.centers.currentRow()
        if row < 0:
            QMessageBox.information(self, title, self.tr("Select a center key first."))
            return
        reason, ok = QInputDialog.getText(self, title, self.tr("Reason"))
        if ok:
            key_id = self.centers.item(row, 0).data(Qt.UserRole)
            self._run(title, lambda session: keys.revoke_center_key(session, self.ctx.actor, key_id, reason))

    # ------------------------------------------------------------ certificate types

    def new_type(self) -> None:
        title = self.tr("New certificate type")
        code, name, lines, level, courses = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit("basic"), QLineEdit()
        months = QSpinBox(minimum=1, maximum=120, value=24)
        for field in (lines, courses):
            field.setPlaceholderText(self.tr("Separate with commas"))
        form = FormDialog(title, [("code", self.tr("Code"), code), ("name", self.tr("Name"), name),
                                  ("lines", self.tr("Product lines"), lines), ("level", self.tr("Level"), level),
                                  ("months", self.tr("Validity (months)"), months),
                                  ("courses", self.tr("Required courses"), courses)], self)
        if form.exec() == QDialog.Accepted:
            self._run(title, lambda session: service.create_type(
                session, self.ctx.actor, code=code.text(), name=name.text(), product_lines=split(lines.text()),
                level=level.text().strip(), validity_months=months.value(), required_courses=split(courses.text())))
