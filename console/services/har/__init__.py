"""HAR inspector services: tolerant loading, findings, redaction, search and compare (no Qt here).

The names below are imported from their modules on first use, so that ``har summary`` (which
imports only :mod:`.summary`) does not pay for redaction, compare and the rest at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from console.services.har.diff import EntryDiff, HarDiff, diff_documents, diff_har_files
    from console.services.har.findings import Finding, Findings, find_issues
    from console.services.har.loader import HarError, build_document, load_har, load_har_bytes, parse_started
    from console.services.har.model import (
        PHASES,
        QUIRK_ADVICE,
        QUIRK_DESCRIPTIONS,
        Body,
        HarDocument,
        HarEntry,
        HarPageInfo,
        Timings,
        quirk_meaning,
    )
    from console.services.har.reader import NotAHarFile
    from console.services.har.sanitize import (
        Replacement,
        SanitizeReport,
        preview_sanitize,
        sanitize_document,
        sanitize_har_file,
        write_report,
    )
    from console.services.har.search import SearchHit, entry_matches, search_entries
    from console.services.har.summary import HarSummary, summarize, summarize_document

_WHERE = {
    "diff": ("EntryDiff", "HarDiff", "diff_documents", "diff_har_files"),
    "findings": ("Finding", "Findings", "find_issues"),
    "loader": ("HarError", "build_document", "load_har", "load_har_bytes", "parse_started"),
    "model": ("PHASES", "QUIRK_ADVICE", "QUIRK_DESCRIPTIONS", "Body", "HarDocument", "HarEntry", "HarPageInfo",
              "Timings", "quirk_meaning"),
    "reader": ("NotAHarFile",),
    "sanitize": ("Replacement", "SanitizeReport", "preview_sanitize", "sanitize_document", "sanitize_har_file",
                 "write_report"),
    "search": ("SearchHit", "entry_matches", "search_entries"),
    "summary": ("HarSummary", "summarize", "summarize_document"),
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [
    "PHASES",
    "QUIRK_ADVICE",
    "QUIRK_DESCRIPTIONS",
    "Body",
    "EntryDiff",
    "Finding",
    "Findings",
    "HarDiff",
    "HarDocument",
    "HarEntry",
    "HarError",
    "HarPageInfo",
    "HarSummary",
    "NotAHarFile",
    "Replacement",
    "SanitizeReport",
    "SearchHit",
    "Timings",
    "build_document",
    "diff_documents",
    "diff_har_files",
    "entry_matches",
    "find_issues",
    "load_har",
    "load_har_bytes",
    "parse_started",
    "preview_sanitize",
    "quirk_meaning",
    "sanitize_document",
    "sanitize_har_file",
    "search_entries",
    "summarize",
    "summarize_document",
    "write_report",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
