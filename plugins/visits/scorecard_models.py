"""The weights of the staff scorecard's overall score: HQ reference data, one row per measure,
written at HQ only and travelling down to every branch. No row yet: the default weights."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base, SyncedMixin, UUIDPrimaryKey


class ScorecardWeight(UUIDPrimaryKey, SyncedMixin, Base):
    """How much one measure counts in the overall score, in percent (the weights add up to 100)."""

    __tablename__ = "visits_scorecard_weights"

    measure: Mapped[str] = mapped_column(String(40), unique=True)
    weight: Mapped[int] = mapped_column(Integer)
