"""Record one follow-up call: reached or not, problem solved, satisfaction, notes."""

from __future__ import annotations

from app.ui.form_dialog import FormDialog
from plugins.visits import service


class RecordCallDialog(FormDialog):
    def __init__(self, ctx, call_id, parent=None):
        super().__init__(self.tr("Record call"), parent)
        self.ctx, self.call_id = ctx, call_id
        self.reached = self.add_check("reached", self.tr("The customer was reached"), True)
        self.solved = self.add_check("solved", self.tr("The problem is solved"), True)
        self.satisfaction = self.add_spin("satisfaction", self.tr("Satisfaction (1–5)"), 5, minimum=1, maximum=5)
        self.notes = self.add_multiline("notes", self.tr("Notes"), max_height=90)
        self.reached.toggled.connect(self._reached_changed)

    def _reached_changed(self, reached: bool) -> None:
        self.solved.setEnabled(reached)  # an unreachable customer answers no questions
        self.satisfaction.setEnabled(reached)

    def perform(self) -> None:
        reached = self.reached.isChecked()
        with self.ctx.transaction() as session:
            service.record_call(session, self.ctx.actor, self.call_id, reached=reached,
                                solved=self.solved.isChecked() if reached else None,
                                satisfaction=self.satisfaction.value() if reached else None,
                                notes=self.notes.toPlainText())
