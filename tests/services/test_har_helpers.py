"""Builders for small hand-made HARs used by the HAR tests (no tests in here)."""

from __future__ import annotations

import base64
import copy
from pathlib import Path
from typing import Any

import orjson

JWT = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0"
       ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")


def entry(url: str = "https://example.com/", *, status: int = 200, started: str = "2024-01-02T03:04:05.123Z",
          time: Any = 120.5, method: str = "GET", mime: str = "text/html", text: str | None = "<html></html>",
          req_headers: list[tuple[str, str]] | None = None, resp_headers: list[tuple[str, str]] | None = None,
          pageref: str | None = "page_1", **extra: Any) -> dict[str, Any]:
    e: dict[str, Any] = {
        "startedDateTime": started, "time": time,
        "request": {"method": method, "url": url, "httpVersion": "HTTP/1.1", "cookies": [],
                    "headers": [{"name": k, "value": v} for k, v in (req_headers or [])],
                    "queryString": [], "headersSize": -1, "bodySize": 0},
        "response": {"status": status, "statusText": "OK", "httpVersion": "HTTP/1.1", "cookies": [],
                     "headers": [{"name": k, "value": v} for k, v in (resp_headers or [])],
                     "content": {"size": len(text or ""), "mimeType": mime, **({"text": text} if text else {})},
                     "redirectURL": "", "headersSize": -1, "bodySize": len(text or "")},
        "cache": {}, "timings": {"blocked": 1, "dns": 2, "connect": 10, "ssl": 5, "send": 1, "wait": 100,
                                 "receive": 6.5},
    }
    if pageref is not None:
        e["pageref"] = pageref
    e.update(extra)
    return e


def har(entries: list[dict[str, Any]], pages: Any = "default", **log_extra: Any) -> dict[str, Any]:
    if pages == "default":
        pages = [{"id": "page_1", "title": "https://example.com/", "startedDateTime": "2024-01-02T03:04:05.000Z",
                  "pageTimings": {"onContentLoad": 200, "onLoad": 300}}]
    log: dict[str, Any] = {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": entries}
    if pages is not None or "pages" in log_extra:
        log["pages"] = pages
    log.update(log_extra)
    return {"log": log}


def write(path: Path, data: Any, *, prefix: bytes = b"") -> Path:
    path.write_bytes(prefix + (data if isinstance(data, bytes) else orjson.dumps(data)))
    return path


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def clone(data: Any) -> Any:
    return copy.deepcopy(data)
