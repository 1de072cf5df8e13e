"""HQ's signing keys and certificate types: the root key (create, export, import), training
center keys (authorise, revoke) and the certificate types trainers issue."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from app.errors import UserError, ValidationError
from app.ui.form_dialog import FormDialog
from app.ui.plain_text import information, plain_label, tooltip_text, warn
from plugins.certification import service


def split(text: str) -> list[str]:
    return [p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()]


class KeysDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Signing keys and certificate types"))
        self.root_label = plain_label(wrap=True, selectable=True, name="root_key")
        self.centers = self._table([self.tr("Center"), self.tr("Valid from"), self.tr("Valid until"),
                                    self.tr("Revoked on"), self.tr("Reason"), self.tr("Product lines")])
        self.types = self._table([self.tr("Code"), self.tr("Name"), self.tr("Product lines"), self.tr("Level"),
                                  self.tr("Validity (months)"), self.tr("Required courses")])
        self.buttons: dict[str, QPushButton] = {}  # by the door's action id (service.key_actions)
        self.notes: dict[str, tuple[QLabel, list[str]]] = {}  # per tab: why its greyed-out actions cannot be taken
        tabs = QTabWidget()
        tabs.addTab(self._page("keys", self.root_label, self.centers, (
            ("create_root", self.tr("Create root key…"), self.create_root),
            ("export_root", self.tr("Export HQ public key…"), self.export_root),
            ("import_root", self.tr("Import HQ public key…"), self.import_root),
            ("authorise_center", self.tr("Authorise training center…"), self.authorise_center),
            ("revoke_center", self.tr("Revoke center key…"), self.revoke_center))), self.tr("Signing keys"))
        tabs.addTab(self._page("types", None, self.types, (
            ("new_type", self.tr("New certificate type…"), self.new_type),)), self.tr("Certificate types"))
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

    def _page(self, name: str, label, table, buttons) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if label is not None:
            layout.addWidget(label)
        row = QHBoxLayout()
        for action_id, text, slot in buttons:
            button = self.buttons[action_id] = QPushButton(text, objectName=action_id)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.notes[name] = (plain_label(wrap=True, name=f"{name}_note"), [action_id for action_id, *_ in buttons])
        layout.addWidget(self.notes[name][0])
        layout.addWidget(table)
        return page

    def reload(self) -> None:
        with self.ctx.reading() as session:
            roots = service.root_key_summary(session)
            centers = service.center_key_rows(session, self.ctx.actor)
            types = [(k.code, k.name, "、".join(k.product_lines), service.level_label(k.level), str(k.validity_months),
                      "、".join(k.required_courses)) for k in service.list_types(session)]
            self._offer(service.key_actions(session, self.ctx.actor))
        held = self.tr("private key held here, encrypted")
        self.root_label.setText(self.tr("HQ root public key: {keys}").format(
            keys="; ".join(f"{key} ({held})" if private else key for key, private in roots) or self.tr("none")))
        self._fill(self.centers, [(key_id, code, str(start), str(end), str(revoked or ""), reason, "、".join(lines))
                                  for key_id, code, start, end, lines, revoked, reason in centers])
        self._fill(self.types, [(None, *row) for row in types])

    def _offer(self, actions: dict) -> None:
        """Grey out what the door says cannot be done here, and say why under the buttons."""
        for action_id, button in self.buttons.items():
            button.setEnabled(actions[action_id].enabled)
            button.setToolTip(tooltip_text(actions[action_id].reason))
        for note, action_ids in self.notes.values():
            reasons = dict.fromkeys(actions[i].reason for i in action_ids if not actions[i].enabled)
            note.setText("\n".join(reasons))
            note.setVisible(bool(reasons))

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
            warn(self, title, str(exc))
            return False
        self.reload()
        return True

    def _form(self, title: str, operation) -> FormDialog:
        """A form whose OK runs ``operation(session, values)`` in one transaction; a refusal stays on it."""
        def submit(values: dict) -> None:
            with self.ctx.transaction() as session:
                operation(session, values)

        form = FormDialog(title, self, submit=submit)
        form.accepted.connect(self.reload)
        return form

    # ------------------------------------------------------------ root key

    def create_root(self) -> None:
        def create(session, values) -> None:
            if values["passphrase"] != values["again"]:
                raise ValidationError(self.tr("The two passphrases differ."), field="again")
            service.create_root_key(session, self.ctx.actor, values["passphrase"])

        form = self._form(self.tr("Create root key"), create)
        form.add_password("passphrase", self.tr("Passphrase"))
        form.add_password("again", self.tr("Passphrase again"))
        form.exec()

    def export_root(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export HQ public key"), "hq-root-public.pem",
                                              "PEM (*.pem)")
        if not path:
            return
        try:
            with self.ctx.reading() as session:
                text = service.export_root_public(session)
        except UserError as exc:
            warn(self, self.tr("Export HQ public key"), str(exc))
            return
        with open(path, "w", encoding="ascii") as handle:
            handle.write(text)

    def import_root(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import HQ public key"), "", "PEM (*.pem);;* (*)")
        if path:
            with open(path, encoding="ascii", errors="replace") as handle:
                text = handle.read()
            self._run(self.tr("Import HQ public key"),
                      lambda session: service.import_root_public(session, self.ctx.actor, text))

    # ------------------------------------------------------------ center keys

    def authorise_center(self) -> None:
        def authorise(session, values) -> None:
            service.authorise_center(session, self.ctx.actor, center_code=values["center"].strip().upper(),
                                  product_lines=split(values["lines"]), valid_from=values["start"],
                                  valid_until=values["until"], root_passphrase=values["root"],
                                  center_passphrase=values["center_passphrase"])

        today = QDate.currentDate()
        form = self._form(self.tr("Authorise training center"), authorise)
        form.add_text("center", self.tr("Center code"))
        form.add_text("lines", self.tr("Product lines"), placeholder=self.tr("Separate with commas"),
                      door_names=("product_lines",))
        form.add_date("start", self.tr("Valid from"), today.toPython(), door_names=("valid_from",))
        form.add_date("until", self.tr("Valid until"), today.addYears(3).toPython(), door_names=("valid_until",))
        form.add_password("root", self.tr("Root key passphrase"), door_names=("root_key",))
        form.add_password("center_passphrase", self.tr("Passphrase for the new center key"),
                          door_names=("center_key",))
        form.exec()

    def revoke_center(self) -> None:
        title = self.tr("Revoke center key")
        row = self.centers.currentRow()
        if row < 0:
            information(self, title, self.tr("Select a center key first."))
            return
        key_id = self.centers.item(row, 0).data(Qt.UserRole)
        form = self._form(title, lambda session, values: service.revoke_center_key(session, self.ctx.actor, key_id,
                                                                                values["reason"]))
        form.add_text("reason", self.tr("Reason"), required=True)  # refused empty before "for good" is asked
        form.ask_first(self.tr("The key of training center {center} is revoked from today, for good: what it "
                               "signs from then on is rejected.").format(center=self.centers.item(row, 0).text()),
                       self.tr("Revoke key"))
        form.exec()

    # ------------------------------------------------------------ certificate types

    def new_type(self) -> None:
        def create(session, values) -> None:
            service.create_type(session, self.ctx.actor, code=values["code"], name=values["name"],
                                product_lines=split(values["lines"]), level=values["level"],
                                validity_months=values["months"], required_courses=split(values["courses"]))

        form = self._form(self.tr("New certificate type"), create)
        form.add_text("code", self.tr("Code"))
        form.add_text("name", self.tr("Name"))
        form.add_text("lines", self.tr("Product lines"), placeholder=self.tr("Separate with commas"),
                      door_names=("product_lines",))
        form.add_combo("level", self.tr("Level"), [(service.level_label(level), level) for level in service.LEVELS])
        form.add_spin("months", self.tr("Validity (months)"), 24, minimum=1, maximum=120,
                      door_names=("validity_months",))
        form.add_text("courses", self.tr("Required courses"), placeholder=self.tr("Separate with commas"),
                      door_names=("required_courses",))
        form.exec()
