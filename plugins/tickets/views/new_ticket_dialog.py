"""Intake of a problem ticket: ``plugins.tickets.views.new_ticket_dialog.NewTicketDialog(ctx)``.

While the symptom is typed, the ten most similar resolved cases show beside it (debounced, searched
off the GUI thread); "Use" copies a known resolution into the diagnosis as a suggestion, which is
saved with the ticket and lands on its timeline. The machine looked up shows its service package and
whether its contract or warranty is valid, ending or expired; on an expired one the engineer chooses
how the case is handled, with a reason (the door requires both). Choosing the customer fills in
its contact person and phone from the customer record (several contacts: a picker offers them);
both stay editable, and what the user typed there is not overwritten. Emits ``created(ticket_id)``.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.errors import UserError, ValidationError
from app.ui.form_dialog import FormDialog
from app.ui.plain_text import plain_label, tooltip_text
from plugins.tickets import service
from plugins.tickets.views.common import Background

SEARCH_DELAY_MS = 400
MIN_QUERY_CHARS = 4


class NewTicketDialog(FormDialog):
    created = Signal(object)

    def __init__(self, ctx, parent=None):
        # Enter searches in the customer field; it must never submit the whole dialog
        super().__init__(self.tr("New problem ticket"), parent, ok_text=self.tr("Open ticket"), enter_submits=False)
        self.ctx = ctx
        self.resize(1200, 640)
        self.product_line: str | None = None
        self.searches = Background(self)
        self.lookups = Background(self)
        self.contact_lookups = Background(self)
        self.filled_contact = ("", "")  # what was last filled in from the customer record
        self.cases: list[service.SimilarCase] = []
        self.debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.debounce.timeout.connect(self.search_similar)
        self._fields()
        self.add_side(self._similar_panel(), (520, 680))

    # ------------------------------------------------------------------ form

    def _fields(self) -> None:
        self.customer = self.add_combo("customer", self.tr("Customer"), editable=True, door_names=("customer_id",))
        self.customer.lineEdit().setPlaceholderText(self.tr("Type part of the name, then Enter"))
        self.customer.lineEdit().returnPressed.connect(self.find_customers)
        self.serial = self.add_text("serial", self.tr("Serial number"), door_names=("serial_number",),
                                    placeholder=self.tr("Look up the asset by serial number"))
        self.serial.editingFinished.connect(self.look_up_serial)
        self.asset = self.add_info("asset", self.tr("No asset"), label=self.tr("Asset"))
        self._coverage_fields()
        self.channel = self.add_combo("channel", self.tr("Channel"),
                                      [(service.channel_label(c), c) for c in service.CHANNELS])
        self.category = self.add_combo("category", self.tr("Category"),
                                       [(service.category_label(c), c) for c in service.CATEGORIES])
        self.priority = self.add_combo("priority", self.tr("Priority"),
                                       [(service.priority_label(p), p) for p in service.PRIORITIES], current=3)
        self._contact_fields()
        self.symptom = self.add_multiline("symptom", self.tr("Symptom"),
                                          placeholder=self.tr("What does the customer report?"))
        self.symptom.textChanged.connect(lambda: self.debounce.start())
        self.diagnosis = self.add_multiline("diagnosis", self.tr("Diagnosis"), max_height=90,
                                            placeholder=self.tr("Suggested diagnosis (optional; "
                                                                "“Use” on a similar case fills it)"))

    def _contact_fields(self) -> None:
        """The contact person and phone, filled in from the chosen customer's record."""
        self.contact_choice = self.add_combo("contact_choice", self.tr("Customer's contacts"))
        self.contact_choice.currentIndexChanged.connect(lambda _index: self.fill_contact(force=True))
        self.set_visible("contact_choice", False)
        self.contact_name = self.add_text("contact_name", self.tr("Contact"))
        self.contact_phone = self.add_text("contact_phone", self.tr("Phone"))
        self.customer.currentIndexChanged.connect(lambda _index: self.load_contacts())

    def load_contacts(self) -> None:
        customer_id = self.customer.currentData()
        if customer_id is None:
            self.set_contacts([])
            return
        ctx = self.ctx

        def load():
            with ctx.reading() as session:
                return service.customer_contacts(session, ctx.actor, customer_id)
        self.contact_lookups.run(load, self.set_contacts, lambda message: self.show_error(message, "contact_name"))

    def set_contacts(self, contacts) -> None:
        self.contact_choice.blockSignals(True)  # offering the contacts is not the user choosing one
        self.contact_choice.clear()
        for contact in contacts:
            shown = f"{contact.name}  {contact.phone}".strip()
            self.contact_choice.addItem(shown, contact)
        self.contact_choice.blockSignals(False)
        self.set_visible("contact_choice", len(contacts) > 1)
        self.fill_contact(force=False)

    def fill_contact(self, force: bool) -> None:
        """Fill in the chosen contact; unless the user chose it, only fields empty or still as filled."""
        contact = self.contact_choice.currentData()
        name, phone = (contact.name, contact.phone) if contact is not None else ("", "")
        for field, value, filled in ((self.contact_name, name, self.filled_contact[0]),
                                     (self.contact_phone, phone, self.filled_contact[1])):
            if force or field.text().strip() in ("", filled):
                field.setText(value)
        self.filled_contact = (name, phone)

    def _coverage_fields(self) -> None:
        """The machine's package and contract; on an expired one, how the case is handled and why."""
        self.coverage = self.add_info("coverage", "", label=self.tr("Contract"))
        self.handling = self.add_combo("coverage_handling", self.tr("Handling"),
                                       [(self.tr("Choose…"), ""),
                                        *((service.handling_label(h), h) for h in service.HANDLINGS)])
        self.handling_reason = self.add_text("coverage_reason", self.tr("Reason for the handling"))
        self.show_coverage(None)

    def show_coverage(self, status) -> None:
        """``status``: the customer registry's CoverageStatus of the machine looked up, or None."""
        self.coverage_state = status.state if status else ""
        if status is not None:
            package = status.package or self.tr("no service package")
            self.coverage.setText(f"{package} · {status.text}")
        expired = self.coverage_state == "expired"
        self.coverage.setStyleSheet("color: #b00020; font-weight: bold" if expired else "")
        self.set_visible("coverage", status is not None)
        self.set_visible("coverage_handling", expired)
        self.set_visible("coverage_reason", expired)

    def find_customers(self) -> None:
        text = self.customer.currentText().strip()
        ctx = self.ctx

        def load():
            with ctx.reading() as session:
                return service.customer_choices(session, ctx.actor, text)
        self.lookups.run(load, self.set_customers)

    def set_customers(self, customers) -> None:
        self.customer.clear()
        for customer_id, name in customers:
            self.customer.addItem(name, customer_id)
        if not customers:
            self.show_error(self.tr("No customer matches that name."), "customer")

    def look_up_serial(self) -> None:
        serial = self.serial.text().strip()
        if not serial:
            self.asset.setText(self.tr("No asset"))
            self.product_line = None
            self.show_coverage(None)
            return
        try:
            with self.ctx.reading() as session:
                asset = service.find_asset_by_serial(session, self.ctx.actor, serial)
                found = None if asset is None else (asset.product_line, asset.model, asset.customer_id,
                                                    service.get_customer(session, self.ctx.actor, asset.customer_id).name)
                status = service.coverage_status(session, self.ctx.actor, asset.id) if asset else None
        except UserError as exc:
            self.show_error(str(exc), "serial")
            return
        if found is None:
            self.asset.setText(self.tr("No asset with serial number {serial}").format(serial=serial))
            self.product_line = None
            self.show_coverage(None)
            return
        line, model, customer_id, customer_name = found
        self.product_line = line
        self.asset.setText(f"{line} {model}")
        self.show_coverage(status)
        if self.customer.findData(customer_id) < 0:
            self.customer.addItem(customer_name, customer_id)
        self.customer.setCurrentIndex(self.customer.findData(customer_id))
        self.debounce.start()

    # ------------------------------------------------------------------ similar cases

    def _similar_panel(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.similar_title = plain_label(self.tr("Similar resolved cases"), wrap=False)  # may quote an error
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
                return service.similar_cases(session, ctx.actor, text, product_line=line)
        self.similar_title.setText(self.tr("Similar resolved cases: searching…"))
        self.searches.run(search, self.show_cases, lambda message: self.similar_title.setText(message))

    def show_cases(self, cases) -> None:
        self.cases = list(cases)
        self.similar_title.setText(self.tr("Similar resolved cases: {n} found").format(n=len(self.cases)))
        self.similar.setRowCount(len(self.cases))
        for row, case in enumerate(self.cases):
            for column, text in enumerate((case.number, case.symptom, case.resolution)):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip_text(text))
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

    def perform(self) -> None:
        customer_id = self.customer.currentData()
        if customer_id is None:
            raise ValidationError(self.tr("Choose the customer first (type part of the name, then Enter)."),
                                  field="customer")
        with self.ctx.transaction() as session:
            ticket = service.create_ticket(
                session, self.ctx.actor, customer_id=customer_id, symptom=self.symptom.toPlainText(),
                category=self.category.currentData(), channel=self.channel.currentData(),
                priority=self.priority.currentData(), serial_number=self.serial.text(),
                contact_name=self.contact_name.text(), contact_phone=self.contact_phone.text(),
                coverage_handling=self.handling.currentData() if self.coverage_state == "expired" else "",
                coverage_reason=self.handling_reason.text() if self.coverage_state == "expired" else "",
                diagnosis=self.diagnosis.toPlainText())
            ticket_id = ticket.id
        self.created.emit(ticket_id)
