"""Tolerant HAR loading: read and parse (:mod:`.reader`), repair with every repair counted as a quirk
(:mod:`.repair`), then the model (:mod:`.model`).

The raw dict is repaired in place so that it is again a valid HAR 1.2 log that haralyzer and
browsers accept, and no entry is ever dropped. The dataclasses keep references into it instead of
copies.
"""

from __future__ import annotations

import gc
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from console.services.har.model import HarDocument, HarEntry, Timings
from console.services.har.pages import out_of_order, page_infos, page_spans, repair_log
from console.services.har.reader import (
    SCALE,
    HarError,
    ParsedHar,
    Progress,
    check_cancel,
    find_log,
    read_har,
    read_har_bytes,
)
from console.services.har.repair import parse_started, repair_entries

__all__ = ["HarError", "Progress", "build_document", "gc_paused", "load_har", "load_har_bytes", "parse_started"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC: millions of new containers would trigger it again and again (it walks all of
    them each time); nothing built while loading has cycles, so this roughly halves the load time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Move everything built meanwhile to the oldest generation in one step (freeze, then unfreeze);
        # otherwise the first collection after re-enabling walks every new container once more.
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def load_har(path: Path, *, progress: Progress | None = None,
             cancel: threading.Event | None = None) -> HarDocument:
    """Load ``path`` tolerantly; raise :class:`HarError` when it is not (readable) HAR JSON."""
    path = Path(path)
    quirks: Counter[str] = Counter()
    with gc_paused():
        parsed = read_har(path, quirks, progress=progress, cancel=cancel)
        return _document(parsed, path, path, quirks, progress, cancel)


def load_har_bytes(data: bytes, *, name: str = "HAR data") -> HarDocument:
    """Load HAR JSON given as bytes (tests, pasted text, files inside bundles)."""
    quirks: Counter[str] = Counter()
    with gc_paused():
        return _document(read_har_bytes(data, name, quirks), Path(name), None, quirks, None, None)


def _document(parsed: ParsedHar, name: Path, path: Path | None, quirks: Counter[str], progress: Progress | None,
              cancel: threading.Event | None) -> HarDocument:
    if progress:
        progress(600, SCALE)
    check_cancel(cancel)
    log_dict = find_log(parsed.root, name, quirks)
    return build_document(log_dict, path=path, file_size=parsed.size, quirks=quirks, progress=progress,
                          cancel=cancel, bodies=parsed.bodies)


def build_document(log_dict: dict[str, Any], *, path: Path | None, file_size: int,
                   quirks: Counter[str] | None = None, progress: Progress | None = None,
                   cancel: threading.Event | None = None, bodies: list[str] | None = None) -> HarDocument:
    """Repair ``log_dict`` in place and build the model over it (``bodies``: see :mod:`.reader`)."""
    quirks = quirks if quirks is not None else Counter()
    info = repair_log(log_dict, quirks)
    entries: list[HarEntry] = []
    append = entries.append
    for (index, raw, method, url, status, status_text, error, version, mime, size, transfer, started, start_ms,
         time_ms, phases, pageref, server_ip) in repair_entries(log_dict, info, quirks, bodies or [], progress,
                                                                cancel):
        append(HarEntry(index, started, start_ms, method, url, host_of(url), status, status_text, version, mime,
                        resource_type(raw, mime, url), size, transfer, time_ms,
                        Timings(*phases) if phases is not None else None, pageref, server_ip, error, raw))

    starts = [e.start_ms for e in entries]
    if out_of_order(starts):
        quirks["entries-unsorted"] += 1
        entries.sort(key=lambda e: (e.start_ms is None, e.start_ms or 0.0, e.index))
    spans = page_spans([(e.pageref, e.start_ms, e.time_ms) for e in entries])
    pages = page_infos(info.pages_raw, spans, Counter(e.pageref for e in entries), quirks)
    if progress:
        progress(SCALE, SCALE)
    return HarDocument(path=path, version=info.version, creator=info.creator, browser=info.browser,
                       entries=tuple(entries), pages=tuple(pages), quirks=ordered_quirks(quirks),
                       file_size=file_size, raw=log_dict)


def ordered_quirks(quirks: Counter[str]) -> list[tuple[str, int]]:
    """Quirks with a count, most frequent first."""
    return sorted(((c, n) for c, n in quirks.items() if n), key=lambda cn: (-cn[1], cn[0]))


def resource_type(raw: dict[str, Any], mime: str, url: str) -> str:
    """Chrome's ``_resourceType`` when present, else a guess from the MIME type or the URL's extension."""
    explicit = raw.get("_resourceType")
    if isinstance(explicit, str) and explicit:
        return explicit.lower()
    m = mime.lower()
    if "html" in m:
        return "document"
    if "css" in m:
        return "stylesheet"
    if "javascript" in m or "ecmascript" in m:
        return "script"
    if m.startswith("image/"):
        return "image"
    if m.startswith("font/") or "font" in m:
        return "font"
    if m.startswith(("audio/", "video/")):
        return "media"
    if "json" in m or "xml" in m:
        return "xhr"
    path = url.split("?", 1)[0].lower()
    for suffix, kind in ((".js", "script"), (".css", "stylesheet"), (".png", "image"), (".jpg", "image"),
                         (".gif", "image"), (".svg", "image"), (".woff2", "font"), (".woff", "font")):
        if path.endswith(suffix):
            return kind
    return "other"


def host_of(url: str) -> str:
    """The host of ``url`` (lower-case, no port, IPv6 without brackets); cheaper than urlsplit."""
    start = url.find("://")
    if start == -1:
        return ""
    start += 3
    end = len(url)
    for sep in "/?#":
        pos = url.find(sep, start, end)
        if pos != -1:
            end = pos
    netloc = url[start:end]
    if "@" in netloc:
        netloc = netloc.rpartition("@")[2]
    if netloc.startswith("["):
        return netloc[1:netloc.find("]")].lower() if "]" in netloc else netloc[1:].lower()
    return netloc.partition(":")[0].lower()
