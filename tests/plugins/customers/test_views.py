"""The customers page: the list comes from a worker and shows each customer's own region; search,
add, edit and retire go through the door (a refusal stays on the form); the buttons are what the
door allows; the Excel import lists a bad row and lands nothing, then a good file fills the list."""

from __future__ import annotations

from openpyxl import Workbook
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialogButtonBox

from plugins.customers import service
from plugins.customers.views.customers_page import CustomersPage


def column(page, index: int) -> list[str]:
    return [page.table.item(r, index).text() for r in range(page.table.rowCount())]


def open_page(qtbot, registry, actor=None) -> CustomersPage:
    page = CustomersPage(registry.ctx.signed_in(actor or registry.hotline))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10_000)
    return page


def select(page, name: str) -> None:
    page.table.selectRow(column(page, 0).index(name))


def press_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.Ok).click()


def test_each_customer_shows_its_own_region_and_a_search_narrows_the_list(qtbot, registry):
    with registry.ctx.transaction() as session:
        service.create_customer(session, registry.hotline, name="乌鲁木齐市第一人民医院", region="乌鲁木齐")
        service.create_customer(session, registry.hotline, name="上海交通大学", region="上海")
    page = open_page(qtbot, registry)
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=10_000)
    assert dict(zip(column(page, 0), column(page, 1))) == {
        "上海交通大学": "上海", "乌鲁木齐市第一人民医院": "乌鲁木齐", "北京市第一人民医院": "北京"}
    row = column(page, 0).index("北京市第一人民医院")
    assert [page.table.item(row, c).text() for c in range(2, 6)] == ["BJ", "王磊（信息科）", "13800000001", "1"]
    assert page.count.text() == "3 customers"
    page.search.setText("乌鲁")  # as typed: the search waits for a pause
    qtbot.waitUntil(lambda: column(page, 0) == ["乌鲁木齐市第一人民医院"], timeout=10_000)


def test_a_customer_is_added_edited_and_retired_from_the_page(qtbot, registry):
    page = open_page(qtbot, registry)
    assert not page.buttons["edit"].isEnabled() and page.buttons["edit"].toolTip() == "Select a customer first."

    dialog = page.add()
    dialog.name.setText("北京市第一人民医院")  # taken: the refusal stays on the form
    press_ok(dialog)
    assert dialog.isVisible() and "already exists" in dialog.message.text()
    dialog.name.setText("<b>新疆电力</b>")  # shown as typed, never as markup
    dialog.region.setText("乌鲁木齐")
    press_ok(dialog)
    qtbot.waitUntil(lambda: "<b>新疆电力</b>" in column(page, 0), timeout=10_000)

    select(page, "<b>新疆电力</b>")
    assert page.buttons["edit"].isEnabled() and page.buttons["retire"].isEnabled()
    dialog = page.edit()
    assert (dialog.name.text(), dialog.region.text()) == ("<b>新疆电力</b>", "乌鲁木齐")
    dialog.name.setText("国家电网新疆电力公司")
    press_ok(dialog)
    qtbot.waitUntil(lambda: "国家电网新疆电力公司" in column(page, 0), timeout=10_000)

    select(page, "国家电网新疆电力公司")
    asked = []
    page.confirm = lambda title, text: asked.append(text) or True
    page.retire()
    qtbot.waitUntil(lambda: "国家电网新疆电力公司" not in column(page, 0), timeout=10_000)
    assert "国家电网新疆电力公司" in asked[0]
    with registry.ctx.reading() as session:
        assert [c.name for c in service.search_customers(session, registry.hotline)] == ["北京市第一人民医院"]


def test_a_user_who_may_only_look_sees_why_the_buttons_are_off(qtbot, registry):
    page = open_page(qtbot, registry, registry.engineer)
    select(page, "北京市第一人民医院")
    for button in page.buttons.values():
        assert not button.isEnabled() and "managing customers" in button.toolTip()


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


def test_import_reports_a_bad_row_then_imports_a_good_file(qtbot, registry, tmp_path):
    page = open_page(qtbot, registry)
    told = []
    page.tell = lambda title, text, *icon: told.append(text)
    assert page.buttons["import"].isEnabled()
    before = column(page, 0)

    page.import_file(workbook(tmp_path / "bad.xlsx", ""))  # the model is required
    qtbot.waitUntil(lambda: page.problems.isVisible(), timeout=10_000)
    assert "row 2" in page.problems.toPlainText() and "设备" in page.problems.toPlainText()
    assert column(page, 0) == before

    page.import_file(workbook(tmp_path / "good.xlsx", "I620-G30"))
    qtbot.waitUntil(lambda: "杭州数据中心" in column(page, 0), timeout=10_000)
    QThreadPool.globalInstance().waitForDone(5000)
    assert not page.problems.isVisible()
    assert told == ["Imported 1 customers, 1 sites, 1 contacts and 1 assets."]
    assert dict(zip(column(page, 0), column(page, 1)))["杭州数据中心"] == "杭州"
