"""The shell's forms on the one form dialog: a refusal names and marks its field and keeps the
dialog open; what is accepted lands in the database."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import select

from app.auth.models import User
from app.auth.service import authenticate, find_user
from app.orgs.models import OrgUnit
from testdata import ADMIN_PASSWORD


def admin_ctx(ctx):
    with ctx.reading() as session:
        return ctx.signed_in(authenticate(session, "admin@HQ", ADMIN_PASSWORD))


def ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)


def test_change_my_password_names_the_wrong_field_then_changes_it(qtbot, sqlite_ctx):
    from app.ui.admin.password_dialog import ChangePasswordDialog

    ctx = admin_ctx(sqlite_ctx)
    dialog = ChangePasswordDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.current, "not-my-password")
    qtbot.keyClicks(dialog.new, "a-new-long-password")
    qtbot.keyClicks(dialog.repeat, "a-new-long-passwrd")
    ok(qtbot, dialog)
    assert dialog.message.text() == "Repeat the new password: The two passwords differ."
    assert dialog.is_marked("repeat") and dialog.isVisible()
    dialog.repeat.setText("a-new-long-password")
    ok(qtbot, dialog)
    assert dialog.message.text().startswith("Current password: ") and dialog.is_marked("current")
    assert dialog.new.text() == "a-new-long-password"  # kept while the current one is corrected
    dialog.current.setText(ADMIN_PASSWORD)
    ok(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted
    with sqlite_ctx.reading() as session:
        assert authenticate(session, "admin@HQ", "a-new-long-password").username == "admin"


def test_a_new_org_unit_without_a_name_is_refused_on_the_form_then_added(qtbot, sqlite_ctx):
    from app.ui.admin.orgs_dialog import OrgEditDialog

    ctx = admin_ctx(sqlite_ctx)
    with ctx.reading() as session:
        bj = session.scalar(select(OrgUnit).where(OrgUnit.code == "BJ"))
    dialog = OrgEditDialog(ctx, None, below=bj)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, "BJ-P09")
    ok(qtbot, dialog)
    assert dialog.message.text().startswith("Name: ") and dialog.is_marked("name") and not dialog.is_marked("code")
    dialog.name.setText("北京第九代理")
    dialog.region.setText("北京")
    ok(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted
    with ctx.reading() as session:
        unit = session.scalar(select(OrgUnit).where(OrgUnit.code == "BJ-P09"))
        assert (unit.name, unit.tier, unit.region) == ("北京第九代理", "partner", "北京")


def test_editing_a_unit_sets_its_calendar_mode_and_keeps_its_hours(qtbot, sqlite_ctx):
    from app.ui.admin.orgs_dialog import OrgEditDialog

    ctx = admin_ctx(sqlite_ctx)
    with ctx.reading() as session:
        sh = session.scalar(select(OrgUnit).where(OrgUnit.code == "SH"))
    dialog = OrgEditDialog(ctx, None, unit=sh)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == sh.name and dialog.calendar.currentData() is None  # inherited
    dialog.calendar.setCurrentIndex(dialog.calendar.findData("24x7"))
    ok(qtbot, dialog)
    with ctx.reading() as session:
        assert session.get(OrgUnit, sh.id).settings["calendar"]["mode"] == "24x7"


def test_a_units_address_and_hotline_are_set_on_the_form_and_a_bad_hotline_is_marked(qtbot, sqlite_ctx):
    from app import installation
    from app.orgs import service as orgs
    from app.ui.admin.orgs_dialog import OrgEditDialog

    ctx = admin_ctx(sqlite_ctx)
    with ctx.transaction() as session:
        orgs.update_org_unit(session, ctx.actor, orgs.get_by_code(session, "BJ"), hotline="010-6422 1234")
        partner, bj = orgs.get_by_code(session, "BJ-P01"), orgs.get_by_code(session, "BJ")
    below = OrgEditDialog(ctx, None, below=bj)  # a new unit shows the hotline it would inherit
    qtbot.addWidget(below)
    assert below.hotline.placeholderText() == "010-6422 1234 (as the unit above)" and below.hotline.text() == ""
    dialog = OrgEditDialog(ctx, None, unit=partner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.address.text(), dialog.hotline.text()) == ("", "")
    assert dialog.hotline.placeholderText() == "010-6422 1234 (as the unit above)"
    dialog.address.setText("北京市海淀区中关村大街 1 号")
    qtbot.keyClicks(dialog.hotline, "400-810-8888 ext. 2")
    ok(qtbot, dialog)
    assert dialog.message.text().startswith("Service hotline: ") and dialog.is_marked("hotline")
    assert dialog.isVisible() and not dialog.is_marked("address")
    with ctx.reading() as session:
        assert orgs.letterhead(session, partner.id)["address"] == ""  # nothing saved
    dialog.hotline.setText("400-810-8888")
    ok(qtbot, dialog)
    assert dialog.result() == QDialog.Accepted
    with ctx.reading() as session:
        assert orgs.letterhead(session, partner.id) == {
            "name": partner.name, "address": "北京市海淀区中关村大街 1 号", "hotline": "400-810-8888"}
        entry = orgs_audit_entry(session, partner.id)
        assert entry.after["settings"]["address"] == "北京市海淀区中关村大街 1 号" and "address" not in entry.before["settings"]
    dialog = OrgEditDialog(ctx, None, unit=session_unit(ctx, partner.id))  # emptied: BJ's hotline again
    qtbot.addWidget(dialog)
    assert dialog.hotline.text() == "400-810-8888"
    dialog.hotline.clear()
    ok(qtbot, dialog)
    with ctx.transaction() as session:
        assert orgs.letterhead(session, partner.id)["hotline"] == "010-6422 1234"
        installation.set_value(session, installation.NODE_ORG_ID, str(bj.id))  # this database now runs BJ
    kept_at_hq = OrgEditDialog(ctx, None, unit=bj)  # its changes would never reach HQ: said before typing
    qtbot.addWidget(kept_at_hq)
    assert kept_at_hq.intro.text().startswith(f"{bj.name} is kept by ") and not kept_at_hq.ok_button.isEnabled()
    own_partner = OrgEditDialog(ctx, None, unit=session_unit(ctx, partner.id))
    qtbot.addWidget(own_partner)
    assert own_partner.intro.isHidden() and own_partner.ok_button.isEnabled()


def orgs_audit_entry(session, org_id):
    from app.audit.models import AuditEntry

    return session.scalars(select(AuditEntry).where(AuditEntry.entity_id == str(org_id))
                           .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())).first()


def session_unit(ctx, org_id):
    with ctx.reading() as session:
        return session.get(OrgUnit, org_id)


def test_roles_are_saved_from_the_picker_and_a_refusal_stays_on_it(qtbot, sqlite_ctx, make_actor):
    from app.ui.admin.users_dialog import RolePicker

    ctx = admin_ctx(sqlite_ctx)
    make_actor(sqlite_ctx, "zhang@BJ", roles=["field_engineer"])
    with ctx.reading() as session:
        zhang, admin = find_user(session, "zhang@BJ").id, find_user(session, "admin@HQ").id
    picker = RolePicker(ctx, zhang)
    qtbot.addWidget(picker)
    picker.check("hotline")
    ok(qtbot, picker)
    assert picker.result() == QDialog.Accepted
    with ctx.reading() as session:
        assert session.get(User, zhang).role_codes == {"field_engineer", "hotline"}

    mine = RolePicker(ctx, admin)  # taking the last user manager's admin role away is refused
    qtbot.addWidget(mine)
    mine.show()
    for code in mine.selected():
        mine.check(code, False)
    ok(qtbot, mine)
    assert mine.isVisible() and "manage users" in mine.message.text()


def test_settings_are_saved_from_the_form(qtbot, sqlite_ctx):
    from app.ui.admin.settings_dialog import SettingsDialog

    ctx = admin_ctx(sqlite_ctx)
    before = ctx.config.idle_lock_minutes
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.idle.setValue(25)
    ok(qtbot, dialog)
    try:
        assert dialog.result() == QDialog.Accepted and ctx.config.idle_lock_minutes == 25
    finally:
        ctx.config.idle_lock_minutes = before
        ctx.config.save()


def test_switching_to_a_database_that_cannot_be_reached_is_refused_on_the_form(qtbot, sqlite_ctx, tmp_path):
    from app.ui.admin.database_dialog import DatabaseDialog

    ctx = admin_ctx(sqlite_ctx)
    before = ctx.config.database_url
    dialog = DatabaseDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    ok(qtbot, dialog)
    assert dialog.message.text().startswith("Database: ") and dialog.is_marked("database")
    dialog.target.setText(str(tmp_path / "no-such-folder" / "x.sqlite3"))
    ok(qtbot, dialog)
    assert "does not exist" in dialog.message.text() and dialog.isVisible()
    dialog.target.setText(str(tmp_path / "other.sqlite3"))
    ok(qtbot, dialog)
    try:
        assert dialog.result() == QDialog.Accepted and ctx.config.database_url == dialog.url
        assert dialog.url.endswith("other.sqlite3")
    finally:
        ctx.config.database_url = before
        ctx.config.save()


def test_first_start_marks_the_repeated_password(qtbot, plugin_host, tmp_path):
    from app.config import Config
    from app.runtime import open_context
    from app.ui.first_start_dialog import FirstStartDialog

    ctx = open_context(Config(), f"sqlite:///{(tmp_path / 'new.db').as_posix()}", plugins=plugin_host)
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, "gz")
    qtbot.keyClicks(dialog.password, "gz-admin-pass")
    ok(qtbot, dialog)
    assert dialog.is_marked("repeat") and dialog.focusWidget() is dialog.repeat
    dialog.repeat.setText("gz-admin-pass")
    ok(qtbot, dialog)
    assert dialog.message.text().startswith("Org name: ") and dialog.is_marked("name")  # the door's refusal
    assert dialog.code.text() == "gz" and dialog.password.text() == "gz-admin-pass"


def test_demo_data_asks_for_the_scale_and_loads_it(qtbot, plugin_host, tmp_path, monkeypatch):
    from app.config import Config
    from app.runtime import open_context
    from app.setup import initialize
    from app.ui import demo_dialog
    from app.ui.main_window import MainWindow

    empty = open_context(Config(), f"sqlite:///{(tmp_path / 'hq.db').as_posix()}", plugins=plugin_host)
    with empty.transaction() as session:
        initialize(session, tier="hq", code="HQ", name="总部", parent_code=None, admin_username="admin",
                   admin_password="admin-password-1")
    with empty.reading() as session:
        ctx = empty.signed_in(authenticate(session, "admin@HQ", "admin-password-1"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shown, failed = [], []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: (failed if box.icon() == QMessageBox.Warning else shown).append(box.text()))

    def choose_scale():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, demo_dialog.DemoDataDialog)
        dialog.scale.setValue(10)
        dialog.ok_button.click()
        if dialog.isVisible():  # never leave the test waiting on a form that is still open
            failed.append(dialog.message.text())
            dialog.reject()

    QTimer.singleShot(0, choose_scale)
    demo_dialog.load_demo_data(ctx, window)
    qtbot.waitUntil(lambda: bool(shown or failed), timeout=120000)
    assert not failed, failed
    with ctx.reading() as session:
        assert session.scalar(select(OrgUnit).where(OrgUnit.code != "HQ").limit(1)) is not None
    empty.engine.dispose()
