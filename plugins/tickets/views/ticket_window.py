"""One ticket: ``plugins.tickets.views.ticket_window.TicketWindow(ctx, ticket_id)``.

A button for every action of ``service.available_actions`` at the top, in its fixed order and
place (text above them never pushes them about): enabled, or disabled with the service's reason
as tooltip. Below: a header (number, state, customer, asset, engineer, due times), the symptom,
diagnosis and resolution, and ONE timeline of every event. Each change is one service call in one
transaction; the window then reloads and emits ``changed``. A step that cannot be undone (arrival,
close, cancel, archive, a repair order saved or signed) is confirmed first, saying what it does;
"Undo" takes back the user's own last note or field change where the service allows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from app.orgs.local_time import LocalClock
from app.ui.pdf_document import print_document, write_pdf
from app.ui.plain_text import confirm, plain_label, tooltip_text
from plugins.tickets import service
from plugins.tickets.views.action_dialogs import DispatchDialog, RemoteSessionDialog, TextDialog
from plugins.tickets.views.common import attempt, warn
from plugins.tickets.views.repair_dialog import RepairOrderDialog

# The two rows of buttons: the case's course, then what may happen beside it.
FIRST_ROW = 8


class TicketWindow(QWidget):
    changed = Signal()

    def __init__(self, ctx, ticket_id, parent=None):
        super().__init__(parent)
        self.setWindowFlag(Qt.Window)
        self.ctx, self.ticket_id = ctx, ticket_id
        self.dialog = None
        self.resize(1100, 760)
        self.header = QGridLayout()
        self.fields: dict[str, QLabel] = {}
        for index, (key, title) in enumerate(self._field_titles()):
            label = plain_label(wrap=True, selectable=True, name=f"field_{key}")
            self.fields[key] = label
            row, column = divmod(index, 3)
            self.header.addWidget(_bold(title), row, column * 2)
            self.header.addWidget(label, row, column * 2 + 1)
        self.zone_note = plain_label(name="zone_note")
        self.texts = plain_label(wrap=True, selectable=True, name="texts")
        self.timeline = QTableWidget(0, 5)
        self.timeline.setObjectName("timeline")
        self.timeline.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                                 self.tr("State"), self.tr("Details")])
        self.timeline.setEditTriggers(QTableWidget.NoEditTriggers)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setWordWrap(True)
        header = self.timeline.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.Stretch)
        self.steps = QTableWidget(0, 4)
        self.steps.setObjectName("emergency_steps")
        self.steps.setHorizontalHeaderLabels([self.tr("Emergency plan step"), self.tr("Owner"), self.tr("Deadline"),
                                              self.tr("Done")])
        self.steps.setEditTriggers(QTableWidget.NoEditTriggers)
        self.steps.setSelectionBehavior(QTableWidget.SelectRows)
        self.steps.verticalHeader().setVisible(False)
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.steps.setMaximumHeight(150)
        self.step_ids: list = []
        self.buttons = self._make_buttons()
        rows = QVBoxLayout()
        for names in (service.ACTIONS[:FIRST_ROW], service.ACTIONS[FIRST_ROW:]):
            line = QHBoxLayout()
            for name in names:
                line.addWidget(self.buttons[name])
            line.addStretch()
            rows.addLayout(line)
        layout = QVBoxLayout(self)
        layout.addLayout(rows)  # first: what changes height below (texts, zone note) never moves a button
        layout.addLayout(self.header)
        layout.addWidget(self.zone_note)
        layout.addWidget(self.texts)
        layout.addWidget(self.steps)
        layout.addWidget(_bold(self.tr("Timeline")))
        layout.addWidget(self.timeline, 1)
        self.refresh()

    def _field_titles(self):
        return [("number", self.tr("Ticket")), ("state", self.tr("State")), ("priority", self.tr("Priority")),
                ("customer", self.tr("Customer")), ("asset", self.tr("Asset")), ("category", self.tr("Category")),
                ("engineer", self.tr("Engineer")), ("opened", self.tr("Opened")), ("due", self.tr("Next due")),
                ("channel", self.tr("Channel")), ("contact", self.tr("Contact")), ("sla", self.tr("Response time")),
                ("coverage", self.tr("Contract"))]

    def _make_buttons(self) -> dict[str, QPushButton]:
        slots = {
            "diagnose": self.start_diagnosis, "record_diagnosis": self.record_diagnosis, "resolve": self.resolve,
            "remote": self.remote_session, "dispatch": self.dispatch, "arrive": self.arrive,
            "repair": self.repair_order, "close": self.close_ticket, "wait": self.wait, "resume": self.resume,
            "escalate": lambda: self.escalate(False), "expert": lambda: self.escalate(True), "answer": self.answer,
            "note": self.note, "step_done": self.step_done, "reopen": self.reopen, "cancel": self.cancel_ticket,
            "archive": self.archive, "pdf": self.print_pdf, "print": self.print_order, "undo": self.undo,
        }
        buttons = {}
        for name in service.ACTIONS:
            slot = slots[name]
            button = QPushButton(service.action_label(name))
            button.setEnabled(False)
            button.setObjectName(f"action_{name}")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons[name] = button
        return buttons

    # ------------------------------------------------------------------ reading

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            details = service.ticket_details(session, self.ctx.actor, self.ticket_id, hook=self.ctx.hook)
            ticket = details["ticket"]
            self.state = ticket.state
            self.number = ticket.number
            actions = service.available_actions(session, self.ctx.actor, self.ticket_id)
            clock = LocalClock(session)
            self.local_text = lambda moment: clock.text(ticket.org_id, moment)  # the unit's clock, as on the PDF
            zone = clock.zone_note(ticket.org_id)
            self._fill_header(details)
            self._fill_coverage(service.coverage_line(session, self.ctx.actor, self.ticket_id))
            self._fill_timeline(details["lines"])
            self._fill_steps(details["emergency_steps"])
            self._show_actions(actions)
        self.zone_note.setText(self.tr("Times are shown in {zone}.").format(zone=zone) if zone else "")
        self.zone_note.setVisible(bool(zone))
        self.setWindowTitle(self.tr("Ticket {number}").format(number=self.number))

    def _fill_header(self, details) -> None:
        ticket, asset, engineer = details["ticket"], details["asset"], details["engineer"]
        values = {
            "number": ticket.number, "state": details["state_text"],
            "priority": service.priority_label(ticket.priority), "customer": details["customer"].name,
            "asset": f"{asset.product_line} {asset.model} ({asset.serial_number})" if asset else self.tr("none"),
            "category": service.category_label(ticket.category),
            "engineer": (engineer.display_name or engineer.username) if engineer else "—",
            "opened": self.local_text(ticket.opened_at), "due": self.local_text(ticket.next_due_at),
            "channel": service.channel_label(ticket.channel),
            "contact": " ".join(filter(None, (ticket.contact_name, ticket.contact_phone))) or "—",
            "sla": self.tr("breached") if ticket.breached else self.tr("on time"),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.fields["sla"].setStyleSheet("color: #b00020; font-weight: bold" if ticket.breached else "")
        titles = (self.tr("Symptom"), self.tr("Diagnosis"), self.tr("Resolution"))
        parts = [f"{title}: {text}"
                 for title, text in zip(titles, (ticket.symptom, ticket.diagnosis, ticket.resolution)) if text]
        self.texts.setText("\n".join(parts))

    def _fill_coverage(self, line) -> None:
        self.fields["coverage"].setText(line.text)
        self.fields["coverage"].setStyleSheet("color: #b00020; font-weight: bold" if line.expired else "")

    def _fill_timeline(self, lines) -> None:
        self.timeline.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((self.local_text(line.at), line.who, line.what,
                                           line.states, line.details)):
                self.timeline.setItem(row, column, QTableWidgetItem(text))
        self.timeline.resizeRowsToContents()
        self.timeline.scrollToBottom()

    def _fill_steps(self, steps) -> None:
        from app.auth.roles import role_label

        self.step_ids = [step.id for step in steps]
        self.steps.setVisible(bool(steps))
        self.steps.setRowCount(len(steps))
        for row, step in enumerate(steps):
            done = self.local_text(step.done_at) + (f" {step.note}" if step.note else "")
            for column, text in enumerate((f"{step.position}. {step.title}", role_label(step.owner_role),
                                           self.local_text(step.due_at), done)):
                self.steps.setItem(row, column, QTableWidgetItem(text))
        self.open_steps = [step.id for step in steps if step.done_at is None]

    def _show_actions(self, actions) -> None:
        for action in actions:
            button = self.buttons[action.id]
            button.setText(action.label)
            button.setEnabled(action.enabled)
            button.setToolTip(tooltip_text(action.reason) if action.reason else "")

    # ------------------------------------------------------------------ changing

    def run(self, work) -> None:
        """``work(session)`` in one transaction; errors propagate to the dialog."""
        with self.ctx.transaction() as session:
            work(session)
        self.refresh()
        self.changed.emit()

    def _simple(self, title: str, work) -> None:
        attempt(self, title, lambda: self.run(work))

    def _text(self, title: str, label: str, action, text: str = "", required: bool = False) -> TextDialog:
        self.dialog = TextDialog(title, label, lambda value: self.run(lambda session: action(session, value)), self,
                                 text, required)
        self.dialog.open()
        return self.dialog

    def _open(self, dialog):
        self.dialog = dialog
        dialog.open()
        return dialog

    def start_diagnosis(self):
        self._simple(self.tr("Start diagnosis"),
                     lambda s: service.start_diagnosis(s, self.ctx.actor, self.ticket_id))

    def record_diagnosis(self):
        with self.ctx.reading() as session:
            current = service.load_ticket(session, self.ctx.actor, self.ticket_id).diagnosis
        return self._text(self.tr("Diagnosis"), self.tr("Diagnosis"),
                          lambda s, v: service.record_diagnosis(s, self.ctx.actor, self.ticket_id, v), current)

    def resolve(self):
        with self.ctx.reading() as session:
            current = service.load_ticket(session, self.ctx.actor, self.ticket_id).diagnosis
        return self._text(self.tr("Resolve remotely"), self.tr("Resolution"),
                          lambda s, v: service.resolve_remotely(s, self.ctx.actor, self.ticket_id, v), current)

    def remote_session(self):
        return self._open(RemoteSessionDialog(self.ctx, self.ticket_id, self.run, self))

    def dispatch(self):
        return self._open(DispatchDialog(self.ctx, self.ticket_id, self.run, self))

    def arrive(self):
        title = self.tr("Arrived on site")
        if confirm(self, title, self.tr("The arrival on site of ticket {number} is recorded now, as the on-site "
                                        "time the response target is measured by. It cannot be changed later.")
                   .format(number=self.number), self.tr("Record arrival")):
            self._simple(title, lambda s: service.arrive(s, self.ctx.actor, self.ticket_id))

    def repair_order(self):
        return self._open(RepairOrderDialog(self.ctx, self.ticket_id, self.run, self.state == "awaiting_signoff", self))

    def close_ticket(self):
        title = self.tr("Close")
        if confirm(self, title, self.tr("Ticket {number} is closed: it leaves the open cases, its clock stops and "
                                        "its follow-up is started. Only reopening it, with a reason, brings it "
                                        "back.").format(number=self.number), self.tr("Close ticket")):
            self._simple(title, lambda s: service.close_ticket(s, self.ctx.actor, self.ticket_id, hook=self.ctx.hook))

    def wait(self):
        return self._text(self.tr("Wait for customer"), self.tr("What are we waiting for?"),
                          lambda s, v: service.wait_for_customer(s, self.ctx.actor, self.ticket_id, v))

    def resume(self):
        self._simple(self.tr("Resume"), lambda s: service.resume(s, self.ctx.actor, self.ticket_id))

    def escalate(self, expert: bool):
        title = self.tr("Expert consultation") if expert else self.tr("Escalate")
        return self._text(title, self.tr("Reason"),
                          lambda s, v: service.escalate(s, self.ctx.actor, self.ticket_id, v, expert=expert))

    def answer(self):
        return self._text(self.tr("Answer"), self.tr("Answer"),
                          lambda s, v: service.answer_consultation(s, self.ctx.actor, self.ticket_id, v))

    def note(self):
        return self._text(self.tr("Add note"), self.tr("Note"),
                          lambda s, v: service.add_note(s, self.ctx.actor, self.ticket_id, v))

    def step_done(self):
        row = self.steps.currentRow()
        step_id = self.step_ids[row] if 0 <= row < len(self.step_ids) else None
        if step_id not in self.open_steps:
            step_id = self.open_steps[0]  # the first open step unless another one is selected
        position = self.step_ids.index(step_id) + 1
        return self._text(self.tr("Emergency plan step {n} done").format(n=position), self.tr("Note"),
                          lambda s, v: service.complete_emergency_step(s, self.ctx.actor, step_id, v))

    def reopen(self):
        return self._text(self.tr("Reopen"), self.tr("Reason"),
                          lambda s, v: service.reopen(s, self.ctx.actor, self.ticket_id, v,
                                                               hook=self.ctx.hook))

    def cancel_ticket(self):
        dialog = self._text(self.tr("Cancel ticket"), self.tr("Reason"),
                            lambda s, v: service.cancel(s, self.ctx.actor, self.ticket_id, v), required=True)
        dialog.ask_first(self.tr("Ticket {number} is cancelled with this reason: it leaves the open cases for good "
                                 "and can only be archived afterwards.").format(number=self.number),
                         self.tr("Cancel ticket"))
        return dialog

    def archive(self):
        title = self.tr("Archive")
        if confirm(self, title, self.tr("Ticket {number} is archived and becomes read-only for good: nothing can "
                                        "be added or changed afterwards.").format(number=self.number),
                   self.tr("Archive ticket")):
            self._simple(title, lambda s: service.archive(s, self.ctx.actor, self.ticket_id))

    def undo(self):
        title = self.tr("Undo")
        with self.ctx.reading() as session:
            offer = service.undo_offer(session, self.ctx.actor, self.ticket_id)
        if not offer.allowed:
            self.refresh()  # the button was drawn before someone else wrote on the case
            warn(self, title, offer.reason)
            return
        if confirm(self, title, self.tr("Take back {what}? The timeline keeps it, marked as withdrawn.")
                   .format(what=offer.what), self.tr("Undo")):
            self._simple(title, lambda s: service.undo_last(s, self.ctx.actor, self.ticket_id, offer.event_id))

    def print_pdf(self, path: str | None = None):
        """The repair order as a PDF file (asks where without ``path``)."""
        path = path or QFileDialog.getSaveFileName(self, self.tr("Save repair order"), f"{self.number}.pdf",
                                                   self.tr("PDF (*.pdf)"))[0]
        if not path:
            return None
        return attempt(self, self.tr("Export repair order"), lambda: write_pdf(self._repair_report(), path))

    def print_order(self) -> bool | None:
        """The same repair order through the system's print dialog; False when cancelled there."""
        return attempt(self, self.tr("Print repair order"), lambda: print_document(self._repair_report(), self))

    def _repair_report(self):
        from plugins.tickets.views.repair_pdf import repair_order

        with self.ctx.reading() as session:
            document = service.repair_order_document(session, self.ctx.actor, self.ticket_id, hook=self.ctx.hook)
        return repair_order(document)


def _bold(text: str) -> QLabel:
    label = plain_label(text)
    label.setStyleSheet("font-weight: bold")
    return label
