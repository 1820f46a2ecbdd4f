"""Reading HAR JSON: decoding (gzip, BOM, UTF-16), a streaming parse that keeps peak memory low, and
error messages that name the byte offset.

A HAR is mostly bodies: ``content.text`` and ``postData.text``. Parsing a 100 MB file in one
``orjson.loads`` call holds the bytes, orjson's own copy of them and the finished object tree at
the same time (about 4-5x the file). Instead the file is read in blocks; each long ``"text"``
string is decoded on its own (by orjson, so the same validation applies) and replaced in the
remaining JSON by a short marker; the remaining "skeleton" (a fraction of the file) is parsed in
one go and the loader puts the bodies back where the markers are. Anything unusual about the input
(truncated, not JSON, bad escapes) sends the file through the plain whole-file parse, whose error
messages name the byte offset.
"""

from __future__ import annotations

import gzip
import io
import re
import threading
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from console.services.errors import Cancelled, InvalidInput

Progress = Callable[[int, int], None]

SCALE = 1000  # progress units: reading and parsing 0-600, entries 600-1000
_BLOCK = 8 * 1024 * 1024
_MIN_SKIM = 200  # shorter strings stay in the skeleton: not worth a marker
_TEXT_KEY = re.compile(rb'"text"[ \t\r\n]*:[ \t\r\n]*"')
# The rest of a JSON string after its opening quote, up to and including the closing quote.
_STRING_REST = re.compile(rb'(?:[^"\\]++|\\.)*+"', re.DOTALL)
#: Bodies taken out of the skeleton are replaced by this prefix plus their number.
MARKER = "\x00#"


class HarError(InvalidInput):
    """The file is not a HAR the console can read."""

    title = "Cannot open HAR file"


class _Unusual(Exception):
    """The skimming parse met something it leaves to the whole-file parse (which explains errors)."""


@dataclass
class ParsedHar:
    """The parsed top-level JSON value; ``bodies[n]`` is the text replaced by ``MARKER + str(n)``."""

    root: Any
    bodies: list[str]
    size: int


def check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("Loading the HAR file was cancelled.")


def read_har(path: Path, quirks: Counter[str], *, progress: Progress | None = None,
             cancel: threading.Event | None = None, keep_bodies: bool = True) -> ParsedHar:
    """Parse the HAR file at ``path`` (see the module docstring); ``keep_bodies=False`` validates the
    bodies but does not keep them (the markers stay in the tree)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            try:
                root, bodies = _skim(fh, size, quirks, progress, cancel, keep_bodies)
            except _Unusual:
                quirks.clear()
                root, bodies = parse_whole(_read_all(path, cancel), path, quirks), []
    except FileNotFoundError as exc:
        raise HarError(f"The file {path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise HarError(f"{path} is a folder, not a HAR file.") from exc
    except OSError as exc:
        raise HarError(f"Cannot read {path} ({exc.strerror or exc}).") from exc
    except MemoryError as exc:
        raise HarError(f"{path.name} is too large to open on this computer.") from exc
    if progress:
        progress(600, SCALE)
    return ParsedHar(root, bodies, size)


def read_har_bytes(data: bytes, name: str, quirks: Counter[str]) -> ParsedHar:
    """Like :func:`read_har` for data already in memory."""
    try:
        root, bodies = _skim(io.BytesIO(data), len(data), quirks, None, None, True)
    except _Unusual:
        quirks.clear()
        root, bodies = parse_whole(bytearray(data), Path(name), quirks), []
    return ParsedHar(root, bodies, len(data))


def _read_all(path: Path, cancel: threading.Event | None) -> bytearray:
    size = path.stat().st_size
    buf = bytearray(size)
    view = memoryview(buf)
    done = 0
    with open(path, "rb") as fh:
        while done < size:
            check_cancel(cancel)
            n = fh.readinto(view[done:done + _BLOCK])
            if not n:
                break
            done += n
    view.release()
    if done < size:
        del buf[done:]
    return buf


# ------------------------------------------------------------------------------------ skimming parse
def _skim(raw: io.BufferedIOBase, size: int, quirks: Counter[str], progress: Progress | None,
          cancel: threading.Event | None, keep: bool) -> tuple[Any, list[str]]:
    """Read ``raw`` block by block into one reused window, taking the long "text" strings out; then
    parse the rest. Raises :class:`_Unusual` for anything the whole-file parse should look at."""
    window = bytearray(_BLOCK)
    view = memoryview(window)
    stream: io.BufferedIOBase = raw
    filled = _fill(stream, view, 0)
    if window[:2] == b"\x1f\x8b":
        quirks["gzip"] += 1
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw, mode="rb")
        filled = _fill(stream, view, 0)
    if bytes(window[:2]) in (b"\xff\xfe", b"\xfe\xff") or (filled < 4096 and not window[:filled].strip()):
        raise _Unusual  # UTF-16 or empty: the whole-file parse decodes or explains them
    flushed = pos = 0  # window[:flushed] is in the skeleton; the next search for a "text" key starts at pos
    if window[:3] == b"\xef\xbb\xbf":
        quirks["utf8-bom"] += 1
        flushed = pos = 3
    eof = filled < len(window)
    skeleton = bytearray()  # what is parsed in the end: everything but the long strings
    bodies: list[str] = []
    search, loads = _TEXT_KEY.search, orjson.loads
    while True:
        m = search(window, pos, filled)
        end = -1
        if m is not None:
            start = m.end()
            end = window.find(b'"', start, filled)
            if end > 0 and window[end - 1] == 0x5C:  # an escaped quote: walk to the real end
                end = _string_end(window, start, filled)
        if end < 0:  # no complete "text" string left in the window: keep its tail, read on
            if eof:
                if m is not None:
                    raise _Unusual  # an unterminated string: a truncated file
                skeleton += view[flushed:filled]
                break
            check_cancel(cancel)
            keep_from = m.start() if m is not None else max(flushed, filled - 64)
            skeleton += view[flushed:keep_from]
            tail = bytes(view[keep_from:filled])
            if len(tail) > len(window) // 2:  # one long string: make room
                view.release()
                window = bytearray(2 * len(window))
                view = memoryview(window)
            window[:len(tail)] = tail
            filled = len(tail) + _fill(stream, view, len(tail))
            eof = filled < len(window)
            pos, flushed = max(pos - keep_from, 0), 0
            if progress:
                progress(500 * min(raw.tell(), size) // max(size, 1), SCALE)
            continue
        if end - start >= _MIN_SKIM:
            try:
                body = loads(view[start - 1:end + 1])
            except orjson.JSONDecodeError as exc:
                raise _Unusual from exc
            skeleton += view[flushed:start]
            skeleton += b"\\u0000#%d" % len(bodies) if keep else b"\\u0000#"
            if keep:
                bodies.append(body)
            flushed = end
        pos = end + 1
    view.release()
    del window, view
    return _loads(skeleton), bodies


def _fill(stream: io.BufferedIOBase, view: memoryview, start: int) -> int:
    """Read into ``view[start:]`` until it is full or the stream ends; the number of bytes read."""
    done = start
    try:
        while done < len(view):
            n = stream.readinto(view[done:])
            if not n:
                break
            done += n
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise _Unusual from exc  # a damaged gzip stream: the whole-file parse explains it
    return done - start


def _loads(data: bytearray) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise _Unusual from exc


def _string_end(buf: bytearray, start: int, stop: int) -> int:
    """Index of the quote closing the JSON string whose text starts at ``start``; -1 if not before ``stop``."""
    i = buf.find(b'"', start, stop)
    escaped = 0
    while i > 0 and buf[i - 1] == 0x5C:  # a backslash before it: escaped unless the backslashes pair up
        j = i - 1
        while buf[j - 1] == 0x5C:
            j -= 1
        if (i - j) % 2 == 0:
            return i
        escaped += 1
        if escaped > 4:  # many escaped quotes (a JSON body): let the regex engine walk the rest
            m = _STRING_REST.match(buf, i + 1, stop)
            return m.end() - 1 if m is not None else -1
        i = buf.find(b'"', i + 1, stop)
    return i


# ------------------------------------------------------------------------------------ whole-file parse
def parse_whole(data: bytearray, path: Path, quirks: Counter[str]) -> Any:
    """``orjson.loads`` of the whole (decoded) file; JSON errors become :class:`HarError` with a byte offset."""
    if len(data) < 4096 and not bytes(data).strip():
        raise HarError(f"{path.name} is empty.", hint="Ask the client to export the HAR again.")
    if data[:2] == b"\x1f\x8b":
        try:
            data = bytearray(gzip.decompress(bytes(data)))
        except (OSError, EOFError, zlib.error) as exc:
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


def find_log(root: Any, path: Path, quirks: Counter[str]) -> dict[str, Any]:
    """The ``log`` object of a parsed HAR (or the top level itself when the wrapper is missing)."""
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
