"""The visit plan's forms: record a visit, give a visit to someone else, add an agreed action."""

from __future__ import annotations

from datetime import date

from app.ui.form_dialog import FormDialog
from plugins.visits import service


class RecordVisitDialog(FormDialog):
    """Date, attendees, feedback on products and service, and the customer's opinions."""

    def __init__(self, ctx, visit_id, customer: str, parent=None):
        super().__init__(self.tr("Record visit"), parent, min_width=520, enter_submits=False)
        self.ctx, self.visit_id = ctx, visit_id
        self.add_info("customer", customer, label=self.tr("Customer"))
        with ctx.reading() as session:
            record = service.visit_record(session, ctx.actor, visit_id)
        self.visited_on = self.add_date("visited_on", self.tr("Visit date"), record.visited_on if record else None)
        self.attendees = self.add_text("attendees", self.tr("Attendees"), record.attendees if record else "")
        self.quality = self.add_multiline("quality_feedback", self.tr("Product quality feedback"),
                                          record.quality_feedback if record else "", max_height=80)
        self.service_feedback = self.add_multiline("service_feedback", self.tr("Service feedback"),
                                                   record.service_feedback if record else "", max_height=80)
        self.opinions = self.add_multiline("opinions", self.tr("The customer's opinions"),
                                           record.opinions if record else "", max_height=80)

    def perform(self) -> None:
        values = self.values()
        with self.ctx.transaction() as session:
            service.record_visit(session, self.ctx.actor, self.visit_id, visited_on=values["visited_on"],
                                 attendees=values["attendees"], quality_feedback=values["quality_feedback"],
                                 service_feedback=values["service_feedback"], opinions=values["opinions"])


class ReassignDialog(FormDialog):
    """Who visits the customer and, when agreed, on which day."""

    def __init__(self, ctx, line, parent=None):
        super().__init__(self.tr("Reassign visit"), parent)
        self.ctx, self.visit_id = ctx, line.visit_id
        with ctx.reading() as session:
            people = service.assignee_choices(session, ctx.actor, line.org_id)
        self.add_info("customer", line.customer, label=self.tr("Customer"))
        self.assignee = self.add_combo("assignee", self.tr("Assignee"), [(p.name, p.id) for p in people],
                                       current=line.assignee_id)
        self.dated = self.add_check("dated", self.tr("A date is agreed"), line.planned_on is not None)
        self.planned_on = self.add_date("planned_on", self.tr("Planned date"), line.planned_on)
        self.planned_on.setEnabled(self.dated.isChecked())
        self.dated.toggled.connect(self.planned_on.setEnabled)

    def perform(self) -> None:
        values = self.values()
        planned_on: date | None = values["planned_on"] if values["dated"] else None
        with self.ctx.transaction() as session:
            service.reassign(session, self.ctx.actor, self.visit_id, values["assignee"], planned_on)


class ActionDialog(FormDialog):
    """An action agreed at the visit: what, who, by when."""

    def __init__(self, ctx, line, parent=None):
        super().__init__(self.tr("Add action"), parent)
        self.ctx, self.visit_id = ctx, line.visit_id
        with ctx.reading() as session:
            people = service.owner_choices(session, ctx.actor, line.org_id)
        self.add_info("customer", line.customer, label=self.tr("Customer"))
        self.text = self.add_multiline("text", self.tr("Action"), max_height=80)
        self.owner = self.add_combo("owner", self.tr("Owner"), [(p.name, p.id) for p in people],
                                    current=ctx.actor.user_id)
        self.due_on = self.add_date("due_on", self.tr("Due date"))

    def perform(self) -> None:
        values = self.values()
        with self.ctx.transaction() as session:
            service.add_action(session, self.ctx.actor, self.visit_id, text=values["text"], owner_id=values["owner"],
                               due_on=values["due_on"])
