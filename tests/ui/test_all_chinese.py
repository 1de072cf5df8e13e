"""Under zh_CN every text the user can see is Chinese: every page, menu action, window and dialog
reachable by users of each role on demo data, and what Qt draws itself (the command line's help:
tests/app/test_cli_language.py).

A text fails when it holds a Latin word that is not in ``ALLOWED`` (names of formats and products
the Chinese UI also writes in Latin) nor in the demo's own data (org codes, user names, products,
parts, courses, the hotline vocabulary its cases are written in)."""

from __future__ import annotations

import functools
import operator
import re
from zoneinfo import available_timezones

import pytest
from sqlalchemy import select

from app.auth.models import User
from app.auth.service import authenticate
from app.demo import DEMO_PASSWORD
from app.orgs.models import OrgUnit
from app.ui.translation import install_translations
from demo_hq import ADMIN_PASSWORD, demo_hq
from plugins.customers.models import Asset
from plugins.inventory.models import Part
from plugins.tickets.similar import vocabulary
from plugins.training.models import Course
from ui_explorer import WORD, Explorer

# Latin a Chinese user reads as it is: file formats, products and standards, units.
ALLOWED = {"PDF", "Excel", "QR", "SQLite", "PostgreSQL", "URL", "UTC", "PEM", "FRU", "CRU",
           "English"}  # the language picker names each language in itself

# A user of each role; the branch staff at BJ, a partner's engineer at BJ-P01.
ROLE_LOGINS = ["admin@HQ", "hq_analyst1@HQ", "dispatcher1@BJ", "field_engineer1@BJ", "hotline1@BJ",
               "trainer1@BJ", "followup1@BJ", "branch_manager1@BJ", "sales1@BJ", "field_engineer1@BJ-P01"]
# Windows and dialogs the walk must reach: from lists, buttons, menus and inside other dialogs.
REACHED = {"TicketWindow", "DispatchDialog", "RepairOrderDialog", "NewTicketDialog", "DemoDataDialog",
           "RollupExportDialog", "ChangePasswordDialog", "AddUserDialog", "IssueDialog", "InspectionDialog",
           "RecordCallDialog", "CustomerDialog", "QProgressDialog", "QMessageBox", "LockDialog"}
# Menu actions that end the session being explored: run last (lock, sign out) or not at all.
SKIPPED_ACTIONS = {"core.lock", "core.sign_out", "core.quit", "core.switch_db"}


@pytest.fixture(scope="module")
def chinese(plugin_host):
    install_translations("zh_CN", plugin_host)
    yield
    install_translations("en", plugin_host)


@pytest.fixture(scope="module")
def demo_network(chinese, plugin_host, tmp_path_factory):
    ctx, admin = demo_hq(plugin_host, tmp_path_factory.mktemp("zh-demo"), scale=60, seed=5)
    yield ctx
    ctx.engine.dispose()


def data_words(ctx) -> set[str]:
    """Latin words the demo's own data brings: org codes, user names, products, parts, courses, and
    the hotline vocabulary its cases are written in (models, error messages)."""
    with ctx.reading() as session:
        texts = [*session.scalars(select(OrgUnit.code)), *session.scalars(select(User.username)),
                 *session.scalars(select(Part.name_zh)), *session.scalars(select(Asset.model)),
                 *session.scalars(select(Asset.product_line)), *session.scalars(select(Course.title)),
                 *vocabulary.terms()]
    return {word for text in texts for word in WORD.findall(text)}


def sign_in(ctx, login: str):
    from app.ui.main_window import MainWindow

    with ctx.reading() as session:
        actor = authenticate(session, login, ADMIN_PASSWORD if login == "admin@HQ" else DEMO_PASSWORD)
    window = MainWindow(ctx.signed_in(actor))
    window.remember_state = False
    window.explorer_skips = SKIPPED_ACTIONS
    return window


def first_start_and_sign_in(explorer: Explorer, qtbot, plugin_host, folder) -> None:
    """The dialogs before any window: first start (on an empty database) and sign-in."""
    from app.config import Config
    from app.runtime import open_context
    from app.ui.first_start_dialog import FirstStartDialog
    from app.ui.login_dialog import LoginDialog

    empty = open_context(Config(), f"sqlite:///{(folder / 'empty.db').as_posix()}", plugins=plugin_host)
    for dialog in (FirstStartDialog(empty), LoginDialog(empty, "BJ")):
        qtbot.addWidget(dialog)
        dialog.show()
        explorer.explore(dialog, type(dialog).__name__)
        dialog.close()
    empty.engine.dispose()


def test_every_page_window_and_dialog_of_every_role_speaks_chinese(qtbot, demo_network, plugin_host, tmp_path):
    from app.ui.application import _offer_demo

    explorer = Explorer(ALLOWED | data_words(demo_network), tmp_path, data=available_timezones())
    first_start_and_sign_in(explorer, qtbot, plugin_host, tmp_path)
    for login in ROLE_LOGINS:
        window = sign_in(demo_network, login)
        qtbot.addWidget(window)
        window.show()
        explorer.run(lambda w=window: _offer_demo(w), f"{login} demo offer")
        for page_id in window.page_ids():
            page = window.open_page(page_id)
            explorer.explore(page, f"{login} {page_id}")
        explorer.explore(window, f"{login} main window")
        for action_id in ("core.lock", "core.sign_out"):
            if window.isVisible() and window.action(action_id) is not None:
                explorer.run(window.action(action_id).trigger, f"{login} {action_id}")
        window.close()
    # the walk reached the deep places (it would pass on nothing if it stopped clicking)
    assert REACHED <= explorer.windows_seen, REACHED - explorer.windows_seen
    assert not explorer.foreign, f"{len(explorer.foreign)} texts not in Chinese:\n{explorer.report()}"


def test_qt_own_dialogs_and_menus_speak_chinese(qtbot, chinese, tmp_path):
    """What Qt draws itself: the file dialog (Qt's own, as on Linux and offscreen), the progress
    dialog's Cancel, standard buttons, the edit context menu, the calendar, the print dialogs."""
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import (QCalendarWidget, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox,
                                   QPlainTextEdit, QProgressDialog, QWidget)

    from app.ui.workers import run_with_progress

    explorer = Explorer(ALLOWED, tmp_path)
    windows = []
    for mode in (QFileDialog.AcceptOpen, QFileDialog.AcceptSave):
        dialog = QFileDialog(None, "", str(tmp_path), "Excel (*.xlsx)")
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        dialog.setViewMode(QFileDialog.Detail)
        windows.append(dialog)
    buttons = QDialogButtonBox(functools.reduce(operator.or_, QDialogButtonBox.StandardButton))  # every one
    box = QMessageBox(QMessageBox.Question, "标题", "正文", QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel)
    box.setDetailedText("详情")
    owner = QWidget()
    qtbot.addWidget(owner)
    worker = run_with_progress(owner, "导出", lambda progress, cancelled: None, lambda _: None, lambda _: None)
    progress = owner.findChild(QProgressDialog)
    explorer.read(progress)  # read before the result arrives and closes it
    printer = QPrinter()  # the print dialogs only point at it: it must outlive them
    windows += [buttons, box, QCalendarWidget(), QPrintDialog(printer), QPrintPreviewDialog(printer)]
    for window in windows:
        qtbot.addWidget(window)
        window.show()
        explorer.read(window)
        for action in window.findChildren(QAction):  # the file list's menu, the preview's tool bar
            explorer.judge("action", action.text())
            explorer.judge("action tooltip", action.toolTip())
    for edit in (QLineEdit(), QPlainTextEdit()):
        for action in edit.createStandardContextMenu().actions():
            explorer.judge("edit menu", action.text())
    qtbot.waitUntil(lambda: worker is not None and not progress.isVisible())  # the worker has run
    assert not explorer.foreign, f"{len(explorer.foreign)} texts not in Chinese:\n{explorer.report()}"


def test_every_catalog_context_is_one_qt_asks_for():
    """``tr`` called on another object or outside a class (``tr = window.tr``, ``parent.tr(…)``) files
    its text under an empty or made-up context that Qt never looks up: the text stays English."""
    import xml.etree.ElementTree as ET

    from app.i18n.update import packages, ts_path

    for name, folder in packages().items():
        contexts = {c.findtext("name") or "" for c in ET.parse(ts_path(name, folder)).getroot().iter("context")}
        assert all(re.fullmatch(r"[A-Z]\w*", context) for context in contexts), (name, sorted(contexts))
