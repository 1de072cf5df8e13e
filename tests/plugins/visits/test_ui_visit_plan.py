"""The visit plan page: a manager generates the quarter's plan, a salesperson records a visit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from plugins.visits.views.plan_page import VisitPlanPage
from visit_plans import add_customers, current_quarter

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def opened_page(qtbot, ctx, actor) -> VisitPlanPage:
    page = VisitPlanPage(ctx.signed_in(actor))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.view is not None, timeout=10_000)
    return page


def column(table, c: int) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_a_manager_generates_the_plan_and_a_salesperson_records_a_visit(qtbot, ctx, make_actor):
    clerk = make_actor(ctx, "hot@BJ", roles=["hotline"])
    manager = make_actor(ctx, "mgr@BJ", roles=["branch_manager"])
    sales = make_actor(ctx, "sales1@BJ", roles=["sales"])
    add_customers(ctx, clerk, [("北京协和医院", "北京", True), ("<b>天津港</b>", "天津", True), ("旧客户", "北京", False)])
    quarter = current_quarter(ctx)

    page = opened_page(qtbot, ctx, manager)
    page.quarter.setText(quarter.label)
    assert page.plan_table.rowCount() == 0 and not page.record_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.generate_button.click()
    assert sorted(column(page.plan_table, 0)) == sorted(["北京协和医院", "<b>天津港</b>"])
    assert set(column(page.plan_table, 2)) == {"sales1"} and set(column(page.plan_table, 4)) == {"planned"}
    assert "2" in page.outcome.text()
    assert column(page.unplanned_table, 1) == []

    page = opened_page(qtbot, ctx, sales)
    page.quarter.setText(quarter.label)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.quarter.returnPressed.emit()
    assert not page.generate_button.isEnabled()
    page.plan_table.selectRow(column(page.plan_table, 0).index("北京协和医院"))
    seen = {}

    def fill_the_form():
        dialog = QApplication.activeModalWidget()
        seen["title"] = dialog.windowTitle()
        dialog.visited_on.setDate(quarter.start)
        dialog.attendees.setText("王主任、李工")
        dialog.quality.setPlainText("服务器运行稳定")
        dialog.opinions.setPlainText("希望增加巡检次数")
        dialog.ok_button.click()
        seen["message"] = dialog.message.text()

    with qtbot.waitSignal(page.loaded, timeout=10_000):
        QTimer.singleShot(0, fill_the_form)
        page.record_button.click()
    assert seen == {"title": "Record visit", "message": ""}
    row = column(page.plan_table, 0).index("北京协和医院")
    assert (page.plan_table.item(row, 4).text(), page.plan_table.item(row, 5).text()) == ("done", quarter.start.isoformat())
    assert [(c.name, c.planned, c.done) for c in page.view.coverage.people] == [("sales1", 2, 1)]
    assert "1 of 2 visits done (50 %)" in page.summary.text()
    assert page.people_table.item(0, 3).text() == "50 %"


def test_a_date_outside_the_quarter_stays_on_the_form(qtbot, ctx, make_actor):
    clerk = make_actor(ctx, "hot@BJ", roles=["hotline"])
    manager = make_actor(ctx, "mgr@BJ", roles=["branch_manager"])
    sales = make_actor(ctx, "sales1@BJ", roles=["sales"])
    add_customers(ctx, clerk, [("北京协和医院", "北京", True)])
    quarter = current_quarter(ctx)
    page = opened_page(qtbot, ctx, manager)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.generate_button.click()
    page = opened_page(qtbot, ctx, sales)
    page.plan_table.selectRow(0)
    dialog = page.record_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.visited_on.setDate(quarter.previous_quarter().start)
    dialog.attendees.setText("王主任")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.is_marked("visited_on")
    assert quarter.label in dialog.message.text()
