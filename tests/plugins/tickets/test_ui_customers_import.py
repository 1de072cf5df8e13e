"""The customers page imports a workbook in a worker: a broken row is listed and nothing lands;
a good file fills the list."""

from openpyxl import Workbook
from PySide6.QtCore import QThreadPool

from plugins.tickets.views.customers_page import CustomersPage


def workbook(path, assets_model):
    book = Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet.append(["客户名称", "地区", "地点", "地址", "联系人", "电话"])
    sheet.append(["杭州数据中心", "杭州", "滨江机房", "江南大道1号", "周工", "0571-88000000"])
    sheet = book.create_sheet("设备")
    sheet.append(["序列号", "客户名称", "产品线", "型号", "地点", "服务包", "合同到期"])
    sheet.append(["SN-HZ-001", "杭州数据中心", "机架式服务器", assets_model, "滨江机房", "7X24-4H", "2027-06-30"])
    book.save(path)
    return path


def customers_on_screen(page):
    return [page.table.item(r, 0).text() for r in range(page.table.rowCount())]


def test_import_reports_a_bad_row_then_imports_a_good_file(qtbot, network, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page = CustomersPage(network.ctx.signed_in(network.hotline))
    qtbot.addWidget(page)
    page.show()
    assert page.import_button.isEnabled()
    before = customers_on_screen(page)

    page.import_file(workbook(tmp_path / "bad.xlsx", ""))  # the model is required
    qtbot.waitUntil(lambda: page.problems.isVisible(), timeout=10_000)
    assert "row 2" in page.problems.toPlainText() and "设备" in page.problems.toPlainText()
    assert customers_on_screen(page) == before

    page.import_file(workbook(tmp_path / "good.xlsx", "I620-G30"))
    qtbot.waitUntil(lambda: "杭州数据中心" in customers_on_screen(page), timeout=10_000)
    QThreadPool.globalInstance().waitForDone(5000)
    assert not page.problems.isVisible()
