"""Attendance and exam scores for the engineers holding a seat in one session."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHeaderView, QSpinBox, QTableWidget, QTableWidgetItem

from app.ui.form_dialog import FormDialog
from plugins.training import service
from plugins.training.views import labels

NO_SCORE = -1  # the spin box's special value: no exam score yet


class ScoresDialog(FormDialog):
    def __init__(self, ctx, session_id, parent=None):
        with ctx.reading() as session:
            training = service.get_session(session, ctx.actor, session_id)
            pass_mark = training.course.pass_mark
            title = f"{training.course.code} {training.course.title}"
            rows = [r for r in service.session_enrolments(session, ctx.actor, session_id)
                    if r.state == "enrolled"]
        super().__init__(self.tr("Attendance and exam scores"), parent, ok_text=self.tr("Save"),
                         cancel_text=self.tr("Cancel"),
                         intro=self.tr("{course} — pass mark {mark}").format(course=title, mark=pass_mark))
        self.ctx, self.session_id = ctx, session_id
        self.pass_mark, self.rows = pass_mark, rows
        self.table = QTableWidget(len(self.rows), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Engineer"), self.tr("Present"), self.tr("Score"),
                                              self.tr("Result")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setColumnWidth(2, 110)
        self.present: list[QCheckBox] = []
        self.scores: list[QSpinBox] = []
        for r, row in enumerate(self.rows):
            self._add_row(r, row)
        self.add_widget("sheet", None, self.table, door_names=("score", "attended"))
        self.resize(480, 420)

    def _add_row(self, r: int, row) -> None:
        self.table.setItem(r, 0, QTableWidgetItem(f"{row.engineer} ({row.org_code})"))
        present = QCheckBox()
        present.setChecked(bool(row.attended))
        score = QSpinBox()
        score.setRange(NO_SCORE, 100)
        score.setSpecialValueText(self.tr("—"))
        score.setValue(NO_SCORE if row.score is None else row.score)
        score.valueChanged.connect(lambda value, box=present: value != NO_SCORE and box.setChecked(True))
        score.valueChanged.connect(lambda value, row_index=r: self._show_result(row_index, value))
        self.table.setCellWidget(r, 1, present)
        self.table.setCellWidget(r, 2, score)
        self.table.setItem(r, 3, QTableWidgetItem())
        self._show_result(r, score.value())
        self.present.append(present)
        self.scores.append(score)

    def _show_result(self, row: int, score: int) -> None:
        """Pass or fail against the course's pass mark as the trainer types, before saving."""
        passed = None if score == NO_SCORE else score >= self.pass_mark
        item = self.table.item(row, 3)
        item.setText(labels.result(passed))
        if passed is not None:
            item.setForeground(labels.result_color(passed))

    def set_score(self, engineer: str, score: int) -> None:
        for row, box in zip(self.rows, self.scores):
            if row.engineer == engineer:
                box.setValue(score)

    def perform(self) -> None:
        with self.ctx.transaction() as session:  # the whole sheet or nothing
            for row, present, score in zip(self.rows, self.present, self.scores):
                self._save_row(session, row, present.isChecked(), score.value())

    def _save_row(self, session, row, present: bool, score: int) -> None:
        if score != NO_SCORE and score != row.score:
            service.record_score(session, self.ctx.actor, row.id, score)
        elif score == NO_SCORE and present != bool(row.attended) or (row.attended is None and present):
            # an unticked box on an unrecorded row means "not recorded yet", not "absent"
            if row.attended is not None or present:
                service.record_attendance(session, self.ctx.actor, row.id, present)
