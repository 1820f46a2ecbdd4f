"""The harness itself: each real server starts and answers."""

from __future__ import annotations

import socket
import subprocess

import pytest


def test_sqlite_and_postgresql_migrate(database) -> None:
    status = database.status()
    assert status.reachable and status.at_head


def test_sshd_accepts_connections(sshd) -> None:
    with socket.create_connection((sshd.host, sshd.port), timeout=5) as conn:
        banner = conn.recv(64)
    assert banner.startswith(b"SSH-2.0-OpenSSH")


def test_gnupghome_is_private(gnupghome) -> None:
    proc = subprocess.run(["gpg", "--homedir", str(gnupghome), "--list-keys"], capture_output=True, check=False)
    assert proc.returncode == 0
    assert (gnupghome.stat().st_mode & 0o777) == 0o700


@pytest.mark.xvfb_screen
def test_xvfb_is_24_bit(xvfb_display) -> None:
    import mss

    with mss.MSS() as sct:
        shot = sct.grab(sct.monitors[1])
    assert (shot.width, shot.height) == (1920, 1080)
