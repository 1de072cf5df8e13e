"""The scorecard's measures, their figures, and the overall score HQ weights them into.

A figure is a count and, for a share or a mean, the base it is taken of: commitments met of
those due, the sum of satisfaction scores of the answers given. Figures add up (a unit's is the
sum of its people's), so a mean is always weighted by its answers.

The overall score (0–100) weighs the shares and the mean satisfaction (÷ 5) with HQ's weights;
a figure without a base (nothing due in the period) is left out and the remaining weights are
scaled up to 100 %. Counts (tickets handled, corrective actions open) are shown, not weighted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.errors import PermissionDenied, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.sync.ownership import owned_org_ids
from plugins.visits.scorecard_models import ScorecardWeight

HANDLED = "tickets.handled"
RESPONSE = "tickets.response_met"
ONSITE = "tickets.onsite_met"
RESOLUTION = "tickets.resolution_met"
SATISFACTION = "visits.satisfaction"
SOLVED = "visits.solved"
FOLLOW_UPS = "visits.follow_ups_on_time"
VISITS = "visits.visits_done"
INSPECTIONS = "visits.inspections_done"
ACTIONS_OPEN = "visits.corrective_open"

MEASURES = (HANDLED, RESPONSE, ONSITE, RESOLUTION, SATISFACTION, SOLVED, FOLLOW_UPS, VISITS, INSPECTIONS,
            ACTIONS_OPEN)
COUNTS = (HANDLED, ACTIONS_OPEN)
MEANS = (SATISFACTION,)
WEIGHTED = tuple(m for m in MEASURES if m not in COUNTS)
TOP_SCORE = 5  # satisfaction is a score of 1 to 5
DEFAULT_WEIGHTS = {RESPONSE: 15, ONSITE: 10, RESOLUTION: 15, SATISFACTION: 20, SOLVED: 10, FOLLOW_UPS: 10,
                   VISITS: 10, INSPECTIONS: 10}


def measure_label(code: str) -> str:
    return {
        HANDLED: translate("Visits", "Tickets handled"),
        RESPONSE: translate("Visits", "First response met"),
        ONSITE: translate("Visits", "On-site arrival met"),
        RESOLUTION: translate("Visits", "Resolution met"),
        SATISFACTION: translate("Visits", "Mean satisfaction"),
        SOLVED: translate("Visits", "Solved answers"),
        FOLLOW_UPS: translate("Visits", "Follow-ups on time"),
        VISITS: translate("Visits", "Visits done against plan"),
        INSPECTIONS: translate("Visits", "Inspections done against schedule"),
        ACTIONS_OPEN: translate("Visits", "Corrective actions open at the period's end"),
    }.get(code, code)


@dataclass
class Figures:
    """The figures of one person or unit: measure → [count, base]."""

    values: dict[str, list[int]] = field(default_factory=dict)

    def add(self, measure: str, count: int, base: int | None) -> None:
        tally = self.values.setdefault(measure, [0, 0])
        tally[0] += count
        tally[1] += base or 0

    def merge(self, other: Figures) -> None:
        for measure, (count, base) in other.values.items():
            self.add(measure, count, base)

    def count(self, measure: str) -> int:
        return self.values.get(measure, [0, 0])[0]

    def base(self, measure: str) -> int:
        return self.values.get(measure, [0, 0])[1]

    def value(self, measure: str) -> float | None:
        """A count as it is; a share (0–1) or a mean of its base; None without a base."""
        if measure in COUNTS:
            return self.count(measure)
        base = self.base(measure)
        return self.count(measure) / base if base else None

    def score_part(self, measure: str) -> float | None:
        """The measure on the overall score's 0–1 scale."""
        value = self.value(measure)
        if value is None:
            return None
        return value / TOP_SCORE if measure in MEANS else value


@dataclass(frozen=True)
class FigureColumn:
    """A column of the scorecard: a measure's value, or for the mean satisfaction its answers.
    ``kind``: count, share (0–1) or mean (1–5)."""

    measure: str
    title: str
    kind: str
    answers: bool = False

    def value(self, figures: Figures) -> float | int | None:
        return figures.base(self.measure) if self.answers else figures.value(self.measure)


def figure_columns() -> list[FigureColumn]:
    columns = []
    for measure in MEASURES:
        kind = "count" if measure in COUNTS else "mean" if measure in MEANS else "share"
        columns.append(FigureColumn(measure, measure_label(measure), kind))
        if measure in MEANS:
            columns.append(FigureColumn(measure, translate("Visits", "Answers"), "count", answers=True))
    return columns


def total_of(many: Iterable[Figures]) -> Figures:
    total = Figures()
    for figures in many:
        total.merge(figures)
    return total


def overall_score(figures: Figures, weights: Mapping[str, int]) -> float | None:
    """Σ weight × part over the figures that have a base, scaled to the weights present; 0–100."""
    weighed = total = 0.0
    for measure in WEIGHTED:
        weight, part = weights.get(measure, 0), figures.score_part(measure)
        if weight > 0 and part is not None:
            weighed += weight * part
            total += weight
    return 100.0 * weighed / total if total else None


def formula_text(weights: Mapping[str, int]) -> str:
    """The overall score's formula in plain words with the weights in force."""
    terms = []
    for measure in WEIGHTED:
        if weights.get(measure, 0) > 0:
            term = translate("Visits", "mean satisfaction ÷ 5") if measure in MEANS else measure_label(measure)
            terms.append(translate("Visits", "{weight} % × {term}").format(weight=weights[measure], term=term))
    return translate("Visits", "Overall score = {terms}. A figure without a base (nothing due in the period) is "
                               "left out and the other weights are scaled up to 100 %.").format(
        terms=" + ".join(terms) or "0")


def read_weights(session: Session) -> dict[str, int]:
    """HQ's weights: the default ones until HQ sets its own."""
    weights = dict(DEFAULT_WEIGHTS)
    rows = session.execute(select(ScorecardWeight.measure, ScorecardWeight.weight)
                           .where(ScorecardWeight.deleted_at.is_(None)))
    weights.update({measure: weight for measure, weight in rows if measure in WEIGHTED})
    return weights


@dataclass(frozen=True)
class WeightsView:
    """The weights in force, the formula they make, and whether HQ has set them yet."""

    weights: dict[str, int]
    formula: str
    defaults: bool


def current_weights(session: Session, actor: Actor) -> WeightsView:
    weights = read_weights(session)
    return WeightsView(weights, formula_text(weights), weights == DEFAULT_WEIGHTS)


def set_weights(session: Session, actor: Actor, weights: Mapping[str, int]) -> dict[str, int]:
    """Replace the weights (whole percents adding up to 100). Only HQ's own database holds the
    reference data; a branch's copy would be overwritten by the next pull."""
    ensure_hq_database(session)
    checked = _checked(weights)
    before = read_weights(session)
    rows = {row.measure: row for row in session.scalars(select(ScorecardWeight))}
    for measure, weight in checked.items():
        row = rows.get(measure)
        if row is None:
            session.add(ScorecardWeight(measure=measure, weight=weight))
        else:
            row.weight, row.deleted_at = weight, None
    session.flush()
    audit.record(session, actor, "scorecard_weights", "all", "update", formula_text(checked),
                 before=before, after=checked)
    return checked


def _checked(weights: Mapping[str, int]) -> dict[str, int]:
    unknown = set(weights) - set(WEIGHTED)
    if unknown:
        raise ValidationError(translate("Visits", "{measure} has no weight in the overall score.").format(
            measure=", ".join(sorted(unknown))), field="weights")
    checked = {}
    for measure in WEIGHTED:
        weight = weights.get(measure, 0)
        if not isinstance(weight, int) or isinstance(weight, bool) or not 0 <= weight <= 100:
            raise ValidationError(translate("Visits", "{measure}: a weight is a whole percent from 0 to 100.").format(
                measure=measure_label(measure)), field=measure)
        checked[measure] = weight
    if sum(checked.values()) != 100:
        raise ValidationError(translate("Visits", "The weights add up to {total} %; they must add up to 100 %.").format(
            total=sum(checked.values())), field="weights")
    return checked


def ensure_hq_database(session: Session) -> None:
    root = session.scalar(select(OrgUnit.id).where(OrgUnit.parent_id.is_(None)))
    if root is None or root not in set(owned_org_ids(session)):
        raise PermissionDenied(translate("Visits", "The scorecard weights are HQ reference data: this database is "
                                                   "a branch's, so change them at HQ."))
