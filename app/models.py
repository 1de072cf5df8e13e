"""Imports every core model so that ``Base.metadata`` is complete (migrations, tests)."""

from app.audit.models import AuditEntry
from app.auth.models import Role, RolePermission, User, user_roles
from app.calendars.models import NationalDayOverride
from app.installation import Setting
from app.orgs.models import OrgUnit
from app.sync.models import ChangeCounter, Conflict, Node, RowError, Tombstone, Watermark

__all__ = ["AuditEntry", "ChangeCounter", "Conflict", "NationalDayOverride", "Node", "OrgUnit", "Role",
           "RolePermission", "RowError", "Setting", "Tombstone", "User", "Watermark", "user_roles"]
