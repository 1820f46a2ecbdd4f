"""Deliver encrypted reports: upload them to a client's sFTP outbox through the sFTP area.

Saving to a folder needs nothing here (``encrypt_files(..., out_dir=...)``). Uploading uses
:func:`console.services.sftp.upload_file` over one session for all files; each file lands as
``REMOTE.part`` first and is renamed when complete, and an existing remote file is never
replaced unless ``overwrite`` is set. Host keys must already be trusted in the console's
known_hosts (the sFTP area's "Test connection" does that); an unknown or changed host key
stops the delivery with the sFTP area's explanation.
"""

from __future__ import annotations

import posixpath
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from console.services.errors import Cancelled


@dataclass(frozen=True)
class DeliveredFile:
    local: Path
    remote: str
    size: int
    sha256: str


def upload_reports(files: Sequence[Path], *, host: str, port: int, username: str, key_path: Path,
                   remote_dir: str, known_hosts: Path, key_passphrase: str | None = None,
                   overwrite: bool = False, progress: Callable[[int, int], None] | None = None,
                   cancel: threading.Event | None = None) -> tuple[DeliveredFile, ...]:
    """Upload each encrypted file into ``remote_dir`` on the client's sFTP server."""
    from console.services import sftp

    params = sftp.ConnectionParams(host, port, username, Path(key_path), passphrase=key_passphrase)
    sizes = [Path(f).stat().st_size for f in files]
    total = sum(sizes)
    base = 0
    out: list[DeliveredFile] = []

    def step(done: int, _total: int) -> None:
        if progress is not None:
            progress(base + done, total)

    with sftp.connect(params, known_hosts=known_hosts, cancel=cancel) as session:
        for path, size in zip(files, sizes, strict=True):
            if cancel is not None and cancel.is_set():
                raise Cancelled(f"Delivery cancelled after {len(out)} of {len(files)} files.")
            remote = posixpath.join(remote_dir or ".", Path(path).name)
            res = sftp.upload_file(params, Path(path), remote, known_hosts=known_hosts, progress=step,
                                   cancel=cancel, overwrite=overwrite, session=session)
            out.append(DeliveredFile(Path(path), remote, res.size, res.sha256))
            base += size
    return tuple(out)
