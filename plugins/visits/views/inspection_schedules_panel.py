"""The inspection schedules of the units in view: who is inspected how often, from when, until
when (the contract end unless ended), and the forms to add and end one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.ui.form_dialog import FormDialog
from app.ui.list_menu import ListMenu
from app.ui.plain_text import information, warn
from app.ui.workers import Worker, start
from plugins.visits import service
from plugins.visits.views.plan_page import fill, table


class SchedulesPanel(QWidget):
    loaded = Signal()

    def __init__(self, ctx, org_filter, parent=None):
        super().__init__(parent)
        self.ctx, self.org_filter = ctx, org_filter
        self.lines: list = []
        self._worker: Worker | None = None
        self.table = table("schedules", [self.tr("Customer"), self.tr("Interval"), self.tr("From"),
                                         self.tr("Product line"), self.tr("Engineer"), self.tr("Ends"),
                                         self.tr("Machines")])
        self.list_menu = ListMenu(self.table, ctx, self.tr("Schedules"), number=0)
        planner = ctx.actor.has(service.INSPECTIONS_PLAN)
        self.new_button = QPushButton(self.tr("New schedule…"))
        self.new_button.clicked.connect(lambda: self.new_schedule())
        self.end_button = QPushButton(self.tr("End schedule…"))
        self.end_button.clicked.connect(lambda: self.end_schedule())
        buttons = QHBoxLayout()
        for button in (self.new_button, self.end_button):
            button.setEnabled(planner)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def reload(self) -> None:
        ctx, arguments = self.ctx, self.org_filter.arguments()

        def work(_progress, _cancelled):
            with ctx.reading() as session:
                return service.inspection_schedule_lines(session, ctx.actor, **arguments)

        self._worker = Worker(work)
        self._worker.signals.finished.connect(self._show)
        self._worker.signals.failed.connect(lambda message: warn(self, self.tr("Inspection schedules"), message))
        start(self._worker)

    def _show(self, lines) -> None:
        self.lines = lines
        fill(self.table, [[s.customer, service.interval_label(s.interval), s.starts_on.isoformat(),
                           s.product_line or self.tr("All"), s.engineer or self.tr("By load"), self._ends(s),
                           str(s.machines)] for s in lines])
        self.loaded.emit()

    def _ends(self, line) -> str:
        if line.ends_on is None:
            return self.tr("Open-ended")
        day = line.ends_on.isoformat()
        return self.tr("{day} (contract end)").format(day=day) if line.ends_by_contract else day

    def new_schedule(self) -> FormDialog:
        ctx, org_id = self.ctx, self.org_filter.org_id()
        with ctx.reading() as session:
            choices = service.schedule_customer_choices(session, ctx.actor, org_id)
            engineers = service.inspection_engineer_choices(session, ctx.actor, org_id)

        def submit(values):
            with ctx.transaction() as session:
                service.create_inspection_schedule(session, ctx.actor, values["customer"], interval=values["interval"],
                                                   starts_on=values["starts_on"], product_line=values["product_line"],
                                                   engineer_id=values["engineer"])

        form = FormDialog(self.tr("New inspection schedule"), self, min_width=480, submit=submit)
        customer = form.add_combo("customer", self.tr("Customer"), [(c.name, c.id) for c in choices])
        form.add_combo("interval", self.tr("Interval"),
                       [(service.interval_label(i), i) for i in service.INTERVAL_MONTHS])
        form.add_date("starts_on", self.tr("First inspection"))
        lines = form.add_combo("product_line", self.tr("Machines"), door_names=("product_line",))
        form.add_combo("engineer", self.tr("Engineer"), [(self.tr("The one with the fewest inspections"), None),
                                                         *((p.name, p.id) for p in engineers)])
        form.add_info("ends", self.tr("It runs until the latest contract end of its machines, unless ended."))

        def offer_lines() -> None:
            chosen = next((c for c in choices if c.id == customer.currentData()), None)
            lines.clear()
            lines.addItem(self.tr("All machines"), "")
            for line in chosen.product_lines if chosen else ():
                lines.addItem(line, line)

        customer.currentIndexChanged.connect(lambda *_: offer_lines())
        offer_lines()
        return self._open(form)

    def end_schedule(self) -> FormDialog | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.lines):
            information(self, self.tr("Inspection schedules"), self.tr("Select a schedule first."))
            return None
        line, ctx = self.lines[row], self.ctx

        def submit(values):
            with ctx.transaction() as session:
                service.end_inspection_schedule(session, ctx.actor, line.id, values["ends_on"])

        form = FormDialog(self.tr("End inspection schedule"), self, submit=submit,
                          intro=self.tr("Planned inspections of {customer} after the last day are withdrawn; "
                                        "done ones stay.").format(customer=line.customer))
        form.add_date("ends_on", self.tr("Last day"))
        form.ask_first(lambda: self.tr("The schedule of {customer} ends on {day}: its planned inspections after "
                                       "that day are withdrawn; done ones stay.").format(
            customer=line.customer, day=form.value("ends_on").isoformat()), self.tr("End schedule"))
        return self._open(form)

    def _open(self, form: FormDialog) -> FormDialog:
        form.finished.connect(lambda result: self.reload() if result == QDialog.Accepted else None)
        form.open()
        return form
