"""What happens around a follow-up call: each attempt to reach the customer and each answer
given (append-only: a record of what was said), and the corrective action a poor score opens."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime

OUTCOMES = ("reached", "no_answer", "wrong_number", "refused")
UNSOLVED_ACTIONS = ("reopen", "complaint")


class CallAttempt(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One call made: who, when, how it went. A reached call whose answer was "not solved" also
    says what the specialist did about it: reopened the ticket or opened a linked complaint."""

    __tablename__ = "visits_call_attempts"

    call_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_follow_up_calls.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1 for the first attempt on the call
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    called_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    called_at: Mapped[datetime] = mapped_column(UTCDateTime)
    unsolved_action: Mapped[str] = mapped_column(String(16), default="")
    unsolved_reason: Mapped[str] = mapped_column(Text, default="")
    linked_ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)  # the complaint opened
    linked_ticket_number: Mapped[str] = mapped_column(String(48), default="")


class SurveyAnswer(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One answer of a reached call, to a question of the survey version it answered. ``value``
    as stored: ``yes``/``no``, ``1``…``5``, the option chosen, or the customer's words."""

    __tablename__ = "visits_survey_answers"

    call_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_follow_up_calls.id"), index=True)
    survey_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    question_code: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)


class CorrectiveAction(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """What a satisfaction of 1 or 2 asks of the unit's branch manager, due by a date and open
    until closed with a resolution."""

    __tablename__ = "visits_corrective_actions"

    call_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_follow_up_calls.id"), index=True)
    ticket_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    ticket_number: Mapped[str] = mapped_column(String(48), default="")
    engineer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, index=True)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    satisfaction: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    opened_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    closed_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    resolution: Mapped[str] = mapped_column(Text, default="")
