"""Plan a session of a course: dates, place or online, trainer, capacity."""

from __future__ import annotations

from datetime import date, timedelta

from app.errors import ValidationError
from app.ui.form_dialog import FormDialog
from app.ui.form_fields import select_data
from plugins.training import service


class SessionDialog(FormDialog):
    def __init__(self, ctx, parent=None, session_id=None):
        super().__init__(self.tr("Edit training session") if session_id else self.tr("New training session"), parent,
                         ok_text=self.tr("Save"), cancel_text=self.tr("Cancel"))
        self.ctx, self.session_id = ctx, session_id
        self.created_id = None
        self.promoted = 0
        with ctx.reading() as session:
            courses = [(f"{c.code}  {c.title}", c.id) for c in service.list_courses(session, ctx.actor)]
            trainers = [(t.display_name or t.username, t.id) for t in service.trainers(session, ctx.actor)]
        today = date.today()
        self.course = self.add_combo("course", self.tr("Course"), courses)
        self.starts_on = self.add_date("starts_on", self.tr("Starts on"), today + timedelta(days=14))
        self.ends_on = self.add_date("ends_on", self.tr("Ends on"), today + timedelta(days=15))
        self.starts_on.dateChanged.connect(lambda d: self.ends_on.setDate(max(d, self.ends_on.date())))
        self.online = self.add_check("online", self.tr("Online"))
        self.location = self.add_text("location", self.tr("Place"), placeholder=self.tr("Training room, address"))
        self.online.toggled.connect(lambda on: self.location.setEnabled(not on))
        self.trainer = self.add_combo("trainer", self.tr("Trainer"), trainers, current=ctx.actor.user_id)  # the planner
        self.capacity = self.add_spin("capacity", self.tr("Capacity"), 12, minimum=1, maximum=500)
        self.resize(460, 320)
        if session_id is not None:
            self._load()

    def _load(self) -> None:
        with self.ctx.reading() as session:
            row = service.get_session(session, self.ctx.actor, self.session_id)
            select_data(self.course, row.course_id)
            self.starts_on.setDate(row.starts_on)
            self.ends_on.setDate(row.ends_on)
            self.online.setChecked(row.online)
            self.location.setText(row.location)
            select_data(self.trainer, row.trainer_id)
            self.capacity.setValue(row.capacity)
        self.course.setEnabled(False)  # another course is another session

    def perform(self) -> None:
        values = self.values()
        for name in ("course", "trainer"):
            if values[name] is None:
                raise ValidationError(self.tr("Choose a course and a trainer."), field=name)
        data = service.SessionInput(values["course"], values["starts_on"], values["ends_on"], values["trainer"],
                                    values["capacity"], values["online"], values["location"])
        with self.ctx.transaction() as session:
            if self.session_id is None:
                self.created_id = service.create_session(session, self.ctx.actor, data).id
            else:
                moved = service.change_session(session, self.ctx.actor, self.session_id, data)
                self.created_id, self.promoted = self.session_id, len(moved)
