"""Shared set-up for the tickets tests: staff of BJ, SH and partner BJ-P01, a customer with an asset."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from app.clock import utcnow
from app.orgs.service import get_by_code
from plugins.customers import service as registry
from plugins.tickets import service


class RecordingHook:
    """Stands in for ``ctx.hook`` where a test wants to see or script what other plugins answer."""

    def __init__(self, real, vetoes=(), outcomes=None):
        self.real, self.vetoes, self.outcomes = real, list(vetoes), outcomes
        self.closed, self.reopened, self.requests, self.usages = [], [], [], []

    def can_dispatch(self, session, check):
        return list(self.vetoes)

    def ticket_closed(self, session, event):
        self.closed.append(event)
        self.real.ticket_closed(session=session, event=event)

    def ticket_reopened(self, session, event):
        self.reopened.append(event)
        self.real.ticket_reopened(session=session, event=event)

    def parts_requested(self, session, request):
        self.requests.append(request)
        return self.outcomes

    def parts_used(self, session, usage):
        self.usages.append(usage)


@dataclass
class Network:
    ctx: object
    hotline: object
    dispatcher: object
    manager: object
    engineer: object
    partner_engineer: object
    sh_hotline: object
    customer_id: object
    serial: str

    def hook(self, **kwargs) -> RecordingHook:
        return RecordingHook(self.ctx.hook, **kwargs)

    def open_ticket(self, category="fault", **kwargs):
        with self.ctx.transaction() as session:
            ticket = service.create_ticket(session, self.hotline, customer_id=self.customer_id,
                                           symptom="服务器无法开机，电源指示灯闪烁", category=category,
                                           serial_number=kwargs.pop("serial", self.serial), **kwargs)
            return ticket.id

    def run(self, action, ticket_id, *args, actor=None, **kwargs):
        """Call ``service.<action>`` in its own transaction."""
        with self.ctx.transaction() as session:
            return getattr(service, action)(session, actor or self.hotline, ticket_id, *args, **kwargs)

    def state_of(self, ticket_id):
        with self.ctx.reading() as session:
            return service.load_ticket(session, self.hotline, ticket_id).state

    def drive_to(self, ticket_id, state, hook):
        """Take a fresh ticket to ``state`` along the legal path."""
        path = {
            "new": [], "diagnosing": ["diag"], "resolved_remotely": ["diag", "remote"],
            "dispatched": ["diag", "send"], "on_site": ["diag", "send", "arrive"],
            "awaiting_signoff": ["diag", "send", "arrive", "repair"], "waiting_for_customer": ["diag", "wait"],
            "closed": ["diag", "remote", "close"], "archived": ["diag", "remote", "close", "archive"],
            "cancelled": ["cancel"],
        }[state]
        steps = {
            "diag": lambda: self.run("start_diagnosis", ticket_id),
            "remote": lambda: self.run("resolve_remotely", ticket_id, "更换电源模块后恢复"),
            "send": lambda: self.run("dispatch", ticket_id, actor=self.dispatcher, engineer_id=self.engineer.user_id,
                                     eta=utcnow() + timedelta(hours=2), hook=hook),
            "arrive": lambda: self.run("arrive", ticket_id, actor=self.engineer),
            "repair": lambda: self.run("complete_repair", ticket_id, actor=self.engineer, fault_found="电源损坏",
                                       actions="更换电源", labour_minutes=45, hook=hook),
            "wait": lambda: self.run("wait_for_customer", ticket_id, "等待客户提供日志"),
            "close": lambda: self.run("close_ticket", ticket_id, hook=hook),
            "archive": lambda: self.run("archive", ticket_id, actor=self.dispatcher),
            "cancel": lambda: self.run("cancel", ticket_id, "客户撤回报修"),
        }
        for step in path:
            steps[step]()
        assert self.state_of(ticket_id) == state


FAST_HASH = None


def quick_actors(ctx, logins: dict[str, list[str]]) -> dict:
    """Users created directly with one shared password hash (argon2 is slow on purpose, and
    these tests are about tickets, not sign-in), returned as signed-in Actors."""
    global FAST_HASH
    from app.auth.models import Role, User
    from app.auth.passwords import hash_password
    from app.auth.service import actor_for

    FAST_HASH = FAST_HASH or hash_password("user-password-1")
    with ctx.transaction() as session:
        users = {}
        for login, roles in logins.items():
            name, _, org = login.partition("@")
            users[login] = User(org_id=get_by_code(session, org).id, username=name, display_name=name,
                                password_hash=FAST_HASH, roles=[session.get(Role, r) for r in roles])
            session.add(users[login])
        session.flush()
        return {login: actor_for(session, user) for login, user in users.items()}


@pytest.fixture
def make_actor():
    """Like the suite's ``make_actor``, with the quick users above."""

    def make(context, login: str, roles=()):
        return quick_actors(context, {login: list(roles)})[login]

    return make


@pytest.fixture
def network(ctx) -> Network:
    actors = quick_actors(ctx, {"hot@BJ": ["hotline"], "disp@BJ": ["dispatcher"], "boss@BJ": ["branch_manager"],
                                "eng@BJ": ["field_engineer"], "eng@BJ-P01": ["field_engineer"],
                                "hot@SH": ["hotline"]})
    with ctx.transaction() as session:
        registry.ensure_default_packages(session, get_by_code(session, "HQ"))
        customer = registry.create_customer(session, actors["hot@BJ"], name="北京市第一人民医院", region="北京")
        registry.create_asset(session, actors["hot@BJ"], customer.id, serial_number="SN-BJ-0001",
                              product_line="机架式服务器", model="I620-G30", package_code="7X24-4H")
        customer_id = customer.id
    return Network(ctx, actors["hot@BJ"], actors["disp@BJ"], actors["boss@BJ"], actors["eng@BJ"],
                   actors["eng@BJ-P01"], actors["hot@SH"], customer_id, "SN-BJ-0001")


class FakeClock:
    """Moves the tickets plugin's notion of "now" (every module that reads the clock)."""

    MODULES = ("domain.lifecycle", "domain.sla", "domain.dispatch", "domain.repair", "domain.emergency",
               "domain.events", "domain.undo")

    def __init__(self, monkeypatch, start):
        import importlib

        self.now = start
        for name in self.MODULES:
            monkeypatch.setattr(importlib.import_module(f"plugins.tickets.{name}"), "utcnow", lambda: self.now)

    def advance(self, **delta):
        self.now = self.now + timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch):
    from datetime import datetime, timezone

    # Monday 2 November 2026, 10:00 in Beijing
    return FakeClock(monkeypatch, datetime(2026, 11, 2, 2, 0, tzinfo=timezone.utc))
