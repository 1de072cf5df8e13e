"""The spare parts plugin's door: what its views, hooks and commands may call. No Qt here.

Every other module of the plugin is private behind this one (an import-linter contract says so).
Functions that act for a user take ``(session, actor, ...)`` and raise ``ValidationError`` /
``PermissionDenied`` / ``NotFound`` with a translated message; run changes in ``ctx.transaction()``.

Permissions: each operation below that takes an actor checks the actor's permission here, once,
on entry (``guarded``: the permission is written next to the operation). The domain modules
behind the door check no permission; they keep every query to the depots and rows the actor's
org scope allows, and hold the invariants (stock never below zero, one serial per ledger row).
Functions without an actor act for no user (hooks from other plugins, sync, demo); a question a
page asks to offer an action (``may_import_catalog``) answers without refusing (``UNGUARDED``).

Depots and stock (stock.py; the ledger itself is ledger.py)
    visible_depots / all_depots / get_depot / pending_transfers / depot_balances / low_stock /
    count_low_stock / stock_value / movements_page                              (inventory.view)
    depot_stock(session, actor, depot_id) -> [PartChoice]: what can be taken out now, with the
        serial numbers on hand (the transfer dialog picks from it)                (inventory.view)
    export_ledger / export_balances (exports.py: the depot page's lists to Excel)  (inventory.view)
    create_depot / set_level                                                    (inventory.depots)
    receive / send_defective_to_hq / send_transfer / receive_transfer            (inventory.move)
    adjust                                                                      (inventory.stocktake)
Parts catalog (catalog.py): list_parts / export_catalog(search=) (view); import_catalog (catalog, at HQ)
Every export writes through ``app.reports.workbook`` (user text stays text; a cancel or a failure
leaves no file), takes ``path, progress=, cancelled=`` and returns the rows written.
Stocktake (stocktake.py): export_count_sheet / preview_stocktake / apply_stocktake (stocktake)
Part requests and hit rate (part_requests.py): cancel_requests / return_unused (move); hit_rates (view)
Hooks: serve_parts_request / record_parts_usage / repair_part_choices (``parts_requested`` /
    ``parts_used`` / ``parts_for_repair``), part_names (``part_names``: the catalogue's names),
    catch_up_received (the periodic job), rollup_sections, generate_demo
"""

from __future__ import annotations

from app.auth.actor import Actor
from app.auth.door import guarded
from app.errors import PermissionDenied
from app.i18n import translate
from plugins.inventory import catalog, exports, part_requests, stock, stocktake
from plugins.inventory.catalog import CatalogImportError, ImportResult
from plugins.inventory.ledger import InsufficientStock
from plugins.inventory.models import DEPOT_KINDS
from plugins.inventory.part_requests import HitRate, total_hit_rate
from plugins.inventory.permissions import CATALOG, DEPOTS, MOVE, STOCKTAKE, VIEW
from plugins.inventory.stock import BalanceRow, PendingTransfer, kind_label
from plugins.inventory.stocktake import Difference

__all__ = [
    "CATALOG", "DEPOTS", "MOVE", "STOCKTAKE", "VIEW", "DEPOT_KINDS",
    "BalanceRow", "CatalogImportError", "Difference", "HitRate", "ImportResult", "InsufficientStock",
    "PendingTransfer",
    "adjust", "all_depots", "apply_stocktake", "cancel_requests", "catalog_headers", "catch_up_received",
    "count_low_stock", "create_depot", "depot_balances", "export_balances", "export_catalog", "export_count_sheet",
    "export_ledger", "depot_stock", "part_names", "repair_part_choices",
    "generate_demo", "get_depot", "hit_rates", "import_catalog", "kind_label", "list_parts", "low_stock",
    "may_import_catalog", "movements_page", "pending_transfers", "preview_stocktake", "receive", "receive_transfer",
    "record_parts_usage", "return_unused", "rollup_sections", "send_defective_to_hq", "send_transfer",
    "serve_parts_request", "set_level", "stock_value", "total_hit_rate", "visible_depots",
]


UNGUARDED = {
    "may_import_catalog": "a question the catalog page asks to offer the import, not an operation",
}


def may_import_catalog(actor: Actor) -> bool:
    """Whether the actor may change the parts catalog: HQ reference data, changed at HQ only."""
    return actor.has(CATALOG) and actor.tier == "hq"


def _hq_catalog(actor: Actor) -> None:
    actor.require(CATALOG)
    if not may_import_catalog(actor):
        raise PermissionDenied(translate("Inventory", "The parts catalog is HQ reference data: change it at HQ."))


# ---------------------------------------------------------------- depots and stock

visible_depots = guarded(VIEW, stock.visible_depots)
all_depots = guarded(VIEW, stock.all_depots)
get_depot = guarded(VIEW, stock.get_depot)
pending_transfers = guarded(VIEW, stock.pending_transfers)
depot_balances = guarded(VIEW, stock.depot_balances)
low_stock = guarded(VIEW, stock.low_stock)
count_low_stock = guarded(VIEW, stock.count_low_stock)
stock_value = guarded(VIEW, stock.stock_value)
movements_page = guarded(VIEW, stock.movements_page)
depot_stock = guarded(VIEW, stock.depot_stock)
export_ledger = guarded(VIEW, exports.export_ledger)
export_balances = guarded(VIEW, exports.export_balances)

create_depot = guarded(DEPOTS, stock.create_depot)
set_level = guarded(DEPOTS, stock.set_level)

receive = guarded(MOVE, stock.receive)
send_defective_to_hq = guarded(MOVE, stock.send_defective_to_hq)
send_transfer = guarded(MOVE, stock.send_transfer)
receive_transfer = guarded(MOVE, stock.receive_transfer)

adjust = guarded(STOCKTAKE, stock.adjust)

# ---------------------------------------------------------------- catalog, stocktake, part requests

catalog_headers = catalog.headers
list_parts = guarded(VIEW, catalog.list_parts)
export_catalog = guarded(VIEW, catalog.export_catalog)
import_catalog = guarded(_hq_catalog, catalog.import_catalog)

export_count_sheet = guarded(STOCKTAKE, stocktake.export_count_sheet)
preview_stocktake = guarded(STOCKTAKE, stocktake.preview)
apply_stocktake = guarded(STOCKTAKE, stocktake.apply)

cancel_requests = guarded(MOVE, part_requests.cancel_requests)
return_unused = guarded(MOVE, part_requests.return_unused)
hit_rates = guarded(VIEW, part_requests.hit_rates)

# ---------------------------------------------------------------- for hooks: no acting user

serve_parts_request = part_requests.serve
record_parts_usage = part_requests.record_usage
repair_part_choices = part_requests.repair_choices
part_names = catalog.part_names


def catch_up_received(session) -> int:
    """Balances and serial places for movements that arrived by sync (``received.catch_up``);
    returns how many (depot, part) balances were recomputed. No permission: it only derives
    local rows from the ledger.

    The reads above do not run it first: pages and the dashboard read in sessions that commit
    nothing, and a pass locks balance rows a branch depot's page has no reason to wait for. The
    periodic job ``inventory.received_catch_up`` runs it every minute, a small delay next to the
    minutes a push already takes to arrive.
    """
    from plugins.inventory import received

    return received.catch_up(session)


def rollup_sections(ctx, period, org_code):
    """The inventory sheets of the HQ rollup; none for a reader without ``inventory.view``
    (the rollup shows only what its reader may see)."""
    if ctx.actor is None or not ctx.actor.has(VIEW):
        return []
    from plugins.inventory import reports

    return reports.rollup_sections(ctx, period, org_code)


def generate_demo(demo) -> None:
    """The ``demo_data`` hook: catalog, depots, stock and part requests."""
    from plugins.inventory import demo as demo_rows

    demo_rows.generate(demo)
