"""Guided walkthroughs: numbered steps for the client's situation, tailored to their devices,
region and deadlines, ready to paste into a ticket reply. The wording is ours; the facts come
from the knowledge base (online card 21 days, replacement auto-activation, return addresses...).
Device walkthroughs (lost, temporarily unavailable, return) live in :mod:`.walkthrough_devices`."""

from __future__ import annotations

from dataclasses import dataclass

from console.services.db import Database
from console.services.errors import InvalidInput
from console.services.sls import rules
from console.services.sls import walkthrough_devices as devices
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


def _best(detail: UserDetail) -> str | None:
    """The most secure active physical device the user logs in with (their own or one shared with them),
    named with its owner when it is shared."""
    best = rules.best_physical((d.facts() for d in detail.user.devices), detail.today)
    if best is None:
        return None
    if best.holder != detail.user.username:
        return f"{best.serial}, {best.holder}'s device"
    return best.serial


def _ib_key(detail: UserDetail, platform: str) -> tuple[list[str], list[str]]:
    user = detail.user
    if platform == "ios":
        steps = ["Open the App Store, search for IBKR Mobile (published by Interactive Brokers LLC), install it "
                 "and open it.",
                 "On the very first launch the app asks for permission to send notifications: allow it. Landing "
                 "on the sign-in screen instead? Use the Services button in the upper-left corner. Landing on the "
                 "home page, portfolio or a watchlist? Open More (lower right), then Two-Factor Authentication, "
                 "then Activate IB Key."]
    else:
        steps = ["Install IBKR Mobile from Google Play (or 360 Mobile Assistant / Baidu Mobile Assistant) and "
                 "open it.",
                 "A first launch goes straight to the next step. Landing on the sign-in screen? Use the Services "
                 "button in the upper-left corner. Landing on the home page, portfolio or a watchlist? Open the "
                 "menu icon (upper left), then Two-Factor Authentication, then Activate IB Key."]
    steps += ["Choose Register Two-Factor; after the explanation screen, move on with Continue.",
              f"Sign in with the username ({user.username}) and password, then continue.",
              "Check the mobile number (it must be able to receive SMS; pick or add another one if not) and ask "
              "for the activation code."]
    if platform == "ios":
        steps += ["Type the code from the SMS into Activation Code and tap Activate.",
                  "Set up Face ID, Touch ID or a PIN when asked, then tap Done on the confirmation screen."]
    else:
        steps += ["Type the code from the SMS into Activation Code, choose a PIN and tap Activate.",
                  "Tap Done when the result appears."]
    notes = ["Activation needs the phone to be online and able to receive SMS (the activation code comes by "
             "text message).",
             "At each login the push notification needs the phone to be online; without a connection, use the "
             "challenge/response method instead (see the walkthrough for a notification that does not arrive).",
             f"A recovery PIN (used to add users or reinstall the app) has {rules.RECOVERY_PIN_MIN} to "
             f"{rules.RECOVERY_PIN_MAX} characters: letters, digits and special characters."]
    active = [d.serial for d in user.devices if d.type == "ib_key" and d.status == "active"]
    if active:
        notes.append(f"{user.username} already has an active IB Key ({', '.join(active)}).")
    if user.opted_out:
        notes.append("This account has opted out of the Secure Login System: its withdrawal limits stay at the "
                     "no-device level whatever device is set up, until it opts back in (see that walkthrough).")
    elif rules.raises_limits(user.limits, "ib_key"):
        ib = rules.LIMITS_BY_TYPE["ib_key"]
        notes.append(f"With IB Key the withdrawal limits become {rules.format_usd(ib.daily_usd)} a day and "
                     f"{rules.format_usd(ib.five_day_usd)} over 5 business days.")
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
    user = detail.user
    for d in user.devices:
        if d.shared and d.status in ("active", "pending_activation"):
            notes.append(f"{user.username} already uses {d.serial}, shared by its owner {d.holder}: no request is "
                         "needed for that device.")
        elif d.shared_with and d.status == "active":
            notes.append(f"{d.serial} is already shared with {', '.join(d.shared_with)}.")
    if any(d.type in rules.TEMPORARY and rules.is_active(d.facts(), detail.today) for d in detail.user.held_devices):
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
        steps, notes = devices.lost_or_damaged(detail)
    elif situation == "temporarily_unavailable":
        steps, notes = devices.temporarily_unavailable(detail)
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
                 "or an unstable internet connection.",
                 "These challenge/response steps also work with no network on the phone at all (roaming, no "
                 "signal, no mobile data)."]
    elif situation == "opt_back_in":
        admins = ", ".join(detail.security_admins) or "the primary user"
        steps = ["Open a browser at ibkr.com.",
                 "Log in to the Client Portal with a user allowed to change the account's security settings "
                 f"({admins}).",
                 "Follow the portal's Secure Login System prompts to take part again; if anything is unclear, "
                 "contact Client Services."]
        if not user.may_change_security:
            notes.append(f"{user.username} cannot change security settings: the portal shows a notice naming the "
                         f"user who can ({admins}).")
        if not user.opted_out:
            notes.append("This account has not opted out: nothing to do.")
        notes.append("Opted-out accounts face restrictions (for example Pink Sheet and OTCBB trading) and the "
                     "lowest withdrawal limits.")
    elif situation == "share_device":
        steps, notes = _sharing(detail)
    else:
        steps, notes = devices.return_device(detail)
    return Walkthrough(situation, SITUATION_TITLES[situation], user.username, steps, notes)


def walkthrough(database: Database, username: str, situation: str) -> Walkthrough:
    return walkthrough_for(user_detail(database, username), situation)


