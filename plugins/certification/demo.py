"""Demo rows: HQ's root key, a signing key per training center, certificate types derived from
the courses engineers passed (the training plugin's demo runs first), certificates for those
who qualify, a few renewals, suspensions and revocations, and partner authorisations."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta

from app.auth.actor import SCOPE_SUBTREE, system_actor
from app.auth.roles import BRANCH_MANAGER, FIELD_ENGINEER, TRAINER
from app.auth.service import actor_for
from app.i18n import translate
from app.specs import DemoContext
from plugins.certification import authorisations, keys, service
from plugins.certification.common import AUTHORISE, ISSUE, MANAGE, SUSPEND, VIEW, VIEW_ALL, today

DEMO_PASSPHRASE = "demo-passphrase-2026"  # root key and every center key of the demo database
SERVICE_TYPES = ["上门维修", "备件更换", "技术巡检", "安装调试", "远程支持"]
LEVEL_NAMES = {"basic": "初级", "intermediate": "中级", "advanced": "高级", "expert": "专家级"}
VALIDITY_BY_LEVEL = {"basic": 12, "intermediate": 24, "advanced": 36}
# A course's product line (training) is broader than an asset's (tickets): a certificate type
# covers every asset product line of its family, so the dispatch check matches real tickets.
COVERAGE = {"服务器": ["服务器", "机架式服务器", "塔式服务器", "刀片服务器", "国产化服务器", "高性能计算", "超融合一体机"],
            "存储": ["存储", "备份一体机"],
            "通用": ["通用", "工作站", "网络设备", "云计算平台"]}


def generate(demo: DemoContext, hook) -> None:
    """``hook`` answers ``passed_courses`` (the plugin host's hook relay)."""
    hq = demo.org_units[0]
    if hq.tier != "hq" or demo.cancelled():
        return  # keys and types are HQ reference data: a branch installation receives them
    actor = system_actor(hq, frozenset({MANAGE, ISSUE, SUSPEND, AUTHORISE, VIEW, VIEW_ALL, SCOPE_SUBTREE}))
    session, rng, on = demo.session, demo.rng, today()
    demo.progress(translate("Certification", "Certificates"), 0.0)
    engineers = demo.users_with_role(FIELD_ENGINEER)
    passes = {e.id: [p for g in hook.passed_courses(session=session, engineer_id=e.id) for p in (g or [])]
              for e in engineers}
    kinds = _types(session, actor, passes)
    centers = [u for u in demo.org_units if u.tier in ("hq", "branch")]
    lines = sorted({line for k in kinds for line in k.product_lines}) or ["服务器"]
    keys.create_root_key(session, actor, DEMO_PASSPHRASE)
    for center in centers:
        keys.authorise_center(session, actor, center_code=center.code, product_lines=lines,
                              valid_from=on - timedelta(days=4 * 365), valid_until=on + timedelta(days=3 * 365),
                              root_passphrase=DEMO_PASSPHRASE, center_passphrase=DEMO_PASSPHRASE)
    _certificates(demo, hook, kinds, engineers, passes, on)
    families = sorted({tuple(k.product_lines) for k in kinds}) or [tuple(lines)]
    _authorisations(demo, actor, families, on)
    demo.progress(translate("Certification", "Certificates"), 1.0)


def _types(session, actor, passes) -> list:
    groups: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for course_passes in passes.values():
        for p in course_passes:
            groups[(p.product_line, p.level)][p.course_code] += 1
    kinds = []
    for index, ((line, level), courses) in enumerate(sorted(groups.items()), start=1):
        top = courses.most_common(2)
        required = [code for code, count in top if count * 2 >= top[0][1]]
        kinds.append(service.create_type(
            session, actor, code=f"WC-{index:02d}", name=f"{line}{LEVEL_NAMES.get(level, level)}上岗证书",
            product_lines=COVERAGE.get(line, [line]), level=level, validity_months=VALIDITY_BY_LEVEL.get(level, 24),
            required_courses=required))
    return kinds


def _trainer_for(demo: DemoContext, unit_by_id: dict, org_id):
    unit = unit_by_id[org_id]
    center = unit_by_id.get(unit.parent_id) if unit.tier == "partner" else unit
    trainers = demo.users_with_role(TRAINER, center.id) or demo.users_with_role(TRAINER)
    return trainers[0]


def _certificates(demo: DemoContext, hook, kinds, engineers, passes, on) -> None:
    session, rng = demo.session, demo.rng
    unit_by_id = {u.id: u for u in demo.org_units}
    actors = {}
    for n, engineer in enumerate(engineers):
        if demo.cancelled():
            return
        passed = {p.course_code: p.passed_on for p in passes[engineer.id]}
        for kind in kinds:
            if service.missing_courses(kind, set(passed)):
                continue
            trainer = _trainer_for(demo, unit_by_id, engineer.org_id)
            actor = actors.get(trainer.id) or actors.setdefault(trainer.id, actor_for(session, trainer))
            issued = min(on, max(passed[c] for c in kind.required_courses) + timedelta(days=rng.randrange(1, 30)))
            cert = service.issue_certificate(session, actor, hook, engineer_id=engineer.id, type_code=kind.code,
                                             passphrase=DEMO_PASSPHRASE, on=issued)
            _lifecycle(demo, hook, actor, cert, on, unit_by_id, actors)
        demo.progress(translate("Certification", "Certificates"), (n + 1) / max(1, len(engineers)) * 0.9)


def _lifecycle(demo, hook, trainer, cert, on, unit_by_id, actors) -> None:
    """Renew some near or past their expiry; suspend or revoke a few, as a manager would."""
    session, rng = demo.session, demo.rng
    if cert.expires_on < on + timedelta(days=45) and rng.random() < 0.5:
        service.renew_certificate(session, trainer, hook, cert.id, passphrase=DEMO_PASSPHRASE, on=on)
        return
    roll = rng.random()
    if roll < 0.05:
        unit = unit_by_id[cert.org_id]
        branch = unit_by_id.get(unit.parent_id) if unit.tier == "partner" else unit
        managers = demo.users_with_role(BRANCH_MANAGER, branch.id) or demo.users_with_role(BRANCH_MANAGER)
        manager = actors.get(managers[0].id) or actors.setdefault(managers[0].id, actor_for(session, managers[0]))
        if roll < 0.02:
            service.revoke_certificate(session, manager, cert.id, "违规操作，收回上岗证书")
        else:
            service.suspend_certificate(session, manager, cert.id, "客户投诉调查期间暂停")


def _authorisations(demo: DemoContext, actor, families, on) -> None:
    rng = demo.rng
    for partner in (u for u in demo.org_units if u.tier == "partner"):
        start = on - timedelta(days=rng.randrange(30, 700))
        length = rng.choice((365, 730, 730, 1095))
        authorisations.grant(demo.session, actor, partner_code=partner.code,
                             product_lines=sorted({line for family in rng.sample(families, k=min(len(families), rng.randint(1, 2)))
                                                   for line in family}),
                             service_types=rng.sample(SERVICE_TYPES, k=rng.randint(2, 3)), valid_from=start,
                             valid_until=start + timedelta(days=length), min_engineers=rng.choice((1, 1, 2)))
