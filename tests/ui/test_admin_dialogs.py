"""Administrators manage users, org units and settings in the GUI; every change is audited."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from app.audit.models import AuditEntry
from app.auth.service import authenticate
from app.ui.admin.audit_dialog import AuditDialog
from app.ui.admin.orgs_dialog import OrgUnitsDialog
from app.ui.admin.plugins_dialog import PluginsDialog
from app.ui.admin.users_dialog import AddUserDialog, UsersDialog
from app.ui.first_start_dialog import FirstStartDialog
from confirmations import answer_confirmation
from testdata import ADMIN_PASSWORD


def admin_ctx(ctx):
    with ctx.reading() as session:
        return ctx.signed_in(authenticate(session, "admin@HQ", ADMIN_PASSWORD))


def test_add_user_through_the_dialog_and_see_it_listed_and_audited(qtbot, sqlite_ctx):
    ctx = admin_ctx(sqlite_ctx)
    users = UsersDialog(ctx)
    qtbot.addWidget(users)
    dialog = AddUserDialog(ctx, users)
    qtbot.addWidget(dialog)
    dialog.org.setCurrentIndex(dialog.org.findData("BJ"))
    qtbot.keyClicks(dialog.username, "zhang")
    dialog.display_name.setText("张伟")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.password, "short")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert "at least 8" in dialog.message.text() and dialog.message.text().startswith("Password: ")
    assert dialog.is_marked("password") and dialog.username.text() == "zhang"  # named, marked, nothing lost
    qtbot.keyClicks(dialog.password, "-but-long-now")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.result() == AddUserDialog.Accepted
    users.reload()
    logins = [users.table.item(r, 0).text() for r in range(users.table.rowCount())]
    assert "zhang@BJ" in logins
    audit = AuditDialog(ctx)
    qtbot.addWidget(audit)
    audit.kind.setCurrentIndex(audit.kind.findData("user"))
    audit.reload()
    records = [audit.table.item(r, 2).text() for r in range(audit.table.rowCount())]
    assert any("zhang@BJ" in text for text in records)

    # deactivating asks first, naming the account; activating again does not
    users.table.selectRow(logins.index("zhang@BJ"))
    said = []
    answer_confirmation(yes=False, seen=said)
    users.toggle_active()
    assert "zhang@BJ can no longer sign in" in said[0][1] and said[0][2] == "Deactivate"
    assert users.table.item(logins.index("zhang@BJ"), 4).text() == "yes"
    answer_confirmation()
    users.toggle_active()
    assert users.table.item(logins.index("zhang@BJ"), 4).text() == "no"
    users.table.selectRow(logins.index("zhang@BJ"))
    users.toggle_active()
    assert users.table.item(logins.index("zhang@BJ"), 4).text() == "yes"


def test_org_tree_shows_the_network_and_inherited_calendar(qtbot, sqlite_ctx):
    dialog = OrgUnitsDialog(admin_ctx(sqlite_ctx))
    qtbot.addWidget(dialog)
    hq = dialog.tree.topLevelItem(0)
    assert hq.text(0) == "HQ"
    children = {hq.child(i).text(0) for i in range(hq.childCount())}
    assert children == {"BJ", "SH"}
    assert "(inherited)" in hq.child(0).text(4)


def test_disabling_a_plugin_is_saved_and_audited(qtbot, sqlite_ctx):
    from app.config import load_config

    ctx = admin_ctx(sqlite_ctx)
    dialog = PluginsDialog(ctx)
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == "visits")
    dialog.table.item(row, 0).setCheckState(Qt.Unchecked)
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.result() == PluginsDialog.Accepted
    assert load_config().disabled_plugins == ["visits"]
    with ctx.reading() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_type == "settings")).one()
    assert entry.after == {"disabled_plugins": ["visits"]} and entry.actor_name == "admin@HQ"
    ctx.config.disabled_plugins = []
    ctx.config.save()


def test_first_start_dialog_sets_up_an_empty_database(qtbot, plugin_host, tmp_path):
    from app.config import Config
    from app.runtime import is_initialized, open_context

    ctx = open_context(Config(), f"sqlite:///{(tmp_path / 'new.db').as_posix()}", plugins=plugin_host)
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "gz")
    dialog.name.setText("广州分公司")
    qtbot.keyClicks(dialog.password, "gz-admin-pass")
    qtbot.keyClicks(dialog.repeat, "gz-admin-typo")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert "differ" in dialog.message.text() and not is_initialized(ctx)
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "gz-admin-pass")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.org_code == "GZ" and is_initialized(ctx)
    with ctx.reading() as session:
        assert authenticate(session, "admin@GZ", "gz-admin-pass").tier == "branch"
