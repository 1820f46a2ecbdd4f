"""Connection profiles (name, host, port, username, key file, remote folder), kept in a small JSON file.

Profiles hold no secret: the passphrase is asked when connecting and never stored. The file
lives in the console's data folder next to its own known_hosts; it is rewritten atomically.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from console.services.errors import InvalidInput, NotFound
from console.services.fsutil import atomic_write_text
from console.services.sftp.client import DEFAULT_HOST, DEFAULT_PORT

FILE_VERSION = 1


@dataclass(frozen=True)
class Profile:
    name: str
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    username: str = ""
    key_path: str = ""
    remote_dir: str = "."


def default_path(data_dir: Path) -> Path:
    return Path(data_dir) / "sftp" / "profiles.json"


def validate(profile: Profile) -> Profile:
    name = profile.name.strip()
    host = profile.host.strip()
    if not name:
        raise InvalidInput("Give the profile a name.")
    if not host or any(ch.isspace() for ch in host):
        raise InvalidInput("Enter the server's host name (for the broker: xfer.interactivebrokers.com).")
    if not 1 <= int(profile.port) <= 65535:
        raise InvalidInput(f"Port {profile.port} is not valid (1-65535; the broker uses {DEFAULT_PORT}).")
    username = profile.username.strip()
    if not username or any(ch.isspace() for ch in username):
        raise InvalidInput("Enter the sFTP username (no spaces).")
    return replace(profile, name=name, host=host, port=int(profile.port), username=username,
                   key_path=profile.key_path.strip(), remote_dir=profile.remote_dir.strip() or ".")


def load_profiles(path: Path) -> list[Profile]:
    """All profiles, sorted by name (empty when the file does not exist)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"The sFTP profiles file {path} cannot be read ({exc}).",
                           hint="Fix or delete the file; it only holds connection settings.") from exc
    items = raw.get("profiles", []) if isinstance(raw, dict) else []
    known = set(Profile.__dataclass_fields__)
    profiles = []
    for item in items:
        if isinstance(item, dict) and item.get("name"):
            profiles.append(Profile(**{k: v for k, v in item.items() if k in known}))
    return sorted(profiles, key=lambda p: p.name.lower())


def _write(path: Path, profiles: list[Profile]) -> None:
    data = {"version": FILE_VERSION, "profiles": [asdict(p) for p in sorted(profiles, key=lambda p: p.name.lower())]}
    atomic_write_text(Path(path), json.dumps(data, indent=2) + "\n", mode=0o600)


def save_profile(path: Path, profile: Profile) -> Profile:
    """Add or replace (by name) a profile."""
    profile = validate(profile)
    others = [p for p in load_profiles(path) if p.name != profile.name]
    _write(path, [*others, profile])
    return profile


def delete_profile(path: Path, name: str) -> None:
    profiles = load_profiles(path)
    kept = [p for p in profiles if p.name != name]
    if len(kept) == len(profiles):
        raise NotFound(f"There is no sFTP profile named {name!r}.")
    _write(path, kept)


def get_profile(path: Path, name: str) -> Profile:
    for profile in load_profiles(path):
        if profile.name == name:
            return profile
    raise NotFound(f"There is no sFTP profile named {name!r}.")
