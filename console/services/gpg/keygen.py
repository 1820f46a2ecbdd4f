"""Create a client key pair, judge a passphrase, and hand out the revocation certificate.

A pair is a certify/sign primary key plus an encryption subkey of the chosen type
(``gpg --quick-gen-key`` then ``--quick-add-key``), both protected by the passphrase and
expiring together (default two years). gpg stores a revocation certificate for every new key
in the home's ``openpgp-revocs.d``; :func:`save_revocation_certificate` copies it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from console.services.errors import InvalidInput
from console.services.fsutil import atomic_write_bytes
from console.services.gpg.engine import GpgHome, run_gpg
from console.services.gpg.errors import GpgError, KeyNotFound
from console.services.gpg.keyring import KeyInfo, find_key
from console.services.gpg.paths import check_output_file
from console.services.passphrase import MIN_PASSPHRASE, passphrase_strength

#: algo name -> (primary key algorithm, encryption subkey algorithm)
ALGORITHMS: dict[str, tuple[str, str]] = {
    "rsa3072": ("rsa3072", "rsa3072"),
    "rsa4096": ("rsa4096", "rsa4096"),
    "ed25519": ("ed25519", "cv25519"),
}
ALGORITHM_LABELS = {"rsa3072": "RSA 3072 (default)", "rsa4096": "RSA 4096",
                    "ed25519": "Curve 25519 (ed25519): modern, small keys"}
DEFAULT_ALGORITHM = "rsa3072"
DEFAULT_EXPIRE = "2y"
MAX_EXPIRE_YEARS = 50
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}
_EXPIRE = re.compile(r"^(?:0|never|\d{1,6}[dwmy]?)$")
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")

REVOCATION_EXPLANATION = (
    "A revocation certificate lets you declare this key pair dead if the secret key is lost or "
    "stolen: import it (after deleting the ':' placed before the first '-----' line) and send the "
    "revoked public key to whoever encrypts to you. Keep it offline and apart from the key backup; "
    "anyone holding it can retire your key, though nobody can decrypt anything with it."
)
BACKUP_WARNING = (
    "Exporting the public key is not a backup: it holds only the public part, which cannot "
    "decrypt anything. A backup holds both parts and is protected by the passphrase."
)


@dataclass(frozen=True)
class GeneratedKey:
    key: KeyInfo
    revocation_certificate: Path | None


def validate_expire(expire: str) -> str:
    """gpg's expiry text for ``expire`` (2y, 18m, 6w, 90d, 0/never), at most 50 years ahead."""
    value = (expire or DEFAULT_EXPIRE).strip().lower()
    if not _EXPIRE.match(value):
        raise InvalidInput(f"'{expire}' is not an expiry: use e.g. 2y, 18m, 90d, or 0 for never.")
    if value in ("0", "never"):
        return "never"
    number, unit = (int(value[:-1]), value[-1]) if value[-1].isalpha() else (int(value), "d")
    if number == 0:
        return "never"
    if number * _UNIT_DAYS[unit] > MAX_EXPIRE_YEARS * 366:
        raise InvalidInput(f"An expiry of '{expire}' is too far away: the most is {MAX_EXPIRE_YEARS} years "
                           f"({MAX_EXPIRE_YEARS}y).",
                           hint="Two years (2y) is usual: a key can be extended before it expires; "
                                "use 0 for a key that never expires.")
    return value


def identity_problem(name: str, email: str) -> str | None:
    """What is wrong with a key pair's name and email (None when both are usable)."""
    name, email = name.strip(), email.strip()
    if len(name) < 2 or re.search(r"[<>()\n]", name):
        return "Enter the client's name (at least two characters, no < > or brackets)."
    if not _EMAIL.match(email):
        return f"'{email}' is not an email address." if email else "Enter the client's email address."
    return None


def supported_algorithms(home: GpgHome) -> list[str]:
    """The key types this gpg can make (curve 25519 needs GnuPG 2.1 or later)."""
    run = run_gpg(home, ["--list-config", "pubkeyname"])
    names = run.stdout.decode("utf-8", "replace").upper()
    return [a for a in ALGORITHMS if a.startswith("rsa") or "EDDSA" in names]


def generate_key_pair(home: GpgHome, name: str, email: str, *, passphrase: str,
                      algo: str = DEFAULT_ALGORITHM, expire: str = DEFAULT_EXPIRE) -> GeneratedKey:
    """Create a key pair in the console's keyring and return it (it is trusted: it is ours)."""
    name, email = name.strip(), email.strip()
    problem = identity_problem(name, email)
    if problem:
        raise InvalidInput(problem)
    if algo not in ALGORITHMS:
        raise InvalidInput(f"Unknown key type '{algo}': choose one of {', '.join(ALGORITHMS)}.")
    strength = passphrase_strength(passphrase)
    if not strength.acceptable:
        raise InvalidInput(f"The passphrase is too short: use at least {MIN_PASSPHRASE} characters.")
    if "\n" in passphrase or "\r" in passphrase:
        raise InvalidInput("A passphrase cannot contain line breaks.")
    expiry = validate_expire(expire)
    primary, sub = ALGORITHMS[algo]
    uid = f"{name} <{email}>"
    run = run_gpg(home, ["--yes", "--quick-gen-key", uid, primary, "sign,cert", expiry], passphrase=passphrase)
    created = [v.split()[1] for k, v in run.statuses if k == "KEY_CREATED" and len(v.split()) > 1]
    if run.returncode != 0 or not created:
        raise GpgError("GnuPG could not create the key pair.",
                       hint="Status: " + ", ".join(k for k, _ in run.statuses))
    fpr = created[0]
    run = run_gpg(home, ["--quick-add-key", fpr, sub, "encr", expiry], passphrase=passphrase)
    if run.returncode != 0 or not run.has("KEY_CREATED"):
        run_gpg(home, ["--yes", "--delete-secret-and-public-key", fpr])
        raise GpgError("GnuPG could not add the encryption part of the key pair; nothing was kept.",
                       hint="Status: " + ", ".join(k for k, _ in run.statuses))
    rev = home.path / "openpgp-revocs.d" / f"{fpr}.rev"
    return GeneratedKey(find_key(home, fpr), rev if rev.is_file() else None)


def save_revocation_certificate(home: GpgHome, query: str, out: Path) -> Path:
    """Copy the revocation certificate gpg made with the key to ``out`` (private file, 0600)."""
    key = find_key(home, query)
    check_output_file(Path(out), "revocation certificate file")
    rev = home.path / "openpgp-revocs.d" / f"{key.fingerprint}.rev"
    try:
        data = rev.read_bytes()
    except OSError as exc:
        raise KeyNotFound(f"There is no revocation certificate for {key.primary_uid} in this keyring.",
                          hint="It exists only on the computer where the key pair was created.") from exc
    try:
        atomic_write_bytes(Path(out), data, mode=0o600)
    except OSError as exc:
        raise InvalidInput(f"Cannot write {out} ({exc.strerror or exc}).") from exc
    return Path(out)
