"""Tickets plugin: hookimpls only (thin wiring)."""

from pathlib import Path

from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import DashboardCounter, PageSpec
from plugins.tickets import models, search_models, service  # noqa: F401  (models register their tables)
from plugins.tickets.permissions import permission_specs
from plugins.tickets.queries import open_and_breached_counts

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


@hookimpl
def nav_pages(ctx):
    def build(context):
        from plugins.tickets.views.main_page import MainPage

        return MainPage(context)

    return [PageSpec("tickets.main", translate("Tickets", "Tickets"), "fa5s.headset", build, service.VIEW, order=10)]


@hookimpl
def dashboard_counters(session, actor):
    if not actor.has(service.VIEW):
        return []
    open_count, breached = open_and_breached_counts(session, actor)
    return [DashboardCounter("tickets.open", translate("Tickets", "Open tickets"), open_count, "info"),
            DashboardCounter("tickets.breached", translate("Tickets", "Tickets past a response-time target"),
                             breached, "critical" if breached else "info")]


@hookimpl
def demo_data(demo):
    from plugins.tickets.demo import generate

    generate(demo)


@hookimpl
def rollup_sections(ctx, period, org_code):
    from plugins.tickets.reports import rollup_sections as sections

    return sections(ctx, period, org_code)
