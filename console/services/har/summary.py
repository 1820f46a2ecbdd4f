"""The one-screen summary of a HAR (``har summary``): counts, errors, slowest requests, quirks."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.services.har.loader import Progress, load_har
from console.services.har.model import HarDocument


@dataclass(frozen=True)
class HarSummary:
    path: str
    version: str
    creator: str
    browser: str
    entries: int
    pages: list[dict[str, Any]]
    errors: int
    status_counts: dict[str, int]
    slowest: list[dict[str, Any]]
    quirks: list[dict[str, Any]]
    total_bytes: int
    total_time_ms: float

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "version": self.version, "creator": self.creator, "browser": self.browser,
                "entries": self.entries, "pages": self.pages, "errors": self.errors,
                "status_counts": self.status_counts, "slowest": self.slowest, "quirks": self.quirks,
                "total_bytes": self.total_bytes, "total_time_ms": self.total_time_ms}


def summarize_document(doc: HarDocument, top: int = 10) -> HarSummary:
    statuses: Counter[int] = Counter(e.status for e in doc.entries)
    errors = sum(1 for e in doc.entries if e.status >= 400 or e.status <= 0)
    slowest = sorted(doc.entries, key=lambda e: -e.time_ms)[:top]
    starts = [e.start_ms for e in doc.entries if e.start_ms is not None]
    ends = [e.start_ms + e.time_ms for e in doc.entries if e.start_ms is not None]
    return HarSummary(
        path=str(doc.path) if doc.path else "", version=doc.version, creator=doc.creator, browser=doc.browser,
        entries=len(doc.entries),
        pages=[{"id": p.id, "title": p.title, "started": p.started.isoformat() if p.started else None,
                "entries": p.entry_count, "on_load_ms": p.on_load_ms, "added": p.synthetic} for p in doc.pages],
        errors=errors,
        status_counts={str(k): v for k, v in sorted(statuses.items())},
        slowest=[{"index": e.index, "method": e.method, "url": e.url, "status": e.status,
                  "time_ms": round(e.time_ms, 3)} for e in slowest],
        quirks=[{"code": c, "count": n} for c, n in doc.quirks],
        total_bytes=sum(max(e.transfer_size, 0) for e in doc.entries),
        total_time_ms=round(max(ends) - min(starts), 3) if starts else 0.0,
    )


def summarize(path: Path, *, progress: Progress | None = None, cancel: threading.Event | None = None) -> HarSummary:
    return summarize_document(load_har(Path(path), progress=progress, cancel=cancel))
