"""Permission codes of the customer registry and the roles that get them by default.

Importable without the models, so start-up stays light. ``MANAGE`` and ``PACKAGES`` keep the
codes they had when the registry lived in the tickets plugin: roles hold their permissions by
code, so every role that could manage customers or packages still can, with no grant moved.
"""

from __future__ import annotations

from app.auth.roles import BRANCH_MANAGER, DISPATCHER, FIELD_ENGINEER, FOLLOWUP, HOTLINE, HQ_ANALYST
from app.i18n import translate
from app.specs import PermissionSpec

VIEW = "customers.view"
MANAGE = "tickets.customers"
PACKAGES = "tickets.packages"


def permission_specs() -> list[PermissionSpec]:
    return [
        PermissionSpec(VIEW, translate("Customers", "See customers, their sites, contacts and machines"),
                       (HOTLINE, DISPATCHER, FIELD_ENGINEER, BRANCH_MANAGER, FOLLOWUP, HQ_ANALYST)),
        PermissionSpec(MANAGE, translate("Customers", "Manage customers and assets"),
                       (HOTLINE, DISPATCHER, BRANCH_MANAGER)),
        PermissionSpec(PACKAGES, translate("Customers", "Maintain service packages (HQ)"), (HQ_ANALYST,)),
    ]
