"""Alembic environment. Always driven from app.db.migrate, which passes the connection
and the metadata of the core plus every loaded plugin."""

from alembic import context

config = context.config
connection = config.attributes["connection"]
target_metadata = config.attributes["metadata"]
only_prefix = config.attributes.get("table_prefix")
other_prefixes = config.attributes.get("other_prefixes", ())


def include_object(obj, name, type_, reflected, compare_to):
    # `db revision --branch X` autogenerates only the tables of that branch.
    if type_ == "table" and only_prefix:
        return name.startswith(only_prefix) and not any(name.startswith(p) for p in other_prefixes)
    return True


context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
