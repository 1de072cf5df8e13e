"""数据同步: where this installation stands with its parent and its children, and the buttons to
sync, connect, exchange offline bundles and provision children.

What may be done and why not comes from the sync door (``service.actions``); the page only
draws it. Everything that touches the database runs in a worker: counting the pending changes
scans every synced table, and a sync talks to another server.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QMenu, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from app.core_plugin import SYNC_PROVISION
from app.orgs.local_time import moment_text, zone_note
from app.sync import service as sync
from app.ui import plain_text
from app.ui.shortcuts import REFRESH, show_shortcut
from app.ui.workers import Worker, run_with_progress, start

ERROR_STYLE = "color: #b00020"
HINT_STYLE = "color: #607d8b"


@dataclass(frozen=True)
class Snapshot:
    """Everything the page shows, read in one worker run."""

    status: sync.SyncStatus
    actions: dict
    conflicts: list
    errors: list
    zone: ZoneInfo


def load_snapshot(ctx) -> Snapshot:
    actor = ctx.actor
    status = sync.status(ctx, actor)
    return Snapshot(status, sync.actions(ctx, actor), sync.problems(ctx, actor, "conflicts"),
                    sync.problems(ctx, actor, "errors"), ZoneInfo(status.zone))


def local_time(value: str, zone: ZoneInfo) -> str:
    """A stored UTC moment (ISO text, with or without its offset) in ``zone``, to the minute."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return moment_text(moment, zone)


# Paths, URLs and error details shown here are worth copying.
plain_label = partial(plain_text.plain_label, selectable=True)


def plain_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))  # items never render markup
    for column in range(table.columnCount() - 1):
        table.resizeColumnToContents(column)


class SyncPage(QWidget):
    refreshed = Signal()  # a new snapshot is on screen (or the reason it could not be read)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: Snapshot | None = None
        self._generation = 0
        title = plain_text.plain_label(self.tr("Data sync"))
        title.setStyleSheet("font-size: 20px; font-weight: bold")
        top = QHBoxLayout()
        top.addWidget(self._status_box(), 3)
        self.children_box = self._children_box()
        self.children_box.setVisible(ctx.actor.has(SYNC_PROVISION))
        top.addWidget(self.children_box, 2)
        self.outcome = plain_label(wrap=True)
        self.outcome.setObjectName("outcome")
        self.outcome.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(self._buttons())
        layout.addWidget(self.outcome)
        layout.addWidget(self._problems_box(), 1)
        self.refresh()

    # ------------------------------------------------------------ layout

    def _status_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This installation"))
        form = QFormLayout(box)
        self.node_label, self.parent_label, self.interval_label = plain_label(), plain_label(wrap=True), plain_label()
        self.pending_label, self.push_label, self.pull_label = plain_label(), plain_label(wrap=True), plain_label(wrap=True)
        self.error_label = plain_label(wrap=True)
        self.error_label.setObjectName("last_error")
        self.zone_label = plain_label(wrap=True)
        self.zone_label.setStyleSheet(HINT_STYLE)
        for text, widget in ((self.tr("This node"), self.node_label), (self.tr("Parent"), self.parent_label),
                             (self.tr("Automatic sync"), self.interval_label),
                             (self.tr("Changes not yet sent"), self.pending_label),
                             (self.tr("Last push"), self.push_label), (self.tr("Last pull"), self.pull_label),
                             (self.tr("Last error"), self.error_label)):
            form.addRow(plain_text.plain_label(text), widget)
        form.addRow(self.zone_label)
        return box

    def _children_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Child installations"))
        self.children_table = plain_table([self.tr("Code"), self.tr("Provisioned"), self.tr("Last push"),
                                           self.tr("Last pull")])
        self.children_table.setObjectName("children")
        self.children_table.setMaximumHeight(170)
        self.no_children = plain_label(self.tr("No child installation has been provisioned here yet."), wrap=True)
        self.no_children.setStyleSheet(HINT_STYLE)
        self.provision_button = QPushButton(self.tr("Provision node…"))
        self.provision_button.clicked.connect(self.open_provision)
        self.child_bundle_button = QPushButton(self.tr("Bundle for the selected child…"))
        self.child_bundle_button.clicked.connect(self.export_for_child)
        buttons = QHBoxLayout()
        buttons.addWidget(self.provision_button)
        buttons.addWidget(self.child_bundle_button)
        buttons.addStretch()
        layout = QVBoxLayout(box)
        layout.addWidget(self.children_table)
        layout.addWidget(self.no_children)
        layout.addLayout(buttons)
        layout.addStretch()
        return box

    def _buttons(self) -> QHBoxLayout:
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(self.sync_now)
        self.connect_button = QPushButton(self.tr("Connect to parent…"))
        self.connect_button.clicked.connect(self.open_connect)
        self.export_button = QPushButton(self.tr("Export bundle…"))
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Changes since the last push…"), lambda: self.export_bundle(full=False))
        menu.addAction(self.tr("Everything (a full bundle)…"), lambda: self.export_bundle(full=True))
        self.export_button.setMenu(menu)
        self.import_button = QPushButton(self.tr("Import bundle…"))
        self.import_button.clicked.connect(lambda: self.import_bundle())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        show_shortcut(refresh, REFRESH)
        self.hint = plain_label(wrap=True)
        self.hint.setStyleSheet(HINT_STYLE)
        row = QHBoxLayout()
        for button in (self.sync_button, self.connect_button, self.export_button, self.import_button, refresh):
            button.setEnabled(button is refresh)  # until the door has said what is possible here
            row.addWidget(button)
        row.addWidget(self.hint, 1)
        return row

    def _problems_box(self) -> QWidget:
        headers = [self.tr("When"), self.tr("From"), self.tr("Table"), self.tr("Key"), self.tr("Details")]
        self.conflicts_table, self.errors_table = plain_table(headers), plain_table(headers)
        self.conflicts_table.setObjectName("conflicts")
        self.errors_table.setObjectName("errors")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.conflicts_table, "")
        self.tabs.addTab(self.errors_table, "")
        self.detail = QPlainTextEdit()  # the whole losing row or refusal, which the cell cuts short
        self.detail.setObjectName("detail")
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(80)
        self.detail.setPlaceholderText(self.tr("Select a row to see all of it."))
        for table in (self.conflicts_table, self.errors_table):
            table.itemSelectionChanged.connect(lambda t=table: self._show_detail(t))
        self.no_problems = plain_label(self.tr("No conflicts kept and no rows refused."))
        self.no_problems.setStyleSheet(HINT_STYLE)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_problems)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.detail)
        layout.addStretch()
        return box

    # ------------------------------------------------------------ showing what the door says

    def refresh(self) -> None:
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        self._loader = Worker(lambda progress, cancelled: load_snapshot(ctx))
        self._loader.signals.finished.connect(lambda snap: self._show(snap, generation))
        self._loader.signals.failed.connect(lambda message: self._show_failure(message, generation))
        start(self._loader)

    def _show_failure(self, message: str, generation: int) -> None:
        if generation == self._generation:
            self.error_label.setText(message)
            self.error_label.setStyleSheet(ERROR_STYLE)
            self.refreshed.emit()

    def _show(self, snap: Snapshot, generation: int) -> None:
        if generation != self._generation:  # an older read that arrived late
            return
        self.snapshot = snap
        status, zone = snap.status, snap.zone
        never = self.tr("never")
        self.node_label.setText(status.node_code)
        if status.parent:
            self.parent_label.setText(f"{status.parent_code} — {status.parent}" if status.parent_code else status.parent)
        elif status.parent_code:
            self.parent_label.setText(self.tr("{code} (not connected)").format(code=status.parent_code))
        else:
            self.parent_label.setText(self.tr("none: this is the top of the network"))
        self.interval_label.setText(self.tr("every {n} minutes").format(n=status.interval_minutes)
                                    if status.interval_minutes else self.tr("off"))
        self.pending_label.setText(str(status.pending))
        self.push_label.setText(self._last_text(status.last_push, zone, never, push=True))
        self.pull_label.setText(self._last_text(status.last_pull, zone, never, push=False))
        error = self._last_error(status)
        self.error_label.setText(error or self.tr("none"))
        self.error_label.setStyleSheet(ERROR_STYLE if error else "")
        note = zone_note(zone)
        self.zone_label.setText(self.tr("Times are in {zone}.").format(zone=note) if note else "")
        self.zone_label.setVisible(bool(self.zone_label.text()))
        yes, no = self.tr("yes"), self.tr("no")
        self.children_table.setVisible(bool(status.children))
        self.no_children.setVisible(not status.children)
        fill(self.children_table, [[c.code, yes if c.provisioned else no, local_time(c.last_push_at, zone) or never,
                                    local_time(c.last_pull_at, zone) or never] for c in status.children])
        for table, problems in ((self.conflicts_table, snap.conflicts), (self.errors_table, snap.errors)):
            fill(table, [[local_time(p.at, zone), p.node, p.table, p.key, p.detail] for p in problems])
        self.tabs.setTabText(0, self.tr("Conflicts kept ({n})").format(n=status.conflicts))
        self.tabs.setTabText(1, self.tr("Rows refused ({n})").format(n=status.errors))
        any_problem = bool(snap.conflicts or snap.errors)
        self.tabs.setVisible(any_problem)
        self.detail.setVisible(any_problem)
        self.no_problems.setVisible(not any_problem)
        if any_problem and not snap.conflicts:
            self.tabs.setCurrentIndex(1)
        self._show_actions(snap.actions)
        if not status.children:  # nothing to select yet
            self.child_bundle_button.setEnabled(False)
        self.refreshed.emit()

    def _last_text(self, last: dict, zone: ZoneInfo, never: str, push: bool) -> str:
        if not last:
            return never
        if last.get("error"):
            ok = local_time(last.get("ok_at", ""), zone) or never
            return self.tr("failed at {at}; last success {ok}").format(at=local_time(last["at"], zone), ok=ok)
        counts = (self.tr("{rows} rows and {deleted} deletions sent") if push else
                  self.tr("{rows} rows and {deleted} deletions received")).format(
            rows=last.get("rows", 0), deleted=last.get("deleted", 0))
        text = f"{local_time(last.get('ok_at', ''), zone)} · {counts}"
        if last.get("conflicts") or last.get("errors"):
            text += self.tr(" ({conflicts} conflicts kept, {errors} refused)").format(
                conflicts=last.get("conflicts", 0), errors=last.get("errors", 0))
        return f"{text}\n{last['full_resend']}" if last.get("full_resend") else text

    def _last_error(self, status) -> str:
        """The newest failure of the two directions; gone once that direction succeeds again."""
        failed = [d for d in (status.last_push, status.last_pull) if d and d.get("error")]
        return max(failed, key=lambda d: d.get("at", ""))["error"] if failed else ""

    def _show_actions(self, actions: dict) -> None:
        for key, button in (("sync", self.sync_button), ("connect", self.connect_button),
                            ("export", self.export_button), ("import", self.import_button),
                            ("provision", self.provision_button), ("provision", self.child_bundle_button)):
            allowed = actions[key]
            button.setEnabled(allowed.ok)
            button.setToolTip(plain_text.tooltip_text(allowed.reason))
        self.hint.setText(actions["sync"].reason)

    def _show_detail(self, table: QTableWidget) -> None:
        row = table.currentRow()
        item = table.item(row, table.columnCount() - 1) if row >= 0 else None
        self.detail.setPlainText(item.text() if item else "")

    # ------------------------------------------------------------ actions

    def _run(self, title: str, work, done) -> None:
        """``work(progress, cancelled)`` in a worker behind a progress dialog; ``done(result)``
        says in one sentence what happened; the page then reads the new state."""
        def job(progress, cancelled):
            progress(title, 0.0)
            return work(progress, cancelled)

        self._job = run_with_progress(self, title, job, lambda result: self._finished(done(result)), self._failed)

    def _finished(self, sentence: str) -> None:
        self.outcome.setStyleSheet("")
        self.outcome.setText(sentence)
        self.outcome.setVisible(True)
        self.refresh()

    def _failed(self, message: str) -> None:
        self.outcome.setStyleSheet(ERROR_STYLE)
        self.outcome.setText(message)
        self.outcome.setVisible(True)
        self.refresh()

    def sync_now(self) -> None:
        from app.sync.engine import Cancelled

        ctx = self.ctx
        stages = {"push": (self.tr("Sending this installation's changes…"), 0.0),
                  "pull": (self.tr("Fetching changes from the parent…"), 0.5)}

        def work(progress, cancelled):
            def step(stage: str, fraction: float) -> None:
                label, base = stages[stage]
                progress(label, base + fraction / 2)
            try:
                return sync.sync_now(ctx, ctx.actor, step, cancelled)
            except Cancelled:
                return None

        def done(results) -> str:
            if results is None:
                return self.tr("Cancelled. What the parent confirmed is kept; the next sync goes on from there.")
            return " ".join(sync.describe(result) for result in results)

        self._run(self.tr("Syncing with the parent…"), work, done)

    def open_connect(self) -> None:
        from app.ui.sync_dialogs import ConnectDialog

        interval = self.snapshot.status.interval_minutes if self.snapshot else sync.DEFAULT_INTERVAL_MINUTES
        dialog = ConnectDialog(self.ctx, interval, self)
        if dialog.exec() == ConnectDialog.Accepted:
            self._finished(self.tr("Parent set: {where}.").format(where=dialog.where or self.tr("bundles only")))

    def open_provision(self) -> None:
        from app.ui.sync_dialogs import ProvisionDialog

        dialog = ProvisionDialog(self.ctx, self)
        if dialog.exec() == ProvisionDialog.Accepted:
            self._finished(self.tr("Provisioned {code}; give {path} to its administrator (it holds a password: keep "
                                   "it safe).").format(code=dialog.result_code, path=dialog.path.text().strip()))

    def export_bundle(self, full: bool = False, path: str | None = None, for_code: str | None = None) -> None:
        """This node's changes for its parent, or (``for_code``) everything a child would pull."""
        name = for_code or (self.snapshot.status.node_code if self.snapshot else "node")
        suggested = f"{name}-{'down-' if for_code else ''}{date.today():%Y%m%d}.bundle"
        if not path:
            title = self.tr("Bundle for {code}").format(code=for_code) if for_code else self.tr("Export bundle")
            path, _ = QFileDialog.getSaveFileName(self, title, suggested, self.tr("Sync bundle (*.bundle)"))
        if path:
            ctx = self.ctx
            self._run(self.tr("Writing the bundle…"),
                      lambda progress, cancelled: sync.export_bundle(ctx, ctx.actor, Path(path), full, for_code),
                      lambda result: self.tr("Wrote {rows} rows (changes {start}–{end}) to {path}.").format(
                          rows=result.rows, start=result.from_seq, end=result.to_seq, path=path))

    def export_for_child(self) -> None:
        row = self.children_table.currentRow()
        if row < 0:
            self._failed(self.tr("Select a child installation first."))
            return
        self.export_bundle(for_code=self.children_table.item(row, 0).text())

    def import_bundle(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import bundle"), "",
                                                  self.tr("Sync bundle (*.bundle);;All files (*)"))
        if path:
            ctx = self.ctx
            self._run(self.tr("Applying the bundle…"),
                      lambda progress, cancelled: sync.import_bundle(ctx, ctx.actor, Path(path)),
                      lambda result: self._imported(result, path))

    def _imported(self, result, path: str) -> str:
        if result.already:
            return self.tr("{path} was imported before; nothing changed.").format(path=path)
        report = result.report
        return self.tr("Applied {rows} rows from {node} ({conflicts} conflicts kept, {errors} refused).").format(
            rows=report.rows if report else result.rows, node=result.node_code,
            conflicts=report.conflicts if report else 0, errors=report.errors if report else 0)
