"""Texts longer than their column and database failures a user can act on: one clear line, on both databases."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DataError, OperationalError

from app.auth import service as auth
from app.auth.models import User
from app.cli import system_actor_for
from app.db.failures import DatabaseFailure
from app.db.lengths import TextTooLong
from app.errors import UserError, ValidationError
from app.orgs.models import OrgUnit
from testdata import USER_PASSWORD


def test_a_new_row_with_a_text_longer_than_its_column_is_refused_naming_the_field(ctx):
    from app.orgs.service import build_org, get_by_code

    with pytest.raises(ValidationError) as refused:
        with ctx.transaction() as session:
            session.add(build_org("GZ", "广" * 201, "branch", get_by_code(session, "HQ")))
    assert isinstance(refused.value, TextTooLong) and refused.value.field == "name"
    assert str(refused.value) == "“name” is too long: at most 200 characters (201 given)."
    with ctx.reading() as session:
        assert session.scalar(select(OrgUnit).where(OrgUnit.code == "GZ")) is None


def test_a_change_to_a_stored_row_is_checked_too(ctx):
    with pytest.raises(TextTooLong) as refused:
        with ctx.transaction() as session:
            org = session.scalar(select(OrgUnit).where(OrgUnit.code == "BJ"))
            org.name = "北" * 1000
    assert refused.value.field == "name"
    with ctx.reading() as session:
        assert session.scalar(select(OrgUnit.name).where(OrgUnit.code == "BJ")) == "北京分公司"


def test_exactly_the_limit_is_stored(ctx):
    with ctx.transaction() as session:
        auth.create_user(session, system_actor_for(ctx, session), org_code="BJ", username="edge",
                         password=USER_PASSWORD, display_name="名" * 100)
    with ctx.reading() as session:
        assert session.scalar(select(User.display_name).where(User.username == "edge")) == "名" * 100


# ------------------------------------------------------------------ failures of the database itself


def fill_the_disk(session) -> None:
    """Make the next write fail as a full disk does: SQLite through its page limit, PostgreSQL
    through a trigger raising the server's own disk-full error (SQLSTATE 53100)."""
    if session.get_bind().dialect.name == "sqlite":
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
        session.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        return
    session.execute(text("CREATE FUNCTION pretend_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                         "RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; "
                         "END $$"))
    session.execute(text("CREATE TRIGGER pretend_disk_full BEFORE INSERT ON core_audit_log FOR EACH ROW "
                         "EXECUTE FUNCTION pretend_disk_full()"))


def test_a_full_disk_gives_one_clear_line_and_stores_nothing(ctx):
    with pytest.raises(UserError) as refused:
        with ctx.transaction() as session:
            fill_the_disk(session)
            actor = system_actor_for(ctx, session)
            for n in range(200):  # enough rows to need a new page
                auth.create_user(session, actor, org_code="BJ", username=f"user{n}", password=USER_PASSWORD,
                                 display_name="工程师" * 30)
    message = str(refused.value)
    assert isinstance(refused.value, OperationalError) and isinstance(refused.value, DatabaseFailure)
    assert message.startswith("The disk holding the database ") and message.endswith(
        "is full: free some space, then try again. The change was not saved.")
    assert "\n" not in message and "INSERT" not in message
    if ctx.engine.dialect.name == "sqlite":
        assert ctx.engine.url.database in message
    with ctx.reading() as session:
        assert session.scalar(select(User).where(User.username == "user0")) is None


def test_a_database_locked_too_long_gives_one_clear_line(ctx):
    with ctx.engine.connect() as holder:
        if ctx.engine.dialect.name == "sqlite":
            holder.exec_driver_sql("BEGIN IMMEDIATE")  # another writer, e.g. a demo fill
        else:
            holder.begin()
            holder.exec_driver_sql("LOCK TABLE core_org_units IN ACCESS EXCLUSIVE MODE")
        with pytest.raises(UserError) as refused:
            with ctx.transaction() as session:
                if ctx.engine.dialect.name == "sqlite":
                    session.connection().exec_driver_sql("PRAGMA busy_timeout = 50")
                    session.connection().exec_driver_sql("UPDATE core_org_units SET name = name")
                else:
                    session.execute(text("SET LOCAL lock_timeout = '50ms'"))
                    session.execute(select(OrgUnit)).all()
        holder.rollback()
    assert str(refused.value).startswith("The database ")
    assert "is busy with other work (an import, a demo fill or another user): try again in a moment." in str(
        refused.value)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_number_too_large_for_postgresql_gives_one_clear_line(database_url):
    from app.db.engine import make_engine

    engine = make_engine(database_url)
    try:
        with engine.connect() as connection, pytest.raises(DataError) as refused:
            connection.exec_driver_sql("SELECT 2147483647::integer + 1")
    finally:
        engine.dispose()
    assert isinstance(refused.value, UserError)
    assert str(refused.value) == "A number is too large for the database to store. The change was not saved."


def test_errors_it_does_not_know_stay_as_they_are(sqlite_url):
    from app.db.engine import make_engine

    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as connection, pytest.raises(OperationalError) as raised:
            connection.exec_driver_sql("SELECT * FROM no_such_table")
    finally:
        engine.dispose()
    assert not isinstance(raised.value, UserError)
    assert isinstance(raised.value.orig, sqlite3.OperationalError)
