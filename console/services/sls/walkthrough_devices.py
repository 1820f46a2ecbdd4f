"""Walkthroughs about a device itself: lost or damaged, temporarily out of reach, sent back.

Each builder returns ``(steps, notes)`` tailored to the client's recorded state: a device already
marked lost, a temporary card still running, a replacement requested or on its way, another device
that still works, their region's numbers and address. The wording is ours; the facts (online card
21 days, phone-only temporary access, DSC+ ordering and its $20 deposit, which devices go back)
come from the knowledge base.
"""

from __future__ import annotations

from datetime import date

from console.services.sls import return_rules, rules
from console.services.sls.details import UserDetail
from console.services.sls.lookup import DeviceSummary

#: Hardware that is replaced by ordering a new DSC+ from the Secure Login System page.
_HARDWARE = rules.PHYSICAL - {"security_code_card"}

Steps = tuple[list[str], list[str]]


def phones(detail: UserDetail) -> str:
    return return_rules.phone_list(detail.user.region, detail.user.residence)


def _label(d: DeviceSummary) -> str:
    # "DSC-1 (DSC+)" rather than the full label, which has parentheses of its own.
    name = "DSC+" if d.type == "dsc_plus" else rules.DEVICE_LABELS.get(d.type, d.type)
    return f"{d.serial} ({name})"


def call_for_access(detail: UserDetail) -> str:
    region = return_rules.region_label(detail.user.region)
    return ("Phone Client Services and ask for temporary access to the account. This is only done by phone, "
            f"and they first check that the caller is the account holder. Numbers for {region}: "
            f"{phones(detail)}.")


def online_card_steps(detail: UserDetail) -> list[str]:
    last = rules.online_card_expiry(detail.today)
    return [
        "Go to ibkr.com in a browser and choose Log In.",
        "Open the Secure Login System page of the Client Portal and pick the online security code card option "
        "(in the older Account Management the path is Manage Account, Security, Secure Login System, "
        "Secure Device).",
        "When the card appears on screen, print it and make sure every code on the printout is readable, "
        "then continue.",
        "The activation screen asks for two index numbers: look each one up on the printed card and type the "
        "two three-digit codes one after the other, with no space between them.",
        "The confirmation screen states the card's expiry date; confirm it to finish. The card gives "
        f"{rules.ONLINE_CARD_VALID_DAYS} days of access counting the activation day: if activated today, it "
        f"works through {last:%Y-%m-%d}.",
    ]


def _order_dsc_plus_steps() -> list[str]:
    return [
        "In the Secure Login System page of the Client Portal, choose Request physical device to order a "
        "replacement DSC+.",
        "Choose a four-digit soft PIN for the new DSC+ and keep it safe: it is needed to activate and use the "
        f"device. The device and its shipping are free, but a ${rules.DEVICE_DEPOSIT_USD} deposit is held "
        "(the client may pick which account it is taken from).",
        "Check the summary (use the page's own Back button to change something, not the browser's), submit, "
        "and note the estimated ship date shown on the confirmation.",
        f"The new DSC+ activates by itself no later than {rules.REPLACEMENT_AUTO_ACTIVATION_DAYS // 7} weeks "
        "after it ships; IBKR sends a reminder shortly before.",
    ]


def _active_temporary(detail: UserDetail) -> list[DeviceSummary]:
    return [d for d in detail.user.held_devices
            if d.type in rules.TEMPORARY and rules.is_active(d.facts(), detail.today)]


def _open_replacement(detail: UserDetail) -> tuple[str, str | None]:
    """("shipped", text) / ("requested", text) for a replacement still in flight, else ("", None)."""
    pending = {d.serial for d in detail.user.held_devices if d.status == "pending_activation"}
    for r in detail.replacements:
        if r.shipped is not None and r.new_serial in pending and r.auto_activates is not None:
            return "shipped", (
                f"Replacement {r.new_serial} already shipped on {r.shipped:%Y-%m-%d}: do not order another one. "
                f"It activates by itself by {r.auto_activates:%Y-%m-%d} at the latest (IBKR sends a reminder "
                "shortly before); the client can also activate it on arrival with the PIN chosen when ordering.")
    for r in detail.replacements:
        if r.shipped is None:
            return "requested", (
                f"A replacement {rules.DEVICE_LABELS.get(r.device_type, r.device_type)} was requested on "
                f"{r.requested:%Y-%m-%d} and has not shipped yet: do not order another one. It activates by itself "
                f"no later than {rules.REPLACEMENT_AUTO_ACTIVATION_DAYS // 7} weeks after it ships.")
    return "", None


def _targets(detail: UserDetail) -> list[DeviceSummary]:
    """The device(s) the call is about: those recorded lost, else the user's best working device.

    Devices shared with the user by another user count: someone who logs in with a shared DSC+ is
    calling about that device (it belongs to its holder, the owner)."""
    usable = detail.user.devices
    lost = [d for d in usable if d.status == "lost"]
    if lost:
        return lost
    working = [d for d in usable if d.type in rules.PERMANENT and rules.is_active(d.facts(), detail.today)]
    best = rules.best_physical((d.facts() for d in working), detail.today)
    if best is not None:
        return [d for d in working if d.serial == best.serial]
    for kind in ("ib_key", "sms"):
        found = [d for d in working if d.type == kind]
        if found:
            return found[:1]
    return []


def _owned_label(d: DeviceSummary) -> str:
    return f"{_label(d)}, {d.holder}'s device" if d.shared else _label(d)


def _owner_replacement(detail: UserDetail, d: DeviceSummary) -> str | None:
    """A replacement the owner of shared device ``d`` already asked for, in words, or None."""
    for r in detail.owner_replacements:
        if r.old_serial != d.serial:
            continue
        if r.shipped is not None and r.auto_activates is not None:
            return (f"{d.holder} already has a replacement on its way ({r.new_serial}, shipped on "
                    f"{r.shipped:%Y-%m-%d}): do not order another one. It activates by itself by "
                    f"{r.auto_activates:%Y-%m-%d} at the latest.")
        return (f"{d.holder} already asked for a replacement on {r.requested:%Y-%m-%d} and it has not shipped yet: "
                "do not order another one.")
    return None


def _shared_intro(detail: UserDetail, d: DeviceSummary) -> str:
    user, owner = detail.user.username, d.holder
    return (f"{_label(d)} belongs to {owner} and is only shared with {user}, so {user} does not order a "
            f"replacement: it is ordered from {owner}'s login, as the device owner. Without the device {owner} "
            "cannot log in with it either.")


def _temporary_until(detail: UserDetail, temporary: list[DeviceSummary], card_steps: bool) -> date | None:
    """The last day this user holds a temporary device: a running one, or the online card the steps activate."""
    if card_steps:
        return rules.online_card_expiry(detail.today)
    ends = [t.expires for t in temporary if t.expires is not None]
    return max(ends) if ends else None


def _sharing_blocked_step(detail: UserDetail, until: date, who: str) -> str:
    """A warning, placed before the online card is activated, that the card holds up sharing ``who``."""
    user = detail.user.username
    return (f"Before {user} activates the online card, point out that it counts as a temporary device: as long as "
            f"it works (through {until:%Y-%m-%d}) every request to share a device with or from {user} is refused. "
            f"So {who} can only be set up after {until:%Y-%m-%d}, even if the new device arrives sooner; until then "
            f"{user} logs in with the card.")


def _shared_replacement_steps(detail: UserDetail, d: DeviceSummary, temporary_until: date | None = None) -> list[str]:
    """What happens to a lost or broken device that another user (the owner) shares with this user.

    ``temporary_until``: the last day this user holds a temporary device (a running one or the online
    card from the earlier steps), which delays any new sharing request."""
    user, owner = detail.user.username, d.holder
    steps: list[str] = []
    in_flight = _owner_replacement(detail, d)
    if in_flight is not None:
        steps.append(in_flight)
    elif d.type in _HARDWARE:
        steps.append(f"Log in to the Client Portal as {owner} (not as {user}) for the next steps.")
        steps += _order_dsc_plus_steps()
    else:
        steps.append(f"For a security code card the suggested replacement is IB Key in the IBKR Mobile app; with "
                     f"IB Key, {owner} adds {user} inside the app (Authenticate, then Add user) and no sharing "
                     "request is needed.")
        return steps
    wait = (f" {user}'s temporary device works through {temporary_until:%Y-%m-%d}, so the request goes in after "
            "that date." if temporary_until is not None else "")
    steps.append(f"When the new device works, check that {user} can log in with it. If not, {user} asks to share "
                 f"it with {owner} as the owner (see the Share a device walkthrough). Such a request is refused "
                 f"while either user still has a temporary device.{wait}")
    return steps


def _own_replacement_steps(detail: UserDetail, targets: list[DeviceSummary], in_flight: str | None,
                           notes: list[str]) -> list[str]:
    """What replaces the user's own lost or broken device(s), by type (appends to ``notes`` too)."""
    user = detail.user
    kinds = {d.type for d in targets}
    if in_flight is not None:
        return [in_flight]
    if kinds & _HARDWARE:
        return _order_dsc_plus_steps()
    if "security_code_card" in kinds:
        steps = ["For a security code card the suggested replacement is IB Key in the IBKR Mobile app, not "
                 "another card: follow the IB Key activation walkthrough (iOS or Android)."]
        if any(d.status != "lost" for d in targets if d.type == "security_code_card"):
            steps.append("A damaged security code card is not sent back: shred it and throw it away.")
        return steps
    if "ib_key" in kinds:
        notes.append("The IB Key recovery PIN is what re-enables IBKR Mobile after the app was uninstalled.")
        return [f"Once the client has the phone back or a new one, install IBKR Mobile and activate IB Key for "
                f"{user.username} again: follow the IB Key activation walkthrough (iOS or Android)."]
    if "sms" in kinds:
        return ["Once the client has a working phone again, suggest IB Key in the IBKR Mobile app: it needs no SMS "
                "at login (see the IB Key activation walkthrough)."]
    return [f"No device is on record for {user.username}, neither their own nor one shared with them: check the "
            "username. To set one up, IB Key in IBKR Mobile or a DSC+ from the Secure Login System page are the "
            "options."]


def lost_or_damaged(detail: UserDetail) -> Steps:
    user = detail.user
    targets = _targets(detail)
    target_serials = {d.serial for d in targets}
    steps: list[str] = []
    notes: list[str] = []
    recorded_lost = [d for d in targets if d.status == "lost"]
    if recorded_lost:
        notes.append("Recorded as lost: " + ", ".join(_owned_label(d) for d in recorded_lost) + ".")

    shared_targets = [d for d in targets if d.shared]
    # 0. Whose device it is, when it is shared from another user.
    steps += [_shared_intro(detail, d) for d in shared_targets]

    # 1. How the client logs in meanwhile.
    temporary = _active_temporary(detail)
    others = [d for d in user.devices if d.serial not in target_serials and d.type in rules.PERMANENT
              and rules.is_active(d.facts(), detail.today)]
    if temporary:
        t = max(temporary, key=lambda d: d.expires or detail.today)
        until = f" through {t.expires:%Y-%m-%d}" if t.expires else ""
        steps.append(f"{_label(t)} is active{until}: the client logs in with it until the new device works; "
                     "no new temporary access is needed now.")
    elif others:
        steps.append(", ".join(_owned_label(d) for d in others) + " still works: the client keeps logging in with "
                     "it; no temporary access is needed.")
    else:
        steps.append(call_for_access(detail))
        sharing_later = ([f"sharing the new device from {owner}"
                          for owner in sorted({d.holder for d in shared_targets})]
                         + [f"sharing the new device with {', '.join(d.shared_with)}"
                            for d in targets if d.shared_with])
        if sharing_later:
            steps.append(_sharing_blocked_step(detail, rules.online_card_expiry(detail.today),
                                               " and ".join(sharing_later)))
        steps += online_card_steps(detail)
    temporary_until = _temporary_until(detail, temporary, card_steps=not temporary and not others)
    if shared_targets and not temporary and not others:
        owners = ", ".join(sorted({d.holder for d in shared_targets}))
        notes.append(f"Temporary access is given per username: if {owners} also has to log in meanwhile, "
                     f"{owners} asks for it separately.")

    # 2. The replacement, by what was lost.
    state, text = _open_replacement(detail)
    own_targets = [d for d in targets if not d.shared]
    for d in shared_targets:
        steps += _shared_replacement_steps(detail, d, temporary_until)
    if own_targets or not shared_targets:
        steps += _own_replacement_steps(detail, own_targets, text, notes)

    # 3. Deadlines and the deposit.
    if temporary and state == "shipped":
        t = max(temporary, key=lambda d: d.expires or detail.today)
        auto = next((r.auto_activates for r in detail.replacements if r.auto_activates), None)
        if t.expires and auto and t.expires < auto:
            notes.append(f"{t.serial} stops working after {t.expires:%Y-%m-%d}, possibly before the replacement "
                         f"activates (by {auto:%Y-%m-%d} at the latest): if the device has not arrived by then, "
                         f"call Client Services again ({phones(detail)}).")
    for d in targets:
        deposit = rules.deposit_state(d.type, d.status)
        whose = f" ({d.holder}'s, the owner's)" if d.shared else ""
        sender = d.holder if d.shared else "the client"
        if deposit == "forfeited":
            notes.append(f"The ${rules.DEVICE_DEPOSIT_USD} deposit on {d.serial}{whose} is kept because the device "
                         "was lost; the same applies when a device is stolen or damaged on purpose.")
        elif deposit == "held":
            notes.append(f"If {d.serial} was lost or stolen, its ${rules.DEVICE_DEPOSIT_USD} deposit{whose} is kept. "
                         f"If it was damaged by accident, {sender} sends it back (see the return walkthrough) and "
                         "the deposit is released once it arrives; deliberate damage forfeits it.")
        elif return_rules.return_policy(d.type, d.status).action == "keep":
            notes.append(f"{_label(d)}: there are no return instructions for this device type; the client keeps it.")
        if d.shared_with:
            users = ", ".join(d.shared_with)
            wait = (f" ({user.username}'s temporary device works through {temporary_until:%Y-%m-%d})"
                    if temporary_until is not None else "")
            notes.append(f"{d.serial} is shared with {users}: they cannot log in with it either until the replacement "
                         "works, and may need temporary access of their own. If the new device has to be shared with "
                         f"them again, that request is refused while {user.username} or they hold a temporary "
                         f"device{wait}.")
    return steps, notes


def temporarily_unavailable(detail: UserDetail) -> Steps:
    temporary = [d for d in _active_temporary(detail) if d.type == "online_security_code_card"]
    notes = ["The online card is meant for short gaps (device left at home, or lost while a replacement is on "
             "its way).", "While a temporary device is active the user cannot take part in device sharing."]
    for d in detail.user.devices:
        if d.shared and rules.is_active(d.facts(), detail.today):
            notes.append(f"{detail.user.username} logs in with {_label(d)}, which belongs to {d.holder}: while it "
                         f"is out of reach {d.holder} is without it too, and temporary access is given per "
                         f"username, so {d.holder} asks separately if needed.")
    if temporary:
        t = max(temporary, key=lambda d: d.expires or detail.today)
        until = f" and works through {t.expires:%Y-%m-%d}" if t.expires else ""
        steps = [f"{t.serial} (online security code card) is already active{until}: the client logs in with it; "
                 "no new card is needed."]
        return steps, notes
    return [call_for_access(detail), *online_card_steps(detail)], notes


def _shared_return_step(username: str, d: DeviceSummary) -> str:
    owner = d.holder
    if return_rules.return_policy(d.type, d.status).action != "return":
        return f"{_label(d)} belongs to {owner} and is only shared with {username}: {username} sends nothing back."
    return (f"{_label(d)} belongs to {owner} and is only shared with {username}: only {owner}, the owner, can "
            f"send it back (pick {owner} for the shipping steps). Once it is gone {username} can no longer log in "
            f"with it, so {username} first needs a device of their own (IB Key in IBKR Mobile, or a DSC+ from the "
            "Secure Login System page).")


def return_device(detail: UserDetail) -> Steps:
    user = detail.user
    contact = return_rules.return_contact(user.region)
    low, high = rules.return_receipt_window(detail.today)
    by_action: dict[str, list[DeviceSummary]] = {}
    for d in user.held_devices:
        by_action.setdefault(return_rules.return_policy(d.type, d.status).action, []).append(d)
    to_send, to_shred = by_action.get("return", []), by_action.get("destroy", [])
    steps: list[str] = []
    notes: list[str] = []
    address = f"Address: {contact.address}."
    if contact.local_address:
        address += f" In Japanese: {contact.local_address}."
    if to_send:
        serials = ", ".join(d.serial for d in to_send)
        steps += [
            f"If {serials} goes back to be replaced (rather than because the account closes), first phone "
            "technical support to report it unusable: they give a temporary code for logging in until the new "
            f"device arrives. Numbers: {phones(detail)}.",
            f"Pack {serials} in a padded envelope.",
            "Send it with a tracked service (for example UPS, FedEx, DHL or USPS Express) and keep the "
            "tracking number: the device is the client's responsibility until it arrives.",
            address,
            f"Allow 3 to 5 business days after shipping for the return to show on the account (if sent today: "
            f"between {low:%Y-%m-%d} and {high:%Y-%m-%d}; courier delays can add more).",
            f"The ${rules.DEVICE_DEPOSIT_USD} deposit is released once the device has arrived.",
            "For a replacement, log in to the Client Portal and request a new DSC+ from the Secure Login System "
            "page (the lost or damaged device walkthrough lists the ordering steps).",
        ]
    if to_shred:
        steps.append(f"{', '.join(d.serial for d in to_shred)}: a security code card does not come back; shred it "
                     "and throw it away.")
        steps.append("If the client needs something in its place, suggest IB Key in the IBKR Mobile app (see the "
                     "IB Key activation walkthrough).")
    shared_in = [d for d in user.devices if d.shared]
    if shared_in and not steps:
        steps.append(f"{user.username} holds no device of their own, so there is nothing for {user.username} to "
                     "send back or shred.")
    for d in shared_in:
        steps.append(_shared_return_step(user.username, d))
    if not steps:
        steps.append(f"Nothing has to be sent back or shredded for {user.username}.")
    for d in to_send:
        if d.shared_with:
            notes.append(f"{d.serial} is shared with {', '.join(d.shared_with)}: once it is sent back they can no "
                         "longer log in with it, so set them up with another device first (IB Key in IBKR Mobile, "
                         "or a DSC+ of their own).")
    for d in by_action.get("keep", []):
        notes.append(f"{_label(d)}: there are no return instructions for this device type; the client keeps it.")
    for d in by_action.get("lost", []):
        kept = (f"; its ${rules.DEVICE_DEPOSIT_USD} deposit is kept"
                if rules.deposit_state(d.type, d.status) == "forfeited" else "")
        notes.append(f"{d.serial} is recorded as lost: there is nothing to send{kept}.")
    for d in by_action.get("pending", []):
        if d.type in rules.PHYSICAL:
            notes.append(f"{d.serial} is not active yet (a replacement on its way or just arrived): the client keeps "
                         "it.")
        else:
            notes.append(f"{_label(d)} is not activated yet; there is nothing to send back for it.")
    for ret in detail.returns:
        if ret.received is None:
            notes.append(f"{ret.serial} is on its way back (sent {ret.shipped:%Y-%m-%d}); it should show as "
                         f"received between {ret.expected_from:%Y-%m-%d} and {ret.expected_by:%Y-%m-%d}, and the "
                         f"${rules.DEVICE_DEPOSIT_USD} deposit is released then.")
    if not to_send:
        notes.append(f"Should a DSC+ need to go back later, the {return_rules.region_label(user.region)} "
                     f"{address[0].lower()}{address[1:]}")
    notes.append("After an account is closed, statements and tax forms stay available in the Client Portal with "
                 "the username and password alone; no security device is needed then.")
    return steps, notes
