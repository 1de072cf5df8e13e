"""The org tree as sync sees it, read on a bare connection: whose rows belong where."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection

from app.sync.wire import as_uuid


@dataclass(frozen=True)
class Topology:
    paths: dict[uuid.UUID, str]  # org unit id -> materialised path ("/HQ/BJ/")

    @classmethod
    def read(cls, connection: Connection) -> Topology:
        rows = connection.exec_driver_sql("SELECT id, path FROM core_org_units").fetchall()
        return cls({as_uuid(i): p for i, p in rows})

    def subtree(self, org_id: uuid.UUID) -> list[uuid.UUID]:
        """The unit and every unit below it (the rows a node owns)."""
        root = self.paths.get(org_id)
        if root is None:
            return [org_id]
        return [i for i, p in self.paths.items() if p.startswith(root)]

    def ancestors(self, org_id: uuid.UUID) -> list[uuid.UUID]:
        """Every unit above ``org_id`` (whose reference rows it receives)."""
        path = self.paths.get(org_id)
        if path is None:
            return []
        return [i for i, p in self.paths.items() if i != org_id and path.startswith(p)]
