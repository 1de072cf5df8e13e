"""User fields too long for their columns are refused by name, and a password hash never shows up
in an error's text; a password file with nothing on its first line says so."""

import traceback

import pytest
from sqlalchemy import select
from testdata import USER_PASSWORD

from app.auth import service as auth
from app.auth.models import User
from app.cli import read_password
from app.errors import UserError, ValidationError
from app.orgs.service import get_by_code


def test_an_over_long_display_name_is_refused_by_name_without_the_hash(ctx, admin, monkeypatch):
    hashes = []
    real_hash = auth.hash_password
    monkeypatch.setattr(auth, "hash_password", lambda password: hashes.append(real_hash(password)) or hashes[-1])
    with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
        auth.create_user(session, admin, org_code="BJ", username="long", password=USER_PASSWORD,
                         display_name="长" * 101, roles=["hotline"])
    assert refused.value.field == "display_name"
    assert str(refused.value) == "Display name is too long: at most 100 characters, 101 given."
    assert not hashes, "refused before a hash exists"
    with ctx.reading() as session:
        assert session.scalar(select(User).where(User.username == "long")) is None


def test_an_over_long_phone_or_display_name_on_update_is_refused_by_name(ctx, admin, make_actor):
    make_actor(ctx, "short@BJ", roles=["hotline"])
    for field, value in (("phone", "1" * 41), ("display_name", "x" * 101)):
        with ctx.transaction() as session, pytest.raises(ValidationError) as refused:
            auth.update_user(session, admin, auth.find_user(session, "short@BJ"), **{field: value})
        assert refused.value.field == field and "too long" in str(refused.value)
    with ctx.transaction() as session:
        auth.update_user(session, admin, auth.find_user(session, "short@BJ"), display_name="x" * 100,
                         phone="1" * 40)


def test_a_database_error_on_a_user_row_does_not_quote_its_password_hash(ctx):
    """Bound values are kept out of exception text, so neither the message nor a logged traceback
    can carry the new user's argon2 hash."""
    with ctx.reading() as session:
        org = get_by_code(session, "HQ")
    with pytest.raises(Exception) as refused:
        with ctx.transaction() as session:
            twin = auth.build_user(org, "admin", USER_PASSWORD, "second admin")  # the name is taken
            session.add(twin)
            session.flush()
    text = "".join(traceback.format_exception(refused.value))
    assert "core_users" in text, "it is the database's refusal"
    assert twin.password_hash not in text and "$argon2" not in text


def test_a_password_file_with_a_blank_first_line_says_so(tmp_path):
    blank_first = tmp_path / "blank-first.txt"
    blank_first.write_text("\nsecret-password-1\n", encoding="utf-8")
    with pytest.raises(UserError, match="first line of the password file .* is blank"):
        read_password(blank_first, "")
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\n", encoding="utf-8")
    with pytest.raises(UserError, match="password file .* is empty"):
        read_password(empty, "")
    good = tmp_path / "good.txt"
    good.write_text("secret-password-1\r\n", encoding="utf-8")
    assert read_password(good, "") == "secret-password-1"
