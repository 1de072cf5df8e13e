"""Permission codes of the tickets plugin and the roles that get them by default. Managing
customers and service packages is the customer registry's (``plugins.customers.permissions``)."""

from __future__ import annotations

from app.auth.roles import BRANCH_MANAGER, DISPATCHER, FIELD_ENGINEER, FOLLOWUP, HOTLINE, HQ_ANALYST
from app.i18n import translate
from app.specs import PermissionSpec

VIEW = "tickets.view"
CREATE = "tickets.create"
DIAGNOSE = "tickets.diagnose"
WORK = "tickets.work"
DISPATCH = "tickets.dispatch"
OVERRIDE_VETO = "tickets.override_veto"
REPAIR = "tickets.repair"
CLOSE = "tickets.close"
ARCHIVE = "tickets.archive"
ESCALATE = "tickets.escalate"
EMERGENCY = "tickets.emergency"


def permission_specs() -> list[PermissionSpec]:
    return [
        PermissionSpec(VIEW, translate("Tickets", "See tickets"),
                       (HOTLINE, DISPATCHER, FIELD_ENGINEER, BRANCH_MANAGER, FOLLOWUP, HQ_ANALYST)),
        PermissionSpec(CREATE, translate("Tickets", "Open problem tickets"), (HOTLINE, DISPATCHER, BRANCH_MANAGER)),
        PermissionSpec(DIAGNOSE, translate("Tickets", "Diagnose and resolve tickets remotely"),
                       (HOTLINE, DISPATCHER, BRANCH_MANAGER)),
        PermissionSpec(WORK, translate("Tickets", "Add notes to tickets"),
                       (HOTLINE, DISPATCHER, FIELD_ENGINEER, BRANCH_MANAGER)),
        PermissionSpec(DISPATCH, translate("Tickets", "Dispatch on-site engineers"), (DISPATCHER, BRANCH_MANAGER)),
        PermissionSpec(OVERRIDE_VETO, translate("Tickets", "Override a dispatch veto"), (BRANCH_MANAGER,)),
        PermissionSpec(REPAIR, translate("Tickets", "Fill repair orders on site"), (FIELD_ENGINEER, BRANCH_MANAGER)),
        PermissionSpec(CLOSE, translate("Tickets", "Close, reopen and cancel tickets"),
                       (HOTLINE, DISPATCHER, BRANCH_MANAGER)),
        PermissionSpec(ARCHIVE, translate("Tickets", "Archive closed tickets"), (DISPATCHER, BRANCH_MANAGER)),
        PermissionSpec(ESCALATE, translate("Tickets", "Escalate tickets"),
                       (HOTLINE, DISPATCHER, FIELD_ENGINEER, BRANCH_MANAGER)),
        PermissionSpec(EMERGENCY, translate("Tickets", "Work emergency plans of quality complaints"),
                       (BRANCH_MANAGER, DISPATCHER, HOTLINE)),
    ]
