"""The scorecard as an Excel workbook, written through the product's one safe writer
(``app.reports.workbook``): people, units (own and with the units below), satisfaction, and the
overall score's formula with the weights in force. Numbers are numbers: shares as percent cells,
the mean satisfaction with two decimals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.i18n import translate
from app.reports.workbook import DECIMAL, PERCENT, Column, Sheet, write_workbook
from plugins.visits.satisfaction import SatisfactionView
from plugins.visits.scorecard import Scorecard
from plugins.visits.scorecard_weights import WEIGHTED, FigureColumn, figure_columns, measure_label

FORMATS = {"share": PERCENT, "mean": "0.00", "count": None}


def export_scorecard(card: Scorecard, path: str | Path, *, satisfaction: SatisfactionView | None = None,
                     progress: Callable[[str, float], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> int:
    """Write ``card`` (and the satisfaction breakdown shown beside it) to ``path``; rows written."""
    figures = figure_columns()
    score = Column(translate("Visits", "Overall score"), DECIMAL)
    sheets = [
        Sheet(translate("Visits", "People"),
              [Column(translate("Visits", "Person"), width=20), Column(translate("Visits", "Unit"), width=24),
               *_columns(figures), score],
              ([p.name, p.unit, *_values(figures, p.figures), _rounded(p.score)] for p in card.people),
              expected_rows=len(card.people)),
        _unit_sheet(translate("Visits", "Units"), card, figures, below=False),
        _unit_sheet(translate("Visits", "Units with the units below"), card, figures, below=True),
    ]
    if satisfaction is not None:
        sheets += _satisfaction_sheets(satisfaction)
    sheets.append(_formula_sheet(card))
    return write_workbook(path, sheets, progress=progress, cancelled=cancelled)


def _columns(figures: list[FigureColumn]) -> list[Column]:
    return [Column(f.title, FORMATS[f.kind]) for f in figures]


def _values(figures: list[FigureColumn], tally) -> list:
    return [column.value(tally) for column in figures]


def _rounded(score: float | None) -> float | None:
    return None if score is None else round(score, 1)


def _unit_sheet(title: str, card: Scorecard, figures: list[FigureColumn], *, below: bool) -> Sheet:
    rows = [[u.code, u.name, *_values(figures, u.subtree if below else u.own),
             _rounded(u.subtree_score if below else u.own_score)] for u in card.units]
    rows.append(["", translate("Visits", "Total"), *_values(figures, card.total), _rounded(card.total_score)])
    return Sheet(title, [translate("Visits", "Org code"), Column(translate("Visits", "Unit"), width=24),
                         *_columns(figures), Column(translate("Visits", "Overall score"), DECIMAL)], rows)


def _satisfaction_sheets(view: SatisfactionView) -> list[Sheet]:
    figures = [Column(translate("Visits", "Answers")), Column(translate("Visits", "Mean satisfaction"), "0.00"),
               Column(translate("Visits", "Solved answers"), PERCENT)]

    def rows(lines, with_detail: bool):
        return [[line.label, *([line.detail] if with_detail else []), line.answers, line.mean, line.solved_share]
                for line in lines]

    return [Sheet(translate("Visits", "Satisfaction by unit"),
                  [Column(translate("Visits", "Unit"), width=24), translate("Visits", "Org code"), *figures],
                  rows(view.units, True)),
            Sheet(translate("Visits", "Satisfaction by engineer"),
                  [Column(translate("Visits", "Engineer"), width=20), *figures], rows(view.engineers, False)),
            Sheet(translate("Visits", "Satisfaction by category"),
                  [Column(translate("Visits", "Category"), width=20), translate("Visits", "Code"), *figures],
                  rows(view.categories, True))]


def _formula_sheet(card: Scorecard) -> Sheet:
    rows = [[translate("Visits", "Period"), card.period.label],
            [translate("Visits", "Formula"), card.formula]]
    rows += [[measure_label(m), card.weights.get(m, 0) / 100] for m in WEIGHTED]
    return Sheet(translate("Visits", "Formula"), [Column(translate("Visits", "Item"), width=36),
                                                   Column(translate("Visits", "Value"), PERCENT, width=100)], rows)
