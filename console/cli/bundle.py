"""CLI for diagnostic bundles: ingest, list, show, search, findings, export, expand, delete."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.cli.output import COUNT, ID, add_area, add_verb, emit, table
from console.services.units import human_size as _size


def _n(count: int, noun: str, plural: str | None = None) -> str:
    """``1 file``, ``2 files``, ``0 files``."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def register(sub: Any) -> None:
    from console.services.bundles.ingest import PLATFORM_KEYS

    verbs = add_area(sub, "bundle", "diagnostic bundles: take in, read, search and export")
    p = add_verb(verbs, "ingest", ingest, "take in an archive (.zip/.tar.gz), a folder or loose files as one bundle")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--ticket", help="ticket number (found in --reason when not given)")
    p.add_argument("--user", help="client username")
    p.add_argument("--account", help="client account id")
    p.add_argument("--platform", choices=PLATFORM_KEYS)
    p.add_argument("--reason", help="the reason text the client typed")
    p.add_argument("--expand-nested", action="store_true",
                   help="also take in archives inside the bundle (at most 3 levels deep)")

    p = add_verb(verbs, "list", list_, "bundles in the store, newest first")
    p.add_argument("--filter", help="only bundles whose ticket, user, account or reason contains this")
    p.add_argument("--limit", type=COUNT, default=200)

    p = add_verb(verbs, "show", show, "one bundle and its files")
    p.add_argument("id", type=ID)

    p = add_verb(verbs, "search", search, "full-text search of the logs of all bundles")
    p.add_argument("query")
    p.add_argument("--bundle", type=ID, help="only this bundle")
    p.add_argument("--limit", type=COUNT, default=100)

    p = add_verb(verbs, "findings", findings, "known platform message codes in a bundle's logs")
    p.add_argument("id", type=ID)
    p.add_argument("--grouped", action="store_true",
                   help="one row per code: how often it appears, first and last time, explanation")

    p = add_verb(verbs, "export", export, "write a bundle to a zip, optionally sanitized")
    p.add_argument("id", type=ID)
    p.add_argument("out", type=Path, metavar="OUT.zip")
    p.add_argument("--sanitized", action="store_true",
                   help="redact credentials, tokens, keys, card numbers and account ids; sanitize HAR files")

    p = add_verb(verbs, "expand", expand, "take in a nested archive of a bundle (by file id from 'show')")
    p.add_argument("file_id", type=ID)

    p = add_verb(verbs, "delete", delete, "remove a bundle and its files from the store")
    p.add_argument("id", type=ID)


def _store(ctx: Any) -> Path:
    return Path(ctx.settings.bundle_store_dir)


def ingest(args: argparse.Namespace, ctx: Any) -> None:
    import sys

    from console.services import bundles

    db = ctx.ready_database()
    check = bundles.check_client(db, args.user, args.account)
    # A username typed in full files the bundle under that client's account too.
    account = args.account or (check.account_of_user if check.username_found else None)
    r = bundles.ingest_bundle(db, _store(ctx), args.paths, ticket=args.ticket, username=args.user,
                              account=account, platform=args.platform, reason=args.reason,
                              expand_nested=args.expand_nested)
    # Allowed, but said: the bundle is filed under a name the client data does not know.
    for warning in check.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if r.duplicate_of is not None:
        print(f"note: bundle {r.id} holds the same files as bundle {r.duplicate_of} (taken in twice?); "
              f"remove it with 'support-console bundle delete {r.id}' if it is not wanted", file=sys.stderr)
    obj = {"id": r.id, "files": r.files, "bytes": r.bytes, "kinds": r.kinds, "ticket": r.ticket,
           "ticket_source": r.ticket_source, "nested": list(r.nested), "encrypted": list(r.encrypted),
           "client_warnings": list(check.warnings), "account": account, "duplicate_of": r.duplicate_of}

    def text(_: Any) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in r.kinds.items())
        lines = [f"Bundle {r.id}: {_n(r.files, 'file')}, {_size(r.bytes)} ({kinds})"]
        if r.ticket and r.ticket_source not in (None, "form"):
            where = "the reason text" if r.ticket_source == "reason" else r.ticket_source
            lines.append(f"  ticket {r.ticket} (found in {where})")
        lines += [f"  nested archive, not expanded: {n}" for n in r.nested]
        lines += [f"  {n}: {bundles.ENCRYPTED_NOTE}" for n in r.encrypted]
        return "\n".join(lines)

    emit(args, obj, text)


def list_(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import bundles

    rows = bundles.list_bundles(ctx.ready_database(), text=args.filter, limit=args.limit)
    emit(args, [asdict(b) for b in rows], lambda _: table(
        [(b.id, b.created_at.strftime("%Y-%m-%d %H:%M"), b.ticket, b.username, b.platform, b.file_count,
          _size(b.total_bytes)) for b in rows],
        ["ID", "TAKEN IN", "TICKET", "USER", "PLATFORM", "FILES", "SIZE"]) if rows else "No bundles yet.")


def show(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import bundles

    d = bundles.get_bundle(ctx.ready_database(), args.id)
    obj = {**asdict(d.bundle), "kinds": d.kinds, "files": [asdict(f) for f in d.files]}

    def text(_: Any) -> str:
        b = d.bundle
        head = [f"Bundle {b.id}  ticket {b.ticket or '-'}  user {b.username or '-'}  account {b.account or '-'}  "
                f"platform {b.platform or '-'}", f"Reason: {b.reason or '-'}", ""]
        rows = [(f.id, f.kind, _size(f.size), f.line_count or "", f.path + (f"  [{f.note}]" if f.note else ""))
                for f in d.files]
        return "\n".join(head) + table(rows, ["FILE ID", "KIND", "SIZE", "LINES", "PATH"])

    emit(args, obj, text)


def search(args: argparse.Namespace, ctx: Any) -> None:
    import sys

    from console.services import bundles

    # One more than asked tells whether the limit cut the list short.
    hits = bundles.search(ctx.ready_database(), _store(ctx), args.query, bundle=args.bundle,
                          limit=args.limit + 1 if args.limit >= 1 else args.limit)
    more = len(hits) > args.limit
    hits = hits[:args.limit]
    obj = [{"bundle": h.bundle, "file": h.file, "line": h.line, "timestamp": h.timestamp, "text": h.text}
           for h in hits]
    if more:
        print(f"showing the first {_n(args.limit, 'match', 'matches')}; raise --limit to see more",
              file=sys.stderr)
    emit(args, obj, lambda _: "\n".join(f"{h.bundle}:{h.file}:{h.line}: {h.text}" for h in hits)
         if hits else "No matches.")


def findings(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import bundles

    if args.grouped:
        groups = bundles.bundle_finding_groups(ctx.ready_database(), _store(ctx), args.id)
        emit(args, [asdict(g) for g in groups], lambda _: table(
            [(g.code, g.count, _ts(g.first_ts), _ts(g.last_ts), g.title) for g in groups],
            ["CODE", "COUNT", "FIRST", "LAST", "WHAT"]) if groups else "No known codes.")
        return
    found = bundles.bundle_findings(ctx.ready_database(), _store(ctx), args.id)
    emit(args, [asdict(f) for f in found], lambda _: "\n".join(
        f"{f.file}:{f.line}: [{f.code}] {f.title}: {f.explanation}" for f in found) if found else "No known codes.")


def export(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import bundles

    r = bundles.export_bundle(ctx.ready_database(), _store(ctx), args.id, args.out, sanitized=args.sanitized)
    obj = {"path": r.path, "bundle": r.bundle, "files": r.files, "sanitized": r.sanitized, "counts": r.counts,
           "left_out": list(r.left_out), "replacements": [asdict(x) for x in r.replacements],
           "har": r.har_reports}

    def text(_: Any) -> str:
        lines = [f"Wrote {_n(r.files, 'file')} to {r.path}" + (" (sanitized)" if r.sanitized else "")]
        lines += [f"  {rule}: {n} replaced" for rule, n in r.counts.items()]
        lines += [f"  left out: {x}" for x in r.left_out]
        return "\n".join(lines)

    emit(args, obj, text)


def expand(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import bundles

    r = bundles.expand_nested(ctx.ready_database(), _store(ctx), args.file_id)
    emit(args, {"id": r.id, "files": r.files, "bytes": r.bytes, "kinds": r.kinds, "nested": list(r.nested)},
         lambda _: f"Bundle {r.id}: {_n(r.files, 'more file')}, {_size(r.bytes)}")


def delete(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import bundles

    n = bundles.delete_bundle(ctx.ready_database(), _store(ctx), args.id)
    emit(args, {"id": args.id, "files": n}, lambda _: f"Bundle {args.id} removed ({_n(n, 'file')}).")


def _ts(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value is not None else "-"
