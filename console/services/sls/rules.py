"""Secure Login System rules as pure functions: limits, sharing, deadlines, deposit, recovery PIN.

Every fact here comes from the knowledge-base articles on the Secure Login System (withdrawal
limit table, device sharing conditions, online security code card, DSC+ replacement and its
deposit, IB Key). Returns (what goes back, addresses, phones) live in :mod:`.return_rules`.
Nothing in this module touches the database, so each rule is unit-tested case by case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from console.services.errors import InvalidInput

# ---------------------------------------------------------------------- vocabulary
DEVICE_TYPES = ("sms", "ib_key", "security_code_card", "digital_security_card", "dsc_plus", "platinum_card",
                "gold_card", "temporary_code", "online_security_code_card")
#: Physical devices, most secure first (the KB's security level table).
PHYSICAL_ORDER = ("dsc_plus", "platinum_card", "gold_card", "digital_security_card", "security_code_card")
PHYSICAL = frozenset(PHYSICAL_ORDER)
TEMPORARY = frozenset({"temporary_code", "online_security_code_card"})
PERMANENT = frozenset(DEVICE_TYPES) - TEMPORARY
STATUSES = ("active", "pending_activation", "lost", "returned", "expired")
REGIONS = ("us", "europe", "asia", "australia", "japan")

DEVICE_LABELS = {
    "sms": "SMS", "ib_key": "IB Key (IBKR Mobile)", "security_code_card": "Security Code Card",
    "digital_security_card": "Digital Security Card", "dsc_plus": "Digital Security Card+ (DSC+)",
    "platinum_card": "Platinum card", "gold_card": "Gold card", "temporary_code": "Temporary code",
    "online_security_code_card": "Online Security Code Card",
}
REGION_LABELS = {"us": "US / Canada", "europe": "Europe", "asia": "Asia", "australia": "Australia",
                 "japan": "Japan"}

ONLINE_CARD_VALID_DAYS = 21
REPLACEMENT_AUTO_ACTIVATION_DAYS = 21  # three weeks after the ship date
RETURN_RECEIPT_BUSINESS_DAYS = (3, 5)
DEVICE_DEPOSIT_USD = 20
EXPIRY_WARNING_DAYS = 3


def security_level(device_type: str) -> int:
    """5 for DSC+ down to 1 for the security code card; 0 for anything that is not a physical device."""
    if device_type in PHYSICAL:
        return len(PHYSICAL_ORDER) - PHYSICAL_ORDER.index(device_type)
    return 0


@dataclass(frozen=True)
class DeviceFacts:
    """What the rules need to know about one device."""

    serial: str
    type: str
    status: str
    holder: str = ""
    expires: date | None = None


def is_active(device: DeviceFacts, today: date) -> bool:
    """Active and, for temporary devices, not past their expiry date."""
    if device.status != "active":
        return False
    return device.expires is None or device.expires >= today


# ---------------------------------------------------------------------- withdrawal limits
@dataclass(frozen=True)
class Limits:
    """Withdrawal limits in USD; ``None`` means unlimited. ``device_type`` None is the "no device" row."""

    device_type: str | None
    daily_usd: int | None
    five_day_usd: int | None


NO_DEVICE_LIMITS = Limits(None, 50_000, 100_000)
LIMITS_BY_TYPE: dict[str, Limits] = {
    "sms": Limits("sms", 200_000, 600_000),
    "ib_key": Limits("ib_key", 1_000_000, 1_000_000),
    "security_code_card": Limits("security_code_card", 200_000, 600_000),
    "digital_security_card": Limits("digital_security_card", 1_000_000, 1_500_000),
    "dsc_plus": Limits("dsc_plus", None, None),
    "platinum_card": Limits("platinum_card", None, None),
    "gold_card": Limits("gold_card", None, None),
}


def _permissiveness(limits: Limits) -> tuple[float, float, int]:
    daily = float("inf") if limits.daily_usd is None else float(limits.daily_usd)
    five = float("inf") if limits.five_day_usd is None else float(limits.five_day_usd)
    # Equal limits (SMS and the security code card): prefer the more secure device.
    return daily, five, security_level(limits.device_type or "")


def limits_for(devices: Iterable[DeviceFacts], *, opted_out: bool, today: date) -> Limits:
    """The limits of the most permissive active permanent device; the "no device" row otherwise."""
    if opted_out:
        return NO_DEVICE_LIMITS
    candidates = [LIMITS_BY_TYPE[d.type] for d in devices if d.type in LIMITS_BY_TYPE and is_active(d, today)]
    if not candidates:
        return NO_DEVICE_LIMITS
    return max(candidates, key=_permissiveness)


def raises_limits(current: Limits, device_type: str) -> bool:
    """Would ``device_type`` give higher limits than ``current`` (on either the daily or 5-day figure)?"""
    new = LIMITS_BY_TYPE.get(device_type)
    if new is None:
        return False
    cur_daily, cur_five, _ = _permissiveness(current)
    new_daily, new_five, _ = _permissiveness(new)
    return (new_daily, new_five) != (cur_daily, cur_five) and new_daily >= cur_daily and new_five >= cur_five


def format_usd(amount: int | None) -> str:
    if amount is None:
        return "unlimited"
    if amount >= 1_000_000:
        text = f"{amount / 1_000_000:g}M"
    elif amount >= 1_000:
        text = f"{amount / 1_000:g}K"
    else:
        text = str(amount)
    return f"{text} USD"


# ---------------------------------------------------------------------- sharing
@dataclass(frozen=True)
class Identity:
    """Identification data compared when two users belong to different entities."""

    date_of_birth: date | None = None
    citizenship: str | None = None
    residence: str | None = None
    id_document_type: str | None = None
    id_document_number: str | None = None
    ssn_digest: str | None = None


@dataclass(frozen=True)
class Participant:
    """A user taking part in a sharing request, with the devices they hold themselves."""

    username: str
    entity_id: str
    identity: Identity
    devices: tuple[DeviceFacts, ...] = ()


@dataclass(frozen=True)
class ShareCheck:
    eligible: bool
    reasons: tuple[str, ...]
    device: str | None
    owner_uses_ib_key: bool = False
    #: Users (requester first) holding an active temporary device, with its serials: ``temporary_device``.
    temporary_holders: tuple[tuple[str, tuple[str, ...]], ...] = ()
    requester: str = ""
    owner: str = ""


SHARE_REASONS = ("same_user", "identity_mismatch", "temporary_device", "less_secure_device", "no_physical_device")


def _norm(value: str | None) -> str:
    return "".join((value or "").split()).upper()


def same_identity(a: Identity, b: Identity) -> bool:
    """Date of birth, citizenship and residence agree, and so do the SSN (US persons) or the ID document."""
    if a.date_of_birth is None or a.date_of_birth != b.date_of_birth:
        return False
    if not _norm(a.citizenship) or _norm(a.citizenship) != _norm(b.citizenship):
        return False
    if not _norm(a.residence) or _norm(a.residence) != _norm(b.residence):
        return False
    if a.ssn_digest and b.ssn_digest:
        return a.ssn_digest == b.ssn_digest
    doc_a = (_norm(a.id_document_type), _norm(a.id_document_number))
    doc_b = (_norm(b.id_document_type), _norm(b.id_document_number))
    return all(doc_a) and doc_a == doc_b


def best_physical(devices: Iterable[DeviceFacts], today: date) -> DeviceFacts | None:
    """The most secure active physical device in ``devices`` (ties: the first serial)."""
    physical = [d for d in devices if d.type in PHYSICAL and is_active(d, today)]
    if not physical:
        return None
    return max(physical, key=lambda d: (security_level(d.type), _reverse_key(d.serial)))


def _reverse_key(serial: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in serial)


def temporary_serials(devices: Iterable[DeviceFacts], today: date) -> tuple[str, ...]:
    """Serials of the active temporary devices (temporary code, online card) among ``devices``."""
    return tuple(d.serial for d in devices if d.type in TEMPORARY and is_active(d, today))


def can_share(requester: Participant, owner: Participant, *, today: date) -> ShareCheck:
    """May ``requester`` use ``owner``'s physical device? Every failing condition is reported."""
    reasons: list[str] = []
    if requester.username.lower() == owner.username.lower():
        reasons.append("same_user")
    if requester.entity_id != owner.entity_id and not same_identity(requester.identity, owner.identity):
        reasons.append("identity_mismatch")
    participants = (requester,) if "same_user" in reasons else (requester, owner)
    holders = tuple((p.username, serials) for p in participants
                    if (serials := temporary_serials(p.devices, today)))
    if holders:
        reasons.append("temporary_device")
    owner_best = best_physical(owner.devices, today)
    requester_best = best_physical(requester.devices, today)
    if owner_best is not None and requester_best is not None and \
            security_level(requester_best.type) > security_level(owner_best.type):
        reasons.append("less_secure_device")
    owner_ib_key = any(d.type == "ib_key" and is_active(d, today) for d in owner.devices)
    if owner_best is None:
        reasons.append("no_physical_device")
    eligible = not reasons
    return ShareCheck(eligible, tuple(reasons), owner_best.serial if eligible and owner_best else None,
                      owner_uses_ib_key=owner_ib_key and owner_best is None, temporary_holders=holders,
                      requester=requester.username, owner=owner.username)


def _temporary_text(check: ShareCheck | None) -> str:
    """Names who holds the temporary device(s) that block sharing, e.g. "grace_lee (TMP-300004)"."""
    holders = check.temporary_holders if check is not None else ()
    if not holders:
        return ("One of the users currently has a temporary device (temporary code or online security code "
                "card). Sharing is possible once that is no longer in use.")
    named = [f"{user} ({', '.join(serials)})" for user, serials in holders]
    who = named[0] if len(named) == 1 else " and ".join(named)
    verb = "has an active temporary device" if len(named) == 1 else "both have an active temporary device"
    return (f"{who} {verb} (temporary code or online security code card). Neither user may have one while "
            "sharing is set up: try again once it is no longer in use.")


def explain_share_reason(code: str, check: ShareCheck | None = None) -> str:
    """One sentence an agent can read to the client about a failing sharing condition."""
    owner = f"The owner ({check.owner})" if check is not None and check.owner else "The owner"
    requester = f"The requester ({check.requester})" if check is not None and check.requester else "The requester"
    if code == "no_physical_device" and check is not None and check.owner_uses_ib_key:
        return (f"{owner} has no active physical device to share but uses IB Key: extra users are added from the "
                "IBKR Mobile app itself (Authenticate, then Add user), so no sharing request is needed.")
    texts = {
        "same_user": "Requester and owner are the same user; pick the other username that should use the device.",
        "identity_mismatch": ("The two users belong to different entities whose identification data (date of "
                              "birth, citizenship, residence, ID document or SSN) do not match. If it is the "
                              "same person, outdated documents on file may be the cause: Client Services can "
                              "correct them."),
        "temporary_device": _temporary_text(check),
        "less_secure_device": (f"{requester} holds a more secure device than the owner's. Share the most "
                               "secure device instead: swap requester and owner."),
        "no_physical_device": f"{owner} has no active physical device that could be shared.",
    }
    return texts.get(code, code)


# ---------------------------------------------------------------------- deadlines
def online_card_expiry(activated: date) -> date:
    """The last day an online security code card works.

    The card gives 21 days of access counting the activation day itself, so a card activated on
    the 1st still works on the 21st and not on the 22nd. ``expires`` columns hold this last valid
    day (for every temporary device), and :func:`is_active` treats ``expires >= today`` as active.
    """
    return activated + timedelta(days=ONLINE_CARD_VALID_DAYS - 1)


def replacement_auto_activation(shipped: date) -> date:
    """The latest day a shipped replacement DSC+ activates itself: three weeks after its ship date.

    The knowledge base says "within" three weeks, so the device may activate earlier; texts say
    "by <date> at the latest", never "on <date>".
    """
    return shipped + timedelta(days=REPLACEMENT_AUTO_ACTIVATION_DAYS)


def add_business_days(start: date, days: int) -> date:
    """``start`` plus ``days`` working days (Monday to Friday; public holidays are not known here)."""
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def return_receipt_window(shipped: date) -> tuple[date, date]:
    """When a returned device should show as received: 3 to 5 business days after shipping."""
    low, high = RETURN_RECEIPT_BUSINESS_DAYS
    return add_business_days(shipped, low), add_business_days(shipped, high)


def days_left(until: date, today: date) -> int:
    return (until - today).days


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 day`` / ``3 days`` (English; ``many`` defaults to ``one`` + "s")."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def days_phrase(days: int) -> str:
    """How far a day is from today in words: "today", "tomorrow", "in 3 days", "yesterday", "2 days ago"."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {plural(days, 'day')}" if days > 0 else f"{plural(-days, 'day')} ago"


# ---------------------------------------------------------------------- device deposit
#: Why a device did not come back that keeps its deposit for good (to cover the lost hardware).
DEPOSIT_FORFEIT_REASONS = ("lost", "stolen", "intentionally_damaged", "not_returned_at_closure")
#: Device types whose ordering holds the $20 deposit (the physical device ordered from the portal).
DEPOSIT_TYPES = frozenset({"dsc_plus"})


def deposit_held(received: date | None) -> bool:
    """A device that was sent back keeps its $20 deposit held until the device has been received."""
    return received is None


def deposit_forfeited(reason: str) -> bool:
    """Is the $20 deposit kept for good? Yes when the device was lost, stolen, damaged on purpose or
    not sent back when the account closed; an accidentally damaged device that is returned gets it back."""
    return reason in DEPOSIT_FORFEIT_REASONS


def deposit_state(device_type: str, status: str, received: date | None = None) -> str:
    """What happens to a device's deposit: ``none`` (no deposit for that type), ``held`` (device still in
    use, or sent back and not yet received), ``released`` (received back) or ``forfeited`` (lost)."""
    if device_type not in DEPOSIT_TYPES:
        return "none"
    if status == "lost":
        return "forfeited"
    if status == "returned":
        return "held" if received is None else "released"
    return "held"


# ---------------------------------------------------------------------- IB Key recovery PIN
RECOVERY_PIN_MIN, RECOVERY_PIN_MAX = 4, 6


def _pin_char_ok(c: str) -> bool:
    """A letter (any alphabet, accents included), a digit, or a special character.

    The knowledge base allows "letters, numbers and special characters" and says nothing more, so
    we add no alphabet restriction. Our one reading: whitespace and invisible control characters
    are not "special characters", so a space is refused (it is also easy to type by mistake).
    """
    return c.isprintable() and not c.isspace()


def recovery_pin_problems(pin: str) -> list[str]:
    """Why ``pin`` is not a valid IB Key recovery PIN: ``too_short``, ``too_long``, ``bad_characters``."""
    problems: list[str] = []
    if len(pin) < RECOVERY_PIN_MIN:
        problems.append("too_short")
    if len(pin) > RECOVERY_PIN_MAX:
        problems.append("too_long")
    if not all(_pin_char_ok(c) for c in pin):
        problems.append("bad_characters")
    return problems


def validate_recovery_pin(pin: str) -> None:
    """Raise :class:`InvalidInput` unless ``pin`` has 4 to 6 letters, digits or special characters."""
    problems = recovery_pin_problems(pin)
    if problems:
        raise InvalidInput(
            f"The recovery PIN is not valid: use {RECOVERY_PIN_MIN} to {RECOVERY_PIN_MAX} characters made of "
            "letters, digits and special characters (spaces do not count as special characters).",
            hint=f"Found {plural(len(pin), 'character')}; problems: "
                 f"{', '.join(p.replace('_', ' ') for p in problems)}.")
