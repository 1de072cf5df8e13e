"""Enrolment: seats and a waiting list, prerequisites, attendance, scores, retakes, history, audit."""

import pytest
from sqlalchemy import select

from app.audit.models import AuditEntry
from app.errors import NotFound, PermissionDenied, ValidationError
from plugins.training import service


def enrol_all(ctx, trainer, session_id, *engineers):
    with ctx.transaction() as session:
        return [service.enrol(session, trainer, session_id, e.user_id).id for e in engineers]


def states(ctx, actor, session_id):
    with ctx.reading() as session:
        return [(r.engineer, r.state) for r in service.session_enrolments(session, actor, session_id)]


def test_full_session_puts_engineers_on_a_waiting_list_and_a_cancellation_promotes_the_first(ctx, make_actor, kit):
    p = kit.people(ctx, make_actor)
    third = make_actor(ctx, "zhang@BJ", roles=["field_engineer"])
    courses = kit.catalogue(ctx, p.hq_trainer)
    sid = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], capacity=1)
    first, second, _ = enrol_all(ctx, p.bj_trainer, sid, p.bj_engineer, p.partner_engineer, third)
    assert states(ctx, p.bj_trainer, sid) == [("wang", "enrolled"), ("li", "waiting"), ("zhang", "waiting")]
    with ctx.transaction() as session:
        promoted = service.cancel_enrolment(session, p.bj_trainer, first, "出差")
        assert promoted.id == second
    assert states(ctx, p.bj_trainer, sid) == [("li", "enrolled"), ("zhang", "waiting"), ("wang", "cancelled")]
    with ctx.reading() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity_type == "training.enrolment")
                                  .order_by(AuditEntry.at)).all()
        who = set(session.scalars(select(AuditEntry.actor_name).where(AuditEntry.entity_type == "training.enrolment")))
    assert actions == ["enrolled", "waiting", "waiting", "cancel", "promote"]
    assert who == {"trainer@BJ"}


def test_prerequisite_is_enforced_with_the_missing_course_named(ctx, make_actor, kit):
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    advanced = kit.open_session(ctx, p.bj_trainer, courses["SRV-201"])
    with ctx.transaction() as session, pytest.raises(ValidationError, match="SRV-101 服务器产品基础"):
        service.enrol(session, p.bj_trainer, advanced, p.bj_engineer.user_id)
    with ctx.reading() as session:  # the enrol dialog shows the same reason before anyone clicks
        assert service.missing_prerequisites(session, p.bj_trainer, advanced, [p.bj_engineer.user_id]) == {
            p.bj_engineer.user_id: ["SRV-101"]}
    basic = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"])
    (seat,) = enrol_all(ctx, p.bj_trainer, basic, p.bj_engineer)
    with ctx.transaction() as session:
        service.record_score(session, p.bj_trainer, seat, 75)
    with ctx.reading() as session:
        assert service.missing_prerequisites(session, p.bj_trainer, advanced, [p.bj_engineer.user_id]) == {}
    assert enrol_all(ctx, p.bj_trainer, advanced, p.bj_engineer)


def test_scores_against_the_pass_mark_retakes_and_passed_courses_hook(sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    first_try = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], starts_in=-30)
    retake = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], starts_in=-5)
    (attempt1,) = enrol_all(ctx, p.bj_trainer, first_try, p.bj_engineer)
    with ctx.transaction() as session:
        assert service.record_score(session, p.bj_trainer, attempt1, 59).passed is False
    with ctx.reading() as session:
        assert ctx.hook.passed_courses(session=session, engineer_id=p.bj_engineer.user_id) == [[]]
    (attempt2,) = enrol_all(ctx, p.bj_trainer, retake, p.bj_engineer)
    with ctx.transaction() as session:
        assert service.record_score(session, p.bj_trainer, attempt2, 60).passed is True
    with ctx.reading() as session:
        (passes,) = ctx.hook.passed_courses(session=session, engineer_id=p.bj_engineer.user_id)
        history = service.history(session, p.bj_engineer, p.bj_engineer.user_id)
    assert [(c.course_code, c.product_line, c.level, c.score, c.passed_on) for c in passes] == [
        ("SRV-101", "服务器", "basic", 60, history[0].ends_on)]
    assert [(h.score, h.passed) for h in history] == [(60, True), (59, False)]


def test_attendance_and_score_rules(sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    sid = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], capacity=1)
    seat, waiting = enrol_all(ctx, p.bj_trainer, sid, p.bj_engineer, p.partner_engineer)
    with ctx.transaction() as session, pytest.raises(ValidationError, match="holding a seat"):
        service.record_score(session, p.bj_trainer, waiting, 90)
    with ctx.transaction() as session:
        service.record_attendance(session, p.bj_trainer, seat, False)
    with ctx.transaction() as session, pytest.raises(ValidationError, match="absent"):
        service.record_score(session, p.bj_trainer, seat, 90)
    with pytest.raises(ValidationError, match="0 to 100"), ctx.transaction() as session:
        service.record_attendance(session, p.bj_trainer, seat, True)
        service.record_score(session, p.bj_trainer, seat, 101)
    with ctx.reading() as session:  # the failed transaction left nothing behind
        assert service.session_enrolments(session, p.bj_trainer, sid)[0].attended is False
    with ctx.transaction() as session, pytest.raises(ValidationError, match="already enrolled"):
        service.enrol(session, p.bj_trainer, sid, p.bj_engineer.user_id)


def test_a_branch_trainer_enrols_only_its_subtree_and_hq_everyone(sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    bj_session = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], capacity=5)
    assert len(enrol_all(ctx, p.bj_trainer, bj_session, p.bj_engineer, p.partner_engineer)) == 2
    with ctx.transaction() as session, pytest.raises(NotFound, match="engineer"):
        service.enrol(session, p.bj_trainer, bj_session, p.sh_engineer.user_id)
    hq_session = kit.open_session(ctx, p.hq_trainer, courses["SRV-101"], capacity=5)
    assert len(enrol_all(ctx, p.hq_trainer, hq_session, p.sh_engineer, p.partner_engineer)) == 2
    with ctx.reading() as session:  # BJ sees HQ's session but only its own people in it
        assert [r.engineer for r in service.session_enrolments(session, p.bj_trainer, hq_session)] == ["li"]


def test_more_seats_promote_the_waiting_list_in_order_and_fewer_than_taken_is_refused(ctx, make_actor, kit):
    p = kit.people(ctx, make_actor)
    third = make_actor(ctx, "zhang@BJ", roles=["field_engineer"])
    courses = kit.catalogue(ctx, p.hq_trainer)
    sid = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"], capacity=1)
    enrol_all(ctx, p.bj_trainer, sid, p.bj_engineer, p.partner_engineer, third)
    with ctx.reading() as session:
        current = service.get_session(session, p.bj_trainer, sid)
        data = service.SessionInput(current.course_id, current.starts_on, current.ends_on, current.trainer_id, 2,
                                    location="北京培训中心 5 楼")
    sh_trainer = make_actor(ctx, "trainer@SH", roles=["trainer"])
    with pytest.raises(NotFound), ctx.transaction() as session:
        service.change_session(session, sh_trainer, sid, data)
    with pytest.raises(PermissionDenied), ctx.transaction() as session:
        service.change_session(session, p.bj_engineer, sid, data)
    with ctx.transaction() as session:
        promoted = service.change_session(session, p.bj_trainer, sid, data)
        assert [e.engineer_id for e in promoted] == [p.partner_engineer.user_id]
    assert states(ctx, p.bj_trainer, sid) == [("wang", "enrolled"), ("li", "enrolled"), ("zhang", "waiting")]
    data.capacity = 1
    with pytest.raises(ValidationError, match="2 engineers already hold a seat"), ctx.transaction() as session:
        service.change_session(session, p.bj_trainer, sid, data)
