"""Diagnostics intake: bundle store, safe archive intake, log parsing, findings, search, export.

The public API is re-exported here; the GUI and the CLI call only these functions.
"""

from __future__ import annotations

from console.services.bundles.archive import Limits, UnsafeArchive
from console.services.bundles.catalog import (
    BundleDetail,
    BundleSummary,
    FileInfo,
    bundle_finding_groups,
    bundle_findings,
    delete_bundle,
    file_path,
    get_bundle,
    get_file,
    list_bundles,
)
from console.services.bundles.clients import ClientCheck, check_client
from console.services.bundles.errors import EncryptedLog, InvalidFilter, InvalidSearch, NotAnArchive
from console.services.bundles.export import ExportReport, export_bundle
from console.services.bundles.findings import CODES, Finding, FindingGroup, group_findings
from console.services.bundles.ingest import (
    KINDS,
    PLATFORMS,
    REASON_FILE_STEMS,
    IngestResult,
    expand_nested,
    ingest_bundle,
    is_reason_file,
    ticket_in,
)
from console.services.bundles.logs import (
    ENCRYPTED_NOTE,
    LineIndex,
    LogLine,
    file_histogram,
    filter_file,
    filter_texts,
    iter_lines,
    minute_histogram,
    parse_line,
    parse_timestamp,
)
from console.services.bundles.redact import Replacement
from console.services.bundles.search import SearchHit, search
from console.services.bundles.timeline import Timeline, TimelineEvent, bundle_timeline

__all__ = [
    "CODES",
    "ENCRYPTED_NOTE",
    "KINDS",
    "PLATFORMS",
    "REASON_FILE_STEMS",
    "BundleDetail",
    "BundleSummary",
    "ClientCheck",
    "EncryptedLog",
    "ExportReport",
    "FileInfo",
    "Finding",
    "FindingGroup",
    "IngestResult",
    "InvalidFilter",
    "InvalidSearch",
    "Limits",
    "LineIndex",
    "LogLine",
    "NotAnArchive",
    "Replacement",
    "SearchHit",
    "Timeline",
    "TimelineEvent",
    "UnsafeArchive",
    "bundle_finding_groups",
    "bundle_findings",
    "bundle_timeline",
    "check_client",
    "delete_bundle",
    "expand_nested",
    "export_bundle",
    "file_histogram",
    "file_path",
    "filter_file",
    "filter_texts",
    "get_bundle",
    "get_file",
    "group_findings",
    "ingest_bundle",
    "is_reason_file",
    "iter_lines",
    "list_bundles",
    "minute_histogram",
    "parse_line",
    "parse_timestamp",
    "search",
    "ticket_in",
]
