"""The migration to follow-up calls as phone work keeps the tasks already there: each gets back
the close it follows (two days before it was due), no attempts, and its own ticket's key."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import column, inspect, insert, select, table

from app.db import migrate
from app.db.engine import make_engine
from app.ids import org_id_for_code
from app.orgs.models import OrgUnit
from plugins.visits.models import FollowUpCall

BEFORE, AFTER = "ba337fd9c1c2", "c41f0a7d2e11"


def as_stored(connection, model):
    """The model's table with only the columns the database has at this revision (typed as the model's)."""
    present = {c["name"] for c in inspect(connection).get_columns(model.__tablename__)}
    return table(model.__tablename__, *(column(c.name, c.type) for c in model.__table__.columns if c.name in present))


def test_existing_tasks_get_their_close_back_and_the_step_goes_down_again(database_url, plugin_host):
    engine = make_engine(database_url)
    migrate.upgrade(engine, plugin_host, BEFORE)
    due = datetime(2026, 11, 20, 2, 30, tzinfo=timezone.utc)
    now = datetime(2026, 11, 1, tzinfo=timezone.utc)
    ids = [uuid.uuid4(), uuid.uuid4()]
    with engine.begin() as connection:
        units = as_stored(connection, OrgUnit)
        unit = {"id": org_id_for_code("BJ"), "code": "BJ", "name": "北京分公司", "tier": "branch", "parent_id": None,
                "path": "/BJ/", "region": "", "settings": {}, "active": True, "created_at": now, "updated_at": now,
                "row_version": 1}
        connection.execute(insert(units).values({k: v for k, v in unit.items() if k in units.c}))
        calls = as_stored(connection, FollowUpCall)
        for index, call_id in enumerate(ids):
            connection.execute(insert(calls).values(
                id=call_id, org_id=org_id_for_code("BJ"), ticket_id=uuid.uuid4(),
                ticket_number=f"BJ-202611-00000{index}",
                customer_id=None, due_at=due + timedelta(hours=index), state="done" if index else "due", notes="",
                created_at=now, updated_at=now, row_version=1))
    migrate.upgrade(engine, plugin_host, AFTER)
    with engine.connect() as connection:
        calls = as_stored(connection, FollowUpCall)
        rows = {row.id: row for row in connection.execute(select(calls))}
    for index, call_id in enumerate(ids):
        row = rows[call_id]
        assert row.closed_at == due + timedelta(hours=index) - timedelta(days=2)
        assert (row.attempts, row.category, row.engineer_id) == (0, "", None)
    migrate.downgrade(engine, plugin_host, BEFORE)
    columns = {c["name"] for c in inspect(engine).get_columns("visits_follow_up_calls")}
    assert "closed_at" not in columns and "attempts" not in columns
    assert not {"visits_surveys", "visits_call_attempts", "visits_corrective_actions"} & set(
        inspect(engine).get_table_names())
    engine.dispose()
