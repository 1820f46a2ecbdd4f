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


class NotAHarFile(HarError):
    """The file is something else altogether (an archive, an image, an encrypted message, a binary).

    ``area`` names where such a file belongs in the console ("diagnostics", "gpg") or is ``None``;
    ``hint`` says so in the GUI's words, ``cli_hint`` with the command to run instead.
    """

    title = "Not a HAR file"

    def __init__(self, message: str, *, kind: str, area: str | None, hint: str, cli_hint: str) -> None:
        super().__init__(message, hint=hint)
        self.kind = kind
        self.area = area
        self.cli_hint = cli_hint


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
    gzipped = "gzip" in quirks
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
        raise _json_error(path, exc, data, offset, gzipped) from exc
    finally:
        view.release()


def _json_error(path: Path, exc: orjson.JSONDecodeError, data: bytes | bytearray, offset: int,
                gzipped: bool = False) -> HarError:
    not_har = sniff_other_file(path, data, gzipped)
    if not_har is not None:
        return not_har
    byte_pos = offset + _char_to_byte(data, offset, exc.pos)
    total = len(data)
    head = bytes(data[offset:offset + 64]).lstrip()
    if "UTF-8" in exc.msg:  # orjson checks the encoding before parsing and reports position 0: find it
        try:
            str(data, "utf-8")
        except UnicodeDecodeError as bad:
            byte_pos = bad.start
        return HarError(f"{path.name} is not UTF-8 text: the bytes at byte offset {byte_pos} are not valid "
                        "UTF-8, and a HAR file is UTF-8 JSON.",
                        hint="The file was probably re-saved in another encoding or damaged; ask the client "
                        "for a fresh export straight from the browser.")
    if head[:1] == b"<":
        return HarError(f"{path.name} is not a HAR file: it looks like HTML or XML, not JSON "
                        f"(byte offset {byte_pos}).", hint="Ask the client to use 'Save all as HAR'.")
    if "end of data" in exc.msg or "EOF" in exc.msg or byte_pos >= total - 1:
        return HarError(f"{path.name} is cut off: the JSON ends unexpectedly at byte offset {byte_pos} "
                        f"of {total}.", hint="The file was probably truncated while saving or copying; "
                        "ask for a fresh export.")
    return HarError(f"{path.name} is not valid JSON: {exc.msg} at byte offset {byte_pos} "
                    f"(line {exc.lineno}, column {exc.colno}).")


# (leading bytes, what the file is, the area it belongs to); checked only once the JSON parse has failed
_SIGNATURES: tuple[tuple[bytes, str, str | None], ...] = (
    (b"PK\x03\x04", "a ZIP archive", "diagnostics"),
    (b"PK\x05\x06", "an empty ZIP archive", "diagnostics"),
    (b"PK\x07\x08", "a ZIP archive", "diagnostics"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", None),
    (b"Rar!\x1a\x07", "a RAR archive", None),
    (b"\xfd7zXZ\x00", "an xz-compressed file", "diagnostics"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file", None),
    (b"%PDF-", "a PDF document", None),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", None),
    (b"\xff\xd8\xff", "a JPEG image", None),
    (b"GIF87a", "a GIF image", None),
    (b"GIF89a", "a GIF image", None),
    (b"SQLite format 3\x00", "an SQLite database", None),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document or Outlook message", None),
    (b"MZ", "a Windows program", None),
    (b"\x7fELF", "a program", None),
    (b"-----BEGIN PGP MESSAGE-----", "an OpenPGP-encrypted message", "gpg"),
)
_HINTS = {  # area: (GUI hint, CLI hint; {cmd} is the file's path, shell-quoted)
    "diagnostics": ("If it is a client's diagnostic bundle, open it in Diagnostics intake; a HAR inside it "
                    "then opens in this inspector from the bundle.",
                    "If it is a client's diagnostic bundle, take it in under Diagnostics "
                    "(support-console bundle ingest {cmd}); a HAR inside it then opens from the bundle."),
    "gpg": ("Decrypt it under Encrypted reports first, then open the decrypted HAR here.",
            "Decrypt it first (support-console gpg decrypt {cmd} --out FILE.har), then open the decrypted HAR."),
}
_NO_AREA_HINT = "Ask the client for the HAR itself: in the browser's Network panel, save all as HAR."


def sniff_other_file(path: Path, data: bytes | bytearray, gzipped: bool = False) -> NotAHarFile | None:
    """A :class:`NotAHarFile` naming what ``data`` (the start of the file, after gunzip) is, when it is a
    known kind of file or plainly binary; ``None`` when it may be (broken) JSON text."""
    import shlex  # only on this failure path: ``har summary`` start-up counts

    head = bytes(data[:4096])
    kind: str | None = None
    area: str | None = None
    for magic, what, where in _SIGNATURES:
        if head.startswith(magic):
            kind, area = what, where
            break
    if kind is None and head[257:262] == b"ustar":
        kind, area = "a TAR archive", "diagnostics"
    if kind is None and head[:3] == b"BZh" and head[3:4].isdigit():
        kind, area = "a bzip2-compressed file", "diagnostics"
    if kind is None and _binary(head):
        kind = "a binary file"
    if kind is None:
        return None
    if gzipped:
        kind = "a gzip-compressed " + kind.removeprefix("a ").removeprefix("an ")
    message = f"{path.name} is {kind}, not a HAR file (a HAR is JSON text)."
    if area == "diagnostics" and head.startswith(b"PK"):
        inside = _har_names_in_zip(path, data)
        if inside:
            message += f" It holds {', '.join(inside)}."
    if area is None:
        hint = cli_hint = _NO_AREA_HINT
    else:
        hint, cli_hint = _HINTS[area]
        cli_hint = cli_hint.format(cmd=shlex.quote(str(path)))
    return NotAHarFile(message, kind=kind, area=area, hint=hint, cli_hint=cli_hint)


def _binary(head: bytes) -> bool:
    """NUL bytes or bytes that are not UTF-8 near the start (UTF-16 is decoded before this is asked), in
    something that does not even begin like JSON (a broken HAR gets the JSON error with its offset)."""
    if head.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] in (b"{", b"["):
        return False
    if b"\x00" in head:
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < len(head) - 3  # a character cut by the 4 KB limit is not a sign of binary
    return False


def _har_names_in_zip(path: Path, data: bytes | bytearray) -> list[str]:
    """Names of .har members of a zip (at most three), to tell the engineer what the client sent."""
    import zipfile

    try:
        source: Any = path if path.is_file() else io.BytesIO(bytes(data))
        with zipfile.ZipFile(source) as zf:
            names = [n for n in zf.namelist() if n.lower().endswith((".har", ".har.gz"))]
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return []
    return names[:3] + (["…"] if len(names) > 3 else [])


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
        # An empty list is a valid HAR (nothing was recorded); no list at all is not a HAR export.
        if not isinstance(log_dict.get("entries"), list):
            raise HarError(f"{path.name} has a 'log' object but no list of requests ('entries'), so it is not "
                           "a usable HAR.",
                           hint="Ask the client to export again with 'Save all as HAR' in the Network panel.")
        return log_dict
    if isinstance(root.get("entries"), list):
        quirks["log-wrapper-missing"] += 1
        return root
    raise HarError(f"{path.name} is JSON but not a HAR file: it has no 'log' object.",
                   hint="Make sure the client saved the Network panel with 'Save all as HAR'.")
