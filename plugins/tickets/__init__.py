"""Tickets plugin: hookimpls only (thin wiring). They reach the plugin through its door,
``plugins.tickets.service``, imported when first used; the permission codes load at start-up
(``permissions``: codes and their labels, nothing else), so the app starts without the domain."""

from pathlib import Path

from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import ActionSpec, CaseChoice, DashboardCounter, PageSpec, PeriodicJob, SyncTable
from plugins.tickets.permissions import CREATE, VIEW, permission_specs

# The service modules (openpyxl, the PostgreSQL dialect…) load when first used, not at start-up.

HERE = Path(__file__).parent


@hookimpl
def permissions():
    return permission_specs()


@hookimpl
def migration_locations():
    return [str(HERE / "migrations")]


@hookimpl
def translation_files(language):
    return [str(HERE / "i18n" / f"tickets_{language}.qm")]


def _page(module: str, class_name: str):
    def build(context):
        import importlib

        return getattr(importlib.import_module(f"plugins.tickets.views.{module}"), class_name)(context)

    return build


@hookimpl
def nav_pages(ctx):
    return [
        PageSpec("tickets.list", translate("Tickets", "Tickets"), "fa5s.list", _page("list_page", "TicketListPage"),
                 VIEW, order=10),
        PageSpec("tickets.queue", translate("Tickets", "My queue"), "fa5s.tasks", _page("queue_page", "MyQueuePage"),
                 VIEW, order=11),
        PageSpec("tickets.response_center", translate("Tickets", "Response center"), "fa5s.headset",
                 _page("queue_page", "ResponseCenterPage"), VIEW, order=12),
    ]


@hookimpl
def actions(ctx):
    def new_ticket(context, window):
        from plugins.tickets.views.list_page import new_ticket_from_shell

        new_ticket_from_shell(context, window)

    # Ctrl+N from any page: a call comes in whatever the engineer is looking at
    return [ActionSpec("tickets.new", "file", translate("Tickets", "New ticket…"), new_ticket, "fa5s.plus", CREATE,
                       shortcut="New")]


@hookimpl
def dashboard_counters(session, actor):
    if not actor.has(VIEW):
        return []
    from plugins.tickets.service import breach_counts

    counts = breach_counts(session, actor)  # the response center's figures
    return [DashboardCounter("tickets.open", translate("Tickets", "Open tickets"), counts.open, "info"),
            DashboardCounter("tickets.breached", translate("Tickets", "Tickets past a response-time target"),
                             counts.breached, "critical" if counts.breached else "info"),
            *_my_cases_by_state(session, actor)]


def _my_cases_by_state(session, actor) -> list[DashboardCounter]:
    """The actor's own open cases per state, as one chart: for field engineers always, for others
    when cases are assigned to them."""
    from app.auth.roles import FIELD_ENGINEER
    from plugins.tickets.service import OPEN_STATES, breach_counts, state_label

    mine = breach_counts(session, actor, mine=True)
    if not mine.open and FIELD_ENGINEER not in actor.roles:
        return []
    title = translate("Tickets", "My open cases by state")
    return [DashboardCounter(f"tickets.mine.{state}", state_label(state), mine.by_state.get(state, 0), chart=title)
            for state in OPEN_STATES]


@hookimpl
def demo_data(demo):
    from plugins.tickets.service import generate_demo

    generate_demo(demo)


@hookimpl
def rollup_sections(ctx, period, org_code):
    from plugins.tickets.service import rollup_sections as sections

    return sections(ctx, period, org_code)


@hookimpl
def case_categories():
    from plugins.tickets.service import CATEGORIES, category_label

    return [CaseChoice(code, category_label(code)) for code in CATEGORIES]


@hookimpl
def closed_cases(session):
    from plugins.tickets.service import closed_cases as cases

    return cases(session)


@hookimpl
def reopen_case(session, request, hook):
    from plugins.tickets.service import reopen_requested

    return reopen_requested(session, request, hook)


@hookimpl
def open_case(session, request):
    from plugins.tickets.service import open_requested

    return open_requested(session, request)


@hookimpl
def staff_figures(session, period, org_ids):
    from plugins.tickets.service import staff_figures as figures

    return figures(session, period, org_ids)


SLA_SWEEP_SECONDS = 60  # warnings and breaches show within a minute of falling due


def sweep_sla(ctx) -> int:
    """One pass of the SLA sweep in its own transaction (on the tickets this node owns)."""
    from plugins.tickets.service import sweep_sla as sweep

    with ctx.transaction() as session:
        return sweep(session)


RECEIVED_INDEX_SECONDS = 60  # a branch's resolved case is found at HQ a minute after it arrives


def index_received(ctx) -> int:
    """One pass of the similar-case index over tickets received by sync, in its own transaction."""
    from plugins.tickets.service import catch_up_received

    with ctx.transaction() as session:
        return catch_up_received(session)


@hookimpl
def periodic_jobs():
    return [PeriodicJob("tickets.sla_sweep", SLA_SWEEP_SECONDS, sweep_sla),
            PeriodicJob("tickets.received_index", RECEIVED_INDEX_SECONDS, index_received)]


@hookimpl
def cli_commands(subparsers):
    from plugins.tickets.cli import add_commands

    add_commands(subparsers)


# What an upper tier writes on a case (a note, an expert answer) is its own row and reaches
# the node that owns the ticket through the ticket's org unit.
ON_TICKET = "(SELECT t.org_id FROM tickets_tickets t WHERE t.id = ticket_id)"


@hookimpl
def append_only_tables():
    return ["tickets_events"]  # the timeline: who did what on a case


@hookimpl
def sync_tables():
    return [
        *(SyncTable(name, "up") for name in ("tickets_tickets", "tickets_repair_parts")),
        *(SyncTable(name, "up", audience=ON_TICKET) for name in (
            "tickets_events", "tickets_remote_sessions", "tickets_repair_orders", "tickets_escalations",
            "tickets_emergency_steps")),
    ]
