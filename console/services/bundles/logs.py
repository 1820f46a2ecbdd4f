"""Log lines: parsing (platform and generic formats), encrypted-log marking, and a line-offset index.

Platform logs start each line with ``YYYY-MM-DD HH:MM:SS.mmm``, then a level and/or a
``[thread]`` in either order. Generic logs are recognised by an ISO-8601 timestamp at the start
or a ``HH:MM:SS:mmm`` time, and a level word near the start. Lines without a timestamp (stack
traces) belong to the line above them.

:class:`LineIndex` keeps the byte offset of every line start (8 bytes per line), so a viewer
can show any line of a file of any size without holding the text in memory; it scans lazily,
in blocks, so the first screen needs only the first block.
"""

from __future__ import annotations

import itertools
import re
import threading
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.services.errors import Cancelled

ENCRYPTED_SUFFIX = ".ibgzenc"
ENCRYPTED_NOTE = ("encrypted: ask the client to export today's logs from the platform "
                  "(the platform keeps older logs encrypted, and only it can read them)")
LEVELS = ("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL")
_LEVEL_ALIASES = {"WARNING": "WARN", "ERR": "ERROR", "SEVERE": "ERROR", "CRITICAL": "FATAL",
                  "FINE": "DEBUG", "FINER": "TRACE", "FINEST": "TRACE", "DETAIL": "DEBUG", "NOTICE": "INFO"}
_LEVEL_WORDS = "|".join(sorted({*LEVELS, *_LEVEL_ALIASES}, key=len, reverse=True))

_PLATFORM = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,6}))?"
    r"(?:Z|[+-]\d{2}:?\d{2})?\s+"
    rf"(?:\[(?P<t1>[^\]]{{0,80}})\]\s*)?(?:(?P<lvl>{_LEVEL_WORDS})\b\s*)?(?:\[(?P<t2>[^\]]{{0,80}})\]\s*)?")
_TIME_ONLY = re.compile(r"^(\d{2}):(\d{2}):(\d{2})[:.,](\d{3})\s+")
_LEVEL_ANYWHERE = re.compile(rf"\b({_LEVEL_WORDS})\b")
BLOCK = 4 * 1024 * 1024


@dataclass(frozen=True)
class LogLine:
    number: int
    timestamp: datetime | None
    level: str | None
    thread: str | None
    text: str
    #: True when the line has the platform layout (timestamp + level/thread).
    platform: bool = False


def is_encrypted_log(name: str) -> bool:
    return name.lower().endswith(ENCRYPTED_SUFFIX)


def _level(word: str | None) -> str | None:
    if not word:
        return None
    word = word.upper()
    return _LEVEL_ALIASES.get(word, word if word in LEVELS else None)


def parse_timestamp(text: str) -> datetime | None:
    """The timestamp at the start of ``text``, if it has one (naive: the client's wall clock)."""
    m = _PLATFORM.match(text)
    if m is None:
        return None
    return _to_datetime(m)


def _to_datetime(m: re.Match[str]) -> datetime | None:
    frac = m.group(7) or "0"
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)),
                        int(m.group(6)), int(frac.ljust(6, "0")[:6]))
    except ValueError:
        return None


def parse_line(text: str, number: int = 0, day: datetime | None = None) -> LogLine:
    """One line. ``day`` supplies the date for logs that only print the time of day."""
    text = text.rstrip("\r\n")
    m = _PLATFORM.match(text)
    if m is not None:
        ts = _to_datetime(m)
        level = _level(m.group("lvl"))
        thread = m.group("t1") or m.group("t2")
        if level is None:
            hit = _LEVEL_ANYWHERE.search(text, m.end(), m.end() + 60)
            level = _level(hit.group(1)) if hit else None
        return LogLine(number, ts, level, thread, text, platform=bool(level or thread))
    t = _TIME_ONLY.match(text)
    if t is not None:
        ts = None
        if day is not None:
            ts = day.replace(hour=int(t.group(1)), minute=int(t.group(2)), second=int(t.group(3)),
                             microsecond=int(t.group(4)) * 1000)
        hit = _LEVEL_ANYWHERE.search(text, 0, 100)
        return LogLine(number, ts, _level(hit.group(1)) if hit else None, None, text)
    hit = _LEVEL_ANYWHERE.search(text, 0, 100)
    return LogLine(number, None, _level(hit.group(1)) if hit else None, None, text)


def decode(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").rstrip("\r\n")


def looks_like_log(head: bytes) -> bool:
    """Whether the first bytes of a file read like a log (a few timestamped lines)."""
    if b"\x00" in head[:4096]:
        return False
    lines = head.decode("utf-8", "replace").splitlines()[:20]
    stamped = sum(1 for line in lines if _PLATFORM.match(line) or _TIME_ONLY.match(line))
    return stamped >= max(1, len(lines) // 3)


def iter_lines(path: Path, *, cancel: threading.Event | None = None) -> Iterator[LogLine]:
    """Every line of ``path`` parsed; untimed lines inherit the last timestamp and level seen."""
    last_ts: datetime | None = None
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if cancel is not None and number % 50_000 == 0 and cancel.is_set():
                raise Cancelled("Reading the log was cancelled.")
            line = parse_line(decode(raw), number, last_ts)
            if line.timestamp is not None:
                last_ts = line.timestamp
            elif last_ts is not None:
                line = LogLine(number, last_ts, line.level, line.thread, line.text)
            yield line


# ---------------------------------------------------------------------- line-offset index
class LineIndex:
    """Byte offsets of line starts in one file, scanned lazily in blocks.

    Not thread-safe: build a separate instance in a worker (:meth:`build`) and hand it over.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.size = self.path.stat().st_size
        self._starts = array("q", [0])
        self._scanned = 0
        self.complete = self.size == 0
        self._fh = open(self.path, "rb")  # noqa: SIM115 - kept open for random reads; see close()

    def close(self) -> None:
        self._fh.close()

    def __del__(self) -> None:
        try:
            self._fh.close()
        except (AttributeError, OSError):
            pass

    @property
    def scanned_bytes(self) -> int:
        return self._scanned

    @property
    def line_count(self) -> int:
        """Lines known so far (all of them once :attr:`complete`)."""
        n = len(self._starts)
        if self.complete:
            # The last start is the end of the file unless the file lacks a final newline.
            return n - 1 if self._starts[-1] >= self.size else n
        return n - 1

    def scan(self, max_bytes: int = BLOCK) -> int:
        """Scan up to ``max_bytes`` more; return how many lines became known."""
        if self.complete:
            return 0
        before = self.line_count
        self._fh.seek(self._scanned)
        block = self._fh.read(max_bytes)
        if not block:
            self.complete = True
            return self.line_count - before
        base = self._scanned
        parts = block.split(b"\n")
        # Starts of lines after each newline in this block; the last part has no newline after it.
        lengths = map((1).__add__, map(len, parts[:-1]))
        self._starts.extend(itertools.accumulate(lengths, initial=base))
        # accumulate repeats ``base`` (already the last start): drop that duplicate.
        del self._starts[len(self._starts) - len(parts)]
        self._scanned = base + len(block)
        if self._scanned >= self.size:
            self.complete = True
        return self.line_count - before

    def ensure(self, lines: int) -> None:
        while not self.complete and self.line_count < lines:
            self.scan()

    def build(self, progress: Callable[[int, int], None] | None = None,
              cancel: threading.Event | None = None) -> LineIndex:
        while not self.complete:
            if cancel is not None and cancel.is_set():
                raise Cancelled("Indexing the log was cancelled.")
            self.scan(BLOCK)
            if progress is not None:
                progress(self._scanned, self.size)
        return self

    def offset(self, line: int) -> int:
        """Byte offset of 0-based ``line``."""
        return self._starts[line]

    def raw_line(self, line: int) -> bytes:
        start = self._starts[line]
        end = self._starts[line + 1] if line + 1 < len(self._starts) else self.size
        self._fh.seek(start)
        return self._fh.read(end - start)

    def text(self, line: int) -> str:
        return decode(self.raw_line(line))

    def line_at_offset(self, offset: int) -> int:
        """0-based line containing byte ``offset`` (among lines scanned so far)."""
        import bisect

        return max(bisect.bisect_right(self._starts, offset) - 1, 0)


def minute_histogram(lines: Iterator[LogLine] | list[LogLine]) -> list[tuple[datetime, int, int]]:
    """(minute, lines, errors) per minute that has any timestamped line, in time order."""
    counts: dict[datetime, list[int]] = {}
    for line in lines:
        if line.timestamp is None:
            continue
        minute = line.timestamp.replace(second=0, microsecond=0)
        slot = counts.setdefault(minute, [0, 0])
        slot[0] += 1
        if line.level in ("ERROR", "FATAL"):
            slot[1] += 1
    return [(m, c[0], c[1]) for m, c in sorted(counts.items())]


def _matcher(text: str, regex: bool) -> Callable[[str], bool]:
    if regex:
        try:
            pattern = re.compile(text, re.IGNORECASE)
        except re.error as exc:
            from console.services.bundles.errors import InvalidFilter

            raise InvalidFilter(f"“{text}” is not a valid regular expression: {exc}.",
                                hint="Fix the expression, or untick Regex to search for the text as typed.") from exc
        return lambda line: pattern.search(line) is not None
    needle = text.lower()
    return lambda line: needle in line.lower()


def filter_file(path: Path, text: str, *, regex: bool = False, exclude: bool = False,
                progress: Callable[[int, int], None] | None = None,
                cancel: threading.Event | None = None) -> list[int]:
    """0-based numbers of the lines of ``path`` that match (or, with ``exclude``, do not match) ``text``."""
    match = _matcher(text, regex)
    size = max(Path(path).stat().st_size, 1)
    rows: list[int] = []
    done = 0
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh):
            if match(decode(raw)) != exclude:
                rows.append(number)
            done += len(raw)
            if number % 100_000 == 0:
                if cancel is not None and cancel.is_set():
                    raise Cancelled("Filtering was cancelled.")
                if progress is not None:
                    progress(done, size)
    return rows


def filter_texts(texts: list[str] | tuple[str, ...], text: str, *, regex: bool = False, exclude: bool = False,
                 cancel: threading.Event | None = None) -> list[int]:
    """Indices of ``texts`` that match (or do not match) ``text``."""
    match = _matcher(text, regex)
    rows: list[int] = []
    for i, line in enumerate(texts):
        if i % 100_000 == 0 and cancel is not None and cancel.is_set():
            raise Cancelled("Filtering was cancelled.")
        if match(line) != exclude:
            rows.append(i)
    return rows


def file_histogram(path: Path, *, progress: Callable[[int, int], None] | None = None,
                   cancel: threading.Event | None = None) -> list[tuple[datetime, int, int]]:
    """:func:`minute_histogram` of a whole file, read in a worker."""
    size = max(Path(path).stat().st_size, 1)

    def lines() -> Iterator[LogLine]:
        done = 0
        for line in iter_lines(path, cancel=cancel):
            done += len(line.text) + 1
            if progress is not None and line.number % 100_000 == 0:
                progress(min(done, size), size)
            yield line

    return minute_histogram(lines())
