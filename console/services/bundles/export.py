"""Exporting a bundle as a zip, optionally sanitized.

Sanitized: log, text and settings lines go through redaction rules (credentials, tokens, keys,
card numbers, account ids); every distinct value gets one placeholder (``<ACCOUNT-1>``) used
everywhere in the export, so lines can still be correlated. HAR files go through the HAR
area's sanitizer. Screenshots cannot be redacted and are left out. The report says what was
replaced where, never the values.
"""

from __future__ import annotations

import os
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
from console.services.bundles.redact import Redactor, Replacement
from console.services.bundles.store import BlobStore
from console.services.db import Database
from console.services.errors import Cancelled, InvalidInput
from console.services.fsutil import atomic_output

_TEXT_KINDS = ("log", "settings")


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


def check_output_path(out: Path) -> None:
    """Refuse, before any work, a target the zip could never be written to."""
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder; give the name of the zip file to write.")
    parent = out.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise InvalidInput(f"Cannot write {out}: {parent} is a file, not a folder.",
                           hint="Choose a folder for the zip file.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InvalidInput(f"Cannot write {out}: the folder {parent} is not writable.",
                           hint="Choose a folder you can write to.")


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
    check_output_path(out)
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
