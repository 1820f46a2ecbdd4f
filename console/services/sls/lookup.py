"""Reading clients: search-as-you-type lookup, summaries, limits, sharing checks, return info.

The lookup filters in SQL with prefix ranges on indexed lower-case keys
(``key >= q AND key < q_next``), never ``LIKE '%x%'``, so it stays fast on a million users.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, select
from sqlalchemy.orm import Session

from console.services.db import Database
from console.services.errors import InvalidInput, NotFound
from console.services.sls import return_rules, rules
from console.services.sls.models import Account, Device, DeviceShare, Entity, EntityNameKey, User

MAX_LIMIT = 500


class UnknownClient(NotFound):
    """No user (or account) by that name."""

    title = "Client not found"


@dataclass(frozen=True)
class DeviceSummary:
    serial: str
    type: str
    status: str
    level: int
    holder: str
    shared: bool = False  # held by another user and shared with this one
    assigned: date | None = None
    activated: date | None = None
    expires: date | None = None
    shared_with: tuple[str, ...] = ()

    def facts(self) -> rules.DeviceFacts:
        return rules.DeviceFacts(self.serial, self.type, self.status, self.holder, self.expires)


@dataclass(frozen=True)
class UserSummary:
    username: str
    account: str
    entity_name: str
    entity_id: str
    region: str
    primary: bool
    may_change_security: bool
    opted_out: bool
    devices: list[DeviceSummary] = field(default_factory=list)
    limits: rules.Limits = rules.NO_DEVICE_LIMITS
    #: The entity's country of legal residence (picks the first phone number to give, e.g. Canada).
    residence: str | None = None

    @property
    def held_devices(self) -> list[DeviceSummary]:
        return [d for d in self.devices if not d.shared]


@dataclass(frozen=True)
class UserLimits:
    username: str
    device_type: str | None
    daily_usd: int | None
    five_day_usd: int | None


@dataclass(frozen=True)
class SharingResult:
    eligible: bool
    reasons: list[str]
    device: str | None
    requester: str
    owner: str
    explanations: list[str]
    owner_uses_ib_key: bool


@dataclass(frozen=True)
class PhoneNumber:
    label: str
    number: str


@dataclass(frozen=True)
class DeviceReturnInfo:
    serial: str
    type: str
    status: str
    return_required: bool
    action: str  # a key of return_rules.RETURN_ACTIONS
    address: str
    #: The number to give this client first (their country's line where the region has several).
    phone: str
    phones: list[PhoneNumber]
    local_address: str | None = None
    #: The user holding the device (its owner); for a shared device that is another user.
    holder: str = ""
    #: Held by ``holder`` and only shared with this user: the owner, not this user, would send it back.
    shared: bool = False
    #: Other users who log in with this (held) device.
    shared_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReturnInfo:
    username: str
    region: str
    devices: list[DeviceReturnInfo]
    address: str
    local_address: str | None
    phone: str
    phones: list[PhoneNumber]


def normalise_query(query: str) -> str:
    return " ".join(query.split()).lower()


def prefix_range(prefix: str) -> tuple[str, str]:
    """Bounds so that ``lo <= key < hi`` holds exactly for keys starting with ``prefix`` (byte order)."""
    last = prefix[-1]
    if ord(last) >= 0x10FFFF:
        return prefix, prefix + "\uffff"
    return prefix, prefix[:-1] + chr(ord(last) + 1)


def _range(column: Any) -> ColumnElement[bool]:
    return (column >= bindparam("lo")) & (column < bindparam("hi"))  # type: ignore[no-any-return]


def _searches(by_region: bool) -> tuple[Any, ...]:
    """One statement per searched key; with ``by_region`` each also keeps only accounts of ``:region``,
    so the filter runs in SQL before the limit (a region filter after loading 50 rows would miss matches)."""
    def region(stmt: Any, user_id: Any, joined_account: bool = False) -> Any:
        if not by_region:
            return stmt
        if not joined_account:
            stmt = stmt.join(Account, Account.id == user_id)
        return stmt.where(Account.region == bindparam("region"))

    n: Any = bindparam("n")
    return (
        region(select(User.username), User.account_id).where(_range(User.username_key))
        .order_by(User.username_key).limit(n),
        region(select(User.username).join(Account, User.account_id == Account.id), None, True)
        .where(_range(Account.id_key)).order_by(Account.id_key).limit(n),
        region(select(User.username).join(Entity, User.entity_id == Entity.id), User.account_id)
        .where(_range(Entity.name_key)).order_by(Entity.name_key).limit(n),
        # A later word of the name on its own ("chen" finds "Alice Chen").
        region(select(User.username).join(EntityNameKey, User.entity_id == EntityNameKey.entity_id), User.account_id)
        .where(_range(EntityNameKey.key)).order_by(EntityNameKey.key).limit(n),
        (region(select(Device.holder).join(User, User.username == Device.holder), User.account_id)
         if by_region else select(Device.holder))
        .where(_range(Device.serial_key)).order_by(Device.serial_key).limit(n),
    )


# Built once: statement construction is a large part of a lookup's cost in Python.
_SEARCHES = _searches(False)
_SEARCHES_IN_REGION = _searches(True)
_USERS = (select(User.username, User.account_id, Entity.name, Entity.id, Account.region, User.is_primary,
                 User.may_change_security, Account.sls_opted_out, Entity.residence)
          .join(Account, User.account_id == Account.id).join(Entity, User.entity_id == Entity.id)
          .where(User.username.in_(bindparam("names", expanding=True))))
_DEVICE_COLUMNS = (Device.serial, Device.type, Device.status, Device.holder, Device.assigned, Device.activated,
                   Device.expires)
_HELD = select(*_DEVICE_COLUMNS).where(Device.holder.in_(bindparam("names", expanding=True))).order_by(Device.serial)
_SHARED_IN = (select(DeviceShare.username, *_DEVICE_COLUMNS).join(Device, Device.serial == DeviceShare.serial)
              .where(DeviceShare.username.in_(bindparam("names", expanding=True))).order_by(Device.serial))
_SHARED_OUT = (select(DeviceShare.serial, DeviceShare.username)
               .where(DeviceShare.serial.in_(bindparam("serials", expanding=True))).order_by(DeviceShare.username))


def lookup_users(database: Database, query: str, limit: int = 50, region: str | None = None) -> list[UserSummary]:
    """Users whose username, account id, entity name (or any later word of it) or device serial starts
    with ``query`` (any case); with ``region``, only users of accounts in that region."""
    q = normalise_query(query)
    if not q:
        return []
    if region and region not in rules.REGIONS:
        raise InvalidInput(f"Unknown region {region!r}.", hint=f"Regions: {', '.join(rules.REGIONS)}.")
    limit = max(1, min(int(limit), MAX_LIMIT))
    lo, hi = prefix_range(q)
    params: dict[str, Any] = {"lo": lo, "hi": hi, "n": limit}
    if region:
        params["region"] = region
    found: dict[str, int] = {}
    with database.session() as s:
        conn = s.connection()
        for rank, stmt in enumerate(_SEARCHES_IN_REGION if region else _SEARCHES):
            for (username,) in conn.execute(stmt, params):
                found.setdefault(username, rank)
            if len(found) >= limit and rank == 0:
                break
        ordered = sorted(found, key=lambda u: (found[u], u.lower()))[:limit]
        return _summaries(s, ordered)


def _summaries(s: Session, usernames: Sequence[str], today: date | None = None) -> list[UserSummary]:
    if not usernames:
        return []
    today = today or date.today()
    conn = s.connection()
    names = list(usernames)
    rows = conn.execute(_USERS, {"names": names}).all()
    held: dict[str, list[Any]] = {}
    for row in conn.execute(_HELD, {"names": names}):
        held.setdefault(row.holder, []).append(row)
    shared_in: dict[str, list[Any]] = {}
    for shared_row in conn.execute(_SHARED_IN, {"names": names}):
        shared_in.setdefault(shared_row.username, []).append(shared_row)
    held_serials = [d.serial for devs in held.values() for d in devs]
    shared_out: dict[str, list[str]] = {}
    for start in range(0, len(held_serials), 500):
        for serial, username in conn.execute(_SHARED_OUT, {"serials": held_serials[start:start + 500]}):
            shared_out.setdefault(serial, []).append(username)
    by_name = {}
    for username, account, ename, eid, region, primary, may_change, opted_out, residence in rows:
        devices = [_device(d, False, tuple(shared_out.get(d.serial, ()))) for d in held.get(username, [])]
        devices += [_device(d, True) for d in shared_in.get(username, [])]
        limits = rules.limits_for((d.facts() for d in devices), opted_out=opted_out, today=today)
        by_name[username] = UserSummary(username, account, ename, eid, region, bool(primary), bool(may_change),
                                        bool(opted_out), devices, limits, residence)
    return [by_name[u] for u in usernames if u in by_name]


def _device(d: Any, shared: bool, shared_with: tuple[str, ...] = ()) -> DeviceSummary:
    return DeviceSummary(d.serial, d.type, d.status, rules.security_level(d.type), d.holder, shared,
                         d.assigned, d.activated, d.expires, shared_with)


def _resolve(s: Session, name: str) -> str:
    """The stored username for ``name`` (any case)."""
    key = name.strip().lower()
    if not key:
        raise InvalidInput("Give a username.")
    username = s.scalar(select(User.username).where(User.username_key == key))
    if username is None:
        raise UnknownClient(f"No user named {name.strip()!r}.",
                            hint="Check the spelling, or search for the client by name, account id or device "
                                 "serial.")
    return username


def get_user(database: Database, username: str, today: date | None = None) -> UserSummary:
    with database.session() as s:
        return _summaries(s, [_resolve(s, username)], today)[0]


def get_users(database: Database, usernames: Iterable[str], today: date | None = None) -> list[UserSummary]:
    with database.session() as s:
        return _summaries(s, [_resolve(s, u) for u in usernames], today)


def user_limits(database: Database, username: str, today: date | None = None) -> UserLimits:
    user = get_user(database, username, today)
    return UserLimits(user.username, user.limits.device_type, user.limits.daily_usd, user.limits.five_day_usd)


def account_users(database: Database, account: str) -> list[UserSummary]:
    key = account.strip().lower()
    with database.session() as s:
        names = list(s.scalars(select(User.username).join(Account, User.account_id == Account.id)
                               .where(Account.id_key == key).order_by(User.username_key)))
        if not names:
            raise UnknownClient(f"No account {account.strip()!r} (or it has no users).")
        return _summaries(s, names)


def _participant(s: Session, user: UserSummary) -> rules.Participant:
    e = s.get(Entity, user.entity_id)
    assert e is not None
    identity = rules.Identity(e.date_of_birth, e.citizenship, e.residence, e.id_document_type,
                              e.id_document_number, e.ssn_digest)
    return rules.Participant(user.username, user.entity_id, identity, tuple(d.facts() for d in user.held_devices))


def check_sharing(database: Database, requester: str, owner: str, today: date | None = None) -> SharingResult:
    """Can ``requester`` use ``owner``'s physical device? Every failing condition, explained."""
    today = today or date.today()
    with database.session() as s:
        req_user, own_user = _summaries(s, [_resolve(s, requester), _resolve(s, owner)], today) \
            if requester.strip().lower() != owner.strip().lower() else [get_user(database, requester, today)] * 2
        check = rules.can_share(_participant(s, req_user), _participant(s, own_user), today=today)
    return SharingResult(check.eligible, list(check.reasons), check.device, req_user.username, own_user.username,
                         [rules.explain_share_reason(r, check) for r in check.reasons], check.owner_uses_ib_key)


def return_info(database: Database, username: str) -> ReturnInfo:
    """For each device the user holds or uses: must it come back, and where to send it / whom to call.

    Only an active DSC+ goes back; lost devices, replacements not yet active and devices already
    returned are listed with ``return_required`` false and an ``action`` saying why. A device another
    user shares with this one is listed with action ``shared``: only its holder (the owner) returns it.
    """
    user = get_user(database, username)
    contact = return_rules.return_contact(user.region)
    phones = [PhoneNumber(p.label, p.number) for p in contact.phones_for(user.residence)]
    primary = phones[0].number
    devices = []
    for d in user.devices:
        policy = return_rules.shared_policy() if d.shared else return_rules.return_policy(d.type, d.status)
        devices.append(DeviceReturnInfo(d.serial, d.type, d.status, policy.return_required, policy.action,
                                        contact.address, primary, phones, contact.local_address, d.holder,
                                        d.shared, d.shared_with))
    return ReturnInfo(user.username, user.region, devices, contact.address, contact.local_address, primary, phones)


def count_users(database: Database) -> int:
    with database.session() as s:
        return int(s.scalar(select(func.count()).select_from(User)) or 0)


def has_data(database: Database) -> bool:
    with database.session() as s:
        return s.scalar(select(User.username).limit(1)) is not None
