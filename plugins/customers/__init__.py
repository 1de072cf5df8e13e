"""Customers: the registry of customers, their sites, contacts and machines, and the HQ service
packages, shared by the plugins that serve them (hookimpls only; the door is ``service``)."""

from pathlib import Path

from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import PageSpec, SyncTable
from plugins.customers.permissions import PACKAGES, VIEW, permission_specs  # the door loads on first use

HERE = Path(__file__).parent


@hookimpl
def permissions():
    return permission_specs()


@hookimpl
def migration_locations():
    return [str(HERE / "migrations")]


@hookimpl
def translation_files(language):
    return [str(HERE / "i18n" / f"customers_{language}.qm")]


@hookimpl
def nav_pages(ctx):
    def build(context):
        from plugins.customers.views.customers_page import CustomersPage

        return CustomersPage(context)

    def build_packages(context):
        from plugins.customers.views.packages_page import PackagesPage

        return PackagesPage(context)

    return [PageSpec("customers.list", translate("Customers", "Customers"), "fa5s.building", build, VIEW, order=13),
            PageSpec("customers.packages", translate("Customers", "Service packages"), "fa5s.file-contract",
                     build_packages, PACKAGES, order=14)]


@hookimpl(tryfirst=True)  # before the demos that open cases for these customers
def demo_data(demo):
    from plugins.customers.service import generate_demo

    generate_demo(demo)


@hookimpl
def sync_tables():
    return [SyncTable("customers_packages", "down"),
            *(SyncTable(name, "up") for name in ("customers_customers", "customers_sites", "customers_contacts",
                                                 "customers_assets"))]
