"""Trained hours and pass rate per org unit and period; dashboard counters; demo data."""

import random

from sqlalchemy import func, select

from app.reports.period import Period, parse_period
from app.specs import DemoContext
from plugins.training import service
from plugins.training.models import Course, Enrolment, TrainingSession


def test_rollup_counts_trained_hours_and_pass_rate_per_unit_in_scope(ctx, make_actor, kit):
    p = kit.people(ctx, make_actor)
    analyst = make_actor(ctx, "ana@HQ", roles=["hq_analyst"])
    courses = kit.catalogue(ctx, p.hq_trainer)
    past = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], capacity=5, starts_in=-3, days=1)
    future = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], capacity=1, starts_in=3)
    with ctx.transaction() as session:
        wang, li = (service.enrol(session, p.bj_trainer, past, e.user_id).id for e in (p.bj_engineer, p.partner_engineer))
        service.record_score(session, p.bj_trainer, wang, 88)
        service.record_score(session, p.bj_trainer, li, 40)
        for engineer in (p.bj_engineer, p.partner_engineer):
            service.enrol(session, p.bj_trainer, future, engineer.user_id)
    period = Period.quarter_of(kit.day(-3))
    ctx_analyst = ctx.signed_in(analyst)
    sections = [s for group in ctx.hook.rollup_sections(ctx=ctx_analyst, period=period, org_code=None) for s in group]
    (section,) = [s for s in sections if s.title == "Training by unit"]
    assert [tuple(r) for r in section.rows] == [("HQ", "总部技术支持部", 0, 0, 0, 0, None),
                                                ("BJ", "北京分公司", 1, 16, 1, 1, 1.0),
                                                ("BJ-P01", "北京信息科技有限公司", 1, 16, 1, 0, 0.0),
                                                ("SH", "上海分公司", 0, 0, 0, 0, None)]
    sh_manager = make_actor(ctx, "boss@SH", roles=["branch_manager"])
    with ctx.reading() as session:
        assert service.training_by_unit(session, analyst, period, "SH") == []
        assert service.training_by_unit(session, analyst, parse_period("2020Q1")) == []
        assert service.training_by_unit(session, sh_manager, period) == []
        counters = {c.id: c.value for g in ctx.hook.dashboard_counters(session=session, actor=p.bj_trainer) for c in g
                    if c.id.startswith("training.")}
    assert counters == {"training.upcoming": 1, "training.waiting": 1}


def test_demo_builds_a_catalogue_and_scored_sessions_for_the_field_engineers(sqlite_ctx, make_actor, kit):
    from plugins.training import demo as training_demo

    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    stages = []
    with ctx.transaction() as session:
        from app.auth.models import User

        staff = {"trainer": [session.get(User, a.user_id) for a in (p.hq_trainer, p.bj_trainer)],
                 "field_engineer": [session.get(User, a.user_id) for a in (p.bj_engineer, p.partner_engineer, p.sh_engineer)]}
        from app.orgs.models import OrgUnit

        demo = DemoContext(session, random.Random(7), 2000, list(session.scalars(select(OrgUnit))), staff,
                           progress=lambda stage, fraction: stages.append(stage))
        training_demo.generate(demo)
    with ctx.reading() as session:
        titles = session.scalars(select(Course.title)).all()
        basics = set(session.scalars(select(Course.code).where(Course.level == "basic")))
        sessions = session.scalar(select(func.count()).select_from(TrainingSession))
        scored = session.scalars(select(Enrolment).where(Enrolment.score.is_not(None))).all()
        engineers = (p.bj_engineer, p.partner_engineer, p.sh_engineer)
        passes = {a.label: {c.course_code for c in service.passed_courses(session, a.user_id)} for a in engineers}
        first_passes = session.execute(select(Enrolment.engineer_id, TrainingSession.course_id, Enrolment.exam_on)
                                       .join(TrainingSession).where(Enrolment.passed)).all()
        attempts = session.execute(select(Enrolment.engineer_id, TrainingSession.course_id, TrainingSession.starts_on)
                                   .join(TrainingSession)).all()
    assert "服务器故障诊断与部件更换" in titles and len(titles) >= 10
    # scale 2000 → one session per 100 tickets, and an induction at BJ and at SH: each of the
    # three engineers is the only one of its unit, so each took every basic course it lacked
    assert 20 < sessions <= 20 + 2 * len(basics)
    assert all(passed >= basics for passed in passes.values()), passes
    assert scored and all(e.passed == (e.score >= 60) for e in scored if e.passed is not None and e.score < 60)
    passed_on = {}
    for engineer, course, exam_on in first_passes:
        assert (engineer, course) not in passed_on  # nobody passes a course twice
        passed_on[engineer, course] = exam_on
    assert not [a for a in attempts if passed_on.get(a[:2], a[2]) < a[2]]  # nor sits it after passing
    assert "Training sessions" in stages


def test_training_demo_runs_before_certification_demo(plugin_host):
    import plugins.training

    impl = next(i for i in plugin_host.pm.hook.demo_data.get_hookimpls() if i.plugin is plugins.training)
    assert impl.tryfirst


def test_cancelled_demo_stops_early(sqlite_ctx):
    from plugins.training import demo as training_demo

    with sqlite_ctx.transaction() as session:
        demo = DemoContext(session, random.Random(1), 2000, [], {"trainer": []}, cancelled=lambda: True)
        training_demo.generate(demo)
        assert session.scalar(select(func.count()).select_from(TrainingSession)) == 0
