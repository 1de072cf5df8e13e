"""An HQ installation with the real demo generator's network, for tests that read what ``demo``
makes (one set-up for every plugin's demo tests)."""

from __future__ import annotations

from pathlib import Path

from app.auth.service import authenticate
from app.config import Config
from app.demo import generate
from app.runtime import open_context
from app.setup import initialize

ADMIN_PASSWORD = "admin-password-1"


def open_hq(plugin_host, url: str):
    """A new HQ installation at ``url``: its context and its signed-in administrator."""
    ctx = open_context(Config(), url, plugins=plugin_host)
    with ctx.transaction() as session:
        initialize(session, tier="hq", code="HQ", name="总部", parent_code=None, admin_username="admin",
                   admin_password=ADMIN_PASSWORD)
    with ctx.reading() as session:
        return ctx, authenticate(session, "admin@HQ", ADMIN_PASSWORD)


def demo_hq(plugin_host, folder: Path, *, scale: int, seed: int, progress=None):
    """``open_hq`` on SQLite in ``folder``, then ``demo --scale scale --seed seed``."""
    ctx, admin = open_hq(plugin_host, f"sqlite:///{(folder / 'demo.db').as_posix()}")
    with ctx.transaction() as session:
        generate(ctx, session, admin, scale=scale, seed=seed,
                 **({"progress": progress} if progress is not None else {}))
    return ctx, admin
