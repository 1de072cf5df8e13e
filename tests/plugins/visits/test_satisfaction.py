"""Satisfaction in the figures: the mean satisfaction and the share of "solved" answers per unit,
engineer, category and month, as sheets of the HQ rollup and on the scorecard page, equal to
plain SQL; a reader without the permission gets no sheet."""

from __future__ import annotations

import pytest

from app.ids import org_id_for_code
from plugins.visits import service
from scorecard_data import BJ, PARTNER, SH, ZONE, make_team, seed_period, sql

TITLES = ("Satisfaction by unit and month", "Satisfaction by engineer", "Satisfaction by category and month",
          "Satisfaction trend")
FIGURES = ("COUNT(c.satisfaction), AVG(c.satisfaction), COUNT(c.solved), "
           "SUM(CASE WHEN c.solved THEN 1 ELSE 0 END)")
REACHED = "c.state = 'done' AND c.deleted_at IS NULL AND c.called_at >= :start AND c.called_at < :end"


@pytest.fixture
def team(ctx, make_actor):
    team = make_team(ctx, make_actor)
    seed_period(ctx, team)
    return team


def shown(answers, mean, solved_answers, solved) -> tuple:
    """The rollup's figures: answers, the mean to 2 decimals, the solved share (0–1)."""
    return (int(answers), round(float(mean), 2) if answers else None,
            int(solved or 0) / int(solved_answers) if solved_answers else None)


def sections(ctx, actor, org_code=None, period=None):
    found = [s for group in ctx.signed_in(actor).hook.rollup_sections(ctx=ctx.signed_in(actor), period=period,
                                                                       org_code=org_code) for s in group or ()]
    return {s.title: s for s in found if s.title in TITLES}


def names(session):
    engineers = dict(sql(session, "SELECT id, COALESCE(NULLIF(display_name, ''), username) FROM core_users"))
    units = {org: (code, name) for org, code, name in sql(session, "SELECT id, code, name FROM core_org_units")}
    return engineers, units


def test_the_rollup_sheets_equal_plain_sql(ctx, team):
    got = sections(ctx, team.people["analyst@HQ"], period=team.period)
    assert set(got) == set(TITLES)
    labels = {c.code: c.label for g in ctx.hook.case_categories() for c in g}
    by_unit, by_category = [], []
    with ctx.reading() as session:
        engineers, units = names(session)
        for month in team.period.months():
            start, end = month.bounds_utc(ZONE)
            rows = sql(session, f"SELECT c.org_id, {FIGURES} FROM visits_follow_up_calls c WHERE {REACHED} "
                                "GROUP BY c.org_id", start=start, end=end)
            by_unit += [(*units[org], month.label, *shown(*rest)) for org, *rest in rows if rest[0] or rest[2]]
            rows = sql(session, f"SELECT c.category, {FIGURES} FROM visits_follow_up_calls c WHERE {REACHED} "
                                "GROUP BY c.category", start=start, end=end)
            by_category += sorted((month.label, labels.get(code, code), *shown(*rest)) for code, *rest in rows
                                  if rest[0] or rest[2])
        start, end = team.period.bounds_utc(ZONE)
        rows = sql(session, f"SELECT c.org_id, c.engineer_id, {FIGURES} FROM visits_follow_up_calls c "
                            f"WHERE {REACHED} GROUP BY c.org_id, c.engineer_id", start=start, end=end)
        by_engineer = [(*units[org], engineers.get(engineer, "(no engineer)"), *shown(*rest))
                       for org, engineer, *rest in rows if rest[0] or rest[2]]
    assert sorted(got["Satisfaction by unit and month"].rows) == sorted(by_unit)
    assert sorted(got["Satisfaction by engineer"].rows, key=str) == sorted(by_engineer, key=str)
    assert got["Satisfaction by category and month"].rows == by_category
    # the rows meant: eng1 answered 5 and 2, solved once of twice; eng4 at the partner 1, not solved
    assert ("BJ", "北京分公司", "eng1", 2, 3.5, 0.5) in got["Satisfaction by engineer"].rows
    assert ("BJ-P01", "北京信息科技有限公司", "eng4", 1, 1.0, 0.0) in got["Satisfaction by engineer"].rows
    assert ("BJ", "北京分公司", "(no engineer)", 1, 3.0, None) in got["Satisfaction by engineer"].rows
    assert sum(r[3] for r in got["Satisfaction by unit and month"].rows) == 5
    # each unit's own figures for the rollup's summary: score points of answers, solved of answered
    with ctx.reading() as session:
        rows = sql(session, "SELECT c.org_id, SUM(c.satisfaction), COUNT(c.satisfaction), "
                            "SUM(CASE WHEN c.solved THEN 1 ELSE 0 END), COUNT(c.solved) "
                            f"FROM visits_follow_up_calls c WHERE {REACHED} GROUP BY c.org_id", start=start, end=end)
    expected = {("visits.satisfaction", org): (int(points), int(answers)) for org, points, answers, _, _ in rows
                if answers}
    expected |= {("visits.solved", org): (int(solved), int(answered)) for org, _, _, solved, answered in rows
                 if answered}
    section = got["Satisfaction by unit and month"]
    assert {(f.measure, f.org_id): (f.value, f.base) for f in section.figures} == expected
    assert [(m.code, m.kind) for m in section.measures] == [("visits.satisfaction", "mean"), ("visits.solved", "share")]
    # the trend: every month of the period, the whole scope's answers, with two line charts
    with ctx.reading() as session:
        trend = []
        for month in team.period.months():
            start, end = month.bounds_utc(ZONE)
            [row] = sql(session, f"SELECT {FIGURES} FROM visits_follow_up_calls c WHERE {REACHED}", start=start, end=end)
            trend.append((month.label, *shown(*row)))
    assert got["Satisfaction trend"].rows == trend
    assert [chart.kind for chart in got["Satisfaction trend"].charts] == ["line", "line"]


def test_the_rollup_keeps_to_the_org_code_and_to_what_the_reader_sees(ctx, team, make_actor):
    sh_only = sections(ctx, team.people["analyst@HQ"], org_code="SH", period=team.period)
    assert [row[:4] for row in sh_only["Satisfaction by engineer"].rows] == [("SH", "上海分公司", "eng3", 1)]
    manager = sections(ctx, team.people["mgr@BJ"], period=team.period)
    assert {row[0] for row in manager["Satisfaction by engineer"].rows} == {"BJ", "BJ-P01"}
    assert sections(ctx, team.people["fu1@BJ"], period=team.period) == {}  # no visits.scorecard.view: no sheet
    assert service.rollup_sections(ctx, team.period, None) == []  # nobody signed in


def test_the_scorecard_pages_satisfaction_equals_plain_sql(ctx, team):
    analyst = team.people["analyst@HQ"]
    with ctx.reading() as session:
        view = service.satisfaction_view(session, analyst, team.period, org_id=org_id_for_code("BJ"), subtree=True,
                                         hook=ctx.hook)
        start, end = team.period.bounds_utc(ZONE)
        units = sql(session, f"SELECT u.code, {FIGURES} FROM visits_follow_up_calls c JOIN core_org_units u "
                             f"ON u.id = c.org_id WHERE {REACHED} AND c.org_id IN (:bj, :partner) GROUP BY u.code",
                    start=start, end=end, bj=BJ, partner=PARTNER)
        categories = sql(session, f"SELECT c.category, {FIGURES} FROM visits_follow_up_calls c WHERE {REACHED} "
                                  "AND c.org_id IN (:bj, :partner) GROUP BY c.category", start=start, end=end,
                         bj=BJ, partner=PARTNER)
    def line_figures(line):
        return (line.answers, None if line.mean is None else round(line.mean, 2), line.solved_answers, line.solved)

    def sql_figures(answers, mean, solved_answers, solved):
        return (int(answers), round(float(mean), 2) if answers else None, int(solved_answers), int(solved or 0))

    assert {line.detail: line_figures(line) for line in view.units} == {c: sql_figures(*r) for c, *r in units}
    assert {line.detail: line_figures(line) for line in view.categories} == {c: sql_figures(*r) for c, *r in categories}
    assert {line.label for line in view.engineers} == {"eng1", "eng4", "(no engineer)"}
    assert next(line for line in view.categories if line.detail == "fault").label == "Fault"
    assert SH not in {line.detail for line in view.units}
