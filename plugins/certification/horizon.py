"""What an offline verification here can know, and since when.

Keys are revoked at HQ, and the registry (certificates with their status) is gathered at HQ from
the branches; a branch or partner holds both as of its last successful pull from its parent. A
verdict names that horizon, so nobody reads "valid" as "valid everywhere, as of now"."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy.orm import Session

from app import installation
from app.i18n import translate
from app.orgs.local_time import LocalClock
from app.orgs.models import OrgUnit
from app.sync.state import LAST


@dataclass(frozen=True)
class Horizon:
    at_hq: bool  # keys are revoked in this very database
    synced_at: str  # last successful pull from the parent, in this node's local time; "" if never


def horizon(session: Session) -> Horizon:
    node_org = installation.get_value(session, installation.NODE_ORG_ID)
    org = session.get(OrgUnit, uuid.UUID(node_org)) if node_org else None
    if org is not None and org.tier == "hq":
        return Horizon(True, "")
    pulled = installation.get_value(session, LAST, {}).get("pull", {}).get("ok_at", "")
    return Horizon(False, _local(session, org, pulled))


def _local(session: Session, org: OrgUnit | None, stored: str) -> str:
    try:
        moment = datetime.fromisoformat(stored)
    except (TypeError, ValueError):
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # stored times are UTC
    clock = LocalClock(session)
    org_id = org.id if org is not None else None
    zone = clock.zone_note(org_id, moment)
    return clock.text(org_id, moment) + (f" ({zone})" if zone else "")


def revocations_note(known: Horizon) -> str:
    """How current this installation's list of revoked center keys is."""
    if known.at_hq:
        return translate("Certification", "Key revocations are current: HQ revokes keys in this installation.")
    if known.synced_at:
        return translate("Certification", "Key revocations known as of {time} (last sync with the parent); a later "
                                          "revocation is not known here.").format(time=known.synced_at)
    return translate("Certification", "This installation has never synced with its parent: key revocations made "
                                      "at HQ are not known here.")


def registry_note(known: Horizon) -> str:
    """How current this installation's registry is."""
    if known.at_hq:
        return translate("Certification", "A status change a branch has not yet sent to HQ is not known here.")
    if known.synced_at:
        return translate("Certification", "Registry last synced at {time}; later suspensions, revocations and "
                                          "renewals are not known here.").format(time=known.synced_at)
    return translate("Certification", "The registry has never been synced: only certificates issued here are "
                                      "known.")
