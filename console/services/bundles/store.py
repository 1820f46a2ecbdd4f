"""Content-addressed file store: each file kept once, at ``<store>/ab/cd/<sha256>``.

Writes stream into a temp file inside the store (same file system, so the final rename is
atomic) while hashing. A :class:`StoreTransaction` remembers which blobs it created, so an ingest
that fails removes exactly those and nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from console.services.errors import ConfigError, NotFound

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    path: Path
    created: bool


class BlobStore:
    """The bundle store directory (``settings.bundle_store_dir``)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise NotFound(f"{sha256!r} is not a stored file id.")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def open(self, sha256: str) -> Path:
        """The path of a stored blob; :class:`NotFound` if it is missing from the store."""
        path = self.path_for(sha256)
        if not path.is_file():
            raise NotFound(f"The stored file {sha256[:12]}… is missing from {self.root}.",
                           hint="The bundle store folder may have been moved or cleaned; check the setting.")
        return path

    def _tmp_dir(self) -> Path:
        tmp = self.root / ".tmp"
        try:
            tmp.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"The bundle store {self.root} cannot be used ({exc.strerror or exc}).",
                              hint="Choose a writable folder for the diagnostic bundle store.") from exc
        return tmp

    def put_chunks(self, chunks: Iterable[bytes]) -> StoredBlob:
        """Store the bytes of ``chunks``; the blob is only visible once complete and hashed."""
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp_dir(), prefix="in-", suffix=".part")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as fh:
                for chunk in chunks:
                    digest.update(chunk)
                    fh.write(chunk)
                    size += len(chunk)
            sha = digest.hexdigest()
            final = self.path_for(sha)
            if final.exists():
                tmp.unlink()
                return StoredBlob(sha, size, final, created=False)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
            return StoredBlob(sha, size, final, created=True)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def put_file(self, path: Path) -> StoredBlob:
        def chunks() -> Iterator[bytes]:
            with open(path, "rb") as fh:
                while chunk := fh.read(1024 * 1024):
                    yield chunk

        return self.put_chunks(chunks())


@dataclass
class StoreTransaction:
    """Blobs created during one ingest; :meth:`rollback` deletes them (and only them)."""

    store: BlobStore
    created: list[Path] = field(default_factory=list)

    def put_chunks(self, chunks: Iterable[bytes]) -> StoredBlob:
        blob = self.store.put_chunks(chunks)
        if blob.created:
            self.created.append(blob.path)
        return blob

    def rollback(self) -> None:
        for path in self.created:
            with contextlib.suppress(OSError):
                path.unlink()
            for parent in (path.parent, path.parent.parent):
                with contextlib.suppress(OSError):
                    parent.rmdir()  # only if now empty
        self.created.clear()
        with contextlib.suppress(OSError):
            (self.store.root / ".tmp").rmdir()
