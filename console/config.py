"""Settings, declared once: name, type, default, environment variable.

Resolution order for every option: environment variable, then the settings file
(``settings.json`` in the config dir), then the default. The settings file carries a
``version`` so later releases can migrate it (see :func:`_upgrade`).

The GUI's preferences dialog and the CLI both read :data:`OPTIONS`; nothing else declares
a setting.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from console import APP_ID
from console.services import fsutil
from console.services.errors import ConfigError

SETTINGS_VERSION = 1
CONFIG_DIR_ENV = "SUPPORT_CONSOLE_CONFIG_DIR"

Resolver = Callable[[Mapping[str, Any]], Any]


@dataclass(frozen=True)
class Option:
    """One setting: its type, its default (a value or a function of earlier values) and its env var."""

    name: str
    type: type
    default: Any
    env: str
    label: str
    help: str
    choices: tuple[tuple[str, str], ...] = ()
    restart: bool = False
    bounds: tuple[int, int] | None = None

    def default_for(self, earlier: Mapping[str, Any]) -> Any:
        return self.default(earlier) if callable(self.default) else self.default

    def coerce(self, raw: Any) -> Any:
        if raw is None:
            raise ValueError("empty")
        if self.type is Path:
            return Path(os.path.expanduser(str(raw)))
        if self.type is int:
            try:
                number = int(raw)
            except (TypeError, ValueError):
                raise ValueError(f"'{raw}' is not a whole number") from None
            if self.bounds and not self.bounds[0] <= number <= self.bounds[1]:
                raise ValueError(f"{number} is out of range ({self.bounds[0]} to {self.bounds[1]})")
            return number
        text = str(raw)
        if self.choices and text not in {c for c, _ in self.choices}:
            raise ValueError(f"must be one of {', '.join(c for c, _ in self.choices)}")
        return text


def _default_data_dir(_: Mapping[str, Any]) -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def _default_db_url(v: Mapping[str, Any]) -> str:
    return f"sqlite:///{Path(v['data_dir']) / 'console.db'}"


LANGUAGES = (("en", "English"), ("zh_TW", "繁體中文 (Traditional Chinese, coming)"))

# Order matters: a default may depend on options declared above it.
OPTIONS: tuple[Option, ...] = (
    Option("data_dir", Path, _default_data_dir, "SUPPORT_CONSOLE_DATA_DIR", "Data folder",
           "Where the console keeps its database, logs and stores.", restart=True),
    Option("db_url", str, _default_db_url, "SUPPORT_CONSOLE_DB_URL", "Database URL",
           "SQLite file by default; postgresql+psycopg://user:password@host/db for a shared team database."),
    Option("bundle_store_dir", Path, lambda v: Path(v["data_dir"]) / "bundles", "SUPPORT_CONSOLE_BUNDLE_DIR",
           "Diagnostic bundle store", "Where ingested diagnostic files are kept (content-addressed)."),
    Option("gnupg_home", Path, lambda v: Path(v["data_dir"]) / "gnupg", "SUPPORT_CONSOLE_GNUPGHOME",
           "GnuPG home", "The console's own keyring; your personal keyring is never touched."),
    Option("gpg_binary", str, "gpg", "SUPPORT_CONSOLE_GPG", "GnuPG program",
           "The gpg program: a name found on PATH or a full path (e.g. C:\\Program Files (x86)\\GnuPG\\bin\\gpg.exe)."),
    Option("sftp_host", str, "xfer.interactivebrokers.com", "SUPPORT_CONSOLE_SFTP_HOST", "Default sFTP host",
           "The broker's file transfer server."),
    Option("sftp_port", int, 32, "SUPPORT_CONSOLE_SFTP_PORT", "Default sFTP port",
           "The broker's xfer servers listen on port 32, not 22.", bounds=(1, 65535)),
    Option("language", str, "en", "SUPPORT_CONSOLE_LANGUAGE", "Language",
           "Language of the interface.", choices=LANGUAGES, restart=True),
)
OPTIONS_BY_NAME = {o.name: o for o in OPTIONS}


def config_dir() -> Path:
    env = os.environ.get(CONFIG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def settings_file() -> Path:
    return config_dir() / "settings.json"


def _upgrade(stored: dict[str, Any]) -> dict[str, Any]:
    """Migrate a settings file written by an older version (none yet: version 1 is the first)."""
    stored.setdefault("version", SETTINGS_VERSION)
    return stored


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"version": SETTINGS_VERSION}
    except (OSError, ValueError) as exc:
        raise ConfigError(f"The settings file {path} cannot be read ({exc}).",
                          hint="Fix or delete it; defaults are used for anything missing.") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"The settings file {path} is not a JSON object.", hint="Fix or delete it.")
    return _upgrade(data)


class Settings:
    """Resolved settings. ``settings.db_url``; ``settings.source("db_url")`` says where it came from."""

    def __init__(self, values: dict[str, Any], sources: dict[str, str], stored: dict[str, Any]) -> None:
        self._values = values
        self._sources = sources
        self._stored = stored

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        stored = _read_file(settings_file())
        values: dict[str, Any] = {}
        sources: dict[str, str] = {}
        for opt in OPTIONS:
            for source, raw in (("env", environ.get(opt.env)), ("file", stored.get(opt.name))):
                if raw in (None, ""):
                    continue
                try:
                    values[opt.name] = opt.coerce(raw)
                except ValueError as exc:
                    where = f"environment variable {opt.env}" if source == "env" else f"{settings_file()}"
                    raise ConfigError(f"Setting '{opt.name}' from {where} is invalid: {exc}.") from exc
                sources[opt.name] = source
                break
            else:
                values[opt.name] = opt.default_for(values)
                sources[opt.name] = "default"
        return cls(values, sources, stored)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def source(self, name: str) -> str:
        return self._sources[name]

    def stored(self, name: str) -> Any:
        return self._stored.get(name)

    def save(self, changes: Mapping[str, Any]) -> None:
        """Write ``changes`` to the settings file (temp file + rename: never half-written).

        A value of ``None`` removes the option from the file, so its default applies again.
        """
        data = dict(self._stored)
        for name, value in changes.items():
            opt = OPTIONS_BY_NAME[name]
            if value is None or value == "":
                data.pop(name, None)
                continue
            try:
                coerced = opt.coerce(value)
            except ValueError as exc:
                raise ConfigError(f"{opt.label}: {exc}.") from exc
            data[name] = str(coerced) if isinstance(coerced, Path) else coerced
        data["version"] = SETTINGS_VERSION
        path = settings_file()
        atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True) + "\n")
        self._stored = data

    def ensure_data_dir(self) -> Path:
        """Create the data dir if needed and prove it is writable, or raise a ConfigError."""
        return ensure_writable_dir(Path(self._values["data_dir"]), "data folder")


def ensure_writable_dir(path: Path, what: str) -> Path:
    try:
        # The data folder holds client data: private to this user when the console creates it.
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise ConfigError(f"The {what} {path} is not writable ({exc.strerror or exc}).",
                          hint="Choose another folder in Preferences or set the environment variable.") from exc
    return path


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, as a ConfigError on failure."""
    try:
        fsutil.atomic_write_text(path, text)
    except OSError as exc:
        raise ConfigError(f"Cannot write {path} ({exc.strerror or exc}).") from exc
