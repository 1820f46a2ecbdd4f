"""File helpers every service uses: nothing is ever left half-written.

:func:`atomic_output` streams into a temp file beside the target and renames it into place
only when the block finishes without an exception; on any failure the temp file is removed
and the target is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_output(path: Path, *, mode: int | None = None) -> Iterator[IO[bytes]]:
    """Open a binary temp file next to ``path``; on success fsync and rename it to ``path``.

    ``mode`` (e.g. ``0o600``) is applied to the temp file before any byte is written, so a
    private key never exists on disk with wider permissions.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        if mode is not None:
            os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    with atomic_output(path, mode=mode) as fh:
        fh.write(data)


def atomic_write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)
