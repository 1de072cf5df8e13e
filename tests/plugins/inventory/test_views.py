"""The pages through real widgets: a depot-to-depot transfer, catalog import errors, stocktake."""

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from confirmations import answer_confirmation
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
    dialog.part.setCurrentIndex(next(i for i in range(dialog.part.count())
                                     if dialog.part.itemData(i).part_number == "DIMM-32G"))
    dialog.quantity.setValue(7)
    assert dialog.quantity.value() == 5  # no more than the depot has on hand
    dialog.quantity.setValue(2)
    said = []
    answer_confirmation(seen=said)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert said[0][1].startswith("2 × DIMM-32G leave HQ-C now and are in transit to BJ-D1")
    assert not dialog.isVisible()
    assert cell(page.balances, "DIMM-32G", 2) == "3"
    assert page.done_note.text() == f"Transfer {dialog.transfer_number} sent to BJ-D1."

    page.depot.setCurrentIndex(page.depot.findData(str(bj)))
    assert cell(page.balances, "DIMM-32G", 5) == "2"  # in transit
    assert page.transit.rowCount() == 1 and page.transit.item(0, 0).text() == dialog.transfer_number
    page.transit.selectRow(0)
    answer_confirmation(yes=False)
    qtbot.mouseClick(page.receive_button, Qt.LeftButton)
    assert page.transit.rowCount() == 1  # not received: the user cancelled
    answer_confirmation()
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
    qtbot.waitUntil(lambda: "written to" in dialog.status.text(), timeout=10000)
    book = load_workbook(path)
    book.active["D2"] = 6
    book.save(path)
    dialog.load(path)
    assert [dialog.table.item(0, c).text() for c in range(5)] == ["DIMM-32G", "32GB DDR4 内存条", "4", "6", "+2"]
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    assert "reason" in dialog.message.text()
    dialog.reason.setText("季度盘点")
    said = []
    answer_confirmation(seen=said)
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    assert said[0][1].startswith("Every difference shown (1) is booked to the stock of BJ-D1 now")
    dialog.done(0)
    assert cell(page.balances, "DIMM-32G", 2) == "6"


def test_a_manager_sets_up_a_depot_and_its_stock_levels_through_the_windows(qtbot, sqlite_ctx, sqlite_admin,
                                                                              sqlite_stock):
    from sqlalchemy import select

    from plugins.inventory.models import Depot, StockLevel
    from plugins.inventory.views.depot_dialogs import NewDepotDialog, StockLevelDialog

    ctx = sqlite_ctx.signed_in(sqlite_admin)
    page = DepotPage(ctx)
    qtbot.addWidget(page)
    dialog = NewDepotDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.org.setCurrentIndex(dialog.org.findData("SH"))
    qtbot.keyClicks(dialog.code, "SH-D1")  # taken already
    dialog.name.setText("上海二号库")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert "taken" in dialog.message.text() and dialog.result() != NewDepotDialog.Accepted
    dialog.code.setText("SH-D2")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert dialog.result() == NewDepotDialog.Accepted
    page.reload_depots(select_code="SH-D2")
    assert page.depot.currentText().startswith("SH-D2")

    levels = StockLevelDialog(ctx, page.depot_id(), page.depot.currentText(), page)
    qtbot.addWidget(levels)
    qtbot.keyClicks(levels.part, "DIMM-32G")
    levels.minimum.setValue(5)
    levels.maximum.setValue(2)
    qtbot.mouseClick(levels.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert "minimum" in levels.message.text().lower()
    levels.maximum.setValue(20)
    qtbot.mouseClick(levels.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert levels.result() == StockLevelDialog.Accepted
    with sqlite_ctx.reading() as session:
        depot = session.scalar(select(Depot).where(Depot.code == "SH-D2"))
        level = session.scalar(select(StockLevel).where(StockLevel.depot_id == depot.id))
        assert (depot.name, depot.kind, level.min_qty, level.max_qty) == ("上海二号库", "branch", 5, 20)
