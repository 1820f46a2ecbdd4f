"""Device returns as pure functions: what goes back, what is shredded, where to send it, whom to call.

Facts from the knowledge base's device return article: only the DSC+ has return instructions
(sent back in a padded, tracked parcel; on the sharing article spare devices may be sent back
"DSC+ only"); a security code card is shredded, and IB Key is the suggested replacement for it.
Other hardware (platinum, gold, digital security card) has no return instructions there, so we
never tell a client to post one: they keep it and ask technical support if in doubt.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.services.errors import InvalidInput
from console.services.sls.rules import REGION_LABELS, REGIONS


@dataclass(frozen=True)
class Phone:
    label: str
    number: str
    #: Countries of legal residence (ISO codes) for which this is the first number to give.
    for_residence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReturnContact:
    region: str
    address: str
    phones: tuple[Phone, ...]
    #: The same address in the local language and script, when the knowledge base gives one.
    local_address: str | None = None

    @property
    def phone(self) -> str:
        """The region's default number (the first listed)."""
        return self.phones[0].number

    def primary_phone(self, residence: str | None) -> Phone:
        """The number to give first to a client living in ``residence`` (e.g. Canada in the US/Canada
        region, Russia in the Europe region, Japan for the Japanese-language line)."""
        country = (residence or "").strip().upper()
        for p in self.phones:
            if country and country in p.for_residence:
                return p
        return self.phones[0]

    def phones_for(self, residence: str | None) -> tuple[Phone, ...]:
        """Every number of the region, the client's primary one first."""
        first = self.primary_phone(residence)
        return (first, *(p for p in self.phones if p is not first))


RETURN_CONTACTS: dict[str, ReturnContact] = {
    "us": ReturnContact(
        "us", "Interactive Brokers, LLC., Attn: Token Return Department, 3 Pickwick Plaza, Greenwich, CT 06830, USA",
        (Phone("US, toll free", "1 (877) 442-2757"), Phone("US, direct", "1 (312) 542-6901"),
         Phone("Canada, toll free", "1 (877) 745-4222", ("CA",)), Phone("Canada, direct", "1 (514) 847-3499"))),
    "europe": ReturnContact(
        "europe", "Interactive Brokers (U.K.) LTD., Attn: Token Return Department, Gubelstrasse 28, CH-6301 Zug, "
                  "Switzerland",
        (Phone("Europe, toll free", "00800-42-276537"), Phone("Europe, direct", "+41-41-726-9500"),
         Phone("Russia, toll free", "8-800-100-8556", ("RU",)), Phone("Russian-language line", "+41-41-726-9506"))),
    "asia": ReturnContact(
        "asia", "Interactive Brokers, LLC., Attn: Token Return Department, Suite 1512, Two Pacific Place, "
                "88 Queensway, Admiralty, Hong Kong",
        (Phone("Cantonese", "+852-2156-7907"), Phone("Mandarin", "+86 (21) 6086 8586", ("CN", "TW")))),
    "australia": ReturnContact(
        "australia", "Interactive Brokers, LLC., Attn: Token Return Department, PO Box R229, Royal Exchange, "
                     "NSW, 1225, Australia",
        (Phone("Australia", "+61 (2) 8093-7300"),)),
    "japan": ReturnContact(
        "japan", "Interactive Brokers Securities Japan, Inc., Attn: Token Return Department, Kasumigaseki Building "
                 "25F, 2-5 Kasumigaseki 3 Chome, Chiyoda Ku, Tokyo 100-6025, Japan",
        (Phone("English, direct line", "+81 (3) 4588 9710"),
         Phone("Japanese, direct line", "+81 (3) 4588 9700", ("JP",))),
        local_address="〒100-6025 東京都千代田区霞ヶ関3-2-5 霞ヶ関ビルディング25階 "
                      "インタラクティブ・ブローカーズ証券株式会社 セキュリティデバイス部"),
}

#: Only the DSC+ is sent back; the paper security code card is shredded.
RETURNED_TYPES = frozenset({"dsc_plus"})
DESTROYED_TYPES = frozenset({"security_code_card"})
#: Hardware with no return instructions in the knowledge base: the client keeps it.
KEPT_TYPES = frozenset({"platinum_card", "gold_card", "digital_security_card"})

#: ``action`` values of :class:`ReturnPolicy`, with what the agent tells the client.
RETURN_ACTIONS = {
    "return": "send it back",
    "destroy": "shred it; do not post it",
    "keep": "no return instructions for this device: keep it",
    "lost": "recorded as lost: nothing to send",
    "pending": "not active yet (e.g. a replacement on its way): keep it",
    "already_returned": "already sent back",
    "shared": "another user's device, shared: only its owner sends it back",
    "none": "nothing to send",
}


@dataclass(frozen=True)
class ReturnPolicy:
    return_required: bool
    action: str  # a key of RETURN_ACTIONS


def return_policy(device_type: str, status: str = "active") -> ReturnPolicy:
    """Does this device go back? Only an active or expired DSC+ is posted; a lost device cannot be, a
    pending one (a replacement in transit) is the client's new device, a returned one is already back."""
    if status == "returned":
        return ReturnPolicy(False, "already_returned")
    if status == "lost":
        return ReturnPolicy(False, "lost")
    if status == "pending_activation":
        return ReturnPolicy(False, "pending")
    if device_type in RETURNED_TYPES:
        return ReturnPolicy(True, "return")
    if device_type in DESTROYED_TYPES:
        return ReturnPolicy(False, "destroy")
    if device_type in KEPT_TYPES:
        return ReturnPolicy(False, "keep")
    return ReturnPolicy(False, "none")


def shared_policy() -> ReturnPolicy:
    """A device used through sharing belongs to its holder: the user it is shared with posts nothing."""
    return ReturnPolicy(False, "shared")


def return_contact(region: str) -> ReturnContact:
    try:
        return RETURN_CONTACTS[region]
    except KeyError:
        raise InvalidInput(f"Unknown region {region!r}.", hint=f"Regions: {', '.join(REGIONS)}.") from None


def phone_list(region: str, residence: str | None = None) -> str:
    """All numbers of the region as one line, the client's primary number first."""
    return "; ".join(f"{p.label} {p.number}" for p in return_contact(region).phones_for(residence))


def region_label(region: str) -> str:
    return REGION_LABELS.get(region, region)
