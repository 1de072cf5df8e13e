"""Courses (HQ reference data), their sessions and the engineers enrolled in them."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey
from app.db.types import UTCDateTime

LEVELS = ("basic", "advanced", "expert")
# enrolled: holds a seat; waiting: queued for a seat when the session is full; cancelled: gave it up
ENROLMENT_STATES = ("enrolled", "waiting", "cancelled")


class Course(UUIDPrimaryKey, SyncedMixin, Base):
    """A course: HQ reference data that flows down to every branch."""

    __tablename__ = "training_courses"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    product_line: Mapped[str] = mapped_column(String(80), default="")
    level: Mapped[str] = mapped_column(String(16), default="basic")
    hours: Mapped[int] = mapped_column(default=0)
    syllabus: Mapped[str] = mapped_column(Text, default="")
    pass_mark: Mapped[int] = mapped_column(default=60)
    active: Mapped[bool] = mapped_column(default=True)

    prerequisites: Mapped[list[CoursePrerequisite]] = relationship(
        foreign_keys="CoursePrerequisite.course_id", lazy="selectin", cascade="all, delete-orphan")


class CoursePrerequisite(UUIDPrimaryKey, SyncedMixin, Base):
    """``course`` may be taken only by an engineer who passed ``required_course``."""

    __tablename__ = "training_course_prerequisites"
    __table_args__ = (UniqueConstraint("course_id", "required_course_id"),)

    course_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("training_courses.id"), index=True)
    required_course_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("training_courses.id"))

    required_course: Mapped[Course] = relationship(foreign_keys=[required_course_id], lazy="joined")


class TrainingSession(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One run of a course, owned by the org unit whose training center holds it."""

    __tablename__ = "training_sessions"
    __table_args__ = (Index("ix_training_sessions_starts_on_id", "starts_on", "id"),)

    course_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("training_courses.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date, index=True)  # the period of rollups and open waiting lists
    online: Mapped[bool] = mapped_column(default=False)
    location: Mapped[str] = mapped_column(String(200), default="")
    trainer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("core_users.id"))
    capacity: Mapped[int] = mapped_column(default=20)
    cancelled: Mapped[bool] = mapped_column(default=False)

    course: Mapped[Course] = relationship(lazy="joined")


class Enrolment(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """An engineer in a session: seat or waiting list, attendance and exam score.

    ``org_id`` is the engineer's org unit, so a branch sees the training of its own people.
    Each attempt at a course is its own row: a retake never overwrites an earlier result.
    """

    __tablename__ = "training_enrolments"
    __table_args__ = (UniqueConstraint("session_id", "engineer_id"),
                      Index("ix_training_enrolments_session_state", "session_id", "state", "queued_at"))

    session_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("training_sessions.id"))
    engineer_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("core_users.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default="enrolled")
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attended: Mapped[bool | None] = mapped_column(default=None)
    score: Mapped[int | None] = mapped_column(default=None)
    passed: Mapped[bool | None] = mapped_column(default=None)
    exam_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    enrolled_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    scored_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")

    session: Mapped[TrainingSession] = relationship(lazy="joined")
