"""The overall score: HQ's weights, the formula shown in words, the score by hand, and a figure
without a base left out with the other weights scaled up."""

from __future__ import annotations

import pytest

from app import installation
from app.errors import PermissionDenied, ValidationError
from app.ids import org_id_for_code
from plugins.visits import service
from plugins.visits.scorecard_weights import (DEFAULT_WEIGHTS, FOLLOW_UPS, INSPECTIONS, ONSITE, RESOLUTION, RESPONSE,
                                              SATISFACTION, SOLVED, VISITS, Figures, overall_score)
from scorecard_data import make_team, seed_period

DEFAULT_FORMULA = ("Overall score = 15 % × First response met + 10 % × On-site arrival met + 15 % × Resolution met"
                   " + 20 % × mean satisfaction ÷ 5 + 10 % × Solved answers + 10 % × Follow-ups on time"
                   " + 10 % × Visits done against plan + 10 % × Inspections done against schedule. A figure without"
                   " a base (nothing due in the period) is left out and the other weights are scaled up to 100 %.")


@pytest.fixture
def team(ctx, make_actor):
    team = make_team(ctx, make_actor)
    seed_period(ctx, team)
    team.people["analyst@BJ"] = make_actor(ctx, "analyst@BJ", roles=["hq_analyst"])
    return team


def people(ctx, team):
    with ctx.reading() as session:
        card = service.scorecard(session, team.people["analyst@HQ"], team.period, hook=ctx.hook)
    return card, {line.user_id: line for line in card.people}


def test_the_default_weights_their_formula_and_a_score_by_hand(ctx, team):
    with ctx.reading() as session:
        shown = service.scorecard_weights(session, team.people["mgr@BJ"])
    assert shown.defaults and shown.weights == DEFAULT_WEIGHTS and sum(DEFAULT_WEIGHTS.values()) == 100
    assert shown.formula == DEFAULT_FORMULA
    card, lines = people(ctx, team)
    assert card.formula == DEFAULT_FORMULA
    # eng1: on-site 1/2, resolution 1/2, satisfaction 7/2 → 3.5 ÷ 5, solved 1/2, visits 0/1, inspections 1/2;
    # no first response of theirs was due: its 15 % is left out and the other 75 % scaled up
    eng1 = lines[team.id("eng1@BJ")]
    by_hand = (10 * 0.5 + 15 * 0.5 + 20 * 0.7 + 10 * 0.5 + 10 * 0 + 10 * 0.5) / 75 * 100
    assert eng1.score == pytest.approx(by_hand) and round(eng1.score, 1) == 48.7
    assert lines[team.id("eng2@BJ")].score == pytest.approx(100.0)  # only an inspection, done: 100 %


def test_hq_sets_the_weights_and_a_missing_figure_is_left_out(ctx, team):
    weights = {RESPONSE: 40, SATISFACTION: 60}
    with ctx.transaction() as session:
        service.set_scorecard_weights(session, team.people["analyst@HQ"], weights)
    with ctx.reading() as session:
        shown = service.scorecard_weights(session, team.people["mgr@BJ"])
    assert not shown.defaults and shown.weights[ONSITE] == 0 and shown.weights[SATISFACTION] == 60
    assert shown.formula == ("Overall score = 40 % × First response met + 60 % × mean satisfaction ÷ 5. A figure "
                             "without a base (nothing due in the period) is left out and the other weights are "
                             "scaled up to 100 %.")
    card, lines = people(ctx, team)
    assert lines[team.id("eng1@BJ")].score == pytest.approx(70.0)  # no response due: satisfaction alone, 3.5 ÷ 5
    assert lines[team.id("hot1@BJ")].score == pytest.approx(100 * 11 / 13)  # no answers about hot1: response alone
    assert lines[team.id("fu1@BJ")].score is None  # neither figure: no score
    eng3 = lines[team.id("eng3@SH")]  # response 1/1 and satisfaction 4/5, both present
    assert eng3.score == pytest.approx((40 * 1.0 + 60 * 0.8) / 100 * 100)
    total = card.total
    assert card.total_score == pytest.approx((40 * total.value(RESPONSE) + 60 * total.value(SATISFACTION) / 5))


def test_overall_score_renormalises_over_the_figures_present():
    figures = Figures()
    figures.add(RESPONSE, 3, 4)       # 75 %
    figures.add(SATISFACTION, 9, 2)   # 4.5 → 90 %
    figures.add(VISITS, 0, 0)         # planned nothing: no base, left out
    weights = {RESPONSE: 50, SATISFACTION: 25, VISITS: 25}
    assert overall_score(figures, weights) == pytest.approx((50 * 0.75 + 25 * 0.9) / 75 * 100)
    assert overall_score(Figures(), weights) is None


def test_weights_are_hq_reference_data(ctx, team):
    full = {RESPONSE: 10, ONSITE: 10, RESOLUTION: 10, SATISFACTION: 30, SOLVED: 10, FOLLOW_UPS: 10, VISITS: 10,
            INSPECTIONS: 10}
    with ctx.transaction() as session, pytest.raises(PermissionDenied, match="only HQ changes them"):
        service.set_scorecard_weights(session, team.people["analyst@BJ"], full)
    assert not service.may_edit_weights(team.people["analyst@BJ"])
    assert service.may_edit_weights(team.people["analyst@HQ"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.set_scorecard_weights(session, team.people["mgr@BJ"], full)
    for wrong, field in (({**full, RESPONSE: 20}, "weights"), ({**full, RESPONSE: -10, SATISFACTION: 50}, RESPONSE),
                         ({**full, "visits.corrective_open": 0}, "weights")):
        with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
            service.set_scorecard_weights(session, team.people["analyst@HQ"], wrong)
        assert refused.value.field == field
    with ctx.transaction() as session:  # this database as a branch's: HQ's reference data arrives from HQ
        installation.set_value(session, installation.NODE_ORG_ID, str(org_id_for_code("BJ")))
    with ctx.transaction() as session, pytest.raises(PermissionDenied, match="change them at HQ"):
        service.set_scorecard_weights(session, team.people["analyst@HQ"], full)
    with ctx.reading() as session:
        assert service.scorecard_weights(session, team.people["mgr@BJ"]).defaults
