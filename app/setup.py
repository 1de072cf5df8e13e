"""First start: this installation's org unit and its administrator."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app import installation
from app.audit import service as audit
from app.auth.actor import system_actor
from app.auth.service import AUDITED_FIELDS as USER_FIELDS
from app.orgs.service import AUDITED_FIELDS as ORG_FIELDS
from app.auth.models import Role
from app.auth.roles import ADMIN
from app.auth.service import build_user
from app.errors import UserError, ValidationError
from app.i18n import translate
from app.ids import new_id
from app.orgs.models import TIERS, OrgUnit
from app.orgs.service import build_org, normalise_code

PARENT_TIER = {"branch": "hq", "partner": "branch"}


def initialize(session: Session, *, tier: str, code: str, name: str, parent_code: str | None,
               admin_username: str, admin_password: str) -> OrgUnit:
    """Create the node's org unit (and a placeholder parent) and the first administrator."""
    if installation.get_value(session, installation.NODE_ORG_ID):
        raise UserError(translate("Setup", "This database is already set up."))
    if tier not in TIERS:
        raise ValidationError(translate("Orgs", "Unknown tier {tier}.").format(tier=tier), field="tier")
    parent = _placeholder_parent(session, tier, parent_code)
    org = build_org(code, name, tier, parent)
    existing = session.get(OrgUnit, org.id)
    if existing is None:
        session.add(org)
    else:
        org = existing
    session.flush()
    admin = build_user(org, admin_username, admin_password, admin_username, [session.get(Role, ADMIN)])
    session.add(admin)
    installation.set_value(session, installation.NODE_ORG_ID, str(org.id))
    installation.set_value(session, installation.DATABASE_ID, str(new_id()))
    session.flush()
    setup_actor = system_actor(org, frozenset())
    audit.record(session, setup_actor, "org_unit", org.id, "create", org.code, after=audit.snapshot(org, ORG_FIELDS))
    audit.record(session, setup_actor, "user", admin.id, "create", f"{admin.username}@{org.code}",
                 after=audit.snapshot(admin, USER_FIELDS))
    return org


def _placeholder_parent(session: Session, tier: str, parent_code: str | None) -> OrgUnit | None:
    if tier == "hq":
        if parent_code:
            raise ValidationError(translate("Orgs", "HQ has no parent."), field="parent")
        return None
    if not parent_code:
        raise ValidationError(translate("Orgs", "A branch or partner needs a parent unit."), field="parent")
    code = normalise_code(parent_code)
    parent = session.query(OrgUnit).filter_by(code=code).one_or_none()
    if parent is not None:
        return parent
    # The real row comes down from the parent by sync; its id is the same (uuid5 of the code).
    # A partner's placeholder branch hangs under HQ, whose nationwide code is "HQ".
    grandparent = _placeholder_parent(session, PARENT_TIER[tier], "HQ") if PARENT_TIER[tier] == "branch" else None
    parent = build_org(code, code, PARENT_TIER[tier], grandparent)
    session.add(parent)
    session.flush()
    return parent

