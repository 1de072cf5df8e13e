"""What every registry operation checks: a required text, the unit a row belongs to, and that
this installation is the one that writes that unit's rows."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.errors import PermissionDenied, ValidationError
from app.i18n import translate
from app.orgs.models import OrgUnit
from app.sync.ownership import owned_org_ids

_OWNED_KEY = "customers.owned_org_ids"


def required(value: str | None, field: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(translate("Customers", "{label} is required.").format(label=label), field=field)
    return value



def ensure_written_here(session: Session, org_id: uuid.UUID) -> None:
    """A unit with its own database keeps its customers there: a change made in a copy (HQ's,
    say) would clash with the unit's own and never reach it."""
    owned = session.info.get(_OWNED_KEY)
    if owned is None:
        owned = session.info[_OWNED_KEY] = frozenset(owned_org_ids(session))
    if org_id in owned:
        return
    unit = session.get(OrgUnit, org_id)
    name = unit.name if unit is not None else str(org_id)
    raise PermissionDenied(translate("Customers", "Only {unit} can change its customers: it keeps them in its own "
                                                  "database.").format(unit=name))
