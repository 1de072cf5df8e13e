"""User text stays text: a customer, contact, engineer and org unit named like HTML read literally in
the main window, the home page, the status bar, the ticket list, the ticket window, error boxes,
progress dialogs, tooltips and the certificate verify dialog; and no view uses a Qt function that
guesses whether text is HTML."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMessageBox, QProgressDialog, QWidget

from app.errors import UserError
from app.hookspecs import hookimpl
from app.specs import ActionSpec, DashboardCounter
from app.ui import plain_text
from testdata import ADMIN_PASSWORD, USER_PASSWORD

HOSTILE = '<img src="file:///etc/passwd"><span style="font-size:28pt;color:red">BIG</span><b>VALID</b>'
ROOT = Path(__file__).resolve().parents[2]


class NoVeto:
    """Answers the dispatch hooks: this test is about what is shown, not about certificates or stock."""

    def can_dispatch(self, session, check):
        return []

    def parts_requested(self, session, request):
        return None


class HostilePlugin:
    """A plugin whose home-page counter and failing menu action quote the hostile name."""

    @hookimpl
    def dashboard_counters(self, session, actor):
        return [DashboardCounter("test.hostile", HOSTILE, 1)]

    @hookimpl
    def actions(self, ctx):
        def fail(ctx, window):
            raise UserError(f"Nothing can be done for {HOSTILE}.")
        return [ActionSpec("test.hostile", "tools", "Hostile", fail)]


@pytest.fixture
def hostile(sqlite_ctx):
    """Org unit BJ, a BJ manager and engineer, a customer, its contact and a dispatched ticket, all
    named HOSTILE; returns the signed-in context of that user and the ticket's id."""
    from app.auth.service import actor_for, authenticate, create_user
    from app.clock import utcnow
    from app.orgs.service import get_by_code, update_org_unit
    from plugins.customers import service as registry
    from plugins.tickets import service as tickets

    with sqlite_ctx.reading() as session:
        admin = authenticate(session, "admin@HQ", ADMIN_PASSWORD)
    with sqlite_ctx.transaction() as session:
        update_org_unit(session, admin, get_by_code(session, "BJ"), name=HOSTILE)
        user = create_user(session, admin, org_code="BJ", username="boss", password=USER_PASSWORD,
                           display_name=HOSTILE, roles=["hotline", "dispatcher", "branch_manager", "field_engineer"])
        actor = actor_for(session, user)
        registry.ensure_default_packages(session, get_by_code(session, "HQ"))
        customer = registry.create_customer(session, actor, name=HOSTILE, region="北京")
        registry.add_contact(session, actor, customer.id, name=HOSTILE, phone="010-12345678")
        registry.create_asset(session, actor, customer.id, serial_number="SN-HTML-0001", product_line="机架式服务器",
                              model="I620-G30", package_code="7X24-4H")
        ticket = tickets.create_ticket(session, actor, customer_id=customer.id, symptom=HOSTILE,
                                       serial_number="SN-HTML-0001", contact_name=HOSTILE, contact_phone="010")
        tickets.start_diagnosis(session, actor, ticket.id)
        tickets.dispatch(session, actor, ticket.id, engineer_id=user.id, eta=utcnow() + timedelta(hours=2),
                         hook=NoVeto())
        ticket_id = ticket.id
    plugin = HostilePlugin()
    sqlite_ctx.plugins.pm.register(plugin)
    yield sqlite_ctx.signed_in(actor), ticket_id
    sqlite_ctx.plugins.pm.unregister(plugin)


def labels_of(widget: QWidget) -> list[QLabel]:
    return widget.findChildren(QLabel) + ([widget] if isinstance(widget, QLabel) else [])


def assert_all_plain(widget: QWidget) -> None:
    guessing = [(label.objectName(), label.text()) for label in labels_of(widget)
                if label.textFormat() != Qt.PlainText]
    assert not guessing, guessing


def literal(widget: QWidget, name: str) -> str:
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    assert label.textFormat() == Qt.PlainText, name
    return label.text()


def answer_message_box(seen: list) -> None:
    """Read the message box that is open at that moment (the caller waits in exec()), then close it."""
    def read():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text(), box.textFormat()))
            box.done(QMessageBox.Ok)
    QTimer.singleShot(0, read)


def test_hostile_names_read_literally_in_every_window(qtbot, hostile):
    from app.ui.main_window import MainWindow
    from plugins.tickets.views.common import attempt

    ctx, ticket_id = hostile
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()

    home = window.open_page("core.home")
    qtbot.waitUntil(lambda: home.findChild(QFrame, "test.hostile") is not None, timeout=10000)
    assert literal(home, "welcome") == f"Welcome, {HOSTILE}"
    assert literal(home, "org_unit").startswith(f"{HOSTILE} (BJ)")
    card = home.findChild(QFrame, "test.hostile")
    assert [label.text() for label in card.findChildren(QLabel)] == ["1", HOSTILE]

    assert literal(window, "status_user") == f"User: {HOSTILE} (boss@BJ)"
    window.statusBar().showMessage(HOSTILE)  # QStatusBar paints its message as plain text
    assert window.statusBar().currentMessage() == HOSTILE

    tickets = window.open_page("tickets.list")
    qtbot.waitUntil(lambda: tickets.model.rowCount() == 1, timeout=10000)
    row = [tickets.model.index(0, column).data() for column in range(tickets.model.columnCount())]
    assert HOSTILE in row  # a table cell's default delegate draws plain text

    ticket = tickets.open_ticket(ticket_id)
    qtbot.addWidget(ticket)
    assert literal(ticket, "field_customer") == HOSTILE
    assert literal(ticket, "field_engineer") == HOSTILE
    assert literal(ticket, "field_contact") == f"{HOSTILE} 010"
    assert literal(ticket, "texts") == f"Symptom: {HOSTILE}"
    assert HOSTILE in [ticket.timeline.item(r, 1).text() for r in range(ticket.timeline.rowCount())]

    for page_id in window.page_ids():  # every page this user may open, every label on it
        window.open_page(page_id)
    assert not window.page_errors
    assert_all_plain(window)
    assert_all_plain(ticket)

    seen = []
    answer_message_box(seen)
    window.action("test.hostile").trigger()  # the shell's box for a failing menu action
    answer_message_box(seen)
    attempt(ticket, HOSTILE, lambda: _name_a_second_customer_the_same(ctx))  # a door's refusal in a view
    assert seen[0] == ("Hostile", f"Nothing can be done for {HOSTILE}.", Qt.PlainText)
    assert seen[1][0] == HOSTILE and HOSTILE in seen[1][1] and seen[1][2] == Qt.PlainText


def _name_a_second_customer_the_same(ctx):
    from plugins.customers import service as registry

    with ctx.transaction() as session:
        registry.create_customer(session, ctx.actor, name=HOSTILE)


def test_a_progress_dialog_shows_its_stages_literally(qtbot):
    from app.ui.workers import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    done = []

    def work(progress, cancelled):
        progress(HOSTILE, 0.5)
        return "ok"

    run_with_progress(parent, HOSTILE, work, done.append, done.append)
    qtbot.waitUntil(lambda: done == ["ok"], timeout=5000)
    dialog = parent.findChild(QProgressDialog)
    assert [(label.text(), label.textFormat()) for label in dialog.findChildren(QLabel)] == [(HOSTILE, Qt.PlainText)]


def test_the_verify_dialog_shows_a_presented_holder_literally(qtbot, sqlite_ctx, monkeypatch):
    from plugins.certification.verification import Verification
    from plugins.certification.views import verify_dialog

    presented = Verification(ok=False, message="Rejected: the signature does not match.", number="BJ-2026-0001",
                             holder=HOSTILE, org=HOSTILE, product_lines=(HOSTILE,), level="basic",
                             issued_on=date(2026, 1, 1), expires_on=date(2028, 1, 1), status="valid",
                             unconfirmed=(HOSTILE,))
    monkeypatch.setattr(verify_dialog.service, "verify_certificate", lambda session, text: presented)
    dialog = verify_dialog.VerifyDialog(sqlite_ctx)
    qtbot.addWidget(dialog)
    dialog.input.setPlainText("anything")
    dialog.check()
    assert literal(dialog, "holder") == HOSTILE and literal(dialog, "org") == HOSTILE
    assert literal(dialog, "unconfirmed").endswith(f"• {HOSTILE}")
    assert_all_plain(dialog)


@pytest.mark.parametrize("text", [HOSTILE, "line one\n  <b>indented</b> & more", "plain words"])
def test_a_tooltip_reads_as_the_text_it_was_given(text):
    tip = plain_text.tooltip_text(text)
    if not GuiQt.mightBeRichText(tip):  # shown as it is
        assert tip == text
        return
    document = QTextDocument()
    document.setHtml(tip)  # how Qt renders a tooltip it takes for rich text
    assert document.toPlainText().replace("\u2028", "\n").replace("\u2029", "\n") == text


def test_a_message_box_never_renders_markup(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.textFormat())) or
                        QMessageBox.Yes)
    plain_text.warn(None, "t", HOSTILE)
    plain_text.information(None, "t", HOSTILE)
    plain_text.critical(None, "t", HOSTILE)
    assert plain_text.question(None, "t", HOSTILE) is True
    assert shown == [(HOSTILE, Qt.PlainText)] * 4


# ------------------------------------------------------------------ source rules

# Message boxes and HTML setters that guess, labels made without plain_label (directly, or by a form
# layout given a text), and an explicit request for the guess.
GUESSING = re.compile(r"QMessageBox\.(warning|critical|information|question|about)\(|\.setHtml\(|\.insertHtml\(|"
                      r"\.appendHtml\(|\bQLabel\(|\.addRow\((self\.tr|tr|translate|f?[\"'])|"
                      r"Qt\.(RichText|AutoText)\b")
# file (relative to the repository) -> why it may use one of the above
ALLOWED: dict[str, str] = {
    "app/ui/plain_text.py": "the helper itself, which names what the product must not call",
}


def view_modules() -> list[Path]:
    return sorted([*(ROOT / "app" / "ui").rglob("*.py"), *ROOT.glob("plugins/*/views/*.py")])


def test_no_view_lets_qt_guess_whether_text_is_html():
    offenders = []
    for path in view_modules():
        relative = path.relative_to(ROOT).as_posix()
        if relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if GUESSING.search(line):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert not offenders, ("use app.ui.plain_text (plain_label; warn, information, critical, question, message_box)"
                           " instead:\n" + "\n".join(offenders))


def test_the_rule_finds_what_it_forbids():
    for line in ('QMessageBox.warning(self, title, str(exc))', "browser.setHtml(text)", "QLabel(customer.name)",
                 "label.setTextFormat(Qt.RichText)", "QMessageBox.question(self, t, q)",
                 'form.addRow(self.tr("Parent"), widget)'):
        assert GUESSING.search(line), line
    for line in ("box = message_box(self, QMessageBox.Warning, title, text)", "form.addRow(plain_label(text), widget)",
                 "self.form.addRow(widget)", "def plain_label(name: str) -> QLabel:"):
        assert not GUESSING.search(line), line
    assert view_modules()
