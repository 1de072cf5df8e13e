"""Follow-up surveys: one per ticket category, HQ reference data, versioned; the two fixed
questions stay in every version, and every answer keeps the version it answered."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from follow_up_cases import answers, closed_event, desk, schedule
from plugins.visits import service
from plugins.visits.models import FollowUpCall, Survey, SurveyAnswer, SurveyQuestion

Q = service.Question


def overview(ctx, actor) -> dict:
    with ctx.reading() as session:
        return {line.category: line for line in service.survey_overview(session, actor, hook=ctx.hook)}


def publish(ctx, actor, category, questions):
    with ctx.transaction() as session:
        return service.publish_survey(session, actor, category, questions, hook=ctx.hook).id


def test_every_ticket_category_starts_with_its_default_survey(ctx, make_actor):
    analyst = make_actor(ctx, "analyst@HQ", roles=["hq_analyst"])
    lines = overview(ctx, analyst)
    assert list(lines) == ["fault", "consultation", "maintenance", "quality_complaint"]
    for line in lines.values():
        assert line.label and line.form.version == 0 and line.versions == []
        assert [(q.code, q.kind, q.fixed) for q in line.form.questions[:2]] == [("solved", "yes_no", True),
                                                                                 ("satisfaction", "score", True)]
    assert {"punctuality", "attitude"} <= {q.code for q in lines["fault"].form.questions}
    assert lines["consultation"].form.by_code["channel"].options == ("服务热线", "电子邮件", "传真", "客户经理")
    assert lines["fault"].form.questions[0].text == "您报修的问题是否已经解决？"


def test_an_edit_publishes_a_new_version_and_answers_keep_the_one_they_answered(ctx, make_actor):
    team = desk(ctx, make_actor)
    analyst = make_actor(ctx, "analyst@HQ", roles=["hq_analyst"])
    first_call = schedule(ctx, closed_event(customer_id=team.customer_id))
    team.record(first_call, outcome="reached", answers=answers(True, 5, punctuality=True))
    version_one = overview(ctx, analyst)["fault"].form
    assert version_one.version == 1
    questions = [q for q in version_one.questions if q.code != "skill"]
    questions.insert(2, Q("parts", "备件是否及时到货？", "yes_no"))
    questions.append(Q("contact_way", "下次回访您希望通过哪种方式？", "choice", ("电话", " 短信 ", "")))
    version_two_id = publish(ctx, analyst, "fault", questions)
    now = overview(ctx, analyst)["fault"]
    assert (now.form.version, now.versions, now.published_by) == (2, [1, 2], "analyst")
    assert [q.code for q in now.form.questions] == ["solved", "satisfaction", "parts", "punctuality", "attitude",
                                                    "suggestions", "contact_way"]
    assert now.form.by_code["contact_way"].options == ("电话", "短信")
    second_call = schedule(ctx, closed_event(customer_id=team.customer_id))
    with pytest.raises(ValidationError, match="no question skill"):
        team.record(second_call, outcome="reached", answers=answers(True, 4, skill=5))
    team.record(second_call, outcome="reached", answers=answers(True, 4, parts="no", contact_way="短信"))
    with ctx.reading() as session:
        answered = {call_id: {(a.survey_id, a.question_code) for a in session.scalars(
            select(SurveyAnswer).where(SurveyAnswer.call_id == call_id))} for call_id in (first_call, second_call)}
        old_questions = session.scalars(select(SurveyQuestion.code).where(
            SurveyQuestion.survey_id == version_one.survey_id).order_by(SurveyQuestion.position)).all()
        assert session.get(FollowUpCall, first_call).survey_id == version_one.survey_id
    assert answered[first_call] == {(version_one.survey_id, c) for c in ("solved", "satisfaction", "punctuality")}
    assert answered[second_call] == {(version_two_id, c) for c in ("solved", "satisfaction", "parts", "contact_way")}
    assert "skill" in old_questions  # version 1 is as it was published


def test_the_fixed_questions_cannot_be_removed_and_bad_questions_are_refused(ctx, make_actor):
    analyst = make_actor(ctx, "analyst@HQ", roles=["hq_analyst"])
    defaults = list(overview(ctx, analyst)["maintenance"].form.questions)
    cases = [
        ([q for q in defaults if q.code != "solved"], "Was the problem solved?"),
        ([q for q in defaults if q.code != "satisfaction"], "How satisfied are you?"),
        ([Q("solved", "问题解决了吗？", "text"), *defaults[1:]], "stays a Yes / no question"),
        ([*defaults, Q("extra", "  ", "yes_no")], "has no text"),
        ([*defaults, Q("extra", "您的渠道？", "choice", ("电话",))], "at least two different options"),
        ([*defaults, Q("extra", "您的渠道？", "choice", ("电话", "电话"))], "at least two different options"),
        ([*defaults, Q("attitude", "重复的问题", "score")], "used twice"),
        ([*defaults, Q("Bad Code", "问题", "score")], "lower-case"),
        ([*defaults, Q("extra", "问题", "stars")], "unknown kind"),
        (defaults, "unchanged"),
    ]
    for questions, message in cases:
        with pytest.raises(ValidationError, match=message):
            publish(ctx, analyst, "maintenance", questions)
    with pytest.raises(ValidationError, match="No ticket category"):
        publish(ctx, analyst, "sales_lead", defaults)
    with ctx.reading() as session:
        assert session.scalars(select(Survey.version).where(Survey.category == "maintenance")).all() in ([], [1])


def test_surveys_are_changed_at_hq_only(ctx, make_actor):
    branch_analyst = make_actor(ctx, "analyst@BJ", roles=["hq_analyst"])
    follow_up = make_actor(ctx, "fu@BJ", roles=["followup"])
    hq_analyst = make_actor(ctx, "analyst@HQ", roles=["hq_analyst"])
    questions = [*overview(ctx, hq_analyst)["fault"].form.questions, Q("extra", "还有其他问题吗？", "text")]
    with pytest.raises(PermissionDenied, match="maintained at HQ"):
        publish(ctx, branch_analyst, "fault", questions)
    with pytest.raises(PermissionDenied):
        publish(ctx, follow_up, "fault", questions)
    with ctx.reading() as session, pytest.raises(PermissionDenied):
        service.survey_overview(session, follow_up, hook=ctx.hook)
    assert "maintained at HQ" in service.survey_edit_refusal(branch_analyst)
    assert service.survey_edit_refusal(hq_analyst) == ""
    with ctx.reading() as session:
        assert session.scalars(select(Survey)).all() == []
    publish(ctx, hq_analyst, "fault", questions)
