"""The one "Export to Excel…" of the list pages (``app.ui.list_export``), through real widgets: the
button or Ctrl+E asks for a file (answered here), the door's export runs in a worker, the workbook
holds what the page shows, and a cancel or a path that cannot be written says so and leaves no file."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from app.reports.workbook import Sheet, write_workbook
from app.ui.list_export import ListExport
from export_world import HOSTILE, build_customers, build_tickets

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def answer(monkeypatch):
    """Answers the save dialog with the path given; records the name it proposed."""
    asked = []

    def answering(path):
        def save_dialog(parent, caption, proposed, filters):
            asked.append(proposed)
            return str(path), filters
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    answering.asked = asked
    return answering


def rows_of(path) -> list[tuple]:
    return list(load_workbook(path).worksheets[0].iter_rows(values_only=True))


def test_the_ticket_lists_button_exports_what_the_list_shows(qtbot, ctx, admin, tmp_path, answer):
    from plugins.tickets.views.list_page import TicketListPage

    build_tickets(ctx, admin)
    page = TicketListPage(ctx.signed_in(admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 10 and not page.model.is_loading, timeout=10_000)
    shown = [[page.model.index(row, column).data() for column in range(11)] for row in range(10)]
    path = tmp_path / "tickets.xlsx"
    answer(path)
    with qtbot.waitSignal(page.excel.finished, timeout=10_000) as done:
        qtbot.mouseClick(page.export_button, Qt.LeftButton)
    assert done.args == [10, str(path)]
    rows = rows_of(path)
    # the screen names its unit's zone in the time columns' titles; the workbook each row's zone at its end
    assert rows[0][:8] == tuple(page.model.headerData(c, Qt.Horizontal) for c in range(8))
    assert rows[0][-1] == "Time zone" and {r[-1] for r in rows[1:]} == {"Asia/Shanghai", "Asia/Urumqi"}
    assert [list(r[:5]) for r in rows[1:]] == [s[:5] for s in shown]
    assert [r[8].strftime("%Y-%m-%d %H:%M") for r in rows[1:]] == [s[8] for s in shown]
    assert {r[4] for r in rows[1:]} >= set(HOSTILE)
    assert answer.asked[0].endswith(f"Tickets {date.today().isoformat()}.xlsx")
    assert page.excel.notice.text() == f"10 rows written to {path}"
    assert page.excel.notice.textFormat() == Qt.PlainText


def test_ctrl_e_on_the_customers_page_exports_every_customer_it_finds(qtbot, ctx, admin, tmp_path, answer):
    from plugins.customers.views.customers_page import CustomersPage

    build_customers(ctx, admin)
    page = CustomersPage(ctx.signed_in(admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 10, timeout=10_000)
    from plugins.customers import service

    with ctx.reading() as session:
        found = [row.name for row in service.list_customers(session, admin, "=").rows]
    assert 0 < len(found) < 10
    page.search.setText("=")
    page.reload()
    qtbot.waitUntil(lambda: page.table.rowCount() == len(found), timeout=10_000)
    shown = [page.table.item(r, 0).text() for r in range(len(found))]
    path = tmp_path / "customers.xlsx"
    answer(path)
    page.activateWindow()
    page.table.setFocus()
    with qtbot.waitSignal(page.export.finished, timeout=10_000):
        qtbot.keyClick(page.table, Qt.Key_E, Qt.ControlModifier)
    assert [r[0] for r in rows_of(path)[1:]] == shown


class SlowList(QWidget):
    """A page whose export waits until it is cancelled, so the test can press Cancel while it runs."""

    def __init__(self, ctx):
        super().__init__()
        self.started = threading.Event()
        self.export = ListExport(self, ctx, "Slow list", lambda: self.operation)

    def operation(self, session, actor, *, path, progress, cancelled):
        def rows():
            self.started.set()
            give_up = time.monotonic() + 30  # a cancel that never arrives fails the test, not the session
            n = 0
            while time.monotonic() < give_up:
                n += 1
                yield [n, "=1+1"]
        return write_workbook(path, [Sheet("Slow", ["No", "Name"], rows())], progress=progress, cancelled=cancelled)


def test_cancel_in_the_progress_dialog_leaves_no_file(qtbot, ctx, admin, tmp_path, answer):
    page = SlowList(ctx.signed_in(admin))
    qtbot.addWidget(page)
    page.show()
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "slow.xlsx"
    answer(path)
    with qtbot.waitSignal(page.export.failed, timeout=20_000) as failed:
        page.export.choose()
        qtbot.waitUntil(page.started.is_set, timeout=10_000)
        progress = page.findChild(QProgressDialog)
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.LeftButton)
    assert failed.args == ["Export cancelled; no file was written."]
    assert page.export.notice.icon() == QMessageBox.Information
    assert not list(path.parent.iterdir())
    assert not page.export.running()


def test_a_path_that_cannot_be_written_is_reported_and_leaves_no_file(qtbot, ctx, admin, tmp_path, answer):
    from plugins.customers.views.customers_page import CustomersPage

    build_customers(ctx, admin)
    page = CustomersPage(ctx.signed_in(admin))
    qtbot.addWidget(page)
    missing = tmp_path / "gone" / "customers"
    answer(missing)  # no .xlsx typed: it is added
    with qtbot.waitSignal(page.export.failed, timeout=10_000) as failed:
        qtbot.mouseClick(page.export.button, Qt.LeftButton)
    assert failed.args[0].startswith(f"Cannot write {missing}.xlsx")
    assert page.export.notice.icon() == QMessageBox.Warning
    assert page.export.notice.text().startswith("The export failed: Cannot write")
    assert not (tmp_path / "gone").exists()


def test_the_proposed_file_names_the_list_and_the_day_in_the_last_folder(qtbot, ctx, admin, tmp_path, answer):
    page = QWidget()
    qtbot.addWidget(page)
    export = ListExport(page, ctx.signed_in(admin), "Ledger BJ/D1: spare", lambda: None)
    proposed = export.default_path()
    assert proposed.endswith(f"Ledger BJ D1 spare {date.today().isoformat()}.xlsx")
    (tmp_path / "exports").mkdir()
    answer(tmp_path / "exports" / "kept.xlsx")
    export.export_to = lambda path: None  # only the choice of file is looked at here
    export.choose()
    assert export.default_path() == str(tmp_path / "exports" / f"Ledger BJ D1 spare {date.today().isoformat()}.xlsx")


def depot_page(ctx, case):
    from plugins.inventory.views.depot_page import DepotPage

    page = DepotPage(ctx)
    page.depot.setCurrentIndex(page.depot.findData(str(case.extra["depot_id"])))
    return page


def sessions_page(ctx, case):
    from plugins.training.views.sessions_page import SessionsPage

    page = SessionsPage(ctx)
    page.which.setCurrentIndex(page.which.findData("all"))
    return page


def stocktake_dialog(ctx, case):
    from plugins.inventory.views.stocktake_dialog import StocktakeDialog

    return StocktakeDialog(ctx, case.extra["depot_id"], "SH-D9")


def plain_page(module: str, name: str):
    def make(ctx, case):
        from importlib import import_module

        return getattr(import_module(module), name)(ctx)
    return make


PAGES = {  # list -> (the page showing it, the name of its ListExport)
    "balances": (depot_page, "balances_export"),
    "ledger": (depot_page, "ledger_export"),
    "count sheet": (stocktake_dialog, "count_sheet"),
    "parts catalog": (plain_page("plugins.inventory.views.catalog_page", "CatalogPage"), "export"),
    "certificates": (plain_page("plugins.certification.views.certificates_page", "CertificatesPage"), "export"),
    "authorisations": (plain_page("plugins.certification.views.authorisations_page", "AuthorisationsPage"), "export"),
    "sessions": (sessions_page, "sessions_export"),
    "enrolments": (sessions_page, "enrolments_export"),
    "audit log": (plain_page("app.ui.admin.audit_dialog", "AuditDialog"), "export"),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_page_exports_the_rows_its_door_lists(qtbot, ctx, admin, tmp_path, name):
    from export_world import BUILDERS

    case = BUILDERS[name](ctx, admin)
    make, attribute = PAGES[name]
    page = make(ctx.signed_in(admin), case)
    qtbot.addWidget(page)
    export = getattr(page, attribute)
    assert export.button.isEnabled()
    path = tmp_path / f"{attribute}.xlsx"
    with qtbot.waitSignal(export.finished, timeout=10_000) as done:
        export.export_to(str(path))
    with ctx.reading() as session:
        listed = case.listed(session)
    assert done.args[0] == listed == len(rows_of(path)) - 1 > 0
