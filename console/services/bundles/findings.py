"""Known platform message codes found in log lines, each with a short explanation for the engineer.

The codes are the platform's (and its API's) numbered notices: connectivity to the broker's
servers (1100-1102, 1300, 2110), data farm connections (2103-2108, 2157, 2158), API sockets
(326, 501-504) and market data permissions (354, 10167, 10197). The explanations are ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from console.services.bundles.logs import LogLine


@dataclass(frozen=True)
class Code:
    code: int
    severity: str  # "error", "warning" or "info"
    title: str
    explanation: str


@dataclass(frozen=True)
class Finding:
    code: int
    severity: str
    title: str
    explanation: str
    file: str
    file_id: int | None
    line: int
    timestamp: datetime | None
    text: str


@dataclass(frozen=True)
class FindingGroup:
    """Every occurrence of one code in a bundle, folded into one row."""

    code: int
    severity: str
    title: str
    explanation: str
    count: int
    first_ts: datetime | None
    last_ts: datetime | None
    #: The earliest occurrence (the one to open), and the files the code appears in.
    first: Finding
    files: tuple[str, ...]


def group_findings(found: list[Finding]) -> list[FindingGroup]:
    """Fold findings by code; the result is in order of first appearance in time (untimed last)."""
    by_code: dict[int, list[Finding]] = {}
    for f in found:
        by_code.setdefault(f.code, []).append(f)
    groups = []
    for code, items in by_code.items():
        stamped = [f.timestamp for f in items if f.timestamp is not None]
        first = min(items, key=lambda f: (f.timestamp is None, f.timestamp or datetime.min, f.file, f.line))
        files = tuple(dict.fromkeys(f.file for f in items))
        c = CODES[code]
        groups.append(FindingGroup(code, c.severity, c.title, c.explanation, len(items),
                                   min(stamped, default=None), max(stamped, default=None), first, files))
    groups.sort(key=lambda g: (g.first_ts is None, g.first_ts or datetime.min, g.code))
    return groups


_C = Code
CODES: dict[int, Code] = {c.code: c for c in (
    _C(1100, "error", "Lost connection to the broker's servers",
       "The platform could no longer reach the broker. Orders and data stop until it reconnects; "
       "look at the client's network, VPN, proxy or firewall around this time."),
    _C(1101, "warning", "Reconnected, market data lost",
       "The connection came back but subscriptions were dropped; API programs must request their "
       "market data again. Screens in the platform refresh on their own."),
    _C(1102, "info", "Reconnected, market data kept",
       "The connection came back and subscriptions survived. Only the gap since the matching 1100 matters."),
    _C(1300, "warning", "API socket port changed",
       "The platform's API port was reset; API programs must reconnect on the new port."),
    _C(2103, "warning", "Market data farm disconnected",
       "One of the servers that streams prices was unreachable; quotes may freeze for the symbols it serves. "
       "Usually recovers by itself (look for a 2104)."),
    _C(2104, "info", "Market data farm connected",
       "A price server connection is up. Routine at login; after a 2103 it marks the recovery."),
    _C(2105, "warning", "Historical data farm disconnected",
       "The chart/history server was unreachable; charts and historical requests may fail until a 2106."),
    _C(2106, "info", "Historical data farm connected",
       "The chart/history server connection is up. Routine at login."),
    _C(2107, "info", "Historical data farm idle",
       "No open connection to the history server, but it will connect when needed. Not a fault."),
    _C(2108, "info", "Market data farm idle",
       "No open connection to this price server, but it will connect when needed. Not a fault."),
    _C(2110, "error", "Platform to server link broken",
       "The platform lost its link to the broker's servers; it normally restores it without help."),
    _C(2157, "warning", "Contract definition farm disconnected",
       "The server that describes instruments was unreachable; looking up symbols and contract details may fail."),
    _C(2158, "info", "Contract definition farm connected",
       "The instrument definition server connection is up. Routine at login."),
    _C(326, "error", "API client id already in use",
       "Another API program is connected with the same client id; give each program its own id."),
    _C(354, "warning", "No market data subscription",
       "The client asked for prices they have no subscription for; check their market data permissions."),
    _C(501, "warning", "API already connected",
       "The API program tried to connect twice; a program bug rather than a platform fault."),
    _C(502, "error", "API could not connect",
       "An API program could not reach the platform: the API is not enabled, the port is wrong, "
       "or the platform is not running or not logged in."),
    _C(503, "error", "Platform too old for the API program",
       "The API program needs a newer platform version; the client should upgrade."),
    _C(504, "error", "API not connected",
       "A request was sent while the API program was not connected to the platform."),
    _C(10167, "info", "Delayed market data shown",
       "Live prices are not subscribed, so the platform shows delayed quotes instead."),
    _C(10197, "warning", "Competing live session",
       "Market data goes to another session logged in with the same username (often a phone or a second "
       "computer); the client should log out elsewhere or use a second username."),
)}

# "errorCode=2104", "code: 1100", "Error 502", "id=-1, errorCode=2104, errorMsg=...", "[1100]".
_CODE = re.compile(r"(?:error\s*code|errorcode|err\s*code|\bcode|\berror|\bwarning|\bmsg)\s*[:=#]?\s*(\d{3,5})\b"
                   r"|\[(\d{3,5})\]", re.IGNORECASE)
_PHRASES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"connectivity between .{0,40}(?:has been|is) (?:lost|broken)", re.I), 1100),
    (re.compile(r"connectivity .{0,60}restored.{0,20}data lost", re.I), 1101),
    (re.compile(r"connectivity .{0,60}restored.{0,20}data maintained", re.I), 1102),
    (re.compile(r"market data farm connection is broken", re.I), 2103),
    (re.compile(r"market data farm connection is ok", re.I), 2104),
    (re.compile(r"hmds data farm connection is broken", re.I), 2105),
    (re.compile(r"hmds data farm connection is ok", re.I), 2106),
    (re.compile(r"sec-def data farm connection is broken", re.I), 2157),
    (re.compile(r"sec-def data farm connection is ok", re.I), 2158),
)
_QUICK = re.compile(r"\d{3}|connectivity|farm", re.I)


def code_in(text: str) -> int | None:
    """The known message code a line mentions, if any."""
    if not _QUICK.search(text):
        return None
    for m in _CODE.finditer(text):
        value = int(m.group(1) or m.group(2))
        if value in CODES:
            return value
    for pattern, code in _PHRASES:
        if pattern.search(text):
            return code
    return None


def finding_for(line: LogLine, file: str, file_id: int | None = None) -> Finding | None:
    code = code_in(line.text)
    if code is None:
        return None
    c = CODES[code]
    return Finding(code, c.severity, c.title, c.explanation, file, file_id, line.number, line.timestamp,
                   line.text[:500])
