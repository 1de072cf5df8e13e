"""Start-up figures (issue: foundation). Prints medians of 5 runs; never fails on a time.

(a) process start → the app's first window painted, against a bare PySide6 script that shows an
    empty QMainWindow offscreen: budget at most 2×.
(b) process start → main window ready with all plugins loaded and a user signed in, against a
    script that only imports PySide6.QtWidgets, sqlalchemy.orm and qtawesome and shows a window:
    budget at most 1.5×.

    python bench/startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

RUNS = 5
MARK = "READY"

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.show(); w.repaint(); app.processEvents()
print("READY", flush=True)
"""

APP_FIRST_PAINT = """
import app.cli                       # what `python -m app` imports first
from app.config import load_config
from app.ui.application import startup_window
from app.ui.qt_app import ensure_application
load_config()
ensure_application(gui=True)
startup_window()
print("READY", flush=True)
"""

BASELINE_READY = """
import PySide6.QtWidgets, sqlalchemy.orm, qtawesome
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.show(); w.repaint(); app.processEvents()
print("READY", flush=True)
"""

APP_READY = """
import sys
import app.cli
from app.config import load_config
from app.ui.application import startup_window
from app.ui.qt_app import ensure_application
config = load_config()
qapp = ensure_application(gui=True)
splash = startup_window()
from app.plugins import get_plugin_manager
from app.runtime import open_context
from app.ui.translation import install_translations
plugins = get_plugin_manager(disabled=config.disabled_plugins)
install_translations(config.effective_language, plugins)
ctx = open_context(config, None, plugins=plugins)
from app.auth.service import authenticate
with ctx.reading() as session:
    actor = authenticate(session, "admin@BJ", "bench-admin-1")
from app.ui.main_window import MainWindow
splash.close()
window = MainWindow(ctx.signed_in(actor)); window.show(); window.repaint(); qapp.processEvents()
assert len({s.id.split(".")[0] for s in window.page_specs}) == 6, window.page_specs
print("READY", flush=True)
"""


def time_script(source: str, env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(source)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    for line in proc.stdout:
        if line.strip() == MARK:
            elapsed = time.perf_counter() - start
            proc.kill()
            proc.wait()
            return elapsed
    raise RuntimeError(proc.stderr.read())


def median(source: str, env: dict) -> float:
    time_script(source, env)  # warm the file cache once
    return statistics.median(time_script(source, env) for _ in range(RUNS))


def prepared_home() -> dict:
    home = tempfile.mkdtemp(prefix="sc-bench-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SERVICE_CENTER_HOME": home, "SERVICE_CENTER_LANG": "zh_CN"}
    password = os.path.join(home, "pw")
    with open(password, "w", encoding="utf-8") as f:
        f.write("bench-admin-1")
    run = [sys.executable, "-m", "app"]
    subprocess.run(run + ["init", "--tier", "branch", "--org-code", "BJ", "--org-name", "北京分公司", "--parent", "HQ",
                          "--admin", "admin", "--admin-password-file", password], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    subprocess.run(run + ["demo", "--scale", "200", "--seed", "1"], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return env


def main() -> None:
    env = prepared_home()
    bare, first = median(BARE_WINDOW, env), median(APP_FIRST_PAINT, env)
    base, ready = median(BASELINE_READY, env), median(APP_READY, env)
    print(f"(a) first window painted: app {first * 1000:.0f} ms, bare PySide6 window {bare * 1000:.0f} ms, "
          f"ratio {first / bare:.2f}x (budget 2.0x)")
    print(f"(b) main window ready, signed in, 5 plugins: app {ready * 1000:.0f} ms, "
          f"PySide6+sqlalchemy.orm+qtawesome window {base * 1000:.0f} ms, ratio {ready / base:.2f}x (budget 1.5x)")


if __name__ == "__main__":
    main()
