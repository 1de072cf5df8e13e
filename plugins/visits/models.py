from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime

# due: to be called; done: reached and answered; unreachable: three calls unanswered, or a wrong
# number or a refusal; withdrawn: the ticket was reopened before the call was made.
FOLLOW_UP_STATES = ("due", "done", "unreachable", "withdrawn")


class FollowUpCall(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """The follow-up task after one close of a ticket: call the customer, ask the survey of the
    ticket's category. One per close: (ticket, closed_at) is unique."""

    __tablename__ = "visits_follow_up_calls"
    __table_args__ = (UniqueConstraint("ticket_id", "closed_at", name="ticket_close"),)

    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    ticket_number: Mapped[str] = mapped_column(String(40))
    customer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    category: Mapped[str] = mapped_column(String(32), default="")
    engineer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, index=True)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    state: Mapped[str] = mapped_column(String(16), default="due")
    attempts: Mapped[int] = mapped_column(default=0)
    solved: Mapped[bool | None] = mapped_column(default=None)
    satisfaction: Mapped[int | None] = mapped_column(default=None)
    survey_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)  # the survey version answered
    notes: Mapped[str] = mapped_column(Text, default="")
    called_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when the task was completed
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)  # the reopening


# The quarterly visit tables live beside the follow-up calls' so that loading this module loads them all.
from plugins.visits.plan_models import PlannedVisit, VisitAction, VisitPlan, VisitRecord  # noqa: E402,F401
# The staff scorecard's weights (HQ reference data).
from plugins.visits.scorecard_models import ScorecardWeight  # noqa: E402,F401
# Call attempts, survey answers, surveys and corrective actions: the follow-up work around the calls.
from plugins.visits.call_models import CallAttempt, CorrectiveAction, SurveyAnswer  # noqa: E402,F401
from plugins.visits.survey_models import Survey, SurveyQuestion  # noqa: E402,F401
from plugins.visits import inspection_models  # noqa: E402,F401  (checklists, schedules, inspections, findings)
