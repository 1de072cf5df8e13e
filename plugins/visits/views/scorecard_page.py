"""员工考核 — the staff scorecard: per person and period the figures the evaluation rests on and
the overall score, the same per unit, satisfaction per unit, engineer and category, the formula
in words, and the whole exported to Excel. Read and written off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QHBoxLayout, QLineEdit, QMessageBox, QPushButton,
                               QTabWidget, QVBoxLayout, QWidget)

from app.clock import utcnow
from app.errors import UserError
from app.reports.period import FORMS, Period, parse_period
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import message_box, plain_label, set_plain, warn
from app.ui.shortcuts import focus_field
from app.ui.workers import Worker, run_with_progress, start
from plugins.visits import service
from plugins.visits.views.scorecard_tables import fill, figure_item, table, text_item
from plugins.visits.views.weights_dialog import WeightsDialog


@dataclass(frozen=True)
class ScorecardView:
    """What the page shows, read in one go in the thread pool."""

    card: object
    satisfaction: object


class ScorecardPage(QWidget):
    loaded = Signal()            # the tables show the period asked for
    failed = Signal(str)
    exported = Signal(str, int)  # the file written, its rows
    export_failed = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.view: ScorecardView | None = None
        self._worker: Worker | None = None
        self.export_worker: Worker | None = None
        self.result_box: QMessageBox | None = None
        self.columns = service.figure_columns()
        self.period = QLineEdit(Period.quarter_of(utcnow().date()).label, objectName="period")
        self.period.setPlaceholderText(FORMS)
        self.period.setMaximumWidth(220)
        self.period.returnPressed.connect(self.reload)
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.message = plain_label(wrap=True, name="message")
        self.formula = plain_label(wrap=True, selectable=True, name="formula")
        self.tabs = QTabWidget()
        self._build_tabs()
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.message)
        layout.addWidget(self.formula)
        layout.addWidget(self.tabs, 1)
        self.failed.connect(lambda text: warn(self, self.tr("Staff scorecard"), text))
        self.reload()

    def _toolbar(self) -> QHBoxLayout:
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.reload)
        self.weights_button = QPushButton(self.tr("Weights…"))
        self.weights_button.clicked.connect(self.edit_weights)
        self.weights_button.setVisible(service.may_edit_weights(self.ctx.actor))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(plain_label(self.tr("Period")))
        bar.addWidget(self.period)
        bar.addWidget(show)
        bar.addWidget(self.org_filter)
        bar.addStretch()
        bar.addWidget(self.weights_button)
        bar.addWidget(self.export_button)
        return bar

    def _build_tabs(self) -> None:
        figures = [c.title for c in self.columns]
        self.people_table = table("people", [self.tr("Person"), self.tr("Unit"), *figures, self.tr("Overall score")],
                                  sortable=True)
        self.units_table = table("units", [self.tr("Org code"), self.tr("Unit"), *figures, self.tr("Overall score")])
        self.below = QCheckBox(self.tr("Include the units below"), objectName="units_below")
        self.below.setChecked(True)
        self.below.toggled.connect(lambda _on: self._show_units())
        units = QWidget()
        box = QVBoxLayout(units)
        box.addWidget(self.below)
        box.addWidget(self.units_table)
        satisfaction = [self.tr("Answers"), self.tr("Mean satisfaction"), self.tr("Solved answers")]
        self.satisfaction_units = table("satisfaction_units", [self.tr("Unit"), *satisfaction], sortable=True)
        self.satisfaction_engineers = table("satisfaction_engineers", [self.tr("Engineer"), *satisfaction],
                                            sortable=True)
        self.satisfaction_categories = table("satisfaction_categories", [self.tr("Category"), *satisfaction],
                                             sortable=True)
        breakdown = QWidget()
        row = QHBoxLayout(breakdown)
        for widget in (self.satisfaction_units, self.satisfaction_engineers, self.satisfaction_categories):
            row.addWidget(widget)
        self.list_menus = [ListMenu(widget, self.ctx, title, number=0) for widget, title in (
            (self.people_table, self.tr("People")), (self.units_table, self.tr("Units")),
            (self.satisfaction_units, self.tr("Satisfaction")), (self.satisfaction_engineers, self.tr("Satisfaction")),
            (self.satisfaction_categories, self.tr("Satisfaction")))]
        self.tabs.addTab(self.people_table, self.tr("People"))
        self.tabs.addTab(units, self.tr("Units"))
        self.tabs.addTab(breakdown, self.tr("Satisfaction"))

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def focus_search(self) -> None:  # Ctrl+F: the period shown
        focus_field(self.period)

    def reload(self) -> None:
        try:
            period = parse_period(self.period.text())
        except UserError as exc:
            set_plain(self.message, str(exc))
            return
        self.message.clear()
        ctx, narrow = self.ctx, self.org_filter.arguments()
        if narrow["org_id"] is None:
            narrow["subtree"] = True

        def work(_progress, _cancelled):
            with ctx.reading() as session:
                return ScorecardView(service.scorecard(session, ctx.actor, period, hook=ctx.hook, **narrow),
                                     service.satisfaction_view(session, ctx.actor, period, hook=ctx.hook, **narrow))

        self._worker = Worker(work)
        self._worker.signals.finished.connect(self._show)
        self._worker.signals.failed.connect(self.failed.emit)
        start(self._worker)

    def _show(self, view: ScorecardView) -> None:
        self.view = view
        card = view.card
        set_plain(self.formula, card.formula)
        fill(self.people_table, [[text_item(p.name), text_item(p.unit), *self._figures(p.figures),
                                  figure_item("score", p.score)] for p in card.people])
        self._show_units()
        for widget, lines in ((self.satisfaction_units, view.satisfaction.units),
                              (self.satisfaction_engineers, view.satisfaction.engineers),
                              (self.satisfaction_categories, view.satisfaction.categories)):
            fill(widget, [[text_item(line.label), figure_item("count", line.answers),
                           figure_item("mean", line.mean),
                           figure_item("share", line.solved_share, f"{line.solved} / {line.solved_answers}")]
                          for line in lines])
        self.export_button.setEnabled(True)
        self.loaded.emit()

    def _figures(self, figures) -> list:
        items = []
        for column in self.columns:
            share = column.kind == "share"
            detail = f"{figures.count(column.measure)} / {figures.base(column.measure)}" if share else ""
            items.append(figure_item(column.kind, column.value(figures), detail))
        return items

    def _show_units(self) -> None:
        if self.view is None:
            return
        card, below = self.view.card, self.below.isChecked()
        rows = [[text_item(u.code), text_item("    " * u.depth + u.name), *self._figures(u.subtree if below else u.own),
                 figure_item("score", u.subtree_score if below else u.own_score)] for u in card.units]
        rows.append([text_item(""), text_item(self.tr("Total")), *self._figures(card.total),
                     figure_item("score", card.total_score)])
        fill(self.units_table, rows)

    # ------------------------------------------------------------------ weights and export

    def edit_weights(self) -> None:
        with self.ctx.reading() as session:
            current = service.scorecard_weights(session, self.ctx.actor)
        if self.weights_dialog(current.weights).exec() == QDialog.Accepted:
            self.reload()

    def weights_dialog(self, weights: dict[str, int]) -> WeightsDialog:
        return WeightsDialog(self.ctx, weights, self)

    def export(self) -> None:
        if self.view is None:
            return
        suggested = f"scorecard-{self.view.card.period.label}.xlsx".replace("..", "_")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the scorecard"), suggested, "Excel (*.xlsx)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write what the page shows to ``path`` in a worker, with progress and cancel."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        ctx, view = self.ctx, self.view
        self.export_worker = run_with_progress(
            self, self.tr("Exporting the scorecard…"),
            lambda progress, cancelled: service.export_scorecard(ctx.actor, view.card, path,
                                                                 satisfaction=view.satisfaction, progress=progress,
                                                                 cancelled=cancelled),
            lambda rows: self._exported(str(path), rows), self._export_failed)

    def _exported(self, path: str, rows: int) -> None:
        self._tell(QMessageBox.Information, self.tr("Wrote the scorecard to {path}.").format(path=path))
        self.exported.emit(path, rows)

    def _export_failed(self, text: str) -> None:
        self._tell(QMessageBox.Warning, text)
        self.export_failed.emit(text)

    def _tell(self, icon, text: str) -> None:
        self.result_box = message_box(self, icon, self.tr("Staff scorecard"), text)
        self.result_box.open()
