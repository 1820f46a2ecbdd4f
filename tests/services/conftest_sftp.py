"""Fixtures of the sFTP area's tests (imported by tests/*/test_sftp*.py): one RSA key per session,
key files on disk, and connection parameters authorised on the real sshd fixture."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="session")
def rsa_private_key() -> Any:
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def key_pair(tmp_path: Path, rsa_private_key: Any) -> Any:
    """id_rsa (encrypted), public.key and id_rsa.ppk (v3) for user 'alice' from the session key."""
    from console.services.sftp import save_key_pair

    return save_key_pair(tmp_path / "keys", "alice", passphrase=PASSPHRASE, write_ppk=True,
                         private_key=rsa_private_key)


@pytest.fixture
def params(sshd: Any, key_pair: Any) -> Any:
    """ConnectionParams whose key the sshd accepts."""
    from console.services.sftp import ConnectionParams

    sshd.authorized_keys.write_text(key_pair.info.public_line + "\n")
    return ConnectionParams(sshd.host, sshd.port, sshd.user, Path(key_pair.private_path), PASSPHRASE)


@pytest.fixture
def known_hosts(tmp_path: Path) -> Path:
    return tmp_path / "known_hosts"


@pytest.fixture
def trusted(params: Any, known_hosts: Path, sshd: Any) -> Path:
    """A known_hosts file that already trusts the sshd's host key."""
    from console.services.sftp import trust_host_key

    key_type, key_b64 = sshd.host_public_key.split()[:2]
    trust_host_key(known_hosts, sshd.host, sshd.port, key_type, key_b64)
    return known_hosts


def ssh_keygen_fingerprint(path: Path, hash_name: str = "sha256") -> str:
    out = subprocess.run(["ssh-keygen", "-l", "-E", hash_name, "-f", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return out.split()[1]
