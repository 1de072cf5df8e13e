"""Changes to this installation's settings file, permission-checked and audited."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.orm import Session

from app.audit import service as audit
from app.auth.actor import Actor
from app.config import Config
from app.errors import ValidationError
from app.i18n import LANGUAGES, translate

SETTINGS_MANAGE = "core.settings.manage"
EDITABLE = ("language", "disabled_plugins", "idle_lock_minutes", "backups_to_keep", "database_url")


def update_settings(session: Session, actor: Actor, config: Config, **changes) -> Config:
    """Validate, audit (in ``session``) and save; the file is written only if all is valid."""
    actor.require(SETTINGS_MANAGE)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(translate("Settings", "Unknown setting: {name}").format(name=", ".join(sorted(unknown))))
    _validate(changes)
    before = _shown(config, changes)
    for key, value in changes.items():
        setattr(config, key, value)
    audit.record(session, actor, "settings", "installation", "update", ", ".join(sorted(changes)),
                 before=before, after=_shown(config, changes))
    session.flush()
    config.save()
    return config


def _shown(config: Config, keys) -> dict:
    """Values as the audit log may keep them: never a database password."""
    values = {k: asdict(config)[k] for k in keys}
    if values.get("database_url"):
        from sqlalchemy.engine import make_url

        values["database_url"] = make_url(values["database_url"]).render_as_string(hide_password=True)
    return values


def _validate(changes: dict) -> None:
    if "language" in changes and changes["language"] not in LANGUAGES:
        raise ValidationError(translate("Settings", "Unsupported language."), field="language")
    minutes = changes.get("idle_lock_minutes", 0)
    if not isinstance(minutes, int) or not 0 <= minutes <= 480:
        raise ValidationError(translate("Settings", "Idle lock must be 0 (off) to 480 minutes."), field="idle_lock_minutes")
    keep = changes.get("backups_to_keep", 10)
    if not isinstance(keep, int) or not 1 <= keep <= 100:
        raise ValidationError(translate("Settings", "Keep between 1 and 100 backups."), field="backups_to_keep")
