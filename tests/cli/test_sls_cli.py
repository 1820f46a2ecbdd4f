"""The sls and demo CLI on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from tests.services.sls_helpers import snapshot


@pytest.fixture
def cli_db(database, monkeypatch: pytest.MonkeyPatch, cli):
    monkeypatch.setenv("SUPPORT_CONSOLE_DB_URL", database.raw_url)
    return cli


@pytest.fixture
def imported(cli_db, tmp_path: Path):
    path = tmp_path / "snap.json"
    path.write_bytes(orjson.dumps(snapshot()))
    code, out, err = cli_db(["sls", "import", str(path), "--json"])
    assert code == 0, err
    assert json.loads(out)["users"] == 3
    return cli_db


def test_lookup_json(imported) -> None:
    code, out, _ = imported(["sls", "lookup", "ALI", "--json"])
    users = json.loads(out)
    assert code == 0 and [u["username"] for u in users] == ["alice1", "alice2"]
    assert users[0]["account"] == "U1000001"
    assert users[0]["devices"] == [{"serial": "D-1", "type": "dsc_plus", "status": "active", "level": 5}]
    assert users[0]["limits"] == {"device_type": "dsc_plus", "daily_usd": None, "five_day_usd": None}


def test_lookup_text_and_no_match(imported) -> None:
    code, out, _ = imported(["sls", "lookup", "u2000001"])
    assert code == 0 and "bob" in out and "USERNAME" in out
    code, out, err = imported(["sls", "lookup", "nobody"])
    assert code == 2 and out == "" and "No client matches" in err and "Traceback" not in err


def test_limits(imported) -> None:
    code, out, _ = imported(["sls", "limits", "bob", "--json"])
    assert code == 0
    assert json.loads(out) == {"username": "bob", "device_type": "ib_key", "daily_usd": 1_000_000,
                               "five_day_usd": 1_000_000}
    code, _, err = imported(["sls", "limits", "ghost"])
    assert code == 2 and "No user named 'ghost'" in err


def test_can_share(imported) -> None:
    code, out, _ = imported(["sls", "can-share", "alice2", "alice1", "--json"])
    assert code == 0 and json.loads(out) == {"eligible": True, "reasons": [], "device": "D-1"}
    code, out, _ = imported(["sls", "can-share", "bob", "alice1", "--json"])
    assert json.loads(out) == {"eligible": False, "reasons": ["identity_mismatch", "temporary_device"],
                               "device": None}
    code, out, _ = imported(["sls", "can-share", "alice1", "bob"])
    assert "IBKR Mobile" in out
    code, _, err = imported(["sls", "can-share", "alice1", "ghost"])
    assert code == 2 and "ghost" in err


def test_return_info(imported) -> None:
    code, out, _ = imported(["sls", "return-info", "alice1", "--json"])
    (dev,) = json.loads(out)
    assert code == 0 and dev["serial"] == "D-1" and dev["return_required"] is True
    assert "Greenwich" in dev["address"] and dev["phone"] == "1 (877) 442-2757"
    assert dev["phones"][0] == {"label": "US, toll free", "number": "1 (877) 442-2757"} and len(dev["phones"]) == 4


def test_return_info_demo_clients(cli_db) -> None:
    assert cli_db(["demo", "load"])[0] == 0
    code, out, _ = cli_db(["sls", "return-info", "daniel_wong", "--json"])
    devices = {d["serial"]: d for d in json.loads(out)}
    assert code == 0 and not any(d["return_required"] for d in devices.values())
    assert devices["DSC-300001"]["action"] == "lost" and devices["DSC-300002"]["action"] == "pending"
    code, out, _ = cli_db(["sls", "return-info", "chiara_rossi", "--json"])
    assert {d["serial"]: d["action"] for d in json.loads(out)} == {"GLD-200002": "keep", "SCC-200003": "lost"}
    code, out, _ = cli_db(["sls", "return-info", "hannah_brown", "--json"])
    (dev,) = json.loads(out)
    assert dev["phone"] == "1 (877) 745-4222"
    code, out, _ = cli_db(["sls", "return-info", "kenji_sato"])
    assert code == 0 and "Japanese, direct line +81 (3) 4588 9700" in out and "東京都" in out
    assert "no return instructions" in out


def test_records_show_and_walkthrough(imported) -> None:
    code, out, _ = imported(["sls", "request-replacement", "alice1", "--old-serial", "D-1", "--lost", "--json"])
    rid = json.loads(out)["id"]
    code, out, err = imported(["sls", "ship-replacement", str(rid), "D-9", "--json"])
    assert code == 0, err
    assert json.loads(out)["auto_activates"] is not None
    code, out, _ = imported(["sls", "record-return", "D-1"])
    assert code == 0 and "deposit" in out
    code, out, _ = imported(["sls", "show", "alice1"])
    assert code == 0 and "D-9" in out and "activates by itself" in out and "at the latest" in out
    code, out, _ = imported(["sls", "walkthrough", "alice1", "return_device"])
    assert code == 0 and out.startswith("Return a device (alice1)") and "1. " in out
    code, _, err = imported(["sls", "walkthrough", "alice1", "teleport"])
    assert code == 2 and "Unknown situation" in err
    code, _, err = imported(["sls", "ship-replacement", "999", "X"])
    assert code == 2


def test_import_bad_file(cli_db, tmp_path: Path) -> None:
    data = snapshot()
    data["devices"][0]["type"] = "usb"
    path = tmp_path / "bad.json"
    path.write_bytes(orjson.dumps(data))
    code, _out, err = cli_db(["sls", "import", str(path)])
    assert code == 2 and "devices[0] (serial 'D-1'): 'type'" in err and err[-1] == "\n" and err.count("\n") == 1


def test_demo_load_if_empty(cli_db) -> None:
    code, out, _ = cli_db(["demo", "load", "--if-empty", "--json"])
    assert code == 0 and json.loads(out)["loaded"] is True
    code, out, _ = cli_db(["demo", "load", "--if-empty"])
    assert code == 0 and "not loaded" in out
    code, out, _ = cli_db(["sls", "lookup", "daniel", "--json"])
    assert json.loads(out)[0]["username"] == "daniel_wong"


def test_check_pin(cli_db, tmp_path: Path) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.write_text("ab1!\n")
    bad.write_text("ab\n")
    assert cli_db(["sls", "check-pin", "--pin-file", str(good)])[0] == 0
    code, out, _err = cli_db(["sls", "check-pin", "--pin-file", str(bad)])
    assert code == 2 and "ab" not in out
    accented = tmp_path / "accented"
    accented.write_text("äé1!\n", encoding="utf-8")
    assert cli_db(["sls", "check-pin", "--pin-file", str(accented)])[0] == 0



@pytest.mark.parametrize("argv", [["--pin", "7391zq"], ["--pin=7391zq"], ["--pi", "7391zq"], ["7391zq"]],
                         ids=["--pin", "--pin=", "abbreviation", "positional"])
def test_check_pin_never_takes_the_pin_on_the_command_line(cli, argv: list[str]) -> None:
    # The PIN only comes from --pin-file (or stdin, or the prompt); a PIN typed as an argument is refused
    # without being repeated back (it would end up in terminal logs).
    code, out, err = cli(["sls", "check-pin", *argv])
    assert code == 2 and "7391zq" not in out + err
    assert "--pin-file" in err


def test_check_pin_from_stdin(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("ab1!\n"))
    code, out, _err = cli(["sls", "check-pin", "--pin-file", "-", "--json"])
    assert code == 0 and json.loads(out) == {"valid": True}
    monkeypatch.setattr("sys.stdin", io.StringIO("a b1\n"))
    code, out, err = cli(["sls", "check-pin", "--pin-file", "-"])
    assert code == 2 and "a b1" not in out + err


def test_check_pin_help_names_only_the_file_option(cli) -> None:
    code, out, _err = cli(["sls", "check-pin", "--help"])
    assert code == 0 and "--pin-file" in out and "--pin " not in out and "--pin\n" not in out

def _readme_examples() -> list[list[str]]:
    """The ``support-console ...`` lines of the README's SLS section, without comments and [optional] parts."""
    import re
    import shlex

    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = text[text.index("<!-- section:sls -->"):text.index("<!-- /section:sls -->")]
    commands = []
    for line in section.splitlines():
        if line.startswith("support-console "):
            line = re.sub(r"\[[^\]]*\]", "", line.split("#", 1)[0])
            commands.append(shlex.split(line)[1:])
    return commands


def test_every_readme_example_runs_against_the_demo_data(cli_db, tmp_path: Path, monkeypatch) -> None:
    import io

    from console.services.sls.demo import demo_snapshot

    snap = tmp_path / "snapshot.json"
    snap.write_bytes(orjson.dumps(demo_snapshot()))
    examples = _readme_examples()
    assert examples[0][:2] == ["demo", "load"] and len(examples) >= 14
    for args in examples:
        args = [str(snap) if a == "snapshot.json" else a for a in args]
        monkeypatch.setattr("sys.stdin", io.StringIO("ab1!\n"))
        code, out, err = cli_db(args)
        assert code == 0, f"{args}: {err}"
        if "--json" in args:
            json.loads(out)


def test_shared_device_user_in_the_cli(cli_db) -> None:
    assert cli_db(["demo", "load"])[0] == 0
    code, out, _ = cli_db(["sls", "return-info", "alice_ira"])
    assert code == 0 and "holds no device." not in out
    assert "no device of their own" in out and "alice_chen's device, shared: only alice_chen" in out
    code, out, _ = cli_db(["sls", "return-info", "alice_ira", "--json"])
    (device,) = json.loads(out)
    assert (device["action"], device["holder"], device["shared"], device["return_required"]) == (
        "shared", "alice_chen", True, False)
    code, out, _ = cli_db(["sls", "walkthrough", "alice_ira", "lost_or_damaged"])
    assert code == 0 and "No permanent device" not in out and "ordered from alice_chen's login" in out
    code, out, _ = cli_db(["sls", "show", "daniel_wong"])
    assert "(s)" not in out and "its last day" not in out and "(tomorrow)" in out
    code, out, err = cli_db(["sls", "lookup", "l", "--region", "asia", "--json"])
    found = {(u["username"], u["region"]) for u in json.loads(out)}
    assert code == 0 and found == {("li_wei", "asia"), ("grace_lee", "asia")}
    code, _, err = cli_db(["sls", "lookup", "alice", "--region", "japan"])
    assert code == 2 and "in region japan" in err
    code, _, err = cli_db(["sls", "request-replacement", "daniel_wong", "--old-serial", "OSC-300001"])
    assert code == 2 and "temporary device" in err
