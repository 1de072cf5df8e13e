"""The settings file and the data locations: the folder ``SERVICE_CENTER_HOME`` names, else the
platform's user data folder (database, backups, window settings, logs)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "ServiceCenterSuite"
APP_AUTHOR = "ServiceCenter"


def data_dir() -> Path:
    override = os.environ.get("SERVICE_CENTER_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_database_path() -> Path:
    return data_dir() / "service-center.sqlite3"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_path() -> Path:
    return data_dir() / "settings.json"


def window_settings_path() -> Path:
    """Window state (geometry, last page, last folder): an INI file beside the data it belongs to."""
    return data_dir() / "window-settings.ini"


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file_path() -> Path:
    return logs_dir() / "service-center.log"


@dataclass
class Config:
    database_url: str = ""
    language: str = ""
    disabled_plugins: list[str] = field(default_factory=list)
    idle_lock_minutes: int = 15
    backups_to_keep: int = 10

    @property
    def effective_language(self) -> str:
        return os.environ.get("SERVICE_CENTER_LANG") or self.language or "zh_CN"

    def effective_database_url(self) -> str:
        from app.db.engine import sqlite_url

        return self.database_url or sqlite_url(default_database_path())

    def save(self, path: Path | None = None) -> None:
        path = path or config_path()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)  # never a half-written settings file


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    if not path.exists():
        return Config()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Config()
    if not isinstance(raw, dict):
        return Config()
    defaults = Config()
    # A hand-edited file with a wrong type falls back to the default for that field only.
    known = {k: v for k, v in raw.items()
             if k in Config.__dataclass_fields__ and type(v) is type(getattr(defaults, k))}
    if not all(isinstance(p, str) for p in known.get("disabled_plugins", [])):
        known.pop("disabled_plugins")
    return Config(**known)
