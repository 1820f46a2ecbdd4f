"""The console's own known_hosts file (OpenSSH syntax, so ``ssh -o UserKnownHostsFile=`` can read it).

Entries are plain ``host key-type base64`` lines, or ``[host]:port ...`` for a port other
than 22. Hashed entries (``|1|...``) written by OpenSSH are understood too. Adding a key never
replaces an existing one: a changed key is refused by the client, and the person removes the
old line on purpose (:func:`remove`) once the broker confirms a new server key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path

from console.services.fsutil import atomic_write_text
from console.services.sftp.errors import SftpError


@dataclass(frozen=True)
class KnownKey:
    key_type: str
    key_base64: str

    @property
    def blob(self) -> bytes:
        return base64.b64decode(self.key_base64)


def host_pattern(host: str, port: int) -> str:
    return host if port == 22 else f"[{host}]:{port}"


def default_path(data_dir: Path) -> Path:
    return Path(data_dir) / "sftp" / "known_hosts"


def _matches(field: str, pattern: str) -> bool:
    if field.startswith("|1|"):
        try:
            _, _, salt_b64, hash_b64 = field.split("|")
            salt = base64.b64decode(salt_b64)
            expected = base64.b64decode(hash_b64)
        except (ValueError, binascii.Error):
            return False
        return hmac.compare_digest(hmac.new(salt, pattern.encode(), hashlib.sha1).digest(), expected)
    return pattern in field.split(",")


def _lines(path: Path) -> list[str]:
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    except IsADirectoryError:
        raise SftpError(f"The known_hosts path {path} is a folder, not a file.",
                        hint="Point the console at a file (it is created on first use), or remove the folder.") \
            from None
    except NotADirectoryError:
        raise SftpError(f"The known_hosts path {path} cannot exist: part of it is a file, not a folder.") from None
    except OSError as exc:
        raise SftpError(f"Cannot read the known_hosts file {path}: {exc.strerror or exc}.") from None


def _write(path: Path, lines: list[str]) -> None:
    try:
        atomic_write_text(Path(path), "\n".join(lines) + ("\n" if lines else ""), mode=0o600)
    except OSError as exc:
        raise SftpError(f"Cannot write the known_hosts file {path}: {exc.strerror or exc}.") from None


def lookup(path: Path, host: str, port: int) -> list[KnownKey]:
    """Every trusted key of ``host``:``port`` (empty when the server is unknown)."""
    pattern = host_pattern(host, port)
    found: list[KnownKey] = []
    for line in _lines(path):
        parts = line.split()
        if len(parts) < 3 or parts[0].startswith("#") or parts[0].startswith("@"):
            continue
        if _matches(parts[0], pattern):
            found.append(KnownKey(parts[1], parts[2]))
    return found


def add(path: Path, host: str, port: int, key_type: str, key_base64: str) -> None:
    """Trust a key for ``host``:``port`` (appends; the file is rewritten atomically, mode 0600)."""
    if any(k.key_type == key_type and k.key_base64 == key_base64 for k in lookup(path, host, port)):
        return
    lines = _lines(path)
    lines.append(f"{host_pattern(host, port)} {key_type} {key_base64}")
    _write(path, lines)


def remove(path: Path, host: str, port: int) -> int:
    """Forget every key of ``host``:``port``; returns how many lines went."""
    pattern = host_pattern(host, port)
    kept: list[str] = []
    removed = 0
    for line in _lines(path):
        parts = line.split()
        if len(parts) >= 3 and not parts[0].startswith("#") and _matches(parts[0], pattern):
            removed += 1
            continue
        kept.append(line)
    if removed:
        _write(path, kept)
    return removed
