"""技术巡检: the units' inspections of a period (planned, done, signed) with customer, engineer,
due and done dates; generate them for a quarter from the schedules, give one to another
engineer, record one, have it signed, print its report. The schedules and HQ's checklists are
tabs of the same page. The inspections the filter finds go to Excel (``app.ui.list_export``,
Ctrl+E in their tab)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from app.clock import utcnow
from app.errors import UserError
from app.reports.period import Period
from app.ui.form_dialog import FormDialog
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.pdf_document import output_or_warn, print_document, write_pdf
from app.ui.plain_text import information, plain_label, set_plain, warn
from app.ui.shortcuts import focus_field
from app.ui.workers import Worker, start
from plugins.visits import service
from plugins.visits.views.checklist_editor import ChecklistsPanel
from plugins.visits.views.inspection_dialog import InspectionDialog, SignDialog
from plugins.visits.views.inspection_schedules_panel import SchedulesPanel
from plugins.visits.views.plan_page import fill, table, with_export


class InspectionsPage(QWidget):
    loaded = Signal()  # the inspections on screen are current
    failed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.lines: list | None = None
        self.shown: dict = {}  # the filter of the inspections on screen: what the export writes
        self._worker: Worker | None = None
        self.period = QLineEdit(Period.quarter_of(utcnow().date()).label, objectName="period")
        self.period.setMaximumWidth(180)
        self.period.returnPressed.connect(self.reload)
        self.state = QComboBox()
        for label, value in ((self.tr("All"), None), *((service.inspection_state_label(s), s)
                                                        for s in ("planned", "done", "signed"))):
            self.state.addItem(label, value)
        self.state.currentIndexChanged.connect(lambda *_: self.reload())
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload_all())
        self.table = table("inspections", [self.tr("Customer"), self.tr("Engineer"), self.tr("Due"),
                                           self.tr("Done"), self.tr("State")])
        self.summary = plain_label(wrap=True, name="summary")
        self.outcome = plain_label(wrap=True, name="outcome")
        self.schedules = SchedulesPanel(ctx, self.org_filter)
        self.checklists = ChecklistsPanel(ctx)
        self.tabs = QTabWidget()
        inspections_tab, self.export = with_export(self, self.table, self.tr("Technical inspections"),
                                                   lambda: partial(service.export_inspections, **self.shown),
                                                   "export")
        self.tabs.addTab(inspections_tab, self.tr("Inspections"))
        self.tabs.addTab(self.schedules, self.tr("Schedules"))
        self.tabs.addTab(self.checklists, self.tr("Checklists"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.summary)
        layout.addWidget(self.outcome)
        layout.addWidget(self.tabs)
        self.failed.connect(lambda message: warn(self, self.tr("Technical inspections"), message))
        self.list_menu = ListMenu(self.table, ctx, self.tr("Technical inspections"),
                                  open=lambda _index: self.open_inspection(), open_text=self.tr("Open…"), number=0)
        self.reload_all()

    def _toolbar(self) -> QHBoxLayout:
        actor = self.ctx.actor
        planner, inspector = actor.has(service.INSPECTIONS_PLAN), actor.has(service.INSPECT)
        self.generate_button = self._button(self.tr("Generate"), self.generate, planner)
        self.assign_button = self._button(self.tr("Assign…"), self.assign, planner)
        self.open_button = self._button(self.tr("Open…"), self.open_inspection, True)
        self.sign_button = self._button(self.tr("Customer signs…"), self.sign, inspector)
        self.print_button = self._button(self.tr("Export report (PDF)…"), lambda: self.print_report(), True)
        self.paper_button = self._button(self.tr("Print report…"), lambda: self.print_paper(), True)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Period")))
        top.addWidget(self.period)
        top.addWidget(self.state)
        top.addWidget(self.org_filter)
        top.addStretch()
        for button in (self.generate_button, self.assign_button, self.open_button, self.sign_button,
                       self.print_button, self.paper_button):
            top.addWidget(button)
        return top

    @staticmethod
    def _button(text: str, slot, enabled: bool) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: slot())
        button.setEnabled(enabled)
        return button

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload_all()

    def focus_search(self) -> None:  # Ctrl+F: the period shown
        focus_field(self.period)

    def reload_all(self) -> None:
        self.reload()
        self.schedules.reload()
        self.checklists.reload()

    def reload(self) -> None:
        ctx, period, state, arguments = self.ctx, self.period.text(), self.state.currentData(), \
            self.org_filter.arguments()
        self.shown = {"period": period, "state": state, **arguments}
        self.export.title = self.tr("Technical inspections {period}").format(period=period.strip())

        def work(_progress, _cancelled):
            with ctx.reading() as session:
                return service.inspection_lines(session, ctx.actor, period, state=state, **arguments)

        self._run(work, self._show)

    def _run(self, work, done) -> Worker:
        self._worker = Worker(work)
        self._worker.signals.finished.connect(done)
        self._worker.signals.failed.connect(self.failed.emit)
        start(self._worker)
        return self._worker

    def _show(self, lines) -> None:
        self.lines = lines
        fill(self.table, [[line.customer, line.engineer, line.due_on.isoformat(),
                           line.done_on.isoformat() if line.done_on else "",
                           self._state(line)] for line in lines])
        counts = {s: sum(1 for line in lines if line.state == s) for s in ("planned", "done", "signed")}
        set_plain(self.summary, self.tr("{planned} planned ({overdue} overdue), {done} done, {signed} signed.").format(
            overdue=sum(1 for line in lines if line.overdue), **counts))
        self.loaded.emit()

    def _state(self, line) -> str:
        state = service.inspection_state_label(line.state)
        return self.tr("{state}, overdue").format(state=state) if line.overdue else state

    # ------------------------------------------------------------------ operations

    def generate(self) -> None:
        ctx, period, org_id = self.ctx, self.period.text(), self.org_filter.org_id()

        def work(_progress, _cancelled):
            with ctx.transaction() as session:
                return service.generate_inspections(session, ctx.actor, org_id, period)

        def done(outcome) -> None:
            set_plain(self.outcome, self.tr("{period}: {added} inspections planned, {refreshed} brought up to date, "
                                            "{withdrawn} withdrawn, {kept} done kept, {skipped} without a "
                                            "checklist.").format(
                period=outcome.period, added=outcome.added, refreshed=outcome.refreshed,
                withdrawn=outcome.withdrawn, kept=outcome.kept_done, skipped=outcome.skipped))
            self.reload()

        self.generate_button.setEnabled(False)
        worker = self._run(work, done)
        for signal in (worker.signals.finished, worker.signals.failed):
            signal.connect(lambda *_: self.generate_button.setEnabled(True))

    def selected(self):
        row = self.table.currentRow()
        if self.lines is None or not 0 <= row < len(self.lines):
            information(self, self.tr("Technical inspections"), self.tr("Select an inspection first."))
            return None
        return self.lines[row]

    def open_inspection(self) -> InspectionDialog | None:
        line = self.selected()
        return None if line is None else self._open(InspectionDialog(self.ctx, line.id, self))

    def sign(self) -> SignDialog | None:
        line = self.selected()
        return None if line is None else self._open(SignDialog(self.ctx, line.id, line.customer, self))

    def assign(self) -> FormDialog | None:
        line = self.selected()
        if line is None:
            return None
        ctx = self.ctx
        with ctx.reading() as session:
            engineers = service.inspection_engineer_choices(session, ctx.actor, line.org_id)

        def submit(values):
            with ctx.transaction() as session:
                service.assign_inspection(session, ctx.actor, line.id, values["engineer"])

        form = FormDialog(self.tr("Assign inspection"), self, submit=submit)
        form.add_info("customer", line.customer, label=self.tr("Customer"))
        form.add_combo("engineer", self.tr("Engineer"), [(p.name, p.id) for p in engineers], current=line.engineer_id)
        return self._open(form)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(lambda result: self.reload() if result == QDialog.Accepted else None)
        dialog.open()
        return dialog

    def print_report(self, path: str | None = None) -> str | None:
        """Write the selected signed inspection's report as a PDF (asks where without ``path``)."""
        line, report = self._signed_report()
        if report is None:
            return None
        path = path or QFileDialog.getSaveFileName(self, self.tr("Save inspection report"),
                                                   f"{line.customer} {line.due_on.isoformat()}.pdf",
                                                   self.tr("PDF (*.pdf)"))[0]
        return self._output(lambda: write_pdf(report, path)) if path else None

    def print_paper(self) -> bool:
        """The selected signed inspection's report through the system's print dialog."""
        _line, report = self._signed_report()
        return report is not None and bool(self._output(lambda: print_document(report, self)))

    def _signed_report(self):
        """(line, printable report) of the selected inspection; (line, None) after saying why not."""
        from plugins.visits.views.inspection_pdf import inspection_report

        line = self.selected()
        if line is None:
            return None, None
        try:
            with self.ctx.reading() as session:
                return line, inspection_report(service.inspection_report_document(session, self.ctx.actor, line.id))
        except UserError as exc:
            warn(self, self.tr("Print report"), str(exc))
            return line, None

    def _output(self, work):
        return output_or_warn(self, self.tr("Print report"), work)
