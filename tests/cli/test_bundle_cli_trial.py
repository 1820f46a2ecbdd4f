"""CLI fixes from the new-user trial: fake archives exit 2, plural wording, limit notice, grouped findings,
unknown clients warned about."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.services.conftest_bundles import TWS_LOG, good_zip, store_files


def test_garbage_zip_is_refused_with_exit_2(cli, tmp_path: Path, isolated_dirs: Path) -> None:
    garbage = tmp_path / "garbage.zip"
    garbage.write_text("hello, I am text\n")
    code, out, err = cli(["bundle", "ingest", str(garbage)])
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "garbage.zip is named like an archive" in err
    assert store_files(isolated_dirs / "bundles") == []


def test_plural_wording_and_ticket_from_reason_file(cli, tmp_path: Path) -> None:
    one = tmp_path / "one.log"
    one.write_text(TWS_LOG)
    code, out, err = cli(["bundle", "ingest", str(one)])
    assert code == 0, err
    assert ": 1 file," in out and "1 files" not in out
    code, out, _ = cli(["bundle", "ingest", str(good_zip(tmp_path / "d.zip"))])
    assert ": 5 files," in out and "ticket 12345678 (found in reason.txt)" in out
    code, out, _ = cli(["bundle", "delete", "1"])
    assert out.strip() == "Bundle 1 removed (1 file)."


def test_search_says_when_the_limit_cut_the_list(cli, tmp_path: Path) -> None:
    log = tmp_path / "many.log"
    log.write_text("".join(f"2024-03-05 09:30:{s:02d}.000 [main] INFO  - quokka seen {s}\n" for s in range(5)))
    assert cli(["bundle", "ingest", str(log)])[0] == 0
    code, out, err = cli(["bundle", "search", "quokka", "--limit", "3", "--json"])
    assert code == 0 and len(json.loads(out)) == 3
    assert "showing the first 3 matches" in err
    code, out, err = cli(["bundle", "search", "quokka", "--limit", "5"])
    assert len(out.strip().splitlines()) == 5 and err == ""
    code, _out, err = cli(["bundle", "search", "quokka", "--limit", "1"])
    assert "showing the first 1 match;" in err


def test_findings_grouped(cli, tmp_path: Path) -> None:
    src = tmp_path / "b.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("a.log", TWS_LOG)
        zf.writestr("b.log", TWS_LOG)
    cli(["bundle", "ingest", str(src)])
    code, out, _ = cli(["bundle", "findings", "1", "--grouped", "--json"])
    groups = json.loads(out)
    assert code == 0 and [(g["code"], g["count"]) for g in groups] == [(2104, 2), (1100, 2), (1102, 2), (502, 2)]
    code, out, _ = cli(["bundle", "findings", "1", "--grouped"])
    assert "COUNT" in out and "Lost connection" in out


def test_unknown_client_is_warned_but_taken_in(cli, tmp_path: Path) -> None:
    assert cli(["demo", "load"])[0] == 0
    log = tmp_path / "x.log"
    log.write_text(TWS_LOG)
    code, out, err = cli(["bundle", "ingest", str(log), "--user", "dan", "--json"])
    assert code == 0 and "warning: username dan not found in the client data" in err
    assert json.loads(out)["client_warnings"] == ["username dan not found in the client data"]
    code, out, err = cli(["bundle", "ingest", str(log), "--user", "alice_chen", "--json"])
    # (The same file again: only the "taken in twice" note, no client warning.)
    assert code == 0 and "warning" not in err and json.loads(out)["client_warnings"] == []


def test_second_trial_duplicate_note_full_username_account_and_export_target(cli, tmp_path: Path) -> None:
    assert cli(["demo", "load"])[0] == 0
    log = tmp_path / "x.log"
    log.write_text(TWS_LOG)
    code, out, err = cli(["bundle", "ingest", str(log), "--user", "alice_chen", "--json"])
    first = json.loads(out)
    assert code == 0 and first["duplicate_of"] is None and first["account"]
    code, out, _ = cli(["bundle", "show", str(first["id"]), "--json"])
    assert json.loads(out)["account"] == first["account"]
    code, out, err = cli(["bundle", "ingest", str(log)])
    assert code == 0 and "same files as bundle 1" in err and "bundle delete 2" in err
    (tmp_path / "report.csv").write_text("x")
    code, out, err = cli(["bundle", "export", "1", str(tmp_path / "report.csv" / "x.zip")])
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "is a file, not a folder" in err
