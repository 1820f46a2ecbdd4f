"""``support-console har ...``: summary, sanitize, search and diff of HAR files."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from console.cli.output import add_area, add_verb, emit, table


def _cli_hints(handler: Callable[[argparse.Namespace, object], int | None]) -> Callable[..., int | None]:
    """A file that is no HAR at all (a bundle, an encrypted message) gets the hint with the command to
    run instead of the GUI's wording."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace, ctx: object) -> int | None:
        from console.services.har.reader import NotAHarFile

        try:
            return handler(args, ctx)
        except NotAHarFile as exc:
            exc.hint = exc.cli_hint
            raise

    return run


def n_of(n: int, one: str, many: str) -> str:
    """``1 page``, ``2 pages``, ``1,050 requests``."""
    return f"{n:,} {one if n == 1 else many}"


def register(sub: Any) -> None:
    verbs = add_area(sub, "har", "HAR files: summary, redaction, search, compare")
    p = add_verb(verbs, "summary", _cli_hints(summary), "requests, errors, slowest requests and loader quirks of a HAR")
    p.add_argument("file", type=Path)
    p = add_verb(verbs, "sanitize", _cli_hints(sanitize), "write a copy with cookies, tokens and credentials redacted")
    p.add_argument("input", type=Path)
    p.add_argument("output", type=Path)
    p.add_argument("--report", type=Path, metavar="REPORT.json",
                   help="also write the redaction report (request number, location, rule; never the values)")
    p = add_verb(verbs, "search", _cli_hints(search), "requests whose URL, headers or bodies contain TEXT")
    p.add_argument("file", type=Path)
    p.add_argument("text")
    p = add_verb(verbs, "diff", _cli_hints(diff),
                 "compare two HARs: status, timing and size changes, unmatched requests")
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)


def _ms(value: float) -> str:
    return f"{value:,.0f} ms"


#: Parsed files kept alive until the process exits: the executable ends with os._exit, so freeing a
#: large document object by object first would only cost time.
_RETAINED: list[Any] = []


def summary(args: argparse.Namespace, ctx: object) -> None:
    from console.services.har.summary import summarize

    _RETAINED.clear()  # only the latest (in-process callers such as tests run several)
    result = summarize(args.file, retain=_RETAINED).to_dict()

    def text(r: dict[str, Any]) -> str:
        lines = [f"{r['path']}: {n_of(r['entries'], 'request', 'requests')}, {n_of(len(r['pages']), 'page', 'pages')}, "
                 f"creator {r['creator'] or '?'}",
                 f"errors (status >= 400, 0 or negative): {r['errors']:,}",
                 "status: " + (", ".join(f"{k}×{v}" for k, v in r["status_counts"].items()) or "no requests")]
        if r["slowest"]:
            lines += ["", "slowest:", table(((_ms(s["time_ms"]), s["status"], s["method"], s["url"][:100])
                                             for s in r["slowest"]), ["time", "status", "method", "url"])]
        if r["quirks"]:
            from console.services.har.model import QUIRK_DESCRIPTIONS

            lines += ["", "quirks repaired while loading:",
                      table(((q["code"], q["count"], QUIRK_DESCRIPTIONS.get(q["code"], "")) for q in r["quirks"]),
                            ["code", "count", "meaning"])]
        return "\n".join(lines)

    emit(args, result, text)


def sanitize(args: argparse.Namespace, ctx: object) -> None:
    from console.services.har import sanitize_har_file, write_report
    from console.services.har.sanitize import check_output_path

    # both targets are checked before any work: a bad --report path must not come after a long redaction
    check_output_path(args.output, source=args.input)
    if args.report:
        check_output_path(args.report, what="the redaction report", source=args.input)
    report = sanitize_har_file(args.input, args.output)
    data = report.to_dict()
    if args.report:
        write_report(report, args.report)

    def text(r: dict[str, Any]) -> str:
        counts = ", ".join(f"{rule} {n}" for rule, n in r["counts_by_rule"].items()) or "nothing to redact"
        return (f"{r['output']}: {n_of(r['entries'], 'request', 'requests')}, "
                f"{n_of(r['replacement_count'], 'value', 'values')} redacted ({counts})")

    emit(args, data, text)


def search(args: argparse.Namespace, ctx: object) -> int:
    from console.services.har import load_har, search_entries

    hits = search_entries(load_har(args.file), args.text)
    data = {"file": str(args.file), "text": args.text, "count": len(hits),
            "matches": [{"index": h.index, "method": h.method, "url": h.url, "status": h.status,
                         "where": list(h.where)} for h in hits]}
    emit(args, data, lambda d: table(((m["index"], m["status"], m["method"], m["url"][:100], ", ".join(m["where"]))
                                      for m in d["matches"]), ["#", "status", "method", "url", "found in"])
         if d["matches"] else f"no request contains {args.text!r}")
    return 0 if hits else 1


def diff(args: argparse.Namespace, ctx: object) -> None:
    from console.services.har import diff_har_files

    data = diff_har_files(args.a, args.b).to_dict()

    def text(d: dict[str, Any]) -> str:
        c = d["counts"]
        lines = [f"{d['a']} vs {d['b']}: {c['matched']:,} matched, {c['changed']:,} changed "
                 f"({n_of(c['status_changed'], 'status change', 'status changes')}), "
                 f"{c['only_a']:,} only in A, {c['only_b']:,} only in B"]
        if d["changed"]:
            lines += ["", table(((f"{x['a_status']}→{x['b_status']}", f"{x['time_delta_ms']:+,.0f} ms",
                                  f"{x['size_delta']:+,}", x["method"], x["url"][:90]) for x in d["changed"]),
                                ["status", "time", "size", "method", "url"])]
        for side, key in (("only in A", "only_a"), ("only in B", "only_b")):
            if d[key]:
                lines += ["", f"{side}:", table(((x["status"], x["method"], x["url"][:100]) for x in d[key]),
                                               ["status", "method", "url"])]
        return "\n".join(lines)

    emit(args, data, text)
