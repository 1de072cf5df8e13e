from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.errors import PermissionDenied
from app.i18n import translate

SCOPE_SUBTREE = "core.scope.subtree"


@dataclass(frozen=True)
class Actor:
    """Who is acting, resolved once at sign-in. Service functions take it explicitly."""

    user_id: uuid.UUID | None
    username: str
    display_name: str
    org_id: uuid.UUID
    org_code: str
    org_path: str
    tier: str
    roles: frozenset[str]
    permissions: frozenset[str]

    @property
    def label(self) -> str:
        return f"{self.username}@{self.org_code}"

    def has(self, permission: str) -> bool:
        return permission in self.permissions

    def require(self, permission: str) -> None:
        if not self.has(permission):
            raise PermissionDenied(
                translate("Auth", "{user} lacks the permission “{permission}”.").format(
                    user=self.label, permission=permission
                )
            )

    @property
    def sees_subtree(self) -> bool:
        return self.has(SCOPE_SUBTREE)


def system_actor(org, permissions: frozenset[str]) -> Actor:
    """The command line acting at the machine: whoever can open the database file is admin."""
    return Actor(None, "system", "system", org.id, org.code, org.path, org.tier,
                 frozenset({"admin"}), permissions)
