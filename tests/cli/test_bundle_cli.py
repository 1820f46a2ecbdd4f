"""``support-console bundle ...`` end to end, in-process, on the test's own SQLite data dir."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.services.conftest_bundles import good_zip, store_files


def test_ingest_list_show_search_findings_export(cli, tmp_path: Path, isolated_dirs: Path) -> None:
    src = good_zip(tmp_path / "diag.zip")
    code, out, err = cli(["bundle", "ingest", str(src), "--user", "bob", "--platform", "tws",
                          "--reason", "ATTENTION: 12345678 frozen quotes", "--json"])
    assert code == 0, err
    r = json.loads(out)
    assert {"id", "files", "bytes", "kinds"} <= set(r) and r["files"] == 5 and r["ticket"] == "12345678"
    assert store_files(isolated_dirs / "bundles")  # default store: <data dir>/bundles

    code, out, _ = cli(["bundle", "list", "--json"])
    assert code == 0 and json.loads(out)[0]["username"] == "bob"
    code, out, _ = cli(["bundle", "list"])
    assert "12345678" in out

    code, out, _ = cli(["bundle", "show", str(r["id"]), "--json"])
    shown = json.loads(out)
    assert shown["kinds"]["log"] == 2 and len(shown["files"]) == 5

    code, out, _ = cli(["bundle", "search", "zanzibarquokka", "--json"])
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1
    assert set(hits[0]) == {"bundle", "file", "line", "timestamp", "text"}
    assert hits[0]["line"] == 6 and hits[0]["timestamp"].startswith("2024-03-05T09:31:40")
    code, out, _ = cli(["bundle", "search", "zanzibarquokka", "--bundle", str(r["id"]), "--limit", "1"])
    assert out.startswith(f"{r['id']}:logs/tws.20240305.log:6:")

    code, out, _ = cli(["bundle", "findings", str(r["id"]), "--json"])
    assert [f["code"] for f in json.loads(out)] == [2104, 1100, 1102, 502]

    dest = tmp_path / "out.zip"
    code, out, err = cli(["bundle", "export", str(r["id"]), str(dest), "--sanitized", "--json"])
    assert code == 0, err
    assert json.loads(out)["sanitized"] is True
    with zipfile.ZipFile(dest) as zf:
        assert "SANITIZED-REPORT.json" in zf.namelist()


def test_refused_input_is_one_line_exit_2(cli, tmp_path: Path, isolated_dirs: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("ok.log", "x\n")
        zf.writestr("../../escape.sh", "rm -rf /")
    code, out, err = cli(["bundle", "ingest", str(evil), "--json"])
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "../../escape.sh" in err and "Traceback" not in err
    assert store_files(isolated_dirs / "bundles") == []
    code, out, _ = cli(["bundle", "list", "--json"])
    assert json.loads(out) == []
    for args in (["bundle", "show", "42"], ["bundle", "search", "!!!"], ["bundle", "ingest", str(tmp_path / "nope")]):
        code, _out, err = cli(args)
        assert code == 2 and len(err.strip().splitlines()) == 1, args
