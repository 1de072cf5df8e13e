"""The Excel export holds exactly the rows the list shows, in the list's order, with times as
date-time cells in the unit's wall time; the response center's figures are the home page's,
counted over every open case, not over the rows loaded so far."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from app.clock import utcnow
from app.orgs.local_time import LocalClock
from plugins.customers import service as registry
from plugins.tickets import service
from plugins.tickets.models import Ticket
from plugins.tickets.service import TicketFilter
from plugins.tickets.views.list_page import TicketListPage
from plugins.tickets.views.queue_page import ResponseCenterPage

UNIT_ZONE = "Asia/Shanghai"
FORMULA_NAME = '=HYPERLINK("http://example.invalid","点击")'



@pytest.fixture
def listed(network):
    """Fourteen BJ cases of two customers (one named like a formula), priorities and states mixed."""
    ctx = network.ctx
    with ctx.transaction() as session:
        odd = registry.create_customer(session, network.hotline, name=FORMULA_NAME).id
    start = utcnow() - timedelta(days=3)
    made = []
    for n in range(14):
        with ctx.transaction() as session:
            made.append(service.create_ticket(session, network.hotline, customer_id=(network.customer_id, odd)[n % 2],
                                              symptom=f"故障{n}", priority=1 + n % 4,
                                              now=start + timedelta(hours=5 * n, minutes=7)).id)
    for ticket_id in made[:5]:
        network.run("start_diagnosis", ticket_id)
    return made


def read_back(path) -> list[tuple]:
    sheet = openpyxl.load_workbook(path).active
    return list(sheet.iter_rows(values_only=True))


CASES = [(TicketFilter(), "opened_at", True), (TicketFilter(), "priority", False), (TicketFilter(), "due", False),
         (TicketFilter(states=("diagnosing",)), "number", True), (TicketFilter(text="="), "state", False)]


def test_the_export_holds_the_screens_rows_in_the_screens_order(ctx, network, listed, tmp_path):
    for filters, sort, descending in CASES:
        path = tmp_path / f"{sort}.xlsx"
        with ctx.reading() as session:
            screen = [row for offset in range(0, 14, 4) for row in service.list_page(
                session, network.hotline, filters, offset=offset, limit=4, sort=sort, descending=descending)]
            written = service.export_list(session, network.hotline, filters, path, sort=sort, descending=descending)
            clock = LocalClock(session)
            walls = [tuple(clock.wall(r.org_id, t).replace(microsecond=0) for t in (r.opened_at, r.next_due_at))
                     for r in screen]
        rows = read_back(path)
        assert written == len(screen) == len(rows) - 1 > 0, (filters, sort)
        assert rows[0] == (*service.column_titles(), "Time zone")
        assert [r[0] for r in rows[1:]] == [r.number for r in screen], (filters, sort, descending)
        assert [(r[8], r[9]) for r in rows[1:]] == walls
        assert {r[11] for r in rows[1:]} == {UNIT_ZONE}


def test_the_exported_times_are_the_units_wall_time_and_text_stays_text(ctx, network, listed, tmp_path,
                                                                         utc_workstation):
    path = tmp_path / "view.xlsx"
    with ctx.reading() as session:
        rows = service.list_page(session, network.hotline, TicketFilter(), sort="number", descending=False)
        lines = service.list_lines(session, rows)
        titles = service.list_titles(session, network.hotline)
        service.export_list(session, network.hotline, TicketFilter(), path, sort="number", descending=False)
    sheet = openpyxl.load_workbook(path).active
    cells = list(sheet.iter_rows(min_row=2))
    assert titles[8] == f"Opened ({UNIT_ZONE})" and titles[9] == f"Due ({UNIT_ZONE})"
    for line, row, cell in zip(lines, rows, cells):
        assert line.zone == UNIT_ZONE  # the workstation runs on UTC
        assert cell[8].is_date and cell[8].value.strftime("%Y-%m-%d %H:%M") == line.texts[8]
        shanghai = row.opened_at.astimezone(ZoneInfo(UNIT_ZONE)).replace(tzinfo=None)
        assert cell[8].value == shanghai.replace(microsecond=0) != row.opened_at.replace(tzinfo=None, microsecond=0)
    formulas = [cell[4] for cell in cells if cell[4].value == FORMULA_NAME]
    assert len(formulas) == 7 and all(cell.data_type == "s" for cell in formulas)


def test_a_cancelled_export_leaves_no_file(ctx, network, listed, tmp_path):
    from app.reports.workbook import ExportCancelled

    folder = tmp_path / "export"
    folder.mkdir()
    with ctx.reading() as session, pytest.raises(ExportCancelled):
        service.export_list(session, network.hotline, TicketFilter(), folder / "cancelled.xlsx", cancelled=lambda: True)
    assert not list(folder.iterdir())


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_exporting_from_the_list_page_writes_what_it_shows(qtbot, ctx, network, listed, tmp_path, utc_workstation):
    page = TicketListPage(ctx.signed_in(network.hotline))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 14 and not page.model.is_loading, timeout=10_000)
    header = page.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(2) + 10, header.height() // 2))  # by priority
    qtbot.waitUntil(lambda: page.sort == "priority" and page.model.rowCount() == 14, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.headerData(8, Qt.Horizontal) == f"Opened ({UNIT_ZONE})", timeout=10_000)
    shown = [[page.model.index(row, column).data() for column in range(11)] for row in range(14)]
    tip = page.model.index(0, 8).data(Qt.ToolTipRole)
    assert UNIT_ZONE in tip
    path = tmp_path / "shown.xlsx"
    worker = page.export_to(str(path))
    qtbot.waitUntil(lambda: path.exists() and "Exported" in page.count.text(), timeout=10_000)
    del worker
    rows = read_back(path)[1:]
    assert [r[0] for r in rows] == [s[0] for s in shown]
    assert [r[8].strftime("%Y-%m-%d %H:%M") for r in rows] == [s[8] for s in shown]
    assert [r[2] for r in rows] == [s[2] for s in shown]


# ---------------------------------------------------------------- the response center and the home page


@pytest.fixture
def overdue(network):
    """More than 200 open BJ cases past their due time, beside some that must not count: waiting for
    the customer (the clock stands still) without a recorded breach, closed ones with a breach on
    record, cases due within the hour and later; SH has breached cases too."""
    ctx = network.ctx
    now = utcnow()
    with ctx.transaction() as session:
        sh_customer = registry.create_customer(session, network.sh_hotline, name="上海交通大学").id
        bj = [service.create_ticket(session, network.hotline, customer_id=network.customer_id, symptom=f"故障{n}",
                                    now=now - timedelta(days=2, minutes=n)).id for n in range(250)]
        sh = [service.create_ticket(session, network.sh_hotline, customer_id=sh_customer, symptom=f"硬盘{n}",
                                    now=now - timedelta(days=2, minutes=n)).id for n in range(6)]
    with ctx.transaction() as session:
        tickets = {t.id: t for t in session.scalars(select(Ticket))}
        for n, ticket_id in enumerate(bj):
            ticket = tickets[ticket_id]
            ticket.next_due_at = now - timedelta(minutes=5 + n)  # overdue; the sweep has not run yet
            ticket.breached = n % 3 == 0  # ... or it has
            if 220 <= n < 226:  # waiting for the customer: only a recorded breach counts
                ticket.state = "waiting_for_customer"
            if 226 <= n < 232:  # closed: nothing counts
                ticket.state, ticket.is_open, ticket.breached, ticket.next_due_at = "closed", False, True, None
            if 232 <= n < 241:
                ticket.next_due_at, ticket.breached = now + timedelta(minutes=20 + n - 232), False
            if n >= 241:
                ticket.next_due_at, ticket.breached = now + timedelta(hours=5), False
        for ticket_id in sh:
            tickets[ticket_id].breached = True
    return bj


def expected_breaches(ctx, actor) -> tuple[int, int, int]:
    with ctx.reading() as session:
        rows = list(service.list_stream(session, actor, TicketFilter(open_only=True)))
    now = utcnow()
    marks = [row.urgency(now) for row in rows]
    return len(rows), marks.count("breached"), marks.count("due_soon")


def home_breaches(ctx, actor) -> int:
    with ctx.reading() as session:
        counters = {c.id: c.value for group in ctx.hook.dashboard_counters(session=session, actor=actor)
                    for c in group}
    return counters["tickets.breached"]


def test_the_response_center_counts_what_the_home_page_counts(ctx, network, overdue, admin):
    # 220 overdue running cases, two recorded breaches among the six waiting ones; BJ's 244 open cases
    expected = {network.hotline: (244, 222, 9), network.manager: (244, 222, 9), admin: (250, 228, 9)}
    for actor, (open_cases, breached, soon) in expected.items():
        assert expected_breaches(ctx, actor) == (open_cases, breached, soon)
        with ctx.reading() as session:
            counts = service.breach_counts(session, actor)
        assert (counts.open, counts.breached, counts.due_soon) == (open_cases, breached, soon)
        assert home_breaches(ctx, actor) == breached
        assert sum(counts.by_state.values()) == open_cases
    with ctx.reading() as session:
        counts = service.breach_counts(session, network.hotline)
    assert counts.by_state == {"new": 238, "waiting_for_customer": 6}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_response_center_page_shows_every_breach_not_only_the_loaded_ones(qtbot, ctx, network, overdue):
    center = ResponseCenterPage(ctx.signed_in(network.hotline))
    qtbot.addWidget(center)
    qtbot.waitUntil(lambda: center.model.rowCount() == 200 and center.summary.text() != "", timeout=10_000)
    assert center.summary.text() == "244 open, 222 breached, 9 due soon"
    assert home_breaches(ctx, network.hotline) == 222
    assert center.model.canFetchMore()  # 200 rows loaded, and the figures are still about all 244
