"""Repairs of the entries of a parsed HAR log, in place, each one counted as a quirk.

After :func:`~.pages.repair_log` and :func:`repair_entries` the dict is again a valid HAR 1.2 log that
haralyzer and browsers accept (pages list present, every pageref resolvable, numeric times and
timings) and no entry has been dropped. It yields one :data:`EntryFields` tuple per entry: the loader turns them into
:class:`~console.services.har.model.HarEntry` objects, ``har summary`` only counts them.
Everything here runs once per entry of files with tens of thousands of entries, hence the plain
tuples and the type checks by ``type(x) is ...``.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from console.services.har.model import PHASES
from console.services.har.reader import MARKER, SCALE, Progress, check_cancel

if TYPE_CHECKING:
    from console.services.har.pages import RepairedLog

_CANONICAL_VERSIONS = {
    "http/0.9": "HTTP/0.9", "http/1.0": "HTTP/1.0", "http/1.1": "HTTP/1.1", "http/2": "HTTP/2",
    "http/2.0": "HTTP/2", "h2": "HTTP/2", "h2c": "HTTP/2", "http/3": "HTTP/3", "h3": "HTTP/3",
    "http/3.0": "HTTP/3", "spdy/3": "SPDY/3", "spdy/3.1": "SPDY/3",
}
_STRICT_VERSIONS = {"HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/2.0", "HTTP/3", "http/1.1", "http/2.0", "h2", "h3",
                    "http/1.0", "HTTP/0.9", "http/3"}
_OPTIONAL_PHASES = ("blocked", "dns", "connect", "ssl")
_PAIR_KEYS = (("request", "headers"), ("request", "cookies"), ("request", "queryString"),
              ("response", "headers"), ("response", "cookies"))

#: (index, raw, method, url, status, status_text, error, http_version, mime, size, transfer, started,
#:  start_ms, time_ms, phases (blocked, dns, connect, ssl, send, wait, receive) or None, pageref, server_ip)
EntryFields = tuple[int, dict[str, Any], str, str, int, str, str | None, str, str, int, int, datetime | None,
                    float | None, float, tuple[float, ...] | None, str | None, str]


def num(value: Any) -> float | None:
    """A finite number from a JSON value (numbers and numeric strings), else None."""
    kind = type(value)
    if kind is int:
        return float(value)
    if kind is float:
        return value if math.isfinite(value) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def parse_started(text: Any, quirks: Counter[str] | None = None) -> datetime | None:
    """A HAR ``startedDateTime`` as an aware datetime (7-9 fractional digits and no zone tolerated)."""
    if type(text) is not str or len(text) < 10:
        return None
    s = text.strip()
    dot = s.find(".", 19)
    if dot != -1 and len(s) > dot + 7 and s[dot + 7].isdigit():
        end = len(s) - len(s[dot + 1:].lstrip("0123456789"))
        if quirks is not None:
            quirks["started-long-fraction"] += 1
        s = s[:dot + 7] + s[end:]
    try:
        value = datetime.fromisoformat(s)
    except ValueError:
        return None
    if value.tzinfo is None:
        if quirks is not None:
            quirks["started-no-timezone"] += 1
        value = value.replace(tzinfo=timezone.utc)
    return value


def repair_entries(log_dict: dict[str, Any], info: RepairedLog, quirks: Counter[str], bodies: list[str],
                   progress: Progress | None = None,
                   cancel: threading.Event | None = None) -> Iterator[EntryFields]:
    """Repair every entry in place (putting ``bodies`` back) and yield its fields, in file order.

    When the generator is exhausted, pages for unknown pagerefs have been added and entries that
    are not objects removed from the log (the yielded indexes are positions in the original list).
    """
    entries_raw: list[Any] = log_dict["entries"]
    total = len(entries_raw)
    orphans: dict[str, datetime | None] = {}
    state = _EntryState(quirks, info.page_ids, orphans, bool(info.page_ids), bodies)
    bad = 0
    for i, raw in enumerate(entries_raw):
        if i % 1000 == 0:
            check_cancel(cancel)
            if progress:
                progress(600 + 400 * i // max(total, 1), SCALE)
        if type(raw) is not dict:
            bad += 1
            continue
        yield state.entry(raw, i)
    if bad:
        quirks["entry-not-object"] += bad
        log_dict["entries"] = [e for e in entries_raw if isinstance(e, dict)]
    if bodies and state.restored < len(bodies):
        _restore_elsewhere(log_dict, bodies)  # a long "text" outside content/postData (custom fields)
    for page_id, first in orphans.items():
        info.pages_raw.append({"id": page_id, "title": f"{page_id} (not listed in the file)",
                               "startedDateTime": first.isoformat() if first else "1970-01-01T00:00:00+00:00",
                               "pageTimings": {}, "_addedByConsole": True})


def _body(value: Any, bodies: list[str]) -> str | None:
    if type(value) is str and value.startswith(MARKER):
        try:
            return bodies[int(value[len(MARKER):])]
        except (ValueError, IndexError):
            return None
    return None


def _restore_elsewhere(node: Any, bodies: list[str]) -> None:
    stack = [node]
    while stack:
        item = stack.pop()
        pairs = item.items() if isinstance(item, dict) else enumerate(item)
        for key, value in pairs:
            if type(value) is str:
                body = _body(value, bodies) if key == "text" else None
                if body is not None:
                    item[key] = body
            elif isinstance(value, (dict, list)):
                stack.append(value)


def fix_pairs(owner: dict[str, Any], key: str, quirks: Counter[str]) -> None:
    """Make ``owner[key]`` a list of name/value objects (headers, cookies, query, params)."""
    items = owner.get(key)
    if isinstance(items, list):
        if all(isinstance(i, dict) and "name" in i and "value" in i for i in items):
            return
        fixed = []
        for item in items:
            if isinstance(item, dict):
                item.setdefault("name", "")
                if item.get("value") is None:
                    item["value"] = ""
                fixed.append(item)
        owner[key] = fixed
    elif isinstance(items, dict):
        owner[key] = [{"name": str(k), "value": "" if v is None else str(v)} for k, v in items.items()]
    else:
        owner[key] = []
        if items is None and key not in owner:
            return
    quirks["headers-invalid"] += 1


class _EntryState:
    """What repairing one entry needs to know about the others (pages, orphans, version memo)."""

    def __init__(self, quirks: Counter[str], page_ids: set[str], orphans: dict[str, datetime | None],
                 has_pages: bool, bodies: list[str]) -> None:
        self.quirks = quirks
        self.page_ids = page_ids
        self.orphans = orphans
        self.has_pages = has_pages
        self.bodies = bodies
        self.restored = 0
        self.versions: dict[str, tuple[str, bool]] = {}

    def _version(self, raw_version: str) -> tuple[str, bool]:
        """(canonical name or the raw text, whether the raw text is unusual); memoised per file."""
        known = self.versions.get(raw_version)
        if known is None:
            lowered = raw_version.strip().lower()
            canonical = _CANONICAL_VERSIONS.get(lowered, "")
            if not canonical and lowered:
                if "quic" in lowered or lowered.startswith("h3"):
                    canonical = "HTTP/3"
                elif lowered in ("1.1", "1.0"):
                    canonical = "HTTP/" + lowered
                elif lowered.startswith(("h2", "http/2")):
                    canonical = "HTTP/2"
            known = self.versions[raw_version] = (canonical or raw_version,
                                                  bool(raw_version) and raw_version not in _STRICT_VERSIONS)
        return known

    def entry(self, raw: dict[str, Any], index: int) -> EntryFields:
        seen: set[str] = set()
        req = raw.get("request")
        if type(req) is not dict:
            req = raw["request"] = {}
            seen.add("request-missing")
        resp = raw.get("response")
        if type(resp) is not dict:
            resp = raw["response"] = {}
            seen.add("response-missing")
        if type(req.get("headers")) is not list or type(req.get("cookies")) is not list \
                or type(req.get("queryString")) is not list or type(resp.get("headers")) is not list \
                or type(resp.get("cookies")) is not list:
            for owner, key in _PAIR_KEYS:
                target = req if owner == "request" else resp
                if type(target.get(key)) is not list:
                    fix_pairs(target, key, self.quirks)
        url = req.get("url")
        if type(url) is not str or not url:
            seen.add("url-missing")
            url = req["url"] = "" if url is None else str(url)
        method = req.get("method")
        if type(method) is not str or not method:
            method = req["method"] = "GET" if not method else str(method)
        if "httpVersion" not in req:
            req["httpVersion"] = ""
        if "headersSize" not in req:
            req["headersSize"] = -1
        if "bodySize" not in req:
            req["bodySize"] = -1
        post = req.get("postData")
        if type(post) is dict and self.bodies:
            body = _body(post.get("text"), self.bodies)
            if body is not None:
                post["text"] = body
                self.restored += 1

        status = resp.get("status")
        if type(status) is not int:
            number = num(status)
            status = resp["status"] = int(number) if number is not None else 0
            seen.add("status-invalid")
        if status <= 0:
            seen.add("status-zero" if status == 0 else "status-negative")
        status_text = resp.get("statusText")
        if type(status_text) is not str:
            status_text = resp["statusText"] = "" if status_text is None else str(status_text)
        error = resp.get("_error") or raw.get("_error") or resp.get("_errorText")

        version_raw = resp.get("httpVersion")
        if type(version_raw) is not str:
            version_raw = resp["httpVersion"] = ""
        if not version_raw:
            req_version = req.get("httpVersion")
            version_raw = req_version if type(req_version) is str else ""
            seen.add("http-version-empty")
        http_version, odd = self.versions.get(version_raw) or self._version(version_raw)
        if odd:
            seen.add("http-version-odd")
        if "headersSize" not in resp:
            resp["headersSize"] = -1
        if "bodySize" not in resp:
            resp["bodySize"] = -1
        if "redirectURL" not in resp:
            resp["redirectURL"] = ""

        content = resp.get("content")
        if type(content) is not dict:
            content = resp["content"] = {"size": 0, "mimeType": ""}
        mime = content.get("mimeType")
        if type(mime) is not str:
            mime = content["mimeType"] = ""
        if mime.startswith("application/vnd.mozilla.json.view"):
            seen.add("jsonview-mime")
            mime = "application/json"
        text = content.get("text")
        if text and self.bodies:
            body = _body(text, self.bodies)
            if body is not None:
                content["text"] = body
                self.restored += 1
        encoding = content.get("encoding")
        if encoding and text and str(encoding).lower() == "base64":
            seen.add("base64-body")
        size = content.get("size")
        if type(size) is not int or size < 0:
            size_num = num(size)
            if size_num is None or size_num < 0:
                size_num = num(resp.get("bodySize"))
            size = int(size_num) if size_num is not None and size_num >= 0 else -1
        transfer = resp.get("_transferSize")
        if type(transfer) is not int:
            transfer_num = num(transfer)
            if transfer_num is None:
                hs, bs = num(resp.get("headersSize")), num(resp.get("bodySize"))
                transfer_num = (hs if hs and hs > 0 else 0) + (bs if bs and bs > 0 else 0)
            transfer = int(transfer_num)

        started_text = raw.get("startedDateTime")
        started = parse_started(started_text, self.quirks)
        if started is None:
            seen.add("started-invalid")
            if type(started_text) is not str:
                raw["startedDateTime"] = "1970-01-01T00:00:00.000Z"
        phases = _phases(raw, seen)
        time_raw = raw.get("time")
        time_num = float(time_raw) if type(time_raw) is int else time_raw if type(time_raw) is float \
            and math.isfinite(time_raw) else num(time_raw)
        if time_num is None or time_num < 0:
            seen.add("time-null" if time_raw is None else "time-invalid")
            time_num = sum(phases) if phases else 0.0
            raw["time"] = time_num
        elif type(time_raw) is str:
            seen.add("time-invalid")
            raw["time"] = time_num

        ip = raw.get("serverIPAddress")
        server_ip = ip if type(ip) is str else ""
        if server_ip.startswith("[") and server_ip.endswith("]"):
            seen.add("ipv6-brackets")
            server_ip = server_ip[1:-1]

        pageref = raw.get("pageref")
        if pageref is not None and type(pageref) is not str:
            pageref = raw["pageref"] = str(pageref)
        if pageref is not None and pageref not in self.page_ids:
            seen.add("orphan-pageref")
            known = self.orphans.get(pageref)
            if pageref not in self.orphans or (started is not None and (known is None or started < known)):
                self.orphans[pageref] = started
        elif pageref is None and self.has_pages:
            seen.add("pageref-missing")

        if seen:
            quirks = self.quirks
            for code in seen:
                quirks[code] += 1
        return (index, raw, method, url, status, status_text, str(error) if error else None, http_version, mime,
                size, transfer, started, started.timestamp() * 1000.0 if started else None, float(time_num),
                phases, pageref, server_ip)


def _phases(raw: dict[str, Any], seen: set[str]) -> tuple[float, ...] | None:
    """Timing phases as non-overlapping durations (ssl taken out of connect); -1 and junk become 0."""
    t = raw.get("timings")
    if type(t) is not dict or not t:
        seen.add("timings-empty")
        raw["timings"] = {"send": 0, "wait": 0, "receive": 0}
        return None
    values: list[Any] = []
    for name in PHASES:
        v: Any = t.get(name)
        kind = type(v)
        if kind is not int and (kind is not float or not math.isfinite(v)):
            values = _odd_phases(t, seen)
            break
        values.append(v)
    if min(values) < 0:
        seen.add("timings-negative")
        values = [v if v > 0 else 0.0 for v in values]
    ssl = values[3]
    if ssl > 0:
        if ssl > values[2]:
            seen.add("ssl-outside-connect")
        else:
            values[2] -= ssl
    return tuple(values)


def _odd_phases(t: dict[str, Any], seen: set[str]) -> list[float]:
    """Missing, null, string or other non-numeric phases: numbers where possible, the rest repaired."""
    out = []
    for name in PHASES:
        v = t.get(name)
        if type(v) is int or (type(v) is float and math.isfinite(v)):
            out.append(v)
            continue
        if v is None and name not in t:
            if name not in _OPTIONAL_PHASES:
                t[name] = 0
            out.append(0.0)
            continue
        number = num(v)
        if number is None:
            seen.add("timings-invalid")
            t[name] = -1 if name in _OPTIONAL_PHASES else 0
            number = 0.0
        out.append(number)
    return out


