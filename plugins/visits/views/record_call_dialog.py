"""Record one follow-up call: how it went and, when the customer was reached, the survey of the
ticket's category; an unsolved problem is reopened or followed by a quality complaint. What an
outcome will do is said before saving."""

from __future__ import annotations

from app.ui.form_dialog import FormDialog
from app.ui.plain_text import set_plain
from plugins.visits import service

ANSWER = "answer:"  # field names of the survey's questions: the door names a refused answer so


class RecordCallDialog(FormDialog):
    def __init__(self, ctx, call_id, parent=None):
        super().__init__(self.tr("Record call"), parent, min_width=560, enter_submits=False)
        self.ctx, self.call_id, self.recorded = ctx, call_id, None
        with ctx.reading() as session:
            form = service.call_form(session, ctx.actor, call_id)
        self.form_data = form
        line = form.line
        self.ticket_number = line.call.ticket_number
        self.add_info("ticket", line.call.ticket_number, label=self.tr("Ticket"))
        self.add_info("customer", line.customer, label=self.tr("Customer"))
        self.add_info("contact", f"{line.contact}  {line.phone}".strip(), label=self.tr("Contact"))
        self.add_info("engineer", line.engineer, label=self.tr("Engineer"))
        self.add_info("attempts", self.tr("{made} of {most}").format(made=line.call.attempts, most=form.max_attempts),
                      label=self.tr("Attempts so far"))
        self.outcome = self.add_combo("outcome", self.tr("Outcome"),
                                      [(service.outcome_label(o), o) for o in service.OUTCOMES])
        self.consequence = self.add_info("consequence", "", label=None)
        self.answers = {q.code: self._question(q) for q in form.survey.questions}
        self.unsolved_action = self.add_combo("unsolved_action", self.tr("Not solved: what now"), [
            (self.tr("— choose —"), ""), (self.tr("Reopen the ticket"), "reopen"),
            (self.tr("Open a quality complaint"), "complaint")])
        self.unsolved_reason = self.add_multiline("unsolved_reason", self.tr("Reason"), max_height=70)
        self.note = self.add_multiline("note", self.tr("Note"), max_height=70)
        self.outcome.currentIndexChanged.connect(self._changed)
        self.ask_first(self._closing_unreachable, self.tr("Close call"))
        for code in ("solved", "satisfaction"):
            if code in self.answers:
                self.answers[code].currentIndexChanged.connect(self._changed)
        self._changed()

    def _question(self, question):
        name, label = f"{ANSWER}{question.code}", question.text
        if question.kind == "text":
            return self.add_text(name, label)
        choices = {"yes_no": [(self.tr("Yes"), True), (self.tr("No"), False)],
                   "score": [(str(score), score) for score in (1, 2, 3, 4, 5)],
                   "choice": [(option, option) for option in question.options]}[question.kind]
        return self.add_combo(name, label, [(self.tr("— not answered —"), None), *choices])

    def reached(self) -> bool:
        return self.outcome.currentData() == "reached"

    def _answer(self, code: str):
        field = self.answers.get(code)
        return field.currentData() if field is not None else None

    def _changed(self, *_) -> None:
        reached = self.reached()
        for code in self.answers:
            self.set_visible(f"{ANSWER}{code}", reached)
        unsolved = reached and self._answer("solved") is False
        self.set_visible("unsolved_action", unsolved)
        self.set_visible("unsolved_reason", unsolved)
        set_plain(self.consequence, self._consequence(reached))

    def _closing_unreachable(self) -> str:
        """The outcome that ends the call without the customer (asked first; other outcomes save at once)."""
        if self.reached():
            return ""
        attempt = self.form_data.line.call.attempts + 1
        if self.outcome.currentData() == "no_answer" and attempt < self.form_data.max_attempts:
            return ""
        return self.tr("The call on {ticket} is closed as unreachable: no more attempts are made and no survey "
                       "is taken.").format(ticket=self.ticket_number)

    def _consequence(self, reached: bool) -> str:
        outcome, most = self.outcome.currentData(), self.form_data.max_attempts
        if outcome == "no_answer":
            attempt = self.form_data.line.call.attempts + 1
            if attempt >= most:
                return self.tr("This is attempt {attempt} of {most}: saving closes the call as unreachable.").format(
                    attempt=attempt, most=most)
            return self.tr("This is attempt {attempt} of {most}; the call stays due.").format(attempt=attempt,
                                                                                              most=most)
        if not reached:
            return self.tr("Saving closes the call as unreachable: no more attempts are made.")
        notes = [self.tr("Ask the customer the questions below.")]
        if self._answer("solved") is False:
            notes.append(self.tr("Not solved: reopen the ticket or open a quality complaint, and say why."))
        if self._answer("satisfaction") in (1, 2):
            notes.append(self.tr("A score of 1 or 2 opens a corrective action for the branch manager: note what the "
                                 "customer was unhappy about."))
        return " ".join(notes)

    def perform(self) -> None:
        reached = self.reached()
        values = self.values()
        answers = {code: values[f"{ANSWER}{code}"] for code in self.answers} if reached else None
        with self.ctx.transaction() as session:
            self.recorded = service.record_call(
                session, self.ctx.actor, self.call_id, outcome=self.outcome.currentData(), hook=self.ctx.hook,
                answers=answers, note=values["note"],
                unsolved_action=values["unsolved_action"] if reached else "",
                unsolved_reason=values["unsolved_reason"] if reached else "")
