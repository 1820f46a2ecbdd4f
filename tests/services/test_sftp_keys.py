"""Key pairs: our OpenSSH and PuTTY (.ppk v2/v3) files checked by the real ssh-keygen and puttygen."""
# ruff: noqa: F811  (pytest fixtures imported from conftest_sftp are used as parameters)

from __future__ import annotations

import re
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from console.services.sftp import (
    KeyFileError,
    PassphraseNeeded,
    WrongPassphrase,
    key_info,
    save_key_pair,
    write_ppk_from,
)
from tests.services.conftest_sftp import (  # noqa: F401
    PASSPHRASE,
    key_pair,
    rsa_private_key,
    ssh_keygen_fingerprint,
)

needs_puttygen = pytest.mark.skipif(shutil.which("puttygen") is None, reason="puttygen (putty-tools) missing")


def _puttygen_public(ppk: Path, passphrase: str | None, tmp_path: Path, *,
                     output: str = "public-openssh", out: str = "/dev/stdout") -> subprocess.CompletedProcess[str]:
    args = ["puttygen", str(ppk), "-O", output, "-o", out]
    if passphrase is not None:
        pw = tmp_path / "old-pass"
        pw.write_text(passphrase + "\n")
        args += ["--old-passphrase", str(pw)]
    return subprocess.run(args, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def test_key_pair_files_modes_and_public_line(key_pair: Any) -> None:
    private = Path(key_pair.private_path)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(key_pair.ppk_path).stat().st_mode) == 0o600
    line = Path(key_pair.public_path).read_text()
    assert line.endswith(" alice\n") and line.count("\n") == 1 and line.startswith("ssh-rsa AAAA")
    assert key_pair.info.bits == 2048
    assert b"PRIVATE KEY" not in Path(key_pair.public_path).read_bytes()


def test_fingerprints_match_ssh_keygen(key_pair: Any) -> None:
    pub = Path(key_pair.public_path)
    assert key_pair.info.sha256 == ssh_keygen_fingerprint(pub)
    assert key_pair.info.md5 == ssh_keygen_fingerprint(pub, "md5")


def test_openssh_private_key_opens_in_ssh_keygen_with_passphrase(key_pair: Any) -> None:
    out = subprocess.run(["ssh-keygen", "-y", "-P", PASSPHRASE, "-f", key_pair.private_path],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == key_pair.info.public_line  # includes the comment we stored in the file
    wrong = subprocess.run(["ssh-keygen", "-y", "-P", "nope", "-f", key_pair.private_path],
                           capture_output=True, text=True)
    assert wrong.returncode != 0


@needs_puttygen
@pytest.mark.parametrize("version", [2, 3])
@pytest.mark.parametrize("passphrase", [None, "pässword with spaces"])
def test_puttygen_loads_our_ppk(tmp_path: Path, rsa_private_key: Any, version: int, passphrase: str | None) -> None:
    result = save_key_pair(tmp_path / "k", "bob", passphrase=passphrase, write_ppk=True, ppk_version=version,
                           private_key=rsa_private_key)
    text = Path(result.ppk_path).read_text()
    assert text.startswith(f"PuTTY-User-Key-File-{version}: ssh-rsa\n")
    assert ("Encryption: aes256-cbc" in text) == bool(passphrase)
    assert ("Argon2" in text) == (bool(passphrase) and version == 3)
    proc = _puttygen_public(Path(result.ppk_path), passphrase, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == result.info.public_line
    # Converting to a private OpenSSH key makes puttygen decrypt the whole file and check its MAC.
    converted = tmp_path / "converted"
    proc = _puttygen_public(Path(result.ppk_path), passphrase, tmp_path, output="private-openssh",
                            out=str(converted))
    assert proc.returncode == 0, proc.stderr
    derived = subprocess.run(["ssh-keygen", "-y", "-P", passphrase or "", "-f", str(converted)],
                             capture_output=True, text=True, check=True).stdout.split()[:2]
    assert derived == result.info.public_line.split()[:2]
    # and our reader verifies what we wrote
    info = key_info(Path(result.ppk_path), passphrase)
    assert info.verified and info.public_line == result.info.public_line


@needs_puttygen
@pytest.mark.parametrize("version", [2, 3])
@pytest.mark.parametrize("passphrase", [None, "s3cret"])
def test_puttygen_rejects_tampered_ppk(tmp_path: Path, rsa_private_key: Any, version: int,
                                       passphrase: str | None) -> None:
    result = save_key_pair(tmp_path / "k", "bob", passphrase=passphrase, write_ppk=True, ppk_version=version,
                           private_key=rsa_private_key)
    ppk = Path(result.ppk_path)
    ppk.write_text(ppk.read_text().replace("Comment: bob", "Comment: mallory"))
    proc = _puttygen_public(ppk, passphrase, tmp_path, output="private-openssh", out=str(tmp_path / "out"))
    assert proc.returncode != 0
    assert not (tmp_path / "out").exists()
    with pytest.raises((KeyFileError, WrongPassphrase)):
        key_info(ppk, passphrase or None) if passphrase else key_info(ppk)


@needs_puttygen
@pytest.mark.parametrize("version", [2, 3])
def test_we_read_puttygen_made_ppk(tmp_path: Path, version: int) -> None:
    pw = tmp_path / "pw"
    pw.write_text("their pass\n")
    ppk = tmp_path / "theirs.ppk"
    subprocess.run(["puttygen", "-t", "rsa", "-b", "2048", "-C", "carol", "-o", str(ppk), "--new-passphrase", str(pw),
                    "--ppk-param", f"version={version}"], check=True, capture_output=True, timeout=120,
                   stdin=subprocess.DEVNULL)
    expected = _puttygen_public(ppk, "their pass", tmp_path).stdout.strip()
    info = key_info(ppk, "their pass")
    assert info.public_line == expected and info.comment == "carol" and info.verified
    assert key_info(ppk).verified is False  # public half readable without the passphrase
    with pytest.raises(WrongPassphrase):
        key_info(ppk, "not it")


def test_wrong_and_missing_passphrases(key_pair: Any, tmp_path: Path) -> None:
    with pytest.raises(WrongPassphrase):
        key_info(Path(key_pair.private_path), "wrong")
    with pytest.raises(WrongPassphrase):
        key_info(Path(key_pair.ppk_path), "wrong")
    # without a passphrase the public half of both is still shown
    info = key_info(Path(key_pair.private_path))
    assert info.public_line == key_pair.info.public_line and not info.verified
    pem = tmp_path / "pem_key"
    subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "pem pass", "-C", "x",
                    "-f", str(pem)], check=True)
    with pytest.raises(PassphraseNeeded):
        key_info(pem)
    info = key_info(pem, "pem pass")
    assert info.format == "pem" and info.sha256 == ssh_keygen_fingerprint(Path(str(pem) + ".pub"))
    assert info.comment == "x"  # from the .pub beside it


def test_refuses_to_overwrite_and_bad_input(key_pair: Any, tmp_path: Path, rsa_private_key: Any) -> None:
    out = Path(key_pair.private_path).parent
    before = Path(key_pair.private_path).read_bytes()
    with pytest.raises(KeyFileError, match="already exist"):
        save_key_pair(out, "alice", private_key=rsa_private_key)
    assert Path(key_pair.private_path).read_bytes() == before
    with pytest.raises(KeyFileError):
        save_key_pair(tmp_path / "x", "two words", private_key=rsa_private_key)
    with pytest.raises(KeyFileError):
        save_key_pair(tmp_path / "x", "bob", bits=1024)
    junk = tmp_path / "junk.ppk"
    junk.write_text("PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n")
    with pytest.raises(KeyFileError):
        key_info(junk)
    with pytest.raises(KeyFileError):
        key_info(tmp_path / "missing")


def test_username_problems_are_explained() -> None:
    from console.services.sftp.keys import username_problem

    assert username_problem("u1234567") is None and username_problem(" u.1-2_x ") is None
    assert "Enter" in (username_problem("  ") or "")
    assert "space" in (username_problem("bad user") or "") and "space" in (username_problem("a\tb") or "")
    assert "control" in (username_problem("a\x07b") or "")
    assert "64" in (username_problem("u" * 65) or "")


def test_convert_existing_key_to_ppk(key_pair: Any, tmp_path: Path) -> None:
    out = tmp_path / "converted.ppk"
    info = write_ppk_from(Path(key_pair.private_path), out, passphrase=PASSPHRASE, version=2)
    assert info.public_line == key_pair.info.public_line
    assert out.read_text().startswith("PuTTY-User-Key-File-2: ssh-rsa")


def test_public_key_file_info(key_pair: Any) -> None:
    info = key_info(Path(key_pair.public_path))
    assert info.format == "public" and not info.has_private and info.comment == "alice"


# ------------------------------------------------ hostile key files (audit 7) and key-pair writes (9)
def _set_bcrypt_rounds(path: Path, rounds: int) -> None:
    """Rewrite the bcrypt round count in an OpenSSH key's cleartext kdfoptions (what a crafted file does)."""
    import base64
    import struct

    from console.services.sftp import openssh

    text = path.read_text()
    body = "".join(text.split(openssh.BEGIN)[1].split(openssh.END)[0].split())
    blob = bytearray(base64.b64decode(body))
    pos = len(openssh.MAGIC)
    for _ in range(2):  # cipher name, kdf name
        pos += 4 + struct.unpack_from(">I", blob, pos)[0]
    pos += 4  # kdfoptions length
    salt_len = struct.unpack_from(">I", blob, pos)[0]
    struct.pack_into(">I", blob, pos + 4 + salt_len, rounds)
    encoded = base64.b64encode(bytes(blob)).decode()
    path.write_text("\n".join([openssh.BEGIN, *(encoded[i:i + 70] for i in range(0, len(encoded), 70)),
                               openssh.END]) + "\n")


@pytest.mark.timeout(20)
def test_openssh_key_with_absurd_bcrypt_rounds_is_refused_at_once(key_pair: Any, tmp_path: Path) -> None:
    import time

    from console.services.sftp.keys import load_private_key, paramiko_key

    crafted = tmp_path / "h8"
    crafted.write_bytes(Path(key_pair.private_path).read_bytes())
    _set_bcrypt_rounds(crafted, 4_278_190_096)
    start = time.monotonic()
    for call in (lambda: key_info(crafted, PASSPHRASE), lambda: load_private_key(crafted, PASSPHRASE),
                 lambda: paramiko_key(crafted, PASSPHRASE)):
        with pytest.raises(KeyFileError, match="4,278,190,096 bcrypt rounds"):
            call()
    assert time.monotonic() - start < 2
    # the public half still shows without the passphrase (nothing to derive)
    assert key_info(crafted).sha256 == key_pair.info.sha256
    # a key with more rounds than the default but within reason still opens
    _set_bcrypt_rounds(crafted, 20)
    with pytest.raises(WrongPassphrase):  # rounds changed, so the derived key differs: wrong, not hung
        key_info(crafted, PASSPHRASE)
    made = tmp_path / "a100"
    subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-a", "64", "-N", "pp", "-C", "u", "-f",
                    str(made)], check=True)
    assert key_info(made, "pp").verified


@pytest.mark.timeout(20)
def test_pkcs8_key_with_absurd_iterations_is_refused(tmp_path: Path, rsa_private_key: Any) -> None:
    import base64

    from cryptography.hazmat.primitives import serialization

    pem = rsa_private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.BestAvailableEncryption(b"pw"))
    good = tmp_path / "p8"
    good.write_bytes(pem)
    assert key_info(good, "pw").format == "pem"
    from console.services.sftp.pkcs8 import _Der

    def tlv(tag: int, content: bytes) -> bytes:
        size = len(content)
        head = bytes([size]) if size < 128 else bytes([0x82]) + size.to_bytes(2, "big")
        return bytes([tag]) + head + content

    # Rebuild EncryptedPrivateKeyInfo with PBKDF2 asking for 2**31-1 iterations (the rest as written).
    outer = _Der(_Der(base64.b64decode(b"".join(pem.split(b"\n")[1:-2]))).expect(0x30))
    algorithm = _Der(outer.expect(0x30))
    pbes2_oid = algorithm.expect(0x06)
    params = _Der(algorithm.expect(0x30))
    kdf = _Der(params.expect(0x30))
    kdf_oid = kdf.expect(0x06)
    kdf_params = _Der(kdf.expect(0x30))
    salt = kdf_params.expect(0x04)
    kdf_params.expect(0x02)
    rest_kdf = kdf_params.data[kdf_params.pos:]
    scheme = params.data[params.pos:]
    encrypted = outer.data[outer.pos:]
    kdf_seq = tlv(0x30, tlv(0x06, kdf_oid) + tlv(0x30, tlv(0x04, salt) + tlv(0x02, b"\x7f\xff\xff\xff")
                                                 + rest_kdf))
    der = tlv(0x30, tlv(0x30, tlv(0x06, pbes2_oid) + tlv(0x30, kdf_seq + scheme)) + encrypted)
    body = base64.b64encode(bytes(der)).decode()
    crafted = tmp_path / "p8bad"
    crafted.write_text("-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + "\n".join(
        body[i:i + 64] for i in range(0, len(body), 64)) + "\n-----END ENCRYPTED PRIVATE KEY-----\n")
    with pytest.raises(KeyFileError, match="iterations"):
        key_info(crafted, "pw")


def test_keygen_force_with_a_folder_in_the_way_keeps_the_old_pair(key_pair: Any, rsa_private_key: Any) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    out = Path(key_pair.private_path).parent
    Path(key_pair.ppk_path).unlink()
    Path(key_pair.ppk_path).mkdir()
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(KeyFileError, match=r"id_rsa\.ppk .*not a regular file"):
        save_key_pair(out, "alice", private_key=other, write_ppk=True, overwrite=True)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert sorted(p.name for p in out.iterdir()) == sorted([*before, "id_rsa.ppk"])


def test_keygen_failure_during_renames_puts_every_old_file_back(key_pair: Any, monkeypatch: Any) -> None:
    import os

    from cryptography.hazmat.primitives.asymmetric import rsa

    out = Path(key_pair.private_path).parent
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_replace = os.replace
    calls: list[str] = []

    def failing_replace(src: Any, dst: Any) -> None:
        calls.append(str(dst))
        if str(dst).endswith(".ppk"):  # the third rename fails (e.g. disk full, permission change)
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(KeyFileError, match="Nothing was changed"):
        save_key_pair(out, "alice", private_key=other, write_ppk=True, overwrite=True)
    monkeypatch.setattr(os, "replace", real_replace)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # old pair back, no temps left
    assert stat.S_IMODE(Path(key_pair.private_path).stat().st_mode) == 0o600


@pytest.mark.timeout(20)
def test_ppk_with_huge_argon2_work_is_refused(key_pair: Any, tmp_path: Path) -> None:
    text = Path(key_pair.ppk_path).read_text()
    crafted = tmp_path / "big.ppk"
    crafted.write_text(re.sub(r"Argon2-Passes: \d+", "Argon2-Passes: 1000",
                              re.sub(r"Argon2-Memory: \d+", "Argon2-Memory: 1048576", text)))
    with pytest.raises(KeyFileError, match="unreasonable"):
        key_info(crafted, PASSPHRASE)
