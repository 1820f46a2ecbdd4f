"""``support-console sls ...``: look up clients, limits, sharing, returns, walkthroughs, import, records."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from console.cli.output import COUNT, ID, add_area, add_verb, emit, read_secret, table
from console.services.errors import InvalidInput


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2025-01-31: {text!r}") from None


def register(sub: Any) -> None:
    verbs = add_area(sub, "sls", "Clients and Secure Login System devices")
    p = add_verb(verbs, "lookup", lookup, "find users by username, account, entity name or device serial (prefix)")
    p.add_argument("query")
    p.add_argument("--limit", type=COUNT, default=50, help="at most this many users (default 50)")
    p.add_argument("--region", choices=("us", "europe", "asia", "australia", "japan"),
                   help="only clients whose account is in this region")
    p = add_verb(verbs, "show", show, "everything about one user: devices, limits, deadlines, warnings")
    p.add_argument("username")
    p = add_verb(verbs, "limits", limits, "withdrawal limits of a user")
    p.add_argument("username")
    p = add_verb(verbs, "can-share", can_share, "may REQUESTER use OWNER's physical device?")
    p.add_argument("requester")
    p.add_argument("owner")
    p = add_verb(verbs, "return-info", return_info, "which devices go back, where, and whom to call")
    p.add_argument("username")
    p = add_verb(verbs, "walkthrough", walkthrough, "numbered steps for a client's situation")
    p.add_argument("username")
    p.add_argument("situation", help="one of: " + ", ".join(_situations()))
    p = add_verb(verbs, "import", import_snapshot, "import a back-office snapshot (JSON); all or nothing")
    p.add_argument("file", type=Path)
    p = add_verb(verbs, "request-replacement", request_replacement, "record a replacement device request")
    p.add_argument("username")
    p.add_argument("--old-serial", help="the device being replaced")
    p.add_argument("--type", default="dsc_plus", help="device type (default dsc_plus)")
    p.add_argument("--date", type=_day, help="request date (default today)")
    p.add_argument("--lost", action="store_true", help="also mark the old device as lost")
    p = add_verb(verbs, "ship-replacement", ship_replacement, "record that a replacement was shipped")
    p.add_argument("request_id", type=ID)
    p.add_argument("serial", help="serial of the shipped device")
    p.add_argument("--date", type=_day, help="ship date (default today)")
    p = add_verb(verbs, "record-return", record_return, "record that the client sent a device back")
    p.add_argument("serial")
    p.add_argument("--date", type=_day, help="date the client shipped it (default today)")
    p = add_verb(verbs, "return-received", return_received, "record that a returned device arrived")
    p.add_argument("serial")
    p.add_argument("--date", type=_day, help="date received (default today)")
    p = add_verb(verbs, "check-pin", check_pin, "check an IB Key recovery PIN against the 4-6 character rule")
    p.add_argument("--pin-file", metavar="FILE",
                   help="file holding the PIN on its first line (- for stdin); without it, a prompt asks for it. "
                        "The PIN itself is never accepted on the command line")


def _situations() -> list[str]:
    from console.services.sls.walkthroughs import SITUATIONS

    return [k for k, _ in SITUATIONS]


def _usd(value: int | None) -> str:
    from console.services.sls.rules import format_usd

    return format_usd(value)


def _limits_dict(limits: Any) -> dict[str, Any]:
    return {"device_type": limits.device_type, "daily_usd": limits.daily_usd, "five_day_usd": limits.five_day_usd}


def lookup(args: argparse.Namespace, ctx: Any) -> int:
    from console.services import sls

    if not args.query.strip():
        raise InvalidInput("Give something to search for: a username, account id, name or serial.")
    users = sls.lookup_users(ctx.ready_database(), args.query, limit=args.limit, region=args.region)
    if not users:
        where = f" in region {args.region}" if args.region else ""
        raise sls.UnknownClient(f"No client matches {args.query.strip()!r}{where}.",
                                hint="Search by the start of a username, account id (U1234567), name or serial.")
    out = [{"username": u.username, "account": u.account, "entity_name": u.entity_name, "region": u.region,
            "devices": [{"serial": d.serial, "type": d.type, "status": d.status, "level": d.level}
                        for d in u.devices],
            "limits": _limits_dict(u.limits)} for u in users]
    emit(args, out, lambda rows: table(
        [(u["username"], u["account"], u["entity_name"], u["region"],
          ", ".join(f"{d['type']}:{d['status']}" for d in u["devices"]) or "-",
          _usd(u["limits"]["daily_usd"])) for u in rows],
        ["USERNAME", "ACCOUNT", "NAME", "REGION", "DEVICES", "DAILY LIMIT"]))
    return 0


def show(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls
    from console.services.sls.rules import days_phrase

    detail = sls.user_detail(ctx.ready_database(), args.username)

    def text(_: Any) -> str:
        u = detail.user
        lines = [f"{u.username}  account {u.account}  {u.entity_name}  region {u.region}"
                 + ("  (SLS opted out)" if u.opted_out else ""),
                 f"Limits: {_usd(u.limits.daily_usd)} a day, {_usd(u.limits.five_day_usd)} over 5 business days"
                 f" ({u.limits.device_type or 'no device'})", ""]
        lines.append(table([(d.serial, d.type, d.status, d.level, d.holder if d.shared else "",
                             d.expires or "") for d in u.devices],
                           ["SERIAL", "TYPE", "STATUS", "LEVEL", "SHARED FROM", "EXPIRES"]))
        lines += [f"Deadline: {dl.text} ({days_phrase(dl.days_left)})" for dl in detail.deadlines]
        lines += [f"Warning: {w}" for w in detail.warnings]
        return "\n".join(lines)

    emit(args, asdict(detail), text)


def limits(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls

    result = sls.user_limits(ctx.ready_database(), args.username)
    emit(args, asdict(result), lambda r: f"{r['username']}: {_usd(r['daily_usd'])} a day, "
                                         f"{_usd(r['five_day_usd'])} over 5 business days "
                                         f"({r['device_type'] or 'no device'})")


def can_share(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls

    r = sls.check_sharing(ctx.ready_database(), args.requester, args.owner)

    def text(_: Any) -> str:
        if r.eligible:
            return f"{r.requester} may share {r.owner}'s device {r.device}."
        return "\n".join([f"{r.requester} may not share {r.owner}'s device:"]
                         + [f"- {code}: {why}" for code, why in zip(r.reasons, r.explanations, strict=True)])

    emit(args, {"eligible": r.eligible, "reasons": r.reasons, "device": r.device}, text)


def return_info(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls
    from console.services.sls.return_rules import RETURN_ACTIONS

    info = sls.return_info(ctx.ready_database(), args.username)
    phones = [{"label": p.label, "number": p.number} for p in info.phones]
    out = [{"serial": d.serial, "type": d.type, "status": d.status, "return_required": d.return_required,
            "action": d.action, "holder": d.holder, "shared": d.shared, "shared_with": list(d.shared_with),
            "address": d.address, "local_address": d.local_address, "phone": d.phone,
            "phones": phones} for d in info.devices]

    def what(d: Any) -> str:
        if d.shared:
            return f"{d.holder}'s device, shared: only {d.holder} (the owner) sends it back"
        text = str(RETURN_ACTIONS.get(d.action, d.action))
        return text + (f" (shared with {', '.join(d.shared_with)})" if d.shared_with else "")

    def text(_: Any) -> str:
        own = [d for d in info.devices if not d.shared]
        lines = [f"{info.username} has no device, neither their own nor a shared one.", ""] if not info.devices else [
            table([(d.serial, d.type, d.status, what(d)) for d in info.devices],
                  ["SERIAL", "TYPE", "STATUS", "WHAT TO DO"]), ""]
        if info.devices and not own:
            lines.insert(0, f"{info.username} holds no device of their own; nothing for them to send back.")
        lines.append(f"Address: {info.address}")
        if info.local_address:
            lines.append(f"Address (Japanese): {info.local_address}")
        lines.append("Phone: " + "; ".join(f"{p.label} {p.number}" for p in info.phones))
        return "\n".join(lines)

    emit(args, out, text)


def walkthrough(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls

    w = sls.walkthrough(ctx.ready_database(), args.username, args.situation)
    emit(args, asdict(w), lambda _: w.text())


def import_snapshot(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls

    r = sls.import_file(ctx.ready_database(), args.file)
    emit(args, asdict(r), f"Imported {r.entities} entities, {r.accounts} accounts, {r.users} users, "
                          f"{r.devices} devices, {r.shares} shares.")


def _replacement_text(r: Any) -> str:
    if r.shipped is None:
        return f"Replacement request {r.id} recorded for {r.username} ({r.device_type}, requested {r.requested})."
    return (f"Replacement {r.id}: {r.new_serial} shipped {r.shipped}; it activates by itself by {r.auto_activates} "
            "at the latest.")


def request_replacement(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls

    r = sls.request_replacement(ctx.ready_database(), args.username, device_type=args.type,
                                old_serial=args.old_serial, requested=args.date, mark_old_lost=args.lost)
    emit(args, asdict(r), _replacement_text(r))


def ship_replacement(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls

    r = sls.record_shipment(ctx.ready_database(), args.request_id, args.serial, shipped=args.date)
    emit(args, asdict(r), _replacement_text(r))


def _return_text(r: Any) -> str:
    if r.received is None:
        return (f"Return of {r.serial} recorded (shipped {r.shipped}); expect it between {r.expected_from} and "
                f"{r.expected_by}. The deposit stays held until then.")
    return f"{r.serial} received on {r.received}; the deposit can be released."


def record_return(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls

    r = sls.record_return(ctx.ready_database(), args.serial, shipped=args.date)
    emit(args, asdict(r), _return_text(r))


def return_received(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls

    r = sls.record_return_received(ctx.ready_database(), args.serial, received=args.date)
    emit(args, asdict(r), _return_text(r))


def check_pin(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import sls

    pin = read_secret(args.pin_file, prompt="Recovery PIN: ", what="PIN", option="--pin-file")
    sls.validate_recovery_pin(pin)
    emit(args, {"valid": True}, "The recovery PIN is acceptable.")
