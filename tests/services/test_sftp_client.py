"""Connecting to a real OpenSSH sshd: host key unknown / trusted / changed, refused key, failures explained."""
# ruff: noqa: F811  (pytest fixtures imported from conftest_sftp are used as parameters)

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from console.services.sftp import (
    AuthRefused,
    ConnectionParams,
    HostKeyChanged,
    HostKeyUnknown,
    SftpError,
    WrongPassphrase,
)
from console.services.sftp import (
    test_connection as run_test_connection,
)
from tests.helpers.servers import free_port
from tests.services.conftest_sftp import (  # noqa: F401
    PASSPHRASE,
    key_pair,
    known_hosts,
    params,
    rsa_private_key,
    ssh_keygen_fingerprint,
    trusted,
)

pytestmark = pytest.mark.sshd


def test_unknown_host_key_is_not_trusted_silently(params: Any, known_hosts: Path, sshd: Any) -> None:
    with pytest.raises(HostKeyUnknown) as info:
        run_test_connection(params, known_hosts=known_hosts)
    exc = info.value
    assert exc.exit_code == 3
    assert exc.sha256 == ssh_keygen_fingerprint(Path(str(sshd.host_key_path) + ".pub"))
    assert exc.sha256 in exc.message
    assert not known_hosts.exists()


def test_accept_new_saves_key_then_matches(params: Any, known_hosts: Path, sshd: Any) -> None:
    report = run_test_connection(params, known_hosts=known_hosts, accept_new=True)
    assert report.newly_trusted and report.username == sshd.user
    key_type, key_b64 = sshd.host_public_key.split()[:2]
    assert known_hosts.read_text() == f"[127.0.0.1]:{sshd.port} {key_type} {key_b64}\n"
    again = run_test_connection(params, known_hosts=known_hosts)
    assert not again.newly_trusted and again.host_key == report.host_key


def test_changed_host_key_refused_even_with_accept_new(params: Any, trusted: Path, sshd: Any) -> None:
    before = trusted.read_text()
    sshd.rotate_host_key()
    for accept in (False, True):
        with pytest.raises(HostKeyChanged) as info:
            run_test_connection(params, known_hosts=trusted, accept_new=accept)
        assert info.value.exit_code == 4
        assert "intercept" in info.value.message
        assert (info.value.host, info.value.port, info.value.known_hosts) == (sshd.host, sshd.port, trusted)
        assert str(trusted) in (info.value.hint or "")
    assert trusted.read_text() == before
    assert "Accepted publickey" not in sshd.log()  # nothing was sent to the impostor


def test_ppk_key_authenticates(params: Any, trusted: Path, key_pair: Any) -> None:
    ppk_params = dataclasses.replace(params, key_path=Path(key_pair.ppk_path))
    report = run_test_connection(ppk_params, known_hosts=trusted)
    assert report.entries >= 0 and report.home.startswith("/")


def test_refused_key_explains_broker_setup_delay(params: Any, trusted: Path, sshd: Any) -> None:
    sshd.authorized_keys.write_text("")
    with pytest.raises(AuthRefused) as info:
        run_test_connection(params, known_hosts=trusted)
    assert info.value.exit_code == 5
    assert "1-2 business days" in (info.value.hint or "")


def test_wrong_passphrase_fails_before_network(params: Any, trusted: Path) -> None:
    with pytest.raises(WrongPassphrase):
        run_test_connection(dataclasses.replace(params, passphrase="nope"), known_hosts=trusted)


def test_closed_port_and_dns_failure(key_pair: Any, tmp_path: Path) -> None:
    closed = ConnectionParams("127.0.0.1", free_port(), "alice", Path(key_pair.private_path), PASSPHRASE)
    with pytest.raises(SftpError, match="refused the connection") as info:
        run_test_connection(closed, known_hosts=tmp_path / "kh", timeout=5)
    assert info.value.exit_code == 2 and "32" in (info.value.hint or "")
    nowhere = dataclasses.replace(closed, host="no-such-host.invalid")
    with pytest.raises(SftpError, match="DNS"):
        run_test_connection(nowhere, known_hosts=tmp_path / "kh", timeout=5)


def test_unsupported_algorithms_are_named(params: Any, trusted: Path, sshd: Any) -> None:
    sshd.restart(extra_config="Ciphers chacha20-poly1305@openssh.com")
    with pytest.raises(SftpError) as info:
        run_test_connection(params, known_hosts=trusted)
    assert "ssh-rsa" in (info.value.hint or "") and "SHA-1" in (info.value.hint or "")


def test_passphrase_not_in_repr(params: Any) -> None:
    assert PASSPHRASE not in repr(params)
