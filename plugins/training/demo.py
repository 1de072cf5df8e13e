"""Demo data: a course catalogue, sessions at HQ and the branches, enrolments, attendance and scores,
and an induction in the basic courses for two engineers of every unit."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert, select

from app.clock import utcnow
from app.i18n import translate
from app.ids import new_id
from app.orgs.service import answering_unit
from app.specs import DemoContext
from plugins.training.models import Course, CoursePrerequisite, Enrolment, TrainingSession

# code, title, product line, level, hours, pass mark, prerequisites, syllabus
CATALOGUE = [
    ("SRV-101", "服务器产品基础", "服务器", "basic", 16, 60, (), "机架式与塔式服务器产品线；主要部件；型号与序列号识别"),
    ("SRV-102", "服务器硬件安装与上架", "服务器", "basic", 8, 60, ("SRV-101",), "上架与布线；加电自检；BIOS 基本设置"),
    ("SRV-201", "服务器故障诊断与部件更换", "服务器", "advanced", 24, 70, ("SRV-102",),
     "日志与告警分析；内存、硬盘、电源、主板更换；维修单填写"),
    ("SRV-202", "BMC 远程管理与固件升级", "服务器", "advanced", 16, 70, ("SRV-101",),
     "BMC 配置；远程诊断（须客户授权）；固件升级与回退"),
    ("SRV-301", "关键业务服务器高可用与集群", "服务器", "expert", 32, 80, ("SRV-201", "SRV-202"),
     "双机热备；集群切换演练；专家门诊案例"),
    ("STO-101", "存储产品基础", "存储", "basic", 16, 60, (), "磁盘阵列产品线；控制器与扩展柜；容量规划"),
    ("STO-201", "磁盘阵列配置与 RAID 维护", "存储", "advanced", 24, 70, ("STO-101",),
     "RAID 级别；热备盘；重建与故障盘更换"),
    ("STO-202", "存储网络（FC/iSCSI）故障排查", "存储", "advanced", 16, 70, ("STO-101",),
     "光纤交换机分区；多路径；链路故障定位"),
    ("STO-301", "存储容灾与数据迁移", "存储", "expert", 32, 80, ("STO-201", "STO-202"), "远程复制；快照；在线迁移方案"),
    ("SVC-101", "服务规范与客户沟通", "通用", "basic", 8, 60, (), "7×24 服务热线流程；上门服务礼仪；客户签章确认"),
    ("SVC-102", "备件管理与维修单规范", "通用", "basic", 4, 60, ("SVC-101",), "备品备件申领与返还；维修单存档备案"),
]
PREREQUISITES = {code: prerequisites for code, *_, prerequisites, _syllabus in CATALOGUE}
PAST_DAYS, FUTURE_DAYS = 540, 90
# Every unit sends this many engineers through all basic courses, so that each has two who may be
# certified for every product line (one may be away); months ago, so their certificates are current.
INDUCTED_PER_UNIT, INDUCTION_DAYS_AGO = 2, (90, 240)


def generate(demo: DemoContext) -> None:
    demo.progress(translate("Training", "Training courses"), 0.0)
    courses = _catalogue(demo)
    trainers = demo.staff.get("trainer", [])
    if demo.reference_only or not trainers or demo.cancelled():
        return
    engineers_by_branch = _engineers_by_branch(demo)
    count = max(8, min(5000, demo.scale // 100))
    today = utcnow().date()
    passed: dict = {}  # engineer id -> {course id: passed on} so far (demo runs chronologically)
    starts = sorted(today - timedelta(days=demo.rng.randrange(-FUTURE_DAYS, PAST_DAYS)) for _ in range(count))
    sessions, enrolments = [], []
    for index, starts_on in enumerate(starts):
        if demo.cancelled():
            return
        trainer = demo.rng.choice(trainers)
        pool = _pool(demo, trainer, engineers_by_branch)
        course = _course_for(demo, courses, pool, passed)
        row = _session_row(demo, course, trainer, starts_on)
        sessions.append(row)
        enrolments.extend(_enrolments(demo, row, courses, pool, passed, today))
        if index % 200 == 0:
            demo.progress(translate("Training", "Training sessions"), index / count)
    inducted: dict = {}
    for center, engineers in engineers_by_branch.items():
        inducted |= _induction(demo, courses, center, engineers, passed, sessions, enrolments)
    _bulk(demo, sessions, _without_later_attempts(sessions, enrolments, inducted))


def _catalogue(demo: DemoContext) -> dict[str, Course]:
    """The course catalogue, reusing the courses already here by code: at a branch they came
    from HQ, which owns them, and a copy of its own would never reach HQ."""
    session = demo.session
    courses = {c.code: c for c in session.scalars(select(Course))}
    for code, title, line, level, hours, pass_mark, _, syllabus in CATALOGUE:
        if code not in courses:
            courses[code] = Course(id=new_id(), code=code, title=title, product_line=line, level=level, hours=hours,
                                   pass_mark=pass_mark, syllabus=syllabus, active=True)
            session.add(courses[code])
    session.flush()
    linked = set(session.execute(select(CoursePrerequisite.course_id, CoursePrerequisite.required_course_id)).all())
    for code, *_, prerequisites, _syllabus in CATALOGUE:
        for required in prerequisites:
            if (courses[code].id, courses[required].id) not in linked:
                session.add(CoursePrerequisite(course_id=courses[code].id, required_course_id=courses[required].id))
    session.flush()
    return {code: courses[code] for code, *_ in CATALOGUE}


def _engineers_by_branch(demo: DemoContext) -> dict:
    """Engineers grouped under the branch (or HQ) whose training center serves them."""
    unit_by_id = {unit.id: unit for unit in demo.org_units}
    groups: dict = {}
    for engineer in demo.staff.get("field_engineer", []):
        unit = unit_by_id.get(engineer.org_id)
        home = answering_unit(demo.session, unit).id if unit is not None else engineer.org_id
        groups.setdefault(home, []).append(engineer)
    return groups


def _pool(demo: DemoContext, trainer, engineers_by_branch: dict) -> list:
    """A branch trains its own and its partners' engineers; HQ's sessions draw from the whole network."""
    if trainer.org_id in engineers_by_branch and demo.org_units[0].id != trainer.org_id:
        return engineers_by_branch[trainer.org_id]
    everyone = [e for group in engineers_by_branch.values() for e in group]
    return demo.rng.sample(everyone, min(30, len(everyone)))


def _course_for(demo: DemoContext, courses: dict, pool: list, passed: dict) -> Course:
    """A course that someone in the pool is ready for: basics early, advanced once basics are passed."""
    ready = [c for c in courses.values()
             if any(_ready(c, passed.get(e.id, {}), courses) for e in pool)]
    return demo.rng.choice(ready or [c for c in courses.values() if c.level == "basic"])


def _ready(course: Course, done: dict, courses: dict) -> bool:
    return course.id not in done and all(courses[code].id in done for code in PREREQUISITES[course.code])


def _session_row(demo: DemoContext, course: Course, trainer, starts_on) -> dict:
    online = demo.rng.random() < 0.2
    days = max(1, course.hours // 8)
    unit = next(u for u in demo.org_units if u.id == trainer.org_id)
    return dict(id=new_id(), org_id=trainer.org_id, course_id=course.id, starts_on=starts_on,
                ends_on=starts_on + timedelta(days=days - 1), online=online,
                location="" if online else f"{unit.region or unit.name}培训中心", trainer_id=trainer.id,
                capacity=demo.rng.choice((6, 8, 10, 12)), cancelled=False, _course=course)


def _enrolments(demo: DemoContext, row: dict, courses: dict, pool: list, passed: dict, today) -> list[dict]:
    course = row["_course"]
    candidates = [e for e in pool if _ready(course, passed.get(e.id, {}), courses)]
    demo.rng.shuffle(candidates)
    out = []
    finished = row["ends_on"] < today
    for position, engineer in enumerate(candidates[: row["capacity"] + (0 if finished else 2)]):
        seat = position < row["capacity"]
        enrolment = dict(id=new_id(), org_id=engineer.org_id, session_id=row["id"], engineer_id=engineer.id,
                         state="enrolled" if seat else "waiting",
                         queued_at=utcnow() - timedelta(minutes=100 - position),  # first come, first seated
                         enrolled_by=row["trainer_id"], cancel_reason="")
        if finished and seat:
            _sit_exam(demo, enrolment, course, row, passed)
        out.append(enrolment)
    return out


def _sit_exam(demo: DemoContext, enrolment: dict, course: Course, row: dict, passed: dict) -> None:
    attended = demo.rng.random() < 0.95
    enrolment["attended"] = attended
    if attended:
        score = max(0, min(100, int(demo.rng.gauss(78, 12))))
        enrolment.update(score=score, passed=score >= course.pass_mark, exam_on=row["ends_on"],
                         scored_by=row["trainer_id"])
        if score >= course.pass_mark:
            passed.setdefault(enrolment["engineer_id"], {})[course.id] = row["ends_on"]


def _induction(demo: DemoContext, courses: dict, center, engineers: list, passed: dict, sessions: list,
               enrolments: list) -> dict:
    """Sessions of every basic course at the center for the engineers of each of its units who
    have not passed them all, ``INDUCTED_PER_UNIT`` a unit (those who passed most already).
    Returns (engineer id, course id) -> the induction session's row."""
    basics = [course for course in courses.values() if course.level == "basic"]  # prerequisites come first
    learners = _to_induct(engineers, passed, {course.id for course in basics})
    trainers = demo.staff["trainer"]
    trainer = next((t for t in trainers if t.org_id == center), None) or demo.rng.choice(trainers)
    starts_on = utcnow().date() - timedelta(days=demo.rng.randrange(*INDUCTION_DAYS_AGO))
    inducted = {}
    for course in basics:
        seated = [e for e in learners if _not_passed_before(passed.get(e.id, {}), course, starts_on)]
        if not seated:
            continue
        row = _session_row(demo, course, trainer, starts_on)
        row["capacity"] = max(row["capacity"], len(seated))
        sessions.append(row)
        for position, engineer in enumerate(seated):
            enrolments.append(dict(
                id=new_id(), org_id=engineer.org_id, session_id=row["id"], engineer_id=engineer.id, state="enrolled",
                queued_at=utcnow() - timedelta(minutes=100 - position), enrolled_by=trainer.id, cancel_reason="",
                attended=True, exam_on=row["ends_on"], score=demo.rng.randint(max(course.pass_mark, 65), 98),
                passed=True, scored_by=trainer.id))
            passed.setdefault(engineer.id, {})[course.id] = row["ends_on"]
            inducted[engineer.id, course.id] = row
        starts_on = row["ends_on"] + timedelta(days=demo.rng.randrange(3, 10))
    return inducted


def _not_passed_before(done: dict, course: Course, day) -> bool:
    """Whether the induction seats an engineer in the course: one who passed it only later sits it
    here instead (that later attempt goes), so the courses that need it still come after it."""
    passed_on = done.get(course.id)
    return passed_on is None or passed_on >= day


def _to_induct(engineers: list, passed: dict, basics: set) -> list:
    """Per unit, the ``INDUCTED_PER_UNIT`` engineers closest to having every basic course."""
    chosen = []
    for unit_id in dict.fromkeys(e.org_id for e in engineers):
        colleagues = sorted((e for e in engineers if e.org_id == unit_id),
                            key=lambda e: -len(basics.intersection(passed.get(e.id, {}))))
        chosen.extend(colleagues[:INDUCTED_PER_UNIT])
    return chosen


def _without_later_attempts(sessions: list, enrolments: list, inducted: dict) -> list:
    """An engineer who passed a course at the induction sits it no more: later seats, waiting
    lists and passes go (any earlier attempt failed, or the induction would not have seated them)."""
    if not inducted:
        return enrolments
    by_id = {row["id"]: row for row in sessions}

    def later_attempt(enrolment: dict) -> bool:
        row = by_id[enrolment["session_id"]]
        induction = inducted.get((enrolment["engineer_id"], row["course_id"]))
        return induction is not None and row["starts_on"] > induction["starts_on"]

    return [e for e in enrolments if not later_attempt(e)]


def _bulk(demo: DemoContext, sessions: list[dict], enrolments: list[dict]) -> None:
    demo.progress(translate("Training", "Saving training records"), 0.95)
    for row in sessions:
        row.pop("_course")
    if sessions:
        demo.session.execute(insert(TrainingSession), sessions)
    keys = ("attended", "score", "passed", "exam_on", "scored_by")
    for chunk_start in range(0, len(enrolments), 5000):
        chunk = [{k: None for k in keys} | e for e in enrolments[chunk_start:chunk_start + 5000]]
        demo.session.execute(insert(Enrolment), chunk)
    demo.progress(translate("Training", "Training records saved"), 1.0)
