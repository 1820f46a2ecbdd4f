"""The console's keyring: list, preview, import, confirm (trust), export and remove keys.

Importing a key never makes it usable for encryption. The console's home uses gpg's
``direct`` trust model, so a key encrypts only after someone compared its fingerprint with
the client and confirmed it (:func:`trust_key`, ownertrust "full").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from console.services.errors import InvalidInput
from console.services.fsutil import atomic_write_bytes
from console.services.gpg.engine import GpgHome, run_gpg
from console.services.gpg.errors import BadKeyFile, GpgError, KeyNotFound

#: Keys whose expiry is this close get a warning in the keys view.
EXPIRY_WARNING_DAYS = 30
#: Key files are small; anything bigger is not a key (maybe a report dropped on the wrong button).
MAX_KEY_FILE_BYTES = 10 * 1024 * 1024

ALGORITHMS = {1: "RSA", 2: "RSA", 3: "RSA", 16: "ElGamal", 17: "DSA", 18: "ECDH", 19: "ECDSA", 22: "EdDSA"}
_TRUSTED = {"f", "u"}
_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")


#: The one name each curve goes by everywhere (keys table, wizard, CLI): people know "Curve 25519",
#: gpg's own tools say ed25519 / cv25519.
CURVE_LABELS = {"ed25519": "Curve 25519 (ed25519)", "cv25519": "Curve 25519 (ed25519)",
                "curve25519": "Curve 25519 (ed25519)", "ed448": "Curve 448 (ed448)", "cv448": "Curve 448 (ed448)"}


@dataclass(frozen=True)
class KeyInfo:
    """One key (primary key with its user ids and subkeys) as the keys view shows it."""

    fingerprint: str
    key_id: str
    user_ids: tuple[str, ...]
    algorithm: str
    bits: int
    curve: str
    created: datetime | None
    expires: datetime | None
    validity: str
    ownertrust: str
    capabilities: str
    subkey_ids: tuple[str, ...]
    has_secret: bool = False

    @property
    def primary_uid(self) -> str:
        return self.user_ids[0] if self.user_ids else self.key_id

    @property
    def grouped_fingerprint(self) -> str:
        return group_fingerprint(self.fingerprint)

    @property
    def algorithm_label(self) -> str:
        if self.curve:
            return CURVE_LABELS.get(self.curve, self.curve)
        return f"{self.algorithm} {self.bits}" if self.bits else self.algorithm

    @property
    def revoked(self) -> bool:
        return self.validity == "r"

    @property
    def expired(self) -> bool:
        if self.validity == "e":
            return True
        return self.expires is not None and self.expires <= datetime.now(timezone.utc)

    @property
    def trusted(self) -> bool:
        """Confirmed for encryption (fingerprint checked, or the console made the key)."""
        return self.ownertrust in _TRUSTED

    @property
    def can_encrypt(self) -> bool:
        return "E" in self.capabilities and not self.revoked and not self.expired

    @property
    def expires_in_days(self) -> int | None:
        if self.expires is None:
            return None
        return (self.expires - datetime.now(timezone.utc)).days

    @property
    def expires_soon(self) -> bool:
        days = self.expires_in_days
        return days is not None and 0 <= days <= EXPIRY_WARNING_DAYS and not self.expired

    @property
    def status(self) -> str:
        if self.revoked:
            return "revoked"
        if self.expired:
            return "expired"
        if not self.trusted:
            return "not confirmed"
        if self.expires_soon:
            return "expires soon"
        return "ok"

    def as_dict(self) -> dict[str, object]:
        return {
            "fingerprint": self.fingerprint, "key_id": self.key_id, "user_ids": list(self.user_ids),
            "algorithm": self.algorithm_label, "created": self.created, "expires": self.expires,
            "expires_in_days": self.expires_in_days, "expires_soon": self.expires_soon,
            "revoked": self.revoked, "expired": self.expired, "trusted": self.trusted,
            "can_encrypt": self.can_encrypt, "has_secret": self.has_secret, "status": self.status,
            "subkey_ids": list(self.subkey_ids),
        }


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed."""

    considered: int
    public_imported: int
    public_unchanged: int
    secret_read: int
    secret_imported: int
    secret_unchanged: int
    revocations: int
    fingerprints: tuple[str, ...]
    keys: tuple[KeyInfo, ...]

    @property
    def summary(self) -> str:
        text = f"{self.public_imported} public, {self.secret_imported} secret key imported"
        extra = []
        if self.public_unchanged:
            extra.append(f"{self.public_unchanged} already present")
        if self.secret_unchanged:
            extra.append(f"{self.secret_unchanged} secret part{'' if self.secret_unchanged == 1 else 's'} "
                         "already present")
        if self.revocations:
            extra.append(f"{self.revocations} revocation{'' if self.revocations == 1 else 's'} applied")
        return text + (f" ({', '.join(extra)})" if extra else "")


def group_fingerprint(fpr: str) -> str:
    """``ABCD EF01 ... `` in groups of four, with a wider gap in the middle (as gpg prints it)."""
    groups = [fpr[i:i + 4] for i in range(0, len(fpr), 4)]
    if len(groups) == 10:
        return " ".join(groups[:5]) + "  " + " ".join(groups[5:])
    return " ".join(groups)


def _ts(value: str) -> datetime | None:
    if not value:
        return None
    try:
        if "T" in value:
            return datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc)
        return datetime.fromtimestamp(int(value), timezone.utc)
    except (ValueError, OverflowError):
        return None


def parse_colons(text: str, *, from_file: bool = False) -> list[KeyInfo]:
    """Keys from gpg's ``--with-colons`` listing.

    With ``from_file`` (``--import-options show-only``), a ``sec`` record means the file
    carries the secret part (gpg marks it '#', not yet in the keyring).
    """
    keys: list[KeyInfo] = []
    cur: dict[str, object] | None = None
    expect_fpr_for: str | None = None

    def flush() -> None:
        if cur is not None:
            keys.append(KeyInfo(
                fingerprint=str(cur["fpr"]), key_id=str(cur["keyid"]), user_ids=tuple(cur["uids"]),  # type: ignore[arg-type]
                algorithm=str(cur["algo"]), bits=int(cur["bits"]), curve=str(cur["curve"]),  # type: ignore[call-overload]
                created=cur["created"], expires=cur["expires"], validity=str(cur["validity"]),  # type: ignore[arg-type]
                ownertrust=str(cur["ownertrust"]), capabilities=str(cur["caps"]),
                subkey_ids=tuple(cur["subs"]), has_secret=bool(cur["secret"])))  # type: ignore[arg-type]

    for line in text.splitlines():
        f = line.split(":")
        if len(f) < 2:
            continue
        rec = f[0]
        f += [""] * (21 - len(f))
        if rec in ("pub", "sec"):
            flush()
            try:
                algo_no = int(f[3] or 0)
            except ValueError:
                algo_no = 0
            cur = {"fpr": "", "keyid": f[4], "uids": [], "algo": ALGORITHMS.get(algo_no, f"algo {algo_no}"),
                   "bits": int(f[2] or 0) if f[2].isdigit() else 0, "curve": f[16],
                   "created": _ts(f[5]), "expires": _ts(f[6]), "validity": f[1], "ownertrust": f[8],
                   "caps": f[11], "subs": [], "secret": rec == "sec" and (from_file or f[14] != "#")}
            expect_fpr_for = "pub"
        elif cur is None:
            continue
        elif rec in ("sub", "ssb"):
            cur["subs"].append(f[4])  # type: ignore[attr-defined]
            if rec == "ssb" and f[14] not in ("#", ""):
                cur["secret"] = True
            expect_fpr_for = "sub"
        elif rec == "fpr" and expect_fpr_for == "pub":
            cur["fpr"] = f[9]
            expect_fpr_for = None
        elif rec == "uid":
            cur["uids"].append(_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), f[9]))  # type: ignore[attr-defined]
    flush()
    return keys


def list_keys(home: GpgHome, *, with_secret: bool = True) -> list[KeyInfo]:
    """Every key in the console's keyring, with whether its secret part is here.

    ``with_secret=False`` skips the second listing (``has_secret`` is then always False).
    """
    pub = run_gpg(home, ["--fixed-list-mode", "--list-keys"])
    if pub.returncode not in (0, 2):
        raise GpgError("The console's keyring cannot be read.", hint=f"GnuPG home: {home.path}")
    keys = parse_colons(pub.stdout.decode("utf-8", "replace"))
    if not with_secret:
        return keys
    sec = run_gpg(home, ["--fixed-list-mode", "--list-secret-keys"])
    present = {k.fingerprint for k in parse_colons(sec.stdout.decode("utf-8", "replace")) if k.has_secret}
    return [replace(k, has_secret=k.fingerprint in present) for k in keys]


def secret_keys(home: GpgHome) -> list[KeyInfo]:
    return [k for k in list_keys(home) if k.has_secret]


def normalise_query(query: str) -> str:
    q = query.strip()
    compact = q.replace(" ", "")
    if compact.upper().startswith("0X"):
        compact = compact[2:]
    if re.fullmatch(r"[0-9A-Fa-f]{8,40}", compact):
        return compact.upper()
    return q


def find_key(home: GpgHome, query: str, keys: Iterable[KeyInfo] | None = None) -> KeyInfo:
    """The one key matching a fingerprint, key id (long or short) or part of a user id."""
    q = normalise_query(query)
    if not q:
        raise InvalidInput("Give a key: its fingerprint, key id or email address.")
    pool = list(keys) if keys is not None else list_keys(home)
    if re.fullmatch(r"[0-9A-F]{8,40}", q):
        found = [k for k in pool if k.fingerprint.endswith(q) or any(s.endswith(q) for s in k.subkey_ids)]
    else:
        low = q.lower()
        found = [k for k in pool if any(low in uid.lower() for uid in k.user_ids)]
    if not found:
        raise KeyNotFound(f"No key in the console's keyring matches '{query}'.",
                          hint="Import the client's public key first, or check the fingerprint.")
    if len(found) > 1:
        names = "; ".join(f"{k.primary_uid} ({k.fingerprint})" for k in found[:5])
        raise InvalidInput(f"'{query}' matches {len(found)} keys: {names}.", hint="Give the full fingerprint.")
    return found[0]


def read_key_file(path: Path) -> bytes:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_KEY_FILE_BYTES:
            raise BadKeyFile(f"{path.name} is {size // 1024 // 1024} MB: too big to be a key file.",
                             hint="A key file is a few kilobytes. Did you mean to decrypt it?")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InvalidInput(f"The file {path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise InvalidInput(f"{path} is a folder, not a key file.") from exc
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path} ({exc.strerror or exc}).") from exc


def preview_keys(home: GpgHome, data: bytes) -> list[KeyInfo]:
    """The keys in ``data`` without importing them (to show fingerprints before anything changes)."""
    if not data.strip():
        raise BadKeyFile("There is no key in this text or file: it is empty.")
    run = run_gpg(home, ["--import-options", "show-only", "--import"], stdin=data)
    keys = parse_colons(run.stdout.decode("utf-8", "replace"), from_file=True)
    if not keys:
        raise BadKeyFile("No OpenPGP key was found in this text or file.",
                         hint="A public key starts with '-----BEGIN PGP PUBLIC KEY BLOCK-----'.")
    return keys


def import_keys(home: GpgHome, data: bytes, *, trust: bool = False) -> ImportSummary:
    """Import keys (public, or a key pair backup). With ``trust``, confirm each imported key."""
    if not data.strip():
        raise BadKeyFile("There is no key in this text or file: it is empty.")
    run = run_gpg(home, ["--import"], stdin=data)
    res = run.values("IMPORT_RES")
    counts = [int(x) for x in res[-1].split()] if res else []
    counts += [0] * (15 - len(counts))
    fingerprints = tuple(dict.fromkeys(v.split()[1] for v in run.values("IMPORT_OK") if len(v.split()) > 1))
    if counts[0] == 0 and not fingerprints:
        raise BadKeyFile("No OpenPGP key was found in this text or file.",
                         hint="A public key starts with '-----BEGIN PGP PUBLIC KEY BLOCK-----'.")
    if trust:
        for fpr in fingerprints:
            trust_key(home, fpr)
    all_keys = list_keys(home)
    keys = tuple(k for k in all_keys if k.fingerprint in fingerprints)
    return ImportSummary(considered=counts[0], public_imported=counts[2], public_unchanged=counts[4],
                         secret_read=counts[9], secret_imported=counts[10], secret_unchanged=counts[11],
                         revocations=counts[8], fingerprints=fingerprints, keys=keys)


def import_key_file(home: GpgHome, path: Path, *, trust: bool = False) -> ImportSummary:
    return import_keys(home, read_key_file(path), trust=trust)


def trust_key(home: GpgHome, query: str) -> KeyInfo:
    """Confirm a key for encryption (after its fingerprint was checked with its owner)."""
    key = find_key(home, query)
    run = run_gpg(home, ["--import-ownertrust"], stdin=f"{key.fingerprint}:5:\n".encode())  # 5 = full
    if run.returncode != 0:
        raise GpgError(f"The key {key.grouped_fingerprint} could not be marked as confirmed.")
    return find_key(home, key.fingerprint)


def remove_key(home: GpgHome, query: str) -> KeyInfo:
    """Delete a key (and its secret part, if any) from the console's keyring."""
    key = find_key(home, query)
    run = run_gpg(home, ["--yes", "--delete-secret-and-public-key", key.fingerprint])
    if run.returncode != 0:
        raise GpgError(f"The key {key.grouped_fingerprint} could not be removed.")
    return key


def export_public(home: GpgHome, query: str, out: Path | None = None) -> tuple[KeyInfo, str]:
    """The ASCII-armored public key (ready to send); written to ``out`` when given."""
    key = find_key(home, query)
    if out is not None:
        from console.services.gpg.paths import check_output_file

        check_output_file(Path(out), "public key file")
    run = run_gpg(home, ["--armor", "--export", key.fingerprint])
    if not run.stdout.strip():
        raise KeyNotFound(f"The public key {key.grouped_fingerprint} could not be exported.")
    if out is not None:
        try:
            atomic_write_bytes(Path(out), run.stdout)
        except OSError as exc:
            raise InvalidInput(f"Cannot write {out} ({exc.strerror or exc}).") from exc
    return key, run.stdout.decode("ascii", "replace")


def expiry_warnings(keys: Iterable[KeyInfo]) -> list[KeyInfo]:
    return [k for k in keys if k.expires_soon]

