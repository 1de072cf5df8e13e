"""Automatic sync: the shell's periodic job (hook ``periodic_jobs`` of the core) runs ``run``
every minute; the sync itself keeps to the interval set with ``sync connect --every``."""

from __future__ import annotations

from app.errors import UserError
from app.sync import state
from app.sync.service import DEFAULT_INTERVAL_MINUTES, describe, sync_now

AUTO = "sync.auto"  # core_settings: {"failures": n, "next_at": ISO time}
MAX_BACKOFF_MINUTES = 60


def run(ctx, now=None) -> str | None:
    """One turn of the automatic sync (the shell's periodic job): push then pull when the
    interval has passed; after a failure, try again after 1, 2, 4 … minutes (never longer than
    the interval, at most an hour), whether or not anything changed here meanwhile. Runs as the
    installation itself, whoever is signed in. Returns what happened, or None when not due."""
    from datetime import datetime, timedelta

    from app.cli import system_actor_for
    from app.clock import utcnow

    now = now or utcnow()
    settings = state.load(ctx.engine).parent
    minutes = int(settings.get("interval_minutes", DEFAULT_INTERVAL_MINUTES))
    if not settings.get("url") or minutes <= 0:
        return None
    turn = _auto_state(ctx)
    if turn.get("next_at") and now < datetime.fromisoformat(turn["next_at"]):
        return None
    with ctx.reading() as session:
        actor = system_actor_for(ctx, session)
    try:
        pushed, pulled = sync_now(ctx, actor)
    except UserError as exc:
        failures = int(turn.get("failures", 0)) + 1
        wait = min(2 ** (failures - 1), minutes, MAX_BACKOFF_MINUTES)
        _save_auto_state(ctx, {"failures": failures, "next_at": (now + timedelta(minutes=wait)).isoformat()})
        return str(exc)
    _save_auto_state(ctx, {"failures": 0, "next_at": (now + timedelta(minutes=minutes)).isoformat()})
    return f"{describe(pushed)} {describe(pulled)}"


def _auto_state(ctx) -> dict:
    from sqlalchemy.orm import Session

    from app import installation

    with Session(ctx.engine) as session:
        return dict(installation.get_value(session, AUTO, {}))


def _save_auto_state(ctx, value: dict) -> None:
    from sqlalchemy.orm import Session

    from app import installation

    with Session(ctx.engine) as session, session.begin():
        installation.set_value(session, AUTO, value)
