"""Dialogs behind the ticket window's buttons: dispatch (each candidate with unit, open cases and
certificate, the veto shown and a manager's override), a remote session with the customer's
authorisation, and a reason or text prompt."""

from __future__ import annotations

from datetime import timedelta

from app.clock import utcnow
from app.orgs.local_time import LocalClock
from app.specs import PartLine
from app.ui.form_dialog import FormDialog
from plugins.tickets import service
from plugins.tickets.views.engineer_picker import EngineerPicker

TEXT_DOOR_NAMES = ("reason", "answer", "step", "diagnosis", "resolution", "note")


class TextDialog(FormDialog):
    """One text (a reason, a note, a resolution) handed to ``action(text)``; ``required``: refused
    empty before anything is asked (a step confirmed first is taken with its reason)."""

    def __init__(self, title: str, label: str, action, parent=None, text: str = "", required: bool = False):
        super().__init__(title, parent)
        self.action = action
        self.text = self.add_multiline("text", label, text, min_height=100, door_names=TEXT_DOOR_NAMES,
                                       required=required)

    def perform(self) -> None:
        self.action(self.text.toPlainText())


class DispatchDialog(FormDialog):
    def __init__(self, ctx, ticket_id, run, parent=None):
        super().__init__(self.tr("Dispatch an on-site engineer"), parent)
        self.ctx, self.ticket_id, self.run = ctx, ticket_id, run
        with ctx.reading() as session:
            ticket = service.load_ticket(session, ctx.actor, ticket_id)
            self.zone = LocalClock(session).zone(ticket.org_id)
            # the service asks the other plugins' vetoes once; the dialog shows its answer
            self.choices = service.dispatch_choices(session, ctx.actor, ticket_id, hook=ctx.hook)
        self.engineer = self.add_widget("engineer", self.tr("Engineer"), EngineerPicker(self.choices.engineers))
        self.standing = self.add_info("standing")
        # the unit's clock, as on the timeline
        self.eta = self.add_datetime("eta", self.tr("Expected on site"), utcnow() + timedelta(hours=4), zone=self.zone)
        self.parts = self.add_text("parts", self.tr("Parts"),
                                   placeholder=self.tr("Part numbers to bring, e.g. PSU-800W×2, HDD-1.2T"))
        self.veto = self.add_info("veto")
        self.veto.setStyleSheet("color: #8a4b00")
        self.override = self.add_text("override", self.tr("Override"), door_names=("override_reason",),
                                      placeholder=self.tr("Reason for overriding the veto"))
        self.override.setEnabled(False)
        self.engineer.currentIndexChanged.connect(self.check_veto)
        self.check_veto()

    def vetoes(self) -> tuple[str, ...]:
        choice = self.engineer.currentData()
        return choice.vetoes if choice is not None else ()

    def check_veto(self) -> None:
        self.standing.setText(self.engineer.standing_text())
        vetoes = [v.strip().rstrip("。.") for v in self.vetoes()]
        manager = self.choices.may_override
        if not vetoes:
            self.veto.setText("")
        elif manager:
            self.veto.setText(self.tr("Veto: {reasons}. As a manager you may override it with a reason.")
                              .format(reasons="; ".join(vetoes)))
        else:
            self.veto.setText(self.tr("Veto: {reasons}. Only a branch manager may override it.")
                              .format(reasons="; ".join(vetoes)))
        self.override.setEnabled(bool(vetoes) and manager)

    def part_lines(self) -> tuple[PartLine, ...]:
        lines = []
        for chunk in self.parts.text().replace("，", ",").split(","):
            number, _, quantity = chunk.strip().replace("x", "×").partition("×")
            if number.strip():
                lines.append(PartLine(number.strip(), int(quantity) if quantity.strip().isdigit() else 1))
        return tuple(lines)

    def perform(self) -> None:
        choice = self.engineer.currentData()
        engineer_id = choice.user_id if choice is not None else None
        self.run(lambda session: service.dispatch(
            session, self.ctx.actor, self.ticket_id, engineer_id=engineer_id,
            eta=self.value("eta"), hook=self.ctx.hook, parts=self.part_lines(),
            override_reason=self.override.text()))


class RemoteSessionDialog(FormDialog):
    def __init__(self, ctx, ticket_id, run, parent=None):
        super().__init__(self.tr("Remote session"), parent,
                         intro=self.tr("A remote login is recorded only with the customer's authorisation."))
        self.ctx, self.ticket_id, self.run = ctx, ticket_id, run
        with ctx.reading() as session:
            self.zone = LocalClock(session).zone(service.load_ticket(session, ctx.actor, ticket_id).org_id)
        self.authorised_by = self.add_text("authorised_by", self.tr("Authorised by"),
                                           placeholder=self.tr("Name of the customer's person who authorised it"))
        self.authorised_at = self.add_datetime("authorised_at", self.tr("Authorised at"), utcnow(), zone=self.zone)
        self.scope = self.add_text("scope", self.tr("Scope"),
                                   placeholder=self.tr("e.g. read BMC logs on the affected server only"))
        self.findings = self.add_multiline("findings", self.tr("Findings"))

    def perform(self) -> None:
        self.run(lambda session: service.record_remote_session(
            session, self.ctx.actor, self.ticket_id, authorised_by=self.authorised_by.text(),
            authorised_at=self.value("authorised_at"), scope=self.scope.text(),
            findings=self.findings.toPlainText()))
