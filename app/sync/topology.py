"""The org tree as sync sees it, read on a bare connection: whose rows belong where.

It climbs and descends the tree with the same path primitive as the ORM side
(``app.orgs.tree``), and can take in units that arrive inside a bundle before they are stored.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection

from app.orgs.tree import is_within, lineage_ids
from app.sync.wire import as_uuid


@dataclass(frozen=True)
class Topology:
    paths: dict[uuid.UUID, str]  # org unit id -> materialised path ("/HQ/BJ/")

    @classmethod
    def read(cls, connection: Connection) -> Topology:
        rows = connection.exec_driver_sql("SELECT id, path FROM core_org_units").fetchall()
        return cls({as_uuid(i): p for i, p in rows})

    def including(self, paths: dict[uuid.UUID, str]) -> Topology:
        """This tree with more units (e.g. those a bundle brings: a partner set up since the last exchange)."""
        return Topology({**self.paths, **paths})

    def subtree(self, org_id: uuid.UUID) -> list[uuid.UUID]:
        """The unit and every unit below it (the rows a node owns)."""
        root = self.paths.get(org_id)
        if root is None:
            return [org_id]
        return [i for i, p in self.paths.items() if is_within(p, root)]

    def ancestors(self, org_id: uuid.UUID) -> list[uuid.UUID]:
        """Every unit above ``org_id`` (whose reference rows it receives), nearest first."""
        path = self.paths.get(org_id)
        if path is None:
            return []
        return [i for i in lineage_ids(path)[1:] if i in self.paths]
