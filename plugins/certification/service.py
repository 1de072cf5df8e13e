"""The certification plugin's door: what its views, hooks and commands may call. No Qt here.

Every other module of the plugin is private behind this one (an import-linter contract says so).
Functions that act for a user take ``(session, actor, ...)`` and raise ``ValidationError`` /
``PermissionDenied`` / ``NotFound`` with a translated message; run changes in ``ctx.transaction()``.
Which courses an engineer passed is asked through the ``passed_courses`` hook: functions that
need it take ``hook`` (the plugin host's hook relay, e.g. ``ctx.hook``).

Permissions: each operation below that takes an actor checks the actor's permission here, once,
on entry (``guarded``: the permission is written next to the operation). The domain modules
behind the door check no permission; they keep to the actor's scope (without
``certification.view_all`` a user's scope is their own certificates) and hold the invariants
(one valid certificate per type and holder, signatures, the course passes a type requires).
Functions without an actor act for no user or read reference data every user may read.

Certificates (certificates.py): issue_certificate / renew_certificate / engineers_in_scope
    (certification.issue); suspend / reinstate / revoke_certificate (suspend); page_rows /
    list_certificates / get_certificate / history / printable / expiring_counts (view);
    create_type (manage, at HQ); list_types, type_by_code (reference data)
Verification (verification.py): verify_certificate: anyone holding a certificate may check it
Partner authorisations (authorisations.py): grant / withdraw (authorise);
    list_authorisations / authorisation_expiring_counts (view)
Excel (exports.py, through ``app.reports.workbook``): export_certificates / export_authorisations (view):
    the page's rows for the same filter, ``path, progress=, cancelled=`` -> rows written
Signing keys (keys.py): create_root_key / authorise_center / revoke_center_key (manage, at HQ);
    import_root_public (manage); center_key_rows (view); root_key_summary, export_root_public
What the views offer (allowed.py): certificate_actions (view) / key_actions (manage) ->
    {id: CertificationAction(id, enabled, reason)}: the same refusals the operations raise
Hooks: dispatch_veto (``can_dispatch``), dispatch_qualification (``engineer_qualification``), node_secrets / store_secrets (provisioning), generate_demo,
    rollup_sections (reports.py: the HQ rollup's sheets, for a reader with view and view_all)
"""

from __future__ import annotations

from app.auth.actor import Actor
from app.auth.door import guarded
from app.errors import PermissionDenied
from plugins.certification import allowed, authorisations, certificates, exports, keys
from plugins.certification.allowed import CertificationAction, keys_refusal, types_refusal
from plugins.certification.authorisations import AuthorisationState
from plugins.certification.certificates import LEVELS, effective_status, level_label, status_label
from plugins.certification.permissions import AUTHORISE, ISSUE, MANAGE, SUSPEND, VIEW, VIEW_ALL

__all__ = [
    "AUTHORISE", "ISSUE", "MANAGE", "SUSPEND", "VIEW", "VIEW_ALL", "LEVELS",
    "AuthorisationState", "CertificationAction", "certificate_actions", "key_actions",
    "authorisation_expiring_counts", "authorisation_status_label", "authorise_center", "center_key_rows",
    "create_root_key", "create_type", "dispatch_qualification", "dispatch_veto", "effective_status", "engineers_in_scope",
    "expiring_counts", "export_authorisations", "export_certificates", "export_root_public", "generate_demo", "get_certificate", "grant", "history",
    "import_root_public", "issue_certificate", "level_label", "list_authorisations", "list_certificates",
    "list_types", "node_secrets", "page_rows", "printable", "reinstate_certificate", "renew_certificate",
    "revoke_center_key", "revoke_certificate", "rollup_sections", "root_key_summary", "status_label", "store_secrets",
    "suspend_certificate", "type_by_code", "verify_certificate", "withdraw",
]


def _hq_types(actor: Actor) -> None:
    actor.require(MANAGE)
    if refusal := types_refusal(actor):
        raise PermissionDenied(refusal)


def _hq_keys(actor: Actor) -> None:
    actor.require(MANAGE)
    if refusal := keys_refusal(actor):
        raise PermissionDenied(refusal)


# ------------------------------------------------------------------ what the views offer (allowed.py)

certificate_actions = guarded(VIEW, allowed.certificate_actions)
key_actions = guarded(MANAGE, allowed.key_actions)


# ------------------------------------------------------------------ certificates

issue_certificate = guarded(ISSUE, certificates.issue_certificate)
renew_certificate = guarded(ISSUE, certificates.renew_certificate)
engineers_in_scope = guarded(ISSUE, certificates.engineers_in_scope)
suspend_certificate = guarded(SUSPEND, certificates.suspend_certificate)
reinstate_certificate = guarded(SUSPEND, certificates.reinstate_certificate)
revoke_certificate = guarded(SUSPEND, certificates.revoke_certificate)
page_rows = guarded(VIEW, certificates.page_rows)
list_certificates = guarded(VIEW, certificates.list_certificates)
get_certificate = guarded(VIEW, certificates.get_certificate)
history = guarded(VIEW, certificates.history)
printable = guarded(VIEW, certificates.printable)
expiring_counts = guarded(VIEW, certificates.expiring_counts)

create_type = guarded(_hq_types, certificates.create_type)
list_types = certificates.list_types
type_by_code = certificates.type_by_code


def verify_certificate(session, text_or_number: str, on=None):
    """Offline verification of a QR text or certificate number (``verification.Verification``):
    a check anyone holding the certificate may run, so it needs no permission."""
    from plugins.certification.verification import verify

    return verify(session, text_or_number, on)


# ------------------------------------------------------------------ partner authorisations

grant = guarded(AUTHORISE, authorisations.grant)
withdraw = guarded(AUTHORISE, authorisations.withdraw)
list_authorisations = guarded(VIEW, authorisations.list_authorisations)
authorisation_expiring_counts = guarded(VIEW, authorisations.expiring_counts)
authorisation_status_label = authorisations.status_label

export_certificates = guarded(VIEW, exports.export_certificates)
export_authorisations = guarded(VIEW, exports.export_authorisations)

# ------------------------------------------------------------------ signing keys

create_root_key = guarded(_hq_keys, keys.create_root_key)
authorise_center = guarded(_hq_keys, keys.authorise_center)
revoke_center_key = guarded(_hq_keys, keys.revoke_center_key)
import_root_public = guarded(MANAGE, keys.import_root_public)
center_key_rows = guarded(VIEW, keys.center_key_rows)
root_key_summary = keys.root_key_summary
export_root_public = keys.export_root_public

# ------------------------------------------------------------------ for hooks: no acting user

dispatch_veto = authorisations.dispatch_veto
dispatch_qualification = authorisations.dispatch_qualification
node_secrets = keys.node_secrets
store_secrets = keys.store_secrets


def generate_demo(demo, hook) -> None:
    """The ``demo_data`` hook: keys, types, certificates and authorisations (after training's demo)."""
    from plugins.certification import demo as demo_rows

    demo_rows.generate(demo, hook)


def rollup_sections(ctx, period, org_code):
    """The certification sheets of the HQ rollup (hook ``rollup_sections``): none for a reader who
    may not see every certificate of its scope (``certification.view_all``)."""
    actor = ctx.actor
    if actor is None or not (actor.has(VIEW) and actor.has(VIEW_ALL)):
        return []
    from plugins.certification import reports

    return reports.rollup_sections(ctx, period, org_code)
