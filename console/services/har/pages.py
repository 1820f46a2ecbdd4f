"""Log-level and page repairs of a parsed HAR (each counted as a quirk) and the page records.

:func:`repair_log` runs before the entries are repaired (:mod:`.repair`); :func:`page_infos`
after, when the entries' page references and time spans are known.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from typing import Any

from console.services.har.model import HarPageInfo
from console.services.har.repair import num, parse_started


@dataclass
class RepairedLog:
    version: str
    creator: str
    browser: str
    pages_raw: list[dict[str, Any]]
    page_ids: set[str]


def creator_name(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(str(value.get(k)) for k in ("name", "version") if value.get(k)).strip()
    return str(value) if value else ""


def repair_log(log_dict: dict[str, Any], quirks: Counter[str]) -> RepairedLog:
    """Repair the log-level fields and the pages (entries: :func:`repair_entries`)."""
    version = str(log_dict.get("version") or "")
    if version != "1.2":
        quirks["har-version"] += 1
        log_dict["version"] = "1.2"
    if not isinstance(log_dict.get("creator"), dict):
        quirks["creator-missing"] += 0 if log_dict.get("creator") else 1
        log_dict["creator"] = {"name": creator_name(log_dict.get("creator")) or "unknown", "version": ""}
    if "pages" not in log_dict:
        quirks["pages-missing"] += 1
    elif log_dict["pages"] is None:
        quirks["pages-null"] += 1
    pages_raw = log_dict.get("pages")
    if not isinstance(pages_raw, list):
        pages_raw = log_dict["pages"] = []
    clean: list[dict[str, Any]] = []
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
        clean.append(page)
    if len(clean) != len(pages_raw):
        log_dict["pages"] = pages_raw = clean
    if not isinstance(log_dict.get("entries"), list):
        quirks["entries-missing"] += 1
        log_dict["entries"] = []
    return RepairedLog(version or "1.2", creator_name(log_dict["creator"]), creator_name(log_dict.get("browser")),
                       pages_raw, {p["id"] for p in pages_raw})


def page_infos(pages_raw: list[dict[str, Any]], spans: dict[str | None, tuple[float, float]],
               counts: Counter[str | None], quirks: Counter[str]) -> list[HarPageInfo]:
    """Page records; ``spans`` maps pageref to (first start, last end) in epoch ms of its entries."""
    infos = []
    for page in pages_raw:
        started = parse_started(page.get("startedDateTime"))
        pt = page.get("pageTimings")
        timings: dict[str, Any] = pt if isinstance(pt, dict) else {}
        on_content = num(timings.get("onContentLoad"))
        on_load = num(timings.get("onLoad"))
        span = spans.get(page["id"])
        if on_load is not None and on_load > 0 and span and started is not None:
            last_end = span[1] - started.timestamp() * 1000.0
            limit = max(last_end, 0) * 5 + 5000
            if on_load > limit:
                quirks["page-timings-implausible"] += 1
                on_load = None
                on_content = on_content if on_content is not None and on_content <= limit else None
        infos.append(HarPageInfo(
            id=page["id"], title=str(page.get("title") or ""), started=started,
            on_content_load_ms=on_content if on_content is not None and on_content >= 0 else None,
            on_load_ms=on_load if on_load is not None and on_load >= 0 else None,
            entry_count=counts.get(page["id"], 0), synthetic=bool(page.get("_addedByConsole"))))
    return infos


def out_of_order(starts: list[float | None]) -> bool:
    """Whether a start time is earlier than the one before it."""
    return any(a is not None and b is not None and b < a for a, b in itertools.pairwise(starts))


def page_spans(rows: list[tuple[str | None, float | None, float]]) -> dict[str | None, tuple[float, float]]:
    """(first start, last end) per pageref from (pageref, start_ms, time_ms) rows."""
    spans: dict[str | None, tuple[float, float]] = {}
    for pageref, start, time_ms in rows:
        if start is None:
            continue
        end = start + time_ms
        span = spans.get(pageref)
        if span is None:
            spans[pageref] = (start, end)
        elif start < span[0] or end > span[1]:
            spans[pageref] = (min(span[0], start), max(span[1], end))
    return spans
