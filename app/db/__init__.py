"""Database: one Base, typed mixins, engines for SQLite and PostgreSQL, migrations, backup."""

from app.db import lengths  # noqa: F401  (every session refuses text longer than its column)
from app.db.base import Base
from app.db.mixins import OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey

__all__ = ["Base", "OrgOwnedMixin", "SyncedMixin", "UUIDPrimaryKey"]
