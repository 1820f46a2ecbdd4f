"""Compare two HARs (e.g. a working and a failing session): match entries by method + URL with volatile
query values ignored, then report status, timing and size differences and entries only on one side."""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from console.services.har.loader import Progress, load_har
from console.services.har.model import HarDocument, HarEntry

_VOLATILE_NAMES = {
    "_", "t", "ts", "time", "timestamp", "cb", "cachebust", "cachebuster", "rnd", "rand", "random", "nonce", "v",
    "ver", "r", "z", "callback", "jsonp", "_dc", "requestid", "request_id", "correlationid", "sid", "session",
    "sessionid", "token", "state", "code", "sig", "signature", "expires", "x-amz-date", "x-amz-signature",
    "x-amz-credential", "x-amz-security-token",
}
_VOLATILE_VALUE = re.compile(
    r"^(\d{6,}|[0-9a-fA-F]{16,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|[A-Za-z0-9_\-+/=.]{24,}|redacted-[0-9a-f]{12})$")
TIME_THRESHOLD_MS = 200.0


def match_key(method: str, url: str) -> str:
    """Method + URL with volatile query values (timestamps, ids, cache busters, tokens) blanked."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"{method.upper()} {url}"
    query = []
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name.lower() in _VOLATILE_NAMES or _VOLATILE_VALUE.match(value):
            value = "*"
        query.append(f"{name}={value}")
    q = "&".join(sorted(query))
    return f"{method.upper()} {parts.scheme}://{parts.netloc.lower()}{parts.path}" + (f"?{q}" if q else "")


@dataclass(frozen=True, slots=True)
class EntryDiff:
    key: str
    method: str
    url: str
    a_index: int
    b_index: int
    a_status: int
    b_status: int
    a_time_ms: float
    b_time_ms: float
    a_size: int
    b_size: int

    @property
    def status_changed(self) -> bool:
        return self.a_status != self.b_status

    @property
    def time_delta_ms(self) -> float:
        return self.b_time_ms - self.a_time_ms

    @property
    def size_delta(self) -> int:
        return self.b_size - self.a_size

    @property
    def changed(self) -> bool:
        return self.status_changed or abs(self.time_delta_ms) >= TIME_THRESHOLD_MS or self.size_delta != 0

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "method": self.method, "url": self.url, "a_index": self.a_index,
                "b_index": self.b_index, "a_status": self.a_status, "b_status": self.b_status,
                "a_time_ms": round(self.a_time_ms, 3), "b_time_ms": round(self.b_time_ms, 3),
                "time_delta_ms": round(self.time_delta_ms, 3), "a_size": self.a_size, "b_size": self.b_size,
                "size_delta": self.size_delta, "status_changed": self.status_changed}


def _brief(e: HarEntry) -> dict[str, Any]:
    return {"index": e.index, "method": e.method, "url": e.url, "status": e.status, "time_ms": round(e.time_ms, 3),
            "size": e.size}


@dataclass(frozen=True)
class HarDiff:
    a_name: str
    b_name: str
    matched: list[EntryDiff] = field(default_factory=list)
    only_a: list[HarEntry] = field(default_factory=list)
    only_b: list[HarEntry] = field(default_factory=list)

    @property
    def changed(self) -> list[EntryDiff]:
        return [d for d in self.matched if d.changed]

    @property
    def status_changes(self) -> list[EntryDiff]:
        return [d for d in self.matched if d.status_changed]

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a_name, "b": self.b_name,
            "counts": {"matched": len(self.matched), "changed": len(self.changed),
                       "status_changed": len(self.status_changes), "only_a": len(self.only_a),
                       "only_b": len(self.only_b)},
            "status_changed": [d.to_dict() for d in self.status_changes],
            "changed": [d.to_dict() for d in self.changed],
            "only_a": [_brief(e) for e in self.only_a],
            "only_b": [_brief(e) for e in self.only_b],
        }


def diff_documents(a: HarDocument, b: HarDocument, *, a_name: str = "A", b_name: str = "B") -> HarDiff:
    """Pair the n-th occurrence of a key in A with the n-th in B (start order)."""
    pending: dict[str, list[HarEntry]] = defaultdict(list)
    for e in b.entries:
        pending[match_key(e.method, e.url)].append(e)
    for queue in pending.values():
        queue.reverse()
    matched: list[EntryDiff] = []
    only_a: list[HarEntry] = []
    for e in a.entries:
        key = match_key(e.method, e.url)
        queue = pending.get(key, [])
        if not queue:
            only_a.append(e)
            continue
        other = queue.pop()
        matched.append(EntryDiff(key, e.method, e.url, e.index, other.index, e.status, other.status,
                                 e.time_ms, other.time_ms, e.size, other.size))
    only_b = sorted((e for q in pending.values() for e in q), key=lambda x: (x.start_ms or 0.0, x.index))
    return HarDiff(a_name, b_name, matched, only_a, only_b)


def diff_har_files(a: Path, b: Path, *, progress: Progress | None = None,
                   cancel: threading.Event | None = None) -> HarDiff:
    doc_a = load_har(Path(a), cancel=cancel)
    if progress:
        progress(1, 2)
    doc_b = load_har(Path(b), cancel=cancel)
    if progress:
        progress(2, 2)
    return diff_documents(doc_a, doc_b, a_name=Path(a).name, b_name=Path(b).name)
