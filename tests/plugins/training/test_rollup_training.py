"""The training part of the rollup workbook, read back from the .xlsx file: trained hours (a
course's hours × each engineer who attended a session that ended in the period) and the exam
pass rate of every unit, and the Summary's lines, equal plain SQL written here over the test rows
(sessions ending on the period's first day and the day after it, a cancelled session, a cancelled
enrolment, an absent engineer, an unscored exam). An empty period gives zeros and empty shares."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import utcnow
from app.ids import org_id_for_code
from app.reports.period import Period, parse_period
from app.reports.rollup import write_rollup
from plugins.training.models import Enrolment, TrainingSession
from rollup_rows import CODES, ORG, SHANGHAI, sheet, sql, summary, tier_groups, workbook


def past_quarter() -> Period:
    return Period.quarter_of(utcnow().astimezone(SHANGHAI).date()).previous_quarter()


def seed(ctx, kit, make_actor, period: Period) -> None:
    p = kit.people(ctx, make_actor)
    courses = kit.catalogue(ctx, p.hq_trainer)  # SRV-101: 16 hours, SRV-201: 24 hours
    other = make_actor(ctx, "sun@BJ", roles=["field_engineer"])
    first, last = period.start, period.last_day
    with ctx.transaction() as session:
        def held(org, course, ends_on, *, cancelled=False):
            row = TrainingSession(org_id=org_id_for_code(org), course_id=courses[course], starts_on=ends_on,
                                  ends_on=ends_on, trainer_id=p.bj_trainer.user_id, capacity=10, cancelled=cancelled)
            session.add(row)
            session.flush()
            return row

        def enrol(training, engineer, *, attended=True, score=None, state="enrolled"):
            session.add(Enrolment(org_id=engineer.org_id, session_id=training.id, engineer_id=engineer.user_id,
                                  state=state, queued_at=utcnow(), attended=attended, score=score,
                                  passed=None if score is None else score >= 60))

        a = held("BJ", "SRV-101", first + timedelta(days=20))
        enrol(a, p.bj_engineer, score=88)
        enrol(a, p.partner_engineer, score=40)
        enrol(a, p.sh_engineer)  # attended, not examined
        enrol(a, other, state="cancelled", score=90)  # withdrew: counts nowhere
        b = held("HQ", "SRV-201", last)
        enrol(b, p.bj_engineer, score=75)
        enrol(b, p.partner_engineer, attended=False)
        enrol(b, other, score=55)
        c = held("BJ", "SRV-201", first + timedelta(days=30), cancelled=True)
        enrol(c, p.bj_engineer, score=99)
        enrol(held("BJ", "SRV-101", last + timedelta(days=1)), p.bj_engineer, score=80)  # after the period
        enrol(held("HQ", "SRV-101", first), p.partner_engineer, score=61)  # on its first day


def expected(ctx, code: str, period: Period) -> dict:
    engineers, hours, exams, passes = sql(
        ctx, "SELECT count(DISTINCT CASE WHEN e.attended THEN e.engineer_id END), "
             "coalesce(sum(CASE WHEN e.attended THEN c.hours ELSE 0 END), 0), count(e.score), "
             "coalesce(sum(CASE WHEN e.passed THEN 1 ELSE 0 END), 0) "
             "FROM training_enrolments e JOIN training_sessions s ON s.id = e.session_id "
             "JOIN training_courses c ON c.id = s.course_id "
             "WHERE e.org_id = :org AND e.state = 'enrolled' AND s.cancelled = :no AND e.deleted_at IS NULL "
             "AND s.ends_on >= :first AND s.ends_on < :after", org=ORG[code], no=False, first=period.start,
        after=period.end)[0]
    return {"engineers": engineers, "hours": int(hours), "exams": exams, "passes": int(passes)}


def test_every_training_figure_of_the_workbook_is_the_sql_count(ctx, admin, make_actor, kit, tmp_path):
    period = past_quarter()
    seed(ctx, kit, make_actor, period)
    write_rollup(ctx.signed_in(admin), period, None, tmp_path / "rollup.xlsx")
    book = workbook(tmp_path / "rollup.xlsx")
    own = {code: expected(ctx, code, period) for code in CODES}
    assert own["BJ"] == {"engineers": 2, "hours": 16 + 24 + 24, "exams": 3, "passes": 2}  # the cases hold
    assert own["BJ-P01"] == {"engineers": 1, "hours": 32, "exams": 2, "passes": 1}

    rows = sheet(book, "Training by unit")
    assert list(rows) == list(CODES)
    for code, f in own.items():
        row = rows[code]
        assert (row["Engineers trained"], row["Trained hours"], row["Exams"], row["Passed"]) == (
            f["engineers"], f["hours"], f["exams"], f["passes"]), code
        assert row["Exam pass rate"] == pytest.approx(f["passes"] / f["exams"] if f["exams"] else None), code
    lines = summary(book)
    for key, codes in {**{code: (code,) for code in CODES}, **tier_groups()}.items():
        exams, passes = (sum(own[c][k] for c in codes) for k in ("exams", "passes"))
        assert lines[key]["Trained hours"] == sum(own[c]["hours"] for c in codes), key
        assert lines[key]["Exam pass rate"] == pytest.approx(passes / exams if exams else None), key


def test_an_empty_period_and_a_reader_without_training_view(ctx, admin, make_actor, kit, tmp_path):
    seed(ctx, kit, make_actor, past_quarter())
    write_rollup(ctx.signed_in(admin), parse_period("2001Q1"), None, tmp_path / "empty.xlsx")
    rows = sheet(workbook(tmp_path / "empty.xlsx"), "Training by unit")
    assert [tuple(row.values())[2:] for row in rows.values()] == [(0, 0, 0, 0, None)] * len(CODES)
    clerk = make_actor(ctx, "sales@BJ", roles=["sales"])
    groups = ctx.hook.rollup_sections(ctx=ctx.signed_in(clerk), period=past_quarter(), org_code=None)
    assert not [s for group in groups for s in group if s.title == "Training by unit"]
