"""The pages through real widgets: a depot-to-depot transfer, catalog import errors, stocktake."""

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from plugins.inventory import service
from plugins.inventory.views.catalog_page import CatalogPage
from plugins.inventory.views.depot_page import DepotPage


def cell(table, part_number, column):
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == part_number:
            return table.item(row, column).text()
    return None


def test_transfer_between_depots_through_the_windows(qtbot, sqlite_ctx, sqlite_admin, sqlite_stock):
    hq, bj = sqlite_stock.depots["HQ-C"], sqlite_stock.depots["BJ-D1"]
    with sqlite_ctx.transaction() as session:
        service.receive(session, sqlite_admin, hq, "DIMM-32G", 5)
    page = DepotPage(sqlite_ctx.signed_in(sqlite_admin))
    qtbot.addWidget(page)
    page.depot.setCurrentIndex(page.depot.findData(str(hq)))
    assert cell(page.balances, "DIMM-32G", 2) == "5"

    dialog = page.open_transfer()
    assert dialog.source.currentData() == str(hq)
    dialog.target.setCurrentIndex(dialog.target.findData(str(bj)))
    dialog.part.setCurrentIndex(dialog.part.findData("DIMM-32G"))
    dialog.quantity.setValue(7)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert "Not enough stock of DIMM-32G" in dialog.error.text() and dialog.isVisible()
    dialog.quantity.setValue(2)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert not dialog.isVisible()
    assert cell(page.balances, "DIMM-32G", 2) == "3"

    page.depot.setCurrentIndex(page.depot.findData(str(bj)))
    assert cell(page.balances, "DIMM-32G", 5) == "2"  # in transit
    assert page.transit.rowCount() == 1 and page.transit.item(0, 0).text() == dialog.transfer_number
    page.transit.selectRow(0)
    qtbot.mouseClick(page.receive_button, Qt.LeftButton)
    assert cell(page.balances, "DIMM-32G", 2) == "2"
    assert cell(page.balances, "DIMM-32G", 5) == "0"
    assert page.transit.rowCount() == 0
    assert "received" in page.transit_message.text()
    qtbot.waitUntil(lambda: "Hit rate" in page.summary.text(), timeout=5000)
    assert "¥2,560.00" in page.summary.text()
    page.ledger_model.page_loaded.connect(lambda n: None)
    qtbot.waitUntil(lambda: page.ledger_model.rowCount() == 2, timeout=5000)


def test_catalog_import_shows_each_problem(qtbot, sqlite_ctx, sqlite_admin, tmp_path):
    book = Workbook()
    book.active.append(["Part number", "Name (Chinese)", "Name (English)", "Product lines", "FRU/CRU", "Unit cost",
                        "Serialised"])
    book.active.append(["FAN-1", "风扇", "", "", "CRU", -5, "否"])
    book.save(tmp_path / "bad.xlsx")
    page = CatalogPage(sqlite_ctx.signed_in(sqlite_admin))
    qtbot.addWidget(page)
    page.import_file(str(tmp_path / "bad.xlsx"))
    qtbot.waitUntil(lambda: page.problems.isVisibleTo(page), timeout=10000)
    assert [page.problems.item(0, c).text() for c in range(3)] == ["Sheet", "2", "F"]
    assert page.table.rowCount() == 0
    book.active["F2"] = 120
    book.save(tmp_path / "good.xlsx")
    page.import_file(str(tmp_path / "good.xlsx"))
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert "1 new" in page.message.text()


def test_stocktake_dialog_previews_then_applies(qtbot, sqlite_ctx, sqlite_admin, sqlite_stock, tmp_path):
    bj = sqlite_stock.depots["BJ-D1"]
    with sqlite_ctx.transaction() as session:
        service.receive(session, sqlite_admin, bj, "DIMM-32G", 4)
    page = DepotPage(sqlite_ctx.signed_in(sqlite_admin))
    qtbot.addWidget(page)
    page.depot.setCurrentIndex(page.depot.findData(str(bj)))
    dialog = page.open_stocktake()
    path = str(tmp_path / "count.xlsx")
    dialog.export_to(path)
    book = load_workbook(path)
    book.active["D2"] = 6
    book.save(path)
    dialog.load(path)
    assert [dialog.table.item(0, c).text() for c in range(5)] == ["DIMM-32G", "32GB DDR4 内存条", "4", "6", "+2"]
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    assert "reason" in dialog.message.text()
    dialog.reason.setText("季度盘点")
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    dialog.done(0)
    assert cell(page.balances, "DIMM-32G", 2) == "6"
