"""Identifiers that never collide when 150 branches meet at HQ (docs/architecture.md, Data conventions)."""

import uuid

import uuid6

# Fixed namespace: an org unit's id is uuid5(ORG_NAMESPACE, code) in every database.
ORG_NAMESPACE = uuid.UUID("6f1c2d3e-4b5a-5c6d-8e7f-90a1b2c3d4e5")


def new_id() -> uuid.UUID:
    """A time-ordered UUIDv7 as a plain ``uuid.UUID``."""
    return uuid.UUID(int=uuid6.uuid7().int)


def org_id_for_code(code: str) -> uuid.UUID:
    """The org unit id that every installation derives from the nationwide code."""
    return uuid.uuid5(ORG_NAMESPACE, code.strip().upper())


def reference_id(kind: str, code: str) -> uuid.UUID:
    """The id of a built-in reference row (e.g. a standard service package) that every
    installation creates for itself: the same everywhere, so HQ's copy replaces it when pulled."""
    return uuid.uuid5(ORG_NAMESPACE, f"{kind}:{code.strip().upper()}")
