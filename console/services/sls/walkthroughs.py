"""Guided walkthroughs: numbered steps for the client's situation, tailored to their devices,
region and deadlines, ready to paste into a ticket reply. The wording is ours; the facts come
from the knowledge base (online card 21 days, replacement auto-activation, return addresses...)."""

from __future__ import annotations

from dataclasses import dataclass

from console.services.db import Database
from console.services.errors import InvalidInput
from console.services.sls import rules
from console.services.sls.details import UserDetail, user_detail

SITUATIONS: tuple[tuple[str, str], ...] = (
    ("lost_or_damaged", "Lost or damaged device"),
    ("temporarily_unavailable", "Device temporarily unavailable"),
    ("sms_not_received", "SMS code not received"),
    ("voice_callback", "Voice callback"),
    ("ib_key_ios", "IB Key activation on iOS"),
    ("ib_key_android", "IB Key activation on Android"),
    ("ib_key_notification", "IB Key notification not received"),
    ("opt_back_in", "Opt back in to the Secure Login System"),
    ("share_device", "Share a device"),
    ("return_device", "Return a device"),
)
SITUATION_TITLES = dict(SITUATIONS)


@dataclass(frozen=True)
class Walkthrough:
    situation: str
    title: str
    username: str
    steps: list[str]
    notes: list[str]

    def text(self) -> str:
        lines = [f"{self.title} ({self.username})", ""]
        lines += [f"{i}. {step}" for i, step in enumerate(self.steps, 1)]
        if self.notes:
            lines += ["", *(f"Note: {n}" for n in self.notes)]
        return "\n".join(lines)


def _phones(region: str) -> str:
    contact = rules.return_contact(region)
    return "; ".join(f"{p.label} {p.number}" for p in contact.phones)


def _best(detail: UserDetail) -> str | None:
    best = rules.best_physical((d.facts() for d in detail.user.held_devices), detail.today)
    return best.serial if best else None


def _online_card(detail: UserDetail) -> list[str]:
    until = rules.online_card_expiry(detail.today)
    return [
        "Go to ibkr.com in a browser and choose Log In.",
        "Open the Secure Login System page of the Client Portal and pick the online security code card option.",
        "When the card appears on screen, print it and make sure every code on the printout is readable, "
        "then continue.",
        "The activation screen asks for two index numbers: look each one up on the printed card and type the "
        "two three-digit codes one after the other, with no space between them.",
        f"Confirm. The card then works for {rules.ONLINE_CARD_VALID_DAYS} days: if activated today, until "
        f"{until:%Y-%m-%d}.",
    ]


def _lost(detail: UserDetail) -> tuple[list[str], list[str]]:
    region = detail.user.region
    steps = [f"Call Client Services for temporary access to the account (phone only; they will verify the "
             f"account holder's identity). Numbers for {rules.REGION_LABELS[region]}: {_phones(region)}."]
    steps += _online_card(detail)
    steps += [
        "Still in the Secure Login System page, choose Request physical device to order a replacement DSC+.",
        "Choose a four-digit soft PIN for the new DSC+ and keep it safe: it is needed to activate and use the "
        f"device. A ${rules.DEVICE_DEPOSIT_USD} deposit is held (you may pick which account it comes from); "
        "the device and its shipping are free.",
        "Check the summary (use the page's own Back button to change something, not the browser's), submit, "
        "and note the estimated ship date shown on the confirmation.",
        "The replacement activates by itself three weeks after it ships; you will be told shortly before.",
    ]
    notes = []
    for r in detail.replacements:
        if r.shipped and r.auto_activates:
            notes.append(f"A replacement ({r.new_serial}) already shipped on {r.shipped:%Y-%m-%d}; it activates "
                         f"by itself on {r.auto_activates:%Y-%m-%d}.")
        elif r.shipped is None:
            notes.append(f"A replacement was already requested on {r.requested:%Y-%m-%d}: no need to order "
                         "another one.")
    for d in detail.user.held_devices:
        if d.type in rules.DESTROYED_TYPES and d.status == "active":
            notes.append(f"{d.serial} is a security code card: if damaged, shred it. IB Key in the IBKR Mobile "
                         "app is a good replacement.")
        elif d.type in rules.RETURNED_TYPES and d.status == "active":
            notes.append(f"If {d.serial} is damaged rather than lost, send it back (see the return walkthrough) "
                         f"to get the ${rules.DEVICE_DEPOSIT_USD} deposit released.")
    return steps, notes


def _return(detail: UserDetail) -> tuple[list[str], list[str]]:
    contact = rules.return_contact(detail.user.region)
    low, high = rules.return_receipt_window(detail.today)
    steps: list[str] = []
    to_send = [d for d in detail.user.held_devices if rules.return_policy(d.type).action == "return"
               and d.status != "returned"]
    to_shred = [d for d in detail.user.held_devices if rules.return_policy(d.type).action == "destroy"
                and d.status != "returned"]
    if to_send:
        serials = ", ".join(d.serial for d in to_send)
        steps += [
            f"Pack {serials} in a padded envelope.",
            "Send it with a tracked service (for example UPS, FedEx, DHL or USPS Express) and keep the "
            "tracking number: the device is the client's responsibility until it arrives.",
            f"Address: {contact.address}.",
            f"Allow 3 to 5 business days after shipping for the return to show on the account (if sent today: "
            f"between {low:%Y-%m-%d} and {high:%Y-%m-%d}; courier delays can add more).",
            f"The ${rules.DEVICE_DEPOSIT_USD} deposit is released once the device has arrived.",
        ]
    if to_shred:
        steps.append(f"{', '.join(d.serial for d in to_shred)}: a security code card does not come back; "
                     "shred it and throw it away.")
    if not to_send:
        steps.append("This client holds no device that still has to be sent back.")
        steps.append(f"Should a hardware device turn up, the return address for "
                     f"{rules.REGION_LABELS[detail.user.region]} is: {contact.address}.")
    for ret in detail.returns:
        if ret.received is None:
            steps.append(f"{ret.serial} is on its way back (sent {ret.shipped:%Y-%m-%d}); it should show as "
                         f"received between {ret.expected_from:%Y-%m-%d} and {ret.expected_by:%Y-%m-%d}, and "
                         f"the ${rules.DEVICE_DEPOSIT_USD} deposit is released then.")
    steps.append(f"If the device is returned to get a replacement, call technical support first "
                 f"({_phones(detail.user.region)}) for a temporary code until the new device arrives.")
    notes = ["After closing an account, statements and tax forms stay available in the Client Portal with the "
             "username and password only; no security device is needed."]
    return steps, notes


def _ib_key(detail: UserDetail, platform: str) -> tuple[list[str], list[str]]:
    if platform == "ios":
        steps = ["Open the App Store, search for IBKR Mobile (published by Interactive Brokers LLC), install it "
                 "and open it.",
                 "If the app asks to allow notifications, allow them. If it opens on the login screen, tap "
                 "Services (top left). If it opens on the home page or portfolio, tap More (bottom right), "
                 "then Two-Factor Authentication, then Activate IB Key."]
    else:
        steps = ["Install IBKR Mobile from Google Play (or 360 Mobile Assistant / Baidu Mobile Assistant) and "
                 "open it.",
                 "If it opens on the login screen, tap Services (top left). If it opens on the home page or "
                 "portfolio, tap the menu icon (top left), then Two-Factor Authentication, then Activate IB Key."]
    steps += ["Tap Register Two-Factor, read the instructions and continue.",
              f"Sign in with the username ({detail.user.username}) and password, then continue.",
              "Check the mobile number (it must be able to receive SMS; pick or add another one if not) and ask "
              "for the activation code."]
    if platform == "ios":
        steps += ["Type the code from the SMS into Activation Code and tap Activate.",
                  "Set up Face ID, Touch ID or a PIN when asked, then tap Done on the confirmation screen."]
    else:
        steps += ["Type the code from the SMS into Activation Code, choose a PIN and tap Activate.",
                  "Tap Done when the result appears."]
    notes = ["The internet connection and SMS reception are needed only during activation.",
             f"A recovery PIN (used to add users or reinstall the app) has {rules.RECOVERY_PIN_MIN} to "
             f"{rules.RECOVERY_PIN_MAX} characters: letters, digits and special characters."]
    if any(d.type == "ib_key" and d.status == "active" for d in detail.user.devices):
        notes.append("This user already has an active IB Key: activating again replaces it on the new phone.")
    if detail.user.limits.device_type not in ("dsc_plus", "platinum_card", "gold_card", "digital_security_card",
                                              "ib_key"):
        notes.append(f"With IB Key the withdrawal limits become "
                     f"{rules.format_usd(rules.LIMITS_BY_TYPE['ib_key'].daily_usd)} a day and "
                     f"{rules.format_usd(rules.LIMITS_BY_TYPE['ib_key'].five_day_usd)} over 5 business days.")
    return steps, notes


def _sharing(detail: UserDetail) -> tuple[list[str], list[str]]:
    best = _best(detail)
    steps = ["Among the users who will share, find the most secure physical device (DSC+ highest, security "
             "code card lowest); its holder is the device owner."
             + (f" For {detail.user.username} that would be {best}." if best else ""),
             "Log in to the Client Portal with the user who wants to use the device (not the owner).",
             "Open the menu (top left), then Settings, then User Settings, and click the gear next to Secure "
             "Login System.",
             "If this user has no active device, choose the option saying a device already exists under another "
             "username; otherwise click Share Device.",
             "Enter the device owner's username and password and continue.",
             "Use the owner's device to answer the challenge or index number shown, type the response and "
             "continue.",
             "Check the details, continue, and confirm. Most requests are approved at once; some wait for "
             "Compliance and show as pending."]
    notes = ["Both users must belong to the same entity, or to entities with the same identification data, and "
             "neither may have a temporary device (temporary code or online card) assigned."]
    if any(d.type in rules.TEMPORARY and d.status == "active" for d in detail.user.held_devices):
        notes.append(f"{detail.user.username} has an active temporary device now: sharing will be refused "
                     "until it is no longer in use.")
    if any(d.type == "ib_key" and d.status == "active" for d in detail.user.held_devices):
        notes.append("IB Key users need no sharing request: they add users inside IBKR Mobile (Authenticate, "
                     "then Add user).")
    notes.append("Devices no longer needed after sharing can be kept for later, or (DSC+ only) sent back.")
    return steps, notes


def walkthrough_for(detail: UserDetail, situation: str) -> Walkthrough:
    """Numbered steps for ``situation`` (a key of :data:`SITUATIONS`), tailored to ``detail``."""
    if situation not in SITUATION_TITLES:
        raise InvalidInput(f"Unknown situation {situation!r}.",
                           hint=f"Choose one of: {', '.join(k for k, _ in SITUATIONS)}.")
    user = detail.user
    notes: list[str] = []
    if situation == "lost_or_damaged":
        steps, notes = _lost(detail)
    elif situation == "temporarily_unavailable":
        steps = _online_card(detail)
        notes = ["The online card is meant for short gaps (device left at home, or lost while a replacement "
                 "is on its way).", "While it is active the user cannot take part in device sharing."]
    elif situation == "sms_not_received":
        steps = ["Best fix: activate IB Key in the IBKR Mobile app (see the iOS or Android walkthrough); it "
                 "needs no SMS at login.",
                 "Switch the phone off and on again: the message usually arrives afterwards. Abroad, roaming "
                 "may stop some messages.",
                 "Still nothing: choose Voice instead of SMS for an automated call that reads the code (see the "
                 "voice callback walkthrough).",
                 "Ask the mobile carrier whether it filters messages from IBKR as spam and to lift the block."]
    elif situation == "voice_callback":
        steps = ["Client Portal: click the link for a code that did not arrive, choose Voice and wait.",
                 "TWS: click Request new security code, choose Voice, click OK and wait (latest or beta TWS "
                 "only).",
                 "IBKR Mobile on iOS: tap Request new code; on Android: tap Request new security code; then "
                 "choose Voice.",
                 "The call comes within about a minute: have pen and paper ready for the code it reads out."]
        notes = ["Voice callback works for users whose two-factor method is SMS."]
    elif situation in ("ib_key_ios", "ib_key_android"):
        steps, notes = _ib_key(detail, "ios" if situation == "ib_key_ios" else "android")
    elif situation == "ib_key_notification":
        steps = ["On the login screen, click the link for when the notification does not arrive: a challenge "
                 "code appears.",
                 "Open IBKR Mobile on the phone and choose Authenticate.",
                 "Enter the challenge code (on Android also the PIN) and confirm with Face ID, Touch ID, the "
                 "phone passcode or PIN; on Android tap Generate Passcode.",
                 "Type the response string the app shows into the login screen and click OK."]
        notes = ["Missing notifications usually mean notifications are off for IBKR Mobile, or the phone has no "
                 "or an unstable internet connection."]
    elif situation == "opt_back_in":
        admins = ", ".join(detail.security_admins) or "the primary user"
        steps = ["Open ibkr.com in a browser and log in to the Client Portal with a user allowed to change "
                 f"security settings ({admins}).",
                 "Open Settings, then User Settings, and click the gear next to Secure Login System.",
                 "Choose to take part in the Secure Login System again and pick a device (IB Key in IBKR Mobile "
                 "is the quickest).",
                 "Activate the device as instructed and confirm."]
        if not user.may_change_security:
            notes.append(f"{user.username} cannot change security settings: the portal will show a notice "
                         f"pointing to {admins}.")
        if not user.opted_out:
            notes.append("This account has not opted out: nothing to do.")
        notes.append("Opted-out accounts face restrictions (for example Pink Sheet and OTCBB trading) and the "
                     "lowest withdrawal limits.")
    elif situation == "share_device":
        steps, notes = _sharing(detail)
    else:
        steps, notes = _return(detail)
    return Walkthrough(situation, SITUATION_TITLES[situation], user.username, steps, notes)


def walkthrough(database: Database, username: str, situation: str) -> Walkthrough:
    return walkthrough_for(user_detail(database, username), situation)


