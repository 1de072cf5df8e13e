"""Sign-in under pressure: parallel guessing gets no more tries than the lockout allows, and a long
write elsewhere (an import) neither blocks a right password nor lets guesses through."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from long_writer import long_write_transaction
from testdata import ADMIN_PASSWORD

from app.auth import attempts
from app.auth import service as auth
from app.clock import utcnow
from app.db.engine import make_engine, make_session_factory
from app.errors import AuthError

GUESSES = 40
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def counted_checks(monkeypatch):
    """Every password that reaches the (slow) hash check, from any thread."""
    checked = []
    real_verify = auth.verify_password

    def counting_verify(password_hash, password):
        checked.append(password)
        return real_verify(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", counting_verify)
    return checked


def url_of(ctx) -> str:
    return ctx.engine.url.render_as_string(hide_password=False)


def stored_lock(ctx, login="admin@HQ"):
    with ctx.reading() as session:
        user = auth.find_user(session, login)
        return user.failed_logins, user.locked_until


def guess_in_threads(url: str, count: int, login="admin@HQ") -> list[str]:
    """``count`` wrong passwords at once, each thread on its own engine (its own connections)."""
    engines = [make_engine(url) for _ in range(count)]
    start = threading.Barrier(count)
    messages = []

    def guess(engine, number):
        with make_session_factory(engine)() as session:
            start.wait()
            try:
                auth.authenticate(session, login, f"guess-{number}")
            except AuthError as exc:
                messages.append(str(exc))

    threads = [threading.Thread(target=guess, args=(e, n)) for n, e in enumerate(engines)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for engine in engines:
        engine.dispose()
    return messages


def test_parallel_wrong_passwords_reach_the_hash_check_at_most_five_times(ctx, counted_checks):
    messages = guess_in_threads(url_of(ctx), GUESSES)
    assert len(messages) == GUESSES and all(messages), "every guess is told something"
    assert len(counted_checks) == auth.attempts.MAX_FAILED_LOGINS
    assert sum("locked until" in m for m in messages) == GUESSES - 4
    failed, locked_until = stored_lock(ctx)
    assert locked_until is not None and locked_until > utcnow() and failed == 0
    with ctx.reading() as session, pytest.raises(AuthError, match="locked"):
        auth.authenticate(session, "admin@HQ", ADMIN_PASSWORD)
    assert len(counted_checks) == 5, "the right password is not checked while the account is locked"


def test_guessing_from_several_processes_is_held_to_the_same_five(ctx):
    guessers = [subprocess.Popen([sys.executable, str(REPO / "tests" / "support" / "sign_in_guesser.py"),
                                  url_of(ctx), "admin@HQ", "10"],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
                                 env={**os.environ, "PYTHONPATH": str(REPO)})
                for _ in range(4)]
    for guesser in guessers:
        assert guesser.stdout.readline().strip() == "ready"
    for guesser in guessers:
        guesser.stdin.write("go\n")
        guesser.stdin.flush()
    results = [json.loads(guesser.communicate(timeout=180)[0].strip().splitlines()[-1]) for guesser in guessers]
    assert sum(len(r["messages"]) for r in results) == GUESSES
    assert sum(r["checked"] for r in results) == 5
    assert stored_lock(ctx)[1] > utcnow()


def test_a_success_clears_the_count(ctx):
    with ctx.reading() as session:
        for _ in range(3):
            with pytest.raises(AuthError, match="attempts left"):
                auth.authenticate(session, "admin@HQ", "wrong")
        auth.authenticate(session, "admin@HQ", ADMIN_PASSWORD)
        assert stored_lock(ctx) == (0, None)
        with pytest.raises(AuthError, match="4 attempts left"):
            auth.authenticate(session, "admin@HQ", "wrong")


def test_the_right_password_signs_in_while_a_long_write_holds_the_database(ctx):
    with ctx.reading() as session, pytest.raises(AuthError, match="4 attempts left"):
        auth.authenticate(session, "admin@HQ", "wrong")
    with long_write_transaction(ctx.engine):
        started = time.monotonic()
        with ctx.reading() as session:
            actor = auth.authenticate(session, "admin@HQ", ADMIN_PASSWORD)
        assert actor.label == "admin@HQ"
        assert time.monotonic() - started < 8, "waits briefly, not for the writer (10 s and then an error)"
        assert stored_lock(ctx) == (1, None), "the database could not take the reset yet"
        with ctx.reading() as session, pytest.raises(AuthError, match="4 attempts left"):
            auth.authenticate(session, "admin@HQ", "wrong")  # counted from the success, not from before it
    assert attempts.flush(ctx.engine) == 1
    assert stored_lock(ctx) == (1, None)
    assert not attempts.unstored_users(ctx.engine)


def test_guesses_during_a_long_write_are_held_to_five_and_the_lock_is_stored_after(ctx, counted_checks):
    with long_write_transaction(ctx.engine):
        messages = guess_in_threads(url_of(ctx), GUESSES)
        assert len(counted_checks) == 5 and len(messages) == GUESSES
        with ctx.reading() as session, pytest.raises(AuthError, match="locked"):
            auth.authenticate(session, "admin@HQ", ADMIN_PASSWORD)
        assert stored_lock(ctx) == (0, None)
    assert attempts.flush(ctx.engine) == 1
    failed, locked_until = stored_lock(ctx)
    assert failed == 0 and locked_until > utcnow()
    with ctx.reading() as session, pytest.raises(AuthError, match="locked"):
        auth.authenticate(session, "admin@HQ", ADMIN_PASSWORD)
    assert len(counted_checks) == 5


def test_a_database_that_cannot_be_used_gives_one_plain_line(ctx, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    def broken(code, text):
        def find_user(*_args, **_kwargs):
            error = sqlite3.OperationalError(text)
            error.sqlite_errorcode = code
            raise OperationalError("SELECT …", {}, error)
        return find_user

    for code, text, expected in ((5, "database is locked", "busy with another task"),
                                 (10, "disk I/O error", "could not use the database: disk I/O error")):
        monkeypatch.setattr(auth, "find_user", broken(code, text))
        with ctx.reading() as session, pytest.raises(AuthError) as refused:
            auth.authenticate(session, "admin@HQ", ADMIN_PASSWORD)
        assert expected in str(refused.value) and "SELECT" not in str(refused.value)
