"""One inspection at the customer's site: a result for every checklist item of every machine (a
table), the adjustments made, recommendations and faults found (each fault opens a ticket at
once), completion; then the customer's signature on the pad."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.ui.form_dialog import FormDialog
from app.ui.plain_text import information
from app.ui.signature_pad import signature_row
from plugins.visits import service
from plugins.visits.views.plan_page import fill, table

RESULT, MEASURED, NOTE = 3, 4, 5  # the results table's editable columns


def expected_text(item) -> str:
    low, high = service.measure_text(item.expected_min), service.measure_text(item.expected_max)
    if item.kind != "measure":
        return ""
    span = f"{low}–{high}" if low and high else (f"≥ {low}" if low else (f"≤ {high}" if high else ""))
    return f"{span} {item.unit}".strip()


class InspectionDialog(FormDialog):
    """Save writes the results typed or changed (each a new row: earlier ones stay on record) and,
    when ticked, completes the inspection; a signed inspection is shown read-only."""

    def __init__(self, ctx, inspection_id, parent=None):
        super().__init__(self.tr("Technical inspection"), parent, min_width=940, ok_text=self.tr("Save results"),
                         enter_submits=False)
        self.ctx, self.inspection_id = ctx, inspection_id
        with ctx.reading() as session:
            self.sheet = service.inspection_sheet(session, ctx.actor, inspection_id)
        sheet = self.sheet
        self.editable = sheet.state != "signed" and ctx.actor.has(service.INSPECT)
        self.add_info("customer", sheet.customer, label=self.tr("Customer"))
        self.add_info("plan", self.tr("Due {due}, engineer {engineer}, {state}").format(
            due=sheet.due_on.isoformat(), engineer=sheet.engineer, state=service.inspection_state_label(sheet.state)),
            label=self.tr("Inspection"))
        self.results = self.add_widget("results", self.tr("Results"), self._results_table())
        self.findings = self.add_widget("findings", self.tr("Findings"), self._findings_box())
        self.complete = self.add_check("complete", self.tr("The inspection is complete"), sheet.state != "planned")
        self.done_on = self.add_date("done_on", self.tr("Inspection date"), sheet.done_on or date.today())
        self.complete.setEnabled(self.editable and sheet.state == "planned")
        self.done_on.setEnabled(self.editable and sheet.state == "planned")
        self.ok_button.setVisible(self.editable)
        self._fill_findings(sheet.findings)

    # ------------------------------------------------------------------ results

    def _results_table(self) -> QTableWidget:
        results = QTableWidget(0, 6)
        results.setObjectName("results")
        results.setHorizontalHeaderLabels([self.tr("Machine"), self.tr("Item"), self.tr("Expected"),
                                           self.tr("Result"), self.tr("Measured"), self.tr("Note")])
        results.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        results.setMinimumHeight(260)
        self.rows = []
        for machine in self.sheet.machines:
            for item in machine.items:
                self._add_row(results, machine, item)
        return results

    def _add_row(self, results: QTableWidget, machine, item) -> None:
        row = results.rowCount()
        results.insertRow(row)
        self.rows.append((machine, item))
        fixed = [f"{machine.serial_number} ({machine.product_line})", f"{item.position}. {item.text}",
                 expected_text(item)]
        for column, text in enumerate(fixed):
            cell = QTableWidgetItem(text)
            cell.setFlags(cell.flags() & ~Qt.ItemIsEditable)
            results.setItem(row, column, cell)
        choice = QComboBox()
        choice.addItem(self.tr("By the range") if item.kind == "measure" else "", None)
        for outcome in service.RESULT_OUTCOMES:
            choice.addItem(service.result_label(outcome), outcome)
        choice.setCurrentIndex(max(choice.findData(item.outcome), 0) if item.outcome else 0)
        choice.setEnabled(self.editable)
        results.setCellWidget(row, RESULT, choice)
        measured = QTableWidgetItem(service.measure_text(item.measured))
        if item.kind != "measure" or not self.editable:
            measured.setFlags(measured.flags() & ~Qt.ItemIsEditable)
        results.setItem(row, MEASURED, measured)
        note = QTableWidgetItem(item.note)
        if not self.editable:
            note.setFlags(note.flags() & ~Qt.ItemIsEditable)
        results.setItem(row, NOTE, note)

    def set_result(self, row: int, outcome: str | None, measured: str = "", note: str = "") -> None:
        """Fill one line as the engineer would (the combo, the measured value, the note)."""
        choice = self.results.cellWidget(row, RESULT)
        choice.setCurrentIndex(choice.findData(outcome) if outcome else 0)
        self.results.item(row, MEASURED).setText(measured)
        self.results.item(row, NOTE).setText(note)

    def result_inputs(self) -> list:
        """The lines with something filled in; an empty line is an item not inspected yet."""
        inputs = []
        for row, (machine, item) in enumerate(self.rows):
            outcome = self.results.cellWidget(row, RESULT).currentData()
            measured = self.results.item(row, MEASURED).text().strip()
            note = self.results.item(row, NOTE).text().strip()
            if outcome is None and not measured and not note:
                continue
            inputs.append(service.ResultInput(machine.machine_id, item.item_id, outcome, measured, note))
        return inputs

    def perform(self) -> None:
        results = self.result_inputs()
        with self.ctx.transaction() as session:
            service.record_inspection_results(session, self.ctx.actor, self.inspection_id, results)
            if self.complete.isChecked() and self.sheet.state == "planned":
                service.complete_inspection(session, self.ctx.actor, self.inspection_id,
                                            self.done_on.date().toPython())

    # ------------------------------------------------------------------ findings

    def _findings_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.findings_table = table("findings", [self.tr("Kind"), self.tr("Machine"), self.tr("Text"),
                                                 self.tr("Ticket")])
        self.findings_table.setMaximumHeight(140)
        layout.addWidget(self.findings_table)
        buttons = QHBoxLayout()
        self.adjust_button = self._button(self.tr("Adjustment made…"), self.add_adjustment, buttons)
        self.recommend_button = self._button(self.tr("Recommendation…"), self.add_recommendation, buttons)
        self.fault_button = self._button(self.tr("Fault found…"), self.report_fault, buttons)
        self.withdraw_button = self._button(self.tr("Withdraw"), self.withdraw, buttons)
        buttons.addStretch()
        layout.addLayout(buttons)
        return box

    def _button(self, text: str, slot, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)  # Enter never opens a finding's form
        button.setEnabled(self.editable)
        button.clicked.connect(lambda: slot())
        row.addWidget(button)
        return button

    def _fill_findings(self, findings) -> None:
        self.finding_lines = findings
        kinds = {"adjustment": self.tr("Adjustment"), "fault": self.tr("Fault")}
        fill(self.findings_table, [[kinds.get(f.kind) or service.recommendation_label(f.category), f.serial_number,
                                    f.text, f.ticket_number] for f in findings])

    def reload_findings(self) -> None:
        with self.ctx.reading() as session:
            self._fill_findings(service.inspection_sheet(session, self.ctx.actor, self.inspection_id).findings)

    def _finding_form(self, title: str, submit) -> FormDialog:
        def run(values):
            with self.ctx.transaction() as session:
                submit(session, values)

        return FormDialog(title, self, min_width=480, submit=run, enter_submits=False)

    def add_adjustment(self) -> FormDialog:
        form = self._finding_form(self.tr("Adjustment made"), lambda session, values: service.add_inspection_adjustment(
            session, self.ctx.actor, self.inspection_id, values["text"]))
        form.add_multiline("text", self.tr("What was adjusted, from and to"), max_height=90)
        return self._open(form)

    def add_recommendation(self) -> FormDialog:
        form = self._finding_form(self.tr("Recommendation"), lambda session, values:
                                  service.add_inspection_recommendation(session, self.ctx.actor, self.inspection_id,
                                                                        values["category"], values["text"]))
        form.add_combo("category", self.tr("Kind"), [(service.recommendation_label(k), k)
                                                     for k in service.RECOMMENDATION_KINDS])
        form.add_multiline("text", self.tr("Recommendation"), max_height=90)
        return self._open(form)

    def report_fault(self) -> FormDialog:
        form = self._finding_form(self.tr("Fault found"), lambda session, values: service.report_inspection_fault(
            session, self.ctx.actor, self.inspection_id, asset_id=values["asset"], text=values["text"],
            hook=self.ctx.hook))
        form.intro.setText(self.tr("A ticket (category fault) opens at once for the machine."))
        form.intro.setVisible(True)
        form.add_combo("asset", self.tr("Machine"), [(f"{m.serial_number} ({m.product_line} {m.model})", m.asset_id)
                                                     for m in self.sheet.machines])
        form.add_multiline("text", self.tr("Fault found"), max_height=90)
        return self._open(form)

    def withdraw(self) -> None:
        row = self.findings_table.currentRow()
        if not 0 <= row < len(self.finding_lines):
            information(self, self.tr("Findings"), self.tr("Select a finding first."))
            return
        finding = self.finding_lines[row]
        form = self._finding_form(self.tr("Withdraw finding"), lambda session, _values:
                                  service.withdraw_inspection_finding(session, self.ctx.actor, self.inspection_id,
                                                                      finding.id))
        form.intro.setText(self.tr("Withdraw “{text}”? It stays on record as withdrawn.").format(text=finding.text))
        form.intro.setVisible(True)
        self._open(form)

    def _open(self, form: FormDialog) -> FormDialog:
        form.accepted.connect(self.reload_findings)
        form.open()  # modal to this dialog; the test drives it as the user would
        return form


class SignDialog(FormDialog):
    """The customer signs the completed inspection on the pad; the report is then sealed as signed."""

    def __init__(self, ctx, inspection_id, customer: str, parent=None):
        intro = self.tr("{customer} confirms the inspection and its findings.").format(customer=customer)
        super().__init__(self.tr("Customer signature"), parent, min_width=560, ok_text=self.tr("Sign"), intro=intro)
        self.ctx, self.inspection_id = ctx, inspection_id
        self.signer = self.add_text("signer", self.tr("Signed by"), door_names=("signer_name",),
                                    placeholder=self.tr("Name of the customer who signs"))
        self.pad, pad_row = signature_row()
        self.add_widget("signature", self.tr("Signature"), pad_row, focus=self.pad)
        self.ask_first(self.tr("The report is sealed as signed by the customer: its results and findings can no "
                               "longer be changed."), self.tr("Sign"))

    def perform(self) -> None:
        with self.ctx.transaction() as session:
            service.sign_inspection(session, self.ctx.actor, self.inspection_id, signer_name=self.signer.text(),
                                    signature_png=self.pad.png())
