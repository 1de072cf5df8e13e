"""The command line contract: each command's happy path, and user mistakes exit 2 with one line."""

import os
import subprocess
import sys

import pytest

from app.cli import build_parser
from app.hookspecs import hookimpl
from app.plugins import get_plugin_manager


@pytest.fixture
def cli(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "SERVICE_CENTER_HOME": str(home), "SERVICE_CENTER_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}

    def run(*args, ok=True):
        result = subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                                env=env, cwd=tmp_path, timeout=300)
        if ok:
            assert result.returncode == 0, result.stderr
        return result

    run.home = home
    run.tmp = tmp_path
    return run


def assert_user_mistake(result, text):
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and text in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def init_branch(cli):
    password = cli.tmp / "pw.txt"
    password.write_text("branch-admin-1\n", encoding="utf-8")
    return cli("init", "--tier", "branch", "--org-code", "BJ", "--org-name", "北京分公司", "--parent", "HQ",
               "--admin", "admin", "--admin-password-file", str(password))


def test_version_and_plugins(cli):
    assert cli("--version").stdout.startswith("service-center ")
    out = cli("plugins").stdout
    for name in ("core", "customers", "tickets", "inventory", "training", "certification", "visits"):
        assert name in out
    assert "error" not in out


def test_init_user_demo_and_smoke(cli):
    assert "admin@BJ" in init_branch(cli).stdout
    assert (cli.home / "service-center.sqlite3").exists()
    demo = cli("demo", "--scale", "50", "--seed", "7").stdout  # a branch on its own: HQ's data from a demo HQ
    assert "org units" in demo and "demo HQ" in demo
    assert "BJ-P01" in cli("user", "list").stdout
    assert_user_mistake(cli("demo", "--scale", "50", ok=False), "already has units below it")
    pw = cli.tmp / "u.txt"
    pw.write_text("hotline-pass-1", encoding="utf-8")
    cli("user", "add", "li@BJ", "--name", "李明", "--role", "hotline", "--password-file", str(pw))
    listing = cli("user", "list").stdout
    assert "li@BJ\t李明\thotline" in listing
    pw.write_text("hotline-pass-2", encoding="utf-8")
    assert "changed" in cli("user", "passwd", "li@BJ", "--password-file", str(pw)).stdout
    smoke = cli("smoke")
    assert "0 failed" in smoke.stdout and "visits.followups" in smoke.stdout


def test_demo_is_deterministic_for_a_seed(cli, tmp_path):
    init_branch(cli)
    cli("demo", "--scale", "30", "--seed", "5")
    first = cli("user", "list").stdout
    other = tmp_path / "other.sqlite3"
    url = f"sqlite:///{other.as_posix()}"
    pw = cli.tmp / "pw.txt"
    cli("--db", url, "init", "--tier", "branch", "--org-code", "BJ", "--org-name", "北京分公司", "--parent", "HQ",
        "--admin", "admin", "--admin-password-file", str(pw))
    cli("--db", url, "demo", "--scale", "30", "--seed", "5")
    assert cli("--db", url, "user", "list").stdout == first


def test_db_upgrade_backup_and_restore(cli):
    init_branch(cli)
    assert "up to date" in cli("db", "upgrade").stdout
    backup = cli("db", "backup").stdout.strip()
    assert os.path.exists(backup)
    pw = cli.tmp / "u.txt"
    pw.write_text("later-user-1", encoding="utf-8")
    cli("user", "add", "later@BJ", "--password-file", str(pw))
    assert "later@BJ" in cli("user", "list").stdout
    cli("db", "restore", backup)
    assert "later@BJ" not in cli("user", "list").stdout


def test_user_mistakes_are_one_line_and_exit_2(cli, tmp_path):
    assert_user_mistake(cli("frobnicate", ok=False), "invalid choice")
    assert_user_mistake(cli("--db", "nonsense://x", "plugins", ok=False), "Unsupported database type")
    assert_user_mistake(cli("--db", "sqlite:///" + (tmp_path / "no" / "such" / "x.db").as_posix(), "plugins", ok=False),
                        "does not exist")
    assert_user_mistake(cli("user", "list", ok=False), "not set up")
    init_branch(cli)
    assert_user_mistake(init_branch_again(cli), "already set up")
    assert_user_mistake(cli("user", "passwd", "ghost@BJ", "--password-file", str(tmp_path / "pw.txt"), ok=False),
                        "No user ghost@BJ")
    assert_user_mistake(cli("user", "add", "x@BJ", "--password-file", str(tmp_path / "missing.txt"), ok=False),
                        "Cannot read the password file")
    short = tmp_path / "short.txt"
    short.write_text("abc", encoding="utf-8")
    assert_user_mistake(cli("user", "add", "x@BJ", "--password-file", str(short), ok=False), "at least 8")
    assert_user_mistake(cli("db", "restore", str(tmp_path / "missing.sqlite3"), ok=False), "not found")


def init_branch_again(cli):
    return cli("init", "--tier", "branch", "--org-code", "BJ", "--org-name", "北京", "--parent", "HQ",
               "--admin", "admin", "--admin-password-file", str(cli.tmp / "pw.txt"), ok=False)


class Greeter:
    @hookimpl
    def cli_commands(self, subparsers):
        greet = subparsers.add_parser("greet")
        greet.add_argument("name")
        greet.set_defaults(handler=lambda args, ctx: f"你好 {args.name}")


def test_plugins_add_subcommands():
    host = get_plugin_manager(entry_points=[])
    host.pm.register(Greeter())
    args = build_parser(host).parse_args(["greet", "王"])
    assert args.handler(args, None) == "你好 王"
    # hooks: cli_commands (called inside build_parser)


def test_export_rollup_writes_a_workbook_and_refuses_a_bad_period(cli):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from openpyxl import load_workbook

    init_branch(cli)
    cli("demo", "--scale", "40", "--seed", "3")
    year = str(datetime.now(ZoneInfo("Asia/Shanghai")).year)  # the demo's young open cases are this year's
    out = cli.tmp / "rollup.xlsx"
    assert "sheets" in cli("export", "rollup", "--period", year, "--out", str(out)).stdout
    book = load_workbook(out, read_only=True)
    rows = {title: list(book[title].values) for title in book.sheetnames}
    sheet = "Tickets by unit"
    assert {"Summary", "Network", sheet, "Spare parts by unit", "Training by unit", "Meta"} <= set(rows)
    tickets = rows[sheet]
    assert tickets[0][:3] == ("Org code", "Org unit", "Tickets opened") and len(tickets) > 1
    assert sum(row[2] for row in tickets[1:]) > 0
    assert [row[0] for row in rows["Network"][1:]][:1] == ["BJ"]
    ranged = cli.tmp / "ranged.xlsx"
    cli("export", "rollup", "--period", f"{year}-01-01..{year}-12-31", "--out", str(ranged))
    same = load_workbook(ranged, read_only=True)
    assert list(same[sheet].values) == tickets  # a range of the whole year is the year
    assert_user_mistake(cli("export", "rollup", "--period", "2026Q9", "--out", str(out), ok=False), "is not a period")
    assert_user_mistake(cli("export", "rollup", "--period", "2026Q3", "--org", "ZZ", "--out", str(out), ok=False),
                        "No org unit")


def test_database_and_file_problems_are_one_line(cli, tmp_path):
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("hello", encoding="utf-8")
    assert_user_mistake(cli("--db", "sqlite:///" + not_a_db.as_posix(), "user", "list", ok=False),
                        "database cannot be used")
    assert_user_mistake(cli("--db", "postgresql://nobody:pw@127.0.0.1:1/none", "user", "list", ok=False),
                        "database cannot be used")
    init_branch(cli)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("密码密码密码密码".encode("gbk"))
    assert_user_mistake(cli("user", "add", "x@BJ", "--password-file", str(gbk), ok=False), "UTF-8")
    bom = tmp_path / "bom.txt"
    bom.write_text("\ufeffnotepad-pass-1\r\n", encoding="utf-8")
    cli("user", "add", "np@BJ", "--role", "hotline", "--password-file", str(bom))
    import sqlite3

    from app.auth.passwords import verify_password

    stored = sqlite3.connect(cli.home / "service-center.sqlite3").execute(
        "SELECT password_hash FROM core_users WHERE username = 'np'").fetchone()[0]
    assert verify_password(stored, "notepad-pass-1"), "the byte-order mark is not part of the password"
    assert_user_mistake(cli("export", "rollup", "--period", "0000", "--out", str(tmp_path / "r.xlsx"), ok=False),
                        "1900")
    before = sorted(p.name for p in (cli.home / "backups").glob("*")) if (cli.home / "backups").exists() else []
    assert_user_mistake(cli("db", "restore", str(not_a_db), ok=False), "not a valid database backup")
    after = sorted(p.name for p in (cli.home / "backups").glob("*")) if (cli.home / "backups").exists() else []
    assert after == before, "a refused restore must not add (or prune) backups"


def test_gui_without_a_display_is_a_one_line_error(cli):
    import os as _os

    env = {k: v for k, v in _os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(SERVICE_CENTER_HOME=str(cli.home), SERVICE_CENTER_LANG="en")
    result = subprocess.run([sys.executable, "-m", "app"], capture_output=True, text=True, env=env, timeout=120)
    assert_user_mistake(result, "No display")
