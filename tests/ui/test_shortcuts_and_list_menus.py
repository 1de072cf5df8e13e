"""Keyboard shortcuts of the main actions and the lists' context menus, through real widgets: the
keys as a user presses them in the main window, the menu a right click opens on a row, what lands
on the clipboard and in the workbook read back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from app.clock import utcnow
from app.ui.form_dialog import FormDialog
from app.ui.main_window import MainWindow
from export_world import HOSTILE, build_customers, build_tickets

on_sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # widgets, not SQL


def press(qtbot, widget, key, modifier=Qt.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)
    QApplication.processEvents()


def activate(qtbot, window):
    window.show()
    with qtbot.waitActive(window):  # shortcuts reach the active window only
        window.activateWindow()
    return window


def open_window(qtbot, ctx, actor) -> MainWindow:
    window = MainWindow(ctx.signed_in(actor))
    window.remember_state = False
    qtbot.addWidget(window)
    return activate(qtbot, window)


def right_click(view, position) -> None:
    """What the platform sends on a right click (or the menu key): a context menu event."""
    viewport = view.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Mouse, position,
                                                       viewport.mapToGlobal(position)))


def visible_dialogs(kind) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


@on_sqlite
def test_the_main_actions_keys_show_in_the_menus_and_act_on_the_ticket_list(qtbot, ctx, admin):
    from plugins.customers import service as customers
    from plugins.tickets import service as tickets
    from plugins.tickets.views.list_page import TicketListPage
    from plugins.tickets.views.new_ticket_dialog import NewTicketDialog

    build_tickets(ctx, admin)
    window = open_window(qtbot, ctx, admin)
    keys = {action_id: window.action(action_id).shortcut().toString()
            for action_id in ("tickets.new", "core.find", "core.refresh", "core.save")}
    assert keys == {"tickets.new": "Ctrl+N", "core.find": "Ctrl+F", "core.refresh": "F5", "core.save": "Ctrl+S"}
    assert window.menus["file"].actions()[0] is window.action("tickets.new")  # New comes first
    assert window.action("core.find") in window.menus["view"].actions()

    window.open_page("core.home")  # Ctrl+N from another page brings the list up with the intake dialog
    press(qtbot, window.nav, Qt.Key_N, Qt.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, TicketListPage)
    (dialog,) = visible_dialogs(NewTicketDialog)
    dialog.reject()
    activate(qtbot, window)
    assert page.new_button.toolTip() == "New ticket (Ctrl+N)"
    qtbot.waitUntil(lambda: page.model.rowCount() == 10 and not page.model.is_loading, timeout=10_000)

    # no page method, no key: the tickets list saves nothing, so Save is greyed out there
    assert not window.action("core.save").isEnabled() and window.action("core.refresh").isEnabled()
    page.view.setFocus()
    press(qtbot, page.view, Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is page.search

    with ctx.transaction() as session:  # a call logged elsewhere meanwhile
        customer = customers.list_customers(session, admin).rows[0].id
        tickets.create_ticket(session, admin, customer_id=customer, symptom="F5 finds me", priority=2,
                              now=utcnow() - timedelta(minutes=1))
    assert page.model.rowCount() == 10
    press(qtbot, page.view, Qt.Key_F5)
    qtbot.waitUntil(lambda: page.model.rowCount() == 11 and not page.model.is_loading, timeout=10_000)


def test_ctrl_s_presses_the_forms_ok_and_says_so(qtbot):
    saved = []
    dialog = FormDialog("Rename", submit=saved.append, ok_text="Save")
    dialog.add_text("name", "Name")
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.fields["name"], "new name")
    press(qtbot, dialog.fields["name"], Qt.Key_S, Qt.ControlModifier)
    assert saved == [{"name": "new name"}] and dialog.result() == FormDialog.Accepted
    assert dialog.ok_button.toolTip() == "Save (Ctrl+S)"


@on_sqlite
def test_a_rows_context_menu_opens_copies_its_number_and_exports_only_the_selection(qtbot, ctx, admin, tmp_path,
                                                                                 monkeypatch):
    from plugins.tickets.views.list_page import TicketListPage

    build_tickets(ctx, admin)
    page = TicketListPage(ctx.signed_in(admin))
    qtbot.addWidget(page)
    page.resize(1200, 800)  # room below the rows
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 10 and not page.model.is_loading, timeout=10_000)
    view, menu = page.view, page.list_menu

    def cell(row: int, column: int = 0):
        return view.visualRect(page.model.index(row, column)).center()

    # a right click on a row selects it and offers the three entries
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=cell(1))
    right_click(view, cell(4))
    shown = menu.menu
    qtbot.waitUntil(shown.isVisible, timeout=5000)
    shown.hide()
    assert view.currentIndex().row() == 4 and menu.selected_rows() == [4]
    assert [(a.objectName(), a.text(), a.isVisible() and a.isEnabled()) for a in shown.actions()] == [
        ("open", "Open", True), ("copy_number", "Copy number", True),
        ("export_selection", "Export selection to Excel…", True)]
    assert menu.menu_at(view.viewport().rect().bottomRight()) is None  # below the rows: no menu

    with qtbot.waitSignal(page.ticket_opened, timeout=5000) as opened:
        shown.actions()[0].trigger()
    assert opened.args[0].windowTitle() and page.model.index(4, 0).data() in opened.args[0].windowTitle()
    opened.args[0].close()

    # two rows chosen with Ctrl: copy gives both numbers, the export exactly those rows
    view.selectionModel().select(page.model.index(2, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
    menu.menu_at(cell(2))
    numbers = [page.model.index(row, 0).data() for row in (2, 4)]
    shown.actions()[1].trigger()
    assert QGuiApplication.clipboard().text() == "\n".join(numbers)

    path = tmp_path / "chosen.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, caption, proposed, filters: (str(path), filters)))
    shown.actions()[2].trigger()
    qtbot.waitUntil(lambda: menu.exporter.notice is not None, timeout=10_000)
    assert menu.exporter.notice.text() == f"2 rows written to {path}"
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    columns = page.model.columnCount()
    assert rows[0] == tuple(page.model.headerData(c, Qt.Horizontal) for c in range(columns))
    assert [list(r) for r in rows[1:]] == [[page.model.index(row, c).data() or None for c in range(columns)]
                                           for row in (2, 4)]  # an empty cell reads back as None
    hostile = [c for row in load_workbook(path).worksheets[0].iter_rows(min_row=2) for c in row if c.value in HOSTILE]
    assert hostile and {c.data_type for c in hostile} == {"s"}  # user text stays text, never a formula


@on_sqlite
def test_the_customer_lists_menu_opens_what_a_double_click_opens(qtbot, ctx, admin):
    from plugins.customers.views.customer_dialog import CustomerDialog
    from plugins.customers.views.customers_page import CustomersPage

    build_customers(ctx, admin)
    page = CustomersPage(ctx.signed_in(admin))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() == 10, timeout=10_000)
    shown = page.list_menu.menu_at(page.table.visualItemRect(page.table.item(3, 0)).center())
    assert page.selected_id() == page.table.item(3, 0).data(Qt.UserRole)  # the row pointed at is the one acted on
    assert page.list_menu.copy_numbers() == page.table.item(3, 0).text() == QGuiApplication.clipboard().text()
    open_entry = shown.actions()[0]
    assert open_entry.isEnabled() == page.buttons["edit"].isEnabled() is True
    open_entry.trigger()
    (dialog,) = visible_dialogs(CustomerDialog)
    assert page.table.item(3, 0).text() in [w.text() for w in dialog.findChildren(QLineEdit)]
    dialog.reject()
