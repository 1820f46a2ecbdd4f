"""One timeline for a bundle: log lines of every file merged by time, with HAR requests and screenshots.

Meant for bundles of ordinary size (a client's day of logs); a single huge file is better read
through :class:`~console.services.bundles.logs.LineIndex`. The merge stops at ``max_events``
and says so.
"""

from __future__ import annotations

import heapq
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from console.services.bundles.catalog import FileInfo, file_path, get_bundle
from console.services.bundles.logs import iter_lines
from console.services.db import Database
from console.services.errors import UserFacingError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TimelineEvent:
    timestamp: datetime | None
    source: str
    file_id: int
    kind: str  # "log", "har" or "image"
    level: str | None
    line: int
    text: str


@dataclass(frozen=True)
class Timeline:
    bundle: int
    events: tuple[TimelineEvent, ...]
    truncated: bool
    notes: tuple[str, ...]


def _log_events(info: FileInfo, path: Path, cancel: threading.Event | None) -> Iterator[TimelineEvent]:
    for line in iter_lines(path, cancel=cancel):
        yield TimelineEvent(line.timestamp, info.path, info.id, "log", line.level, line.number, line.text)


def _har_events(info: FileInfo, path: Path, notes: list[str]) -> list[TimelineEvent]:
    try:
        from console.services import har  # type: ignore[attr-defined,unused-ignore]

        load_har: Callable[..., Any] = har.load_har
    except (ImportError, AttributeError):
        notes.append(f"{info.path}: HAR requests not placed on the timeline (the HAR reader is not available).")
        return []
    try:
        loaded = load_har(path)
    except UserFacingError as exc:
        notes.append(f"{info.path}: {exc.one_line()}")
        return []
    events = []
    for n, entry in enumerate(getattr(loaded, "entries", ()), start=1):
        started = getattr(entry, "started", None)
        # HAR times carry the client's UTC offset; the wall-clock part lines up with the client's logs.
        ts = started.replace(tzinfo=None) if isinstance(started, datetime) else None
        status = getattr(entry, "status", "")
        took = getattr(entry, "time_ms", None)
        text = f"{getattr(entry, 'method', '')} {getattr(entry, 'url', '')} → {status}"
        if took is not None:
            text += f" ({float(took):.0f} ms)"
        level = "ERROR" if isinstance(status, int) and (status >= 500 or status == 0) else (
            "WARN" if isinstance(status, int) and status >= 400 else "INFO")
        events.append(TimelineEvent(ts, info.path, info.id, "har", level, n, text))
    return events


def _key(event: TimelineEvent) -> tuple[bool, datetime]:
    return (event.timestamp is None, event.timestamp or datetime.min)


def bundle_timeline(database: Database, store_dir: Path, bundle_id: int, *, file_id: int | None = None,
                    max_events: int = 500_000, progress: Callable[[int, int], None] | None = None,
                    cancel: threading.Event | None = None) -> Timeline:
    """Every timestamped line, HAR request and screenshot of a bundle (or one of its files), by time."""
    detail = get_bundle(database, bundle_id)
    files = [f for f in detail.files if file_id is None or f.id == file_id]
    notes: list[str] = []
    streams: list[Iterator[TimelineEvent]] = []
    extra: list[TimelineEvent] = []
    for info in files:
        if info.kind == "log":
            streams.append(_log_events(info, file_path(store_dir, info), cancel))
        elif info.kind == "har":
            extra.extend(_har_events(info, file_path(store_dir, info), notes))
        elif info.kind == "image":
            extra.append(TimelineEvent(info.mtime, info.path, info.id, "image", None, 0,
                                       f"Screenshot {info.path}"))
        elif info.kind == "encrypted-log":
            notes.append(f"{info.path}: {info.note}")
    extra.sort(key=_key)
    streams.append(iter(extra))
    events: list[TimelineEvent] = []
    truncated = False
    # Each file is already in time order, so a k-way merge is enough.
    for event in heapq.merge(*streams, key=_key):
        events.append(event)
        if len(events) >= max_events:
            truncated = True
            notes.append(f"Only the first {max_events:,} events are shown; open a single file to see all of it.")
            break
        if progress is not None and len(events) % 50_000 == 0:
            progress(len(events), 0)
    return Timeline(bundle_id, tuple(events), truncated, tuple(notes))
