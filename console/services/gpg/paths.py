"""Check where an output will go before any work starts.

Encrypting, decrypting, backing up or creating a key pair can take a while or change the
keyring; finding out only at the end that the output folder is really a file, or lies on a
read-only place such as ``/proc``, would waste the work (or, for a new key pair, leave a key
behind a failure). These checks walk up to the deepest folder that exists and prove a file
can be created there, without creating any missing folder.
"""

from __future__ import annotations

import errno
import tempfile
from collections.abc import Iterable
from pathlib import Path

from console.services.errors import InvalidInput


def _deepest_existing(folder: Path) -> Path:
    """The deepest ancestor of ``folder`` (itself included) that exists, file or folder."""
    current = folder
    while current != current.parent:
        try:
            current.stat()
            return current
        except OSError:  # missing, a file in the way, or not searchable: look one level up
            current = current.parent
    return current


def _why(exc: OSError) -> str:
    # ENOENT from creating a file in an existing folder (e.g. /proc) only confuses: say nothing more.
    if exc.errno == errno.ENOENT or not exc.strerror:
        return ""
    return f" ({exc.strerror})"


def check_output_folder(folder: Path, what: str = "output folder") -> Path:
    """Raise InvalidInput unless files can be written in ``folder`` (created later if missing)."""
    folder = Path(folder).expanduser()
    existing = _deepest_existing(folder.absolute())
    if not existing.is_dir():
        raise InvalidInput(f"The {what} {folder} cannot be used: {existing} is a file, not a folder.",
                           hint="Choose a folder (or a new name in a folder) instead.")
    try:
        with tempfile.TemporaryFile(dir=existing, prefix=".write-test-"):
            pass
    except OSError as exc:
        where = "it" if existing == folder.absolute() else f"{existing}"
        raise InvalidInput(f"The {what} {folder} cannot be used: {where} is not writable{_why(exc)}.",
                           hint="Choose a folder you can write to.") from exc
    return folder


def check_output_file(path: Path, what: str = "output file") -> Path:
    """Raise InvalidInput unless ``path`` can be written: not a folder, in a writable folder."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise InvalidInput(f"The {what} {path} is a folder: give a file name.")
    parent = path.parent
    existing = _deepest_existing(parent.absolute())
    if not existing.is_dir():
        raise InvalidInput(f"The {what} {path} cannot be written: {existing} is a file, not a folder.",
                           hint="Choose a file name inside a folder.")
    try:
        with tempfile.TemporaryFile(dir=existing, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise InvalidInput(f"The {what} {path} cannot be written: {existing} is not writable{_why(exc)}.",
                           hint="Choose a folder you can write to.") from exc
    return path


def check_output_files(paths: Iterable[Path], what: str = "output file") -> None:
    """:func:`check_output_file` on each distinct folder of ``paths`` (one probe per folder)."""
    seen: set[Path] = set()
    for path in paths:
        if path.parent in seen:
            if Path(path).is_dir():
                raise InvalidInput(f"The {what} {path} is a folder: give a file name.")
            continue
        seen.add(path.parent)
        check_output_file(path, what)


__all__ = ["check_output_file", "check_output_files", "check_output_folder"]
