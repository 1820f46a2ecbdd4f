"""Encrypt reports to a client's key and decrypt them, streaming from file to file.

A report never passes through Python: gpg reads the input file named on its command line
and writes ``--output`` to a temp file beside the target (:func:`console.services.gpg.process.stream_gpg`),
so memory stays flat whatever the size and the speed is gpg's own. Progress comes from gpg's
PROGRESS status lines; cancel terminates gpg. The temp file is renamed into place only after
gpg said END_ENCRYPTION / DECRYPTION_OKAY, so a failure or cancel leaves nothing behind (gpg
itself would leave a half-written file on a damaged input).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from console.services.errors import Cancelled, InvalidInput
from console.services.gpg.diagnose import explain_decrypt, explain_encrypt
from console.services.gpg.engine import GpgHome
from console.services.gpg.errors import GpgError, OutputExists
from console.services.gpg.keyring import KeyInfo, find_key, list_keys
from console.services.gpg.paths import check_output_file, check_output_files, check_output_folder
from console.services.gpg.process import stream_gpg

Progress = Callable[[int, int], None]

ENCRYPTED_SUFFIXES = (".gpg", ".pgp")
#: Formats that are compressed already: gpg's own compression would only cost time.
COMPRESSED_SUFFIXES = frozenset({
    ".zip", ".gz", ".tgz", ".bz2", ".tbz2", ".xz", ".txz", ".zst", ".7z", ".rar", ".lz", ".lzma", ".br",
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".mp3", ".mp4", ".m4a", ".mov", ".avi", ".mkv",
    ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".jar", ".apk", ".epub", ".pdf",
    ".gpg", ".pgp", ".asc",
})
_MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"\x28\xb5\x2f\xfd",
          b"Rar!", b"\x89PNG", b"\xff\xd8\xff", b"%PDF")


@dataclass(frozen=True)
class EncryptedFile:
    source: Path
    output: Path
    size: int
    compressed_by_gpg: bool


@dataclass(frozen=True)
class EncryptResult:
    recipient: str
    recipient_uid: str
    signed_by: str | None
    files: tuple[EncryptedFile, ...]

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


@dataclass(frozen=True)
class DecryptResult:
    source: Path
    output: Path
    size: int
    key_fingerprint: str
    original_name: str
    signature: str


def already_compressed(path: Path) -> bool:
    """True for zip/gzip/images/PDF and the like (by name, then by the first bytes)."""
    if path.suffix.lower() in COMPRESSED_SUFFIXES:
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return False
    return any(head.startswith(m) for m in _MAGIC)


def file_kind(path: Path) -> str:
    """What an OpenPGP file holds: 'public-key', 'secret-key', 'encrypted', 'signed' or 'unknown'.

    Only the first bytes are read (armor header, or the tag of the first binary packet), so
    a dropped file can be routed to import or decrypt without running gpg.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return "unknown"
    text = head.lstrip()
    if text.startswith(b"-----BEGIN PGP "):
        label = text[15:60]
        if label.startswith(b"PUBLIC KEY BLOCK"):
            return "public-key"
        if label.startswith(b"PRIVATE KEY BLOCK"):
            return "secret-key"
        if label.startswith(b"MESSAGE"):
            return "encrypted"
        if label.startswith((b"SIGNED MESSAGE", b"SIGNATURE")):
            return "signed"
        return "unknown"
    if not head or not head[0] & 0x80:
        return "unknown"
    tag = head[0] & 0x3F if head[0] & 0x40 else (head[0] >> 2) & 0x0F
    return {1: "encrypted", 3: "encrypted", 5: "secret-key", 6: "public-key", 4: "signed",
            2: "signed", 8: "unknown"}.get(tag, "unknown")


@contextlib.contextmanager
def _temp_beside(target: Path) -> Iterator[Path]:
    """A temp path next to ``target`` for gpg's --output; removed unless renamed by the caller."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def _missing_folders(targets: Sequence[Path]) -> list[Path]:
    """The folders that writing ``targets`` would create, deepest first."""
    missing: set[Path] = set()
    for target in targets:
        folder = target.parent
        while folder != folder.parent and not folder.exists():
            missing.add(folder)
            folder = folder.parent
    return sorted(missing, key=lambda p: len(p.parts), reverse=True)


@contextlib.contextmanager
def _no_empty_folders_on_failure(targets: Sequence[Path]) -> Iterator[None]:
    """On failure or cancel, remove the folders made for ``targets`` that stayed empty.

    A refused run (key not confirmed, wrong passphrase...) must not leave an empty output
    folder behind; folders that already hold a finished file are kept.
    """
    created = _missing_folders(targets)
    try:
        yield
    except BaseException:
        for folder in created:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only succeeds when empty
        raise


def _check_passphrase(passphrase: str | None) -> None:
    if passphrase is not None and ("\n" in passphrase or "\r" in passphrase):
        raise InvalidInput("A passphrase cannot contain line breaks.")


def plan_outputs(paths: Sequence[Path], out_dir: Path | None) -> list[tuple[Path, Path]]:
    """(source, NAME.gpg) pairs: files as given, folders expanded (skipping hidden and encrypted files)."""
    pairs: list[tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for src in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = src.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or src.suffix.lower() in ENCRYPTED_SUFFIXES:
                    continue
                base = (out_dir / path.name / rel.parent) if out_dir else src.parent
                pairs.append((src, base / (src.name + ".gpg")))
        elif path.is_file():
            base = out_dir if out_dir else path.parent
            pairs.append((path, base / (path.name + ".gpg")))
        else:
            raise InvalidInput(f"{path} does not exist.")
    if not pairs:
        raise InvalidInput("There is nothing to encrypt: the folder holds no report files.")
    return pairs


def encrypt_files(home: GpgHome, paths: Sequence[Path], recipient: str, *, out_dir: Path | None = None,
                  sign_with: str | None = None, passphrase: str | None = None, overwrite: bool = False,
                  progress: Progress | None = None, cancel: threading.Event | None = None) -> EncryptResult:
    """Encrypt each file (folders: every report inside) to ``recipient`` as ``NAME.gpg``.

    Originals are untouched. Outputs go beside the originals, or under ``out_dir``. With
    ``sign_with`` (a secret key in the console's keyring) each file is also signed, which
    needs that key's ``passphrase``.
    """
    _check_passphrase(passphrase)
    keys = list_keys(home, with_secret=bool(sign_with))
    key = find_key(home, recipient, keys)
    signer: KeyInfo | None = None
    if sign_with:
        signer = find_key(home, sign_with, [k for k in keys if k.has_secret])
        if not passphrase:
            raise InvalidInput("Signing needs the passphrase of the signing key.")
    if out_dir:
        check_output_folder(Path(out_dir))
    pairs = plan_outputs(paths, Path(out_dir) if out_dir else None)
    check_output_files([dst for _, dst in pairs], "encrypted file")
    if not overwrite:
        existing = [dst for _, dst in pairs if dst.exists()]
        if existing:
            raise OutputExists(f"{existing[0]} already exists" + (
                f" (and {len(existing) - 1} more)" if len(existing) > 1 else "") + ".",
                paths=tuple(str(p) for p in existing))
    sizes = [src.stat().st_size for src, _ in pairs]
    total = sum(sizes)
    base = 0
    out: list[EncryptedFile] = []

    def cancelled() -> Cancelled:
        return Cancelled(f"Encryption cancelled after {len(out)} of {len(pairs)} files.")

    with _no_empty_folders_on_failure([dst for _, dst in pairs]):
        for (src, dst), size in zip(pairs, sizes, strict=True):
            if cancel is not None and cancel.is_set():
                raise cancelled()
            compress = not already_compressed(src)
            args = ["--encrypt", "--recipient", key.fingerprint, "--set-filename", src.name]
            if not compress:
                args += ["--compress-algo", "none"]
            if signer is not None:
                args += ["--sign", "--local-user", signer.fingerprint]
            with _temp_beside(dst) as tmp:
                run = stream_gpg(home, [*args, "--output", str(tmp), "--", str(src)],
                                 passphrase=passphrase if signer else None,
                                 on_progress=_scaled(progress, base, size, total), cancel=cancel)
                if cancel is not None and cancel.is_set():
                    raise cancelled()
                if run.returncode != 0 or not run.has("END_ENCRYPTION"):
                    raise explain_encrypt(run.statuses, recipient=key, signer=signer)
                os.replace(tmp, dst)
            base += size
            if progress is not None:
                progress(base, total)
            out.append(EncryptedFile(src, dst, dst.stat().st_size, compress))
    return EncryptResult(key.fingerprint, key.primary_uid, signer.fingerprint if signer else None, tuple(out))


def _scaled(progress: Progress | None, base: int, size: int, total: int) -> Callable[[int, int], None] | None:
    """Map gpg's PROGRESS counts for one file (rounded to KiB) onto the bytes of the whole job."""
    if progress is None:
        return None
    seen = 0

    def report(cur: int, of: int) -> None:
        nonlocal seen
        done = size * cur // of if of > 0 else min(cur, size)
        if done > seen:
            seen = min(done, size)
            progress(base + seen, total)

    return report


def decrypt_file(home: GpgHome, source: Path, output: Path, *, passphrase: str, overwrite: bool = False,
                 progress: Progress | None = None, cancel: threading.Event | None = None) -> DecryptResult:
    """Decrypt ``source`` to ``output`` with the secret key in the console's keyring."""
    source, output = Path(source), Path(output)
    if not source.is_file():
        raise InvalidInput(f"{source} does not exist or is not a file.")
    if not passphrase:
        raise InvalidInput("Enter the passphrase of the key pair to decrypt.")
    _check_passphrase(passphrase)
    if output.exists() and (output.is_dir() or not overwrite):
        raise OutputExists(f"{output} already exists.", paths=(str(output),))
    if output.resolve() == source.resolve():
        raise InvalidInput("The decrypted file cannot replace the encrypted one.")
    check_output_file(output, "decrypted file")
    size = source.stat().st_size
    with _no_empty_folders_on_failure([output]), _temp_beside(output) as tmp:
        run = stream_gpg(home, ["--output", str(tmp), "--decrypt", "--", str(source)], passphrase=passphrase,
                         on_progress=_scaled(progress, 0, size, size), cancel=cancel)
        if cancel is not None and cancel.is_set():
            raise Cancelled("Decryption cancelled; nothing was written.")
        statuses = run.statuses
        ok = run.returncode == 0 and run.has("DECRYPTION_OKAY") and not run.has("BADMDC")
        if not ok:
            keys = list_keys(home)
            raise explain_decrypt(statuses, secret_keys=[k for k in keys if k.has_secret], public_keys=keys)
        os.replace(tmp, output)
    if progress is not None:
        progress(size, size)
    fpr = next((v.split()[1] for k, v in statuses if k == "DECRYPTION_KEY" and len(v.split()) > 1), "")
    name = next((v.split(None, 2)[2] for k, v in statuses if k == "PLAINTEXT" and len(v.split(None, 2)) > 2), "")
    signature = ""
    for k, v in statuses:
        if k in ("GOODSIG", "EXPKEYSIG", "REVKEYSIG", "BADSIG"):
            signature = {"GOODSIG": "good signature", "EXPKEYSIG": "signed by an expired key",
                         "REVKEYSIG": "signed by a revoked key", "BADSIG": "BAD signature"}[k]
            signature += f" from {v.split(None, 1)[-1]}"
    return DecryptResult(source, output, output.stat().st_size, fpr, name, signature)


def default_decrypted_name(source: Path) -> Path:
    """report.csv.gpg -> report.csv (beside the source)."""
    if source.suffix.lower() in (*ENCRYPTED_SUFFIXES, ".asc"):
        return source.with_suffix("")
    return source.with_name(source.name + ".decrypted")


__all__ = ["DecryptResult", "EncryptResult", "EncryptedFile", "GpgError", "already_compressed",
           "decrypt_file", "default_decrypted_name", "encrypt_files", "file_kind", "plan_outputs"]
