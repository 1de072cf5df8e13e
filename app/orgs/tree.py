"""The org tree's materialised path, e.g. ``"/HQ/BJ/BJ-P01/"``: the one primitive every walk up or
down the tree rests on.

Plain functions on the path text, so the ORM side (``app.orgs.service.ancestors``: settings, time
zones, calendars, who answers for a partner) and sync on a bare connection
(``app.sync.topology.Topology``, which also sees units arriving inside a bundle before they are
stored) climb the tree the same way.
"""

from __future__ import annotations

import uuid

from app.ids import org_id_for_code

SEPARATOR = "/"


def child_path(parent_path: str | None, code: str) -> str:
    """The path of a unit ``code`` placed under ``parent_path`` (None: the root)."""
    return (parent_path or SEPARATOR) + code + SEPARATOR


def lineage_codes(path: str) -> list[str]:
    """The unit's code, then each ancestor's up to the root, nearest first:
    ``"/HQ/BJ/BJ-P01/"`` → ``["BJ-P01", "BJ", "HQ"]``."""
    return [code for code in path.split(SEPARATOR) if code][::-1]


def lineage_ids(path: str) -> list[uuid.UUID]:
    """``lineage_codes`` as org unit ids (an id is derived from the code in every database, so
    the climb needs no lookups and no parent links)."""
    return [org_id_for_code(code) for code in lineage_codes(path)]


def is_within(path: str, root_path: str) -> bool:
    """Whether the unit at ``path`` is ``root_path`` itself or below it."""
    return path.startswith(root_path)
