"""The ``service-center`` command (docs/architecture.md, The command line). User mistakes: one
line on stderr, exit 2."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app import __version__
from app.cli_parser import CommandParser as _Parser
from app.errors import UserError
from app.i18n import translate

EXIT_USER_ERROR = 2


def build_parser(plugins=None) -> argparse.ArgumentParser:
    parser = _Parser(prog="service-center", description=translate("Cli", "Service Center Suite"))
    parser.add_argument("--db", metavar="URL", help=translate("Cli", "SQLAlchemy URL of the database to use"))
    parser.add_argument("--version", action="version", version=f"service-center {__version__}",
                        help=translate("Cli", "show the version and exit"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    init = sub.add_parser("init", help=translate("Cli", "set up this installation's org unit and administrator"))
    init.add_argument("--provision", type=Path, metavar=translate("Cli", "FILE"),
                      help=translate("Cli", "the provisioning file from the parent (instead of tier, code, name, parent)"))
    init.add_argument("--tier", choices=["hq", "branch", "partner"],
                      help=translate("Cli", "this installation's tier: HQ, branch or partner"))
    init.add_argument("--org-code", metavar=translate("Cli", "CODE"),
                      help=translate("Cli", "the org unit's nationwide code, e.g. BJ"))
    init.add_argument("--org-name", metavar=translate("Cli", "NAME"), help=translate("Cli", "the org unit's name"))
    init.add_argument("--parent", metavar=translate("Cli", "CODE"), help=translate("Cli", "the parent org unit's code"))
    init.add_argument("--admin", required=True, metavar=translate("Cli", "USER"),
                      help=translate("Cli", "the administrator's user name"))
    init.add_argument("--admin-password-file", required=True, type=Path, metavar=translate("Cli", "FILE"),
                      help=translate("Cli", "a text file with the administrator's password on its first line"))
    init.set_defaults(handler=cmd_init, needs_init=False)

    db = sub.add_parser("db", help=translate("Cli", "upgrade, back up or restore the database"))
    db_sub = db.add_subparsers(dest="db_command", required=True, parser_class=_Parser)
    db_sub.add_parser("upgrade", help=translate("Cli", "upgrade the database to this version")).set_defaults(handler=cmd_db_upgrade, needs_init=False, migrate=False)
    backup = db_sub.add_parser("backup", help=translate("Cli", "copy the SQLite database to a backup file"))
    backup.add_argument("--out", type=Path, metavar=translate("Cli", "FOLDER"),
                        help=translate("Cli", "the folder for the backup (default: the backups folder)"))
    backup.set_defaults(handler=cmd_db_backup, needs_init=False, migrate=False)
    restore = db_sub.add_parser("restore", help=translate("Cli", "replace the SQLite database with a backup"))
    restore.add_argument("file", type=Path, metavar=translate("Cli", "FILE"), help=translate("Cli", "the backup file"))
    restore.set_defaults(handler=cmd_db_restore, needs_init=False, migrate=False)
    revision = db_sub.add_parser("revision", help=translate("Cli", "autogenerate a migration on one branch"))
    revision.add_argument("--branch", required=True, metavar=translate("Cli", "BRANCH"),
                          help=translate("Cli", "the migration branch: core or a plugin's name"))
    revision.add_argument("-m", "--message", required=True, metavar=translate("Cli", "TEXT"),
                          help=translate("Cli", "what the migration changes"))
    revision.set_defaults(handler=cmd_db_revision, needs_init=False, migrate=False)

    sub.add_parser("plugins", help=translate("Cli", "list plugins, versions and load errors")).set_defaults(
        handler=cmd_plugins, needs_init=False, migrate=False)

    user = sub.add_parser("user", help=translate("Cli", "add, list or change users"))
    user_sub = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    add = user_sub.add_parser("add", help=translate("Cli", "add a user"))
    add.add_argument("login", metavar=translate("Cli", "USER@ORG"), help=translate("Cli", "user name and org unit code"))
    add.add_argument("--name", default="", metavar=translate("Cli", "NAME"), help=translate("Cli", "the name shown"))
    add.add_argument("--role", action="append", default=[], metavar=translate("Cli", "ROLE"),
                     help=translate("Cli", "a role code; repeat for several roles"))
    add.add_argument("--password-file", type=Path, metavar=translate("Cli", "FILE"),
                     help=translate("Cli", "a text file with the password on its first line (default: ask)"))
    add.set_defaults(handler=cmd_user_add)
    user_sub.add_parser("list", help=translate("Cli", "list the users")).set_defaults(handler=cmd_user_list)
    passwd = user_sub.add_parser("passwd", help=translate("Cli", "set a user's password"))
    passwd.add_argument("login", metavar=translate("Cli", "USER@ORG"), help=translate("Cli", "user name and org unit code"))
    passwd.add_argument("--password-file", type=Path, metavar=translate("Cli", "FILE"),
                        help=translate("Cli", "a text file with the password on its first line (default: ask)"))
    passwd.set_defaults(handler=cmd_user_passwd)

    demo = sub.add_parser("demo", help=translate("Cli", "fill the database with realistic demo data"))
    demo.add_argument("--scale", type=int, default=1000, metavar=translate("Cli", "N"),
                      help=translate("Cli", "about how many tickets (default: 1000)"))
    demo.add_argument("--seed", type=int, default=1, metavar=translate("Cli", "N"),
                      help=translate("Cli", "the same seed makes the same data (default: 1)"))
    demo.add_argument("--reference", action="store_true",
                      help=translate("Cli", "at HQ: only the reference data branches pull (catalogs, types, keys)"))
    demo.set_defaults(handler=cmd_demo)

    export = sub.add_parser("export", help=translate("Cli", "export reports"))
    export_sub = export.add_subparsers(dest="export_command", required=True, parser_class=_Parser)
    rollup = export_sub.add_parser("rollup", help=translate("Cli", "the HQ Excel rollup for a period"))
    rollup.add_argument("--period", required=True, metavar=translate("Cli", "PERIOD"),
                        help=translate("Cli", "2026, 2026Q3, 2026-07 or 2026-07-01..2026-09-30"))
    rollup.add_argument("--org", metavar=translate("Cli", "CODE"), help=translate("Cli", "only this org unit's subtree"))
    rollup.add_argument("--out", required=True, type=Path, metavar=translate("Cli", "FILE"),
                        help=translate("Cli", "the Excel workbook to write"))
    rollup.set_defaults(handler=cmd_export_rollup)

    _add_sync_commands(sub)

    sub.add_parser("smoke", help=translate("Cli", "open every page offscreen and report")).set_defaults(
        handler=cmd_smoke)

    if plugins is not None:
        plugins.hook.cli_commands(subparsers=sub)
    return parser


def _add_sync_commands(sub) -> None:
    sync = sub.add_parser("sync", help=translate("Cli", "exchange data with the parent installation"))
    sync_sub = sync.add_subparsers(dest="sync_command", required=True, parser_class=_Parser)
    push = sync_sub.add_parser("push", help=translate("Cli", "send this subtree's changes to the parent"))
    push.add_argument("--to", metavar=translate("Cli", "URL|FILE"),
                      help=translate("Cli", "the parent's database or a bundle file (default: the connected parent)"))
    push.set_defaults(handler=cmd_sync_push)
    pull = sync_sub.add_parser("pull", help=translate("Cli", "fetch reference data and answers from the parent"))
    pull.add_argument("--from", dest="source", metavar=translate("Cli", "URL|FILE"),
                      help=translate("Cli", "the parent's database or a bundle file (default: the connected parent)"))
    pull.set_defaults(handler=cmd_sync_pull)
    sync_sub.add_parser("status", help=translate("Cli", "where this node stands")).set_defaults(handler=cmd_sync_status)
    connect = sync_sub.add_parser("connect", help=translate("Cli", "remember the parent (provisioning file or URL)"))
    connect.add_argument("target", metavar=translate("Cli", "URL|FILE"),
                         help=translate("Cli", "the parent's database URL or the provisioning file"))
    connect.add_argument("--every", type=int, metavar=translate("Cli", "MINUTES"),
                         help=translate("Cli", "sync automatically every so many minutes while the app runs (0: off)"))
    connect.set_defaults(handler=cmd_sync_connect)
    export = sync_sub.add_parser("export", help=translate("Cli", "write an offline bundle"))
    export.add_argument("file", type=Path, metavar=translate("Cli", "FILE"), help=translate("Cli", "the bundle file to write"))
    export.add_argument("--full", action="store_true", help=translate("Cli", "everything, not only what is new"))
    export.add_argument("--for", dest="for_code", metavar=translate("Cli", "CODE"),
                        help=translate("Cli", "a bundle for a child that cannot connect"))
    export.set_defaults(handler=cmd_sync_export)
    imported = sync_sub.add_parser("import", help=translate("Cli", "apply an offline bundle"))
    imported.add_argument("file", type=Path, metavar=translate("Cli", "FILE"), help=translate("Cli", "the bundle file"))
    imported.set_defaults(handler=cmd_sync_import)

    hq = sub.add_parser("hq", help=translate("Cli", "manage the child installations of this one"))
    hq_sub = hq.add_subparsers(dest="hq_command", required=True, parser_class=_Parser)
    node = hq_sub.add_parser("provision-node", help=translate("Cli", "give a branch or partner what it needs to sync"))
    node.add_argument("code", metavar=translate("Cli", "CODE"), help=translate("Cli", "the child's org unit code"))
    node.add_argument("--out", type=Path, metavar=translate("Cli", "FILE"), help=translate("Cli", "write the provisioning file here"))
    node.add_argument("--parent-url", metavar="URL",
                      help=translate("Cli", "how the child reaches this database (default: this URL)"))
    node.add_argument("--name", metavar=translate("Cli", "NAME"), help=translate("Cli", "create the org unit one tier below this one if it is new"))
    node.set_defaults(handler=cmd_hq_provision_node)


def main(argv: list[str] | None = None) -> int:
    from app.log_file import start_logging

    start_logging()
    from app.config import load_config
    from app.plugins import get_plugin_manager

    argv = sys.argv[1:] if argv is None else list(argv)
    config = load_config()
    command = _command_word(argv)
    try:
        if command is None and not {"-h", "--help", "--version"} & set(argv):
            # The desktop app: show a window first, load plugins and the database behind it.
            from app.ui.application import run_gui

            db = build_parser().parse_args(argv).db
            if _no_display():
                raise UserError(translate("Cli", "No display: start the app from a desktop session "
                                                 "(or set QT_QPA_PLATFORM=offscreen)."))
            return run_gui(config, db)
        plugins = get_plugin_manager(disabled=config.disabled_plugins)
        _install_translations(config, plugins, gui=command == "smoke", offscreen=command == "smoke")
        args = build_parser(plugins).parse_args(argv)
        return _run(args, config, plugins)
    except UserError as exc:
        print(f"service-center: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:
        message = _database_problem(exc)
        if message is None:
            raise
        print(f"service-center: {message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


def _database_problem(exc: Exception) -> str | None:
    """A database that cannot be reached or read is the user's to fix: say so in one line."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        return translate("Cli", "The database cannot be used: {detail}").format(detail=detail)
    return None


def _no_display() -> bool:
    """Qt aborts the process without a display; on Linux, say so in one line instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _command_word(argv: list[str]) -> str | None:
    """The subcommand, found before parsing so the right Qt application object exists first."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word == "--db":
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def _install_translations(config, plugins, gui: bool, offscreen: bool) -> None:
    from app.ui.qt_app import ensure_application
    from app.ui.translation import install_translations

    ensure_application(gui=gui, offscreen=offscreen)
    install_translations(config.effective_language, plugins)


def _run(args, config, plugins) -> int:
    from app.runtime import is_initialized, open_context

    ctx = open_context(config, args.db, migrate_now=getattr(args, "migrate", True), plugins=plugins)
    if getattr(args, "needs_init", True) and not is_initialized(ctx):
        raise UserError(translate("Cli", "The database is not set up yet: run “service-center init” first."))
    return args.handler(args, ctx) or 0


def read_password(path: Path | None, prompt: str) -> str:
    if path is None:
        if not sys.stdin.isatty():
            raise UserError(translate("Cli", "Give the password with --password-file."))
        return getpass.getpass(prompt)
    try:
        # utf-8-sig: Notepad on Windows writes a byte-order mark that must not become part of the password.
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise UserError(translate("Cli", "Cannot read the password file {path} (it must be UTF-8 text).").format(
            path=path)) from None
    if not text.strip():
        raise UserError(translate("Cli", "The password file {path} is empty: put the password on its first line.")
                        .format(path=path))
    password = text.splitlines()[0].strip()
    if not password:
        raise UserError(translate(
            "Cli", "The first line of the password file {path} is blank: the password must be on the first line."
        ).format(path=path))
    return password


def system_actor_for(ctx, session):
    from app.auth.actor import system_actor
    from app.runtime import all_permission_specs, node_org

    codes = frozenset(s.code for s in all_permission_specs(ctx.plugins))
    return system_actor(node_org(ctx, session), codes)


# ------------------------------------------------------------------ handlers


def cmd_init(args, ctx) -> int:
    from app.setup import initialize

    password = read_password(args.admin_password_file, "")
    if args.provision:
        from app.sync.service import setup_from_provisioning

        org = setup_from_provisioning(ctx, args.provision, args.admin, password)
        print(translate("Cli", "Set up {code} {name}; administrator {user}@{code}.").format(
            code=org.code, name=org.name, user=args.admin))
        return 0
    if not (args.tier and args.org_code and args.org_name):
        raise UserError(translate("Cli", "Give --tier, --org-code and --org-name, or --provision FILE."))
    with ctx.transaction() as session:
        org = initialize(session, tier=args.tier, code=args.org_code, name=args.org_name,
                         parent_code=args.parent, admin_username=args.admin, admin_password=password)
        print(translate("Cli", "Set up {code} {name}; administrator {user}@{code}.").format(
            code=org.code, name=org.name, user=args.admin))
    return 0


def cmd_db_upgrade(args, ctx) -> int:
    from app.runtime import upgrade_with_backup

    changed = upgrade_with_backup(ctx)
    print(translate("Cli", "Database upgraded.") if changed else translate("Cli", "Database already up to date."))
    return 0


def cmd_db_backup(args, ctx) -> int:
    from app.config import backups_dir
    from app.db.backup import backup_sqlite, sqlite_path

    path = sqlite_path(ctx.engine)
    if path is None:
        raise UserError(translate("Cli", "Backups here cover the embedded SQLite database; use pg_dump for PostgreSQL."))
    target = backup_sqlite(path, args.out or backups_dir(), keep=ctx.config.backups_to_keep)
    print(target)
    return 0


def cmd_db_restore(args, ctx) -> int:
    from app.db.backup import sqlite_path
    from app.db.restore import restore_sqlite

    path = sqlite_path(ctx.engine)
    if path is None:
        raise UserError(translate("Cli", "Restore replaces the embedded SQLite database only; restore a PostgreSQL "
                                         "database with pg_restore from a pg_dump file."))
    ctx.engine.dispose()  # this command's own connections must not count as "in use"
    kept = restore_sqlite(args.file, path, ctx.plugins)
    print(translate("Cli", "Restored {path}.").format(path=args.file))
    if kept is not None:
        print(translate("Cli", "The database it replaced is kept as {path}.").format(path=kept))
    return 0


def cmd_db_revision(args, ctx) -> int:
    from app.db.migrate import MIGRATIONS_DIR, new_revision

    prefixes = {"core": "core_", **{n: f"{n}_" for n in ctx.plugins.loaded_names()}}
    if args.branch not in prefixes:
        raise UserError(translate("Cli", "No branch {branch}.").format(branch=args.branch))
    directory = str(MIGRATIONS_DIR / "versions")
    if args.branch != "core":
        module = ctx.plugins.pm.get_plugin(args.branch)
        directory = str(Path(module.__file__).parent / "migrations")
    new_revision(ctx.engine, ctx.plugins, args.branch, args.message, directory, prefixes)
    return 0


def cmd_plugins(args, ctx) -> int:
    for record in ctx.plugins.records:
        line = f"{record.name:<16} {record.version:<10} {record.status}"
        print(line + (f"  {record.error}" if record.error else ""))
    return 0


def cmd_user_add(args, ctx) -> int:
    from app.auth.service import create_user

    name, _, org = args.login.partition("@")
    password = read_password(args.password_file, translate("Cli", "Password: "))
    with ctx.transaction() as session:
        actor = system_actor_for(ctx, session)
        create_user(session, actor, org_code=org or actor.org_code, username=name, password=password,
                    display_name=args.name, roles=args.role)
    print(translate("Cli", "Added {login}.").format(login=args.login if org else f"{name}@{actor.org_code}"))
    return 0


def cmd_user_list(args, ctx) -> int:
    from app.auth.service import list_users
    from app.orgs.models import OrgUnit

    with ctx.reading() as session:
        actor = system_actor_for(ctx, session)
        for user in list_users(session, actor):
            org = session.get(OrgUnit, user.org_id)
            state = "" if user.active else translate("Cli", " (inactive)")
            print(f"{user.username}@{org.code}\t{user.display_name}\t{','.join(sorted(user.role_codes))}{state}")
    return 0


def cmd_user_passwd(args, ctx) -> int:
    from app.auth.service import find_user, set_password

    with ctx.transaction() as session:
        actor = system_actor_for(ctx, session)
        user = find_user(session, args.login, actor.org_code)
        if user is None:
            raise UserError(translate("Cli", "No user {login}.").format(login=args.login))
        set_password(session, actor, user, read_password(args.password_file, translate("Cli", "New password: ")))
    print(translate("Cli", "Password changed."))
    return 0


def cmd_demo(args, ctx) -> int:
    from app.demo import load

    if args.scale < 1:
        raise UserError(translate("Cli", "--scale must be at least 1."))
    summary = load(ctx, _installation_actor(ctx), scale=args.scale, seed=args.seed, reference_only=args.reference,
                   progress=lambda stage, f: print(f"{stage} {f:.0%}", file=sys.stderr))
    print(summary)
    return 0


def cmd_export_rollup(args, ctx) -> int:
    from app.reports.period import parse_period
    from app.reports.rollup import write_rollup

    period = parse_period(args.period)
    if not args.out.parent.is_dir():
        raise UserError(translate("Database", "The folder {folder} does not exist.").format(folder=args.out.parent))
    with ctx.reading() as session:
        actor = system_actor_for(ctx, session)
        if args.org:
            from app.orgs.service import get_by_code

            get_by_code(session, args.org)
    sheets = write_rollup(ctx.signed_in(actor), period, args.org, args.out)
    print(translate("Cli", "Wrote {n} sheets to {path}.").format(n=sheets, path=args.out))
    return 0


def cmd_smoke(args, ctx) -> int:
    from app.ui.smoke import run_smoke

    return run_smoke(ctx)


# ------------------------------------------------------------------ sync


def _installation_actor(ctx):
    """Commands act as the installation itself, with every permission."""
    with ctx.reading() as session:
        return system_actor_for(ctx, session)


def _sync_progress(label: str):
    return lambda fraction: print(f"{label} {fraction:.0%}", file=sys.stderr)


def cmd_sync_push(args, ctx) -> int:
    from app.sync import service

    actor = _installation_actor(ctx)
    result = service.push(ctx, actor, args.to, progress=_sync_progress(translate("Cli", "push")))
    print(service.describe(result))
    return 0


def cmd_sync_pull(args, ctx) -> int:
    from app.sync import service

    actor = _installation_actor(ctx)
    result = service.pull(ctx, actor, args.source, progress=_sync_progress(translate("Cli", "pull")))
    print(service.describe(result))
    return 0


def cmd_sync_connect(args, ctx) -> int:
    from app.sync import service

    actor = _installation_actor(ctx)
    where = service.connect(ctx, actor, args.target, args.every)
    print(translate("Cli", "Parent set: {where}.").format(where=where or translate("Cli", "bundles only")))
    return 0


def cmd_sync_status(args, ctx) -> int:
    from app.sync import service

    actor = _installation_actor(ctx)
    status = service.status(ctx, actor)
    never = translate("Cli", "never")
    print(translate("Cli", "Node {node}, parent {parent} ({where}).").format(
        node=status.node_code, parent=status.parent_code or "—", where=status.parent or translate("Cli", "not connected")))
    print(translate("Cli", "Changes not yet confirmed by the parent: {n}.").format(n=status.pending))
    for label, last in ((translate("Cli", "Last push"), status.last_push), (translate("Cli", "Last pull"), status.last_pull)):
        print(f"{label}: {last.get('ok_at', never) or never}" + (f"  ({last['error']})" if last.get("error") else ""))
    print(translate("Cli", "Conflicts kept: {c}; rows refused: {e}.").format(c=status.conflicts, e=status.errors))
    for child in status.children:
        print(translate("Cli", "Child {code}: last push {push}, last pull {pull}").format(
            code=child.code, push=child.last_push_at or never, pull=child.last_pull_at or never))
    return 0


def cmd_sync_export(args, ctx) -> int:
    from app.sync import service

    actor = _installation_actor(ctx)
    result = service.export_bundle(ctx, actor, args.file, full=args.full, for_code=args.for_code)
    print(translate("Cli", "Wrote {rows} rows (changes {start}–{end}) to {path}.").format(
        rows=result.rows, start=result.from_seq, end=result.to_seq, path=args.file))
    return 0


def cmd_sync_import(args, ctx) -> int:
    from app.sync import service

    actor = _installation_actor(ctx)
    result = service.import_bundle(ctx, actor, args.file)
    if result.already:
        print(translate("Cli", "{path} was imported before; nothing changed.").format(path=args.file))
    else:
        print(translate("Cli", "Applied {rows} rows from {node} ({conflicts} conflicts kept, {errors} refused).").format(
            rows=result.report.rows, node=result.node_code, conflicts=result.report.conflicts,
            errors=result.report.errors))
    return 0


def cmd_hq_provision_node(args, ctx) -> int:
    from app.sync import service

    actor = _installation_actor(ctx)
    result = service.provision_node(ctx, actor, args.code, args.out, args.parent_url, name=args.name)
    if args.out:
        print(translate("Cli", "Provisioned {code}; give {path} to its administrator (it holds a password: keep it "
                               "safe).").format(code=result.node_code, path=args.out))
    else:
        print(result.to_json())
    return 0
