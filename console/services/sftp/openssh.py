"""OpenSSH's private key container (``openssh-key-v1``), written with the key comment in it.

The cryptography library writes this format but without a comment, and ``ssh-keygen -y`` and
``ssh-add -l`` show the comment, so the wizard writes it itself: RSA keys, unencrypted or
encrypted with bcrypt-pbkdf + aes256-ctr (what ``ssh-keygen`` does). Reading goes through
cryptography for the key, plus :func:`read_comment` for the comment and :func:`public_blob`
for the cleartext public half (available without the passphrase).
"""

from __future__ import annotations

import base64
import binascii
import os
import struct

from console.services.sftp.ppk import ssh_string

MAGIC = b"openssh-key-v1\0"
BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----"
END = "-----END OPENSSH PRIVATE KEY-----"
BCRYPT_ROUNDS = 16
#: ssh-keygen uses 16 rounds (``-a``); people who raise it pick 100 or a few hundred. Each round
#: costs about 7 ms here, so 1000 rounds is several seconds; a damaged or hostile file asking for
#: billions would otherwise hold the CLI or a GUI worker for good.
MAX_BCRYPT_ROUNDS = 1000
_CTR_KEY_LEN = {b"aes256-ctr": 32, b"aes192-ctr": 24, b"aes128-ctr": 16}


def mpint(value: int) -> bytes:
    if value == 0:
        return ssh_string(b"")
    raw = value.to_bytes((value.bit_length() + 8) // 8, "big")  # keeps a leading zero for the sign bit
    return ssh_string(raw)


class WireReader:
    """Reads SSH wire types from a blob; raises ValueError on truncation."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def u32(self) -> int:
        if self.pos + 4 > len(self.data):
            raise ValueError("truncated")
        (value,) = struct.unpack_from(">I", self.data, self.pos)
        self.pos += 4
        return int(value)

    def string(self) -> bytes:
        size = self.u32()
        if self.pos + size > len(self.data):
            raise ValueError("truncated")
        value = self.data[self.pos:self.pos + size]
        self.pos += size
        return value

    def mpint(self) -> int:
        return int.from_bytes(self.string(), "big", signed=True)


def _ctr(key: bytes, iv: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    ctx = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    return bytes(ctx.update(data) + ctx.finalize())


def encode_rsa(n: int, e: int, d: int, p: int, q: int, iqmp: int, comment: str,
               passphrase: str | None) -> bytes:
    """The PEM-armoured ``openssh-key-v1`` text of one RSA key."""
    public = ssh_string(b"ssh-rsa") + mpint(e) + mpint(n)
    check = os.urandom(4)
    private = (check + check + ssh_string(b"ssh-rsa") + mpint(n) + mpint(e) + mpint(d) + mpint(iqmp)
               + mpint(p) + mpint(q) + ssh_string(comment.encode("utf-8")))
    block = 16 if passphrase else 8
    private += bytes(range(1, 1 + (-len(private) % block)))
    if passphrase:
        import bcrypt

        salt = os.urandom(16)
        material = bcrypt.kdf(passphrase.encode("utf-8"), salt, 48, BCRYPT_ROUNDS, ignore_few_rounds=True)
        private = _ctr(material[:32], material[32:], private)
        cipher, kdf, options = b"aes256-ctr", b"bcrypt", ssh_string(salt) + struct.pack(">I", BCRYPT_ROUNDS)
    else:
        cipher, kdf, options = b"none", b"none", b""
    blob = (MAGIC + ssh_string(cipher) + ssh_string(kdf) + ssh_string(options) + struct.pack(">I", 1)
            + ssh_string(public) + ssh_string(private))
    text = base64.b64encode(blob).decode("ascii")
    lines = [text[i:i + 70] for i in range(0, len(text), 70)]
    return ("\n".join([BEGIN, *lines, END]) + "\n").encode("ascii")


def _container(data: bytes) -> tuple[bytes, bytes, bytes, bytes, bytes]:
    text = data.decode("ascii", "replace")
    start = text.find(BEGIN)
    end = text.find(END)
    if start < 0 or end < start:
        raise ValueError("not an OpenSSH private key")
    body = "".join(text[start + len(BEGIN):end].split())
    try:
        blob = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("bad base64") from None
    if not blob.startswith(MAGIC):
        raise ValueError("bad magic")
    reader = WireReader(blob[len(MAGIC):])
    cipher, kdf, options = reader.string(), reader.string(), reader.string()
    if reader.u32() != 1:
        raise ValueError("several keys in one file")
    return cipher, kdf, options, reader.string(), reader.string()


def kdf_rounds(data: bytes) -> int:
    """The bcrypt round count the key asks for (0 when unencrypted), read before any decryption.

    Raises ValueError for a damaged container or key-derivation options.
    """
    _cipher, kdf, options, _pub, _private = _container(data)
    if kdf == b"none":
        return 0
    if kdf != b"bcrypt":
        raise ValueError(f"unknown key derivation {kdf.decode('ascii', 'replace')!r}")
    opts = WireReader(options)
    opts.string()
    return opts.u32()


def is_encrypted(data: bytes) -> bool:
    return _container(data)[0] != b"none"


def public_blob(data: bytes) -> bytes:
    """The public key blob, readable without the passphrase."""
    return _container(data)[3]


def read_comment(data: bytes, passphrase: str | None) -> str:
    """The comment stored with the key ("" when it cannot be read: unknown cipher, no passphrase)."""
    try:
        cipher, kdf, options, _pub, private = _container(data)
        if cipher != b"none":
            if not passphrase or kdf != b"bcrypt" or cipher not in _CTR_KEY_LEN:
                return ""
            import bcrypt

            opts = WireReader(options)
            salt, rounds = opts.string(), opts.u32()
            if not 1 <= rounds <= MAX_BCRYPT_ROUNDS:
                return ""
            key_len = _CTR_KEY_LEN[cipher]
            material = bcrypt.kdf(passphrase.encode("utf-8"), salt, key_len + 16, rounds, ignore_few_rounds=True)
            private = _ctr(material[:key_len], material[key_len:], private)
        reader = WireReader(private)
        if reader.u32() != reader.u32():
            return ""
        key_type = reader.string()
        counts = {b"ssh-rsa": (0, 6), b"ssh-ed25519": (2, 0)}
        if key_type in counts:
            strings, ints = counts[key_type]
            for _ in range(strings):
                reader.string()
            for _ in range(ints):
                reader.mpint()
        elif key_type.startswith(b"ecdsa-sha2-"):
            reader.string()
            reader.string()
            reader.mpint()
        else:
            return ""
        return reader.string().decode("utf-8", "replace")
    except (ValueError, KeyError):
        return ""
