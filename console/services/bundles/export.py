"""Exporting a bundle as a zip, optionally sanitized.

Sanitized: log, text and settings lines go through redaction rules (credentials, tokens, keys,
card numbers, account ids); every distinct value gets one placeholder (``<ACCOUNT-1>``) used
everywhere in the export, so lines can still be correlated. HAR files go through the HAR
area's sanitizer. Screenshots cannot be redacted and are left out. The report says what was
replaced where, never the values.
"""

from __future__ import annotations

import re
import tempfile
import threading
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from console.services.bundles.catalog import get_bundle
from console.services.bundles.store import BlobStore
from console.services.db import Database
from console.services.errors import Cancelled, InvalidInput
from console.services.fsutil import atomic_output

_TEXT_KINDS = ("log", "settings")


@dataclass(frozen=True)
class Replacement:
    file: str
    line: int
    rule: str
    placeholder: str


@dataclass(frozen=True)
class ExportReport:
    path: Path
    bundle: int
    files: int
    sanitized: bool
    replacements: tuple[Replacement, ...]
    counts: dict[str, int]
    left_out: tuple[str, ...]
    har_reports: dict[str, Any] = field(default_factory=dict)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


_SECRET_KEYS = r"(?:pass(?:word|wd|phrase)?|pwd|secret|token|access[_-]?token|refresh[_-]?token|api[_-]?key|" \
               r"apikey|auth(?:orization)?|cookie|session(?:id)?|jsessionid|private[_-]?key|client[_-]?secret)"
# (rule, pattern, group holding the value)
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("private-key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"), 0),
    ("bearer-token", re.compile(r"\b(?:Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{8,})"), 1),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}"), 0),
    ("credential", re.compile(rf"(?i)\b{_SECRET_KEYS}\b[\"']?\s*[:=]\s*[\"']?(?!(?:Bearer|Basic)\b)([^\s\"',;&]+)"), 1),
    ("card-number", re.compile(r"\b(?:\d[ -]?){12,18}\d\b"), 0),
    ("account-id", re.compile(r"\b(?:DU|DF|U|F|I)\d{5,9}\b"), 0),
)
_PREFIX = {"private-key": "KEY", "bearer-token": "TOKEN", "jwt": "TOKEN", "credential": "SECRET",
           "card-number": "CARD", "account-id": "ACCOUNT"}


class Redactor:
    """Replaces sensitive values with stable placeholders and records where (never what)."""

    def __init__(self) -> None:
        self._tokens: dict[tuple[str, str], str] = {}
        self._next: Counter[str] = Counter()
        self.replacements: list[Replacement] = []
        self._in_key = False

    def _token(self, rule: str, value: str) -> str:
        prefix = _PREFIX[rule]
        key = (prefix, value)
        if key not in self._tokens:
            self._next[prefix] += 1
            self._tokens[key] = f"<{prefix}-{self._next[prefix]}>"
        return self._tokens[key]

    def line(self, text: str, file: str, number: int) -> str:
        if self._in_key:
            # Inside a multi-line private key block: drop the body until its END line.
            if "-----END" in text:
                self._in_key = False
            return ""
        if "-----BEGIN" in text and "PRIVATE KEY-----" in text and "-----END" not in text:
            self._in_key = True
        for rule, pattern, group in _RULES:
            text = self._apply(rule, pattern, group, text, file, number)
        return text

    def _apply(self, rule: str, pattern: re.Pattern[str], group: int, text: str, file: str, number: int) -> str:
        def sub(m: re.Match[str]) -> str:
            value = m.group(group)
            if rule == "card-number":
                digits = re.sub(r"\D", "", value)
                if not 13 <= len(digits) <= 19 or not _luhn(digits):
                    return m.group(0)
            if value.startswith("<") and value.endswith(">"):
                return m.group(0)  # already a placeholder
            token = self._token(rule, value)
            self.replacements.append(Replacement(file, number, rule, token))
            start, end = m.start(group) - m.start(0), m.end(group) - m.start(0)
            whole = m.group(0)
            return whole[:start] + token + whole[end:]

        return pattern.sub(sub, text)


def _sanitize_text(src: Path, dst: zipfile.ZipFile, name: str, redactor: Redactor,
                   cancel: threading.Event | None) -> None:
    with open(src, "rb") as fh, dst.open(name, "w", force_zip64=True) as out:
        for number, raw in enumerate(fh, start=1):
            if cancel is not None and number % 50_000 == 0 and cancel.is_set():
                raise Cancelled("The export was cancelled; nothing was written.")
            text = raw.decode("utf-8", "replace")
            ending = "\n" if text.endswith("\n") else ""
            clean = redactor.line(text.rstrip("\r\n"), name, number)
            out.write((clean + ending).encode("utf-8"))


def _har_sanitizer() -> Callable[[Path, Path], Any] | None:
    try:
        from console.services import har  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    fn = getattr(har, "sanitize_har_file", None)
    return fn if callable(fn) else None


def export_bundle(database: Database, store_dir: Path, bundle_id: int, out: Path, *, sanitized: bool = False,
                  progress: Callable[[int, int], None] | None = None,
                  cancel: threading.Event | None = None) -> ExportReport:
    """Write bundle ``bundle_id`` to the zip ``out`` (atomically: a failure leaves no file)."""
    out = Path(out)
    if out.suffix.lower() != ".zip":
        raise InvalidInput(f"{out.name}: the export is a zip file; give a name ending in .zip.")
    detail = get_bundle(database, bundle_id)
    store = BlobStore(store_dir)
    redactor = Redactor()
    left_out: list[str] = []
    har_reports: dict[str, Any] = {}
    sanitize_har = _har_sanitizer() if sanitized else None
    written = 0
    with atomic_output(out) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, info in enumerate(detail.files):
            if cancel is not None and cancel.is_set():
                raise Cancelled("The export was cancelled; nothing was written.")
            src = store.open(info.sha256)
            if not sanitized or info.kind == "encrypted-log":
                zf.write(src, info.path)
            elif info.kind in _TEXT_KINDS:
                _sanitize_text(src, zf, info.path, redactor, cancel)
            elif info.kind == "har":
                if sanitize_har is None:
                    left_out.append(f"{info.path} (the HAR sanitizer is not available in this version)")
                    continue
                with tempfile.TemporaryDirectory() as tmp:
                    clean = Path(tmp) / "clean.har"
                    report = sanitize_har(src, clean)
                    zf.write(clean, info.path)
                    har_reports[info.path] = report.to_dict() if hasattr(report, "to_dict") else {}
            else:
                left_out.append(f"{info.path} ({info.kind}: cannot be redacted, left out)")
                continue
            written += 1
            if progress is not None:
                progress(i + 1, len(detail.files))
        if sanitized:
            summary = {"bundle": bundle_id, "left_out": left_out,
                       "replacements": [r.__dict__ for r in redactor.replacements], "har": har_reports}
            zf.writestr("SANITIZED-REPORT.json", orjson.dumps(summary, option=orjson.OPT_INDENT_2))
    counts = Counter(r.rule for r in redactor.replacements)
    return ExportReport(out, bundle_id, written, sanitized, tuple(redactor.replacements), dict(sorted(counts.items())),
                        tuple(left_out), har_reports)
