"""Demo data for this installation's own subtree. The core makes org units and staff;
plugins add their rows through the ``demo_data`` hook. Deterministic for a seed."""

from __future__ import annotations

import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.models import Role, User
from app.auth.passwords import hash_password
from app.auth.roles import (BRANCH_MANAGER, DISPATCHER, FIELD_ENGINEER, FOLLOWUP, HOTLINE, HQ_ANALYST, SALES,
                            TRAINER)
from app.errors import UserError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.service import build_org
from app.specs import DemoContext

DEMO_PASSWORD = "demo-pass-2026"
DEMO_PERMISSION = "core.demo.load"

CITIES = [("BJ", "北京"), ("SH", "上海"), ("GZ", "广州"), ("SZ", "深圳"), ("CD", "成都"), ("WH", "武汉"),
          ("XA", "西安"), ("NJ", "南京"), ("HZ", "杭州"), ("CQ", "重庆"), ("TJ", "天津"), ("SY", "沈阳"),
          ("JN", "济南"), ("ZZ", "郑州"), ("CS", "长沙"), ("KM", "昆明"), ("HEB", "哈尔滨"), ("FZ", "福州"),
          ("NN", "南宁"), ("LZ", "兰州"), ("TY", "太原"), ("SJZ", "石家庄"), ("HF", "合肥"), ("NC", "南昌"),
          ("GY", "贵阳"), ("WLMQ", "乌鲁木齐"), ("HHHT", "呼和浩特"), ("YC", "银川"), ("XN", "西宁"), ("HK", "海口")]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国海波宁晨浩宇欣怡子轩梓涵雨婷俊峰志"
PARTNER_WORDS = ["信息", "科技", "数据", "网络", "系统", "电子", "计算机", "智能", "云", "数码"]
BRANCH_STAFF = {HOTLINE: 2, DISPATCHER: 1, FIELD_ENGINEER: 4, BRANCH_MANAGER: 1, FOLLOWUP: 1, TRAINER: 1, SALES: 1}
PARTNER_STAFF = {FIELD_ENGINEER: 2, BRANCH_MANAGER: 1}
HQ_STAFF = {HOTLINE: 2, HQ_ANALYST: 1, TRAINER: 1, FIELD_ENGINEER: 2, BRANCH_MANAGER: 1}


def branch_count(scale: int) -> int:
    """About 150 branches at a million tickets; at least three so the rollup has something to roll up."""
    return max(3, min(150, scale // 6500))


def branch_city(index: int) -> tuple[str, str]:
    """(code, city) of the demo's ``index``-th branch (0-based); numbered centers past the list."""
    return CITIES[index] if index < len(CITIES) else (f"C{index + 1:03d}", f"第{index + 1}服务中心")


def load(ctx, actor: Actor, *, scale: int, seed: int, reference_only: bool = False,
         progress=lambda stage, fraction: None, cancelled=lambda: False) -> str:
    """What ``service-center demo`` and the Load demo data dialog run: ``generate`` in one
    transaction, on HQ's reference data. A node below HQ set up on its own receives that from a
    demo HQ first (``app.demo_hq``), so its engineers are certified and can be dispatched."""
    from app import demo_hq

    actor.require(DEMO_PERMISSION)
    received = ""
    if not reference_only:
        with ctx.reading() as session:
            _require_empty(session, session.get(OrgUnit, actor.org_id))
        if demo_hq.needs_reference_data(ctx):
            demo_hq.receive_reference_data(ctx, seed=seed, progress=progress, cancelled=cancelled)
            received = translate("Demo", "HQ's reference data (courses, parts, service packages, certificate types "
                                         "and this center's signing key) came from a demo HQ; this installation is "
                                         "for trying the program and cannot join a real network.")
    try:
        with ctx.transaction() as session:
            summary = generate(ctx, session, actor, scale=scale, seed=seed, reference_only=reference_only,
                               progress=progress, cancelled=cancelled)
    except UserError:
        if received and cancelled():
            raise UserError(translate("Demo", "Demo data cancelled: only HQ's reference data from the demo HQ was "
                                              "kept; the next demo builds on it.")) from None
        raise
    return " ".join(part for part in (summary, received) if part)


def generate(ctx, session: Session, actor: Actor, *, scale: int, seed: int, reference_only: bool = False,
             progress=lambda stage, fraction: None, cancelled=lambda: False) -> str:
    """Create demo org units and staff below the node, then let every plugin add its rows.
    ``reference_only`` (HQ): only the reference data branches pull before their own demo."""
    actor.require(DEMO_PERMISSION)
    rng = random.Random(seed)
    node = session.get(OrgUnit, actor.org_id)
    if reference_only:
        return _reference(ctx, session, actor, node, rng, scale, seed, progress, cancelled)
    _require_empty(session, node)
    progress(translate("Demo", "Org units and staff"), 0.0)
    units = _org_units(session, node, scale, rng)
    staff = _staff(session, units, rng)
    demo = DemoContext(session=session, rng=rng, scale=scale, org_units=units, staff=staff,
                       progress=progress, cancelled=cancelled, hook=ctx.hook)
    ctx.hook.demo_data(demo=demo)
    if cancelled():
        raise UserError(translate("Demo", "Demo data cancelled; nothing was saved."))
    audit.record(session, actor, "demo", node.code, "generate", f"scale={scale} seed={seed}")
    progress(translate("Demo", "Done"), 1.0)
    count = sum(len(v) for v in staff.values())
    return translate("Demo", "Demo data: {units} org units, {users} staff (password {password}).").format(
        units=len(units), users=count, password=DEMO_PASSWORD)


def _reference(ctx, session: Session, actor: Actor, node: OrgUnit, rng, scale: int, seed: int, progress,
               cancelled) -> str:
    """Reference rows only; each plugin reuses what exists, so running it again adds nothing.
    Units and users may already exist: reference data does not depend on them."""
    if node.tier != "hq":
        raise UserError(translate("Demo", "Reference data is HQ's: a branch or partner receives it with "
                                          "“service-center sync pull”."))
    progress(translate("Demo", "Reference data"), 0.0)
    demo = DemoContext(session=session, rng=rng, scale=scale, org_units=[node], staff={}, progress=progress,
                       cancelled=cancelled, hook=ctx.hook, reference_only=True)
    ctx.hook.demo_data(demo=demo)
    if cancelled():
        raise UserError(translate("Demo", "Demo data cancelled; nothing was saved."))
    audit.record(session, actor, "demo", node.code, "reference", f"seed={seed}")
    progress(translate("Demo", "Done"), 1.0)
    return translate("Demo", "Demo reference data is in place; branches receive it with their next pull.")


def _require_empty(session: Session, node: OrgUnit) -> None:
    if session.scalar(select(OrgUnit.id).where(OrgUnit.parent_id == node.id).limit(1)):
        raise UserError(translate("Demo", "This installation already has units below it; demo data is for an empty one."))
    if _has_real_users(session, node):
        raise UserError(translate("Demo", "This installation already has users besides its administrators; "
                                          "demo data is for an empty one."))


def _has_real_users(session: Session, node: OrgUnit) -> bool:
    from app.auth.models import user_roles

    admins = select(user_roles.c.user_id).where(user_roles.c.role_code == "admin")
    others = select(User.id).where(User.org_id == node.id, User.username != "smoke", User.id.not_in(admins))
    return session.scalar(others.limit(1)) is not None


def _org_units(session: Session, node: OrgUnit, scale: int, rng: random.Random) -> list[OrgUnit]:
    units = [node]
    if node.tier == "hq":
        for index in range(branch_count(scale)):
            code, city = branch_city(index)
            branch = build_org(code, f"{city}分公司", "branch", node, region=city)
            session.add(branch)
            units.append(branch)
            units.extend(_partners(session, branch, city, 3, rng))
    elif node.tier == "branch":
        units.extend(_partners(session, node, node.region or node.name[:2], 4, rng))
    session.flush()
    return units


def _partners(session, branch: OrgUnit, city: str, count: int, rng: random.Random) -> list[OrgUnit]:
    partners = []
    for number in range(1, count + 1):
        name = f"{city}{rng.choice(PARTNER_WORDS)}{rng.choice(PARTNER_WORDS)}有限公司"
        partner = build_org(f"{branch.code}-P{number:02d}", name, "partner", branch, region=city)
        session.add(partner)
        partners.append(partner)
    return partners


def _staff(session: Session, units: list[OrgUnit], rng: random.Random) -> dict[str, list[User]]:
    password_hash = hash_password(DEMO_PASSWORD)  # one hash: argon2 is slow on purpose
    roles = {r.code: r for r in session.scalars(select(Role))}
    staff: dict[str, list[User]] = {}
    for unit in units:
        plan = {"hq": HQ_STAFF, "branch": BRANCH_STAFF, "partner": PARTNER_STAFF}[unit.tier]
        existing = set(session.scalars(select(User.username).where(User.org_id == unit.id)))
        for role, count in plan.items():
            for n in range(1, count + 1):
                username = f"{role}{n}"
                if username in existing:
                    continue
                name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
                user = User(org_id=unit.id, username=username, display_name=name,
                            password_hash=password_hash, roles=[roles[role]], phone=f"1{rng.randrange(3, 9)}{rng.randrange(10**9):09d}")
                session.add(user)
                staff.setdefault(role, []).append(user)
    session.flush()
    return staff
