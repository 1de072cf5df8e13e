"""The quarterly visit plan of a unit: generate it, see who visits whom, record visits and
the actions agreed at them, and how far the quarter's visits have got. The plan and the open
actions go to Excel (``app.ui.list_export``, Ctrl+E in each tab)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from app.clock import utcnow
from app.errors import UserError
from app.orgs.local_time import LocalClock
from app.reports.period import Period
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import confirm, information, plain_label, set_plain, warn
from app.ui.shortcuts import focus_field
from app.ui.workers import Worker, start
from plugins.visits import service
from plugins.visits.views.plan_dialogs import ActionDialog, ReassignDialog, RecordVisitDialog


@dataclass(frozen=True)
class PlanView:
    """Everything the page shows, read in one go off the GUI thread."""

    lines: list
    actions: list
    action_rows: list
    coverage: object
    gaps: object


def table(name: str, headers: list[str]) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QTableWidget.NoEditTriggers)
    widget.setSelectionBehavior(QTableWidget.SelectRows)
    widget.setSelectionMode(QTableWidget.SingleSelection)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill(widget: QTableWidget, rows: list[list[str]]) -> None:
    widget.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            widget.setItem(r, c, QTableWidgetItem(value))  # item text is never read as markup


def with_export(page, widget: QWidget, title: str, prepare, name: str) -> tuple[QWidget, ListExport]:
    """``widget`` (a tab's list) with its "Export to Excel…" below it, for a tab of ``page``; Ctrl+E
    exports it while the focus is in the tab. ``prepare``: as ``ListExport`` takes it."""
    box = QWidget()
    export = ListExport(page, page.ctx, title, prepare, shortcut_on=box)
    export.button.setObjectName(name)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    row = QHBoxLayout()
    row.addStretch()
    row.addWidget(export.button)
    layout.addLayout(row)
    return box, export


class VisitPlanPage(QWidget):
    loaded = Signal()  # the plan, actions and coverage on screen are current
    failed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.view: PlanView | None = None
        self.shown: dict = {}  # the quarter and unit on screen: what the exports write
        self._worker: Worker | None = None
        self.quarter = QLineEdit(Period.quarter_of(utcnow().date()).label, objectName="quarter")
        self.quarter.setMaximumWidth(90)
        self.quarter.returnPressed.connect(self.reload)
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.tabs = QTabWidget()
        self._build_tables()
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("summary")
        self.outcome = plain_label(wrap=True)  # what the last generation did, without a box to click away
        self.outcome.setObjectName("outcome")
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.summary)
        layout.addWidget(self.outcome)
        layout.addWidget(self.tabs)
        self.failed.connect(lambda message: warn(self, self.tr("Visit plan"), message))
        self.reload()

    def _toolbar(self) -> QHBoxLayout:
        actor = self.ctx.actor
        self.generate_button = self._button(self.tr("Generate plan"), self.generate, actor.has(service.PLAN))
        self.reassign_button = self._button(self.tr("Reassign…"), self.reassign, actor.has(service.PLAN))
        self.record_button = self._button(self.tr("Record visit…"), self.record, actor.has(service.RECORD_VISIT))
        self.action_button = self._button(self.tr("Add action…"), self.add_action, actor.has(service.RECORD_VISIT))
        self.complete_button = self._button(self.tr("Action done"), self.complete_action, True)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Quarter")))
        top.addWidget(self.quarter)
        top.addWidget(self.org_filter)
        top.addStretch()
        for button in (self.generate_button, self.reassign_button, self.record_button, self.action_button,
                       self.complete_button):
            top.addWidget(button)
        return top

    def _button(self, text: str, slot, enabled: bool) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        button.setEnabled(enabled)
        return button

    def _build_tables(self) -> None:
        self.plan_table = table("plan", [self.tr("Customer"), self.tr("Region"), self.tr("Assignee"),
                                         self.tr("Planned date"), self.tr("State"), self.tr("Visited on")])
        self.actions_table = table("actions", [self.tr("Customer"), self.tr("Action"), self.tr("Owner"),
                                               self.tr("Due"), self.tr("Done at")])
        self.units_table = table("coverage_units", [self.tr("Unit"), self.tr("Planned"), self.tr("Done"),
                                                    self.tr("Coverage")])
        self.people_table = table("coverage_people", [self.tr("Person"), self.tr("Planned"), self.tr("Done"),
                                                      self.tr("Coverage")])
        self.overdue_table = table("overdue", [self.tr("Customer"), self.tr("Region"), self.tr("Assignee"),
                                               self.tr("Planned date")])
        self.unplanned_table = table("unplanned", [self.tr("Unit"), self.tr("Customer"), self.tr("Region")])
        self.list_menus = [ListMenu(self.plan_table, self.ctx, self.tr("Visit plan"), number=0),
                           ListMenu(self.actions_table, self.ctx, self.tr("Open visit actions"), number=0),
                           ListMenu(self.overdue_table, self.ctx, self.tr("Overdue and unplanned"), number=0),
                           ListMenu(self.unplanned_table, self.ctx, self.tr("Overdue and unplanned"), number=1)]
        coverage = QWidget()
        box = QHBoxLayout(coverage)
        box.addWidget(self.units_table)
        box.addWidget(self.people_table)
        gaps = QWidget()
        box = QHBoxLayout(gaps)
        box.addWidget(self.overdue_table)
        box.addWidget(self.unplanned_table)
        plan_tab, self.plan_export = self._exported(self.plan_table, self.tr("Visit plan"),
                                                    service.export_plan_lines, "export_plan")
        self.actions_tab, self.actions_export = self._exported(self.actions_table, self.tr("Open visit actions"),
                                                               service.export_visit_actions, "export_actions")
        self.tabs.addTab(plan_tab, self.tr("Plan"))
        self.tabs.addTab(self.actions_tab, self.tr("Open actions"))
        self.tabs.addTab(coverage, self.tr("Coverage"))
        self.tabs.addTab(gaps, self.tr("Overdue and unplanned"))

    def _exported(self, widget: QTableWidget, title: str, operation, name: str) -> tuple[QWidget, ListExport]:
        return with_export(self, widget, title, lambda: partial(operation, **self.shown), name)

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def focus_search(self) -> None:  # Ctrl+F: the quarter shown
        focus_field(self.quarter)

    def reload(self) -> None:
        ctx, quarter, org_id = self.ctx, self.quarter.text(), self.org_filter.org_id()
        self.shown = {"quarter": quarter, "org_id": org_id}
        self.plan_export.title = self.tr("Visit plan {quarter}").format(quarter=quarter.strip())
        self.actions_export.title = self.tr("Open visit actions {quarter}").format(quarter=quarter.strip())

        def work(_progress, _cancelled):
            with ctx.reading() as session:
                lines = service.plan_lines(session, ctx.actor, org_id, quarter)
                actions = service.action_lines(session, ctx.actor, org_id, quarter)
                clock = LocalClock(session)
                action_rows = [[a.customer, a.text, a.owner, a.due_on.isoformat(), clock.text(a.org_id, a.done_at)]
                               for a in actions]
                return PlanView(lines, actions, action_rows,
                                service.coverage(session, ctx.actor, quarter, org_id),
                                service.overdue_and_unplanned(session, ctx.actor, quarter, org_id))

        self._run(work, self._show)

    def _run(self, work, done) -> None:
        self._worker = Worker(work)
        self._worker.signals.finished.connect(done)
        self._worker.signals.failed.connect(self.failed.emit)
        start(self._worker)

    def _show(self, view: PlanView) -> None:
        self.view = view
        fill(self.plan_table, [[line.customer, line.region, line.assignee, self._day(line.planned_on),
                                service.state_label(line.state), self._day(line.visited_on)] for line in view.lines])
        fill(self.actions_table, view.action_rows)
        fill(self.units_table, [self._coverage_row(c) for c in view.coverage.units])
        fill(self.people_table, [self._coverage_row(c) for c in view.coverage.people])
        fill(self.overdue_table, [[o.customer, o.region, o.assignee, self._day(o.planned_on)]
                                  for o in view.gaps.overdue])
        fill(self.unplanned_table, [[u.unit, u.customer, u.region] for u in view.gaps.unplanned])
        planned = sum(c.planned for c in view.coverage.units)
        done = sum(c.done for c in view.coverage.units)
        set_plain(self.summary, self.tr("{done} of {planned} visits done ({percent:.0f} %); {overdue} overdue, "
                                        "{unplanned} customers without a visit.").format(
            done=done, planned=planned, percent=100.0 * done / planned if planned else 0.0,
            overdue=len(view.gaps.overdue), unplanned=len(view.gaps.unplanned)))
        self.loaded.emit()

    @staticmethod
    def _day(day) -> str:
        return day.isoformat() if day else ""

    @staticmethod
    def _coverage_row(line) -> list[str]:
        return [line.name, str(line.planned), str(line.done), f"{line.percent:.0f} %"]

    # ------------------------------------------------------------------ operations

    def generate(self) -> None:
        ctx, quarter, org_id = self.ctx, self.quarter.text(), self.org_filter.org_id()

        def work(_progress, _cancelled):
            with ctx.transaction() as session:
                return service.generate_plan(session, ctx.actor, org_id, quarter)

        def done(outcome) -> None:
            set_plain(self.outcome, self.tr("Plan generated: {added} visits planned, {cancelled} cancelled, "
                                            "{kept} done visits kept.").format(
                added=outcome.added, cancelled=outcome.cancelled, kept=outcome.kept_done))
            self.reload()

        self.generate_button.setEnabled(False)
        self._run(work, done)
        self._worker.signals.finished.connect(lambda *_: self.generate_button.setEnabled(True))
        self._worker.signals.failed.connect(lambda *_: self.generate_button.setEnabled(True))

    def selected_line(self):
        row = self.plan_table.currentRow()
        if self.view is None or not 0 <= row < len(self.view.lines):
            information(self, self.tr("Visit plan"), self.tr("Select a visit first."))
            return None
        return self.view.lines[row]

    def record_dialog(self) -> RecordVisitDialog | None:
        line = self.selected_line()
        return None if line is None else RecordVisitDialog(self.ctx, line.visit_id, line.customer, self)

    def record(self) -> None:
        self._open(self.record_dialog())

    def reassign(self) -> None:
        line = self.selected_line()
        self._open(None if line is None else ReassignDialog(self.ctx, line, self))

    def add_action(self) -> None:
        line = self.selected_line()
        self._open(None if line is None else ActionDialog(self.ctx, line, self))

    def complete_action(self) -> None:
        row = self.actions_table.currentRow()
        if self.view is None or not 0 <= row < len(self.view.actions):
            self.tabs.setCurrentWidget(self.actions_tab)
            information(self, self.tr("Visit plan"), self.tr("Select an open action first."))
            return
        action = self.view.actions[row]
        if not confirm(self, self.tr("Visit plan"), self.tr("“{text}” for {customer} is marked done and leaves the "
                                                            "open actions; it cannot be reopened.").format(
                text=action.text, customer=action.customer), self.tr("Mark done")):
            return
        try:
            with self.ctx.transaction() as session:
                service.complete_action(session, self.ctx.actor, action.action_id)
        except UserError as exc:
            warn(self, self.tr("Visit plan"), str(exc))
            return
        self.reload()

    def _open(self, dialog) -> None:
        if dialog is not None and dialog.exec() == QDialog.Accepted:
            self.reload()
