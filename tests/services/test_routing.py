"""Dropped files go to the right area."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.services.routing import area_for_path


@pytest.mark.parametrize(("name", "content", "area"), [
    ("session.har", b"{}", "har"),
    ("bundle.zip", b"PK", "diagnostics"),
    ("bundle.tar.gz", b"", "diagnostics"),
    ("report.pdf.gpg", b"", "gpg"),
    ("client.asc", b"-----BEGIN PGP PUBLIC KEY BLOCK-----", "gpg"),
    ("statement.pgp", b"", "gpg"),
    ("public.key", b"ssh-rsa AAAA", "sftp"),
    ("id_rsa.pub", b"ssh-rsa AAAA", "sftp"),
    ("id_rsa.ppk", b"PuTTY-User-Key-File-3: ssh-rsa", "sftp"),
    ("id_rsa", b"-----BEGIN OPENSSH PRIVATE KEY-----", "sftp"),
    ("mykey", b"-----BEGIN RSA PRIVATE KEY-----", "sftp"),
    ("tws.log", b"2024-01-01", "diagnostics"),
    ("snapshot.json", b"{}", "sls"),
    ("notes.docx", b"", None),
])
def test_area_for_path(tmp_path: Path, name: str, content: bytes, area: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert area_for_path(path) == area


def test_folder_is_a_bundle(tmp_path: Path) -> None:
    assert area_for_path(tmp_path) == "diagnostics"
