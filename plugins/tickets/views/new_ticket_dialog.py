"""Intake of a problem ticket: ``plugins.tickets.views.new_ticket_dialog.NewTicketDialog(ctx)``.

While the symptom is typed, the ten most similar resolved cases show beside it (debounced, searched
off the GUI thread); "Use" copies a known resolution into the diagnosis as a suggestion, which is
saved with the ticket and lands on its timeline. Emits ``created(ticket_id)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.errors import UserError
from plugins.tickets import list_support, service, similar
from plugins.tickets.models import CATEGORIES, CHANNELS, PRIORITIES
from plugins.tickets.views.common import Background

SEARCH_DELAY_MS = 400
MIN_QUERY_CHARS = 4


class NewTicketDialog(QDialog):
    created = Signal(object)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New problem ticket"))
        self.resize(1200, 640)
        self.product_line: str | None = None
        self.searches = Background(self)
        self.lookups = Background(self)
        self.cases: list[similar.SimilarCase] = []
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self._form())
        splitter.addWidget(self._similar_panel())
        splitter.setSizes([520, 680])
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Open ticket"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.debounce.timeout.connect(self.search_similar)

    def keyPressEvent(self, event) -> None:
        # Enter searches in the customer field; it must never submit the whole dialog
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ form

    def _combo(self, items) -> QComboBox:
        combo = QComboBox()
        for label, value in items:
            combo.addItem(label, value)
        return combo

    def _form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.customer = QComboBox(editable=True)
        self.customer.lineEdit().setPlaceholderText(self.tr("Type part of the name, then Enter"))
        self.customer.lineEdit().returnPressed.connect(self.find_customers)
        self.serial = QLineEdit(placeholderText=self.tr("Look up the asset by serial number"))
        self.serial.editingFinished.connect(self.look_up_serial)
        self.asset = QLabel(self.tr("No asset"))
        self.channel = self._combo([(service.channel_label(c), c) for c in CHANNELS])
        self.category = self._combo([(service.category_label(c), c) for c in CATEGORIES])
        self.priority = self._combo([(service.priority_label(p), p) for p in PRIORITIES])
        self.priority.setCurrentIndex(PRIORITIES.index(3))
        self.contact_name = QLineEdit()
        self.contact_phone = QLineEdit()
        self.symptom = QPlainTextEdit(placeholderText=self.tr("What does the customer report?"))
        self.symptom.textChanged.connect(lambda: self.debounce.start())
        self.diagnosis = QPlainTextEdit(placeholderText=self.tr("Suggested diagnosis (optional; "
                                                                 "“Use” on a similar case fills it)"))
        self.diagnosis.setMaximumHeight(90)
        for label, widget in ((self.tr("Customer"), self.customer), (self.tr("Serial number"), self.serial),
                              (self.tr("Asset"), self.asset), (self.tr("Channel"), self.channel),
                              (self.tr("Category"), self.category), (self.tr("Priority"), self.priority),
                              (self.tr("Contact"), self.contact_name), (self.tr("Phone"), self.contact_phone),
                              (self.tr("Symptom"), self.symptom), (self.tr("Diagnosis"), self.diagnosis)):
            form.addRow(label, widget)
        return box

    def find_customers(self) -> None:
        text = self.customer.currentText().strip()
        ctx = self.ctx

        def load():
            with ctx.reading() as session:
                return list_support.customer_choices(session, ctx.actor, text)
        self.lookups.run(load, self.set_customers)

    def set_customers(self, customers) -> None:
        self.customer.clear()
        for customer_id, name in customers:
            self.customer.addItem(name, customer_id)
        if not customers:
            self.message.setText(self.tr("No customer matches that name."))

    def look_up_serial(self) -> None:
        serial = self.serial.text().strip()
        if not serial:
            self.asset.setText(self.tr("No asset"))
            self.product_line = None
            return
        try:
            with self.ctx.reading() as session:
                asset = service.find_asset_by_serial(session, self.ctx.actor, serial)
                found = None if asset is None else (asset.product_line, asset.model, asset.customer_id,
                                                    service.get_customer(session, self.ctx.actor, asset.customer_id).name)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        if found is None:
            self.asset.setText(self.tr("No asset with serial number {serial}").format(serial=serial))
            self.product_line = None
            return
        line, model, customer_id, customer_name = found
        self.product_line = line
        self.asset.setText(f"{line} {model}")
        if self.customer.findData(customer_id) < 0:
            self.customer.addItem(customer_name, customer_id)
        self.customer.setCurrentIndex(self.customer.findData(customer_id))
        self.debounce.start()

    # ------------------------------------------------------------------ similar cases

    def _similar_panel(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.similar_title = QLabel(self.tr("Similar resolved cases"))
        self.similar = QTableWidget(0, 4)
        self.similar.setObjectName("similar_cases")
        self.similar.setHorizontalHeaderLabels([self.tr("Ticket"), self.tr("Symptom"), self.tr("Resolution"), ""])
        self.similar.setEditTriggers(QTableWidget.NoEditTriggers)
        self.similar.setWordWrap(True)
        self.similar.verticalHeader().setVisible(False)
        header = self.similar.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeToContents)
        layout.addWidget(self.similar_title)
        layout.addWidget(self.similar)
        return box

    def search_similar(self) -> None:
        text = self.symptom.toPlainText().strip()
        if len(text) < MIN_QUERY_CHARS:
            self.show_cases([])
            return
        ctx, line = self.ctx, self.product_line

        def search():
            with ctx.reading() as session:
                return similar.search(session, ctx.actor, text, product_line=line)
        self.similar_title.setText(self.tr("Similar resolved cases: searching…"))
        self.searches.run(search, self.show_cases, lambda message: self.similar_title.setText(message))

    def show_cases(self, cases) -> None:
        self.cases = list(cases)
        self.similar_title.setText(self.tr("Similar resolved cases: {n} found").format(n=len(self.cases)))
        self.similar.setRowCount(len(self.cases))
        for row, case in enumerate(self.cases):
            for column, text in enumerate((case.number, case.symptom, case.resolution)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.similar.setItem(row, column, item)
            use = QPushButton(self.tr("Use"))
            use.setToolTip(self.tr("Copy this resolution into the diagnosis as a suggestion"))
            use.clicked.connect(lambda _checked=False, index=row: self.use_case(index))
            self.similar.setCellWidget(row, 3, use)
        self.similar.resizeRowsToContents()

    def use_case(self, index: int) -> None:
        case = self.cases[index]
        self.diagnosis.setPlainText(self.tr("Suggested from similar case {number}: {resolution}")
                                    .format(number=case.number, resolution=case.resolution))

    # ------------------------------------------------------------------ submit

    def submit(self) -> None:
        customer_id = self.customer.currentData()
        if customer_id is None:
            self.message.setText(self.tr("Choose the customer first (type part of the name, then Enter)."))
            return
        try:
            with self.ctx.transaction() as session:
                ticket = service.create_ticket(
                    session, self.ctx.actor, customer_id=customer_id, symptom=self.symptom.toPlainText(),
                    category=self.category.currentData(), channel=self.channel.currentData(),
                    priority=self.priority.currentData(), serial_number=self.serial.text(),
                    contact_name=self.contact_name.text(), contact_phone=self.contact_phone.text())
                suggestion = self.diagnosis.toPlainText().strip()
                if suggestion and self.ctx.actor.has(service.DIAGNOSE):
                    service.record_diagnosis(session, self.ctx.actor, ticket.id, suggestion)
                ticket_id = ticket.id
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.created.emit(ticket_id)
        self.accept()
