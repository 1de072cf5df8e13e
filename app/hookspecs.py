"""Every hook of Service Center Suite, each a documented stub.

Plugins implement these with ``@hookimpl`` (``from app.hookspecs import hookimpl``) and are
called with keyword arguments only. Hooks return plain data from ``app.specs``, never
ready-made widgets. docs/hooks.md has a section per hook; tests/app/test_hook_docs.py keeps
both in step.
"""

from __future__ import annotations

import pluggy

PROJECT = "service_center"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# ---------------------------------------------------------------- wiring


@hookspec
def permissions():
    """Return the permissions this plugin defines.

    Called at start and when roles are edited.
    :return: a list of :class:`app.specs.PermissionSpec`. A permission whose code is new to
        the database is granted to its ``default_roles`` once; later edits by an
        administrator are kept.
    """


@hookspec
def migration_locations():
    """Return directories holding this plugin's Alembic revisions.

    Called whenever the migration environment is built (start, ``db upgrade``, tests).
    The plugin's first revision carries ``branch_labels=("<plugin name>",)`` and
    ``depends_on`` the core branch.
    :return: a list of absolute directory paths (str).
    """


@hookspec
def translation_files(language):
    """Return compiled Qt translation files (.qm) for ``language`` (e.g. ``"zh_CN"``).

    Called once at start by the GUI and the command line, before any text is shown.
    :return: a list of paths; missing files are ignored.
    """


@hookspec
def cli_commands(subparsers):
    """Add subcommands to the ``service-center`` command line.

    :param subparsers: the ``argparse`` sub-parser collection. Each added parser sets
        ``handler=function(args, ctx) -> int`` through ``set_defaults``; ``ctx`` is an
        :class:`app.context.AppContext` opened on ``--db``.
    """


# ---------------------------------------------------------------- user interface


@hookspec
def nav_pages(ctx):
    """Return the pages this plugin adds to the navigation pane.

    Called after sign-in with the :class:`app.context.AppContext` of the signed-in user.
    :return: a list of :class:`app.specs.PageSpec`; pages whose ``permission`` the user
        lacks are not shown. The factory builds the widget the first time the page opens.
    """


@hookspec
def actions(ctx):
    """Return menu actions, placed by the shell into the menu named by ``ActionSpec.menu``.

    :return: a list of :class:`app.specs.ActionSpec`.
    """


@hookspec
def dashboard_counters(session, actor):
    """Return numbers for the home page (e.g. open tickets, certificates expiring in 30 days).

    :param session: a SQLAlchemy session, read only.
    :param actor: the signed-in :class:`app.auth.actor.Actor`; count only what it may see.
    :return: a list of :class:`app.specs.DashboardCounter`; those naming a ``chart`` are drawn
        as the bars of that chart (e.g. the actor's own open cases per state).
    """


# ---------------------------------------------------------------- data


@hookspec
def demo_data(demo):
    """Add this plugin's demo rows. Deterministic for a given ``demo.rng`` seed.

    Called by ``service-center demo`` after the core created org units and staff.
    :param demo: an :class:`app.specs.DemoContext` with ``session``, ``rng``, ``scale``
        (about that many tickets, everything else in proportion), ``org_units``, ``staff``,
        ``progress(stage, fraction)``, ``cancelled()`` and ``hook`` (to ask other plugins,
        e.g. ``passed_courses``). Do not commit: the caller does. With ``reference_only``
        (``demo --reference`` at HQ) add only reference data (catalogs, types, keys), and
        reuse reference rows already present (pulled from HQ) instead of making new ones.
    """


@hookspec
def sync_tables():
    """Declare how this plugin's tables travel between a node and its parent.

    Called when the capture triggers are installed (after every migration) and by every
    push, pull and bundle. Every table with a ``sync_seq`` column must be declared; a test
    fails otherwise.
    :return: a list of :class:`app.specs.SyncTable`.
    """


@hookspec
def append_only_tables():
    """Name this plugin's append-only tables: ledgers, timelines, logs, written once.

    Called when the capture triggers are installed (at start and after every migration);
    ``app.db.append_only`` then makes the database itself refuse UPDATE, DELETE, REPLACE
    (SQLite) and TRUNCATE (PostgreSQL) on them, whoever writes. Change capture numbering a
    row (``sync_seq`` alone changes) and a sync re-delivery of an identical row go through.
    A refusal raises ``app.db.append_only.AppendOnlyRefused`` (a ``UserError``): a wrong
    row is corrected by a new one.
    :return: a list of table names (str).
    """


@hookspec
def periodic_jobs():
    """Return work the shell repeats while the program runs (e.g. the SLA sweep).

    Called once after sign-in; ``app.periodic.PeriodicRunner`` then runs each job that is
    due in the worker pool, never on the GUI thread, and never two passes of one job at once.
    A failing pass is logged and tried again at the next turn; the other jobs go on.
    :return: a list of :class:`app.specs.PeriodicJob`. ``run(ctx)`` gets the
        :class:`app.context.AppContext`, does one pass in its own transaction and writes only
        rows this node owns (``app.sync.ownership.owned_org_ids``).
    """


@hookspec
def rollup_sections(ctx, period, org_code):
    """Return sheets for the HQ Excel rollup.

    Called by ``export rollup`` and the Export dialog with the :class:`app.context.AppContext`
    of the reader; show only what ``ctx.actor`` may see, and return ``[]`` without the
    permission to see this plugin's figures.
    :param period: an :class:`app.reports.period.Period`, already parsed by the core (never the
        text the user typed): ``start`` (first day), ``end`` (the day after the last),
        ``label`` (e.g. ``"2026Q3"``), ``months()``, and ``start_utc(zone)``/``end_utc(zone)``
        to compare with stored UTC moments; ``app.reports.rollup.period_zone`` gives the zone
        the rollup counts days in.
    :param org_code: the subtree to cover, or None for everything the user may see.
    :return: a list of :class:`app.specs.RollupSection`.
    """


# ---------------------------------------------------------------- between plugins


@hookspec
def can_dispatch(session, check):
    """Veto dispatching an engineer. Every implementation is asked; any veto blocks.

    :param check: an :class:`app.specs.DispatchCheck`.
    :return: ``None`` to allow, or a translated sentence saying why not.
    """


@hookspec
def ticket_closed(session, event):
    """React to a closed ticket (e.g. schedule a follow-up call). Runs in the closing
    transaction: raising aborts the close.

    :param event: an :class:`app.specs.TicketClosed`.
    """


@hookspec
def ticket_reopened(session, event):
    """React to a reopened ticket (e.g. withdraw its due follow-up call). Runs in the reopening
    transaction: raising aborts the reopening.

    :param event: an :class:`app.specs.TicketReopened`.
    """


@hookspec
def case_categories():
    """The categories a case can have, for other plugins' reference data (e.g. one survey per
    category). The plugin that keeps cases answers.

    :return: a list of :class:`app.specs.CaseChoice` in the order users see them; every
        implementation's lists are joined.
    """


@hookspec
def closed_cases(session):
    """Every closed case this database holds, as the ``ticket_closed`` announcement would have
    carried it: for plugins that follow up closes made without that announcement (the demo's
    bulk inserts). Read only. The plugin that keeps cases answers.

    :return: a list of :class:`app.specs.TicketClosed` in closing order; every implementation's
        lists are joined.
    """


@hookspec(firstresult=True)
def reopen_case(session, request, hook):
    """Reopen a closed case because another plugin found it not solved (a follow-up call).

    Runs in the caller's transaction: raising aborts it. The caller has checked its own
    permission (e.g. ``visits.record``); the plugin that keeps cases checks only the case: that
    it may be reopened now (its state, the node that owns it) and raises ``ValidationError`` or
    ``PermissionDenied`` with a translated sentence when not. It records who and why on the
    case's timeline, and announces ``ticket_reopened``.
    :param request: an :class:`app.specs.CaseReopenRequest`.
    :param hook: the caller's ``ctx.hook``, for the announcements the reopening makes.
    :return: the reopened case's number, or ``None`` when no plugin keeps cases.
    """


@hookspec(firstresult=True)
def open_case(session, request):
    """Open a new case for another plugin: a quality complaint after a follow-up call, a fault
    found on an inspection.

    Runs in the caller's transaction: raising aborts it. The caller has checked its own
    permission; the plugin that keeps cases checks the request (customer, category, text,
    owning node) and raises ``ValidationError`` with a translated sentence naming the field.
    A ``related_ticket_id`` is linked both ways on the timelines.
    :param request: an :class:`app.specs.CaseRequest`.
    :return: an :class:`app.specs.OpenedCase`, or ``None`` when no plugin keeps cases.
    """


@hookspec
def case_timeline(session, ticket_id):
    """Lines other plugins add to a case's timeline (e.g. the corrective action a poor
    follow-up score opened, until it is closed). Asked each time the timeline is read.

    :param ticket_id: the case's id (:class:`uuid.UUID`).
    :return: a list of :class:`app.specs.TimelineEntry`, rendered in the reader's language;
        every implementation's lists are joined and shown in time order.
    """


@hookspec
def staff_figures(session, period, org_ids):
    """Figures per person for the staff scorecard, from each plugin's own records.

    Read only. Count what lies in ``period`` (an :class:`app.reports.period.Period`) in the
    units ``org_ids`` (the scorecard's subtree, already kept to what its reader may see).
    The measures each plugin answers are documented with its implementation; the tickets
    plugin answers ``tickets.handled`` (cases closed in the period that the person
    resolved: on site, else remotely) and ``tickets.response_met`` / ``tickets.onsite_met`` /
    ``tickets.resolution_met`` (commitments due in the period met, ``base`` those due).
    :return: a list of :class:`app.specs.StaffFigure`; every implementation's lists are joined.
    """


@hookspec(firstresult=True)
def parts_requested(session, request):
    """Serve parts for a dispatched ticket; the first plugin that answers handles it.

    :param request: an :class:`app.specs.PartsRequest`.
    :return: a list of :class:`app.specs.PartOutcome`, one per line, or ``None`` when no
        plugin keeps stock.
    """


@hookspec
def parts_used(session, usage):
    """Record parts fitted on a repair order (good part out, faulty part back).

    Runs in the repair order's transaction: raising aborts it.
    :param usage: an :class:`app.specs.PartsUsage`.
    """


@hookspec(firstresult=True)
def parts_for_repair(session, request):
    """The parts a ticket's repair order may record, for the engineer to pick instead of typing.

    Read only; asked when the repair order opens. Offer what ``parts_used`` will accept: the
    parts reserved for the ticket (from the depot that holds them), then what is available in
    the engineer's own stock and the ticket's unit's depot, each with the serial numbers on hand
    for a serialised part.
    :param request: an :class:`app.specs.RepairPartsRequest`.
    :return: a list of :class:`app.specs.PartChoice`, reserved parts first, or ``None`` when no
        plugin keeps stock (the parts are then typed).
    """


@hookspec
def engineer_qualification(session, check):
    """What an engineer holds for a job, shown beside each candidate when dispatching (e.g. a
    work certificate that is valid, expiring soon, or missing). Read only; it vetoes nothing:
    ``can_dispatch`` does.

    :param check: an :class:`app.specs.DispatchCheck`.
    :return: an :class:`app.specs.Qualification`, or ``None`` when the plugin has no say;
        every implementation's answer is shown.
    """


@hookspec(firstresult=True)
def part_names(session, part_numbers):
    """The catalogue's names of parts, for printed documents (the repair order's parts table).

    Read only.
    :param part_numbers: the part numbers to name (texts).
    :return: a dict part number -> name for those the catalogue knows, or ``None`` when no
        plugin keeps a parts catalogue.
    """


@hookspec
def passed_courses(session, engineer_id):
    """Courses an engineer has passed (the training plugin answers; certification asks).

    :param engineer_id: the user id of the engineer.
    :return: a list of :class:`app.specs.CoursePass`; every implementation's lists are joined.
    """


@hookspec(firstresult=True)
def course_names(session, course_codes):
    """The course catalogue's titles, for texts that name a course by more than its code (e.g.
    the certification plugin's refusal naming the required courses an engineer has not passed).

    Read only.
    :param course_codes: the course codes to name (texts).
    :return: a dict course code -> title for those the catalogue knows, or ``None`` when no
        plugin keeps a course catalogue.
    """


# ---------------------------------------------------------------- provisioning a child node


@hookspec
def node_secrets(session, org_id):
    """Secrets this plugin hands a child installation being provisioned (e.g. the encrypted
    private halves of its signing keys, which never travel by sync).

    Called by ``hq provision-node`` at the parent, after the child is registered; the answers
    are written into the provisioning file.
    :param session: a SQLAlchemy session, read only.
    :param org_id: the child's org unit id (:class:`uuid.UUID`).
    :return: a dict of JSON-able values whose keys start with the plugin's name (e.g.
        ``"certification.center_keys"``), so that the answers of all plugins join into one
        dict; ``{}`` or ``None`` when there is nothing to hand over.
    """


@hookspec
def node_secrets_received(session, secrets):
    """Store what the parent's ``node_secrets`` answers handed this installation.

    Called at the child by ``init --provision FILE`` and ``sync connect FILE``, every
    plugin in one transaction (raising aborts it). Provisioning again hands the secrets
    again: store them so that a repeat replaces, never doubles.
    :param secrets: the joined dict from the provisioning file; take the keys that start
        with the plugin's name and ignore the rest (they may come from plugins not installed
        here). Empty for a file written where no plugin had secrets.
    """
