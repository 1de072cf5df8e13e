"""The home page of a field engineer charts their own open cases per state (hook
``dashboard_counters``), beside the counters it always showed."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame

from app.ui.charts import BarChart
from app.ui.home_page import HomePage
from plugins.tickets.models import OPEN_STATES
from plugins.tickets.service import state_label


def test_an_engineer_sees_their_own_open_cases_by_state(qtbot, ctx, network):
    hook = network.hook()
    for state in ("dispatched", "dispatched", "on_site", "awaiting_signoff", "closed"):
        network.drive_to(network.open_ticket(), state, hook)
    network.open_ticket()  # nobody's yet: not the engineer's

    with ctx.reading() as session:
        counters = [c for group in ctx.hook.dashboard_counters(session=session, actor=network.engineer)
                    for c in group or ()]
    mine = [c for c in counters if c.chart]
    assert {c.chart for c in mine} == {"My open cases by state"}
    assert [(c.label, c.value) for c in mine] == [
        (state_label(s), {"dispatched": 2, "on_site": 1, "awaiting_signoff": 1}.get(s, 0)) for s in OPEN_STATES]

    home = HomePage(ctx.signed_in(network.engineer))
    qtbot.addWidget(home)
    with qtbot.waitSignal(home.counters_shown, timeout=10000):
        pass
    chart = home.findChild(BarChart, "chart:tickets.mine.new")
    assert chart.categories == [state_label(s) for s in OPEN_STATES] and sum(chart.values) == 4
    assert home.findChild(QFrame, "tickets.open") is not None  # the counters stay cards
    assert home.findChild(QFrame, "tickets.mine.dispatched") is None


def test_a_hotline_engineer_without_cases_of_their_own_gets_no_such_chart(ctx, network):
    with ctx.reading() as session:
        counters = [c for group in ctx.hook.dashboard_counters(session=session, actor=network.hotline)
                    for c in group or ()]
    assert counters and not any(c.chart for c in counters)
