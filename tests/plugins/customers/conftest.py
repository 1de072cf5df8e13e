"""Shared set-up for the customer registry's tests: staff of BJ, SH and partner BJ-P01, the
standard packages, and one BJ customer with a site, a contact and a machine."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.orgs.service import get_by_code
from plugins.customers import service

QUICK_HASH = None


def quick_actors(ctx, logins: dict[str, list[str]]) -> dict:
    """Users made directly with one shared password hash (argon2 is slow on purpose, and these tests
    are about customers, not sign-in), returned as signed-in Actors."""
    global QUICK_HASH
    from app.auth.models import Role, User
    from app.auth.passwords import hash_password
    from app.auth.service import actor_for

    QUICK_HASH = QUICK_HASH or hash_password("user-password-1")
    with ctx.transaction() as session:
        users = {}
        for login, roles in logins.items():
            name, _, org = login.partition("@")
            users[login] = User(org_id=get_by_code(session, org).id, username=name, display_name=name,
                                password_hash=QUICK_HASH, roles=[session.get(Role, r) for r in roles])
            session.add(users[login])
        session.flush()
        return {login: actor_for(session, user) for login, user in users.items()}


@dataclass
class Registry:
    ctx: object
    hotline: object  # BJ: may manage customers
    engineer: object  # BJ: may only look
    manager: object  # BJ: sees BJ and its partner
    partner: object  # BJ-P01 hotline
    sh_hotline: object
    followup: object  # BJ follow-up specialist
    customer_id: object  # 北京市第一人民医院 at BJ
    serial: str


@pytest.fixture
def registry(ctx) -> Registry:
    actors = quick_actors(ctx, {"hot@BJ": ["hotline"], "eng@BJ": ["field_engineer"], "boss@BJ": ["branch_manager"],
                                "hot@BJ-P01": ["hotline"], "hot@SH": ["hotline"], "fu@BJ": ["followup"]})
    with ctx.transaction() as session:
        service.ensure_default_packages(session, get_by_code(session, "HQ"))
        customer = service.create_customer(session, actors["hot@BJ"], name="北京市第一人民医院", region="北京")
        site = service.add_site(session, actors["hot@BJ"], customer.id, name="门诊楼机房", address="西什库大街8号")
        service.add_contact(session, actors["hot@BJ"], customer.id, name="王磊（信息科）", phone="13800000001")
        service.create_asset(session, actors["hot@BJ"], customer.id, serial_number="SN-BJ-0001", site_id=site.id,
                             product_line="机架式服务器", model="I620-G30", package_code="7X24-4H")
        customer_id = customer.id
    return Registry(ctx, actors["hot@BJ"], actors["eng@BJ"], actors["boss@BJ"], actors["hot@BJ-P01"],
                    actors["hot@SH"], actors["fu@BJ"], customer_id, "SN-BJ-0001")
