"""Database: one Base, typed mixins, engines for SQLite and PostgreSQL, migrations, backup."""

from app.db.base import Base
from app.db.mixins import OrgOwnedMixin, SyncedMixin, UUIDPrimaryKey

__all__ = ["Base", "OrgOwnedMixin", "SyncedMixin", "UUIDPrimaryKey"]
