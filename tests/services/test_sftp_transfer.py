"""Transfers against a real sshd: .part files, verification, resume after an interruption, overwrite rules."""
# ruff: noqa: F811  (pytest fixtures imported from conftest_sftp are used as parameters)

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from console.services.errors import Cancelled
from console.services.sftp import (
    SftpError,
    TargetExists,
    download_file,
    download_newest,
    list_dir,
    upload_file,
)
from tests.services.conftest_sftp import (  # noqa: F401
    PASSPHRASE,
    key_pair,
    known_hosts,
    params,
    rsa_private_key,
    trusted,
)

pytestmark = pytest.mark.sshd
SIZE = 24 * 1024 * 1024 + 12345


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def payload() -> bytes:
    return os.urandom(SIZE)


@pytest.fixture
def remote_file(sshd: Any, payload: bytes) -> Path:
    path = sshd.root / "statement.bin"
    path.write_bytes(payload)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    return path


def _cancel_after(limit: int) -> tuple[threading.Event, Any]:
    event = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= limit:
            event.set()

    return event, progress


def test_download_verified_and_renamed(params: Any, trusted: Path, remote_file: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    target = tmp_path / "dl" / "statement.bin"
    result = download_file(params, str(remote_file), target, known_hosts=trusted,
                           progress=lambda d, t: seen.append((d, t)))
    assert result.sha256 == sha(remote_file) == sha(target) and result.size == SIZE
    assert seen[-1] == (SIZE, SIZE)
    assert not target.with_name("statement.bin.part").exists()
    assert int(target.stat().st_mtime) == 1_700_000_000


def test_download_resume_after_interruption(params: Any, trusted: Path, remote_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "statement.bin"
    part = tmp_path / "statement.bin.part"
    cancel, progress = _cancel_after(1)
    with pytest.raises(Cancelled):
        download_file(params, str(remote_file), target, known_hosts=trusted, cancel=cancel, progress=progress)
    assert not target.exists()  # never the final name while incomplete
    partial = part.stat().st_size
    assert 0 < partial < SIZE
    result = download_file(params, str(remote_file), target, known_hosts=trusted, resume=True)
    assert result.resumed_from == partial
    assert sha(target) == sha(remote_file) == result.sha256
    assert not part.exists()


def test_download_resume_with_foreign_part_starts_over(params: Any, trusted: Path, remote_file: Path,
                                                       tmp_path: Path) -> None:
    target = tmp_path / "statement.bin"
    (tmp_path / "statement.bin.part").write_bytes(b"\0" * 100_000)  # not the start of this file
    result = download_file(params, str(remote_file), target, known_hosts=trusted, resume=True)
    assert result.resumed_from == 0 and sha(target) == sha(remote_file)


def test_download_overwrite_rules(params: Any, trusted: Path, remote_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "statement.bin"
    target.write_text("mine")
    with pytest.raises(TargetExists):
        download_file(params, str(remote_file), target, known_hosts=trusted)
    assert target.read_text() == "mine"
    download_file(params, str(remote_file), target, known_hosts=trusted, overwrite=True)
    assert sha(target) == sha(remote_file)


def test_download_errors(params: Any, trusted: Path, sshd: Any, tmp_path: Path) -> None:
    with pytest.raises(SftpError, match="does not exist"):
        download_file(params, str(sshd.root / "nope.bin"), tmp_path / "x", known_hosts=trusted)
    with pytest.raises(SftpError, match="folder"):
        download_file(params, str(sshd.root), tmp_path / "x", known_hosts=trusted)
    assert not (tmp_path / "x").exists() and not (tmp_path / "x.part").exists()


def test_upload_verified_and_renamed(params: Any, trusted: Path, sshd: Any, payload: bytes, tmp_path: Path) -> None:
    local = tmp_path / "report.pdf.gpg"
    local.write_bytes(payload)
    remote = sshd.root / "outbox" / "report.pdf.gpg"
    remote.parent.mkdir()
    result = upload_file(params, local, str(remote), known_hosts=trusted)
    assert sha(remote) == sha(local) == result.sha256
    assert not Path(str(remote) + ".part").exists()
    with pytest.raises(TargetExists):
        upload_file(params, local, str(remote), known_hosts=trusted)
    local.write_bytes(b"second version")
    upload_file(params, local, str(remote), known_hosts=trusted, overwrite=True)
    assert remote.read_bytes() == b"second version"


def test_upload_resume_after_interruption(params: Any, trusted: Path, sshd: Any, payload: bytes,
                                          tmp_path: Path) -> None:
    local = tmp_path / "big.bin"
    local.write_bytes(payload)
    remote = sshd.root / "big.bin"
    part = Path(str(remote) + ".part")
    cancel, progress = _cancel_after(1)
    with pytest.raises(Cancelled):
        upload_file(params, local, str(remote), known_hosts=trusted, cancel=cancel, progress=progress)
    assert not remote.exists() and 0 < part.stat().st_size < SIZE
    partial = part.stat().st_size
    result = upload_file(params, local, str(remote), known_hosts=trusted, resume=True)
    assert result.resumed_from == partial and sha(remote) == sha(local) == result.sha256
    assert not part.exists()


def test_listing_and_newest(params: Any, trusted: Path, sshd: Any, tmp_path: Path) -> None:
    inbox = sshd.root / "inbox"
    (inbox / "archive").mkdir(parents=True)
    for i, name in enumerate(["a.xml", "b.xml", "c.xml"]):
        (inbox / name).write_text(name * 100)
        os.utime(inbox / name, (1_700_000_000 + i, 1_700_000_000 + i))
    (inbox / "d.xml.part").write_text("partial")
    listing = list_dir(params, str(inbox), known_hosts=trusted)
    assert [e.name for e in listing.entries] == ["archive", "a.xml", "b.xml", "c.xml", "d.xml.part"]
    assert listing.entries[0].is_dir and listing.entries[1].size == 500
    got = download_newest(params, str(inbox), tmp_path / "reports", known_hosts=trusted, count=2)
    assert sorted(Path(r.local).name for r in got) == ["b.xml", "c.xml"]
    assert (tmp_path / "reports" / "c.xml").read_text() == "c.xml" * 100
    again = download_newest(params, str(inbox), tmp_path / "reports", known_hosts=trusted, count=2)
    assert all(r.skipped for r in again)
    with pytest.raises(SftpError, match="does not exist"):
        list_dir(params, str(inbox / "missing"), known_hosts=trusted)


@pytest.mark.parametrize("pipelined", [True, False], ids=["pipelined", "step-by-step"])
def test_one_session_mixes_transfers_and_listings(params: Any, trusted: Path, sshd: Any, payload: bytes,
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  pipelined: bool) -> None:
    """The channel goes back and forth between our request pipeline and paramiko's SFTPClient
    (the read handle's CLOSE answer is still on its way when the listing starts); the step-by-step
    variant is what servers other than OpenSSH get (VERSION awaited before any request)."""
    from console.services.sftp import connect, paramiko_ext

    if not pipelined:
        monkeypatch.setattr(paramiko_ext, "can_pipeline", lambda transport: False)
    (sshd.root / "box").mkdir()
    (sshd.root / "box" / "one.bin").write_bytes(payload[:300_000])
    with connect(params, known_hosts=trusted) as session:
        first = download_file(params, str(sshd.root / "box" / "one.bin"), tmp_path / "one.bin",
                              known_hosts=trusted, session=session)
        names = [e.name for e in list_dir(params, str(sshd.root / "box"), known_hosts=trusted,
                                          session=session).entries]
        local = tmp_path / "two.bin"
        local.write_bytes(payload[:1_000_000])
        second = upload_file(params, local, str(sshd.root / "box" / "two.bin"), known_hosts=trusted, session=session)
        after = [e.name for e in list_dir(params, str(sshd.root / "box"), known_hosts=trusted,
                                          session=session).entries]
        third = download_file(params, str(sshd.root / "box" / "two.bin"), tmp_path / "back.bin",
                              known_hosts=trusted, session=session)
    assert names == ["one.bin"] and after == ["one.bin", "two.bin"]
    assert first.sha256 == sha(tmp_path / "one.bin") == hashlib.sha256(payload[:300_000]).hexdigest()
    assert second.sha256 == third.sha256 == sha(sshd.root / "box" / "two.bin") == sha(local)
