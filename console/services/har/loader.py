"""Tolerant HAR loading: orjson parse, repair of the raw dict (every repair counted as a quirk), model.

The raw dict is repaired in place so that it is again a valid HAR 1.2 log that haralyzer and
browsers accept (pages list present, every pageref resolvable, numeric times and timings), and
no entry is ever dropped. The dataclasses keep references into it instead of copies.
"""

from __future__ import annotations

import gc
import gzip
import itertools
import logging
import math
import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson

from console.services.errors import Cancelled, InvalidInput
from console.services.har.model import PHASES, HarDocument, HarEntry, HarPageInfo, Timings

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

_CHUNK = 8 * 1024 * 1024
_SCALE = 1000  # progress units: reading 0-400, parsing 400-600, entries 600-1000

_CANONICAL_VERSIONS = {
    "http/0.9": "HTTP/0.9", "http/1.0": "HTTP/1.0", "http/1.1": "HTTP/1.1", "http/2": "HTTP/2",
    "http/2.0": "HTTP/2", "h2": "HTTP/2", "h2c": "HTTP/2", "http/3": "HTTP/3", "h3": "HTTP/3",
    "http/3.0": "HTTP/3", "spdy/3": "SPDY/3", "spdy/3.1": "SPDY/3",
}
_STRICT_VERSIONS = {"HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/2.0", "HTTP/3", "http/1.1", "http/2.0", "h2", "h3",
                    "http/1.0", "HTTP/0.9", "http/3"}


class HarError(InvalidInput):
    """The file is not a HAR the console can read."""

    title = "Cannot open HAR file"


def load_har(path: Path, *, progress: Progress | None = None,
             cancel: threading.Event | None = None) -> HarDocument:
    """Load ``path`` tolerantly; raise :class:`HarError` when it is not (readable) HAR JSON."""
    path = Path(path)
    data = _read(path, progress, cancel)
    size = len(data)
    quirks: Counter[str] = Counter()
    # Millions of new containers would trigger the cyclic GC again and again (it walks all of them each
    # time); nothing built here has cycles, so pausing it roughly halves the load time of a big HAR.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        root = _parse(data, path, quirks)
        del data
        if progress:
            progress(600, _SCALE)
        _check(cancel)
        log_dict = _find_log(root, path, quirks)
        del root
        return build_document(log_dict, path=path, file_size=size, quirks=quirks, progress=progress,
                              cancel=cancel)
    finally:
        if was_enabled:
            gc.enable()


def load_har_bytes(data: bytes, *, name: str = "HAR data") -> HarDocument:
    """Load HAR JSON given as bytes (tests, pasted text, files inside bundles)."""
    quirks: Counter[str] = Counter()
    root = _parse(bytearray(data), Path(name), quirks)
    return build_document(_find_log(root, Path(name), quirks), path=None, file_size=len(data), quirks=quirks)


# ------------------------------------------------------------------------------------------- reading
def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("Loading the HAR file was cancelled.")


def _read(path: Path, progress: Progress | None, cancel: threading.Event | None) -> bytearray:
    try:
        size = path.stat().st_size
        buf = bytearray(size)
        view = memoryview(buf)
        done = 0
        with open(path, "rb") as fh:
            while done < size:
                _check(cancel)
                n = fh.readinto(view[done:done + _CHUNK])
                if not n:
                    break
                done += n
                if progress:
                    progress(400 * done // max(size, 1), _SCALE)
        view.release()
        if done < size:
            del buf[done:]
        return buf
    except FileNotFoundError as exc:
        raise HarError(f"The file {path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise HarError(f"{path} is a folder, not a HAR file.") from exc
    except OSError as exc:
        raise HarError(f"Cannot read {path} ({exc.strerror or exc}).") from exc
    except MemoryError as exc:
        raise HarError(f"{path.name} is too large to open on this computer.") from exc


def _parse(data: bytearray, path: Path, quirks: Counter[str]) -> Any:
    if len(data) < 4096 and not bytes(data).strip():
        raise HarError(f"{path.name} is empty.", hint="Ask the client to export the HAR again.")
    if data[:2] == b"\x1f\x8b":
        try:
            data = bytearray(gzip.decompress(bytes(data)))
        except (OSError, EOFError) as exc:
            raise HarError(f"{path.name} is a damaged gzip file ({exc}).") from exc
        quirks["gzip"] += 1
    offset = 0
    if data[:3] == b"\xef\xbb\xbf":
        quirks["utf8-bom"] += 1
        offset = 3
    elif bytes(data[:2]) in (b"\xff\xfe", b"\xfe\xff"):
        quirks["utf16"] += 1
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise HarError(f"{path.name} looks like UTF-16 text but cannot be decoded.") from exc
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise _json_error(path, exc, text.encode("utf-8"), 0) from exc
    view = memoryview(data)[offset:]
    try:
        return orjson.loads(view)
    except orjson.JSONDecodeError as exc:
        raise _json_error(path, exc, data, offset) from exc
    finally:
        view.release()


def _json_error(path: Path, exc: orjson.JSONDecodeError, data: bytes | bytearray, offset: int) -> HarError:
    byte_pos = offset + _char_to_byte(data, offset, exc.pos)
    total = len(data)
    head = bytes(data[offset:offset + 64]).lstrip()
    if head[:1] == b"<":
        return HarError(f"{path.name} is not a HAR file: it looks like HTML or XML, not JSON "
                        f"(byte offset {byte_pos}).", hint="Ask the client to use 'Save all as HAR'.")
    if "end of data" in exc.msg or "EOF" in exc.msg or byte_pos >= total - 1:
        return HarError(f"{path.name} is cut off: the JSON ends unexpectedly at byte offset {byte_pos} "
                        f"of {total}.", hint="The file was probably truncated while saving or copying; "
                        "ask for a fresh export.")
    return HarError(f"{path.name} is not valid JSON: {exc.msg} at byte offset {byte_pos} "
                    f"(line {exc.lineno}, column {exc.colno}).")


def _char_to_byte(data: bytes | bytearray, start: int, char_pos: int) -> int:
    """orjson reports positions in characters; turn one into a byte offset (counting UTF-8 lead bytes)."""
    mv = memoryview(data)[start:]
    byte = 0
    chars = 0
    step = 1 << 20
    try:
        while byte < len(mv):
            chunk = bytes(mv[byte:byte + step])
            cont = sum(chunk.count(bytes((b,))) for b in range(0x80, 0xC0))
            if chars + len(chunk) - cont <= char_pos:
                chars += len(chunk) - cont
                byte += len(chunk)
                continue
            for i, b in enumerate(chunk):
                if b & 0xC0 != 0x80:
                    if chars == char_pos:
                        return byte + i
                    chars += 1
            byte += len(chunk)
        return byte
    finally:
        mv.release()


def _find_log(root: Any, path: Path, quirks: Counter[str]) -> dict[str, Any]:
    if not isinstance(root, dict):
        raise HarError(f"{path.name} is JSON but not a HAR file (the top level is not an object).")
    log_dict = root.get("log")
    if isinstance(log_dict, dict):
        return log_dict
    if isinstance(root.get("entries"), list):
        quirks["log-wrapper-missing"] += 1
        return root
    raise HarError(f"{path.name} is JSON but not a HAR file: it has no 'log' object.",
                   hint="Make sure the client saved the Network panel with 'Save all as HAR'.")


# ------------------------------------------------------------------------------------------- repairing
def _num(value: Any) -> float | None:
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
    if not isinstance(text, str) or len(text) < 10:
        return None
    s = text.strip()
    dot = s.find(".", 19)
    if dot != -1:
        end = dot + 1
        while end < len(s) and s[end].isdigit():
            end += 1
        if end - dot - 1 > 6:
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


def _fix_pairs(owner: dict[str, Any], key: str, quirks: Counter[str]) -> None:
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


def _resource_type(raw: dict[str, Any], mime: str, url: str) -> str:
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


def _timings(raw: dict[str, Any], quirks: Counter[str], seen: set[str]) -> Timings | None:
    t = raw.get("timings")
    if not isinstance(t, dict) or not t:
        seen.add("timings-empty")
        raw["timings"] = {"send": 0, "wait": 0, "receive": 0}
        return None
    values: dict[str, float] = {}
    for name in PHASES:
        v = t.get(name, 0.0)
        if type(v) is not float and type(v) is not int:  # fast path: nearly every value is a number
            if name not in t:
                values[name] = 0.0
                continue
            v = _num(v)
            if v is None:
                seen.add("timings-invalid")
                t[name] = -1 if name in ("blocked", "dns", "connect", "ssl") else 0
                v = 0.0
        if v < 0:
            seen.add("timings-negative")
            v = 0.0
        values[name] = v
    for required in ("send", "wait", "receive"):
        if required not in t:
            t[required] = 0
    connect, ssl = values["connect"], values["ssl"]
    if ssl > 0:
        if ssl > connect:
            seen.add("ssl-outside-connect")
        else:
            connect -= ssl
    return Timings(values["blocked"], values["dns"], connect, ssl, values["send"], values["wait"], values["receive"])


def _normalise_entry(raw: dict[str, Any], index: int, quirks: Counter[str], page_ids: set[str],
                     orphans: dict[str, datetime | None], has_pages: bool) -> HarEntry:
    seen: set[str] = set()
    req = raw.get("request")
    if not isinstance(req, dict):
        req = raw["request"] = {}
        seen.add("request-missing")
    resp = raw.get("response")
    if not isinstance(resp, dict):
        resp = raw["response"] = {}
        seen.add("response-missing")
    for owner, keys in ((req, ("headers", "cookies", "queryString")), (resp, ("headers", "cookies"))):
        for key in keys:
            if not isinstance(owner.get(key), list):
                _fix_pairs(owner, key, quirks)
    url = req.get("url")
    if not isinstance(url, str) or not url:
        seen.add("url-missing")
        url = req["url"] = "" if url is None else str(url)
    method = req.get("method")
    if not isinstance(method, str) or not method:
        method = req["method"] = "GET" if not method else str(method)
    req.setdefault("httpVersion", "")
    req.setdefault("headersSize", -1)
    req.setdefault("bodySize", -1)

    status_raw = resp.get("status")
    if isinstance(status_raw, int) and not isinstance(status_raw, bool):
        status = status_raw
    else:
        num = _num(status_raw)
        status = int(num) if num is not None else 0
        resp["status"] = status
        seen.add("status-invalid")
    if status == 0:
        seen.add("status-zero")
    elif status < 0:
        seen.add("status-negative")
    if not isinstance(resp.get("statusText"), str):
        resp["statusText"] = "" if resp.get("statusText") is None else str(resp["statusText"])
    error = resp.get("_error") or raw.get("_error") or resp.get("_errorText")
    error_text = str(error) if error else None

    version_raw = resp.get("httpVersion")
    if not isinstance(version_raw, str):
        version_raw = resp["httpVersion"] = ""
    if not version_raw:
        req_version = req.get("httpVersion")
        version_raw = req_version if isinstance(req_version, str) else ""
        seen.add("http-version-empty")
    lowered = version_raw.strip().lower()
    http_version = _CANONICAL_VERSIONS.get(lowered, "")
    if not http_version and lowered:
        if "quic" in lowered or lowered.startswith("h3"):
            http_version = "HTTP/3"
        elif lowered in ("1.1", "1.0"):
            http_version = "HTTP/" + lowered
        elif lowered.startswith(("h2", "http/2")):
            http_version = "HTTP/2"
    if version_raw and version_raw not in _STRICT_VERSIONS:
        seen.add("http-version-odd")
    resp.setdefault("headersSize", -1)
    resp.setdefault("bodySize", -1)
    resp.setdefault("redirectURL", "")

    content = resp.get("content")
    if not isinstance(content, dict):
        content = resp["content"] = {"size": 0, "mimeType": ""}
    mime = content.get("mimeType")
    if not isinstance(mime, str):
        mime = content["mimeType"] = ""
    if mime.startswith("application/vnd.mozilla.json.view"):
        seen.add("jsonview-mime")
        mime = "application/json"
    if str(content.get("encoding") or "").lower() == "base64" and content.get("text"):
        seen.add("base64-body")
    size_num = _num(content.get("size"))
    size = int(size_num) if size_num is not None and size_num >= 0 else -1
    if size < 0:
        body = _num(resp.get("bodySize"))
        size = int(body) if body is not None and body >= 0 else -1
    transfer_num = _num(resp.get("_transferSize"))
    if transfer_num is None:
        hs, bs = _num(resp.get("headersSize")), _num(resp.get("bodySize"))
        transfer = int((hs if hs and hs > 0 else 0) + (bs if bs and bs > 0 else 0))
    else:
        transfer = int(transfer_num)

    started_text = raw.get("startedDateTime")
    started = parse_started(started_text, quirks)
    if started is None:
        seen.add("started-invalid")
        if not isinstance(started_text, str):
            raw["startedDateTime"] = "1970-01-01T00:00:00.000Z"
    timings = _timings(raw, quirks, seen)
    time_raw = raw.get("time")
    time_num = _num(time_raw)
    if time_num is None or time_num < 0:
        seen.add("time-null" if time_raw is None else "time-invalid")
        time_num = timings.total if timings else 0.0
        raw["time"] = time_num
    elif not isinstance(time_raw, (int, float)):
        seen.add("time-invalid")
        raw["time"] = time_num

    ip = raw.get("serverIPAddress")
    server_ip = ip if isinstance(ip, str) else ""
    if server_ip.startswith("[") and server_ip.endswith("]"):
        seen.add("ipv6-brackets")
        server_ip = server_ip[1:-1]

    pageref = raw.get("pageref")
    if pageref is not None and not isinstance(pageref, str):
        pageref = raw["pageref"] = str(pageref)
    if pageref is not None and pageref not in page_ids:
        seen.add("orphan-pageref")
        known = orphans.get(pageref)
        if pageref not in orphans or (started is not None and (known is None or started < known)):
            orphans[pageref] = started
    elif pageref is None and has_pages:
        seen.add("pageref-missing")

    host = _host(url)
    for code in seen:
        quirks[code] += 1
    return HarEntry(
        index=index, started=started, start_ms=started.timestamp() * 1000.0 if started else None,
        method=method, url=url, host=host, status=status, status_text=resp["statusText"],
        http_version=http_version or version_raw, mime_type=mime,
        resource_type=_resource_type(raw, mime, url), size=size, transfer_size=transfer,
        time_ms=float(time_num), timings=timings, pageref=pageref, server_ip=server_ip, error=error_text,
        raw=raw)


def _host(url: str) -> str:
    """The host of ``url`` (lower-case, no port, IPv6 without brackets); cheaper than urlsplit."""
    start = url.find("://")
    if start == -1:
        return ""
    rest = url[start + 3:]
    end = len(rest)
    for sep in "/?#":
        pos = rest.find(sep)
        if pos != -1 and pos < end:
            end = pos
    netloc = rest[:end].rpartition("@")[2]
    if netloc.startswith("["):
        return netloc[1:netloc.find("]")].lower() if "]" in netloc else netloc[1:].lower()
    return netloc.partition(":")[0].lower()


def _creator(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(str(value.get(k)) for k in ("name", "version") if value.get(k)).strip()
    return str(value) if value else ""


def build_document(log_dict: dict[str, Any], *, path: Path | None, file_size: int,
                   quirks: Counter[str] | None = None, progress: Progress | None = None,
                   cancel: threading.Event | None = None) -> HarDocument:
    """Repair ``log_dict`` in place and build the model over it."""
    quirks = quirks if quirks is not None else Counter()
    version = str(log_dict.get("version") or "")
    if version != "1.2":
        quirks["har-version"] += 1
        log_dict["version"] = "1.2"
    if not isinstance(log_dict.get("creator"), dict):
        quirks["creator-missing"] += 0 if log_dict.get("creator") else 1
        log_dict["creator"] = {"name": _creator(log_dict.get("creator")) or "unknown", "version": ""}
    creator = _creator(log_dict["creator"])
    browser = _creator(log_dict.get("browser"))

    if "pages" not in log_dict:
        quirks["pages-missing"] += 1
    elif log_dict["pages"] is None:
        quirks["pages-null"] += 1
    pages_raw = log_dict.get("pages")
    if not isinstance(pages_raw, list):
        pages_raw = log_dict["pages"] = []
    clean_pages: list[dict[str, Any]] = []
    for i, page in enumerate(pages_raw):
        if not isinstance(page, dict):
            quirks["page-invalid"] += 1
            continue
        if not isinstance(page.get("id"), str) or not isinstance(page.get("startedDateTime"), str) \
                or not isinstance(page.get("pageTimings"), dict):
            quirks["page-invalid"] += 1
            page["id"] = str(page.get("id") if page.get("id") is not None else f"page_{i + 1}")
            if not isinstance(page.get("startedDateTime"), str):
                page["startedDateTime"] = "1970-01-01T00:00:00.000Z"
            if not isinstance(page.get("pageTimings"), dict):
                page["pageTimings"] = {}
        page.setdefault("title", "")
        clean_pages.append(page)
    if len(clean_pages) != len(pages_raw):
        log_dict["pages"] = pages_raw = clean_pages
    page_ids = {p["id"] for p in pages_raw}

    entries_raw = log_dict.get("entries")
    if not isinstance(entries_raw, list):
        quirks["entries-missing"] += 1
        entries_raw = log_dict["entries"] = []
    total = len(entries_raw)
    entries: list[HarEntry] = []
    orphans: dict[str, datetime | None] = {}
    has_pages = bool(page_ids)
    bad = 0
    for i, raw in enumerate(entries_raw):
        if i % 1000 == 0:
            _check(cancel)
            if progress:
                progress(600 + 400 * i // max(total, 1), _SCALE)
        if not isinstance(raw, dict):
            bad += 1
            continue
        entries.append(_normalise_entry(raw, i, quirks, page_ids, orphans, has_pages))
    if bad:
        quirks["entry-not-object"] += bad
        log_dict["entries"] = [e for e in entries_raw if isinstance(e, dict)]

    for page_id, first in orphans.items():
        pages_raw.append({"id": page_id, "title": f"{page_id} (not listed in the file)",
                          "startedDateTime": first.isoformat() if first else "1970-01-01T00:00:00+00:00",
                          "pageTimings": {}, "_addedByConsole": True})

    starts = [e.start_ms for e in entries]
    if any(a is not None and b is not None and b < a for a, b in itertools.pairwise(starts)):
        quirks["entries-unsorted"] += 1
        entries.sort(key=lambda e: (e.start_ms is None, e.start_ms or 0.0, e.index))

    pages = _page_infos(pages_raw, entries, quirks)
    if progress:
        progress(_SCALE, _SCALE)
    ordered = sorted(((c, n) for c, n in quirks.items() if n), key=lambda cn: (-cn[1], cn[0]))
    return HarDocument(path=path, version=version or "1.2", creator=creator, browser=browser,
                       entries=tuple(entries), pages=tuple(pages), quirks=ordered, file_size=file_size,
                       raw=log_dict)


def _page_infos(pages_raw: list[dict[str, Any]], entries: list[HarEntry], quirks: Counter[str]) -> list[HarPageInfo]:
    counts: Counter[str | None] = Counter(e.pageref for e in entries)
    spans: dict[str | None, tuple[float, float]] = {}
    for e in entries:
        if e.start_ms is None:
            continue
        lo, hi = spans.get(e.pageref, (e.start_ms, e.start_ms + e.time_ms))
        spans[e.pageref] = (min(lo, e.start_ms), max(hi, e.start_ms + e.time_ms))
    infos = []
    for page in pages_raw:
        started = parse_started(page.get("startedDateTime"))
        pt = page.get("pageTimings")
        timings: dict[str, Any] = pt if isinstance(pt, dict) else {}
        on_content = _num(timings.get("onContentLoad"))
        on_load = _num(timings.get("onLoad"))
        span = spans.get(page["id"])
        if on_load is not None and on_load > 0 and span and started is not None:
            page_start = started.timestamp() * 1000.0
            last_end = span[1] - page_start
            if on_load > max(last_end, 0) * 5 + 5000:
                quirks["page-timings-implausible"] += 1
                on_load = None
                on_content = on_content if on_content is not None and on_content <= max(last_end, 0) * 5 + 5000 \
                    else None
        infos.append(HarPageInfo(
            id=page["id"], title=str(page.get("title") or ""), started=started,
            on_content_load_ms=on_content if on_content is not None and on_content >= 0 else None,
            on_load_ms=on_load if on_load is not None and on_load >= 0 else None,
            entry_count=counts.get(page["id"], 0), synthetic=bool(page.get("_addedByConsole"))))
    return infos
