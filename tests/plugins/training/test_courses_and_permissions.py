"""The course catalogue is HQ reference data; sessions need a trainer; roles decide who does what."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.models import AuditEntry
from app.errors import NotFound, PermissionDenied, ValidationError
from plugins.training import service
from plugins.training.service import CourseInput, SessionInput


def test_courses_are_edited_at_hq_only_with_prerequisites_and_without_cycles(ctx, make_actor, kit):
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    with ctx.transaction() as session, pytest.raises(PermissionDenied, match="HQ"):
        service.save_course(session, p.bj_trainer, CourseInput("STO-101", "存储产品基础", "存储"))
    with pytest.raises(ValidationError, match="SRV-201"), ctx.transaction() as session:
        service.save_course(session, p.hq_trainer, CourseInput("SRV-101", "服务器产品基础", "服务器",
                                                               prerequisite_codes=["SRV-201"]), courses["SRV-101"])
    with pytest.raises(ValidationError, match="already used"), ctx.transaction() as session:
        service.save_course(session, p.hq_trainer, CourseInput("SRV-101", "重复", "服务器"))
    with pytest.raises(ValidationError, match="pass mark"), ctx.transaction() as session:
        service.save_course(session, p.hq_trainer, CourseInput("STO-101", "存储产品基础", "存储", pass_mark=120))
    with ctx.reading() as session:
        listed = {c.code: [link.required_course.code for link in c.prerequisites]
                  for c in service.list_courses(session, p.bj_trainer)}
        audited = session.scalars(select(AuditEntry.summary).where(AuditEntry.entity_type == "training.course")).all()
        named = ctx.hook.course_names(session=session, course_codes=["SRV-201", "NET-101"])
    assert listed == {"SRV-101": [], "SRV-201": ["SRV-101"]}
    assert sorted(audited) == ["SRV-101 服务器产品基础", "SRV-201 服务器故障诊断与部件更换"]
    assert named == {"SRV-201": "服务器故障诊断与部件更换"}  # what certification names a missing course by


def test_a_session_needs_a_trainer_a_place_and_sane_dates(sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    start = kit.day(5)
    bad = [(SessionInput(courses["SRV-101"], start, start - timedelta(days=1), p.bj_trainer.user_id), "end before"),
           (SessionInput(courses["SRV-101"], start, start, p.bj_engineer.user_id, location="x"), "trainer role"),
           (SessionInput(courses["SRV-101"], start, start, p.hq_trainer.user_id, location="x"), "trainer role"),
           (SessionInput(courses["SRV-101"], start, start, p.bj_trainer.user_id), "online"),
           (SessionInput(courses["SRV-101"], start, start, p.bj_trainer.user_id, 0, True), "Capacity")]
    for data, message in bad:
        with pytest.raises(ValidationError, match=message), ctx.transaction() as session:
            service.create_session(session, p.bj_trainer, data)
    with ctx.transaction() as session:
        online = service.create_session(session, p.bj_trainer, SessionInput(
            courses["SRV-101"], start, start, p.bj_trainer.user_id, 10, online=True))
        assert online.org_id == p.bj_trainer.org_id


def test_unprivileged_users_are_refused_and_other_branches_invisible(ctx, make_actor, kit):
    p = kit.people(ctx, make_actor)
    manager = make_actor(ctx, "boss@SH", roles=["branch_manager"])
    hotline = make_actor(ctx, "hot@BJ", roles=["hotline"])
    sh_trainer = make_actor(ctx, "trainer@SH", roles=["trainer"])
    courses = kit.catalogue(ctx, p.hq_trainer)
    sid = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"])
    with ctx.transaction() as session:
        seat = service.enrol(session, p.bj_trainer, sid, p.bj_engineer.user_id).id
    with ctx.reading() as session:
        with pytest.raises(PermissionDenied):
            service.session_rows(session, hotline)
        with pytest.raises(PermissionDenied):
            service.history(session, p.sh_engineer, p.bj_engineer.user_id)
        with pytest.raises(PermissionDenied):
            service.history(session, manager, p.bj_engineer.user_id)
        assert [r.course_code for r in service.history(session, p.bj_engineer, p.bj_engineer.user_id)] == ["SRV-101"]
        assert service.session_rows(session, manager) == []  # BJ's session is not SH's business
        with pytest.raises(NotFound):
            service.get_session(session, manager, sid)
    for actor in (manager, p.bj_engineer):
        with ctx.transaction() as session, pytest.raises(PermissionDenied):
            service.record_score(session, actor, seat, 80)
        with ctx.transaction() as session, pytest.raises(PermissionDenied):
            service.enrol(session, actor, sid, p.bj_engineer.user_id)
    with ctx.transaction() as session, pytest.raises(NotFound):
        service.record_score(session, sh_trainer, seat, 80)


def test_a_cancelled_session_takes_no_enrolments_and_only_its_unit_cancels_it(sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    hq_session = kit.open_session(ctx, p.hq_trainer, courses["SRV-101"])
    bj_session = kit.open_session(ctx, p.bj_trainer, courses["SRV-101"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied, match="holding"):
        service.cancel_session(session, p.bj_trainer, hq_session)  # BJ sees HQ's session but does not own it
    with ctx.transaction() as session:
        service.cancel_session(session, p.bj_trainer, bj_session)
    with ctx.transaction() as session, pytest.raises(ValidationError, match="cancelled"):
        service.enrol(session, p.bj_trainer, bj_session, p.bj_engineer.user_id)
    with ctx.reading() as session:
        assert {r.id: r.cancelled for r in service.session_rows(session, p.bj_trainer)} == {
            hq_session: False, bj_session: True}
        assert service.upcoming_count(session, p.bj_trainer) == 1


def test_session_pages_by_keyset_match_pages_by_offset(ctx, make_actor, kit):
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    for offset_days in (5, 5, 5, 9, 1, -3, 12):  # equal dates too: the id breaks the tie
        kit.open_session(ctx, p.hq_trainer, courses["SRV-101"], starts_in=offset_days)
    with ctx.reading() as session:
        everything = [r.id for r in service.session_rows(session, p.hq_trainer, 0, 100)]
        first = service.session_rows(session, p.hq_trainer, 0, 3)
        rest = service.session_rows(session, p.hq_trainer, 3, 100, after=(first[-1].starts_on, first[-1].id))
        starts = [r.starts_on for r in service.session_rows(session, p.hq_trainer, 0, 100)]
    assert [r.id for r in first + rest] == everything and len(everything) == 7
    assert starts == sorted(starts, reverse=True)


def test_a_retired_course_leaves_the_catalogue_but_keeps_its_history(sqlite_ctx, make_actor, kit):
    ctx = sqlite_ctx
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)
    kit.open_session(ctx, p.bj_trainer, courses["SRV-101"])
    with ctx.transaction() as session, pytest.raises(PermissionDenied):
        service.set_course_active(session, p.bj_trainer, courses["SRV-101"], False)
    with ctx.transaction() as session:
        service.set_course_active(session, p.hq_trainer, courses["SRV-101"], False)
    with ctx.reading() as session:
        assert [c.code for c in service.list_courses(session, p.bj_trainer)] == ["SRV-201"]
        assert len(service.list_courses(session, p.bj_trainer, include_inactive=True)) == 2
        assert [r.course_code for r in service.session_rows(session, p.bj_trainer)] == ["SRV-101"]
    with pytest.raises(NotFound), ctx.transaction() as session:
        service.create_session(session, p.bj_trainer, SessionInput(courses["SRV-101"], kit.day(3), kit.day(3),
                                                                   p.bj_trainer.user_id, 5, online=True))
