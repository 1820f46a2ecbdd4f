"""Taking in a bundle: archives, folders and loose files into the store, rows and index in one transaction.

Either everything lands (blobs, one ``bundles`` row, one ``bundle_files`` row per file, the
index of every log) or nothing does: on any failure the transaction rolls back and the blobs
this ingest created are deleted.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.services.bundles.archive import (
    CHUNK,
    Budget,
    Limits,
    UnsafeArchive,
    archive_type,
    is_archive_name,
    iter_archive,
)
from console.services.bundles.errors import NotAnArchive
from console.services.bundles.logs import is_encrypted_log, looks_like_log
from console.services.bundles.models import Bundle, BundleFile
from console.services.bundles.redact import redact_text
from console.services.bundles.search import index_file
from console.services.bundles.store import BlobStore, StoreTransaction
from console.services.db import Database
from console.services.errors import InvalidInput, NotFound

log = logging.getLogger(__name__)

KINDS = ("log", "har", "image", "settings", "encrypted-log", "other")
PLATFORMS: tuple[tuple[str, str], ...] = (
    ("tws", "TWS (desktop)"),
    ("mobile-ios", "IBKR Mobile (iOS)"),
    ("mobile-android", "IBKR Mobile (Android)"),
    ("impact", "IMPACT"),
    ("globaltrader", "GlobalTrader"),
    ("portal-web", "Client Portal (web)"),
)
PLATFORM_KEYS = tuple(k for k, _ in PLATFORMS)
_IMAGE = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".heic")
_SETTINGS = (".xml", ".ini", ".json", ".properties", ".cfg", ".conf", ".vmoptions", ".plist", ".yaml", ".yml")
_LOGISH = (".log", ".txt", ".out", ".err", ".trace")
_TICKET_PATTERNS = (
    re.compile(r"ATTENTION\s*[:：]?\s*#?\s*([A-Za-z]{0,4}-?\d{4,12})\b", re.I),
    re.compile(r"\b(?:ticket|tkt|case)\s*(?:no\.?|number|#)?\s*[:#]?\s*([A-Za-z]{0,4}-?\d{4,12})\b", re.I),
    re.compile(r"#(\d{5,12})\b"),
)

#: Files in which a platform keeps what the client typed when uploading: TWS asks for a reason,
#: the mobile apps and IMPACT/GlobalTrader for comments. Compared without extension, any case.
REASON_FILE_STEMS = frozenset({"reason", "reasons", "upload_reason", "uploadreason", "comment", "comments",
                               "user_comment", "usercomment", "user_comments", "description", "problem",
                               "issue", "message", "notes", "note"})
_REASON_SUFFIXES = ("", ".txt", ".text", ".md")
_REASON_MAX = 64 * 1024

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class IngestResult:
    id: int
    files: int
    bytes: int
    kinds: dict[str, int]
    ticket: str | None
    nested: tuple[str, ...] = ()
    encrypted: tuple[str, ...] = ()
    #: Where the ticket came from: "form", "reason" (the reason text given) or the bundle file it was read in.
    ticket_source: str | None = None
    #: An older bundle holding exactly the same files (taken in twice?), or None.
    duplicate_of: int | None = None


def ticket_in(text: str | None) -> str | None:
    """A ticket number mentioned in a reason text (``ATTENTION: 12345678``, ``ticket #123456``)."""
    if not text:
        return None
    for pattern in _TICKET_PATTERNS:
        m = pattern.search(text)
        if m:
            return m.group(1).upper()
    return None


def is_reason_file(name: str) -> bool:
    """Whether ``name`` (a path inside a bundle) is where a platform keeps the client's reason or comment."""
    base = name.rsplit("/", 1)[-1].lower()
    for suffix in _REASON_SUFFIXES:
        if suffix and base.endswith(suffix):
            return base[: -len(suffix)] in REASON_FILE_STEMS
    return base in REASON_FILE_STEMS


def classify(name: str, head: bytes) -> str:
    """The kind of a file from its name and first bytes."""
    lower = name.lower()
    if is_encrypted_log(lower):
        return "encrypted-log"
    if lower.endswith(".har"):
        return "har"
    if lower.endswith(_IMAGE) or head.startswith((b"\x89PNG\r\n", b"\xff\xd8\xff")):
        return "image"
    if lower.endswith(_LOGISH):
        return "log" if b"\x00" not in head[:4096] else "other"
    if lower.endswith(_SETTINGS):
        return "settings"
    if looks_like_log(head):
        return "log"
    return "other"


@dataclass
class _Run:
    session: Session
    bundle_id: int
    tx: StoreTransaction
    budget: Budget
    expand_nested: bool
    progress: Progress | None
    kinds: Counter[str] = field(default_factory=Counter)
    nested: list[str] = field(default_factory=list)
    encrypted: list[str] = field(default_factory=list)
    nbytes: int = 0
    files: int = 0
    #: (depth, name, text) of the reason/comment files seen; the shallowest one wins.
    reasons: list[tuple[int, str, str]] = field(default_factory=list)

    def report(self) -> None:
        if self.progress is not None:
            self.progress(self.budget.total_bytes, 0)

    def add(self, name: str, chunks: Iterator[bytes], mtime: datetime | None, depth: int) -> None:
        self.budget.check_cancel()
        blob = self.tx.put_chunks(chunks)
        with open(blob.path, "rb") as fh:
            head = fh.read(8192)
        kind = classify(name, head)
        if blob.size <= _REASON_MAX and is_reason_file(name) and b"\x00" not in head:
            with open(blob.path, "rb") as fh:
                self.reasons.append((depth, name, fh.read().decode("utf-8", "replace").strip()))
        nested = is_archive_name(name) and archive_type(blob.path) is not None
        row = BundleFile(bundle_id=self.bundle_id, path=name, sha256=blob.sha256, size=blob.size, kind=kind,
                         nested_archive=nested, depth=depth, mtime=mtime)
        self.session.add(row)
        self.session.flush()
        if kind == "log":
            stats = index_file(self.session, row.id, blob.path)
            row.line_count, row.first_ts, row.last_ts = stats.lines, stats.first_ts, stats.last_ts
        self.kinds[kind] += 1
        self.files += 1
        self.nbytes += blob.size
        if kind == "encrypted-log":
            self.encrypted.append(name)
        self.report()
        if nested:
            if self.expand_nested:
                self.expand(blob.path, name, depth + 1, prefix=True)
            else:
                self.nested.append(name)

    def expand(self, path: Path, label: str, depth: int, *, prefix: bool) -> None:
        lead = f"{label}/" if prefix else ""
        for entry, chunks in iter_archive(path, self.budget, depth=depth, label=label):
            self.add(lead + entry.name, chunks, entry.mtime, depth)

    def add_folder(self, root: Path) -> None:
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames.sort()
            for name in [*sorted(filenames), *[d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]]:
                full = Path(dirpath) / name
                rel = f"{root.name}/{full.relative_to(root).as_posix()}"
                st = full.lstat()
                if stat.S_ISLNK(st.st_mode):
                    raise UnsafeArchive(rel, "it is a symbolic link")
                if not stat.S_ISREG(st.st_mode):
                    raise UnsafeArchive(rel, "it is a device or special file")
                self.add_loose(full, rel)

    def add_loose(self, path: Path, name: str) -> None:
        self.budget.add_entry(name)
        mtime = datetime.fromtimestamp(path.stat().st_mtime)
        self.add(name, self._file_chunks(path, name), mtime, 0)

    def _file_chunks(self, path: Path, name: str) -> Iterator[bytes]:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                self.budget.check_cancel()
                self.budget.add_bytes(name, len(chunk))
                yield chunk


def ingest_bundle(database: Database, store_dir: Path, paths: Sequence[Path], *, ticket: str | None = None,
                  username: str | None = None, account: str | None = None, platform: str | None = None,
                  reason: str | None = None, expand_nested: bool = False, limits: Limits | None = None,
                  progress: Progress | None = None, cancel: threading.Event | None = None) -> IngestResult:
    """Take in ``paths`` (archives, folders, loose files) as one new bundle."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise InvalidInput("Nothing to take in: give an archive, a folder or some files.")
    for p in paths:
        if not p.exists():
            raise NotFound(f"{p} does not exist.")
    if platform is not None and platform not in PLATFORM_KEYS:
        raise InvalidInput(f"Unknown platform {platform!r}.", hint=f"Use one of: {', '.join(PLATFORM_KEYS)}.")
    form_ticket = (ticket or "").strip() or None
    ticket = form_ticket or ticket_in(reason)
    tx = StoreTransaction(BlobStore(store_dir))
    budget = Budget(limits or Limits(), cancel=cancel)
    try:
        with database.writer() as s:
            bundle = Bundle(created_at=datetime.now(timezone.utc), ticket=ticket, username=_clean(username),
                            account=_clean(account), platform=platform, reason=_clean(redact_text(reason or "")),
                            source=", ".join(p.name for p in paths)[:2000])
            s.add(bundle)
            s.flush()
            run = _Run(s, bundle.id, tx, budget, expand_nested, progress)
            for p in paths:
                if p.is_dir():
                    run.add_folder(p)
                elif is_archive_name(p.name):
                    # Named like an archive: it must be one (a renamed text file is refused, not kept as "other").
                    run.expand(p, p.name, 1, prefix=False)
                else:
                    run.add_loose(p, p.name)
            if run.files == 0:
                raise InvalidInput("There were no files to take in (empty archive or folder).")
            source = _pick_ticket(run, bundle, form_ticket)
            bundle.file_count, bundle.total_bytes = run.files, run.nbytes
            result = IngestResult(bundle.id, run.files, run.nbytes, dict(sorted(run.kinds.items())), bundle.ticket,
                                  tuple(run.nested), tuple(run.encrypted), source, _same_files_as(s, bundle.id))
    except BaseException:
        tx.rollback()
        raise
    log.info("bundle %s taken in: %s %s, %s bytes", result.id, result.files,
             "file" if result.files == 1 else "files", result.bytes)
    return result


def expand_nested(database: Database, store_dir: Path, file_id: int, *, limits: Limits | None = None,
                  progress: Progress | None = None, cancel: threading.Event | None = None) -> IngestResult:
    """Expand one nested archive of a bundle into that bundle (on request), in one transaction."""
    store = BlobStore(store_dir)
    tx = StoreTransaction(store)
    budget = Budget(limits or Limits(), cancel=cancel)
    try:
        with database.writer() as s:
            row = s.get(BundleFile, file_id)
            if row is None:
                raise NotFound(f"There is no bundle file {file_id}.")
            if not row.nested_archive:
                raise NotAnArchive(f"{row.path} is not an archive waiting to be expanded.",
                                   hint="Only files marked as nested archives can be expanded.")
            bundle = s.get(Bundle, row.bundle_id)
            assert bundle is not None
            run = _Run(s, bundle.id, tx, budget, False, progress)
            run.expand(store.open(row.sha256), row.path, row.depth + 1, prefix=True)
            row.nested_archive = False
            bundle.file_count += run.files
            bundle.total_bytes += run.nbytes
            result = IngestResult(bundle.id, run.files, run.nbytes, dict(sorted(run.kinds.items())), bundle.ticket,
                                  tuple(run.nested), tuple(run.encrypted))
    except BaseException:
        tx.rollback()
        raise
    return result


def _same_files_as(session: Session, bundle_id: int) -> int | None:
    """The newest older bundle whose files have exactly the same contents as ``bundle_id``'s, if any."""
    mine = sorted(session.scalars(select(BundleFile.sha256).where(BundleFile.bundle_id == bundle_id)))
    if not mine:
        return None
    candidates = session.scalars(
        select(Bundle.id).join(BundleFile, BundleFile.bundle_id == Bundle.id)
        .where(BundleFile.sha256 == mine[0], Bundle.id != bundle_id, Bundle.file_count == len(mine))
        .distinct().order_by(Bundle.id.desc()).limit(20)).all()
    for other in candidates:
        theirs = sorted(session.scalars(select(BundleFile.sha256).where(BundleFile.bundle_id == other)))
        if theirs == mine:
            return int(other)
    return None


def _pick_ticket(run: _Run, bundle: Bundle, form_ticket: str | None) -> str | None:
    """Fill the ticket (and an empty reason) from the bundle's own reason file; say where the ticket came from."""
    if form_ticket:
        return "form"
    if bundle.ticket:
        return "reason"
    for _depth, name, text in sorted(run.reasons):
        found = ticket_in(text)
        if bundle.reason is None and text:
            bundle.reason = redact_text(text[:4000])
        if found:
            bundle.ticket = found
            return name
    return None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
