"""The demo at a branch set up on its own (``init --tier branch --parent HQ``, no HQ to pull from)
gives a network that works end to end: HQ's reference data arrives from a demo HQ as a pull would
bring it (owned by HQ, read only here), engineers are certified with the signing key it handed
over, partners are authorised, follow-up calls and visit plans exist, and a dispatcher sends an
open case of every product line to an engineer the door proposes on the first try."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.auth.service import authenticate
from app.clock import utcnow
from app.config import Config
from app.demo import DEMO_PASSWORD, load
from app.errors import PermissionDenied, UserError
from app.ids import org_id_for_code
from app.orgs.models import OrgUnit
from app.runtime import open_context
from app.setup import initialize
from app.sync import service as sync
from app.sync import state
from plugins.certification import service as certification
from plugins.certification.common import today
from plugins.certification.models import Certificate
from plugins.tickets import service as tickets
from plugins.tickets.models import Ticket
from testdata import ADMIN_PASSWORD

SCALE, SEED = 20, 8  # about that many tickets; open cases of lines of each certificate family at BJ


@dataclass
class LoadedBranch:
    ctx: object
    admin: object  # the branch's administrator, signed in
    cancelled: str  # what a demo cancelled while the demo HQ was built said (on SQLite)
    untouched: tuple | None  # (pull receipt, certificate types) right after that cancel
    stages: list
    summary: str


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def branch(request, tmp_path_factory, plugin_host):
    """One branch installation per backend, loaded once: the tests only read it (but the last)."""
    dropped = None
    if request.param == "sqlite":
        url = f"sqlite:///{(tmp_path_factory.mktemp('branch') / 'bj.sqlite3').as_posix()}"
    else:
        server = request.getfixturevalue("pg_server")
        dropped = server.create_database()
        url = server.url(dropped)
    ctx = open_context(Config(), url, plugins=plugin_host)
    with ctx.transaction() as session:
        initialize(session, tier="branch", code="BJ", name="北京分公司", parent_code="HQ", admin_username="admin",
                   admin_password=ADMIN_PASSWORD)
    with ctx.reading() as session:
        admin = authenticate(session, "admin@BJ", ADMIN_PASSWORD)
    cancelled, untouched = "", None
    if request.param == "sqlite":  # the demo HQ is embedded whatever the branch runs on
        cancelled = _cancel_in_the_progress_dialog(ctx.signed_in(admin))
        untouched = (state.load(ctx.engine).pull.token, _count(ctx, "certification_types"))
    stages = []
    summary = load(ctx, admin, scale=SCALE, seed=SEED, progress=lambda stage, fraction: stages.append(stage))
    yield LoadedBranch(ctx, admin, cancelled, untouched, stages, summary)
    ctx.engine.dispose()
    if dropped:
        server.drop_database(dropped)


def _cancel_in_the_progress_dialog(ctx) -> str:
    """Load demo data as the desktop app does (a worker behind a progress dialog), pressing
    Cancel once the dialog shows the demo HQ being built; what the app then tells the user."""
    from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

    from app.ui.demo_dialog import start_loading

    window, told = QWidget(), []

    def until(condition) -> None:
        deadline = time.monotonic() + 120
        while not condition() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        assert condition()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
        start_loading(ctx, window, SCALE)
        dialog = window.findChild(QProgressDialog)
        until(lambda: dialog.labelText().startswith("Demo HQ"))
        dialog.findChild(QPushButton).click()
        until(lambda: bool(told))
    window._demo_worker = None
    window.deleteLater()
    return told[0]


def _count(ctx, table: str) -> int:
    with ctx.engine.connect() as connection:
        return connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


def _sign_in(ctx, login: str):
    with ctx.reading() as session:
        return authenticate(session, login, DEMO_PASSWORD)


def test_reference_data_comes_from_a_demo_hq_as_a_pull_brings_it(branch):
    ctx = branch.ctx
    if branch.untouched is not None:
        assert "cancelled" in branch.cancelled and branch.untouched == ("", 0)  # cancelled: nothing arrived
    assert "Demo HQ: setting up its database" in branch.stages and "Receiving HQ's reference data" in branch.stages
    assert "demo HQ" in branch.summary
    for table in ("certification_types", "certification_root_keys", "training_courses", "inventory_parts",
                  "customers_packages"):
        assert _count(ctx, table) > 0, table
    assert (_count(ctx, "core_sync_conflicts"), _count(ctx, "core_sync_errors")) == (0, 0)
    trainer = _sign_in(ctx, "trainer1@BJ")
    with ctx.reading() as session:
        offered = certification.certificate_actions(session, trainer)
        assert offered["issue"].enabled, offered["issue"].reason  # types and the center key are here
        assert session.get(OrgUnit, org_id_for_code("HQ")).name == "总部技术支持部"  # HQ's row replaced the placeholder
    with ctx.transaction() as session, pytest.raises(PermissionDenied, match="HQ reference data"):
        certification.create_type(session, branch.admin, code="WC-99", name="x", product_lines=["服务器"],
                                  level="basic", validity_months=12, required_courses=["SRV-101"])
    with ctx.reading() as session:
        keys_offered = certification.key_actions(session, branch.admin)
    assert not keys_offered["new_type"].enabled and "HQ" in keys_offered["new_type"].reason
    assert not keys_offered["create_root"].enabled and not keys_offered["authorise_center"].enabled
    # The demo HQ is gone: nothing here points at it, and its keys never meet a real parent's.
    offered_sync = sync.actions(ctx, branch.admin)
    assert not offered_sync["sync"].ok and not offered_sync["export"].ok
    with pytest.raises(UserError, match="cannot join a real network"):
        sync.connect(ctx, branch.admin, "postgresql://hq.example/service_center")
    assert state.load(ctx.engine).parent.get("url") is None


def test_certified_engineers_authorised_partners_follow_ups_and_visits(branch):
    ctx = branch.ctx
    manager = _sign_in(ctx, "branch_manager1@BJ")
    with ctx.reading() as session:
        on = today()
        in_force = session.execute(select(Certificate.number, Certificate.org_id, Certificate.holder_id,
                                          Certificate.product_lines).where(
            Certificate.status == "valid", Certificate.valid_from <= on, Certificate.expires_on >= on)).all()
        checked = [certification.verify_certificate(session, row.number) for row in in_force]
        assert all(c.ok for c in checked), [c.message for c in checked if not c.ok]
        states = certification.list_authorisations(session, manager)
        units = session.scalars(select(OrgUnit).where(OrgUnit.path.startswith("/HQ/BJ/"))).all()
        lines = set(session.scalars(select(Ticket.product_line)))
    # Two engineers of the branch and of each partner hold a certificate in force for every
    # product line of the demo's cases: one may be away and the case can still go out.
    holders = defaultdict(set)
    for row in in_force:
        for line in row.product_lines:
            holders[row.org_id, line].add(row.holder_id)
    assert len(units) == 5 and len(lines) >= 3
    assert not [(u.code, line) for u in units for line in lines if len(holders[u.id, line]) < 2]
    assert {s.partner.code for s in states if s.status in ("active", "expiring")}  # some partner may serve
    assert _count(ctx, "visits_follow_up_calls") > 0 and _count(ctx, "visits_planned_visits") > 0
    logins = _readme_branch_logins()
    assert len(logins) >= 8 and all(_sign_in(ctx, f"{name}@BJ") for name in logins)  # the README's demo users


def _readme_branch_logins() -> list[str]:
    """The branch column of the README's table of demo users."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Demo\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|") for line in section.splitlines() if line.startswith("|")]
    return [name for cells in rows[2:] for name in re.findall(r"`(\w+)`", cells[2])]


def test_a_dispatcher_dispatches_on_the_first_try(branch):
    # Changes the installation: the module's last test.
    ctx = branch.ctx
    dispatcher = _sign_in(ctx, "dispatcher1@BJ")
    with ctx.reading() as session:
        open_cases = session.execute(select(Ticket.id, Ticket.product_line).where(
            Ticket.org_id == org_id_for_code("BJ"), Ticket.state.in_(("new", "diagnosing")))
            .order_by(Ticket.number)).all()
        case_by_line = {}  # each product line's first case a dispatcher may send out
        for ticket_id, line in open_cases:
            offered = {a.id: a for a in tickets.available_actions(session, dispatcher, ticket_id)}
            if offered["dispatch"].enabled:
                case_by_line.setdefault(line, ticket_id)
        assert len(case_by_line) >= 2, f"the seed should leave open cases of several product lines: {case_by_line}"
        choices = {line: tickets.dispatch_choices(session, dispatcher, ticket_id, hook=ctx.hook).engineers
                   for line, ticket_id in case_by_line.items()}
    proposed = {line: [c for c in engineers if not c.vetoes] for line, engineers in choices.items()}
    assert all(proposed.values()), {line: [c.vetoes for c in choices[line]] for line, ok in proposed.items() if not ok}
    line, ticket_id = next(iter(case_by_line.items()))
    with ctx.transaction() as session:
        ticket = tickets.dispatch(session, dispatcher, ticket_id, engineer_id=proposed[line][0].user_id,
                                  eta=utcnow() + timedelta(hours=2), hook=ctx.hook)
        assert ticket.state == "dispatched"
