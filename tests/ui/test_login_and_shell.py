"""The real dialogs and the main window, driven through qtbot."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFrame, QLabel

from app.hookspecs import hookimpl
from app.specs import ActionSpec
from app.ui.login_dialog import LoginDialog
from app.ui.main_window import MainWindow
from testdata import ADMIN_PASSWORD, USER_PASSWORD


def sign_in(qtbot, dialog, user, password):
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, user)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)


def test_login_wrong_password_then_locked_then_right_password_opens_permitted_pages(qtbot, sqlite_ctx, make_actor):
    make_actor(sqlite_ctx, "fu@BJ", roles=["followup"])
    dialog = LoginDialog(sqlite_ctx, "BJ")
    qtbot.addWidget(dialog)
    dialog.show()
    sign_in(qtbot, dialog, "fu", "wrong-password")
    assert "Wrong user name or password" in dialog.message.text()
    assert dialog.isVisible() and dialog.actor is None
    for _ in range(4):
        sign_in(qtbot, dialog, "fu", "wrong-password")
    assert "locked" in dialog.message.text()
    sign_in(qtbot, dialog, "fu", USER_PASSWORD)
    assert "locked" in dialog.message.text() and dialog.actor is None

    with sqlite_ctx.transaction() as session:
        from app.auth.service import find_user

        find_user(session, "fu@BJ").locked_until = None
    sign_in(qtbot, dialog, "fu", USER_PASSWORD)
    assert dialog.result() == LoginDialog.Accepted
    window = MainWindow(sqlite_ctx.signed_in(dialog.actor))
    qtbot.addWidget(window)
    window.show()
    every_page = [p for group in sqlite_ctx.hook.nav_pages(ctx=window.ctx) for p in group]
    permitted = [p for p in every_page if p.permission is None or dialog.actor.has(p.permission)]
    assert window.page_ids() == [p.id for p in sorted(permitted, key=lambda p: (p.order, p.id))]
    assert len(permitted) < len(every_page)
    assert "visits.followups" in window.page_ids()
    assert not any(i.startswith("inventory.") for i in window.page_ids())
    assert window.action("core.users") is None and window.action("core.audit") is None
    assert "fu@BJ" in window.user_label.text()


@pytest.fixture
def admin_window(qtbot, sqlite_ctx):
    from app.auth.service import authenticate

    with sqlite_ctx.reading() as session:
        actor = authenticate(session, "admin@HQ", ADMIN_PASSWORD)
    window = MainWindow(sqlite_ctx.signed_in(actor))
    qtbot.addWidget(window)
    window.show()
    return window


def test_admin_sees_every_page_and_the_tools_menu(admin_window):
    plugins_with_pages = {page_id.split(".")[0] for page_id in admin_window.page_ids()}
    assert plugins_with_pages == {"core", "customers", "tickets", "inventory", "training", "certification", "visits"}
    for action_id in ("core.users", "core.orgs", "core.audit", "core.plugins", "core.settings"):
        assert admin_window.action(action_id) is not None
    for page_id in admin_window.page_ids():
        assert admin_window.open_page(page_id) is not None
    assert not admin_window.page_errors


def test_window_remembers_last_page_and_geometry_in_the_data_folder(qtbot, sqlite_ctx, admin_window, monkeypatch,
                                                                     tmp_path):
    monkeypatch.setenv("SERVICE_CENTER_HOME", str(tmp_path / "home"))
    admin_window.resize(761, 521)
    last = admin_window.page_ids()[-1]
    admin_window.open_page(last)
    admin_window.close()
    saved = QSettings(str(tmp_path / "home" / "window-settings.ini"), QSettings.IniFormat)
    assert saved.value("main_window/last_page") == last
    again = MainWindow(admin_window.ctx)
    qtbot.addWidget(again)
    assert again.page_specs[again.nav.currentRow()].id == last
    assert (again.size().width(), again.size().height()) == (761, 521)


class Exporter:
    calls = []

    @hookimpl
    def actions(self, ctx):
        return [ActionSpec("test.export", "reports", "Export rollup", lambda c, w: self.calls.append(c.actor.label)),
                ActionSpec("test.secret", "tools", "Secret", lambda c, w: None, permission="nobody.has.this")]


def test_plugin_actions_land_in_the_menu_named_by_id(qtbot, sqlite_ctx, admin_window):
    exporter = Exporter()
    sqlite_ctx.plugins.pm.register(exporter)
    try:
        action_ids = [a.id for g in sqlite_ctx.hook.actions(ctx=admin_window.ctx) for a in g]
        assert {"test.export", "test.secret"} <= set(action_ids)
        window = MainWindow(admin_window.ctx)
        qtbot.addWidget(window)
    finally:
        sqlite_ctx.plugins.pm.unregister(exporter)
    action = window.action("test.export")
    assert action in window.menus["reports"].actions()
    assert window.action("test.secret") is None
    action.trigger()
    assert exporter.calls == ["admin@HQ"]


def test_broken_page_shows_an_error_and_the_rest_still_opens(qtbot, sqlite_ctx, admin_window):
    from dataclasses import replace

    spec = admin_window.page_specs[1]
    admin_window.page_specs[1] = replace(spec, factory=lambda ctx: 1 / 0)
    admin_window.open_page(spec.id)
    assert "ZeroDivisionError" in admin_window.page_errors[spec.id]
    assert admin_window.open_page("visits.followups") is not None


def test_home_page_shows_the_counters_plugins_report(qtbot, sqlite_ctx, make_actor):
    import uuid
    from datetime import timedelta

    from app.clock import utcnow
    from app.ids import org_id_for_code
    from app.specs import TicketClosed

    with sqlite_ctx.transaction() as session:
        sqlite_ctx.hook.ticket_closed(session=session, event=TicketClosed(
            uuid.uuid4(), "BJ-202611-000007", org_id_for_code("BJ"), None, utcnow() - timedelta(days=5), None))
    specialist = make_actor(sqlite_ctx, "fu@BJ", roles=["followup"])
    window = MainWindow(sqlite_ctx.signed_in(specialist))
    qtbot.addWidget(window)
    home = window.open_page("core.home")
    qtbot.waitUntil(lambda: home.findChild(QFrame, "visits.due") is not None, timeout=5000)
    card = home.findChild(QFrame, "visits.due")
    assert [label.text() for label in card.findChildren(QLabel)] == ["1", "Follow-up calls due"]
