"""How much work an encrypted PKCS#8 key (``BEGIN ENCRYPTED PRIVATE KEY``) asks for, read before decrypting.

The iteration count (PBKDF2, PKCS#12 PBE) or the scrypt cost sits in cleartext in the key's
algorithm parameters; a damaged or hostile file can ask for billions of iterations and hold the
CLI or a GUI worker for good. :func:`work_problem` reads them with a small DER walker and says
why a file asks too much (None when the work is reasonable or the structure is not one we know;
the real loader then decides).
"""

from __future__ import annotations

import base64
import binascii

BEGIN = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
END = b"-----END ENCRYPTED PRIVATE KEY-----"
#: OpenSSL writes 2048 iterations, current advice is a few hundred thousand; 10 million PBKDF2
#: iterations is already several seconds.
MAX_ITERATIONS = 10_000_000
#: scrypt N*r*p bound: 2**20 * 8 (1 GiB of memory, the most any tool asks for).
MAX_SCRYPT_WORK = 2**20 * 8

_PBES2 = "1.2.840.113549.1.5.13"
_PBKDF2 = "1.2.840.113549.1.5.12"
_SCRYPT = "1.3.6.1.4.1.11591.4.11"
_PBES1_PREFIX = "1.2.840.113549.1.5."
_PKCS12_PBE_PREFIX = "1.2.840.113549.1.12.1."


class _Der:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def done(self) -> bool:
        return self.pos >= len(self.data)

    def read(self) -> tuple[int, bytes]:
        if self.pos + 2 > len(self.data):
            raise ValueError("truncated")
        tag = self.data[self.pos]
        length = self.data[self.pos + 1]
        self.pos += 2
        if length & 0x80:
            count = length & 0x7F
            if count == 0 or count > 4 or self.pos + count > len(self.data):
                raise ValueError("bad length")
            length = int.from_bytes(self.data[self.pos:self.pos + count], "big")
            self.pos += count
        if self.pos + length > len(self.data):
            raise ValueError("truncated")
        value = self.data[self.pos:self.pos + length]
        self.pos += length
        return tag, value

    def expect(self, tag: int) -> bytes:
        got, value = self.read()
        if got != tag:
            raise ValueError("unexpected tag")
        return value


def _oid(raw: bytes) -> str:
    if not raw:
        raise ValueError("empty oid")
    parts = [raw[0] // 40, raw[0] % 40]
    value = 0
    for byte in raw[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(value)
            value = 0
    return ".".join(map(str, parts))


def _int(raw: bytes) -> int:
    return int.from_bytes(raw, "big", signed=True)


def _der_of(data: bytes) -> bytes | None:
    start = data.find(BEGIN)
    end = data.find(END)
    if start < 0 or end < start:
        return None
    body = b"".join(data[start + len(BEGIN):end].split())
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return None


def _check_iterations(count: int) -> str | None:
    if not 1 <= count <= MAX_ITERATIONS:
        return (f"asks for {count:,} key-derivation iterations (at most {MAX_ITERATIONS:,} are accepted); "
                "the file is damaged or was made to stall the program")
    return None


def work_problem(data: bytes) -> str | None:
    """Why this encrypted PKCS#8 key asks for too much work to open, or None."""
    der = _der_of(data)
    if der is None:
        return None
    try:
        outer = _Der(_Der(der).expect(0x30))
        algorithm = _Der(outer.expect(0x30))
        oid = _oid(algorithm.expect(0x06))
        if oid == _PBES2:
            params = _Der(algorithm.expect(0x30))
            kdf = _Der(params.expect(0x30))
            kdf_oid = _oid(kdf.expect(0x06))
            kdf_params = _Der(kdf.expect(0x30))
            kdf_params.expect(0x04)  # salt
            if kdf_oid == _PBKDF2:
                return _check_iterations(_int(kdf_params.expect(0x02)))
            if kdf_oid == _SCRYPT:
                n, r, p = (_int(kdf_params.expect(0x02)) for _ in range(3))
                if not (n > 1 and r >= 1 and p >= 1 and n * r * p <= MAX_SCRYPT_WORK):
                    return (f"asks for scrypt work N={n}, r={r}, p={p}, far beyond what any tool writes; "
                            "the file is damaged or was made to stall the program")
            return None
        if oid.startswith((_PBES1_PREFIX, _PKCS12_PBE_PREFIX)):
            params = _Der(algorithm.expect(0x30))
            params.expect(0x04)  # salt
            return _check_iterations(_int(params.expect(0x02)))
    except ValueError:
        return None
    return None
