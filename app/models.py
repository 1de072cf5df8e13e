"""Imports every core model so that ``Base.metadata`` is complete (migrations, tests)."""

from app.audit.models import AuditEntry
from app.auth.models import Role, RolePermission, User, user_roles
from app.installation import Setting
from app.orgs.models import OrgUnit

__all__ = ["AuditEntry", "OrgUnit", "Role", "RolePermission", "Setting", "User", "user_roles"]
