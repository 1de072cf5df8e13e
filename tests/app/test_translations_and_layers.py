"""Chinese first: every visible string is translated; the layers stay as the design says."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_string_has_a_chinese_translation_and_compiled_files_are_current():
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    result = subprocess.run([sys.executable, "-m", "app.i18n.update", "--check"], capture_output=True, text=True,
                            cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_hold():
    lint = Path(sys.executable).parent / ("lint-imports.exe" if os.name == "nt" else "lint-imports")
    result = subprocess.run([str(lint), str(ROOT / "pyproject.toml")], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture
def chinese(plugin_host):
    from app.ui.translation import install_translations

    loaded = install_translations("zh_CN", plugin_host)
    yield loaded
    install_translations("en", plugin_host)


def test_the_main_window_speaks_chinese(qtbot, sqlite_ctx, chinese):
    from app.auth.service import authenticate
    from app.i18n import translate
    from app.ui.main_window import MainWindow
    from testdata import ADMIN_PASSWORD

    assert any(path.endswith("qtbase_zh_CN.qm") for path in chinese) and len(chinese) == 8
    from PySide6.QtWidgets import QDialogButtonBox

    assert QDialogButtonBox(QDialogButtonBox.Close).button(QDialogButtonBox.Close).text() == "关闭"
    assert translate("Auth", "Wrong user name or password.") == "用户名或密码错误。"
    with sqlite_ctx.reading() as session:
        actor = authenticate(session, "admin@HQ", ADMIN_PASSWORD)
    window = MainWindow(sqlite_ctx.signed_in(actor))
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[0] == "首页"
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in title) for title in titles), titles
    assert window.menus["tools"].title() == "工具(&T)"
    assert window.action("core.users").text() == "用户和角色…"
