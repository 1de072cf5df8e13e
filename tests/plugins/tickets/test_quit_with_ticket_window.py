"""Quitting with a ticket window open: the window closes with the main window and the process
ends — checked on a real process running the app's event loop, as a user starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from testdata import USER_PASSWORD

ROOT = Path(__file__).resolve().parents[3]
WATCHDOG_MS = 30_000

APP = """
import os, sys, uuid
from PySide6.QtCore import QTimer
from app.ui.qt_app import ensure_application

app = ensure_application(gui=True, offscreen=True)
from app.auth.service import authenticate
from app.config import Config
from app.runtime import open_context
from app.ui.main_window import MainWindow

url, password, ticket_id, watchdog_ms = sys.argv[1:5]
ctx = open_context(Config(), url)
with ctx.reading() as session:
    actor = authenticate(session, "hot@BJ", password)
window = MainWindow(ctx.signed_in(actor))
window.show()
ticket = window.open_page("tickets.list").open_ticket(uuid.UUID(ticket_id))
print("ticket window open:", ticket.isVisible(), flush=True)
QTimer.singleShot(300, window.action("core.quit").trigger)
QTimer.singleShot(int(watchdog_ms), lambda: os._exit(3))  # still running: quitting did not end it
code = app.exec()
print("ended:", code, "ticket window open:", ticket.isVisible(), flush=True)
"""


@pytest.fixture
def ctx(sqlite_ctx):  # a process of its own opens the same file
    return sqlite_ctx


def test_quitting_with_a_ticket_window_open_closes_it_and_ends_the_process(network, tmp_path):
    ticket_id = network.open_ticket()
    url = network.ctx.engine.url.render_as_string(hide_password=False)
    network.ctx.engine.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SERVICE_CENTER_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-c", APP, url, USER_PASSWORD, str(ticket_id), str(WATCHDOG_MS)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=WATCHDOG_MS / 1000 + 60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["ticket window open: True", "ended: 0 ticket window open: False"]
