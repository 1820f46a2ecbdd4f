"""Which area a dropped or opened file belongs to, decided by name and (for keys) by content."""

from __future__ import annotations

from pathlib import Path

SLS, DIAGNOSTICS, HAR, GPG, SFTP = "sls", "diagnostics", "har", "gpg", "sftp"
AREA_KEYS = (SLS, DIAGNOSTICS, HAR, GPG, SFTP)

_ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tar.xz")
_GPG_SUFFIXES = (".asc", ".gpg", ".pgp", ".sig", ".key")
_SSH_SUFFIXES = (".pub", ".ppk", ".pem")
_PRIVATE_KEY_MARKERS = (b"-----BEGIN OPENSSH PRIVATE KEY-----", b"-----BEGIN RSA PRIVATE KEY-----",
                        b"-----BEGIN PRIVATE KEY-----", b"-----BEGIN ENCRYPTED PRIVATE KEY-----",
                        b"-----BEGIN EC PRIVATE KEY-----", b"PuTTY-User-Key-File-", b"ssh-rsa ", b"ssh-ed25519 ")
_LOG_SUFFIXES = (".log", ".txt", ".ibgzenc", ".xml", ".png", ".jpg", ".jpeg")


def area_for_path(path: Path) -> str | None:
    """The area key for ``path``, or ``None`` when the console has no use for it."""
    path = Path(path)
    name = path.name.lower()
    if path.is_dir():
        return DIAGNOSTICS
    if name.endswith(".har"):
        return HAR
    if name.endswith(_ARCHIVE_SUFFIXES):
        return DIAGNOSTICS
    if name.endswith(".json"):  # a back-office snapshot for the SLS importer
        return SLS
    if name.endswith(_SSH_SUFFIXES) or name in ("id_rsa", "id_ed25519", "id_ecdsa", "public.key"):
        return SFTP
    if name.endswith(_GPG_SUFFIXES):
        if name.endswith((".key", ".asc")) and _starts_with(path, _PRIVATE_KEY_MARKERS):
            return SFTP
        return GPG
    if _starts_with(path, _PRIVATE_KEY_MARKERS):
        return SFTP
    if name.endswith(_LOG_SUFFIXES):
        return DIAGNOSTICS
    return None


def _starts_with(path: Path, markers: tuple[bytes, ...]) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(64).lstrip()
    except OSError:
        return False
    return head.startswith(markers)
