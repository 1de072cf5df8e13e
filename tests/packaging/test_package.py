"""The Windows package, built here from the same spec: the one-folder application sets up a fresh
embedded database with every plugin's migrations, loads every plugin, fills in demo data and opens
every page in Chinese, running from its own folder with nothing of the source tree or the virtualenv."""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import portalocker
import pytest
from testdata import ADMIN_PASSWORD

from app.plugins import ENTRY_POINT_GROUP

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "service-center.spec"
# PyInstaller reuses its analysis from here when nothing it read has changed: such a rebuild
# takes seconds, not minutes. The lock keeps two test runs from sharing a half-written one.
BUILD_CACHE = Path(tempfile.gettempdir()) / "service-center-package-build"
FOLDER = "ServiceCenter"
CLI = "service-center.exe" if os.name == "nt" else "service-center"
GUI = "ServiceCenter.exe" if os.name == "nt" else "ServiceCenter"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def package():
    dist = Path(tempfile.mkdtemp(prefix="sc-package-"))
    BUILD_CACHE.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(BUILD_CACHE / "work")]
    with portalocker.Lock(str(BUILD_CACHE / "build.lock"), timeout=3600):
        built = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=3600)
    if built.returncode != 0:
        shutil.rmtree(dist, ignore_errors=True)
        pytest.fail("PyInstaller failed:\n" + built.stderr[-4000:])
    yield dist / FOLDER
    shutil.rmtree(dist, ignore_errors=True)


def plugin_packages() -> dict[str, Path]:
    """Each entry point's name and the folder of its package in the source tree."""
    return {point.name: Path(importlib.import_module(point.value).__file__).parent
            for point in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def test_the_folder_holds_every_plugin_migration_translation_and_resource(package):
    internal = package / "_internal"
    assert (package / CLI).is_file() and (package / GUI).is_file()
    plugins = plugin_packages()
    assert len(plugins) == 6
    expected = [ROOT / "migrations" / "env.py", ROOT / "migrations" / "script.py.mako",
                *(ROOT / "migrations" / "versions").glob("*.py"), *(ROOT / "app").rglob("*.qm"),
                ROOT / "app" / "docs" / "user-guide.md"]
    for folder in plugins.values():
        migrations = list((folder / "migrations").glob("*.py"))
        translations = list(folder.rglob("*.qm"))
        assert migrations and translations, folder
        expected += migrations + translations
    missing = [str(path.relative_to(ROOT)) for path in expected if not (internal / path.relative_to(ROOT)).is_file()]
    assert missing == []
    qt_folder = internal / "PySide6" / ("translations" if os.name == "nt" else "Qt/translations")
    assert (qt_folder / "qtbase_zh_CN.qm").is_file()  # Qt's own buttons and file dialogs
    assert list((internal / "qtawesome" / "fonts").glob("fontawesome5-solid-*.ttf"))
    assert (internal / "jieba" / "dict.txt").is_file()
    # The entry points the packaged app finds its plugins by.
    assert list(internal.glob("service_center_suite*/entry_points.txt"))
    # Left out on purpose: tests and the Qt modules the app never imports.
    assert not (internal / "pytest").exists() and not (internal / "tkinter").exists()
    assert not list(internal.rglob("*Qt6Quick*")) and not list(internal.rglob("*Qt6WebEngine*"))


def run(package: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(SERVICE_CENTER_HOME=str(home), SERVICE_CENTER_LANG="zh_CN", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([str(package / CLI), *args], cwd=home, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=600)
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done


def unsigned_context(plugins):
    """A context with no database and nobody signed in: enough to ask the plugins for their pages."""
    from app.config import Config
    from app.context import AppContext

    return AppContext(engine=None, session_factory=None, plugins=plugins, config=Config())


def test_the_packaged_program_sets_up_a_database_and_opens_every_page(package, tmp_path, plugin_host):
    home = tmp_path / "home"
    home.mkdir()
    password_file = tmp_path / "password.txt"
    password_file.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")

    run(package, home, "init", "--tier", "hq", "--org-code", "HQ", "--org-name", "总部",
        "--admin", "admin", "--admin-password-file", str(password_file))
    assert (home / "service-center.sqlite3").is_file()  # the embedded database, in the data folder

    # One line each: name, version, state, and the load error if there was one.
    listed = [line.split() for line in run(package, home, "plugins").stdout.splitlines() if line.strip()]
    version = metadata.version("service-center-suite")
    core = next(fields for fields in listed if fields[0] == "core")
    loaded = core[2]  # the core always loads; the word is in the user's language
    assert len(core) == 3 and sorted(fields[0] for fields in listed) == sorted(["core", *plugin_packages()])
    assert [fields for fields in listed if fields[0] != "core" and fields[1:] != [version, loaded]] == []

    run(package, home, "demo", "--scale", "20")  # argon2, jieba's dictionary, every plugin's tables

    smoke = run(package, home, "smoke").stdout.splitlines()
    pages = [line.split(maxsplit=2) for line in smoke if line.startswith(("ok", "FAIL"))]
    expected = {spec.id for group in plugin_host.hook.nav_pages(ctx=unsigned_context(plugin_host))
                for spec in group or ()}
    assert {page_id for _, page_id, _ in pages} == expected
    assert [line for line in smoke if line.startswith("FAIL")] == []
    untranslated = [title for _, _, title in pages if not CJK.search(title)]
    assert untranslated == []  # the core's and every plugin's translations load from the folder
