"""The one logging pipeline: file log, in-memory ring buffer (feeds the GUI's log pane), secret scrubbing.

Every module logs with ``logging.getLogger(__name__)``. Qt's own messages are routed here by
:mod:`console.app`. A :class:`SecretFilter` on every handler removes passphrases, private keys,
cookies, tokens and JWTs before anything is written anywhere.
"""

from __future__ import annotations

import collections
import logging
import logging.handlers
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_SECRET_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)",
                re.S), "[private key removed]"),
    (re.compile(r"PuTTY-User-Key-File-\d.*?(Private-MAC: [0-9a-f]+|$)", re.S), "[private key removed]"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"), "[jwt removed]"),
    # Whole header values: every cookie of a Cookie line, any Authorization scheme.
    (re.compile(r"(?im)\b((?:proxy-)?authorization|cookie|set-cookie)(\s*[:=]\s*)[^\r\n]*"), r"\1\2[removed]"),
    (re.compile(r"(?i)\b(bearer|basic|digest|negotiate|token)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 [removed]"),
    (re.compile(r"(?i)(--(?:passphrase|password|pin|token|secret)[= ])(\S+)"), r"\1[removed]"),
    (re.compile(r"(?i)\b((?:passphrase|password|passwd|pwd|secret|client[_-]?secret|token|access[_-]?token|"
                r"refresh[_-]?token|api[_-]?key|private[_-]?key|access[_-]?key|signature|session[_-]?id|sessionid|"
                r"sid|jsessionid|csrf[_-]?token|otp)[\"']?\s*[:=]\s*)(\"[^\"]*\"|'[^']*'|[^\s,;&]+)"), r"\1[removed]"),
    (re.compile(r"(?i)(://[^:/@\s]+:)[^@/\s]+@"), r"\1***@"),
)


def scrub(text: str) -> str:
    """Remove anything that looks like a secret from ``text``."""
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class SecretFilter(logging.Filter):
    """Scrubs the formatted message (and exception text) of every record that passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


class RingBufferHandler(logging.Handler):
    """Keeps the last ``capacity`` records and tells subscribers about new ones (from any thread)."""

    def __init__(self, capacity: int = 5000) -> None:
        super().__init__(logging.DEBUG)
        self.records: collections.deque[logging.LogRecord] = collections.deque(maxlen=capacity)
        self._subscribers: list[Callable[[logging.LogRecord], None]] = []
        self._sub_lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            record.exc_text = record.exc_text or self.format(record).split("\n", 1)[-1]
            record.exc_info = None  # do not keep frames (and their locals) alive
        self.records.append(record)
        with self._sub_lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(record)
            except Exception:  # noqa: BLE001 - a broken subscriber must not break logging
                self.handleError(record)

    def subscribe(self, callback: Callable[[logging.LogRecord], None]) -> None:
        with self._sub_lock:
            self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[logging.LogRecord], None]) -> None:
        with self._sub_lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)


_ring = RingBufferHandler()
_ring.setFormatter(logging.Formatter(LOG_FORMAT))
_ring.addFilter(SecretFilter())
_configured_file: Path | None = None


def ring_buffer() -> RingBufferHandler:
    return _ring


def log_file() -> Path | None:
    return _configured_file


def setup_logging(log_dir: Path | None, *, stderr_level: int | None = None) -> None:
    """Configure the root logger once: ring buffer always, rotating file in ``log_dir`` when given."""
    global _configured_file
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    # Alembic narrates every plugin and step at INFO; the console logs the upgrade itself.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if _ring not in root.handlers:
        root.addHandler(_ring)
    if log_dir is not None and _configured_file is None:
        try:
            log_dir.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the data folder, private
            log_dir.mkdir(exist_ok=True, mode=0o700)
            path = log_dir / "console.log"
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600))  # private from the first line
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=3, encoding="utf-8")
        except OSError:
            pass  # an unwritable data dir is reported elsewhere; logging must not crash start-up
        else:
            handler.setFormatter(logging.Formatter(LOG_FORMAT))
            handler.addFilter(SecretFilter())
            root.addHandler(handler)
            _configured_file = path
    if stderr_level is not None and not any(getattr(h, "_console_stderr", False) for h in root.handlers):
        stream = logging.StreamHandler()
        stream.setLevel(stderr_level)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream.addFilter(SecretFilter())
        stream._console_stderr = True  # type: ignore[attr-defined]
        root.addHandler(stream)
