"""Everything the detail pane shows about one user: devices, limits, deadlines with days left, warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from console.services.db import Database
from console.services.sls import rules
from console.services.sls.lookup import UserSummary, account_users, get_user
from console.services.sls.records import ReplacementInfo, ReturnRecord, replacements_for, returns_for


@dataclass(frozen=True)
class Deadline:
    kind: str  # online_card_expiry, temporary_expiry, auto_activation, return_receipt
    serial: str
    day: date
    days_left: int
    text: str


@dataclass(frozen=True)
class UserDetail:
    user: UserSummary
    today: date
    replacements: list[ReplacementInfo]
    returns: list[ReturnRecord]
    deadlines: list[Deadline]
    warnings: list[str]
    #: Users of the same account who may change its security settings.
    security_admins: list[str]
    #: Replacements recorded for the owners of devices shared with this user (an owner re-orders a
    #: shared device that was lost, not the user it is shared with).
    owner_replacements: list[ReplacementInfo] = field(default_factory=list)


def _deadlines(user: UserSummary, replacements: list[ReplacementInfo], returns: list[ReturnRecord],
               today: date) -> list[Deadline]:
    out: list[Deadline] = []
    for d in user.held_devices:
        if d.type in rules.TEMPORARY and d.expires is not None and d.status == "active":
            label = rules.DEVICE_LABELS[d.type]
            out.append(Deadline("online_card_expiry" if d.type == "online_security_code_card" else
                                "temporary_expiry", d.serial, d.expires, rules.days_left(d.expires, today),
                                f"{label} {d.serial} works through {d.expires:%Y-%m-%d}"))
    for r in replacements:
        if r.auto_activates is not None and r.new_serial and any(
                d.serial == r.new_serial and d.status == "pending_activation" for d in user.held_devices):
            out.append(Deadline("auto_activation", r.new_serial, r.auto_activates,
                                rules.days_left(r.auto_activates, today),
                                f"Replacement {r.new_serial} activates by itself by {r.auto_activates:%Y-%m-%d} "
                                "at the latest"))
    for ret in returns:
        if ret.received is None:
            out.append(Deadline("return_receipt", ret.serial, ret.expected_by, rules.days_left(ret.expected_by, today),
                                f"Returned {ret.serial} should show as received between "
                                f"{ret.expected_from:%Y-%m-%d} and {ret.expected_by:%Y-%m-%d}"))
    return sorted(out, key=lambda x: x.day)


def _warnings(user: UserSummary, replacements: list[ReplacementInfo], returns: list[ReturnRecord],
              deadlines: list[Deadline], today: date) -> list[str]:
    out: list[str] = []
    if user.opted_out:
        out.append("The account has opted out of the Secure Login System: restrictions apply (for example no "
                   "Pink Sheet or OTCBB trading) and withdrawals are capped at the no-device limits.")
    for dl in deadlines:
        if dl.kind in ("online_card_expiry", "temporary_expiry"):
            if dl.days_left < 0:
                out.append(f"Temporary device {dl.serial} no longer works: its last day was {dl.day:%Y-%m-%d}.")
            elif dl.days_left == 0:
                out.append(f"Temporary device {dl.serial} works today only (last day {dl.day:%Y-%m-%d}).")
            elif dl.days_left == 1:
                out.append(f"Temporary device {dl.serial} works through tomorrow ({dl.day:%Y-%m-%d}) and then "
                           "stops.")
            elif dl.days_left <= rules.EXPIRY_WARNING_DAYS:
                out.append(f"Temporary device {dl.serial} works for {rules.plural(dl.days_left, 'more day')}, "
                           f"through {dl.day:%Y-%m-%d}.")
        elif dl.kind == "auto_activation":
            when = (rules.days_phrase(dl.days_left) if dl.days_left >= 0
                    else "that day has passed, so it should already work")
            out.append(f"Replacement {dl.serial} activates by itself by {dl.day:%Y-%m-%d} at the latest "
                       f"({when}); the client can also activate it on arrival.")
    for r in replacements:
        if r.shipped is None:
            out.append(f"A replacement {rules.DEVICE_LABELS[r.device_type]} was requested on "
                       f"{r.requested:%Y-%m-%d} and has not shipped yet.")
    for ret in returns:
        if ret.received is None:
            out.append(f"The ${rules.DEVICE_DEPOSIT_USD} deposit stays held until returned device {ret.serial} "
                       f"arrives (expected {ret.expected_from:%Y-%m-%d} to {ret.expected_by:%Y-%m-%d}).")
    for d in user.held_devices:
        if d.status != "lost":
            continue
        if rules.deposit_state(d.type, d.status) == "forfeited":
            out.append(f"The ${rules.DEVICE_DEPOSIT_USD} deposit on lost device {d.serial} is kept to cover the "
                       "hardware; it will not be released.")
        if any(r.old_serial == d.serial for r in replacements):
            continue
        if d.type == "security_code_card":
            out.append(f"Security code card {d.serial} is marked lost; IB Key in the IBKR Mobile app is the "
                       "suggested replacement (see the IB Key activation walkthrough).")
        elif d.type in rules.PHYSICAL:
            out.append(f"Device {d.serial} is marked lost and no replacement has been requested.")
    for d in user.devices:
        if d.shared and d.status == "lost":
            out.append(f"Device {d.serial}, which {user.username} uses through sharing, is marked lost: it is "
                       f"{d.holder}'s device, so the replacement is ordered from {d.holder}'s login.")
    if not user.may_change_security:
        out.append("This user may not change security settings: the primary user of the account has to do it.")
    return out


def user_detail(database: Database, username: str, today: date | None = None) -> UserDetail:
    today = today or date.today()
    user = get_user(database, username, today)
    replacements = replacements_for(database, user.username)
    returns = returns_for(database, user.username)
    deadlines = _deadlines(user, replacements, returns, today)
    admins = [u.username for u in account_users(database, user.account) if u.may_change_security]
    owners = sorted({d.holder for d in user.devices if d.shared})
    owner_replacements = [r for owner in owners for r in replacements_for(database, owner)]
    return UserDetail(user, today, replacements, returns, deadlines,
                      _warnings(user, replacements, returns, deadlines, today), admins, owner_replacements)
