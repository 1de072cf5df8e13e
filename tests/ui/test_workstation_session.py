"""A shared workstation: sign out / switch user, the lock screen, what happens to the other windows,
the log file, About and the user guide — through the real windows."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from app.ui.main_window import MainWindow
from testdata import USER_PASSWORD


def window_for(qtbot, ctx, login: str, display_name: str, roles: list[str]) -> MainWindow:
    from app.auth.service import authenticate, create_user
    from app.cli import system_actor_for

    name, _, org = login.partition("@")
    with ctx.transaction() as session:
        create_user(session, system_actor_for(ctx, session), org_code=org, username=name, password=USER_PASSWORD,
                    display_name=display_name, roles=roles)
    with ctx.reading() as session:
        actor = authenticate(session, login, USER_PASSWORD)
    window = MainWindow(ctx.signed_in(actor))
    qtbot.addWidget(window)
    window.show()
    return window


def a_window_beside(qtbot) -> QWidget:
    """A top-level window of the session, as a ticket window is."""
    other = QWidget()
    other.setWindowFlag(Qt.Window)
    qtbot.addWidget(other)
    other.show()
    return other


def answer_later(step) -> None:
    """Run ``step`` on the modal dialog once it is up (its ``exec`` blocks the test meanwhile)."""
    QTimer.singleShot(150, lambda: step(QApplication.activeModalWidget()))


def type_and_press(qtbot, field: QLineEdit, text: str, button) -> None:
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.mouseClick(button, Qt.LeftButton)


def test_sign_out_closes_every_window_and_the_next_user_gets_a_window_of_their_own(qtbot, sqlite_ctx):
    from app.log_file import start_logging

    log_path = start_logging()
    manager = window_for(qtbot, sqlite_ctx, "boss@BJ", "王经理", ["branch_manager"])
    manager.open_page("core.home")
    beside = a_window_beside(qtbot)
    manager.action("core.user_guide").trigger()
    guide = manager._user_guide
    assert guide.isVisible() and "用户指南" in guide.browser.toPlainText()
    assert "##" not in guide.browser.toPlainText()  # drawn as Markdown, not shown as its source
    assert 'href="#' not in guide.browser.toHtml()  # Qt gives Markdown headings no anchors: a contents link would be dead
    seen = {}

    def sign_in_as_someone_else(dialog):
        seen["dialog"] = type(dialog).__name__
        seen["others_open"] = beside.isVisible() or guide.isVisible()
        seen["work_shown"] = manager.centralWidget().isVisible() or manager.statusBar().isVisible()
        seen["cancel"] = dialog.buttons.button(QDialogButtonBox.Cancel).text()
        qtbot.keyClicks(dialog.username, "fu@BJ")
        type_and_press(qtbot, dialog.password, USER_PASSWORD, dialog.ok_button)

    from app.auth.service import create_user
    from app.cli import system_actor_for

    with sqlite_ctx.transaction() as session:
        create_user(session, system_actor_for(sqlite_ctx, session), org_code="BJ", username="fu",
                    password=USER_PASSWORD, display_name="李回访", roles=["followup"])
    answer_later(sign_in_as_someone_else)
    manager.action("core.sign_out").trigger()

    assert seen == {"dialog": "LoginDialog", "others_open": False, "work_shown": False, "cancel": "Quit"}
    successor = QApplication.instance()._main_window
    qtbot.addWidget(successor)
    assert successor is not manager and successor.isVisible()
    assert successor.ctx.actor.label == "fu@BJ" and "李回访" in successor.user_label.text()
    assert "visits.followups" in successor.page_ids()
    assert not any(i.startswith("inventory.") for i in successor.page_ids())
    assert successor.action("core.users") is None
    assert not manager.isVisible()

    def deleted() -> bool:
        QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        return not shiboken6.isValid(manager)
    qtbot.waitUntil(deleted, timeout=10_000)  # the old window and its pages are gone, not only hidden
    log_text = log_path.read_text(encoding="utf-8")
    assert "boss@BJ signed out" in log_text and "fu@BJ signed in" in log_text
    del QApplication.instance()._main_window


def test_the_lock_names_the_session_refuses_a_wrong_password_and_offers_sign_out(qtbot, sqlite_ctx):
    window = window_for(qtbot, sqlite_ctx, "dispatcher1@BJ", "张三", ["dispatcher"])
    beside = a_window_beside(qtbot)
    half_typed = QDialog(window)
    half_typed.show()
    seen = {}

    def wrong_then_right(dialog):
        seen["dialog"] = type(dialog).__name__
        seen["owner"] = dialog.owner.text()
        seen["owner_is_text"] = isinstance(dialog.owner, QLabel)
        seen["fields"] = dialog.findChildren(QLineEdit) == [dialog.password]
        seen["hidden"] = not (window.centralWidget().isVisible() or beside.isVisible() or half_typed.isVisible())
        type_and_press(qtbot, dialog.password, "wrong-password", dialog.ok_button)
        seen["message"] = dialog.message.text()
        qtbot.keyClick(dialog, Qt.Key_Escape)
        seen["still_locked"] = dialog.isVisible()
        type_and_press(qtbot, dialog.password, USER_PASSWORD, dialog.ok_button)

    answer_later(wrong_then_right)
    window.idle.timer.timeout.emit()  # as if the idle time had run out
    assert seen.pop("message").startswith("Wrong user name or password")
    assert seen == {"dialog": "LockDialog", "owner": "Session locked: 张三 (dispatcher1@BJ)", "owner_is_text": True,
                    "fields": True, "hidden": True, "still_locked": True}
    assert window.centralWidget().isVisible() and beside.isVisible()  # carried on where they were
    assert not half_typed.isVisible()

    def sign_out_then_quit(dialog):
        answer_later(lambda login: (seen.setdefault("after", type(login).__name__),
                                    login.buttons.button(QDialogButtonBox.Cancel).click()))
        dialog.sign_out_button.click()

    answer_later(sign_out_then_quit)
    window.action("core.lock").trigger()
    assert seen["after"] == "LoginDialog"
    assert not window.isVisible() and not beside.isVisible()  # cancelling the sign-in quits


def test_about_the_log_file_and_an_uncaught_error(qtbot, sqlite_ctx, monkeypatch, tmp_path):
    from app import __version__
    from app.log_file import start_logging
    from app.ui import uncaught
    from app.ui.admin.dialogs import about_box

    monkeypatch.setenv("SERVICE_CENTER_HOME", str(tmp_path / "home"))
    log_path = start_logging()
    assert log_path == tmp_path / "home" / "logs" / "service-center.log"
    window = window_for(qtbot, sqlite_ctx, "hot@BJ", "赵热线", ["hotline"])
    about = about_box(window.ctx, window)
    qtbot.addWidget(about)
    for shown in (__version__, str(tmp_path / "home"), str(log_path), sqlite_ctx.engine.url.database):
        assert shown in about.text()
    assert about.textInteractionFlags() & Qt.TextSelectableByMouse

    try:
        1 / 0
    except ZeroDivisionError:
        import sys

        uncaught.report(*sys.exc_info())
    notice = uncaught._notice
    qtbot.addWidget(notice)
    assert notice.isVisible() and str(log_path) in notice.text() and "ZeroDivisionError" not in notice.text()
    assert "Traceback" in log_path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero" in log_path.read_text(encoding="utf-8")


def test_work_running_when_the_lock_comes_goes_on_and_its_progress_comes_back(qtbot, sqlite_ctx):
    """An export left running when the user walks away is not cancelled by the idle lock."""
    import time

    from app.ui.workers import run_with_progress

    window = window_for(qtbot, sqlite_ctx, "dispatcher2@BJ", "李四", ["dispatcher"])
    outcome, seen = {}, {}

    def long_work(progress, cancelled):
        for _ in range(60):
            if cancelled():
                raise RuntimeError("cancelled")
            time.sleep(0.01)
        return "written"

    run_with_progress(window, "Export", long_work, lambda result: outcome.setdefault("done", result),
                      lambda message: outcome.setdefault("failed", message))

    def unlock(dialog):
        progress = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "QProgressDialog"]
        seen["progress_hidden"] = bool(progress) and not any(w.isVisible() for w in progress)
        type_and_press(qtbot, dialog.password, USER_PASSWORD, dialog.ok_button)

    answer_later(unlock)
    window.idle.timer.timeout.emit()
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert outcome == {"done": "written"} and seen == {"progress_hidden": True}
