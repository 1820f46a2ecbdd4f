"""Walkthroughs tailored to the demo clients' real state (lost devices, replacements in flight, regions).

The demo set is loaded once into a SQLite file for the module: walkthroughs are computed from a
``UserDetail`` and never write, so sharing it between tests is safe and keeps them fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.services import sls
from console.services.db import Database
from console.services.sls import rules, walkthroughs
from console.services.sls.demo import load_demo

NEAR_COPIES = ("Tap Register Two-Factor, read the instructions and continue",
               "If it opens on the login screen, tap Services (top left)")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database(f"sqlite:///{Path(tmp_path_factory.mktemp('sls-demo')) / 'demo.db'}")
    db.upgrade()
    load_demo(db)
    yield db
    db.dispose()


def walk(db: Database, username: str, situation: str) -> sls.Walkthrough:
    return sls.walkthrough(db, username, situation)


def test_every_situation_for_every_demo_user(demo: Database) -> None:
    for user in sls.lookup_users(demo, "u", limit=100):
        detail = sls.user_detail(demo, user.username)
        for key, title in walkthroughs.SITUATIONS:
            w = walkthroughs.walkthrough_for(detail, key)
            assert w.steps and w.text().startswith(f"{title} ({user.username})")
            assert not any(copy in w.text() for copy in NEAR_COPIES)


# ---------------------------------------------------------------------- lost or damaged
def test_lost_daniel_uses_his_online_card_and_waits_for_the_shipped_replacement(demo: Database) -> None:
    w = walk(demo, "daniel_wong", "lost_or_damaged")
    steps = "\n".join(w.steps)
    assert w.steps[0].startswith("OSC-300001") and "no new temporary access" in w.steps[0]
    assert "DSC-300002" in steps and "do not order another" in steps and "at the latest" in steps
    # No ordering, no new online card, no call for temporary access.
    assert "Request physical device" not in steps and "online security code card option" not in steps
    assert "Phone Client Services" not in steps
    notes = "\n".join(w.notes)
    assert "deposit on DSC-300001 is kept" in notes and "stolen or damaged on purpose" in notes
    # His online card runs out before the replacement's latest activation date: say so, with his numbers.
    assert "OSC-300001 stops working after" in notes and "+852-2156-7907" in notes


def test_lost_emma_with_ib_key_is_not_told_to_order_a_dsc_plus(demo: Database) -> None:
    w = walk(demo, "emma_smith", "lost_or_damaged")
    steps = "\n".join(w.steps)
    assert "DSC+" not in steps and "Request physical device" not in steps
    assert w.steps[0].startswith("Phone Client Services") and "+61 (2) 8093-7300" in w.steps[0]
    assert "online security code card option" in w.steps[2]
    assert "activate IB Key" in w.steps[-1]


def test_lost_chiara_security_code_card_points_to_ib_key(demo: Database) -> None:
    w = walk(demo, "chiara_rossi", "lost_or_damaged")
    steps = "\n".join(w.steps)
    assert w.steps[0].startswith("GLD-200002") and "no temporary access is needed" in w.steps[0]
    assert "IB Key" in w.steps[1] and "security code card" in w.steps[1]
    assert "Request physical device" not in steps and "Phone Client Services" not in steps
    assert any("SCC-200003" in n for n in w.notes)
    detail = sls.user_detail(demo, "chiara_rossi")
    assert any("SCC-200003" in x and "IB Key" in x for x in detail.warnings)
    assert sls.replacements_for(demo, "chiara_rossi") == []


def test_lost_alice_with_working_dsc_plus_orders_a_replacement(demo: Database) -> None:
    w = walk(demo, "alice_chen", "lost_or_damaged")
    steps = "\n".join(w.steps)
    assert w.steps[0].startswith("Phone Client Services") and "phone" in w.steps[0]
    assert "Request physical device" in steps and "$20 deposit is held" in steps
    assert "no later than 3 weeks after it ships" in steps
    note, shared = w.notes
    assert "DSC-100001" in note and "lost or stolen" in note and "by accident" in note and "deliberate" in note
    # alice_ira logs in with this DSC+ too: the owner hears that she is locked out as well.
    assert "shared with alice_ira" in shared and "temporary access of their own" in shared


def test_lost_platinum_card_is_kept_not_returned(demo: Database) -> None:
    w = walk(demo, "bruno_keller", "lost_or_damaged")
    assert any("Request physical device" in s for s in w.steps)
    assert any("PLT-200001" in n and "keeps it" in n for n in w.notes)


# ---------------------------------------------------------------------- online card / temporarily unavailable
def test_online_card_steps_carry_the_old_menu_path_and_the_expiry(demo: Database) -> None:
    w = walk(demo, "alice_chen", "temporarily_unavailable")
    assert w.steps[0].startswith("Phone Client Services") and "only done by phone" in w.steps[0]
    assert "account holder" in w.steps[0]
    assert "ibkr.com" in w.steps[1]
    text = w.text()
    assert "Manage Account, Security, Secure Login System, Secure Device" in text
    assert "expiry date" in text and "counting the activation day" in text


def test_temporarily_unavailable_with_a_running_card(demo: Database) -> None:
    (step,) = walk(demo, "daniel_wong", "temporarily_unavailable").steps
    assert "OSC-300001" in step and "no new card is needed" in step


# ---------------------------------------------------------------------- returns
def test_return_alice_orders_the_steps(demo: Database) -> None:
    w = walk(demo, "alice_chen", "return_device")
    assert "technical support" in w.steps[0] and "temporary code" in w.steps[0]
    assert w.steps[1].startswith("Pack DSC-100001")
    assert "Greenwich" in "\n".join(w.steps)
    assert "request a new DSC+" in w.steps[-1]


def test_return_daniel_sends_nothing(demo: Database) -> None:
    w = walk(demo, "daniel_wong", "return_device")
    assert w.steps == ["Nothing has to be sent back or shredded for daniel_wong."]
    notes = "\n".join(w.notes)
    assert "DSC-300001 is recorded as lost" in notes and "deposit is kept" in notes
    assert "DSC-300002 is not active yet" in notes
    info = sls.return_info(demo, "daniel_wong")
    assert info.devices and not any(d.return_required for d in info.devices)


def test_return_chiara_does_not_pack_her_gold_card(demo: Database) -> None:
    w = walk(demo, "chiara_rossi", "return_device")
    assert "Pack" not in w.text() and "GLD-200002" not in "\n".join(w.steps)
    assert any("GLD-200002" in n and "keeps it" in n for n in w.notes)
    gold = next(d for d in sls.return_info(demo, "chiara_rossi").devices if d.serial == "GLD-200002")
    assert not gold.return_required and gold.action == "keep"


def test_return_ivan_shreds_the_card_and_hears_about_ib_key(demo: Database) -> None:
    w = walk(demo, "ivan_petrov", "return_device")
    assert w.steps[0].startswith("SCC-200005") and "shred" in w.steps[0]
    assert "IB Key" in w.steps[1]
    assert any("DSC-200006 is on its way back" in n for n in w.notes)
    # Ivan is a Russian citizen living in Germany: residence decides, so the Europe line comes first,
    # and the Russian lines are still listed.
    info = sls.return_info(demo, "ivan_petrov")
    assert info.phone == "00800-42-276537" and "8-800-100-8556" in [p.number for p in info.phones]


def test_return_japan_gives_the_japanese_address(demo: Database) -> None:
    w = walk(demo, "kenji_sato", "return_device")
    assert "東京都千代田区" in w.text() and "Tokyo 100-6025" in w.text()
    info = sls.return_info(demo, "kenji_sato")
    assert info.phone == "+81 (3) 4588 9700" and info.phones[0].label == "Japanese, direct line"
    assert info.local_address is not None and "セキュリティデバイス部" in info.local_address


def test_return_canadian_resident_gets_the_canadian_line(demo: Database) -> None:
    info = sls.return_info(demo, "hannah_brown")
    assert info.phone == "1 (877) 745-4222" and len(info.phones) == 4
    w = walk(demo, "hannah_brown", "return_device")
    assert "Canada, toll free 1 (877) 745-4222; US, toll free" in w.steps[0]


# ---------------------------------------------------------------------- IB Key
def test_ib_key_opted_out_frank_is_not_promised_higher_limits(demo: Database) -> None:
    notes = "\n".join(walk(demo, "frank_miller", "ib_key_ios").notes)
    assert "1M USD" not in notes and "opted out" in notes and "no-device level" in notes


def test_ib_key_sms_user_hears_about_higher_limits(demo: Database) -> None:
    notes = "\n".join(walk(demo, "grace_lee", "ib_key_android").notes)
    assert "1M USD a day" in notes


def test_ib_key_no_limits_note_when_already_as_high(demo: Database) -> None:
    assert not any("limits become" in n for n in walk(demo, "kenji_sato", "ib_key_ios").notes)


def test_ib_key_connection_notes(demo: Database) -> None:
    w = walk(demo, "emma_smith", "ib_key_ios")
    notes = "\n".join(w.notes)
    assert "online and able to receive SMS" in notes and "challenge/response" in notes
    assert "replaces" not in notes and "only during activation" not in notes
    assert any("IBK-400001" in n for n in w.notes)


def test_ib_key_notification_works_offline(demo: Database) -> None:
    notes = "\n".join(walk(demo, "emma_smith", "ib_key_notification").notes)
    assert "roaming" in notes and "no mobile data" in notes


# ---------------------------------------------------------------------- opt back in, sharing
def test_opt_back_in_keeps_to_what_the_kb_says(demo: Database) -> None:
    w = walk(demo, "frank_miller", "opt_back_in")
    assert len(w.steps) == 3 and "ibkr.com" in w.steps[0] and "frank_miller" in w.steps[1]
    assert "User Settings" not in w.text() and "gear" not in w.text()


def test_demo_sharing_is_consistent_with_the_rules(demo: Database) -> None:
    # henry_brown uses hannah_brown's DSC+; neither may hold a temporary device for that.
    check = sls.check_sharing(demo, "henry_brown", "hannah_brown")
    assert check.eligible and check.device == "DSC-100004"
    w = walk(demo, "grace_lee", "share_device")
    assert any("active temporary device" in n for n in w.notes)


# ---------------------------------------------------------------------- a device shared from another user
def test_lost_shared_device_is_the_owners_to_replace(demo: Database) -> None:
    # alice_ira has no device of her own: she logs in with alice_chen's DSC+ DSC-100001.
    w = walk(demo, "alice_ira", "lost_or_damaged")
    text = w.text()
    assert "No permanent device" not in text and "check the username" not in text
    # First whose device it is, then temporary access (she has nothing else to log in with meanwhile).
    assert w.steps[0].startswith("DSC-100001 (DSC+) belongs to alice_chen") and "alice_ira does not order" in w.steps[0]
    assert w.steps[1].startswith("Phone Client Services")
    assert any("Log in to the Client Portal as alice_chen (not as alice_ira)" in s for s in w.steps)
    assert any("Request physical device" in s for s in w.steps)
    assert "Share a device walkthrough" in w.steps[-1] and "temporary device" in w.steps[-1]
    notes = "\n".join(w.notes)
    assert "(alice_chen's, the owner's)" in notes and "alice_chen sends it back" in notes
    assert "per username" in notes



def test_lost_shared_device_warns_that_the_online_card_holds_up_the_reshare(demo: Database) -> None:
    # Her steps activate an online card (a temporary device); the last step asks to share the new DSC+,
    # which is refused while she holds one: she hears so before activating it, and the last step says when.
    w = walk(demo, "alice_ira", "lost_or_damaged")
    last = rules.online_card_expiry(sls.user_detail(demo, "alice_ira").today).isoformat()
    card = next(i for i, s in enumerate(w.steps) if "online security code card option" in s)
    warnings = [i for i, s in enumerate(w.steps) if "counts as a temporary device" in s]
    assert warnings == [card - 2]  # after the phone call, before the card is opened
    warning = w.steps[card - 2]
    assert f"through {last}" in warning and "sharing the new device from alice_chen" in warning
    assert "refused" in warning and "arrives sooner" in warning
    assert w.steps[-1].endswith(f"alice_ira's temporary device works through {last}, so the request goes in after "
                                "that date.")


def test_lost_device_shared_with_others_warns_the_owner_too(demo: Database) -> None:
    w = walk(demo, "alice_chen", "lost_or_damaged")
    last = rules.online_card_expiry(sls.user_detail(demo, "alice_chen").today).isoformat()
    assert "counts as a temporary device" in w.steps[1] and "sharing the new device with alice_ira" in w.steps[1]
    assert any("shared with them again" in n and f"works through {last}" in n for n in w.notes)


def test_sharing_warning_only_where_a_new_card_meets_a_shared_device(demo: Database) -> None:
    warned = set()
    for user in sls.lookup_users(demo, "u", limit=100):
        w = walk(demo, user.username, "lost_or_damaged")
        if any("counts as a temporary device" in s for s in w.steps):
            warned.add(user.username)
            # Only where the steps activate a new card (someone with a running card or another device does not).
            assert any("online security code card option" in s for s in w.steps)
            detail = sls.user_detail(demo, user.username)
            assert any(d.shared or d.shared_with for d in detail.user.devices)
    assert {"alice_chen", "alice_ira"} <= warned

def test_return_shared_device_user_sends_nothing_and_names_the_owner(demo: Database) -> None:
    w = walk(demo, "alice_ira", "return_device")
    assert "holds no device" not in w.text().replace("holds no device of their own", "")
    assert w.steps[0] == ("alice_ira holds no device of their own, so there is nothing for alice_ira to send back "
                          "or shred.")
    assert "only alice_chen, the owner, can send it back" in w.steps[1]
    assert "a device of their own" in w.steps[1] and "Pack" not in w.text()
    (device,) = sls.return_info(demo, "alice_ira").devices
    assert (device.serial, device.action, device.holder, device.shared, device.return_required) == (
        "DSC-100001", "shared", "alice_chen", True, False)
    owner = next(d for d in sls.return_info(demo, "alice_chen").devices if d.serial == "DSC-100001")
    assert owner.action == "return" and owner.shared_with == ("alice_ira",)


def test_return_by_the_owner_warns_about_the_users_sharing_it(demo: Database) -> None:
    w = walk(demo, "alice_chen", "return_device")
    assert any("shared with alice_ira" in n and "another device first" in n for n in w.notes)


def test_share_and_unavailable_walkthroughs_know_about_an_existing_share(demo: Database) -> None:
    w = walk(demo, "alice_ira", "share_device")
    assert "DSC-100001, alice_chen's device" in w.steps[0]
    assert any("already uses DSC-100001" in n and "alice_chen" in n for n in w.notes)
    assert any("already shared with alice_ira" in n for n in walk(demo, "alice_chen", "share_device").notes)
    notes = "\n".join(walk(demo, "alice_ira", "temporarily_unavailable").notes)
    assert "belongs to alice_chen" in notes


def test_no_walkthrough_or_detail_text_says_day_s(demo: Database) -> None:
    for user in sls.lookup_users(demo, "u", limit=100):
        detail = sls.user_detail(demo, user.username)
        texts = [*detail.warnings, *(d.text for d in detail.deadlines)]
        texts += [walkthroughs.walkthrough_for(detail, key).text() for key, _ in walkthroughs.SITUATIONS]
        assert not any("(s)" in t or "its last day" in t for t in texts), user.username


def test_return_pending_ib_key_is_not_called_a_replacement(demo: Database) -> None:
    notes = "\n".join(walk(demo, "li_wei", "return_device").notes)
    assert "IBK-300003 (IB Key (IBKR Mobile)) is not activated yet" in notes and "replacement" not in notes
