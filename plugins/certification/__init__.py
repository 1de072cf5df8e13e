"""Certificates plugin: hookimpls only (thin wiring)."""

from pathlib import Path

from app.auth.roles import BRANCH_MANAGER, DISPATCHER, FIELD_ENGINEER, FOLLOWUP, HOTLINE, HQ_ANALYST, TRAINER  # noqa: F401
from app.hookspecs import hookimpl
from app.i18n import translate
from app.specs import PageSpec, PermissionSpec
from plugins.certification import models, service  # noqa: F401  (models register their tables)

HERE = Path(__file__).parent


@hookimpl
def permissions():
    return [PermissionSpec(service.VIEW, translate("Certification", "See certificates"), (TRAINER, BRANCH_MANAGER, HQ_ANALYST, FIELD_ENGINEER))]


@hookimpl
def migration_locations():
    return [str(HERE / "migrations")]


@hookimpl
def translation_files(language):
    return [str(HERE / "i18n" / f"certification_{language}.qm")]


@hookimpl
def nav_pages(ctx):
    def build(context):
        from plugins.certification.views.main_page import MainPage

        return MainPage(context)

    return [PageSpec("certification.main", translate("Certification", "Certificates"), "fa5s.certificate", build, service.VIEW, order=40)]
