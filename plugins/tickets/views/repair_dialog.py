"""The on-site repair order (维修单): fault found, actions, labour, parts with faulty and replacement
serial numbers, and the customer's sign-off by a drawn signature or the company seal. The parts
are picked from stock (``part_lines.PartLines``), those reserved for the ticket already filled in.

``RepairOrderDialog(ctx, ticket_id, run, sign_only=False)``: with ``sign_only`` the order was
completed earlier and only the sign-off is taken. Completion and sign-off go in one transaction,
after a confirmation saying that the order is then final; before it, the door's own checks of the
entries (``service.check_repair_entries`` / ``check_sign_off_entries``) and the serials of the
serialised parts refuse what saving would refuse, so only a form that can be saved is confirmed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from app.errors import UserError
from app.ui.form_dialog import FormDialog
from plugins.tickets import service
from plugins.tickets.views.part_lines import PartLines
from app.ui.signature_pad import signature_row


class RepairOrderDialog(FormDialog):
    def __init__(self, ctx, ticket_id, run, sign_only: bool = False, parent=None):
        super().__init__(self.tr("Repair order"), parent, min_width=900, ok_text=self.tr("Save repair order"))
        self.ctx, self.ticket_id, self.run, self.sign_only = ctx, ticket_id, run, sign_only
        self.fault_found = self.add_multiline("fault_found", self.tr("Fault found"), max_height=70)
        self.actions = self.add_multiline("actions", self.tr("Actions taken"), max_height=70)
        self.labour = self.add_spin("labour", self.tr("Labour time"), maximum=24 * 60, step=15, suffix=self.tr(" min"),
                                    door_names=("labour_minutes",))
        # the stock plugin's refusals of a line name these fields
        self.parts = self.add_widget("parts", self.tr("Parts used"), self._part_lines(),
                                     door_names=("part_number", "installed_serial", "source_depot", "serial"))
        add_part = self.add_widget("add_part", "", QPushButton(self.tr("Add part")))
        add_part.setAutoDefault(False)  # Enter saves the order, never adds an empty line
        add_part.clicked.connect(lambda: self.parts.add_line())
        for name in ("fault_found", "actions", "labour", "parts", "add_part"):
            self.set_visible(name, not sign_only)
        self._sign_off_rows()
        self.ask_first(self.what_saving_does, self.tr("Save repair order"))

    def _part_lines(self) -> PartLines:
        """The parts to pick from, those reserved for the ticket filled in (none to sign only)."""
        choices = []
        if not self.sign_only:
            try:
                with self.ctx.reading() as session:
                    choices = service.repair_part_choices(session, self.ctx.actor, self.ticket_id,
                                                          hook=self.ctx.hook)
            except UserError as exc:
                self.show_error(str(exc))
        lines = PartLines(choices)
        lines.prefill_reserved()
        return lines

    def _sign_off_rows(self) -> None:
        heading = self.add_info("sign_off", self.tr("Customer sign-off"))
        heading.setStyleSheet("font-weight: bold; margin-top: 8px")
        self.signer = self.add_text("signer", self.tr("Signed by"), door_names=("signer_name",),
                                    placeholder=self.tr("Name of the customer who signs"))
        self.pad, pad_row = signature_row()
        self.add_widget("signature", self.tr("Signature"), pad_row, focus=self.pad)
        self.seal = self.add_check("seal", self.tr("Company seal stamped on the paper copy instead of a signature"),
                                   door_names=("seal_confirmed",))

    def what_saving_does(self) -> str:
        if self.sign_only:
            return self.tr("The customer signs off the repair order: it is final and can no longer be changed.")
        if self.signing():
            return self.tr("The repair is recorded as done, with its parts used, and the customer signs it off: "
                           "the order is final and can no longer be changed.")
        return self.tr("The repair is recorded as done, with its parts used; the order can no longer be changed "
                       "and waits for the customer's signature.")

    def check_entries(self) -> None:
        super().check_entries()
        if not self.sign_only:
            service.check_repair_entries(fault_found=self.fault_found.toPlainText(),
                                         actions=self.actions.toPlainText(), labour_minutes=self.labour.value(),
                                         parts=self.parts.uses())
            self.parts.check_entries()
        if self.sign_only or self.signing():
            service.check_sign_off_entries(signer_name=self.signer.text(), signature_png=self.pad.png(),
                                           seal_confirmed=self.seal.isChecked())

    def signing(self) -> bool:
        return bool(self.signer.text().strip()) or not self.pad.is_empty() or self.seal.isChecked()

    def perform(self) -> None:
        parts = [] if self.sign_only else self.parts.uses()

        def work(session):
            if not self.sign_only:
                service.complete_repair(session, self.ctx.actor, self.ticket_id, fault_found=self.fault_found.toPlainText(),
                                        actions=self.actions.toPlainText(), labour_minutes=self.labour.value(),
                                        parts=parts, hook=self.ctx.hook)
            if self.sign_only or self.signing():
                service.sign_off(session, self.ctx.actor, self.ticket_id, signer_name=self.signer.text(),
                                 signature_png=self.pad.png(), seal_confirmed=self.seal.isChecked())
        self.run(work)
