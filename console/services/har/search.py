"""Text search over entries: URL, headers (request and response) and bodies (decoded base64 included)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from console.services.har.findings import Findings, find_issues
from console.services.har.model import HarDocument, HarEntry


@dataclass(frozen=True, slots=True)
class SearchHit:
    index: int
    method: str
    url: str
    status: int
    where: tuple[str, ...]


def header_blob(entry: HarEntry) -> str:
    """URL and all header lines, lower-cased (what the GUI filter box matches instantly)."""
    parts = [entry.url]
    parts += [f"{k}: {v}" for k, v in entry.request_headers()]
    parts += [f"{k}: {v}" for k, v in entry.response_headers()]
    return "\n".join(parts).lower()


def entry_matches(entry: HarEntry, needle: str) -> tuple[str, ...]:
    """Where ``needle`` (compared case-insensitively) occurs in ``entry``; empty when nowhere."""
    n = needle.lower()
    where = []
    if n in entry.url.lower():
        where.append("url")
    if any(n in f"{k}: {v}".lower() for k, v in entry.request_headers()):
        where.append("request headers")
    if any(n in f"{k}: {v}".lower() for k, v in entry.response_headers()):
        where.append("response headers")
    req = entry.request_body()
    if req is not None and req.text is not None and n in req.text.lower():
        where.append("request body")
    raw_text = (entry.response.get("content") or {}).get("text") if isinstance(
        entry.response.get("content"), dict) else None
    if isinstance(raw_text, str) and raw_text:
        if n in raw_text.lower():
            where.append("response body")
        else:
            body = entry.response_body()
            if body is not None and body.was_base64 and body.text is not None and n in body.text.lower():
                where.append("response body")
    return tuple(where)


def search_entries(doc: HarDocument, text: str) -> list[SearchHit]:
    """Entries whose URL, headers or bodies contain ``text`` (case-insensitive), in start order."""
    if not text:
        return []
    hits = []
    for e in doc.entries:
        where = entry_matches(e, text)
        if where:
            hits.append(SearchHit(e.index, e.method, e.url, e.status, where))
    return hits


def analyse_for_view(doc: HarDocument, cancel: threading.Event | None = None) -> tuple[Findings, dict[int, str]]:
    """The inspector's second pass after the table is shown: findings and each entry's :func:`header_blob`."""
    blobs = {}
    for i, e in enumerate(doc.entries):
        if cancel is not None and i % 1000 == 0 and cancel.is_set():
            break
        blobs[e.index] = header_blob(e)
    return find_issues(doc), blobs


def body_matches(doc: HarDocument, text: str, cancel: threading.Event | None = None) -> tuple[str, frozenset[int]]:
    """``text`` and the file indexes of the entries that contain it anywhere (bodies included)."""
    hits = set()
    for i, e in enumerate(doc.entries):
        if cancel is not None and i % 200 == 0 and cancel.is_set():
            break
        if entry_matches(e, text):
            hits.add(e.index)
    return text, frozenset(hits)
