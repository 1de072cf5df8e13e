"""Fixtures: an in-test transcript plugin answering ``passed_courses``, and a signing chain."""

from __future__ import annotations

from datetime import date

import pytest

from app.auth.actor import SCOPE_SUBTREE, system_actor
from app.hookspecs import hookimpl
from app.orgs.service import get_by_code
from app.specs import CoursePass
from plugins.certification import service
from plugins.certification.service import AUTHORISE, ISSUE, MANAGE, SUSPEND, VIEW, VIEW_ALL

PASSPHRASE = "center-passphrase-1"
ROOT_PASSPHRASE = "root-passphrase-1"
TODAY = date(2026, 11, 25)


class Transcript:
    """Answers ``passed_courses`` from a dict: engineer id → course codes passed, and
    ``course_names`` from a small catalogue, as the training plugin would."""

    titles = {"SRV-101": "服务器产品基础", "SRV-102": "服务器硬件安装与上架"}

    def __init__(self):
        self.passed: dict = {}

    def grant(self, engineer_id, *codes, on=date(2026, 3, 1)):
        self.passed.setdefault(engineer_id, []).extend((code, on) for code in codes)

    @hookimpl
    def passed_courses(self, session, engineer_id):
        return [CoursePass(code, "天阔服务器", "basic", on, 88) for code, on in self.passed.get(engineer_id, [])]

    @hookimpl
    def course_names(self, session, course_codes):
        return {code: self.titles[code] for code in course_codes if code in self.titles}


@pytest.fixture
def transcript(ctx):
    plugin = Transcript()
    ctx.plugins.pm.register(plugin)
    yield plugin
    ctx.plugins.pm.unregister(plugin)


@pytest.fixture
def hq_system(ctx):
    with ctx.reading() as session:
        hq = get_by_code(session, "HQ")
        return system_actor(hq, frozenset({MANAGE, ISSUE, SUSPEND, AUTHORISE, VIEW, VIEW_ALL, SCOPE_SUBTREE}))


@pytest.fixture
def chain(ctx, hq_system):
    """HQ's root key, a center key for BJ and HQ, and the certificate type SRV-B (requires SRV-101, SRV-102)."""
    with ctx.transaction() as session:
        service.create_root_key(session, hq_system, ROOT_PASSPHRASE)
        for code in ("BJ", "HQ"):
            service.authorise_center(session, hq_system, center_code=code, product_lines=["天阔服务器", "存储"],
                                  valid_from=date(2025, 1, 1), valid_until=date(2030, 12, 31),
                                  root_passphrase=ROOT_PASSPHRASE, center_passphrase=PASSPHRASE)
        service.create_type(session, hq_system, code="SRV-B", name="天阔服务器初级上岗证书", product_lines=["天阔服务器"],
                            level="basic", validity_months=24, required_courses=["SRV-101", "SRV-102"])
    return hq_system


@pytest.fixture
def people(ctx, make_actor):
    """A BJ trainer, a BJ manager, two engineers (BJ and partner BJ-P01), and an SH manager."""
    return {
        "trainer": make_actor(ctx, "trainer@BJ", roles=["trainer"]),
        "manager": make_actor(ctx, "manager@BJ", roles=["branch_manager"]),
        "engineer": make_actor(ctx, "eng@BJ", roles=["field_engineer"]),
        "partner_engineer": make_actor(ctx, "eng@BJ-P01", roles=["field_engineer"]),
        "sh_manager": make_actor(ctx, "manager@SH", roles=["branch_manager"]),
    }
