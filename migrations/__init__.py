"""Alembic environment and the core branch. Plugins add their branches via migration_locations."""
