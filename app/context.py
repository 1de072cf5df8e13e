"""What the shell hands to hooks: the database, the signed-in user, settings, the plugin host."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from app.auth.actor import Actor
    from app.config import Config
    from app.plugins import PluginHost


@dataclass
class AppContext:
    engine: Engine
    session_factory: sessionmaker[Session]
    plugins: PluginHost
    config: Config
    actor: Actor | None = None

    @property
    def hook(self):
        return self.plugins.hook

    @contextmanager
    def transaction(self):
        """A session that commits on success and rolls back on any error: all or nothing."""
        with self.session_factory() as session, session.begin():
            yield session

    def reading(self) -> Session:
        return self.session_factory()

    def signed_in(self, actor: Actor) -> AppContext:
        return replace(self, actor=actor)
