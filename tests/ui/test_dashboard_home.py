"""The home page per role: a branch manager sees this quarter's charted figures of the branch,
its own work beside each partner's; a user without the dashboards sees the counters only."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel

from app.reports.period import Period
from app.ui.charts import BarChart
from app.ui.home_page import HomePage
from dashboard_figures import CASES, MET, Broken, Commitments, Registered, expected


@pytest.fixture
def stand_in(sqlite_ctx):
    with Registered(sqlite_ctx, Commitments()) as plugin:
        yield plugin


def test_a_branch_manager_sees_the_branch_and_its_partners_charted(qtbot, sqlite_ctx, make_actor, stand_in):
    manager = make_actor(sqlite_ctx, "boss@BJ", roles=["branch_manager"])
    home = HomePage(sqlite_ctx.signed_in(manager))
    qtbot.addWidget(home)
    home.show()
    qtbot.waitUntil(lambda: home.quarter.figures is not None, timeout=20000)
    quarter = Period.quarter_of(date.today())
    assert stand_in.periods == [(quarter, "BJ")]
    box = home.findChild(QGroupBox, "quarter_figures")
    assert box.isVisible() and box.title() == f"{quarter.label} at 北京分公司"
    totals = home.findChild(QLabel, "quarter_totals").text().splitlines()
    assert f"{MET.label}: 80.0%" in totals and f"{CASES.label}: 20" in totals

    home.quarter.measure.setCurrentIndex(home.quarter.measure.findData(MET.code))
    chart = home.findChild(BarChart, f"chart:{MET.code}")
    assert chart.categories == ["BJ", "BJ-P01"] and chart.below == [0]
    assert chart.values == pytest.approx([expected("BJ")[0], expected("BJ-P01")[0]])
    assert chart.names == ["北京分公司 (own work)", "北京信息科技有限公司"]


def test_without_the_dashboards_the_home_page_keeps_to_the_counters(qtbot, sqlite_ctx, make_actor, stand_in):
    hotline = make_actor(sqlite_ctx, "hot@BJ", roles=["hotline"])
    home = HomePage(sqlite_ctx.signed_in(hotline))
    qtbot.addWidget(home)
    with qtbot.waitSignal(home.counters_shown, timeout=10000):
        pass
    assert home.quarter is None and home.findChild(QGroupBox, "quarter_figures") is None
    assert stand_in.periods == []


def test_figures_that_cannot_be_read_are_said_so_and_the_counters_stay(qtbot, sqlite_ctx, make_actor):
    manager = make_actor(sqlite_ctx, "boss@BJ", roles=["branch_manager"])
    with Registered(sqlite_ctx, Broken()):
        home = HomePage(sqlite_ctx.signed_in(manager))
        qtbot.addWidget(home)
        with qtbot.waitSignal(home.figures_shown, timeout=20000):
            pass
    assert home.findChild(QLabel, "quarter_totals").text() == (
        "This quarter's figures could not be read: RuntimeError: the stock ledger is unreachable")
    assert home.quarter.chart is None
    qtbot.waitUntil(lambda: home.findChild(QFrame, "tickets.open") is not None, timeout=10000)
