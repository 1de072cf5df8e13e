"""The Sync page driven like a branch administrator drives it: HQ provisions the branch, the
branch connects with the file through the dialog, presses Sync now and sees what went; HQ sees
the rows arrive, its children and a conflict kept; buttons that cannot work say why."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.auth.service import authenticate
from app.sync import service as sync
from app.ui.sync_dialogs import ConnectDialog
from app.ui.sync_page import SyncPage
from syncnet import Network, add_customer
from testdata import ADMIN_PASSWORD


@pytest.fixture
def network(tmp_path, plugin_host, request):
    net = Network(tmp_path, plugin_host, request)
    yield net
    net.close()


def signed_in(ctx, login):
    with ctx.reading() as session:
        return ctx.signed_in(authenticate(session, login, ADMIN_PASSWORD))


@pytest.fixture
def hq_and_branch(network, tmp_path):
    """HQ and branch BJ on their own SQLite files; HQ has written BJ's provisioning file."""
    hq = signed_in(network.node("HQ", children=(("BJ", "branch"),)), "admin@HQ")
    bj = signed_in(network.node("BJ", parent="HQ"), "admin@BJ")
    sync.provision_node(hq, hq.actor, "BJ", tmp_path / "bj.json", network.url("HQ", "sqlite"))
    return hq, bj, tmp_path / "bj.json"


def open_page(qtbot, ctx) -> SyncPage:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=10000)
    return page


def wait_refreshed(qtbot, page, condition):
    qtbot.waitUntil(lambda: page.snapshot is not None and condition(), timeout=20000)


def column(table, c):
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_connect_with_the_provisioning_file_then_sync_now_sends_the_branch_rows(qtbot, hq_and_branch):
    hq, bj, provisioning = hq_and_branch
    add_customer(bj, "BJ", "北京协和医院")
    page = open_page(qtbot, bj)
    assert not page.sync_button.isEnabled() and "No parent is set" in page.sync_button.toolTip()
    assert "No parent is set" in page.hint.text()
    assert int(page.pending_label.text()) > 0

    def fill_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConnectDialog)
        dialog.target.setText(str(provisioning))
        dialog.interval.setValue(30)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)

    QTimer.singleShot(0, fill_dialog)
    qtbot.mouseClick(page.connect_button, Qt.LeftButton)
    assert "Parent set" in page.outcome.text()
    wait_refreshed(qtbot, page, page.sync_button.isEnabled)
    assert "HQ" in page.parent_label.text() and "30" in page.interval_label.text()
    assert page.export_button.isEnabled() and page.hint.text() == ""

    qtbot.mouseClick(page.sync_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Received" in page.outcome.text(), timeout=30000)
    assert "Sent" in page.outcome.text()
    wait_refreshed(qtbot, page, lambda: "rows and" in page.push_label.text())
    assert page.pending_label.text() == "0" and page.error_label.text() == "none"
    assert page.push_label.text()[:2] == "20"  # starts with the time of the push
    with hq.engine.connect() as connection:
        names = connection.exec_driver_sql("SELECT name FROM customers_customers").scalars().all()
    assert "北京协和医院" in names

    hq_page = open_page(qtbot, hq)
    assert column(hq_page.children_table, 0) == ["BJ"]
    assert column(hq_page.children_table, 1) == ["yes"] and column(hq_page.children_table, 2)[0][:2] == "20"


def test_a_conflict_kept_at_hq_is_listed_with_the_losing_row(qtbot, hq_and_branch):
    hq, bj, provisioning = hq_and_branch
    sync.connect(bj, bj.actor, str(provisioning))
    add_customer(bj, "BJ", "两边都改的客户")
    sync.push(bj, bj.actor)
    for ctx, region in ((bj, "分公司改的"), (hq, "总部改的")):
        with ctx.engine.begin() as connection:
            connection.exec_driver_sql(f"UPDATE customers_customers SET region = '{region}' WHERE name = '两边都改的客户'")
    assert sync.push(bj, bj.actor).report.conflicts == 1

    page = open_page(qtbot, hq)
    assert page.conflicts_table.rowCount() == 1 and "(1)" in page.tabs.tabText(0)
    assert column(page.conflicts_table, 1) == ["BJ"] and column(page.conflicts_table, 2) == ["customers_customers"]
    page.conflicts_table.selectRow(0)
    assert "分公司改的" in page.detail.toPlainText()
    assert page.errors_table.rowCount() == 0 and "(0)" in page.tabs.tabText(1)


def test_bundles_through_the_page_and_a_bad_bundle_is_refused_in_plain_words(qtbot, hq_and_branch, tmp_path):
    hq, bj, provisioning = hq_and_branch
    sync.connect(bj, bj.actor, str(provisioning))
    add_customer(bj, "BJ", "离线客户")
    branch = open_page(qtbot, bj)
    branch.export_bundle(path=str(tmp_path / "up.bundle"))
    qtbot.waitUntil(lambda: "Wrote" in branch.outcome.text(), timeout=20000)

    page = open_page(qtbot, hq)
    page.import_bundle(str(tmp_path / "up.bundle"))
    qtbot.waitUntil(lambda: "Applied" in page.outcome.text(), timeout=20000)
    page.export_bundle(path=str(tmp_path / "down.bundle"), for_code="BJ")  # for a child that cannot connect
    qtbot.waitUntil(lambda: "down.bundle" in page.outcome.text(), timeout=20000)
    branch.import_bundle(str(tmp_path / "down.bundle"))
    qtbot.waitUntil(lambda: "Applied" in branch.outcome.text(), timeout=20000)
    (tmp_path / "junk.bundle").write_bytes(b"<b>not</b> a bundle")
    page.import_bundle(str(tmp_path / "junk.bundle"))
    qtbot.waitUntil(lambda: "not a complete sync bundle" in page.outcome.text(), timeout=20000)
    assert page.outcome.textFormat() == Qt.PlainText


def test_buttons_that_cannot_work_here_say_why(qtbot, hq_and_branch):
    hq, bj, _ = hq_and_branch
    page = open_page(qtbot, hq)
    for button in (page.sync_button, page.connect_button, page.export_button):
        assert not button.isEnabled() and "top of the network" in button.toolTip()
    assert page.import_button.isEnabled() and page.provision_button.isEnabled()
    assert "top of the network" in page.parent_label.text()

    branch = open_page(qtbot, bj)
    assert not branch.sync_button.isEnabled() and branch.sync_button.toolTip()
    assert not branch.export_button.isEnabled() and "provisioning file" in branch.export_button.toolTip()
    assert branch.connect_button.isEnabled() and branch.import_button.isEnabled()


def test_hq_provisions_a_new_branch_through_the_dialog(qtbot, hq_and_branch, tmp_path):
    from app.ui.sync_dialogs import ProvisionDialog

    hq, _, _ = hq_and_branch
    page = open_page(qtbot, hq)
    seen = []

    def fill_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProvisionDialog)
        dialog.code.setText("SH")
        dialog.name.setText("上海分公司")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
        seen.append(dialog.message.text())  # no file chosen yet: the dialog stays open and says so
        dialog.path.setText(str(tmp_path / "sh.json"))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)

    QTimer.singleShot(0, fill_dialog)
    qtbot.mouseClick(page.provision_button, Qt.LeftButton)
    assert "Choose where" in seen[0]
    assert "Provisioned SH" in page.outcome.text() and (tmp_path / "sh.json").is_file()
    wait_refreshed(qtbot, page, lambda: "SH" in column(page.children_table, 0))
