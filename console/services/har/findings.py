"""What an engineer should look at first: failures, slow requests, long waits, redirects, mixed content,
large uncompressed responses and requests the client blocked."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urljoin

from console.services.har.model import HarDocument, HarEntry

SLOW_COUNT = 10
LONG_WAIT_MS = 1000.0
LARGE_UNCOMPRESSED_BYTES = 100_000
_COMPRESSIBLE = ("text/", "json", "javascript", "xml", "css", "svg", "html", "ecmascript")
_BLOCKED_MARKERS = ("BLOCKED_BY_CLIENT", "BLOCKED_BY_ADMINISTRATOR", "BLOCKED_BY_RESPONSE", "blocked",
                    "NS_ERROR_CONTENT_BLOCKED", "NS_BINDING_ABORTED")


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation; ``entries`` are file indices (``index`` of :class:`HarEntry`)."""

    kind: str
    severity: str  # "error", "warning" or "info"
    title: str
    detail: str
    entries: tuple[int, ...]
    value: float = 0.0


@dataclass(frozen=True)
class Findings:
    items: list[Finding] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.items if f.kind == kind]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for f in self.items:
            out[f.kind] += 1
        return dict(out)


def _short(url: str, limit: int = 90) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def is_blocked(entry: HarEntry) -> bool:
    reason = entry.error or ""
    blocked = entry.raw.get("_blocked_reason") or entry.response.get("_blockedReason")
    return bool(blocked) or any(m.lower() in reason.lower() for m in _BLOCKED_MARKERS)


def find_issues(doc: HarDocument, *, long_wait_ms: float = LONG_WAIT_MS,
                large_bytes: int = LARGE_UNCOMPRESSED_BYTES, slow_count: int = SLOW_COUNT) -> Findings:
    items: list[Finding] = []
    for e in doc.entries:
        if is_blocked(e):
            items.append(Finding("blocked", "warning", f"Blocked by the client: {e.method} {_short(e.url)}",
                                 e.error or "blocked", (e.index,)))
        elif e.failed:
            why = e.error or f"{e.status} {e.status_text}".strip()
            severity = "error" if e.status >= 500 or e.status <= 0 else "warning"
            items.append(Finding("failed", severity, f"{e.status} {e.method} {_short(e.url)}", why, (e.index,),
                                 float(e.status)))
    for e in sorted(doc.entries, key=lambda x: -x.time_ms)[:slow_count]:
        if e.time_ms > 0:
            items.append(Finding("slow", "info", f"{e.time_ms:.0f} ms {e.method} {_short(e.url)}",
                                 f"total time {e.time_ms:.0f} ms", (e.index,), e.time_ms))
    waits = [e for e in doc.entries if e.timings and e.timings.wait >= long_wait_ms]
    for e in sorted(waits, key=lambda x: -(x.timings.wait if x.timings else 0)):
        wait = e.timings.wait if e.timings else 0.0
        items.append(Finding("long-wait", "warning", f"waited {wait:.0f} ms for the first byte: {_short(e.url)}",
                             f"server time to first byte {wait:.0f} ms (threshold {long_wait_ms:.0f} ms)",
                             (e.index,), wait))
    items.extend(_redirect_chains(doc))
    items.extend(_mixed_content(doc))
    for e in doc.entries:
        mime = e.mime_type.lower()
        if e.size >= large_bytes and any(m in mime for m in _COMPRESSIBLE) and 200 <= e.status < 300:
            encoding = (e.header("content-encoding") or "").strip().lower()
            if encoding in ("", "identity"):
                items.append(Finding("uncompressed", "info",
                                     f"{e.size / 1024:.0f} KB sent uncompressed: {_short(e.url)}",
                                     f"{mime} without Content-Encoding", (e.index,), float(e.size)))
    return Findings(items)


def _location(e: HarEntry) -> str:
    target = str(e.response.get("redirectURL") or "") or (e.header("location") or "")
    return urljoin(e.url, target) if target else ""


def _redirect_chains(doc: HarDocument) -> list[Finding]:
    by_url: dict[str, list[HarEntry]] = defaultdict(list)
    for e in doc.entries:
        by_url[e.url].append(e)
    used: set[int] = set()
    out: list[Finding] = []
    for e in doc.entries:
        if e.index in used or not 300 <= e.status < 400 or e.status == 304 or not _location(e):
            continue
        chain = [e]
        seen_urls = {e.url}
        current = e
        loop = False
        while 300 <= current.status < 400 and current.status != 304:
            target = _location(current)
            nxt = next((c for c in by_url.get(target, []) if c.index not in used and c is not current
                        and (c.start_ms or 0) >= (current.start_ms or 0)), None)
            if nxt is None:
                break
            if nxt.url in seen_urls:
                loop = True
                break
            chain.append(nxt)
            seen_urls.add(nxt.url)
            current = nxt
        used.update(c.index for c in chain)
        hops = sum(1 for c in chain if 300 <= c.status < 400)
        if hops >= 2 or loop:
            path = " → ".join(f"{c.status} {_short(c.url, 60)}" for c in chain)
            out.append(Finding("redirects", "warning" if loop or hops >= 3 else "info",
                               f"{'redirect loop' if loop else f'{hops} redirects'} from {_short(e.url, 70)}",
                               path, tuple(c.index for c in chain), float(hops)))
    return out


def _mixed_content(doc: HarDocument) -> list[Finding]:
    first_doc: dict[str | None, HarEntry] = {}
    for e in doc.entries:  # the first request of a page is its navigation
        first_doc.setdefault(e.pageref, e)
    out = []
    for e in doc.entries:
        page = first_doc.get(e.pageref)
        if page is not None and page.url.startswith("https://") and e.url.startswith("http://"):
            out.append(Finding("mixed-content", "warning", f"insecure request on a secure page: {_short(e.url)}",
                               f"page {_short(page.url, 60)} loads http:// content", (e.index,)))
    return out
