"""Importing snapshots on SQLite and PostgreSQL: all or nothing, idempotent, bad records named."""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
import pytest

from console.services import sls
from console.services.errors import Cancelled
from tests.services.sls_helpers import BASE, snapshot


def test_import_and_reimport_is_idempotent(database) -> None:
    first = sls.import_data(database, snapshot())
    assert (first.entities, first.accounts, first.users, first.devices, first.shares) == (2, 2, 3, 3, 1)
    sls.import_data(database, snapshot())
    assert sls.count_users(database) == 3
    alice2 = sls.get_user(database, "ALICE2")
    assert [(d.serial, d.shared) for d in alice2.devices] == [("D-1", True)]
    assert alice2.limits.device_type == "dsc_plus"


def test_reimport_updates_records_and_shares(database) -> None:
    sls.import_data(database, snapshot())
    data = snapshot()
    data["accounts"][0]["sls_opted_out"] = True
    data["devices"][0]["shared_with"] = []
    sls.import_data(database, data)
    alice1 = sls.get_user(database, "alice1")
    assert alice1.opted_out and alice1.limits.device_type is None
    assert sls.get_user(database, "alice2").devices == []


def test_online_card_expiry_is_computed(database) -> None:
    sls.import_data(database, snapshot())
    card = next(d for d in sls.get_user(database, "bob").devices if d.serial == "T-3")
    assert card.expires is not None and card.activated is not None
    # 21 days counting the activation day: the stored expiry is the last day it works.
    assert (card.expires - card.activated).days == 20


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda d: d["devices"][1].update(type="usb_stick"), "devices[1] (serial 'K-2'): 'type'"),
    (lambda d: d["users"][0].update(account="U9"), "users ('alice1'): 'account' refers to 'U9'"),
    (lambda d: d["accounts"][1].update(region="mars"), "accounts[1] (id 'U2000001'): 'region'"),
    (lambda d: d["entities"][0].update(date_of_birth="03/02/1980"), "entities[0] (id 'E1'): 'date_of_birth'"),
    (lambda d: d["devices"][0].update(shared_with=["ghost"]), "unknown user 'ghost'"),
    (lambda d: d["users"].append(dict(d["users"][0], username="ALICE1")), "appears twice"),
    (lambda d: d["accounts"][0].update(sls_opted_out="no"), "'sls_opted_out' must be true or false"),
    (lambda d: d["devices"][2].pop("status"), "devices[2] (serial 'T-3'): 'status' is missing"),
    # Only physical devices are shared; IB Key adds users inside the app.
    (lambda d: d["devices"][1].update(shared_with=["alice1"]),
     "devices[1] (serial 'K-2'): 'shared_with' is only allowed on physical devices, not on type 'ib_key' "
     "(IB Key users are added inside the IBKR Mobile app instead)"),
    (lambda d: d["devices"][2].update(shared_with=["alice1"]),
     "devices[2] (serial 'T-3'): 'shared_with' is only allowed on physical devices, not on type "
     "'online_security_code_card'"),
    (lambda d: d["devices"].append({"serial": "S-5", "type": "sms", "user": "bob", "status": "active",
                                    "shared_with": ["alice2"]}),
     "devices[3] (serial 'S-5'): 'shared_with' is only allowed on physical devices, not on type 'sms'"),
    (lambda d: d["devices"].append({"serial": "TC-6", "type": "temporary_code", "user": "bob", "status": "active",
                                    "shared_with": ["alice2"]}),
     "devices[3] (serial 'TC-6'): 'shared_with' is only allowed on physical devices"),
])
def test_bad_record_is_named_and_nothing_is_written(database, mutate, expected) -> None:
    data = snapshot()
    mutate(data)
    with pytest.raises(sls.ImportFileError) as info:
        sls.import_data(database, data)
    assert expected in info.value.message
    assert sls.count_users(database) == 0


def test_references_to_existing_rows_are_accepted(database) -> None:
    sls.import_data(database, snapshot())
    extra = {"users": [{"username": "carol", "account": "U1000001", "entity": "E1"}],
             "devices": [{"serial": "S-9", "type": "sms", "user": "carol", "status": "active"}]}
    result = sls.import_data(database, extra)
    assert result.users == 1 and sls.get_user(database, "carol").limits.device_type == "sms"


def test_conflict_rolls_back_everything(database) -> None:
    sls.import_data(database, snapshot())
    # "Alice1" differs from "alice1" only by case: the unique key refuses it; nothing of the file is kept.
    data = {"entities": [dict(BASE["entities"][1], id="E3", name="New Person")],
            "users": [{"username": "Alice1", "account": "U1000001", "entity": "E1"}]}
    with pytest.raises(sls.ImportFileError):
        sls.import_data(database, data)
    assert sls.lookup_users(database, "new person") == []


def test_cancel_leaves_database_untouched(database) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        sls.import_data(database, snapshot(), cancel=cancel)
    assert sls.count_users(database) == 0


def test_import_file_errors(sqlite_database, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(sls.ImportFileError, match="not valid JSON"):
        sls.import_file(sqlite_database, bad)
    with pytest.raises(sls.ImportFileError, match="Cannot read"):
        sls.import_file(sqlite_database, tmp_path / "missing.json")
    arr = tmp_path / "list.json"
    arr.write_bytes(orjson.dumps([1, 2]))
    with pytest.raises(sls.ImportFileError, match="one JSON object"):
        sls.import_file(sqlite_database, arr)


def test_progress_is_reported(sqlite_database, tmp_path: Path) -> None:
    path = tmp_path / "snap.json"
    path.write_bytes(orjson.dumps(snapshot()))
    seen: list[tuple[int, int]] = []
    sls.import_file(sqlite_database, path, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]


def test_empty_shared_with_is_fine_on_any_type(database) -> None:
    data = snapshot()
    data["devices"][1]["shared_with"] = []
    assert sls.import_data(database, data).shares == 1


def test_surname_keys_follow_a_renamed_entity(database) -> None:
    sls.import_data(database, snapshot())
    assert [u.username for u in sls.lookup_users(database, "stone")] == ["bob"]
    data = snapshot()
    data["entities"][1]["name"] = "Bob Marley Junior"
    sls.import_data(database, data)
    assert sls.lookup_users(database, "stone") == []
    assert [u.username for u in sls.lookup_users(database, "marl")] == ["bob"]
    assert [u.username for u in sls.lookup_users(database, "jun")] == ["bob"]
    assert [u.username for u in sls.lookup_users(database, "marley j")] == ["bob"]
