"""The demo's follow-up work, through the real demo generator: one task for every closed case of
the tickets demo, calls made with survey answers, a few unreachable, corrective actions (one
closed, one open) owned by branch managers; ``demo --reference`` brings the default surveys."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from app.auth.models import Role, User
from app.orgs.models import OrgUnit
from app.specs import DemoContext
from demo_hq import demo_hq
from plugins.tickets.models import Ticket
from plugins.visits import demo as follow_up_demo
from plugins.visits.models import CallAttempt, CorrectiveAction, FollowUpCall, Survey, SurveyAnswer


@pytest.fixture(scope="module")
def demo_network(plugin_host, tmp_path_factory):
    ctx, _admin = demo_hq(plugin_host, tmp_path_factory.mktemp("demo"), scale=300, seed=11)
    yield ctx
    ctx.engine.dispose()


def test_every_closed_case_of_the_demo_has_one_follow_up(demo_network):
    # hooks: closed_cases (the tickets demo closes cases in bulk; the visits demo asks for them)
    with demo_network.reading() as session:
        closed = dict(session.execute(select(Ticket.id, Ticket.closed_at).where(Ticket.state.in_(("closed",
                                                                                                 "archived")))).all())
        calls = session.execute(select(FollowUpCall.ticket_id, FollowUpCall.closed_at, FollowUpCall.category,
                                       FollowUpCall.state)).all()
        categories = dict(session.execute(select(Ticket.id, Ticket.category)).all())
    assert len(closed) > 100
    assert sorted(c.ticket_id for c in calls) == sorted(closed)
    assert all(c.closed_at == closed[c.ticket_id] and c.category == categories[c.ticket_id] for c in calls)
    states = Counter(c.state for c in calls)
    assert states["done"] > states["unreachable"] > 0 and states["due"] > 0
    with demo_network.reading() as session:  # every unit's specialist has a queue
        closing_units = set(session.scalars(select(Ticket.org_id).where(Ticket.closed_at.is_not(None))))
        queued = set(session.scalars(select(FollowUpCall.org_id).where(FollowUpCall.state == "due")))
    assert closing_units == queued


def test_the_demos_calls_have_attempts_answers_and_corrective_actions(demo_network):
    with demo_network.reading() as session:
        done = session.scalars(select(FollowUpCall).where(FollowUpCall.state == "done")).all()
        answered = dict(session.execute(select(SurveyAnswer.call_id, func.count())
                                        .group_by(SurveyAnswer.call_id)).all())
        surveys = {s.id: s.category for s in session.scalars(select(Survey))}
        attempts = Counter(session.scalars(select(CallAttempt.call_id)))
        unreachable = session.scalars(select(FollowUpCall).where(FollowUpCall.state == "unreachable")).all()
        actions = session.scalars(select(CorrectiveAction)).all()
        managers = set(session.scalars(select(User.id).where(User.roles.any(Role.code == "branch_manager"))))
        low = session.scalar(select(func.count()).select_from(FollowUpCall).where(FollowUpCall.satisfaction <= 2))
    assert set(surveys.values()) == {"fault", "consultation", "maintenance", "quality_complaint"}
    assert all(answered[c.id] >= 2 and surveys[c.survey_id] == c.category and c.solved for c in done)
    assert all(attempts[c.id] >= 1 and c.attempts == attempts[c.id] for c in done + unreachable)
    assert all(c.attempts in (1, 3) for c in unreachable)
    assert len(actions) == low >= 2
    assert {a.closed_at is None for a in actions} == {True, False}
    with demo_network.reading() as session:  # every branch manager has an open one to work on
        branches = set(session.scalars(select(OrgUnit.id).where(OrgUnit.tier == "branch")))
    assert branches <= {a.org_id for a in actions if a.closed_at is None}
    assert all(a.owner_id in managers and (a.closed_at is None) == (a.closed_by is None) for a in actions)


def test_the_reference_demo_brings_the_default_surveys_only(ctx):
    with ctx.transaction() as session:
        follow_up_demo.generate_follow_ups(DemoContext(session=session, rng=None, scale=0, org_units=[], staff={},
                                                       hook=ctx.hook, reference_only=True))
    with ctx.reading() as session:
        assert sorted(session.scalars(select(Survey.category).where(Survey.version == 1))) == [
            "consultation", "fault", "maintenance", "quality_complaint"]
        assert session.scalar(select(func.count()).select_from(FollowUpCall)) == 0
