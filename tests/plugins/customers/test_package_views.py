"""The service packages page, as an HQ administrator uses it: a package created in the dialog is
the one the next ticket on a machine under it follows; bad input stays on the form naming the
field, and nothing is saved; an edit and a retirement from the page."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from plugins.customers import service
from plugins.customers.views.packages_page import PackagesPage
from plugins.tickets import service as tickets


def open_page(qtbot, ctx, actor) -> PackagesPage:
    page = PackagesPage(ctx.signed_in(actor))
    qtbot.addWidget(page)
    page.show()
    return page


def press_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.Ok).click()


def codes(page) -> list[str]:
    return [page.table.item(r, 0).text() for r in range(page.table.rowCount())]


def test_a_package_made_in_the_dialog_is_used_by_the_next_ticket(qtbot, registry, admin):
    page = open_page(qtbot, registry.ctx, admin)
    assert codes(page) == ["5X8-NBD", "7X24-4H"] and page.buttons["add"].isEnabled()
    assert not page.buttons["edit"].isEnabled() and page.buttons["edit"].toolTip() == "Select a package first."

    dialog = page.add()
    dialog.code.setText("7x24-2h")
    dialog.name.setText("7×24 2小时到场")
    dialog.coverage.setCurrentIndex(dialog.coverage.findData("24x7"))
    dialog.targets["response_minutes"].setText("0")
    dialog.targets["onsite_minutes"].setText("2 h")
    dialog.targets["resolution_minutes"].setText("8 h")
    press_ok(dialog)
    assert dialog.isVisible() and dialog.message.text() == (
        "First response: First response must be more than zero.")
    assert dialog.is_marked("response_minutes") and codes(page) == ["5X8-NBD", "7X24-4H"]

    dialog.targets["response_minutes"].setText("9 h")  # after the resolution
    press_ok(dialog)
    assert dialog.is_marked("response_minutes") and "cannot be longer than the resolution target (8 h)" in \
        dialog.message.text()
    dialog.targets["response_minutes"].setText("15 min")
    dialog.set_priority_target(1, "onsite_minutes", "an hour")
    press_ok(dialog)
    assert dialog.is_marked("priority_targets") and "P1 On site: write minutes or hours" in dialog.message.text()
    dialog.set_priority_target(1, "onsite_minutes", "1 h")
    press_ok(dialog)
    assert not dialog.isVisible()
    assert codes(page) == ["5X8-NBD", "7X24-2H", "7X24-4H"]
    row = codes(page).index("7X24-2H")
    assert [page.table.item(row, c).text() for c in range(2, 7)] == ["7×24", "15 min", "2 h", "8 h",
                                                                   "P1: On site 1 h"]

    with registry.ctx.transaction() as session:
        service.create_asset(session, registry.hotline, registry.customer_id, serial_number="SN-BJ-0300",
                             product_line="存储", model="DS600", package_code="7X24-2H")
        normal = tickets.create_ticket(session, registry.hotline, customer_id=registry.customer_id,
                                       symptom="阵列降级", serial_number="SN-BJ-0300")
        critical = tickets.create_ticket(session, registry.hotline, customer_id=registry.customer_id,
                                         symptom="阵列离线", serial_number="SN-BJ-0300", priority=1)
        assert (normal.clock, normal.response_minutes, normal.onsite_minutes, normal.resolution_minutes) == (
            "24x7", 15, 120, 480)
        assert (normal.onsite_due_at - normal.opened_at).total_seconds() == 2 * 3600
        assert (critical.onsite_due_at - critical.opened_at).total_seconds() == 3600


def test_a_duplicate_code_stays_on_the_form_then_edit_and_retire(qtbot, registry, admin):
    page = open_page(qtbot, registry.ctx, admin)
    dialog = page.add()
    dialog.code.setText("7X24-4H")
    dialog.name.setText("重复")
    for target, text in (("response_minutes", "30"), ("onsite_minutes", "4 h"), ("resolution_minutes", "24 h")):
        dialog.targets[target].setText(text)
    press_ok(dialog)
    assert dialog.isVisible() and dialog.is_marked("code")
    assert dialog.message.text() == "Code: A service package with the code 7X24-4H already exists."
    dialog.reject()

    page.select_code("5X8-NBD")
    dialog = page.edit()
    assert dialog.code.isReadOnly() and dialog.targets["onsite_minutes"].text() == "9 h"
    dialog.targets["onsite_minutes"].setText("6 h")
    press_ok(dialog)
    assert not dialog.isVisible()
    assert page.table.item(codes(page).index("5X8-NBD"), 4).text() == "6 h"

    page.select_code("5X8-NBD")
    page.confirm = lambda title, text: True
    page.retire()
    row = codes(page).index("5X8-NBD")
    assert row == 1 and page.table.item(row, 7).text() == "retired"  # after the live ones
    page.select_code("5X8-NBD")
    assert not page.buttons["edit"].isEnabled() and not page.buttons["retire"].isEnabled()


def test_outside_hq_the_page_offers_no_change(qtbot, registry, make_actor):
    analyst = make_actor(registry.ctx, "analyst@BJ", roles=["hq_analyst"])
    page = open_page(qtbot, registry.ctx, analyst)
    assert not page.buttons["add"].isEnabled()
    assert page.buttons["add"].toolTip() == "Service packages are maintained at HQ."
