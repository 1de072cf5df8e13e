"""The follow-up surveys, one per ticket category, for HQ to edit: questions are added, changed,
moved and removed in a draft, and "Publish" stores the draft as the category's next version.
The two fixed questions stay in every survey. Elsewhere than at HQ the page only shows them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QHBoxLayout, QListWidget, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from app.errors import UserError
from app.orgs.local_time import local_text
from app.ui.form_dialog import FormDialog
from app.ui.plain_text import information, plain_label, set_plain, warn
from app.ui.shortcuts import SAVE, show_shortcut
from plugins.visits import service

KINDS = ("yes_no", "score", "choice", "text")


class QuestionDialog(FormDialog):
    """One question: its text, its kind and, for a choice, the options (one per line)."""

    def __init__(self, question, parent=None):
        super().__init__(self.tr("Survey question"), parent, min_width=480, enter_submits=False)
        self.question = question
        self.result_question = None
        self.text = self.add_multiline("text", self.tr("Question"), question.text if question else "", max_height=70)
        self.kind = self.add_combo("kind", self.tr("Kind"), [(service.kind_label(k), k) for k in KINDS],
                                   current=question.kind if question else "yes_no")
        self.kind.setEnabled(not (question and question.fixed))  # the fixed questions keep their kind
        self.options = self.add_multiline("options", self.tr("Options (one per line)"),
                                          "\n".join(question.options) if question else "", max_height=90)
        self.kind.currentIndexChanged.connect(lambda *_: self.options.setEnabled(self.kind.currentData() == "choice"))
        self.options.setEnabled(self.kind.currentData() == "choice")

    def perform(self) -> None:
        values = self.values()
        if not values["text"].strip():
            raise UserError(self.tr("Write the question."))
        options = tuple(line.strip() for line in values["options"].splitlines() if line.strip())
        code = self.question.code if self.question else ""
        self.result_question = service.Question(code, values["text"].strip(), values["kind"],
                                                options if values["kind"] == "choice" else (),
                                                bool(self.question and self.question.fixed))


class SurveyEditorPage(QWidget):
    published = Signal(str)  # the category whose new version was stored

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.refusal = service.survey_edit_refusal(ctx.actor)
        self.lines: list = []
        self.drafts: dict[str, list] = {}
        self.categories = QListWidget(objectName="categories")
        self.categories.setMaximumWidth(220)
        self.categories.currentRowChanged.connect(lambda *_: self._show_questions())
        self.heading = plain_label(wrap=True, name="heading")
        self.notice = plain_label(self.refusal, wrap=True, name="notice")
        self.notice.setVisible(bool(self.refusal))
        self.table = QTableWidget(0, 4, objectName="questions")
        self.table.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Kind"), self.tr("Options"),
                                              self.tr("Fixed")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setSelectionMode(QTableWidget.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 420)
        self.table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        self.add_button = self._button(buttons, self.tr("Add question…"), self.add_question)
        self.edit_button = self._button(buttons, self.tr("Edit…"), self.edit_question)
        self.remove_button = self._button(buttons, self.tr("Remove"), self.remove_question)
        self.up_button = self._button(buttons, self.tr("Move up"), lambda: self.move(-1))
        self.down_button = self._button(buttons, self.tr("Move down"), lambda: self.move(1))
        buttons.addStretch()
        self.discard_button = self._button(buttons, self.tr("Discard changes"), self.discard)
        self.publish_button = self._button(buttons, self.tr("Publish new version"), self.publish)
        show_shortcut(self.publish_button, SAVE)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.table)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.categories)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(body)
        self.reload()

    def _button(self, row: QHBoxLayout, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # ------------------------------------------------------------------ showing

    def reload(self) -> None:
        current = self.categories.currentRow()
        with self.ctx.reading() as session:  # a handful of categories and questions
            self.lines = service.survey_overview(session, self.ctx.actor, hook=self.ctx.hook)
            self.published_texts = {line.category: local_text(session, self.ctx.actor.org_id, line.form.published_at)
                                    for line in self.lines}
        self.drafts = {}
        self.categories.blockSignals(True)
        self.categories.clear()
        for line in self.lines:
            self.categories.addItem(self.tr("{category} (v{version})").format(category=line.label,
                                                                          version=max(line.form.version, 1)))
        self.categories.blockSignals(False)
        self.categories.setCurrentRow(current if 0 <= current < len(self.lines) else 0)
        self._show_questions()

    def line(self):
        row = self.categories.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def draft(self) -> list:
        line = self.line()
        return self.drafts.setdefault(line.category, list(line.form.questions)) if line else []

    def changed(self) -> bool:
        line = self.line()
        return line is not None and tuple(self.draft()) != line.form.questions

    def _show_questions(self, select: int | None = None) -> None:
        line = self.line()
        questions = self.draft()
        self.table.setRowCount(len(questions))
        for r, question in enumerate(questions):
            for c, text in enumerate((question.text, service.kind_label(question.kind), " / ".join(question.options),
                                      self.tr("Fixed") if question.fixed else "")):
                self.table.setItem(r, c, QTableWidgetItem(text))  # never read as markup
        if line is not None:
            version = (self.tr("Version {version}, published {when} by {who}.").format(
                version=line.form.version, when=self.published_texts.get(line.category, ""), who=line.published_by)
                if line.form.version else self.tr("Default questions, not yet published."))
            draft = self.tr(" Unpublished changes.") if self.changed() else ""
            set_plain(self.heading, f"{line.label}: {version}{draft}")
        if select is not None:
            self.table.selectRow(select)
        self._enable()

    def _enable(self) -> None:
        editable = not self.refusal and self.line() is not None
        row = self.table.currentRow()
        questions = self.draft()
        chosen = 0 <= row < len(questions)
        for button in (self.add_button,):
            button.setEnabled(editable)
        self.edit_button.setEnabled(editable and chosen)
        self.remove_button.setEnabled(editable and chosen and not questions[row].fixed)
        self.up_button.setEnabled(editable and chosen and row > 0)
        self.down_button.setEnabled(editable and chosen and row < len(questions) - 1)
        self.discard_button.setEnabled(editable and self.changed())
        self.publish_button.setEnabled(editable and self.changed())

    # ------------------------------------------------------------------ editing the draft

    def save(self) -> None:  # Ctrl+S (``app.ui.shortcuts``): publish, when there is a change to publish
        self.publish_button.click()

    def question_dialog(self, question=None) -> QuestionDialog:
        return QuestionDialog(question, self)

    def add_question(self) -> None:
        dialog = self.question_dialog()
        if dialog.exec() == QuestionDialog.Accepted:
            taken = {q.code for q in self.draft()}
            code = next(f"q{n}" for n in range(1, len(taken) + 2) if f"q{n}" not in taken)
            question = dialog.result_question
            self.draft().append(service.Question(code, question.text, question.kind, question.options))
            self._show_questions(len(self.draft()) - 1)

    def edit_question(self) -> None:
        row = self.table.currentRow()
        dialog = self.question_dialog(self.draft()[row])
        if dialog.exec() == QuestionDialog.Accepted:
            self.draft()[row] = dialog.result_question
            self._show_questions(row)

    def remove_question(self) -> None:
        row = self.table.currentRow()
        if self.draft()[row].fixed:
            information(self, self.tr("Follow-up surveys"), self.tr("Every survey asks this question."))
            return
        del self.draft()[row]
        self._show_questions()

    def move(self, step: int) -> None:
        row, questions = self.table.currentRow(), self.draft()
        questions[row], questions[row + step] = questions[row + step], questions[row]
        self._show_questions(row + step)

    def discard(self) -> None:
        self.drafts.pop(self.line().category, None)
        self._show_questions()

    def publish(self) -> None:
        line = self.line()
        try:
            with self.ctx.transaction() as session:
                service.publish_survey(session, self.ctx.actor, line.category, self.draft(), hook=self.ctx.hook)
        except UserError as exc:
            warn(self, self.tr("Follow-up surveys"), str(exc))
            return
        self.reload()
        self.published.emit(line.category)
