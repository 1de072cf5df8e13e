"""Satisfaction in the figures: the mean satisfaction (1–5) and the share of "solved" answers of
the follow-up calls reached, per unit, engineer and category, for the scorecard page (each
unit's days on its own clock). The HQ rollup's sheets are ``satisfaction_rollup``'s.

A call counts in the period it was completed in (``called_at``), under the engineer who worked
the case and the case's category.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.auth.models import User
from app.i18n import translate
from app.reports.period import Period
from app.reports.unit_windows import in_window, unit_windows
from plugins.visits.models import FollowUpCall
from plugins.visits.scorecard import chosen_units


@dataclass(frozen=True)
class SatisfactionLine:
    """Answers to "how satisfied" and their mean; answers to "solved?" and how many said yes."""

    label: str
    detail: str
    answers: int
    mean: float | None
    solved_answers: int
    solved: int

    @property
    def solved_share(self) -> float | None:
        return self.solved / self.solved_answers if self.solved_answers else None


@dataclass(frozen=True)
class SatisfactionView:
    units: list[SatisfactionLine]
    engineers: list[SatisfactionLine]
    categories: list[SatisfactionLine]


@dataclass(frozen=True)
class Tally:
    """Answers to "how satisfied" and the sum of their scores; answers to "solved?" and the yeses."""

    answers: int
    score_sum: int
    solved_answers: int
    solved: int

    @property
    def mean(self) -> float | None:
        return self.score_sum / self.answers if self.answers else None

    @property
    def solved_share(self) -> float | None:
        return self.solved / self.solved_answers if self.solved_answers else None


def tallies(session: Session, groups: list, where: list) -> list[tuple]:
    """(*groups, Tally) of the reached calls matching ``where``, for groups with an answer."""
    call = FollowUpCall
    stmt = (select(*groups, func.count(call.satisfaction), func.sum(call.satisfaction), func.count(call.solved),
                   func.sum(case((call.solved.is_(True), 1), else_=0)))
            .where(call.state == "done", call.deleted_at.is_(None), *where).group_by(*groups))
    rows = []
    for *keys, answers, score_sum, solved_answers, solved in session.execute(stmt):
        if answers or solved_answers:
            rows.append((*keys, Tally(int(answers), int(score_sum or 0), int(solved_answers), int(solved or 0))))
    return rows


def line(label: str, detail: str, tally: Tally) -> SatisfactionLine:
    return SatisfactionLine(label, detail, tally.answers, tally.mean, tally.solved_answers, tally.solved)


def category_labels(hook) -> dict[str, str]:
    return {choice.code: choice.label for group in hook.case_categories() for choice in (group or ())}


def engineer_names(session: Session, ids) -> dict[uuid.UUID, str]:
    ids = [i for i in ids if i is not None]
    name = func.coalesce(func.nullif(User.display_name, ""), User.username)
    return dict(session.execute(select(User.id, name).where(User.id.in_(ids))).all()) if ids else {}


def no_engineer() -> str:
    return translate("Visits", "(no engineer)")


def category_name(labels: dict[str, str], code: str) -> str:
    return labels.get(code, code) if code else translate("Visits", "(no category)")


def satisfaction_view(session: Session, actor: Actor, period: Period, *, org_id: uuid.UUID | None = None,
                      subtree: bool = True, hook) -> SatisfactionView:
    """The scorecard page's satisfaction: per unit, engineer and category over the period."""
    units = chosen_units(session, actor, org_id, subtree)
    if not units:
        return SatisfactionView([], [], [])
    when = [in_window(unit_windows(session, [u.id for u in units], period), FollowUpCall.org_id,
                      FollowUpCall.called_at)]
    by_id = {u.id: u for u in units}
    unit_rows = sorted(tallies(session, [FollowUpCall.org_id], when),
                       key=lambda row: by_id[row[0]].path.strip("/").split("/"))
    engineer_rows = tallies(session, [FollowUpCall.engineer_id], when)
    names = engineer_names(session, (row[0] for row in engineer_rows))
    labels = category_labels(hook)
    categories = tallies(session, [FollowUpCall.category], when)
    return SatisfactionView(
        [line(by_id[o].name, by_id[o].code, tally) for o, tally in unit_rows],
        sorted((line(names.get(e, no_engineer()), "", tally) for e, tally in engineer_rows), key=_most_answers),
        sorted((line(category_name(labels, c), c, tally) for c, tally in categories), key=_most_answers))


def _most_answers(entry: SatisfactionLine) -> tuple:
    return -entry.answers, entry.label
