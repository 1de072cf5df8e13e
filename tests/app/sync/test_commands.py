"""The sync command line as an administrator uses it: HQ provisions a branch, the branch is set
up from the file alone, pushes, pulls, and exchanges offline bundles. Mistakes: one line, exit 2."""

import os
import subprocess
import sys

import pytest

from app.errors import PermissionDenied


@pytest.fixture
def sc(tmp_path):
    env = {**os.environ, "SERVICE_CENTER_HOME": str(tmp_path / "home"), "SERVICE_CENTER_LANG": "en",
           "QT_QPA_PLATFORM": "offscreen"}
    (tmp_path / "home").mkdir()
    (tmp_path / "pw.txt").write_text("admin-password-1\n", encoding="utf-8")

    def run(db, *args, ok=True):
        url = f"sqlite:///{(tmp_path / f'{db}.sqlite3').as_posix()}"
        result = subprocess.run([sys.executable, "-m", "app", "--db", url, *args], capture_output=True, text=True,
                                env=env, cwd=tmp_path, timeout=300)
        if ok:
            assert result.returncode == 0, result.stderr
        return result

    run.tmp = tmp_path
    return run


def _one_line(result, text):
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and text in lines[0] and "Traceback" not in result.stderr, result.stderr


def test_provision_set_up_from_the_file_push_pull_and_bundles(sc):
    pw, tmp = str(sc.tmp / "pw.txt"), sc.tmp
    hq_url = f"sqlite:///{(tmp / 'hq.sqlite3').as_posix()}"
    sc("hq", "init", "--tier", "hq", "--org-code", "HQ", "--org-name", "总部", "--admin", "admin",
       "--admin-password-file", pw)
    sc("hq", "hq", "provision-node", "BJ", "--name", "北京分公司", "--out", str(tmp / "bj.json"), "--parent-url", hq_url)
    assert "BJ@" not in (tmp / "bj.json").read_text(encoding="utf-8") and "node_key" in (tmp / "bj.json").read_text(
        encoding="utf-8")

    assert "BJ 北京分公司" in sc("bj", "init", "--provision", str(tmp / "bj.json"), "--admin", "admin",
                               "--admin-password-file", pw).stdout
    assert "Sent 1 rows" in sc("bj", "sync", "push").stdout  # the branch's administrator
    assert "Received" in sc("bj", "sync", "pull").stdout
    status = sc("bj", "sync", "status").stdout
    assert "Node BJ, parent HQ" in status and "Changes not yet confirmed by the parent: 0." in status
    assert "Child BJ" in sc("hq", "sync", "status").stdout

    sc("bj", "user", "add", "li@BJ", "--role", "hotline", "--password-file", pw)
    assert "Wrote 1 rows" in sc("bj", "sync", "export", str(tmp / "up.bundle")).stdout
    assert "Applied 1 rows from BJ" in sc("hq", "sync", "import", str(tmp / "up.bundle")).stdout
    assert "imported before; nothing changed" in sc("hq", "sync", "import", str(tmp / "up.bundle")).stdout
    assert "li@BJ" in sc("hq", "user", "list").stdout

    sc("hq", "sync", "export", "--for", "BJ", str(tmp / "down.bundle"))
    assert "Applied" in sc("bj", "sync", "import", str(tmp / "down.bundle")).stdout


def test_sync_mistakes_are_one_line(sc):
    pw, tmp = str(sc.tmp / "pw.txt"), sc.tmp
    sc("bj", "init", "--tier", "branch", "--org-code", "BJ", "--org-name", "北京", "--parent", "HQ", "--admin",
       "admin", "--admin-password-file", pw)
    _one_line(sc("bj", "sync", "push", ok=False), "No parent is set")
    _one_line(sc("bj", "sync", "push", "--to", "postgresql://nobody@127.0.0.1:1/none", ok=False),
              "could not be reached")
    (tmp / "junk.bundle").write_bytes(b"not a bundle")
    _one_line(sc("bj", "sync", "import", str(tmp / "junk.bundle"), ok=False), "not a complete sync bundle")
    (tmp / "junk.json").write_text("{}", encoding="utf-8")
    _one_line(sc("bj", "sync", "connect", str(tmp / "junk.json"), ok=False), "not a provisioning file")
    _one_line(sc("bj", "hq", "provision-node", "SH", ok=False), "No org unit SH")
    _one_line(sc("bj", "sync", "export", str(tmp / "x.bundle"), ok=False), "no key for bundles")


def test_sync_needs_its_permission(sqlite_ctx, make_actor):
    from app.sync import service

    hotline = make_actor(sqlite_ctx, "wang@BJ", roles=["hotline"])
    for call in (lambda: service.status(sqlite_ctx, hotline), lambda: service.push(sqlite_ctx, hotline),
                 lambda: service.provision_node(sqlite_ctx, hotline, "BJ")):
        with pytest.raises(PermissionDenied):
            call()
    manager = make_actor(sqlite_ctx, "zhao@BJ", roles=["branch_manager"])
    service.status(sqlite_ctx, manager)
    with pytest.raises(PermissionDenied):
        service.provision_node(sqlite_ctx, manager, "BJ-P01")
