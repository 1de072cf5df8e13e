"""Spare parts plugin: hookimpls only (thin wiring), calling the door ``service``."""

from pathlib import Path

from app.auth.roles import BRANCH_MANAGER, DISPATCHER, FIELD_ENGINEER, HQ_ANALYST
from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import DashboardCounter, PageSpec, PeriodicJob, PermissionSpec, SyncTable
from plugins.inventory import permissions as codes  # permission codes only; the door loads on first use

HERE = Path(__file__).parent


@hookimpl
def permissions():
    return [
        PermissionSpec(codes.VIEW, translate("Inventory", "See spare parts"),
                       (DISPATCHER, FIELD_ENGINEER, BRANCH_MANAGER, HQ_ANALYST)),
        PermissionSpec(codes.MOVE, translate("Inventory", "Move stock: receive, transfer, return"),
                       (DISPATCHER, BRANCH_MANAGER)),
        PermissionSpec(codes.STOCKTAKE, translate("Inventory", "Take stock and adjust balances"), (BRANCH_MANAGER,)),
        PermissionSpec(codes.DEPOTS, translate("Inventory", "Manage depots and stock levels"), (BRANCH_MANAGER,)),
        PermissionSpec(codes.CATALOG, translate("Inventory", "Maintain the parts catalog (HQ)")),
    ]


@hookimpl
def migration_locations():
    return [str(HERE / "migrations")]


@hookimpl
def translation_files(language):
    return [str(HERE / "i18n" / f"inventory_{language}.qm")]


@hookimpl
def nav_pages(ctx):
    def depots(context):
        from plugins.inventory.views.depot_page import DepotPage

        return DepotPage(context)

    def catalog(context):
        from plugins.inventory.views.catalog_page import CatalogPage

        return CatalogPage(context)

    return [PageSpec("inventory.main", translate("Inventory", "Spare parts"), "fa5s.boxes", depots, codes.VIEW,
                     order=20),
            PageSpec("inventory.catalog", translate("Inventory", "Parts catalog"), "fa5s.book", catalog,
                     codes.VIEW, order=21)]


@hookimpl
def dashboard_counters(session, actor):
    if not actor.has(codes.VIEW):
        return []
    from plugins.inventory.service import count_low_stock

    low = count_low_stock(session, actor)
    return [DashboardCounter("inventory.low_stock", translate("Inventory", "Parts below minimum stock"), low,
                             "warning" if low else "info")]


@hookimpl
def parts_requested(session, request):
    from plugins.inventory.service import serve_parts_request

    return serve_parts_request(session, request)


@hookimpl
def parts_used(session, usage):
    from plugins.inventory.service import record_parts_usage

    record_parts_usage(session, usage)


@hookimpl
def parts_for_repair(session, request):
    from plugins.inventory.service import repair_part_choices

    return repair_part_choices(session, request)


@hookimpl
def part_names(session, part_numbers):
    from plugins.inventory.service import part_names as catalogue_names

    return catalogue_names(session, part_numbers)


@hookimpl
def rollup_sections(ctx, period, org_code):
    from plugins.inventory.service import rollup_sections as inventory_sections

    return inventory_sections(ctx, period, org_code)


@hookimpl
def demo_data(demo):
    from plugins.inventory.service import generate_demo

    generate_demo(demo)


RECEIVED_CATCH_UP_SECONDS = 60  # HQ's stock figures for a branch depot trail its push by a minute at most


def catch_up_received(ctx) -> int:
    """One pass over the movements received by sync, in its own transaction."""
    from plugins.inventory.service import catch_up_received as catch_up

    with ctx.transaction() as session:
        return catch_up(session)


@hookimpl
def periodic_jobs():
    return [PeriodicJob("inventory.received_catch_up", RECEIVED_CATCH_UP_SECONDS, catch_up_received)]


@hookimpl
def append_only_tables():
    return ["inventory_movements"]  # the stock ledger


@hookimpl
def sync_tables():
    return [
        SyncTable("inventory_parts", "down", owner=None),
        *(SyncTable(name, "up") for name in ("inventory_depots", "inventory_stock_levels", "inventory_movements",
                                             "inventory_transfers", "inventory_part_requests")),
        # Where each serial is follows from the ledger of the node that moves it.
        SyncTable("inventory_serial_units", "local"),
    ]
