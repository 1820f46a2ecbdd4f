"""The HAR object model the console works with: frozen dataclasses over the normalised raw dict.

Bodies and headers are not copied: each :class:`HarEntry` keeps a reference to its (already
normalised) raw entry dict and reads them on demand, so a loaded file costs little more than
the parsed JSON itself.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from console.services.errors import InvalidInput

PHASES: tuple[str, ...] = ("blocked", "dns", "connect", "ssl", "send", "wait", "receive")

#: Short descriptions of the quirk codes the loader records (shown next to the counts).
QUIRK_DESCRIPTIONS: dict[str, str] = {
    "utf8-bom": "file starts with a UTF-8 byte order mark",
    "utf16": "file is UTF-16 encoded",
    "gzip": "file is gzip-compressed",
    "log-wrapper-missing": "no top-level 'log' object; the file itself is the log",
    "har-version": "HAR version other than 1.2",
    "creator-missing": "no creator recorded",
    "pages-missing": "no 'pages' list",
    "pages-null": "'pages' is null",
    "page-invalid": "page without id, start time or timings (repaired)",
    "orphan-pageref": "entry points to a page that is not in the file (page added)",
    "pageref-missing": "entry has no pageref although the file has pages",
    "entries-missing": "no 'entries' list",
    "entry-not-object": "an item of 'entries' is not an object (skipped)",
    "entries-unsorted": "entries are not in start-time order",
    "started-invalid": "entry start time missing or unreadable",
    "started-long-fraction": "start time with more than 6 fractional digits",
    "started-no-timezone": "start time without a time zone (UTC assumed)",
    "time-null": "entry 'time' missing or null (computed from timings)",
    "time-invalid": "entry 'time' is not a number",
    "timings-empty": "'timings' missing or empty",
    "timings-negative": "timing phases of -1 (not applicable)",
    "timings-invalid": "timing value that is not a number",
    "ssl-outside-connect": "'ssl' not included in 'connect' (Firefox style)",
    "page-timings-implausible": "page load timings far outside the page's requests",
    "status-zero": "status 0 (no response)",
    "status-negative": "negative status",
    "status-invalid": "status that is not a number",
    "http-version-empty": "empty httpVersion",
    "http-version-odd": "unusual httpVersion value",
    "ipv6-brackets": "server IP address in square brackets",
    "base64-body": "base64-encoded body (decoded for display)",
    "jsonview-mime": "Firefox JSON-viewer pseudo MIME type",
    "request-missing": "entry without a request object (repaired)",
    "response-missing": "entry without a response object (repaired)",
    "headers-invalid": "headers/cookies/query not a list of name/value objects (repaired)",
    "url-missing": "request without a URL",
}

#: What each quirk means for the engineer reading the file, in plain words (the inspector's quirks list).
QUIRK_ADVICE: dict[str, str] = {
    "utf8-bom": "Invisible marker bytes some Windows tools write first; skipped, nothing else changes.",
    "utf16": "An editor re-saved the file in UTF-16; it was decoded, nothing is lost.",
    "gzip": "The client compressed the file; it was unpacked while reading.",
    "log-wrapper-missing": "The exporting tool left out the outer 'log' object; the requests were read anyway.",
    "har-version": "Another version of the HAR format; it was read like 1.2.",
    "creator-missing": "The file does not say which browser or tool wrote it.",
    "pages-missing": "Usual for proxies (Charles, Fiddler): requests are shown without page grouping.",
    "pages-null": "Same as no page list; requests are shown without page grouping.",
    "page-invalid": "A page had gaps; defaults were filled in so it can still be listed.",
    "orphan-pageref": "Requests name a page the file does not list; that page was added so none is hidden.",
    "pageref-missing": "These requests belong to no page; they are listed under 'Without a page'.",
    "entries-missing": "There are no requests in the file: ask the client for a new export.",
    "entry-not-object": "Junk in the request list (not a request); it was left out.",
    "entries-unsorted": "Requests were put in start-time order, the way a browser shows them.",
    "started-invalid": "These requests have no usable start time; their place on the time line is a guess.",
    "started-long-fraction": "More precise clock than usual (Safari, proxies); read to the microsecond.",
    "started-no-timezone": "The times carry no time zone; they are taken as UTC, so check the clock offset.",
    "time-null": "The total time was missing; it is the sum of the timing phases.",
    "time-invalid": "The total time was not a number; it was read from the text or summed from the phases.",
    "timings-empty": "No timing breakdown: the waterfall shows only the total time for these requests.",
    "timings-negative": "Phases that did not happen (e.g. no DNS on a reused connection); drawn as zero.",
    "timings-invalid": "A timing value was not a number; it counts as zero.",
    "ssl-outside-connect": "Firefox counts TLS apart from connect; it is kept as its own phase.",
    "page-timings-implausible": "A page's load times were far beyond its last request; they are not drawn.",
    "status-zero": "No response arrived: blocked, cancelled, offline or refused. Listed among the failures.",
    "status-negative": "The browser or tool gave up on these requests; listed among the failures.",
    "status-invalid": "The status was not a number; a number in it was used, otherwise no response.",
    "http-version-empty": "The response's protocol version was blank; the request's is shown.",
    "http-version-odd": "Written in a form such as 'h3' or 'http/2.0'; shown as written.",
    "ipv6-brackets": "IPv6 server address written with brackets; the brackets were dropped.",
    "base64-body": "Bodies stored base64-encoded; decoded for display, the file keeps them as they were.",
    "jsonview-mime": "Firefox's JSON viewer renamed the content type; read as plain JSON.",
    "request-missing": "A request object was missing; an empty one was put in its place.",
    "response-missing": "A response object was missing; an empty one (no response) was put in its place.",
    "headers-invalid": "Headers, cookies or query lists were malformed; what was readable was kept.",
    "url-missing": "A request has no URL; it is listed with an empty address.",
}


def quirk_meaning(code: str) -> str:
    """The short description and the plain-words advice of a quirk code, as one text."""
    short = QUIRK_DESCRIPTIONS.get(code, "")
    advice = QUIRK_ADVICE.get(code, "")
    if short and advice:
        return f"{short[:1].upper()}{short[1:]}. {advice}"
    return short or advice or "Repaired while loading."


@dataclass(frozen=True, slots=True)
class Timings:
    """Non-overlapping phase durations in ms (``ssl`` is taken out of ``connect``); -1 becomes 0."""

    blocked: float = 0.0
    dns: float = 0.0
    connect: float = 0.0
    ssl: float = 0.0
    send: float = 0.0
    wait: float = 0.0
    receive: float = 0.0

    def phases(self) -> tuple[tuple[str, float], ...]:
        return tuple((name, float(getattr(self, name))) for name in PHASES)

    @property
    def total(self) -> float:
        return self.blocked + self.dns + self.connect + self.ssl + self.send + self.wait + self.receive


@dataclass(frozen=True, slots=True)
class Body:
    """A request or response body prepared for display; ``original`` is the text as stored in the HAR."""

    mime_type: str
    text: str | None
    data: bytes | None
    was_base64: bool
    original: str | None

    @property
    def is_binary(self) -> bool:
        return self.text is None and self.data is not None

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        return len(self.text.encode("utf-8", "replace")) if self.text is not None else 0


@dataclass(frozen=True, slots=True, eq=False)
class HarEntry:
    """One request/response pair. ``index`` is its position in the file's ``entries`` array."""

    index: int
    started: datetime | None
    start_ms: float | None
    method: str
    url: str
    host: str
    status: int
    status_text: str
    http_version: str
    mime_type: str
    resource_type: str
    size: int
    transfer_size: int
    time_ms: float
    timings: Timings | None
    pageref: str | None
    server_ip: str
    error: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def failed(self) -> bool:
        """Status >= 400, 0 or negative, or an error recorded by the browser."""
        return self.status >= 400 or self.status <= 0 or bool(self.error)

    @property
    def status_class(self) -> str:
        if self.status <= 0 or (self.error and self.status < 400):
            return "failed"
        return f"{self.status // 100}xx"

    @property
    def request(self) -> dict[str, Any]:
        value = self.raw.get("request")
        return value if isinstance(value, dict) else {}

    @property
    def response(self) -> dict[str, Any]:
        value = self.raw.get("response")
        return value if isinstance(value, dict) else {}

    def request_headers(self) -> list[tuple[str, str]]:
        return _pairs(self.request.get("headers"))

    def response_headers(self) -> list[tuple[str, str]]:
        return _pairs(self.response.get("headers"))

    def query(self) -> list[tuple[str, str]]:
        return _pairs(self.request.get("queryString"))

    def request_cookies(self) -> list[tuple[str, str]]:
        return _pairs(self.request.get("cookies"))

    def response_cookies(self) -> list[tuple[str, str]]:
        return _pairs(self.response.get("cookies"))

    def header(self, name: str, *, response: bool = True) -> str | None:
        wanted = name.lower()
        for key, value in self.response_headers() if response else self.request_headers():
            if key.lower() == wanted:
                return value
        return None

    def request_body(self) -> Body | None:
        post = self.request.get("postData")
        if not isinstance(post, dict):
            return None
        text = post.get("text")
        if not isinstance(text, str):
            params = _pairs(post.get("params"))
            if not params:
                return None
            text = "&".join(f"{k}={v}" for k, v in params)
        return Body(str(post.get("mimeType") or ""), text, None, False, text)

    def response_body(self) -> Body | None:
        content = self.response.get("content")
        if not isinstance(content, dict):
            return None
        return decode_body(content)


def decode_body(content: dict[str, Any]) -> Body | None:
    """Decode a HAR ``content`` object (base64 or text) for display."""
    text = content.get("text")
    if not isinstance(text, str):
        return None
    mime = str(content.get("mimeType") or "")
    if str(content.get("encoding") or "").lower() != "base64":
        return Body(mime, text, None, False, text)
    try:
        data = base64.b64decode(text, validate=False)
    except (binascii.Error, ValueError):
        return Body(mime, text, None, False, text)
    if is_textual(mime, data):
        try:
            return Body(mime, data.decode("utf-8"), None, True, text)
        except UnicodeDecodeError:
            pass
    return Body(mime, None, data, True, text)


_TEXT_MIME_MARKERS = ("text/", "json", "javascript", "xml", "html", "css", "urlencoded", "svg", "ecmascript")


def is_textual(mime: str, data: bytes = b"") -> bool:
    mime = mime.lower()
    if any(marker in mime for marker in _TEXT_MIME_MARKERS):
        return True
    if mime.startswith(("image/", "audio/", "video/", "font/")) or "octet-stream" in mime:
        return False
    head = data[:512]
    return bool(head) and b"\x00" not in head and head.lstrip()[:1] in (b"{", b"[", b"<")


def _pairs(items: Any) -> list[tuple[str, str]]:
    if not isinstance(items, list):
        return []
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append((str(item.get("name", "")), "" if item.get("value") is None else str(item.get("value"))))
    return out


@dataclass(frozen=True, slots=True)
class HarPageInfo:
    """A page of the HAR (or a page the loader had to add for orphan entries)."""

    id: str
    title: str
    started: datetime | None
    on_content_load_ms: float | None
    on_load_ms: float | None
    entry_count: int
    synthetic: bool = False


@dataclass(frozen=True, eq=False)
class HarDocument:
    """A loaded HAR: entries sorted by start time (``index`` is the file position)."""

    path: Path | None
    version: str
    creator: str
    browser: str
    entries: Sequence[HarEntry]
    pages: Sequence[HarPageInfo]
    quirks: list[tuple[str, int]]
    file_size: int
    raw: dict[str, Any] = field(repr=False)

    def quirk_count(self, code: str) -> int:
        return dict(self.quirks).get(code, 0)

    def entry(self, index: int) -> HarEntry:
        """The entry at file position ``index``."""
        for entry in self.entries:
            if entry.index == index:
                return entry
        raise InvalidInput(f"This HAR has no entry number {index}.")

    def haralyzer(self) -> Any:
        """A ``haralyzer.HarParser`` over the normalised data (every entry is reachable from a page)."""
        from haralyzer import HarParser

        return HarParser({"log": self.raw})
