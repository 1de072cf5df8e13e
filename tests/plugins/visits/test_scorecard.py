"""The staff scorecard: every figure equals a plain SQL count over the test rows, per person and
rolled up per unit, with the real tickets plugin answering ``staff_figures``."""

from __future__ import annotations

import pytest

from app.clock import utcnow
from plugins.visits import service
from plugins.visits.scorecard_weights import (ACTIONS_OPEN, FOLLOW_UPS, HANDLED, INSPECTIONS, ONSITE, RESOLUTION,
                                              RESPONSE, SATISFACTION, SOLVED, VISITS, Figures)
from scorecard_data import BJ, PARTNER, SH, ZONE, make_team, seed_period, sql

UNITS = "(:bj, :sh, :partner)"
LIVE = "t.deleted_at IS NULL AND t.state <> 'cancelled' AND (t.state <> 'archived' OR t.closed_at IS NOT NULL)"
RESPONDER = ("LEFT JOIN tickets_events e ON e.ticket_id = t.id AND e.from_state = 'new' "
             "AND e.to_state <> 'cancelled'")


@pytest.fixture
def team(ctx, make_actor):
    team = make_team(ctx, make_actor)
    seed_period(ctx, team)
    return team


def card_for(ctx, team, login="analyst@HQ", **narrow):
    with ctx.reading() as session:
        return service.scorecard(session, team.people[login], team.period, hook=ctx.hook, **narrow)


def commitment_sql(target: str) -> str:
    due, met, minutes, person = {
        "response": ("response_due_at", "responded_at", "response_minutes", "COALESCE(e.actor_id, t.opened_by)"),
        "onsite": ("onsite_due_at", "arrived_at", "onsite_minutes", "t.engineer_id"),
        "resolution": ("resolution_due_at", "resolved_at", "resolution_minutes",
                       "COALESCE(t.engineer_id, e.actor_id, t.opened_by)"),
    }[target]
    return (f"SELECT {person}, SUM(CASE WHEN t.{met} IS NOT NULL AND t.{met} <= t.{due} THEN 1 ELSE 0 END), "
            f"COUNT(*) FROM tickets_tickets t {RESPONDER} "
            f"WHERE {LIVE} AND t.org_id IN {UNITS} AND t.{minutes} > 0 AND t.{due} >= :start AND t.{due} < :end "
            f"AND (t.{met} IS NOT NULL OR (t.{due} < :now AND t.paused_since IS NULL)) "
            f"AND {person} IS NOT NULL {'AND t.engineer_id IS NOT NULL' if target == 'onsite' else ''} "
            f"GROUP BY {person}")


def expected_by_person(session, team) -> dict[str, dict]:
    """measure → {person id or (None, org id): (count, base)}, counted in plain SQL."""
    start, end = team.period.bounds_utc(ZONE)
    args = {"start": start, "end": end, "now": utcnow(), "bj": BJ, "sh": SH, "partner": PARTNER}
    found: dict[str, dict] = {}

    def put(measure, rows, with_base=True):
        for person, count, *base in rows:
            found.setdefault(measure, {})[person] = (int(count or 0), int(base[0]) if with_base else 0)

    worker = "COALESCE(t.engineer_id, e.actor_id, t.opened_by)"  # who resolved it: on site, else remotely
    put(HANDLED, sql(session, f"SELECT {worker}, COUNT(*) FROM tickets_tickets t {RESPONDER} WHERE {LIVE} "
                              f"AND t.org_id IN {UNITS} AND t.closed_at >= :start "
                              f"AND t.closed_at < :end GROUP BY {worker}", **args), with_base=False)
    for measure, target in ((RESPONSE, "response"), (ONSITE, "onsite"), (RESOLUTION, "resolution")):
        put(measure, sql(session, commitment_sql(target), **args))
    calls = ("FROM visits_follow_up_calls c WHERE c.state = 'done' AND c.deleted_at IS NULL "
             f"AND c.org_id IN {UNITS} AND c.called_at >= :start AND c.called_at < :end")
    for engineer, org, total, answers in sql(session, f"SELECT c.engineer_id, c.org_id, SUM(c.satisfaction), "
                                                      f"COUNT(c.satisfaction) {calls} GROUP BY c.engineer_id, c.org_id",
                                             **args):
        if answers:
            found.setdefault(SATISFACTION, {})[engineer or (None, org)] = (int(total), int(answers))
    for engineer, org, solved, answers in sql(session, "SELECT c.engineer_id, c.org_id, SUM(CASE WHEN c.solved "
                                                       f"THEN 1 ELSE 0 END), COUNT(c.solved) {calls} "
                                                       "GROUP BY c.engineer_id, c.org_id", **args):
        if answers:
            found.setdefault(SOLVED, {})[engineer or (None, org)] = (int(solved), int(answers))
    put(FOLLOW_UPS, sql(session, "SELECT c.called_by, SUM(CASE WHEN c.called_at <= c.due_at THEN 1 ELSE 0 END), "
                                 "COUNT(*) FROM visits_follow_up_calls c WHERE c.state IN ('done', 'unreachable') "
                                 f"AND c.deleted_at IS NULL AND c.org_id IN {UNITS} AND c.called_at >= :start "
                                 "AND c.called_at < :end GROUP BY c.called_by", **args))
    for org, overdue in sql(session, "SELECT c.org_id, COUNT(*) FROM visits_follow_up_calls c WHERE c.state = 'due' "
                                     f"AND c.org_id IN {UNITS} AND c.due_at >= :start AND c.due_at < :end "
                                     "AND c.due_at < :now GROUP BY c.org_id", **args):
        found.setdefault(FOLLOW_UPS, {})[(None, org)] = (0, int(overdue))
    put(VISITS, sql(session, "SELECT v.assignee_id, SUM(CASE WHEN v.state = 'done' THEN 1 ELSE 0 END), COUNT(*) "
                             "FROM visits_planned_visits v JOIN visits_plans p ON p.id = v.plan_id "
                             "WHERE p.quarter = :quarter AND v.state <> 'cancelled' AND v.deleted_at IS NULL "
                             f"AND v.org_id IN {UNITS} GROUP BY v.assignee_id", quarter=team.period.label,
                    bj=BJ, sh=SH, partner=PARTNER))
    today = utcnow().astimezone(ZONE).date()
    put(INSPECTIONS, sql(session, "SELECT i.engineer_id, SUM(CASE WHEN i.done_on IS NOT NULL THEN 1 ELSE 0 END), "
                                  "COUNT(*) FROM visits_inspections i WHERE i.deleted_at IS NULL "
                                  f"AND i.org_id IN {UNITS} AND i.due_on >= :first AND i.due_on < :after "
                                  "AND (i.done_on IS NOT NULL OR i.due_on < :today) GROUP BY i.engineer_id",
                         first=team.period.start, after=team.period.end, today=today, bj=BJ, sh=SH, partner=PARTNER))
    for engineer, org, count in sql(session, "SELECT a.engineer_id, a.org_id, COUNT(*) "
                                             "FROM visits_corrective_actions a "
                                             f"WHERE a.deleted_at IS NULL AND a.org_id IN {UNITS} "
                                             "AND a.opened_at < :end AND (a.closed_at IS NULL OR a.closed_at >= :end) "
                                             "GROUP BY a.engineer_id, a.org_id", end=end, bj=BJ, sh=SH,
                                    partner=PARTNER):
        found.setdefault(ACTIONS_OPEN, {})[engineer or (None, org)] = (int(count), 0)
    return found


def tally(figures: Figures, measure: str) -> tuple[int, int]:
    return figures.count(measure), figures.base(measure)


def test_every_figure_of_every_person_equals_plain_sql(ctx, team):
    card = card_for(ctx, team)
    people = {line.user_id: line for line in card.people}
    with ctx.reading() as session:
        expected = expected_by_person(session, team)
    checked = 0
    for measure, by_person in expected.items():
        for person, figure in by_person.items():
            if isinstance(person, tuple):
                continue  # a unit's own figure, checked with the units
            assert tally(people[person].figures, measure) == figure, (measure, people[person].name)
            checked += 1
        shown = {p for p, line in people.items() if line.figures.values.get(measure)}
        assert shown == {p for p in by_person if not isinstance(p, tuple)}, measure
    assert checked >= 20
    # and by hand, so that the rows above are the ones meant
    eng1 = people[team.id("eng1@BJ")].figures
    assert [tally(eng1, m) for m in (HANDLED, ONSITE, RESOLUTION, SATISFACTION, SOLVED, VISITS, INSPECTIONS,
                                     ACTIONS_OPEN)] == [(2, 0), (1, 2), (1, 2), (7, 2), (1, 2), (0, 1), (1, 2), (2, 0)]
    hot1 = people[team.id("hot1@BJ")].figures
    assert tally(hot1, RESPONSE) == (11, 13) and tally(hot1, RESOLUTION) == (6, 7)
    assert tally(people[team.id("fu1@BJ")].figures, FOLLOW_UPS) == (4, 5)
    assert tally(people[team.id("sales1@BJ")].figures, VISITS) == (2, 3)
    assert people[team.id("eng2@BJ")].figures.value(ONSITE) is None  # waiting for the customer: not due
    assert team.id("mgr@BJ") not in people  # the manager is not among the evaluated staff


def test_units_roll_up_their_people_and_their_own_figures(ctx, team):
    card = card_for(ctx, team)
    homes = {line.user_id: line.org_id for line in card.people}
    units = {line.org_id: line for line in card.units}
    with ctx.reading() as session:
        expected = expected_by_person(session, team)
    for org in (BJ, SH, PARTNER):
        for measure, by_person in expected.items():
            count = sum(c for p, (c, _) in by_person.items()
                        if (p == (None, org)) or (not isinstance(p, tuple) and homes.get(p) == org))
            base = sum(b for p, (_, b) in by_person.items()
                       if (p == (None, org)) or (not isinstance(p, tuple) and homes.get(p) == org))
            assert tally(units[org].own, measure) == (count, base), (measure, org)
    for measure in expected:
        bj_and_partner = tuple(a + b for a, b in zip(tally(units[BJ].own, measure), tally(units[PARTNER].own, measure)))
        assert tally(units[BJ].subtree, measure) == bj_and_partner
        everything = tuple(sum(v[i] for v in expected[measure].values()) for i in (0, 1))
        assert tally(card.total, measure) == everything
    bj = units[BJ].own
    assert tally(bj, FOLLOW_UPS) == (4, 6)  # fu1's five calls and the unit's overdue one
    assert tally(bj, ACTIONS_OPEN) == (3, 0)  # eng1's two and the one without an engineer


def test_a_branch_manager_sees_the_branch_and_its_partners_only(ctx, team):
    card = card_for(ctx, team, "mgr@BJ")
    assert {u.org_id for u in card.units} == {BJ, PARTNER}
    assert team.id("eng3@SH") not in {p.user_id for p in card.people}
    narrowed = card_for(ctx, team, org_id=SH, subtree=False)
    assert [u.org_id for u in narrowed.units] == [SH]
    assert {p.user_id for p in narrowed.people} == {team.id("eng3@SH"), team.id("fu2@SH")}


def test_the_tickets_plugin_answers_staff_figures_through_the_hook(ctx, team):
    with ctx.reading() as session:
        answers = [f for group in ctx.hook.staff_figures(session=session, period=team.period, org_ids=[BJ, SH, PARTNER])
                   for f in group]
        expected = expected_by_person(session, team)
    for measure in (HANDLED, RESPONSE, ONSITE, RESOLUTION):
        summed: dict = {}
        for f in answers:
            if f.measure == measure:
                count, base = summed.get(f.user_id, (0, 0))
                summed[f.user_id] = (count + f.count, base + (f.base or 0))
        assert summed == expected[measure], measure
    with ctx.reading() as session:
        assert [f for g in ctx.hook.staff_figures(session=session, period=team.period, org_ids=[]) for f in g] == []


def test_the_scorecard_needs_its_permission(ctx, team):
    from app.errors import PermissionDenied

    with ctx.reading() as session, pytest.raises(PermissionDenied):
        service.scorecard(session, team.people["eng1@BJ"], team.period, hook=ctx.hook)
