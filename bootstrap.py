"""Set up and start Service Center Suite, or run its tests, on a fresh machine.

    python3 bootstrap.py run      create .venv, install the pinned dependencies, open the app
    python3 bootstrap.py test     the same with the test extra, then run the whole test suite
    python3 bootstrap.py package  the same, then build the one-folder application: dist/ServiceCenter

Works on Windows (``py bootstrap.py run``) and Linux. On Linux, missing Qt system libraries,
CJK fonts and (for tests) PostgreSQL and poppler are installed with apt when run as root;
otherwise the exact packages to install are named. LibreOffice, which one test opens a workbook
in, is installed for the tests where apt can and is never required.
"""

from __future__ import annotations

import ctypes.util
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)

# Debian package → how we detect that it is present.
QT_LIBS = {"libgl1": "GL", "libegl1": "EGL", "libxkbcommon0": "xkbcommon", "libglib2.0-0": "glib-2.0",
           "libdbus-1-3": "dbus-1", "libfontconfig1": "fontconfig"}
GUI_LIBS = {"libxcb-cursor0": "xcb-cursor", "libxkbcommon-x11-0": "xkbcommon-x11", "libxcb-icccm4": "xcb-icccm",
            "libxcb-keysyms1": "xcb-keysyms", "libxcb-image0": "xcb-image", "libxcb-render-util0": "xcb-render-util",
            "libxcb-shape0": "xcb-shape", "libxcb-xkb1": "xcb-xkb"}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def log(message: str) -> None:
    print(f"[bootstrap] {message}", flush=True)


def missing_debian_packages(for_tests: bool) -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    libs = dict(QT_LIBS)
    if not for_tests:
        libs.update(GUI_LIBS)
    missing = [pkg for pkg, lib in libs.items() if ctypes.util.find_library(lib) is None]
    if not _has_cjk_font():
        missing.append("fonts-wqy-microhei")
    if for_tests:
        if not glob.glob("/usr/lib/postgresql/*/bin/initdb") and not shutil.which("initdb"):
            missing.append("postgresql")
        if not shutil.which("pdftotext"):
            missing.append("poppler-utils")
    return missing


def _has_cjk_font() -> bool:
    if not shutil.which("fc-list"):
        return False
    result = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True)
    return bool(result.stdout.strip())


# Installed for the tests where apt can, never required: the test that opens a workbook in
# LibreOffice is skipped, saying why, on a machine without it.
OPTIONAL_TEST_PACKAGES = {"libreoffice-calc-nogui": "soffice"}


def can_apt() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and bool(shutil.which("apt-get"))


def ensure_system_packages(for_tests: bool) -> None:
    missing = missing_debian_packages(for_tests)
    optional = [pkg for pkg, command in OPTIONAL_TEST_PACKAGES.items()
                if for_tests and sys.platform.startswith("linux") and not shutil.which(command)]
    if not missing and not (optional and can_apt()):
        return
    if can_apt():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        if missing:
            log("installing system packages: " + " ".join(missing))
            subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True,
                           env=env)
        if optional:
            log("installing optional test packages: " + " ".join(optional))
            if subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *optional],
                              env=env).returncode != 0:
                log("could not install " + " ".join(optional) + "; the tests that need them are skipped")
        return
    sys.exit("[bootstrap] missing system packages; install them first:\n"
             f"    sudo apt-get install {' '.join(missing)}")


def ensure_venv(extra: str | None) -> Path:
    if not venv_python().exists():
        log(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    target = f".[{extra}]" if extra else "."
    # Installed already for this pyproject.toml? Then start without touching the network.
    stamp = VENV / f".installed-{extra or 'app'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return venv_python()
    log(f"installing {target} with pinned dependencies")
    subprocess.run([str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                    "-e", target], check=True, cwd=ROOT)
    stamp.write_text(wanted)
    return venv_python()


def run_app(args: list[str]) -> int:
    ensure_system_packages(for_tests=False)
    python = ensure_venv(None)
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        log("no display found: the window needs a desktop session (or QT_QPA_PLATFORM=offscreen)")
    return subprocess.call([str(python), "-m", "app", *args], cwd=ROOT)


def run_tests(args: list[str]) -> int:
    ensure_system_packages(for_tests=True)
    python = ensure_venv("test")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PATH"] = os.pathsep.join([str(python.parent), env.get("PATH", "")])
    return subprocess.call([str(python), "-m", "pytest", *args], cwd=ROOT, env=env)


def build_package(args: list[str]) -> int:
    """PyInstaller (in the test extra) builds for the system it runs on: run it on Windows for Windows."""
    ensure_system_packages(for_tests=False)
    python = ensure_venv("test")
    spec = ROOT / "packaging" / "service-center.spec"
    return subprocess.call([str(python), "-m", "PyInstaller", str(spec), "--noconfirm", *args], cwd=ROOT)


COMMANDS = {"run": run_app, "test": run_tests, "package": build_package}


def main() -> int:
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"[bootstrap] Python {'.'.join(map(str, MIN_PYTHON))}+ is needed, this is {sys.version.split()[0]}")
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())
