"""The one-screen summary of a HAR (``har summary``): counts, errors, slowest requests, quirks.

:func:`summarize` reads the file with the same reader and repairs as :func:`~.loader.load_har`
(so the same entries and quirks), but skips what only the inspector needs: bodies are validated
and dropped, and no :class:`~.model.HarEntry` objects are built.
"""

from __future__ import annotations

import heapq
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.services.har.loader import Progress, gc_paused, ordered_quirks
from console.services.har.model import HarDocument, HarPageInfo
from console.services.har.pages import out_of_order, page_infos, page_spans, repair_log
from console.services.har.reader import SCALE, find_log, read_har
from console.services.har.repair import repair_entries


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


# (index, method, url, status, time_ms, start_ms, transfer_size, pageref) of one entry
_Row = tuple[int, str, str, int, float, float | None, int, str | None]


def _summary(path: Path | None, version: str, creator: str, browser: str, rows: Sequence[_Row],
             pages: Sequence[HarPageInfo], quirks: list[tuple[str, int]], top: int) -> HarSummary:
    statuses: Counter[int] = Counter(r[3] for r in rows)
    slowest = heapq.nlargest(top, rows, key=lambda r: r[4])  # ties keep the rows' (start) order
    starts = [r[5] for r in rows if r[5] is not None]
    ends = [r[5] + r[4] for r in rows if r[5] is not None]
    return HarSummary(
        path=str(path) if path else "", version=version, creator=creator, browser=browser, entries=len(rows),
        pages=[{"id": p.id, "title": p.title, "started": p.started.isoformat() if p.started else None,
                "entries": p.entry_count, "on_load_ms": p.on_load_ms, "added": p.synthetic} for p in pages],
        errors=sum(n for status, n in statuses.items() if status >= 400 or status <= 0),
        status_counts={str(k): v for k, v in sorted(statuses.items())},
        slowest=[{"index": r[0], "method": r[1], "url": r[2], "status": r[3], "time_ms": round(r[4], 3)}
                 for r in slowest],
        quirks=[{"code": c, "count": n} for c, n in quirks],
        total_bytes=sum(r[6] for r in rows if r[6] > 0),
        total_time_ms=round(max(ends) - min(starts), 3) if starts else 0.0,
    )


def summarize_document(doc: HarDocument, top: int = 10) -> HarSummary:
    rows = [(e.index, e.method, e.url, e.status, e.time_ms, e.start_ms, e.transfer_size, e.pageref)
            for e in doc.entries]
    return _summary(doc.path, doc.version, doc.creator, doc.browser, rows, doc.pages, doc.quirks, top)


def summarize(path: Path, *, top: int = 10, progress: Progress | None = None,
              cancel: threading.Event | None = None, retain: list[Any] | None = None) -> HarSummary:
    """Summary of the HAR at ``path``; same entries and quirks as ``summarize_document(load_har(path))``.

    ``retain``: the parsed data is appended to it instead of being freed on return; a CLI process
    that exits right afterwards (without tearing down objects) saves the time of freeing it.
    """
    path = Path(path)
    quirks: Counter[str] = Counter()
    with gc_paused():
        parsed = read_har(path, quirks, progress=progress, cancel=cancel, keep_bodies=False)
        log_dict = find_log(parsed.root, path, quirks)
        info = repair_log(log_dict, quirks)
        # index, method, url, status, time_ms, start_ms, transfer, pageref (see EntryFields)
        rows: list[_Row] = [(f[0], f[2], f[3], f[4], f[13], f[12], f[10], f[15])
                            for f in repair_entries(log_dict, info, quirks, [], progress, cancel)]
        if out_of_order([r[5] for r in rows]):
            quirks["entries-unsorted"] += 1
            rows.sort(key=lambda r: (r[5] is None, r[5] or 0.0, r[0]))
        pages = page_infos(info.pages_raw, page_spans([(r[7], r[5], r[4]) for r in rows]),
                           Counter(r[7] for r in rows), quirks)
        if progress:
            progress(SCALE, SCALE)
        if retain is not None:
            retain.append(parsed)
        return _summary(path, info.version, info.creator, info.browser, rows, pages, ordered_quirks(quirks), top)
