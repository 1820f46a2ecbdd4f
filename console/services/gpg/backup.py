"""Back up a key pair (both parts, armored, passphrase checked) and restore such a backup.

A backup is what moves a key pair to another computer. Exporting only the public key is
not one: it cannot decrypt anything, and that mix-up is what leads to "No secret key".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from console.services.errors import InvalidInput
from console.services.fsutil import atomic_write_bytes
from console.services.gpg.engine import GPG_ERR_BAD_PASSPHRASE, GpgHome, error_code, run_gpg
from console.services.gpg.errors import BadKeyFile, BadPassphrase, GpgError, KeyNotFound
from console.services.gpg.keyring import (
    ImportSummary,
    KeyInfo,
    find_key,
    import_keys,
    preview_keys,
    read_key_file,
    trust_key,
)
from console.services.gpg.paths import check_output_file

#: What a backup file looks like, for refusals of files that are not one.
BACKUP_LOOKS_LIKE = ("A backup is a small text file (often NAME-backup.asc) that starts with the line "
                     "'-----BEGIN PGP PRIVATE KEY BLOCK-----'; it is made with 'Back up key pair' "
                     "(or 'support-console gpg backup') on the computer that holds the key pair.")


@dataclass(frozen=True)
class BackupResult:
    key: KeyInfo
    path: Path


def backup_key_pair(home: GpgHome, query: str, out: Path, *, passphrase: str) -> BackupResult:
    """Write the secret and public key, armored, to ``out`` (mode 0600) after checking the passphrase."""
    key = find_key(home, query)
    if not key.has_secret:
        raise KeyNotFound(f"Only the public part of {key.primary_uid} is in this keyring, so there is "
                          "nothing to back up.",
                          hint="A backup must be made on the computer that holds the secret part.")
    if not passphrase:
        raise InvalidInput("A backup needs the passphrase of the key pair.")
    check_output_file(Path(out), "backup file")
    run = run_gpg(home, ["--armor", "--export-secret-keys", key.fingerprint], passphrase=passphrase)
    codes = {error_code(v) for k, v in run.statuses if k in ("ERROR", "FAILURE")}
    if run.has("BAD_PASSPHRASE") or GPG_ERR_BAD_PASSPHRASE in codes:
        raise BadPassphrase(f"The passphrase of {key.primary_uid} is wrong; no backup was written.")
    if run.returncode != 0 or codes or b"PRIVATE KEY BLOCK" not in run.stdout:
        raise GpgError(f"GnuPG could not export the key pair of {key.primary_uid}; no backup was written.",
                       hint="Status: " + ", ".join(k for k, _ in run.statuses))
    try:
        atomic_write_bytes(Path(out), run.stdout, mode=0o600)
    except OSError as exc:
        raise InvalidInput(f"Cannot write {out} ({exc.strerror or exc}).") from exc
    return BackupResult(key, Path(out))


def restore_backup(home: GpgHome, path: Path) -> ImportSummary:
    """Import a key pair backup. The restored pair is the user's own, so it is confirmed for use."""
    data = read_key_file(Path(path))
    try:
        preview = preview_keys(home, data)
    except BadKeyFile as exc:
        raise BadKeyFile(f"{Path(path).name} is not a GnuPG key pair backup: it holds no OpenPGP key.",
                         hint=BACKUP_LOOKS_LIKE) from exc
    if not any(k.has_secret for k in preview):
        raise BadKeyFile(f"{Path(path).name} holds only a public key: it is not a key pair backup.",
                         hint="Make the backup with 'Back up key pair' on the computer where the key was "
                              "created (both parts), then restore that file.")
    summary = import_keys(home, data)
    keys = tuple(trust_key(home, fpr) for fpr in summary.fingerprints)
    return replace(summary, keys=keys)
