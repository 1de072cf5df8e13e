"""Demo rows: HQ's root key, a signing key per training center, certificate types derived from
the courses engineers passed (the training plugin's demo runs first), certificates for those
who qualify, a few renewals, suspensions and revocations (never of the two engineers of a unit
kept in force for each product line), and partner authorisations.

Keys and types are HQ's reference data: a branch reuses what it pulled and issues with its own
center key only when its provisioning file handed that key over."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from datetime import timedelta

from sqlalchemy import select

from app.auth.actor import SCOPE_SUBTREE, system_actor
from app.auth.roles import BRANCH_MANAGER, FIELD_ENGINEER, TRAINER
from app.auth.service import actor_for
from app.errors import ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.orgs.service import answering_unit
from app.specs import DemoContext
from plugins.certification import authorisations, certificates, keys
from plugins.certification.common import today
from plugins.certification.models import CenterKey
from plugins.certification.permissions import AUTHORISE, ISSUE, MANAGE, SUSPEND, VIEW, VIEW_ALL

DEMO_PASSPHRASE = "demo-passphrase-2026"  # root key and every center key of the demo database
SERVICE_TYPES = ["上门维修", "备件更换", "技术巡检", "安装调试", "远程支持"]
LEVEL_NAMES = {"basic": "初级", "intermediate": "中级", "advanced": "高级", "expert": "专家级"}
VALIDITY_BY_LEVEL = {"basic": 12, "intermediate": 24, "advanced": 36}
# A course's product line (training) is broader than an asset's (tickets): a certificate type
# covers every asset product line of its family, so the dispatch check matches real tickets.
COVERAGE = {"服务器": ["服务器", "机架式服务器", "塔式服务器", "刀片服务器", "国产化服务器", "高性能计算", "超融合一体机"],
            "存储": ["存储", "备份一体机"],
            "通用": ["通用", "工作站", "网络设备", "云计算平台"]}


# HQ's certificate types when it makes its reference data alone (``demo --reference``): no
# engineer has passed anything yet to derive them from, so one type per course line and level,
# each needing the entry course of its level in the demo course catalogue.
REFERENCE_TYPES = [("WC-01", "服务器", "basic", ("SRV-101",)), ("WC-02", "服务器", "advanced", ("SRV-201",)),
                   ("WC-03", "服务器", "expert", ("SRV-301",)), ("WC-04", "存储", "basic", ("STO-101",)),
                   ("WC-05", "存储", "advanced", ("STO-201",)), ("WC-06", "存储", "expert", ("STO-301",)),
                   ("WC-07", "通用", "basic", ("SVC-101",))]
KEY_BACK, KEY_AHEAD = timedelta(days=4 * 365), timedelta(days=3 * 365)  # demo keys sign back-dated issues
IN_FORCE_PER_UNIT = 2  # engineers of a unit whose certificates for a product line stay in force (one may be away)

log = logging.getLogger(__name__)


def generate(demo: DemoContext, hook) -> None:
    """``hook`` answers ``passed_courses`` (the plugin host's hook relay). HQ makes the keys and
    types (or reuses them); a branch reuses the ones it pulled from HQ and signs with its own
    center key when its provisioning file handed it over."""
    node = demo.org_units[0]
    if demo.cancelled() or (demo.reference_only and node.tier != "hq"):
        return
    actor = system_actor(node, frozenset({MANAGE, ISSUE, SUSPEND, AUTHORISE, VIEW, VIEW_ALL, SCOPE_SUBTREE}))
    session, on = demo.session, today()
    if demo.reference_only:
        _reference(session, actor)
        return
    demo.progress(translate("Certification", "Certificates"), 0.0)
    engineers = demo.users_with_role(FIELD_ENGINEER)
    passes = {e.id: [p for g in hook.passed_courses(session=session, engineer_id=e.id) for p in (g or [])]
              for e in engineers}
    if node.tier == "hq":
        kinds = list(certificates.list_types(session)) or _types(session, actor, passes)
        ensure_root_key(session, actor)
        centers = [u for u in demo.org_units if u.tier in ("hq", "branch")]
        earliest = max(authorise_demo_center(session, actor, c.code).valid_from for c in centers)
        signable = kinds
    else:
        kinds = list(certificates.list_types(session))
        key = _branch_key(session, node, kinds, on)
        earliest = key.valid_from if key else on
        signable = [k for k in kinds if key and set(k.product_lines) <= set(key.product_lines)]
    if signable:
        _certificates(demo, hook, signable, engineers, passes, on, earliest)
    families = sorted({tuple(k.product_lines) for k in kinds}) or ([("服务器",)] if node.tier == "hq" else [])
    if families:
        _authorisations(demo, actor, families, on)
    demo.progress(translate("Certification", "Certificates"), 1.0)


def _reference(session, actor) -> None:
    """The root key and the certificate types, each only when missing, and a signing key for HQ
    and every branch registered so far: provisioning a branch afterwards hands it its key, so
    its own demo can issue certificates (the network demo registers the branches first)."""
    ensure_root_key(session, actor)
    known = {k.code for k in certificates.list_types(session)}
    for code, line, level, required in REFERENCE_TYPES:
        if code not in known:
            _create_type(session, actor, code, line, level, list(required))
    for center in session.scalars(select(OrgUnit.code).where(OrgUnit.tier.in_(("hq", "branch")))
                                  .order_by(OrgUnit.path)):
        try:
            authorise_demo_center(session, actor, center)
        except ValidationError:  # a real root key, not the demo's: keys are authorised by hand
            log.warning(translate("Certification", "Demo: HQ's root key does not open with the demo passphrase, "
                                                   "so no training center keys were authorised."))
            return


def ensure_root_key(session, actor) -> None:
    """HQ's root key with the demo passphrase, unless HQ already holds one."""
    if not any(held for _, held in keys.root_key_summary(session)):
        keys.create_root_key(session, actor, DEMO_PASSPHRASE)


def authorise_demo_center(session, actor, center_code: str) -> CenterKey:
    """HQ authorises a signing key for a training center (HQ or a branch) for every product line
    of its certificate types, with the demo passphrase, unless the center has one already. The
    reference demo runs before HQ provisions its branches, so that their files hand the key over."""
    on = today()
    center = session.scalar(select(OrgUnit).where(OrgUnit.code == center_code))
    held = _held_key(session, center.id, on) if center is not None else None
    if held is not None:
        return held
    lines = sorted({line for k in certificates.list_types(session) for line in k.product_lines}) or ["服务器"]
    return keys.authorise_center(session, actor, center_code=center_code, product_lines=lines,
                                 valid_from=on - KEY_BACK, valid_until=on + KEY_AHEAD,
                                 root_passphrase=DEMO_PASSPHRASE, center_passphrase=DEMO_PASSPHRASE)


def _held_key(session, org_id, on) -> CenterKey | None:
    """The org unit's current key whose private half is here and opens with the demo passphrase."""
    for key in session.scalars(select(CenterKey).where(
            CenterKey.org_id == org_id, CenterKey.deleted_at.is_(None), CenterKey.revoked_on.is_(None),
            CenterKey.valid_from <= on, CenterKey.valid_until >= on).order_by(CenterKey.valid_until.desc())):
        pem = keys.private_pem(session, key)
        if pem:
            try:
                keys.unlock(pem, DEMO_PASSPHRASE)
                return key
            except ValidationError:
                continue
    return None


def _branch_key(session, node, kinds, on) -> CenterKey | None:
    """The branch's own center key, or None with a note saying why no certificate is issued."""
    if not kinds:
        log.warning(translate("Certification", "Demo: no certificate types here, so no certificates were issued. "
                                               "Pull HQ's reference data first."))
        return None
    key = _held_key(session, node.id, on)
    if key is None:
        log.warning(translate("Certification", "Demo: this installation holds no signing key of {code} that opens "
                                               "with the demo passphrase, so no certificates were issued. HQ "
                                               "authorises one before it provisions {code}.").format(code=node.code))
    return key


def _create_type(session, actor, code: str, line: str, level: str, required: list[str]):
    return certificates.create_type(
        session, actor, code=code, name=f"{line}{LEVEL_NAMES.get(level, level)}上岗证书",
        product_lines=COVERAGE.get(line, [line]), level=level, validity_months=VALIDITY_BY_LEVEL.get(level, 24),
        required_courses=required)


def _types(session, actor, passes) -> list:
    groups: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for course_passes in passes.values():
        for p in course_passes:
            groups[(p.product_line, p.level)][p.course_code] += 1
    kinds = []
    for index, ((line, level), courses) in enumerate(sorted(groups.items()), start=1):
        top = courses.most_common(2)
        required = [code for code, count in top if count * 2 >= top[0][1]]
        kinds.append(_create_type(session, actor, f"WC-{index:02d}", line, level, required))
    return kinds


def _trainer_for(demo: DemoContext, unit_by_id: dict, org_id):
    center = answering_unit(demo.session, unit_by_id[org_id])
    trainers = demo.users_with_role(TRAINER, center.id) or demo.users_with_role(TRAINER)
    return trainers[0]


def _certificates(demo: DemoContext, hook, kinds, engineers, passes, on, earliest) -> None:
    """``earliest``: no issue date before the signing keys' validity starts."""
    session, rng = demo.session, demo.rng
    unit_by_id = {u.id: u for u in demo.org_units}
    actors = {}
    kept = _kept_in_force(kinds, engineers, passes)
    for n, engineer in enumerate(engineers):
        if demo.cancelled():
            return
        passed = {p.course_code: p.passed_on for p in passes[engineer.id]}
        for kind in kinds:
            if certificates.missing_courses(kind, set(passed)):
                continue
            trainer = _trainer_for(demo, unit_by_id, engineer.org_id)
            actor = actors.get(trainer.id) or actors.setdefault(trainer.id, actor_for(session, trainer))
            issued = min(on, max(earliest, max(passed[c] for c in kind.required_courses)
                                 + timedelta(days=rng.randrange(1, 30))))
            cert = certificates.issue_certificate(session, actor, hook, engineer_id=engineer.id, type_code=kind.code,
                                             passphrase=DEMO_PASSPHRASE, on=issued)
            keep = (engineer.id, tuple(kind.product_lines)) in kept
            _lifecycle(demo, hook, actor, cert, on, unit_by_id, actors, keep)
        demo.progress(translate("Certification", "Certificates"), (n + 1) / max(1, len(engineers)) * 0.9)


def _kept_in_force(kinds, engineers, passes) -> set:
    """(engineer id, product lines) of the first ``IN_FORCE_PER_UNIT`` engineers of each unit
    qualified for some type of those lines: their certificates stay in force, so that every unit
    can be sent to a case of any product line a type covers."""
    kept, counts = set(), Counter()
    for engineer in engineers:
        passed = {p.course_code for p in passes[engineer.id]}
        for lines in dict.fromkeys(tuple(k.product_lines) for k in kinds
                                   if not certificates.missing_courses(k, passed)):
            if counts[engineer.org_id, lines] < IN_FORCE_PER_UNIT:
                counts[engineer.org_id, lines] += 1
                kept.add((engineer.id, lines))
    return kept


def _lifecycle(demo, hook, trainer, cert, on, unit_by_id, actors, keep: bool) -> None:
    """Renew some near or past their expiry; suspend or revoke a few, as a manager would. A kept
    certificate (``_kept_in_force``) is always renewed in time and never suspended or revoked."""
    session, rng = demo.session, demo.rng
    if cert.expires_on < on + timedelta(days=45) and (keep or rng.random() < 0.5):
        certificates.renew_certificate(session, trainer, hook, cert.id, passphrase=DEMO_PASSPHRASE, on=on)
        return
    roll = 1.0 if keep else rng.random()
    if roll < 0.05:
        branch = answering_unit(session, unit_by_id[cert.org_id])
        managers = demo.users_with_role(BRANCH_MANAGER, branch.id) or demo.users_with_role(BRANCH_MANAGER)
        manager = actors.get(managers[0].id) or actors.setdefault(managers[0].id, actor_for(session, managers[0]))
        if roll < 0.02:
            certificates.revoke_certificate(session, manager, cert.id, "违规操作，收回上岗证书")
        else:
            certificates.suspend_certificate(session, manager, cert.id, "客户投诉调查期间暂停")


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
