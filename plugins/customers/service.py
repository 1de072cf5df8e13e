"""The customer registry's door: customers, their sites, contacts and machines (assets), and the
HQ service packages. This plugin's views and hooks, and the plugins that build on the registry
(tickets, visits), import this module and nothing else of the plugin. No Qt here.

Functions that act for a user take ``(session, actor, ...)`` and raise ``ValidationError`` /
``PermissionDenied`` / ``NotFound`` with a translated message. Run changes in ``ctx.transaction()``.
A unit that keeps its own database changes its customers there and nowhere else; elsewhere
changes raise ``PermissionDenied`` saying why.

Permissions: each operation below that takes an actor checks the actor's permission here, once,
on entry (``guarded``: the permission is written next to the operation): customers.view to read,
tickets.customers (``MANAGE``) to add, change, retire and import, tickets.packages at HQ to
change service packages. The domain modules behind the door check no permission; they keep to
the rows the actor's org scope allows and to the units this installation writes for. The
exceptions are the look-ups for other plugins at work (``UNGUARDED``): their caller checked
its own permission, so they only keep to the actor's scope.

Writes go through the functions below only. Other plugins may READ the mapped classes exported
here (``Customer``, ``CustomerSite``, ``Contact``, ``Asset``, ``ServicePackage``) in their own
SELECT statements, to join a customer's name into a large list without a second query, and keep
to the rows their own scope allows; they never add, change or delete these rows, and they keep
their own foreign keys to ``Customer.id`` and ``Asset.id``.

Customers (registry.py)
    create_customer(session, actor, name=, region="", org_id=None) -> Customer
    update_customer(session, actor, customer_id, name=, region="") -> Customer
    retire_customer(session, actor, customer_id) -> Customer   (``deleted_at`` set; old cases keep it)
    get_customer(session, actor, customer_id) -> Customer      (retired ones too)
    search_customers(session, actor, text="", limit=50, org_id=None, subtree=False) -> [Customer]
        live ones by name prefix; ``org_id``/``subtree``: the org filter (``app.orgs.scope.org_filter``)
    list_customers(session, actor, text="", limit=500, org_id=None, subtree=False) -> CustomerList
        the customers page: name contains / region starts with ``text``; rows of CustomerRow
    export_customers(session, actor, path, text="", org_id=None, subtree=False, progress=None, cancelled=None)
        -> rows written: every customer that filter finds, to Excel through ``app.reports.workbook`` (exports.py)
    customer_details(session, actor, customer_id) -> {"customer", "sites", "contacts", "assets"}
    available_actions(session, actor, customer_id=None) -> [CustomerAction(id, label, enabled, reason)]
    units_for_new_customer(session, actor) -> [UnitChoice]

Sites, contacts, machines (installed_base.py)
    add_site(session, actor, customer_id, name=, address="") -> CustomerSite
    add_contact(session, actor, customer_id, name=, phone="", email="") -> Contact
    create_asset(session, actor, customer_id, serial_number=, product_line=, model=, site_id=None,
                 package_code=None, contract_end=None, warranty_end=None) -> Asset   (a retired package refused)
    find_asset_by_serial(session, actor, serial) -> Asset | None     (intake look-up)

Service packages (packages.py; checks and units in package_rules.py). HQ reference data: a ticket
copies its package's targets when it opens, so a change never moves an open ticket's due times.
    create_service_package(session, actor, code=, name=, coverage="24x7"|"business", response_minutes=,
        onsite_minutes=, resolution_minutes=, priority_targets=None) -> ServicePackage       (HQ only)
    update_service_package(session, actor, package_id, name=, coverage=, response_minutes=, ...)  (HQ only)
    retire_service_package(session, actor, package_id)  (no new machine under it; machines under it keep it)
        priority_targets: {priority: {"response_minutes": m, ...}}, only what differs for P1–P4;
        a refusal names the field (code, name, coverage, *_minutes, priority_targets)
    list_service_packages(session, actor, include_retired=False) -> [ServicePackage]
    package_rows(session, actor) -> [PackageRow];  package_actions(session, actor, package_id=None) -> [PackageAction]
    parse_duration(text, field, label) -> minutes | None ("30 min", "4 h", "1.5 h");  format_duration(minutes)
    target_label(target) / coverage_label(coverage)
    package_by_code(session, code) -> ServicePackage | None   (retired ones too)
    package_for_asset(session, asset | None) -> ServicePackage   (the standard one when it has none)
    targets_for(package, priority) -> PackageTargets(code, coverage, response_minutes, onsite_minutes,
        resolution_minutes)   (what a ticket of that priority copies at opening)
    ensure_default_packages(session, hq_unit) -> [ServicePackage]  (bootstrap and demo)

Coverage (coverage.py): contract or warranty, whichever runs longer
    coverage_status(session, actor, asset_id, on=None) -> CoverageStatus(package, state, ends_on, text, covered_by)
        state: valid | ending (within 30 days) | expired | none;  on: today in the machine's unit
    coverage_of(session, asset, on=None)   (the same, for a plugin that checked its own permission)

Excel (excel_import.py)
    import_customers_and_assets(session, actor, path, progress=None) -> ImportReport
        (raises ImportFailed with .problems [(sheet, row, column, reason)] and changes nothing)

For other plugins at work (lookups.py): they checked their own permission; these keep to the
rows the actor may see
    visible_customer(session, actor, customer_id) -> Customer | None   (live ones)
    asset_by_serial(session, serial) -> Asset | None
    contacts_of(session, actor, customer_ids) -> {customer_id: CustomerContact(name, contact, phone)}

Demo data and benchmarks (demo.py): no actor, no checks
    generate_demo(demo)   (the ``demo_data`` hook: packages, and customers with a site and a contact)
    demo_customers(session, org_id) -> [CustomerCard];  insert_assets_in_bulk(session, [dict of Asset columns])
"""

from __future__ import annotations

from app.auth.door import guarded
from plugins.customers import coverage, excel_import, exports, installed_base, packages, registry
from plugins.customers.coverage import CoverageStatus, coverage_of
from plugins.customers.demo import CustomerCard, demo_customers, insert_assets_in_bulk
from plugins.customers.demo import generate as generate_demo
from plugins.customers.excel_import import ImportFailed, ImportReport
from plugins.customers.lookups import CustomerContact, asset_by_serial, contacts_of, visible_customer
from plugins.customers.models import COVERAGES, Asset, Contact, Customer, CustomerSite, ServicePackage
from plugins.customers.package_rules import (PRIORITIES, TARGETS, PackageTargets, coverage_label, format_duration,
                                             parse_duration, target_label, targets_for)
from plugins.customers.packages import (DEFAULT_PACKAGE_CODE, DEFAULT_PACKAGES, PackageAction, PackageRow,
                                        ensure_default_packages, package_by_code, package_for_asset,
                                        require_package_editor)
from plugins.customers.permissions import MANAGE, PACKAGES, VIEW
from plugins.customers.registry import CustomerAction, CustomerList, CustomerRow, UnitChoice

__all__ = [
    "CoverageStatus", "PRIORITIES", "PackageAction", "PackageRow", "PackageTargets", "TARGETS", "coverage_label",
    "coverage_of", "coverage_status", "create_service_package", "format_duration", "package_actions", "package_rows",
    "parse_duration", "retire_service_package", "target_label", "targets_for", "update_service_package",
    "COVERAGES", "DEFAULT_PACKAGES", "DEFAULT_PACKAGE_CODE", "MANAGE", "PACKAGES", "VIEW",
    "Asset", "Contact", "Customer", "CustomerSite", "ServicePackage",
    "CustomerAction", "CustomerCard", "CustomerContact", "CustomerList", "CustomerRow", "ImportFailed",
    "ImportReport", "UnitChoice",
    "add_contact", "add_site", "asset_by_serial", "available_actions", "contacts_of", "create_asset",
    "create_customer", "customer_details", "demo_customers", "ensure_default_packages", "export_customers",
    "find_asset_by_serial",
    "generate_demo",
    "get_customer", "import_customers_and_assets", "insert_assets_in_bulk", "list_customers",
    "list_service_packages", "package_by_code", "package_for_asset", "retire_customer",
    "search_customers", "units_for_new_customer", "update_customer", "visible_customer",
]

UNGUARDED = {
    # Look-ups for another plugin at work (a ticket being opened, a follow-up call listed): that
    # plugin checked its own permission, so these only keep to the rows the actor may see.
    "visible_customer": "the calling plugin's own permission",
    "contacts_of": "the calling plugin's own permission",
}

# ------------------------------------------------------------------ customers

get_customer = guarded(VIEW, registry.get_customer)
search_customers = guarded(VIEW, registry.search_customers)
list_customers = guarded(VIEW, registry.list_customers)
export_customers = guarded(VIEW, exports.export_customers)
customer_details = guarded(VIEW, registry.customer_details)
available_actions = guarded(VIEW, registry.available_actions)
units_for_new_customer = guarded(VIEW, registry.units_for_new_customer)
create_customer = guarded(MANAGE, registry.create_customer)
update_customer = guarded(MANAGE, registry.update_customer)
retire_customer = guarded(MANAGE, registry.retire_customer)

# ------------------------------------------------------------------ sites, contacts, machines, coverage

add_site = guarded(MANAGE, installed_base.add_site)
add_contact = guarded(MANAGE, installed_base.add_contact)
create_asset = guarded(MANAGE, installed_base.create_asset)
find_asset_by_serial = guarded(VIEW, installed_base.find_asset_by_serial)
coverage_status = guarded(VIEW, coverage.coverage_status)
import_customers_and_assets = guarded(MANAGE, excel_import.import_customers_and_assets)

# ------------------------------------------------------------------ service packages

create_service_package = guarded(require_package_editor, packages.create_service_package)
update_service_package = guarded(require_package_editor, packages.update_service_package)
retire_service_package = guarded(require_package_editor, packages.retire_service_package)
list_service_packages = guarded(VIEW, packages.list_service_packages)
package_rows = guarded(PACKAGES, packages.package_rows)
package_actions = guarded(PACKAGES, packages.package_actions)
