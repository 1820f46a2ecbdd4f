"""``support-console har summary|sanitize|search|diff`` end to end (in-process)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.services.test_har_helpers import entry, har, write
from tests.services.test_har_loader import FIXTURES, _raw_entry_count


@pytest.mark.parametrize("name", FIXTURES)
def test_summary_json_every_fixture(cli, har_fixtures_dir: Path, name: str) -> None:
    path = har_fixtures_dir / name
    code, out, err = cli(["har", "summary", str(path), "--json"])
    assert code == 0, err
    data = orjson.loads(out)
    for key in ("entries", "pages", "creator", "errors", "status_counts", "slowest", "quirks"):
        assert key in data
    assert data["entries"] == _raw_entry_count(path)
    assert sum(data["status_counts"].values()) == data["entries"]
    assert len(data["slowest"]) == min(10, data["entries"])
    assert all(set(s) >= {"url", "time_ms"} for s in data["slowest"])
    times = [s["time_ms"] for s in data["slowest"]]
    assert times == sorted(times, reverse=True)
    assert all(set(q) == {"code", "count"} for q in data["quirks"])


def test_summary_counts(cli, har_fixtures_dir: Path) -> None:
    code, out, _ = cli(["har", "summary", str(har_fixtures_dir / "webpagetest2.19_firefox-nightly_bbc_1050entries.har"),
                        "--json"])
    data = orjson.loads(out)
    assert code == 0 and data["errors"] == 17 and data["status_counts"]["-2"] == 17 and len(data["pages"]) == 5
    assert {"code": "har-version", "count": 1} in data["quirks"]
    code, out, _ = cli(["har", "summary", str(har_fixtures_dir / "chrome114_mitmproxy_orphan-pageref.har")])
    assert code == 0 and "3 requests" in out and "orphan-pageref" in out


@pytest.mark.parametrize("content, fragment", [
    (b'{"log": {"entries": [{"request": ', "byte offset"),
    (b"hello", "byte offset 0"),
    (b"", "empty"),
])
def test_summary_malformed(cli, tmp_path: Path, content: bytes, fragment: str) -> None:
    code, out, err = cli(["har", "summary", str(write(tmp_path / "bad.har", content)), "--json"])
    assert code == 2 and out == ""
    assert fragment in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_sanitize_with_report(cli, har_fixtures_dir: Path, tmp_path: Path) -> None:
    src = har_fixtures_dir / "chrome-har-capturer0.10.3_cnn_292entries.har"
    out, report = tmp_path / "clean.har", tmp_path / "report.json"
    code, stdout, err = cli(["har", "sanitize", str(src), str(out), "--report", str(report)])
    assert code == 0, err
    assert "292 requests" in stdout
    data = orjson.loads(report.read_bytes())
    assert data["replacement_count"] == len(data["replacements"]) > 0
    assert set(data["replacements"][0]) == {"entry", "location", "rule"}
    code, stdout, _ = cli(["har", "summary", str(out), "--json"])
    assert code == 0 and orjson.loads(stdout)["entries"] == 292
    code, _, err = cli(["har", "sanitize", str(src), str(src)])
    assert code == 2 and "different file" in err


def test_search_and_diff(cli, tmp_path: Path) -> None:
    a = write(tmp_path / "a.har", har([entry("https://x.example.com/ok"), entry("https://x.example.com/api")]))
    b = write(tmp_path / "b.har", har([entry("https://x.example.com/api", status=502)]))
    code, out, _ = cli(["har", "search", str(a), "API", "--json"])
    data = orjson.loads(out)
    assert code == 0 and data["count"] == 1 and data["matches"][0]["where"] == ["url"]
    code, out, _ = cli(["har", "search", str(a), "nothing-here"])
    assert code == 1 and "no request" in out
    code, out, _ = cli(["har", "diff", str(a), str(b), "--json"])
    data = orjson.loads(out)
    assert code == 0 and data["counts"]["status_changed"] == 1 and len(data["only_a"]) == 1
    code, out, _ = cli(["har", "diff", str(a), str(b)])
    assert code == 0 and "200→502" in out and "only in A" in out


def test_summary_of_a_bundle_points_to_diagnostics(cli, tmp_path: Path) -> None:
    import zipfile

    bundle = tmp_path / "bundle1.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr("session.har", b"{}")
    for verb in (["summary", str(bundle)], ["search", str(bundle), "x"], ["sanitize", str(bundle),
                                                                          str(tmp_path / "o.har")]):
        code, out, err = cli(["har", *verb])
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, err
        assert "is a ZIP archive, not a HAR file" in err and "session.har" in err
        assert f"support-console bundle ingest {bundle}" in err and "Diagnostics intake" not in err
        assert "UTF-8" not in err and "surrogates" not in err
    assert not (tmp_path / "o.har").exists()


def test_summary_text_uses_singular_and_plural(cli, tmp_path: Path) -> None:
    one = write(tmp_path / "one.har", har([entry()]))
    code, out, _ = cli(["har", "summary", str(one)])
    assert code == 0 and "1 request, 1 page," in out
    two = write(tmp_path / "two.har", har([entry(), entry(pageref="page_2")], pages=[
        {"id": "page_1", "title": "a", "startedDateTime": "2024-01-02T03:04:05.000Z", "pageTimings": {}},
        {"id": "page_2", "title": "b", "startedDateTime": "2024-01-02T03:04:06.000Z", "pageTimings": {}}]))
    code, out, _ = cli(["har", "summary", str(two)])
    assert code == 0 and "2 requests, 2 pages," in out
    code, out, _ = cli(["har", "sanitize", str(one), str(tmp_path / "clean.har")])
    assert code == 0 and "1 request, 0 values redacted" in out


def test_sanitize_bad_targets_refused_before_work(cli, tmp_path: Path) -> None:
    src = write(tmp_path / "x.har", har([entry("https://x.example.com/?token=tok-0123456789")]))
    (tmp_path / "adir").mkdir()
    (tmp_path / "report.csv").write_text("a\n")
    cases = [([str(tmp_path / "adir")], "is a folder"),
             ([str(tmp_path / "report.csv" / "out.har")], "is a file, not a folder"),
             ([str(tmp_path / "new" / "dir" / "x.har")], "does not exist"),
             ([str(tmp_path / "ok.har"), "--report", str(tmp_path / "adir")], "is a folder"),
             ([str(tmp_path / "ok.har"), "--report", str(tmp_path / "gone" / "r.json")], "does not exist")]
    for target, message in cases:
        code, _, err = cli(["har", "sanitize", str(src), *target])
        assert code == 2 and message in err and "Traceback" not in err, (target, err)
        assert len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "report.csv", "x.har"]


def test_har_without_entries_list_is_refused_empty_list_is_not(cli, tmp_path: Path) -> None:
    for body in (b'{"log":{}}', b'{"log":{"entries":null}}', b'{"log":{"entries":{}}}'):
        code, _, err = cli(["har", "summary", str(write(tmp_path / "e.har", body))])
        assert code == 2 and "no list of requests" in err
    empty = write(tmp_path / "z.har", b'{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[]}}')
    code, out, _ = cli(["har", "summary", str(empty), "--json"])
    assert code == 0 and orjson.loads(out)["entries"] == 0
    code, out, _ = cli(["har", "summary", str(empty)])
    assert code == 0 and "0 requests" in out and "status: no requests" in out
