"""Follow-up surveys: one per ticket category, HQ reference data, versioned.

Every survey asks at least the two fixed questions (``solved``, yes/no; ``satisfaction``, 1–5).
A category without a stored survey asks its default questions (``DEFAULT_QUESTIONS``), stored as
version 1 the first time a call answers them, when HQ edits the survey, or by the demo. Publishing
a change stores a new version; the versions before it stay as they were, with their answers.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.models import User
from app.errors import PermissionDenied, ValidationError
from app.i18n import translate
from app.ids import new_id, reference_id
from app.orgs.models import OrgUnit
from app.sync.ownership import owned_org_ids
from plugins.visits.plan_rules import optional_text
from plugins.visits.survey_models import QUESTION_KINDS, Survey, SurveyQuestion

SOLVED, SATISFACTION = "solved", "satisfaction"
FIXED_KINDS = {SOLVED: "yes_no", SATISFACTION: "score"}
SCORES = (1, 2, 3, 4, 5)
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    kind: str  # yes_no | score | choice | text
    options: tuple[str, ...] = ()
    fixed: bool = False


@dataclass(frozen=True)
class SurveyForm:
    """A category's current survey as asked: stored (``survey_id``, ``version``) or, before any
    version is stored, the defaults (``survey_id`` None, ``version`` 0)."""

    category: str
    survey_id: uuid.UUID | None
    version: int
    questions: tuple[Question, ...]
    published_at: datetime | None = None
    published_by: uuid.UUID | None = None
    by_code: dict[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_code", {q.code: q for q in self.questions})


_FIXED = (Question(SOLVED, "您报修的问题是否已经解决？", "yes_no", fixed=True),
          Question(SATISFACTION, "您对本次服务的总体满意度打几分？（1–5分，5分为非常满意）", "score", fixed=True))
_SUGGESTIONS = Question("suggestions", "您对我们的服务还有什么意见或建议？", "text")
_ENGINEER = (Question("punctuality", "工程师是否按约定的时间响应或到场？", "yes_no"),
             Question("attitude", "您对工程师的服务态度打几分？（1–5分）", "score"),
             Question("skill", "您对工程师的技术水平打几分？（1–5分）", "score"))
DEFAULT_QUESTIONS: dict[str, tuple[Question, ...]] = {
    "fault": (*_FIXED, *_ENGINEER, _SUGGESTIONS),
    "maintenance": (*_FIXED, *_ENGINEER[:2],
                    Question("site_tidy", "维护完成后，工程师是否清理了现场并说明了维护内容？", "yes_no"), _SUGGESTIONS),
    "consultation": (*_FIXED, Question("clarity", "热线工程师的解答是否清楚易懂？（1–5分）", "score"),
                     Question("channel", "您通常通过哪种方式联系我们？", "choice",
                              ("服务热线", "电子邮件", "传真", "客户经理")), _SUGGESTIONS),
    "quality_complaint": (*_FIXED, Question("kept_informed", "处理期间我们是否及时向您通报进展？", "yes_no"),
                          Question("handling", "您对投诉的处理结果怎么看？", "choice", ("认可", "基本认可", "不认可")),
                          _SUGGESTIONS),
}


def default_questions(category: str) -> tuple[Question, ...]:
    """The questions a category starts with (a category no default knows: the fixed two and suggestions)."""
    return DEFAULT_QUESTIONS.get(category, (*_FIXED, _SUGGESTIONS))


def kind_label(kind: str) -> str:
    return {"yes_no": translate("Visits", "Yes / no"), "score": translate("Visits", "Score 1–5"),
            "choice": translate("Visits", "Choice"), "text": translate("Visits", "Text")}.get(kind, kind)


# ------------------------------------------------------------------ reading


def current_survey(session: Session, category: str) -> Survey | None:
    return session.scalar(select(Survey).where(Survey.category == category, Survey.deleted_at.is_(None))
                          .order_by(Survey.version.desc()).limit(1))


def _questions_of(session: Session, survey_id: uuid.UUID) -> tuple[Question, ...]:
    rows = session.scalars(select(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id)
                           .order_by(SurveyQuestion.position))
    return tuple(Question(q.code, q.text, q.kind, tuple(q.options or ()), q.fixed) for q in rows)


def survey_form(session: Session, category: str) -> SurveyForm:
    survey = current_survey(session, category)
    if survey is None:
        return SurveyForm(category, None, 0, default_questions(category))
    return SurveyForm(category, survey.id, survey.version, _questions_of(session, survey.id), survey.created_at,
                      survey.published_by)


def form_of_version(session: Session, survey_id: uuid.UUID) -> SurveyForm | None:
    """A stored version as it was published (the one an answer was given to)."""
    survey = session.get(Survey, survey_id)
    if survey is None:
        return None
    return SurveyForm(survey.category, survey.id, survey.version, _questions_of(session, survey.id),
                      survey.created_at, survey.published_by)


def version_numbers(session: Session, category: str) -> list[int]:
    return list(session.scalars(select(Survey.version).where(Survey.category == category).order_by(Survey.version)))


# ------------------------------------------------------------------ storing


def _top_unit(session: Session) -> OrgUnit:
    return session.scalar(select(OrgUnit).where(OrgUnit.parent_id.is_(None)))


def _store(session: Session, category: str, version: int, questions: Sequence[Question],
           published_by: uuid.UUID | None, survey_id: uuid.UUID | None = None) -> Survey:
    top = _top_unit(session)
    survey = Survey(id=survey_id or new_id(), org_id=top.id, category=category, version=version,
                    published_by=published_by)
    session.add(survey)
    session.flush()
    for position, question in enumerate(questions, start=1):
        session.add(SurveyQuestion(id=reference_id("visits_survey_question", f"{survey.id}:{question.code}"),
                                   org_id=top.id, survey_id=survey.id, position=position, code=question.code,
                                   text=question.text, kind=question.kind, options=list(question.options) or None,
                                   fixed=question.code in FIXED_KINDS))
    session.flush()
    return survey


def ensure_survey(session: Session, category: str) -> Survey:
    """The category's current version, storing the defaults as version 1 where none is stored.
    Version 1 has the same id in every installation, so HQ's copy meets a branch's as one row."""
    survey = current_survey(session, category)
    if survey is not None:
        return survey
    return _store(session, category, 1, default_questions(category), None,
                  reference_id("visits_survey", f"{category}:1"))


def publish_survey(session: Session, actor: Actor, category: str, questions: Sequence[Question], *,
                   categories: Sequence[str]) -> Survey:
    """Store the category's next version. ``categories``: the codes tickets know (``case_categories``)."""
    top = _top_unit(session)
    if top.id not in owned_org_ids(session):
        raise PermissionDenied(translate("Visits", "Surveys are HQ reference data: they are changed at HQ and reach "
                                                   "this installation with the next pull."))
    if category not in categories:
        raise ValidationError(translate("Visits", "No ticket category {category}.").format(category=category),
                              field="category")
    checked = check_questions(questions)
    if checked == survey_form(session, category).questions:
        raise ValidationError(translate("Visits", "The survey is unchanged: there is nothing to publish."),
                              field="questions")
    ensure_survey(session, category)  # the defaults stay on record as version 1, as they were asked
    latest = session.scalar(select(func.max(Survey.version)).where(Survey.category == category)) or 0
    survey = _store(session, category, latest + 1, checked, actor.user_id)
    audit.record(session, actor, "survey", survey.id, "publish", f"{category} v{survey.version}")
    return survey


def check_questions(questions: Sequence[Question]) -> tuple[Question, ...]:
    """The questions as they will be stored (texts and options trimmed), or a refusal naming the question."""
    checked, seen = [], set()
    for number, question in enumerate(questions, start=1):
        checked.append(_checked_question(number, question, seen))
        seen.add(question.code)
    for code, kind in FIXED_KINDS.items():
        if code not in seen:
            raise ValidationError(translate("Visits", "Every survey asks “{question}”: it cannot be removed.").format(
                question=_fixed_title(code)), field="questions")
    return tuple(checked)


def _checked_question(number: int, question: Question, seen: set[str]) -> Question:
    def refuse(message: str):
        raise ValidationError(translate("Visits", "Question {number}: {message}").format(number=number,
                                                                                        message=message),
                              field="questions")

    if not _CODE.match(question.code or ""):
        refuse(translate("Visits", "the code is lower-case letters, digits and _ (at most 32)."))
    if question.code in seen:
        refuse(translate("Visits", "the code {code} is used twice.").format(code=question.code))
    text = (question.text or "").strip()
    if not text:
        refuse(translate("Visits", "the question has no text."))
    if question.kind not in QUESTION_KINDS:
        refuse(translate("Visits", "unknown kind {kind}.").format(kind=question.kind))
    if FIXED_KINDS.get(question.code, question.kind) != question.kind:
        refuse(translate("Visits", "“{question}” stays a {kind} question.").format(
            question=_fixed_title(question.code), kind=kind_label(FIXED_KINDS[question.code])))
    options = tuple(o.strip() for o in question.options if o and o.strip())
    if question.kind == "choice" and (len(options) < 2 or len(set(options)) != len(options)):
        refuse(translate("Visits", "a choice needs at least two different options."))
    return Question(question.code, text, question.kind, options if question.kind == "choice" else (),
                    question.code in FIXED_KINDS)


def _fixed_title(code: str) -> str:
    return {SOLVED: translate("Visits", "Was the problem solved?"),
            SATISFACTION: translate("Visits", "How satisfied are you?")}[code]


# ------------------------------------------------------------------ answers


def checked_answers(form: SurveyForm, answers: dict[str, object]) -> dict[str, str]:
    """The answers of a reached call as stored (code → value), in the survey's order. The two fixed
    questions must be answered; any other may be left out (the customer declined)."""
    if not isinstance(answers, dict):
        raise ValidationError(translate("Visits", "The answers are a question → answer mapping."), field="answers")
    unknown = sorted(set(answers) - set(form.by_code))
    if unknown:
        raise ValidationError(translate("Visits", "The survey has no question {code}.").format(code=unknown[0]),
                              field=f"answer:{unknown[0]}")
    stored = {}
    for question in form.questions:
        value = _stored_value(question, answers.get(question.code))
        if value is None and question.fixed:
            raise ValidationError(translate("Visits", "A reached customer answers “{question}”.").format(
                question=_fixed_title(question.code)), field=f"answer:{question.code}")
        if value is not None:
            stored[question.code] = value
    return stored


def _stored_value(question: Question, value) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    field_name = f"answer:{question.code}"
    if question.kind == "yes_no":
        if isinstance(value, bool) or value in ("yes", "no"):
            return value if isinstance(value, str) else ("yes" if value else "no")
        raise ValidationError(translate("Visits", "Answer yes or no."), field=field_name)
    if question.kind == "score":
        score = _as_int(value)
        if score not in SCORES:
            raise ValidationError(translate("Visits", "A score is a whole number from 1 to 5."), field=field_name)
        return str(score)
    if question.kind == "choice":
        chosen = str(value).strip()
        if chosen not in question.options:
            raise ValidationError(translate("Visits", "“{value}” is not one of the options: {options}.").format(
                value=chosen, options=" / ".join(question.options)), field=field_name)
        return chosen
    return optional_text(str(value), field_name, question.text)


def _as_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        return None


# ------------------------------------------------------------------ the editor (through the door)


@dataclass(frozen=True)
class SurveyLine:
    """One category's survey for the editor: the version asked now, and every version stored."""

    category: str
    label: str
    form: SurveyForm
    versions: list[int]
    published_by: str


def case_choices(hook) -> list:
    """The ticket categories (hook ``case_categories``), in the order the tickets plugin gives them."""
    return [choice for group in hook.case_categories() or () for choice in group or ()]


def survey_overview(session: Session, actor: Actor, *, hook) -> list[SurveyLine]:
    lines = []
    for choice in case_choices(hook):
        form = survey_form(session, choice.code)
        publisher = session.get(User, form.published_by) if form.published_by else None
        lines.append(SurveyLine(choice.code, choice.label, form, version_numbers(session, choice.code),
                                (publisher.display_name or publisher.username) if publisher else ""))
    return lines


def publish(session: Session, actor: Actor, category: str, questions: Sequence[Question], *, hook) -> Survey:
    return publish_survey(session, actor, category, questions, categories=[c.code for c in case_choices(hook)])
