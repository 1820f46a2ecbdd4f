"""The SLS rules, case by case (pure functions, no database)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from console.services.errors import InvalidInput
from console.services.sls import return_rules, rules
from console.services.sls.models import name_keys
from console.services.sls.rules import DeviceFacts, Identity, Participant

TODAY = date(2025, 3, 12)  # a Wednesday


def dev(serial: str, dtype: str, status: str = "active", expires: date | None = None) -> DeviceFacts:
    return DeviceFacts(serial, dtype, status, "x", expires)


# ---------------------------------------------------------------------- limits
@pytest.mark.parametrize(("dtype", "daily", "five"), [
    ("sms", 200_000, 600_000),
    ("ib_key", 1_000_000, 1_000_000),
    ("security_code_card", 200_000, 600_000),
    ("digital_security_card", 1_000_000, 1_500_000),
    ("dsc_plus", None, None),
    ("platinum_card", None, None),
    ("gold_card", None, None),
])
def test_limits_per_device_type(dtype: str, daily: int | None, five: int | None) -> None:
    limits = rules.limits_for([dev("S", dtype)], opted_out=False, today=TODAY)
    assert (limits.device_type, limits.daily_usd, limits.five_day_usd) == (dtype, daily, five)


def test_no_device_row() -> None:
    assert rules.limits_for([], opted_out=False, today=TODAY) == rules.Limits(None, 50_000, 100_000)


def test_opted_out_gets_no_device_row_even_with_dsc_plus() -> None:
    assert rules.limits_for([dev("S", "dsc_plus")], opted_out=True, today=TODAY) == rules.NO_DEVICE_LIMITS


def test_most_permissive_active_device_wins() -> None:
    devices = [dev("A", "sms"), dev("B", "digital_security_card"), dev("C", "ib_key")]
    assert rules.limits_for(devices, opted_out=False, today=TODAY).device_type == "digital_security_card"


@pytest.mark.parametrize("status", ["pending_activation", "lost", "returned", "expired"])
def test_inactive_devices_do_not_count(status: str) -> None:
    limits = rules.limits_for([dev("A", "dsc_plus", status), dev("B", "sms")], opted_out=False, today=TODAY)
    assert limits.device_type == "sms"


def test_temporary_devices_never_set_limits() -> None:
    devices = [dev("A", "online_security_code_card", expires=date(2025, 3, 20)), dev("B", "temporary_code")]
    assert rules.limits_for(devices, opted_out=False, today=TODAY) == rules.NO_DEVICE_LIMITS


def test_tie_between_sms_and_card_prefers_physical() -> None:
    assert rules.limits_for([dev("A", "sms"), dev("B", "security_code_card")], opted_out=False,
                            today=TODAY).device_type == "security_code_card"


def test_security_levels_order() -> None:
    order = [rules.security_level(t) for t in ("dsc_plus", "platinum_card", "gold_card", "digital_security_card",
                                                "security_code_card")]
    assert order == sorted(order, reverse=True) and len(set(order)) == 5
    assert rules.security_level("ib_key") == 0 and rules.security_level("online_security_code_card") == 0


# ---------------------------------------------------------------------- sharing
ID_A = Identity(date(1980, 2, 3), "US", "US", "passport", "X1", "ssn-a")


def person(name: str, entity: str = "E1", identity: Identity = ID_A, *devices: DeviceFacts) -> Participant:
    return Participant(name, entity, identity, tuple(devices))


def test_eligible_same_entity_names_owner_best_device() -> None:
    owner = person("own", "E1", ID_A, dev("SCC", "security_code_card"), dev("DSC", "dsc_plus"))
    result = rules.can_share(person("req"), owner, today=TODAY)
    assert result.eligible and result.reasons == () and result.device == "DSC"


def test_eligible_different_entity_same_identity() -> None:
    owner = person("own", "E2", ID_A, dev("G", "gold_card"))
    assert rules.can_share(person("req", "E1"), owner, today=TODAY).eligible


@pytest.mark.parametrize("change", [
    {"date_of_birth": date(1981, 2, 3)}, {"citizenship": "CA"}, {"residence": "CA"},
    {"ssn_digest": "ssn-b"},
])
def test_identity_mismatch_on_each_field(change: dict[str, object]) -> None:
    other = Identity(**{**ID_A.__dict__, **change})  # type: ignore[arg-type]
    result = rules.can_share(person("req", "E1"), person("own", "E2", other, dev("G", "gold_card")), today=TODAY)
    assert result.reasons == ("identity_mismatch",) and result.device is None


def test_identity_without_ssn_compares_document() -> None:
    a = Identity(date(1990, 1, 1), "JP", "JP", "passport", "TK1", None)
    same = Identity(date(1990, 1, 1), "jp", "JP", "Passport", "tk 1", None)
    other = Identity(date(1990, 1, 1), "JP", "JP", "passport", "TK2", None)
    assert rules.same_identity(a, same)
    assert not rules.same_identity(a, other)
    assert not rules.same_identity(Identity(), Identity())


@pytest.mark.parametrize("who", ["requester", "owner"])
@pytest.mark.parametrize("dtype", ["temporary_code", "online_security_code_card"])
def test_temporary_device_on_either_side(who: str, dtype: str) -> None:
    temp = dev("T", dtype, expires=date(2025, 3, 20))
    req = person("req", "E1", ID_A, *([temp] if who == "requester" else []))
    own = person("own", "E1", ID_A, dev("D", "dsc_plus"), *([temp] if who == "owner" else []))
    check = rules.can_share(req, own, today=TODAY)
    assert check.reasons == ("temporary_device",)
    # The explanation names who holds the temporary device, and only that user.
    assert check.temporary_holders == ((who[:3], ("T",)),)
    text = rules.explain_share_reason("temporary_device", check)
    other = "own" if who == "requester" else "req"
    assert text.startswith(f"{who[:3]} (T) has an active temporary device") and f"{other} (" not in text


def test_explanations_name_the_users() -> None:
    check = rules.can_share(person("req", "E1", ID_A, dev("D", "dsc_plus")),
                            person("own", "E1", ID_A, dev("C", "security_code_card", "lost")), today=TODAY)
    assert check.reasons == ("no_physical_device",)
    assert rules.explain_share_reason("no_physical_device", check).startswith("The owner (own) has no")
    check = rules.can_share(person("req", "E1", ID_A, dev("D", "dsc_plus")),
                            person("own", "E1", ID_A, dev("C", "gold_card")), today=TODAY)
    assert rules.explain_share_reason("less_secure_device", check).startswith("The requester (req) holds")


def test_temporary_device_on_both_sides_names_both() -> None:
    req = person("anna", "E1", ID_A, dev("T1", "temporary_code", expires=date(2025, 3, 20)))
    own = person("otto", "E1", ID_A, dev("D", "dsc_plus"), dev("T2", "online_security_code_card"))
    text = rules.explain_share_reason("temporary_device", rules.can_share(req, own, today=TODAY))
    assert text.startswith("anna (T1) and otto (T2) both have an active temporary device")


@pytest.mark.parametrize(("days", "words"), [
    (0, "today"), (1, "tomorrow"), (-1, "yesterday"), (3, "in 3 days"), (-2, "2 days ago")])
def test_days_phrase(days: int, words: str) -> None:
    assert rules.days_phrase(days) == words
    assert rules.plural(1, "day") == "1 day" and rules.plural(2, "more day") == "2 more days"


def test_expired_temporary_device_does_not_block() -> None:
    req = person("req", "E1", ID_A, dev("T", "temporary_code", expires=date(2025, 3, 11)),
                 dev("T2", "online_security_code_card", "expired"))
    assert rules.can_share(req, person("own", "E1", ID_A, dev("D", "dsc_plus")), today=TODAY).eligible


def test_less_secure_device() -> None:
    req = person("req", "E1", ID_A, dev("P", "platinum_card"))
    own = person("own", "E1", ID_A, dev("G", "gold_card"))
    assert rules.can_share(req, own, today=TODAY).reasons == ("less_secure_device",)


def test_equal_level_is_fine() -> None:
    req = person("req", "E1", ID_A, dev("G1", "gold_card"))
    own = person("own", "E1", ID_A, dev("G2", "gold_card"))
    assert rules.can_share(req, own, today=TODAY).device == "G2"


def test_lost_requester_device_is_not_compared() -> None:
    req = person("req", "E1", ID_A, dev("P", "dsc_plus", "lost"))
    assert rules.can_share(req, person("own", "E1", ID_A, dev("S", "security_code_card")), today=TODAY).eligible


def test_no_physical_device_mentions_ib_key() -> None:
    own = person("own", "E1", ID_A, dev("K", "ib_key"))
    result = rules.can_share(person("req"), own, today=TODAY)
    assert result.reasons == ("no_physical_device",) and result.owner_uses_ib_key
    assert "IBKR Mobile" in rules.explain_share_reason("no_physical_device", result)


def test_no_physical_device_without_ib_key() -> None:
    own = person("own", "E1", ID_A, dev("S", "sms"), dev("D", "dsc_plus", "returned"))
    result = rules.can_share(person("req"), own, today=TODAY)
    assert result.reasons == ("no_physical_device",) and not result.owner_uses_ib_key


def test_same_user() -> None:
    p = person("Alice", "E1", ID_A, dev("D", "dsc_plus"))
    assert rules.can_share(p, person("alice", "E1", ID_A, dev("D", "dsc_plus")), today=TODAY).reasons == \
        ("same_user",)


def test_combination_identity_temporary_and_no_device() -> None:
    other = Identity(date(1970, 1, 1), "DE", "DE", "passport", "Z9", None)
    req = person("req", "E1", ID_A, dev("T", "temporary_code", expires=date(2025, 4, 1)))
    own = person("own", "E9", other, dev("K", "ib_key"))
    result = rules.can_share(req, own, today=TODAY)
    assert result.reasons == ("identity_mismatch", "temporary_device", "no_physical_device")
    assert not result.eligible and result.device is None


def test_combination_all_but_same_user() -> None:
    other = Identity(date(1970, 1, 1), "DE", "DE", "passport", "Z9", None)
    req = person("req", "E1", ID_A, dev("P", "dsc_plus"), dev("O", "online_security_code_card",
                                                              expires=date(2025, 3, 13)))
    own = person("own", "E9", other, dev("S", "security_code_card"))
    assert rules.can_share(req, own, today=TODAY).reasons == (
        "identity_mismatch", "temporary_device", "less_secure_device")


def test_every_reason_has_an_explanation() -> None:
    for code in rules.SHARE_REASONS:
        assert rules.explain_share_reason(code) != code


# ---------------------------------------------------------------------- limits gained by a device
@pytest.mark.parametrize(("current", "expected"), [
    (None, True), ("sms", True), ("security_code_card", True), ("ib_key", False),
    ("digital_security_card", False), ("dsc_plus", False), ("gold_card", False),
])
def test_raises_limits_with_ib_key(current: str | None, expected: bool) -> None:
    limits = rules.NO_DEVICE_LIMITS if current is None else rules.LIMITS_BY_TYPE[current]
    assert rules.raises_limits(limits, "ib_key") is expected


# ---------------------------------------------------------------------- deadlines
def test_online_card_gives_21_days_counting_the_activation_day() -> None:
    last = rules.online_card_expiry(date(2025, 3, 1))
    assert last == date(2025, 3, 21)
    card = dev("O", "online_security_code_card", expires=last)
    days_usable = [d for d in range(30) if rules.is_active(card, date(2025, 3, 1) + timedelta(days=d))]
    assert len(days_usable) == 21 and days_usable[0] == 0


def test_replacement_auto_activates_three_weeks_after_shipping_at_the_latest() -> None:
    assert rules.replacement_auto_activation(date(2025, 12, 20)) == date(2026, 1, 10)


def test_return_window_skips_weekends() -> None:
    # Shipped on Friday 14 March: 3 business days → Wed 19, 5 → Fri 21.
    assert rules.return_receipt_window(date(2025, 3, 14)) == (date(2025, 3, 19), date(2025, 3, 21))
    assert rules.return_receipt_window(date(2025, 3, 10)) == (date(2025, 3, 13), date(2025, 3, 17))


# ---------------------------------------------------------------------- deposit
def test_deposit_held_until_received() -> None:
    assert rules.DEVICE_DEPOSIT_USD == 20
    assert rules.deposit_held(None) and not rules.deposit_held(TODAY)


@pytest.mark.parametrize("reason", ["lost", "stolen", "intentionally_damaged", "not_returned_at_closure"])
def test_deposit_forfeited(reason: str) -> None:
    assert rules.deposit_forfeited(reason)


@pytest.mark.parametrize("reason", ["accidentally_damaged", "returned", "account_consolidation"])
def test_deposit_not_forfeited(reason: str) -> None:
    assert not rules.deposit_forfeited(reason)


@pytest.mark.parametrize(("dtype", "status", "received", "state"), [
    ("dsc_plus", "active", None, "held"), ("dsc_plus", "lost", None, "forfeited"),
    ("dsc_plus", "returned", None, "held"), ("dsc_plus", "returned", date(2025, 3, 1), "released"),
    ("dsc_plus", "pending_activation", None, "held"),
    ("security_code_card", "lost", None, "none"), ("ib_key", "active", None, "none"),
])
def test_deposit_state(dtype: str, status: str, received: date | None, state: str) -> None:
    assert rules.deposit_state(dtype, status, received) == state


# ---------------------------------------------------------------------- returns
@pytest.mark.parametrize(("dtype", "status", "required", "action"), [
    ("dsc_plus", "active", True, "return"),
    ("security_code_card", "active", False, "destroy"),
    # No return instructions for other hardware: never tell the client to post it.
    ("platinum_card", "active", False, "keep"), ("gold_card", "active", False, "keep"),
    ("digital_security_card", "active", False, "keep"),
    ("ib_key", "active", False, "none"), ("online_security_code_card", "active", False, "none"),
    # A lost device cannot be sent; a replacement in transit is the new device; a returned one is back.
    ("dsc_plus", "lost", False, "lost"), ("security_code_card", "lost", False, "lost"),
    ("dsc_plus", "pending_activation", False, "pending"), ("dsc_plus", "returned", False, "already_returned"),
])
def test_return_policy(dtype: str, status: str, required: bool, action: str) -> None:
    assert return_rules.return_policy(dtype, status) == return_rules.ReturnPolicy(required, action)
    assert action in return_rules.RETURN_ACTIONS


@pytest.mark.parametrize(("region", "in_address", "phone"), [
    ("us", "Greenwich, CT 06830", "1 (877) 442-2757"),
    ("europe", "CH-6301 Zug", "00800-42-276537"),
    ("asia", "Two Pacific Place", "+852-2156-7907"),
    ("australia", "PO Box R229", "+61 (2) 8093-7300"),
    ("japan", "Tokyo 100-6025", "+81 (3) 4588 9710"),
])
def test_return_contacts_per_region(region: str, in_address: str, phone: str) -> None:
    contact = return_rules.return_contact(region)
    assert in_address in contact.address and contact.phone == phone


@pytest.mark.parametrize(("region", "residence", "label", "number"), [
    ("us", "US", "US, toll free", "1 (877) 442-2757"),
    ("us", "CA", "Canada, toll free", "1 (877) 745-4222"),
    ("us", None, "US, toll free", "1 (877) 442-2757"),
    ("europe", "DE", "Europe, toll free", "00800-42-276537"),
    ("europe", "RU", "Russia, toll free", "8-800-100-8556"),
    ("asia", "HK", "Cantonese", "+852-2156-7907"),
    ("asia", "CN", "Mandarin", "+86 (21) 6086 8586"),
    ("japan", "JP", "Japanese, direct line", "+81 (3) 4588 9700"),
    ("japan", "US", "English, direct line", "+81 (3) 4588 9710"),
])
def test_primary_phone_follows_residence(region: str, residence: str | None, label: str, number: str) -> None:
    contact = return_rules.return_contact(region)
    primary = contact.primary_phone(residence)
    assert (primary.label, primary.number) == (label, number)
    ordered = contact.phones_for(residence)
    assert ordered[0] == primary and set(ordered) == set(contact.phones) and len(ordered) == len(contact.phones)


def test_every_number_is_listed_with_a_label() -> None:
    numbers = {p.number: p.label for c in return_rules.RETURN_CONTACTS.values() for p in c.phones}
    assert {"1 (877) 745-4222", "1 (514) 847-3499", "8-800-100-8556", "+41-41-726-9506", "+81 (3) 4588 9700",
            "+86 (21) 6086 8586"} <= set(numbers)
    assert all(numbers.values())
    assert "Japanese" in numbers["+81 (3) 4588 9700"] and "English" in numbers["+81 (3) 4588 9710"]


def test_japan_has_a_japanese_address() -> None:
    local = return_rules.return_contact("japan").local_address
    assert local is not None and "〒100-6025" in local and "霞ヶ関ビルディング25階" in local
    assert "セキュリティデバイス部" in local
    assert all(return_rules.return_contact(r).local_address is None for r in ("us", "europe", "asia", "australia"))


def test_unknown_region() -> None:
    with pytest.raises(InvalidInput):
        return_rules.return_contact("mars")


# ---------------------------------------------------------------------- recovery PIN
# Letters of any alphabet, digits and special characters are allowed (the KB names no alphabet).
@pytest.mark.parametrize("pin", ["abcd", "12345", "a1!b2@", "Zz9#", "!!!!", "äbcd", "Ωπ12", "ab€!", "日本12"])
def test_valid_recovery_pins(pin: str) -> None:
    assert rules.recovery_pin_problems(pin) == []
    rules.validate_recovery_pin(pin)


# Our one reading: whitespace and control characters are not special characters.
@pytest.mark.parametrize(("pin", "problems"), [
    ("abc", ["too_short"]), ("", ["too_short"]), ("abcdefg", ["too_long"]), ("ab d", ["bad_characters"]),
    ("ab\tcd", ["bad_characters"]), ("ab\x00c", ["bad_characters"]), ("a b", ["too_short", "bad_characters"]),
])
def test_invalid_recovery_pins(pin: str, problems: list[str]) -> None:
    assert rules.recovery_pin_problems(pin) == problems
    with pytest.raises(InvalidInput) as info:
        rules.validate_recovery_pin(pin)
    assert "accented" not in info.value.message and "4 to 6" in info.value.message


def test_format_usd() -> None:
    assert rules.format_usd(None) == "unlimited"
    assert rules.format_usd(1_500_000) == "1.5M USD" and rules.format_usd(50_000) == "50K USD"


# ---------------------------------------------------------------------- name search keys
@pytest.mark.parametrize(("name", "keys"), [
    ("Alice Chen", ["chen"]), ("Li", []), ("Brown Family Trust", ["family trust", "trust"]),
    ("Sato Holdings (Kenji Sato)", ["holdings (kenji sato)", "(kenji sato)", "kenji sato)", "sato)"]),
    ("  Julia   Müller ", ["müller"]),
])
def test_name_keys(name: str, keys: list[str]) -> None:
    assert name_keys(name) == keys
