"""PuTTY private key files (.ppk), versions 2 and 3, written and read by our own code.

Implemented from the PPK format appendix of the PuTTY manual:

* The outer layer is text: ``PuTTY-User-Key-File-N: ALG``, ``Encryption``, ``Comment``,
  ``Public-Lines`` + base64 of the SSH wire public blob, (v3, encrypted only) ``Key-Derivation``
  and ``Argon2-*`` lines, ``Private-Lines`` + base64 of the private blob, ``Private-MAC``.
* v3: Argon2 (flavour from ``Key-Derivation``) over the passphrase gives 80 bytes = AES-256 key,
  CBC IV, HMAC-SHA-256 key. Unencrypted files use a zero-length MAC key and no Argon2 at all.
* v2: AES key = SHA-1(u32 0 ‖ pass) ‖ SHA-1(u32 1 ‖ pass) truncated to 32 bytes, IV all zero,
  MAC = HMAC-SHA-1 keyed with SHA-1("putty-private-key-file-mac-key" ‖ pass) (pass = "" when
  the file is not encrypted).
* The MAC covers string(alg) string(encryption) string(comment) string(public blob)
  string(private blob including its padding), so any edit to a cleartext part is detected.

This module works on blobs; :mod:`console.services.sftp.keys` turns them into key objects.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct
from dataclasses import dataclass
from typing import Any

from console.services.sftp.errors import KeyFileError, PassphraseNeeded, WrongPassphrase

#: Argon2 defaults close to what puttygen picks (8 MiB, one lane); passes fixed instead of timed.
ARGON2_MEMORY_KIB = 8192
ARGON2_PASSES = 13
ARGON2_PARALLELISM = 1
#: Refuse files that ask for absurd Argon2 work (a hostile file could otherwise stall us).
_MAX_MEMORY_KIB = 1024 * 1024
_MAX_PASSES = 1000
_MAX_PARALLELISM = 64
#: Memory times passes (KiB): 1 GiB for one pass costs about a second, so this caps the work at
#: several seconds (puttygen's default is 8 MiB for a few dozen passes).
_MAX_WORK_KIB = 8 * 1024 * 1024

_MAC_KEY_V2 = b"putty-private-key-file-mac-key"


@dataclass(frozen=True)
class PpkContents:
    """What a .ppk file holds once read (``private_blob`` is None when only the public half was read)."""

    version: int
    algorithm: str
    comment: str
    encrypted: bool
    public_blob: bytes
    private_blob: bytes | None


def ssh_string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _wrap(data: bytes) -> list[str]:
    text = base64.b64encode(data).decode("ascii")
    return [text[i:i + 64] for i in range(0, len(text), 64)] or [""]


def _argon2(flavour: str, passphrase: bytes, salt: bytes, memory: int, passes: int, lanes: int) -> bytes:
    from cryptography.hazmat.primitives.kdf import argon2

    classes: dict[str, Any] = {"Argon2id": argon2.Argon2id, "Argon2i": argon2.Argon2i, "Argon2d": argon2.Argon2d}
    kdf_class = classes.get(flavour)
    if kdf_class is None:
        raise KeyFileError(f"This .ppk file uses an unknown key derivation ({flavour}).")
    kdf = kdf_class(salt=salt, length=80, iterations=passes, lanes=lanes, memory_cost=memory)
    return bytes(kdf.derive(passphrase))


def _v2_keys(passphrase: bytes) -> tuple[bytes, bytes, bytes]:
    cipher_key = (hashlib.sha1(b"\0\0\0\0" + passphrase).digest()
                  + hashlib.sha1(b"\0\0\0\1" + passphrase).digest())[:32]
    mac_key = hashlib.sha1(_MAC_KEY_V2 + passphrase).digest()
    return cipher_key, b"\0" * 16, mac_key


def _mac(version: int, mac_key: bytes, algorithm: str, encryption: str, comment: str,
         public_blob: bytes, private_plain: bytes) -> bytes:
    data = (ssh_string(algorithm.encode()) + ssh_string(encryption.encode()) + ssh_string(comment.encode())
            + ssh_string(public_blob) + ssh_string(private_plain))
    digest = hashlib.sha256 if version == 3 else hashlib.sha1
    return hmac.new(mac_key, data, digest).digest()


def _aes_cbc(key: bytes, iv: bytes, data: bytes, *, encrypt: bool) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    cipher = Cipher(algorithms.AES(key), modes.CBC(iv))
    ctx = cipher.encryptor() if encrypt else cipher.decryptor()
    return bytes(ctx.update(data) + ctx.finalize())


def encode_ppk(algorithm: str, public_blob: bytes, private_blob: bytes, comment: str, *,
               passphrase: str | None = None, version: int = 3,
               argon2_passes: int = ARGON2_PASSES, argon2_memory_kib: int = ARGON2_MEMORY_KIB) -> bytes:
    """The text of a .ppk file (LF line ends, as current PuTTY writes) for one key."""
    if version not in (2, 3):
        raise KeyFileError(f"PuTTY key files come in versions 2 and 3, not {version}.")
    if "\n" in comment or "\r" in comment:
        raise KeyFileError("A key comment cannot contain line breaks.")
    encrypted = bool(passphrase)
    encryption = "aes256-cbc" if encrypted else "none"
    secret = (passphrase or "").encode("utf-8")
    kdf_lines: list[str] = []
    if encrypted:
        # Pad to the AES block size with random bytes; readers stop at the end of the key fields.
        pad = -len(private_blob) % 16
        plain = private_blob + os.urandom(pad)
        if version == 3:
            salt = os.urandom(16)
            material = _argon2("Argon2id", secret, salt, argon2_memory_kib, argon2_passes, ARGON2_PARALLELISM)
            cipher_key, iv, mac_key = material[:32], material[32:48], material[48:]
            kdf_lines = ["Key-Derivation: Argon2id", f"Argon2-Memory: {argon2_memory_kib}",
                         f"Argon2-Passes: {argon2_passes}", f"Argon2-Parallelism: {ARGON2_PARALLELISM}",
                         f"Argon2-Salt: {salt.hex()}"]
        else:
            cipher_key, iv, mac_key = _v2_keys(secret)
        stored = _aes_cbc(cipher_key, iv, plain, encrypt=True)
    else:
        plain = stored = private_blob
        mac_key = b"" if version == 3 else _v2_keys(b"")[2]
    mac = _mac(version, mac_key, algorithm, encryption, comment, public_blob, plain)
    pub_lines = _wrap(public_blob)
    priv_lines = _wrap(stored)
    lines = [f"PuTTY-User-Key-File-{version}: {algorithm}", f"Encryption: {encryption}", f"Comment: {comment}",
             f"Public-Lines: {len(pub_lines)}", *pub_lines, *kdf_lines,
             f"Private-Lines: {len(priv_lines)}", *priv_lines, f"Private-MAC: {mac.hex()}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


class _Reader:
    def __init__(self, data: bytes) -> None:
        text = data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
        self.lines = text.split("\n")
        self.pos = 0

    def header(self, name: str) -> str:
        while self.pos < len(self.lines) and not self.lines[self.pos].strip():
            self.pos += 1
        if self.pos >= len(self.lines):
            raise KeyFileError(f"This .ppk file ends early (no {name} line).")
        line = self.lines[self.pos]
        key, sep, value = line.partition(": ")
        if not sep or key != name:
            raise KeyFileError(f"This .ppk file is damaged: expected {name}, found {line[:40]!r}.")
        self.pos += 1
        return value

    def peek(self, name: str) -> bool:
        return self.pos < len(self.lines) and self.lines[self.pos].startswith(name + ": ")

    def blob(self, name: str) -> bytes:
        try:
            count = int(self.header(name))
        except ValueError:
            raise KeyFileError(f"This .ppk file is damaged: {name} is not a number.") from None
        if count < 0 or self.pos + count > len(self.lines):
            raise KeyFileError(f"This .ppk file is damaged: {name} is out of range.")
        chunk = "".join(self.lines[self.pos:self.pos + count])
        self.pos += count
        try:
            return base64.b64decode(chunk, validate=True)
        except (binascii.Error, ValueError):
            raise KeyFileError("This .ppk file is damaged: its key data is not valid base64.") from None


def is_ppk(data: bytes) -> bool:
    return data.lstrip().startswith(b"PuTTY-User-Key-File-")


def decode_ppk(data: bytes, passphrase: str | None = None, *, public_only: bool = False) -> PpkContents:
    """Read a .ppk file; verify its MAC (so a wrong passphrase or an edited file is refused)."""
    reader = _Reader(data)
    first = reader.lines[0] if reader.lines else ""
    head, sep, algorithm = first.partition(": ")
    if not sep or not head.startswith("PuTTY-User-Key-File-"):
        raise KeyFileError("This is not a PuTTY private key file (.ppk).")
    try:
        version = int(head.rsplit("-", 1)[1])
    except ValueError:
        raise KeyFileError("This .ppk file has an unreadable version line.") from None
    if version not in (2, 3):
        raise KeyFileError(f"PuTTY key file version {version} is not supported (only 2 and 3).",
                           hint="Open it in a current PuTTYgen and save it again.")
    reader.pos = 1
    encryption = reader.header("Encryption")
    if encryption not in ("none", "aes256-cbc"):
        raise KeyFileError(f"This .ppk file uses an encryption we do not know ({encryption}).")
    comment = reader.header("Comment")
    public_blob = reader.blob("Public-Lines")
    encrypted = encryption != "none"
    if public_only:
        return PpkContents(version, algorithm, comment, encrypted, public_blob, None)
    kdf: dict[str, str] = {}
    if version == 3 and encrypted:
        kdf["flavour"] = reader.header("Key-Derivation")
        for name in ("Argon2-Memory", "Argon2-Passes", "Argon2-Parallelism", "Argon2-Salt"):
            kdf[name] = reader.header(name)
    stored = reader.blob("Private-Lines")
    try:
        mac_stored = bytes.fromhex(reader.header("Private-MAC"))
    except ValueError:
        raise KeyFileError("This .ppk file is damaged: its MAC line is not hexadecimal.") from None
    if encrypted:
        if not passphrase:
            raise PassphraseNeeded("This PuTTY key is protected by a passphrase: enter it to open the key.")
        secret = passphrase.encode("utf-8")
        if version == 3:
            try:
                memory, passes = int(kdf["Argon2-Memory"]), int(kdf["Argon2-Passes"])
                lanes, salt = int(kdf["Argon2-Parallelism"]), bytes.fromhex(kdf["Argon2-Salt"])
            except ValueError:
                raise KeyFileError("This .ppk file has unreadable key-derivation settings.") from None
            if not (8 * lanes <= memory <= _MAX_MEMORY_KIB and 1 <= passes <= _MAX_PASSES
                    and 1 <= lanes <= _MAX_PARALLELISM and memory * passes <= _MAX_WORK_KIB):
                raise KeyFileError(f"This .ppk file asks for unreasonable key-derivation work ({memory:,} KiB, "
                                   f"{passes:,} passes); it is damaged or was made to stall the program.")
            material = _argon2(kdf["flavour"], secret, salt, memory, passes, lanes)
            cipher_key, iv, mac_key = material[:32], material[32:48], material[48:]
        else:
            cipher_key, iv, mac_key = _v2_keys(secret)
        if len(stored) % 16:
            raise KeyFileError("This .ppk file is damaged: the encrypted part has a wrong length.")
        plain = _aes_cbc(cipher_key, iv, stored, encrypt=False)
    else:
        plain = stored
        mac_key = b"" if version == 3 else _v2_keys(b"")[2]
    expected = _mac(version, mac_key, algorithm, encryption, comment, public_blob, plain)
    if not hmac.compare_digest(expected, mac_stored):
        if encrypted:
            raise WrongPassphrase("The passphrase is wrong, or the .ppk file was altered.",
                                  hint="Check the passphrase; if it is right, the file is damaged.")
        raise KeyFileError("This .ppk file was altered or damaged: its integrity check fails.")
    return PpkContents(version, algorithm, comment, encrypted, public_blob, plain)
