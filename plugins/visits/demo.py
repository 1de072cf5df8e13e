"""Demo rows for the follow-up work: the default survey of every ticket category (reference data,
also with ``demo --reference``), and a follow-up task for every closed case of the tickets demo.
The closes of the last days before the newest one are still due (most overdue); older ones were called: most customers reached and
answered the survey, a few unreachable. The few scores of 1–2 opened corrective actions for the
unit's branch manager; those due long ago are closed. Deterministic for a seed.

The tickets demo writes its cases in bulk without announcing the closes (``ticket_closed``), so
this demo asks for them once (hook ``closed_cases``), as the announcements would have carried them.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import insert

from app.auth.roles import BRANCH_MANAGER, FOLLOWUP
from app.clock import utcnow
from app.i18n import translate
from app.ids import new_id
from app.orgs.local_time import LocalClock
from app.orgs.tree import lineage_ids
from app.specs import DemoContext
from plugins.visits.call_models import CallAttempt, CorrectiveAction, SurveyAnswer
from plugins.visits.corrective import CORRECTIVE_ACTION_DAYS, LOW_SCORES
from plugins.visits.follow_ups import FOLLOW_UP_DELAY, MAX_ATTEMPTS
from plugins.visits.models import FollowUpCall
from plugins.visits.surveys import (DEFAULT_QUESTIONS, SATISFACTION, SOLVED, case_choices, ensure_survey,
                                    form_of_version)

CHUNK = 10_000
STILL_DUE = 3               # at least this many of each unit's newest closes wait for their call
SCORES = {5: 62, 4: 27, 3: 8.5, 2: 1.8, 1: 0.7}
OUTCOMES = {"reached": 91, "no_answer": 6, "wrong_number": 2, "refused": 1}
COMMENTS = ("工程师很专业，处理及时", "希望备件能更快到货", "电话一直占线，建议增加热线座席", "对处理结果满意",
            "建议提前告知上门时间", "")
NOTES = ("客户对处理结果满意", "客户信息中心李工接听", "客户要求下次提前电话预约", "")
COMPLAINTS = ("工程师未按约定时间到场，客户多次催促", "故障处理时间过长，影响业务运行", "工程师服务态度生硬，未解释处理过程",
              "备件等待三天才到货，客户不满")
RESOLUTIONS = ("已与工程师面谈并纳入月度考核，向客户致电道歉", "调整该区域备件库存，关键备件改为本地储备",
               "组织全体工程师服务规范培训，客户已认可整改结果")

def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def generate_follow_ups(demo: DemoContext) -> None:
    session = demo.session
    categories = [c.code for c in case_choices(demo.hook)] if demo.hook is not None else list(DEFAULT_QUESTIONS)
    forms = {code: form_of_version(session, ensure_survey(session, code).id) for code in categories}
    if demo.reference_only:
        return
    if demo.hook is None:  # no plugin host to ask: no closed cases to call about
        return
    closed = [case for answer in demo.hook.closed_cases(session=session) for case in answer or ()]
    writer = _Writer(demo, forms, _newest_per_unit(closed))
    for index, ticket in enumerate(closed):
        if demo.cancelled():
            return
        writer.follow_up(ticket)
        if writer.size() >= CHUNK:
            writer.flush()
            demo.progress(translate("Visits", "Follow-up calls"), index / len(closed))
    writer.stage_open_actions()
    writer.flush()


def _newest_per_unit(closed) -> set:
    """The cases each unit closed last, still waiting for their call: the specialist's queue.
    (The demo's cases were opened days ago at least, so its newest closes are not today's.)"""
    by_unit = defaultdict(list)
    for ticket in closed:  # in closing order
        by_unit[ticket.org_id].append(ticket.ticket_id)
    return {ticket_id for ids in by_unit.values() for ticket_id in ids[-max(STILL_DUE, len(ids) // 20):]}


class _Writer:
    """Builds each closed case's task, its attempts, answers and corrective action, and inserts them in bulk."""

    ORDER = (FollowUpCall, CallAttempt, SurveyAnswer, CorrectiveAction)

    def __init__(self, demo: DemoContext, forms: dict, still_due: set):
        self.demo, self.rng, self.forms = demo, demo.rng, forms
        self.session, self.now = demo.session, utcnow()
        self.still_due = still_due
        self.last_reached: dict = {}  # org id -> the last call answered without a low score
        self.rows: dict[type, list[dict]] = defaultdict(list)
        self.clock = LocalClock(self.session)
        self.specialists: dict = {}
        self.managers: dict = {}
        self.staged_closed = False

    def size(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    def flush(self) -> None:
        for model in self.ORDER:  # the tasks before the rows that point at them
            rows = self.rows.pop(model, [])
            for start in range(0, len(rows), CHUNK):
                self.session.connection().execute(insert(model.__table__), rows[start:start + CHUNK])

    # ------------------------------------------------------------------ people

    def _first_with_role(self, cache: dict, role: str, org_id):
        if org_id not in cache:
            unit = next((u for u in self.demo.org_units if u.id == org_id), None)
            chain = lineage_ids(unit.path) if unit is not None else [org_id]
            found = next((users[0] for users in (self.demo.users_with_role(role, o) for o in chain) if users), None)
            cache[org_id] = found.id if found is not None else None
        return cache[org_id]

    # ------------------------------------------------------------------ one closed case

    def follow_up(self, ticket) -> None:
        rng, closed_at = self.rng, ticket.closed_at
        due_at = closed_at + FOLLOW_UP_DELAY
        call = {"id": new_id(), "org_id": ticket.org_id, "ticket_id": ticket.ticket_id, "ticket_number": ticket.ticket_number,
                "customer_id": ticket.customer_id, "category": ticket.category or "", "engineer_id": ticket.engineer_id,
                "closed_at": closed_at, "due_at": due_at, "state": "due", "attempts": 0, "solved": None,
                "satisfaction": None, "survey_id": None, "notes": "", "called_by": None, "called_at": None,
                "withdrawn_at": None}
        self.rows[FollowUpCall].append(call)
        if ticket.ticket_id in self.still_due:
            return  # still to be called (overdue once its due time has passed)
        specialist = self._first_with_role(self.specialists, FOLLOWUP, ticket.org_id)
        first = closed_at + timedelta(hours=rng.uniform(3, 44))
        outcome = _weighted(rng, OUTCOMES)
        if outcome == "no_answer":
            for number in range(MAX_ATTEMPTS):
                self._attempt(call, "no_answer", specialist, first + timedelta(hours=4 * number))
            self._close(call, "unreachable", specialist)
            return
        if outcome != "reached":
            self._attempt(call, outcome, specialist, first)
            self._close(call, "unreachable", specialist)
            return
        if rng.random() < 0.15:  # not at the desk the first time
            self._attempt(call, "no_answer", specialist, first)
            first += timedelta(hours=rng.uniform(2, 20))
        self._reached(call, specialist, min(first, self.now - timedelta(minutes=5)))

    def _attempt(self, call: dict, outcome: str, specialist, at: datetime, note: str = "") -> None:
        call["attempts"] += 1
        self.rows[CallAttempt].append({
            "id": new_id(), "org_id": call["org_id"], "call_id": call["id"], "number": call["attempts"],
            "outcome": outcome, "note": note, "called_by": specialist, "called_at": at, "unsolved_action": "",
            "unsolved_reason": "", "linked_ticket_id": None, "linked_ticket_number": ""})
        call["called_at"] = at

    @staticmethod
    def _close(call: dict, state: str, specialist) -> None:
        call["state"], call["called_by"] = state, specialist

    def _reached(self, call: dict, specialist, at: datetime) -> None:
        rng = self.rng
        form = self._form(call["category"])
        answers = {question.code: self._answer(question) for question in form.questions}
        # an unsolved case is reopened or followed by a complaint, which the demo does not stage
        answers[SOLVED] = "yes"
        answers = {code: value for code, value in answers.items() if value}
        score = self._staged_score(at) or int(answers[SATISFACTION])
        answers[SATISFACTION] = str(score)
        note = rng.choice(COMPLAINTS) if score in LOW_SCORES else rng.choice(NOTES)
        self._attempt(call, "reached", specialist, at, note)
        call.update(state="done", called_by=specialist, solved=True, satisfaction=score, survey_id=form.survey_id,
                    notes=note)
        for code, value in answers.items():
            self.rows[SurveyAnswer].append({"id": new_id(), "org_id": call["org_id"], "call_id": call["id"],
                                            "survey_id": form.survey_id, "question_code": code, "value": value})
        if score in LOW_SCORES:
            self._corrective_action(call, specialist, at, score, note)
        else:
            self.last_reached[call["org_id"]] = (call, specialist, at)

    def stage_open_actions(self) -> None:
        """Every branch of the demo shows a corrective action still open: its last answered call
        scores 1 when the dice gave none (rows still waiting for the insert)."""
        waiting = {id(call) for call in self.rows[FollowUpCall]}
        open_in = {a["org_id"] for a in self.rows[CorrectiveAction] if a["closed_at"] is None}
        for unit in self.demo.org_units:
            reached = self.last_reached.get(unit.id)
            if unit.tier == "branch" and unit.id not in open_in and reached and id(reached[0]) in waiting:
                self._stage_open_action(*reached)

    def _stage_open_action(self, call: dict, specialist, at: datetime) -> None:
        note = self.rng.choice(COMPLAINTS)
        call.update(satisfaction=1, notes=note)
        for answer in self.rows[SurveyAnswer]:
            if answer["call_id"] == call["id"] and answer["question_code"] == SATISFACTION:
                answer["value"] = "1"
        for attempt in self.rows[CallAttempt]:
            if attempt["call_id"] == call["id"] and attempt["outcome"] == "reached":
                attempt["note"] = note
        self._corrective_action(call, specialist, at, 1, note, still_open=True)

    def _form(self, category: str):
        if category not in self.forms:  # a category the tickets plugin did not list: its default survey
            self.forms[category] = form_of_version(self.session, ensure_survey(self.session, category).id)
        return self.forms[category]

    def _staged_score(self, at: datetime) -> int | None:
        """A month-old call scores 2 once, so that a closed corrective action shows whatever the dice say."""
        if not self.staged_closed and self.now - at > timedelta(days=30):
            self.staged_closed = True
            return 2
        return None

    def _answer(self, question) -> str:
        rng = self.rng
        if question.kind == "score":
            return str(_weighted(rng, SCORES))
        if question.kind == "yes_no":
            return "yes" if rng.random() < 0.94 else "no"
        if question.kind == "choice":
            return rng.choices(question.options, weights=range(len(question.options), 0, -1))[0]
        return rng.choice(COMMENTS) if rng.random() < 0.3 else ""

    def _corrective_action(self, call: dict, specialist, at: datetime, score: int, reason: str,
                           still_open: bool = False) -> None:
        owner = self._first_with_role(self.managers, BRANCH_MANAGER, call["org_id"]) or specialist
        called_on = at.astimezone(self.clock.zone(call["org_id"])).date()
        due_on = called_on + timedelta(days=CORRECTIVE_ACTION_DAYS)
        closed_at = at + timedelta(days=self.rng.uniform(2, CORRECTIVE_ACTION_DAYS + 3))
        age = self.now - at  # young actions are still being worked on; a month-old one is closed
        done = not still_open and closed_at < self.now - timedelta(hours=1) and (
            age > timedelta(days=30) or (age > timedelta(days=5) and self.rng.random() < 0.85))
        self.rows[CorrectiveAction].append({
            "id": new_id(), "org_id": call["org_id"], "call_id": call["id"], "ticket_id": call["ticket_id"],
            "ticket_number": call["ticket_number"], "engineer_id": call["engineer_id"], "owner_id": owner,
            "satisfaction": score, "due_on": due_on, "reason": reason, "opened_by": specialist, "opened_at": at,
            "closed_at": closed_at if done else None, "closed_by": owner if done else None,
            "resolution": self.rng.choice(RESOLUTIONS) if done else ""})
