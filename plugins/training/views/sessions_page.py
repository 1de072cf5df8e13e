"""Training sessions: the list (lazily loaded), and for the chosen one its seats and waiting list.
The sessions listed, and their enrolments, go to Excel (``app.ui.list_export``; Ctrl+E exports the
list the focus is in)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QPushButton, QSplitter,
                               QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.clock import utcnow
from app.errors import UserError
from app.ui.icons import icon
from app.ui.lazy_table import LazyTableModel
from app.ui.list_export import ListExport
from app.ui.list_menu import ListMenu
from app.ui.org_filter import OrgFilter
from app.ui.plain_text import confirm, plain_label
from plugins.training import service
from plugins.training.views import labels
from plugins.training.views.enrol_dialog import CancelEnrolmentDialog, EnrolDialog
from plugins.training.views.scores_dialog import ScoresDialog
from plugins.training.views.session_dialog import SessionDialog


class SessionsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog = None
        self.may_manage = ctx.actor.has(service.MANAGE)
        self.which = QComboBox()
        self.which.addItem(self.tr("Upcoming"), "upcoming")
        self.which.addItem(self.tr("All sessions"), "all")
        self.which.currentIndexChanged.connect(self.reload)
        self.org_filter = OrgFilter(ctx)
        self.org_filter.changed.connect(lambda *_: self.reload())
        self.model = LazyTableModel([self.tr("Course"), self.tr("Title"), self.tr("Dates"), self.tr("Place"),
                                     self.tr("Trainer"), self.tr("Seats"), self.tr("Waiting"), self.tr("Status")],
                                    key_column=0)
        self.sessions = QTableView()
        self.sessions.setObjectName("sessions")
        self.sessions.setModel(self.model)
        self.sessions.setSelectionBehavior(QTableView.SelectRows)
        self.sessions.setSelectionMode(QTableView.SingleSelection)
        self.sessions.verticalHeader().hide()
        self.sessions.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.sessions.selectionModel().currentRowChanged.connect(lambda *_: self.show_enrolments())
        self.model.page_loaded.connect(self._after_load)
        self.enrolments = QTableWidget(0, 6)
        self.enrolments.setObjectName("enrolments")
        self.enrolments.setHorizontalHeaderLabels([self.tr("Engineer"), self.tr("Org unit"), self.tr("Status"),
                                                   self.tr("Attendance"), self.tr("Score"), self.tr("Result")])
        self.enrolments.setSelectionBehavior(QTableWidget.SelectRows)
        self.enrolments.setEditTriggers(QTableWidget.NoEditTriggers)
        self.enrolments.verticalHeader().hide()
        self.enrolments.horizontalHeader().setStretchLastSection(True)
        self.enrolments.horizontalHeader().setMinimumSectionSize(90)
        self.list_menus = [
            ListMenu(self.sessions, ctx, self.tr("Training sessions"), open=lambda _index: self.edit_session(),
                     open_text=self.tr("Edit session…"), can_open=lambda: self.may_manage, number=0),
            ListMenu(self.enrolments, ctx, self.tr("Enrolments"), number=0)]
        self.summary = plain_label()
        self.message = plain_label()
        self.message.setStyleSheet("color: #c62828")
        self._build()
        self.reload()

    def _build(self) -> None:
        self.sessions_export = ListExport(self, self.ctx, self.tr("Training sessions"),
                                          lambda: partial(service.export_sessions, **self.shown),
                                          shortcut_on=self.sessions)
        self.new_button = self._button(self.tr("New session…"), "fa5s.plus", self.new_session)
        self.cancel_session_button = self._button(self.tr("Cancel session"), "fa5s.ban", self.cancel_session)
        self.edit_session_button = self._button(self.tr("Edit session…"), "fa5s.edit", self.edit_session)
        self.enrol_button = self._button(self.tr("Enrol…"), "fa5s.user-plus", self.enrol)
        self.cancel_button = self._button(self.tr("Cancel enrolment…"), "fa5s.user-minus", self.cancel_enrolment)
        self.scores_button = self._button(self.tr("Attendance and scores…"), "fa5s.clipboard-check", self.scores)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Show")))
        top.addWidget(self.which)
        top.addWidget(self.org_filter)
        top.addStretch()
        top.addWidget(self.sessions_export.button)
        top.addWidget(self.edit_session_button)
        top.addWidget(self.cancel_session_button)
        top.addWidget(self.new_button)
        actions = QHBoxLayout()
        actions.addWidget(self.summary)
        actions.addStretch()
        for button in (self.enrol_button, self.cancel_button, self.scores_button):
            actions.addWidget(button)
        lower = QWidget()
        self.enrolments_export = ListExport(self, self.ctx, self.tr("Enrolments"),
                                            lambda: partial(service.export_enrolments, **self.shown),
                                            text=self.tr("Export enrolments…"), shortcut_on=lower)
        self.enrolments_export.button.setObjectName("export_enrolments")
        actions.addWidget(self.enrolments_export.button)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        lower_layout.addWidget(self.enrolments)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.sessions)
        split.addWidget(lower)
        split.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split)
        layout.addWidget(self.message)
        self._enable_actions(False)

    def _button(self, text: str, icon_name: str, slot) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.clicked.connect(slot)
        button.setVisible(self.may_manage)
        return button

    # ------------------------------------------------------------ sessions

    def refresh(self) -> None:  # F5 (``app.ui.shortcuts``)
        self.reload()

    def reload(self, keep_id=None) -> None:
        self._keep = keep_id if keep_id is not None else self.selected_session()
        upcoming = utcnow().date() if self.which.currentData() == "upcoming" else None
        ctx, actor, unit = self.ctx, self.ctx.actor, self.org_filter.arguments()
        self.shown = {"upcoming_from": upcoming, **unit}  # what the exports write
        cancelled = self.tr("Cancelled")
        planned, done = self.tr("Planned"), self.tr("Finished")
        today = utcnow().date()

        cursors: dict = {}  # offset -> (starts_on, id) of the row before it: deep pages by keyset

        def fetch(offset: int, limit: int):
            with ctx.reading() as session:
                rows = service.session_rows(session, actor, offset, limit, upcoming, cursors.get(offset), **unit)
            if rows:
                cursors[offset + len(rows)] = (rows[-1].starts_on, rows[-1].id)
            return [(r.id, r.course_code, r.course_title, labels.dates(r.starts_on, r.ends_on),
                     r.place, r.trainer,
                     f"{r.enrolled}/{r.capacity}", r.waiting or "",
                     cancelled if r.cancelled else (done if r.ends_on < today else planned)) for r in rows]

        self.model.set_fetcher(fetch)

    def _after_load(self, count: int) -> None:
        self.sessions.resizeColumnsToContents()
        if self.selected_session() is not None or not count:
            return
        keys = [self.model.key_at(row) for row in range(count)]
        self.sessions.selectRow(keys.index(self._keep) if self._keep in keys else 0)
        self.show_enrolments()

    def selected_session(self):
        index = self.sessions.currentIndex()
        return self.model.key_at(index.row()) if index.isValid() and index.row() < len(self.model.rows) else None

    # ------------------------------------------------------------ enrolments

    def show_enrolments(self) -> None:
        session_id = self.selected_session()
        self._enable_actions(session_id is not None)
        if session_id is None:
            self.enrolments.setRowCount(0)
            self.summary.clear()
            return
        with self.ctx.reading() as session:
            training = service.get_session(session, self.ctx.actor, session_id)
            rows = service.session_enrolments(session, self.ctx.actor, session_id)
            seats = service.seats_taken(session, self.ctx.actor, session_id)
            waiting = service.seats_taken(session, self.ctx.actor, session_id, "waiting")
        summary = self.tr("{course}: {taken} of {capacity} seats taken, {waiting} waiting").format(
            course=training.course.code, taken=seats, capacity=training.capacity, waiting=waiting)
        hidden = seats + waiting - sum(r.state != "cancelled" for r in rows)
        if hidden:  # another unit's engineers count against the seats but stay out of sight
            summary += self.tr(" ({n} from other units not listed)").format(n=hidden)
        self.summary.setText(summary)
        self.enrolments.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (row.engineer, row.org_code, labels.state(row.state), labels.attended(row.attended),
                      "" if row.score is None else str(row.score), labels.result(row.passed))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, row.id)
                if c == 5 and labels.result_color(row.passed) is not None:
                    item.setForeground(labels.result_color(row.passed))
                if row.state == "cancelled":
                    item.setForeground(Qt.gray)
                self.enrolments.setItem(r, c, item)
        self.enrolments.resizeColumnsToContents()

    def enrolment_texts(self, column: int) -> list[str]:
        return [self.enrolments.item(r, column).text() for r in range(self.enrolments.rowCount())]

    def _enable_actions(self, enabled: bool) -> None:
        for button in (self.enrol_button, self.cancel_button, self.scores_button, self.cancel_session_button,
                       self.edit_session_button):
            button.setEnabled(enabled)

    # ------------------------------------------------------------ dialogs

    def new_session(self) -> None:
        dialog = SessionDialog(self.ctx, self)
        self._open(dialog, lambda: self._created(dialog.created_id))

    def edit_session(self) -> None:
        if self.selected_session() is not None:
            dialog = SessionDialog(self.ctx, self, self.selected_session())
            self._open(dialog, lambda: self.reload(dialog.created_id))

    def _created(self, session_id) -> None:
        self.which.setCurrentIndex(self.which.findData("all"))
        self.reload(session_id)

    def enrol(self) -> None:
        if self.selected_session() is not None:
            self._open(EnrolDialog(self.ctx, self.selected_session(), self), self.show_and_count)

    def cancel_enrolment(self) -> None:
        row = self.enrolments.currentRow()
        if row < 0:
            self.message.setText(self.tr("Select an enrolment first."))
            return
        enrolment_id = self.enrolments.item(row, 0).data(Qt.UserRole)
        self._open(CancelEnrolmentDialog(self.ctx, enrolment_id, self.enrolments.item(row, 0).text(), self),
                   self.show_and_count)

    def scores(self) -> None:
        if self.selected_session() is not None:
            try:
                dialog = ScoresDialog(self.ctx, self.selected_session(), self)
            except UserError as exc:
                self.message.setText(str(exc))
                return
            self._open(dialog, self.show_and_count)

    def cancel_session(self) -> None:
        session_id = self.selected_session()
        if session_id is None:
            return
        if not confirm(self, self.tr("Cancel session"), self.tr("The session is cancelled for good: nobody can enrol in "
                                                               "it any more; to hold it after all, plan a new one."),
                       self.tr("Cancel session")):
            return
        try:
            with self.ctx.transaction() as session:
                service.cancel_session(session, self.ctx.actor, session_id)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.show_and_count()

    def show_and_count(self) -> None:
        self.message.clear()
        self.reload()

    def _open(self, dialog, on_accept) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.open()
