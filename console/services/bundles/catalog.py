"""Reading the bundle store back: lists, details, file paths, findings, deletion."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, or_, select

from console.services.bundles.findings import Finding, FindingGroup, finding_for, group_findings
from console.services.bundles.logs import ENCRYPTED_NOTE, iter_lines
from console.services.bundles.models import Bundle, BundleFile
from console.services.bundles.search import unindex_bundle
from console.services.bundles.store import BlobStore
from console.services.db import Database
from console.services.errors import Cancelled, NotFound


@dataclass(frozen=True)
class BundleSummary:
    id: int
    created_at: datetime
    ticket: str | None
    username: str | None
    account: str | None
    platform: str | None
    reason: str | None
    source: str
    total_bytes: int
    file_count: int


@dataclass(frozen=True)
class FileInfo:
    id: int
    bundle_id: int
    path: str
    sha256: str
    size: int
    kind: str
    nested_archive: bool
    depth: int
    mtime: datetime | None
    line_count: int | None
    first_ts: datetime | None
    last_ts: datetime | None
    note: str | None


@dataclass(frozen=True)
class BundleDetail:
    bundle: BundleSummary
    files: tuple[FileInfo, ...]
    kinds: dict[str, int]


def _summary(b: Bundle) -> BundleSummary:
    return BundleSummary(b.id, b.created_at, b.ticket, b.username, b.account, b.platform, b.reason, b.source,
                         b.total_bytes, b.file_count)


def _file(f: BundleFile) -> FileInfo:
    note = ENCRYPTED_NOTE if f.kind == "encrypted-log" else (
        "archive inside the bundle: not expanded yet" if f.nested_archive else None)
    return FileInfo(f.id, f.bundle_id, f.path, f.sha256, f.size, f.kind, f.nested_archive, f.depth, f.mtime,
                    f.line_count, f.first_ts, f.last_ts, note)


def list_bundles(database: Database, *, text: str | None = None, limit: int = 500) -> list[BundleSummary]:
    """Newest first; ``text`` filters on ticket, username, account and reason."""
    with database.session() as s:
        q = select(Bundle).order_by(Bundle.id.desc()).limit(limit)
        if text:
            like = f"%{text.strip().lower()}%"
            q = q.where(or_(func.lower(Bundle.ticket).like(like), func.lower(Bundle.username).like(like),
                            func.lower(Bundle.account).like(like), func.lower(Bundle.reason).like(like)))
        return [_summary(b) for b in s.scalars(q)]


def get_bundle(database: Database, bundle_id: int) -> BundleDetail:
    with database.session() as s:
        b = s.get(Bundle, bundle_id)
        if b is None:
            raise NotFound(f"There is no bundle {bundle_id}.", hint="'bundle list' shows the bundles in the store.")
        files = tuple(_file(f) for f in b.files)
        return BundleDetail(_summary(b), files, dict(sorted(Counter(f.kind for f in files).items())))


def get_file(database: Database, file_id: int) -> FileInfo:
    with database.session() as s:
        f = s.get(BundleFile, file_id)
        if f is None:
            raise NotFound(f"There is no bundle file {file_id}.")
        return _file(f)


def file_path(store_dir: Path, info: FileInfo) -> Path:
    """Where the content of ``info`` is on disk (read-only: the store is shared between bundles)."""
    return BlobStore(store_dir).open(info.sha256)


def bundle_findings(database: Database, store_dir: Path, bundle_id: int, *, limit: int = 2000,
                    cancel: threading.Event | None = None) -> list[Finding]:
    """Known platform message codes in the bundle's logs, in file then line order."""
    found: list[Finding] = []
    for info in get_bundle(database, bundle_id).files:
        if info.kind != "log":
            continue
        for line in iter_lines(file_path(store_dir, info)):
            if cancel is not None and line.number % 20_000 == 0 and cancel.is_set():
                raise Cancelled("Looking for findings was cancelled.")
            hit = finding_for(line, info.path, info.id)
            if hit is not None:
                found.append(hit)
                if len(found) >= limit:
                    return found
    return found


def bundle_finding_groups(database: Database, store_dir: Path, bundle_id: int, *,
                          cancel: threading.Event | None = None) -> list[FindingGroup]:
    """The bundle's findings folded by code: count, first and last time, files (every line is counted)."""
    return group_findings(bundle_findings(database, store_dir, bundle_id, limit=10**9, cancel=cancel))


def delete_bundle(database: Database, store_dir: Path, bundle_id: int) -> int:
    """Remove a bundle's rows and index; blobs no other bundle uses are deleted afterwards. Returns files removed."""
    store = BlobStore(store_dir)
    with database.writer() as s:
        b = s.get(Bundle, bundle_id)
        if b is None:
            raise NotFound(f"There is no bundle {bundle_id}.")
        shas = {f.sha256 for f in b.files}
        count = len(b.files)
        unindex_bundle(s, store, bundle_id)
        s.execute(delete(Bundle).where(Bundle.id == bundle_id))
        s.flush()
        still_used = set(s.scalars(select(BundleFile.sha256).where(BundleFile.sha256.in_(shas))))
    for sha in shas - still_used:
        store.path_for(sha).unlink(missing_ok=True)
    return count
