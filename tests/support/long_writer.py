"""Another program in the middle of a long write transaction, as during a big import."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, text

# Runs in a separate process: SQLite's write lock is per file, so only another process (or
# connection) holding it shows what a workstation sees while an import runs.
_SQLITE_HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE core_org_units SET name = name")
print("holding", flush=True)
sys.stdin.readline()
db.execute("ROLLBACK")
"""

# Writing a synced table takes the change counter, as every import does; on PostgreSQL that
# is what a write to core_users would wait for.
_PG_HOLDER = "UPDATE core_org_units SET name = name"


@contextmanager
def long_write_transaction(engine: Engine) -> Iterator[None]:
    """Hold an uncommitted write on ``engine``'s database until the block ends."""
    if engine.dialect.name == "sqlite":
        holder = subprocess.Popen([sys.executable, "-c", _SQLITE_HOLDER, engine.url.database],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "holding"
            yield
        finally:
            holder.stdin.write("\n")
            holder.stdin.close()
            holder.wait(timeout=30)
        return
    other = create_engine(engine.url)
    try:
        with other.connect() as connection:
            transaction = connection.begin()
            connection.execute(text(_PG_HOLDER))
            try:
                yield
            finally:
                transaction.rollback()
    finally:
        other.dispose()
