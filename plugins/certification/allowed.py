"""What the certification views offer, as data: every action with whether this user may take it
on this installation now and, when not, why. The views grey an action out and show the reason
instead of refusing after a form was filled in; the door refuses with the same sentences."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.auth.actor import Actor
from app.i18n import translate
from plugins.certification import certificates, keys
from plugins.certification.common import today
from plugins.certification.permissions import ISSUE, MANAGE, SUSPEND, VIEW, permission_name


@dataclass(frozen=True)
class CertificationAction:
    """Something a certification view offers, and whether this user may do it now (and if not, why)."""

    id: str
    enabled: bool
    reason: str = ""


def _action(action_id: str, reason: str) -> CertificationAction:
    return CertificationAction(action_id, not reason, reason)


def _lacks(actor: Actor, permission: str) -> str:
    return "" if actor.has(permission) else translate("Certification", "You may not do this: it needs the "
                                                                       "permission “{permission}”.").format(
        permission=permission_name(permission))


def types_refusal(actor: Actor) -> str:
    """Why this user may not create certificate types here, or ""."""
    if actor.has(MANAGE) and actor.tier != "hq":
        return translate("Certification", "Certificate types are HQ reference data.")
    return _lacks(actor, MANAGE)


def keys_refusal(actor: Actor) -> str:
    """Why this user may not create or authorise signing keys here, or ""."""
    if actor.has(MANAGE) and actor.tier != "hq":
        return translate("Certification", "Only HQ manages the signing keys.")
    return _lacks(actor, MANAGE)


def issuing_refusal(session: Session, actor: Actor, *, new: bool) -> str:
    """Why this user may not issue (``new``) or renew certificates here now, or ""."""
    if not actor.has(ISSUE):
        return _lacks(actor, ISSUE)
    if new and not certificates.list_types(session):
        return certificates.no_types_reason()
    if not keys.holds_signing_key(session, actor.org_id, today()):
        return translate("Certification", "This installation holds no signing key of your training center: HQ "
                                          "authorises one and hands it over in a provisioning file.")
    return ""


def key_actions(session: Session, actor: Actor) -> dict[str, CertificationAction]:
    """The keys dialog's actions: create_root, export_root, import_root, authorise_center,
    revoke_center, new_type."""
    roots = keys.root_key_summary(session)
    held = any(private for _, private in roots)
    no_root = translate("Certification", "There is no HQ root key yet.")
    managing = keys_refusal(actor)
    return {action.id: action for action in (
        _action("create_root", managing or (translate("Certification", "HQ already has a root key.") if held else "")),
        _action("export_root", "" if roots else no_root),
        _action("import_root", _lacks(actor, MANAGE)),
        _action("authorise_center", managing or ("" if held else no_root)),
        _action("revoke_center", managing),
        _action("new_type", types_refusal(actor)))}


def certificate_actions(session: Session, actor: Actor) -> dict[str, CertificationAction]:
    """The certificates page's actions: issue, renew, suspend, reinstate, revoke, history, print (the PDF
    file), print_paper (the system's print dialog), verify."""
    suspending, viewing = _lacks(actor, SUSPEND), _lacks(actor, VIEW)
    return {action.id: action for action in (
        _action("issue", issuing_refusal(session, actor, new=True)),
        _action("renew", issuing_refusal(session, actor, new=False)),
        *(_action(name, suspending) for name in ("suspend", "reinstate", "revoke")),
        *(_action(name, viewing) for name in ("history", "print", "print_paper", "verify")))}
