"""HAR inspector services: tolerant loading, findings, redaction, search and compare (no Qt here)."""

from __future__ import annotations

from console.services.har.diff import EntryDiff, HarDiff, diff_documents, diff_har_files
from console.services.har.findings import Finding, Findings, find_issues
from console.services.har.loader import HarError, build_document, load_har, load_har_bytes, parse_started
from console.services.har.model import (
    PHASES,
    QUIRK_DESCRIPTIONS,
    Body,
    HarDocument,
    HarEntry,
    HarPageInfo,
    Timings,
)
from console.services.har.sanitize import (
    Replacement,
    SanitizeReport,
    preview_sanitize,
    sanitize_document,
    sanitize_har_file,
)
from console.services.har.search import SearchHit, entry_matches, search_entries
from console.services.har.summary import HarSummary, summarize, summarize_document

__all__ = [
    "PHASES",
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
    "sanitize_document",
    "sanitize_har_file",
    "search_entries",
    "summarize",
    "summarize_document",
]
