"""Follow-up surveys: HQ reference data, one survey per ticket category, versioned. A change
publishes a new version (new rows); a published version is never edited, so every answer keeps
the questions it answered."""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey

QUESTION_KINDS = ("yes_no", "score", "choice", "text")


class Survey(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """One version of a category's survey (owned by HQ); the highest version is the one asked."""

    __tablename__ = "visits_surveys"
    __table_args__ = (UniqueConstraint("category", "version", name="category_version"),)

    category: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    published_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)


class SurveyQuestion(UUIDPrimaryKey, OrgOwnedMixin, SyncedMixin, Base):
    """A question of one survey version, in the order it is asked. ``code`` names the answer
    across versions (``solved``, ``satisfaction``, ``punctuality``…); ``fixed`` ones every survey has."""

    __tablename__ = "visits_survey_questions"
    __table_args__ = (UniqueConstraint("survey_id", "code", name="survey_code"),)

    survey_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("visits_surveys.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    options: Mapped[list | None] = mapped_column(JSON, default=None)  # the choices of a ``choice`` question
    fixed: Mapped[bool] = mapped_column(Boolean, default=False)
