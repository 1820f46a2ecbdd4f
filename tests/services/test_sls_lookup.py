"""Lookup, limits, sharing, return info, details, records and walkthroughs against a real database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from console.services import sls
from console.services.errors import InvalidInput, NotFound
from console.services.sls.demo import load_demo
from console.services.sls.walkthroughs import SITUATIONS, walkthrough_for
from tests.services.sls_helpers import snapshot


@pytest.fixture
def loaded(database):
    sls.import_data(database, snapshot())
    return database


@pytest.mark.parametrize(("query", "expected"), [
    ("ali", ["alice1", "alice2"]), ("ALICE2", ["alice2"]), ("u2000", ["bob"]), ("bob s", ["bob"]),
    ("d-", ["alice1"]), ("  Alice   Chen ", ["alice1", "alice2"]), ("zzz", []), ("", []),
    # A surname on its own, any case, as a prefix.
    ("chen", ["alice1", "alice2"]), ("CH", ["alice1", "alice2"]), ("ston", ["bob"]), ("hen", []),
])
def test_lookup_prefixes(loaded, query: str, expected: list[str]) -> None:
    assert [u.username for u in sls.lookup_users(loaded, query)] == expected


def test_lookup_summary_fields(loaded) -> None:
    (bob,) = sls.lookup_users(loaded, "bob")
    assert (bob.username, bob.account, bob.entity_name, bob.region) == ("bob", "U2000001", "Bob Stone", "europe")
    assert {(d.serial, d.type, d.status, d.level) for d in bob.devices} == {
        ("K-2", "ib_key", "active", 0), ("T-3", "online_security_code_card", "active", 0)}
    assert (bob.limits.device_type, bob.limits.daily_usd) == ("ib_key", 1_000_000)


def test_lookup_limit(loaded) -> None:
    assert len(sls.lookup_users(loaded, "a", limit=1)) == 1


def test_user_limits_and_unknown(loaded) -> None:
    assert sls.user_limits(loaded, "alice1") == sls.UserLimits("alice1", "dsc_plus", None, None)
    with pytest.raises(sls.UnknownClient) as info:
        sls.user_limits(loaded, "nobody")
    assert info.value.exit_code == 2
    # The GUI shows this hint too: it must not send the agent to the command line.
    assert "support-console" not in (info.value.hint or "") and "name" in (info.value.hint or "")


def _crowded(region_of_last: str) -> dict:
    """Twelve US users whose usernames, names, accounts and serials all start like the last one's
    (which is in ``region_of_last``), so a limit of 5 is used up before the last user."""
    data = snapshot()
    for i in range(12):
        data["entities"].append({"id": f"EC{i}", "name": f"Zed Crowd{i:02d}"})
        data["accounts"].append({"id": f"U90000{i:02d}", "entity": f"EC{i}", "region": "us"})
        data["users"].append({"username": f"zed{i:02d}", "account": f"U90000{i:02d}", "entity": f"EC{i}"})
        data["devices"].append({"serial": f"Z-{i:02d}", "type": "sms", "user": f"zed{i:02d}", "status": "active"})
    data["accounts"][-1]["region"] = region_of_last
    return data


@pytest.mark.parametrize("query", ["zed", "zed crowd", "crowd", "u9000", "z-"])
def test_lookup_region_filters_in_sql_before_the_limit(database, query: str) -> None:
    sls.import_data(database, _crowded("asia"))
    assert len(sls.lookup_users(database, query, limit=5)) == 5
    assert [u.username for u in sls.lookup_users(database, query, limit=5, region="asia")] == ["zed11"]
    assert len(sls.lookup_users(database, query, limit=50, region="us")) == 11
    assert sls.lookup_users(database, query, region="japan") == []
    with pytest.raises(InvalidInput):
        sls.lookup_users(database, query, region="mars")


def test_check_sharing(loaded) -> None:
    ok = sls.check_sharing(loaded, "alice2", "alice1")
    assert ok.eligible and ok.device == "D-1"
    bad = sls.check_sharing(loaded, "bob", "alice1")
    assert bad.reasons == ["identity_mismatch", "temporary_device"] and len(bad.explanations) == 2
    ib = sls.check_sharing(loaded, "alice1", "bob")
    assert "no_physical_device" in ib.reasons and ib.owner_uses_ib_key
    assert sls.check_sharing(loaded, "alice1", "ALICE1").reasons == ["same_user"]


def test_return_info(loaded) -> None:
    info = sls.return_info(loaded, "alice1")
    (d,) = info.devices
    assert d.return_required and d.action == "return" and "Greenwich" in d.address and d.phone == "1 (877) 442-2757"
    assert [p.number for p in d.phones][:1] == ["1 (877) 442-2757"] and len(d.phones) == 4
    bob = sls.return_info(loaded, "bob")
    assert all(not x.return_required for x in bob.devices) and "Zug" in bob.devices[0].address


def test_return_info_skips_lost_and_pending_devices(loaded) -> None:
    rep = sls.request_replacement(loaded, "alice1", old_serial="D-1", mark_old_lost=True)
    sls.record_shipment(loaded, rep.id, "D-NEW")
    info = sls.return_info(loaded, "alice1")
    assert {(d.serial, d.return_required, d.action) for d in info.devices} == {
        ("D-1", False, "lost"), ("D-NEW", False, "pending")}


def test_return_info_gives_canadian_clients_the_canadian_number(database) -> None:
    data = snapshot()
    data["entities"][0]["residence"] = "CA"
    sls.import_data(database, data)
    info = sls.return_info(database, "alice1")
    assert info.phone == "1 (877) 745-4222" and info.devices[0].phone == "1 (877) 745-4222"
    assert [p.label for p in info.phones] == ["Canada, toll free", "US, toll free", "US, direct", "Canada, direct"]


def test_replacement_shipment_and_return_flow(loaded) -> None:
    today = date.today()
    rep = sls.request_replacement(loaded, "alice1", old_serial="D-1", mark_old_lost=True,
                                  requested=today - timedelta(days=3))
    detail = sls.user_detail(loaded, "alice1")
    assert any("has not shipped" in w for w in detail.warnings)
    shipped = sls.record_shipment(loaded, rep.id, "D-NEW", shipped=today - timedelta(days=1))
    assert shipped.auto_activates == today + timedelta(days=20)
    detail = sls.user_detail(loaded, "alice1")
    assert [dl.kind for dl in detail.deadlines] == ["auto_activation"] and detail.deadlines[0].days_left == 20
    assert "at the latest" in detail.deadlines[0].text
    assert any("deposit on lost device D-1 is kept" in w for w in detail.warnings)
    statuses = {d.serial: d.status for d in detail.user.devices}
    assert statuses == {"D-1": "lost", "D-NEW": "pending_activation"}
    with pytest.raises(InvalidInput):
        sls.record_shipment(loaded, rep.id, "D-OTHER")
    ret = sls.record_return(loaded, "D-1", shipped=today)
    assert ret.deposit_held and ret.expected_from > today
    assert any("deposit" in w for w in sls.user_detail(loaded, "alice1").warnings)
    done = sls.record_return_received(loaded, "D-1", received=today + timedelta(days=4))
    assert not done.deposit_held
    with pytest.raises(NotFound):
        sls.record_return(loaded, "nope")
    with pytest.raises(InvalidInput):
        sls.request_replacement(loaded, "alice1", device_type="sms")


def test_detail_warns_about_expiring_card(loaded) -> None:
    detail = sls.user_detail(loaded, "bob")
    (dl,) = detail.deadlines
    assert dl.kind == "online_card_expiry" and dl.days_left == 3
    assert any("works for 3 more days, through" in w for w in detail.warnings)
    assert not any("(s)" in w for w in detail.warnings) and "its last day" not in dl.text


def test_demo_load_and_walkthroughs(database) -> None:
    assert load_demo(database).loaded
    assert not load_demo(database, if_empty=True).loaded
    again = load_demo(database)  # idempotent: no duplicate records
    assert again.loaded and len(sls.replacements_for(database, "daniel_wong")) == 1
    regions = {u.region for u in sls.lookup_users(database, "u", limit=100)}
    assert regions == {"us", "europe", "asia", "australia", "japan"}
    assert sls.get_user(database, "frank_miller").opted_out
    daniel = sls.user_detail(database, "daniel_wong")
    assert any("activates by itself" in w for w in daniel.warnings)
    for key, _title in SITUATIONS:
        w = walkthrough_for(daniel, key)
        assert w.steps and w.text().startswith(w.title)
    lost = walkthrough_for(daniel, "lost_or_damaged").text()
    assert "+852-2156-7907" in lost and "DSC-300002" in lost
    ret = walkthrough_for(sls.user_detail(database, "ivan_petrov"), "return_device").text()
    assert "Zug" in ret and "SCC-200005" in ret
    share = walkthrough_for(sls.user_detail(database, "emma_smith"), "share_device").text()
    assert "Add user" in share
    with pytest.raises(InvalidInput):
        walkthrough_for(daniel, "teleport")


def test_replacement_refused_for_devices_that_cannot_be_replaced(database) -> None:
    load_demo(database)
    # A temporary card runs out; a replacement already shipped is the client's new device.
    for serial, words in (("OSC-300001", "temporary device"), ("DSC-300002", "replacement on its way"),
                          ("DSC-300001", "already being replaced")):
        with pytest.raises(InvalidInput) as info:
            sls.request_replacement(database, "daniel_wong", old_serial=serial)
        assert words in info.value.message
    with pytest.raises(InvalidInput, match="not hardware"):
        sls.request_replacement(database, "emma_smith", old_serial="IBK-400001")
    assert len(sls.replacements_for(database, "daniel_wong")) == 1  # nothing was written
    first = sls.request_replacement(database, "bruno_keller", old_serial="PLT-200001")
    with pytest.raises(InvalidInput, match=f"request {first.id}"):
        sls.request_replacement(database, "bruno_keller", old_serial="PLT-200001")


def test_lost_shared_device_with_the_owners_replacement_in_flight(database) -> None:
    load_demo(database)
    rep = sls.request_replacement(database, "alice_chen", old_serial="DSC-100001", mark_old_lost=True)
    detail = sls.user_detail(database, "alice_ira")
    assert any("DSC-100001" in w and "marked lost" in w and "alice_chen's login" in w for w in detail.warnings)
    steps = walkthrough_for(detail, "lost_or_damaged").steps
    assert any("alice_chen already asked for a replacement" in s and "do not order another" in s for s in steps)
    assert not any("Request physical device" in s for s in steps)
    sls.record_shipment(database, rep.id, "DSC-100099")
    steps = sls.walkthrough(database, "alice_ira", "lost_or_damaged").steps
    assert any("replacement on its way (DSC-100099" in s and "at the latest" in s for s in steps)
