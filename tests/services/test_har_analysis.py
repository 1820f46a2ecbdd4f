"""Findings, search and compare over real fixtures and small hand-made HARs."""

from __future__ import annotations

from pathlib import Path

from console.services.har import diff_documents, diff_har_files, find_issues, load_har, search_entries
from console.services.har.diff import match_key
from console.services.har.findings import is_blocked
from tests.services.test_har_helpers import b64, entry, har, write


def _doc(tmp_path: Path, entries: list, name: str = "x.har"):
    return load_har(write(tmp_path / name, har(entries)))


def test_findings_on_fixtures(har_fixtures_dir: Path) -> None:
    chrome = find_issues(load_har(har_fixtures_dir / "chrome114_mitmproxy_orphan-pageref.har"))
    failed = chrome.of_kind("failed")
    assert len(failed) == 1 and "ERR_INTERNET_DISCONNECTED" in failed[0].detail and failed[0].severity == "error"
    wpt = find_issues(load_har(har_fixtures_dir / "webpagetest2.19_firefox-nightly_bbc_1050entries.har"))
    assert len(wpt.of_kind("failed")) == 17
    assert len(wpt.of_kind("slow")) == 10
    cnn = find_issues(load_har(har_fixtures_dir / "chrome-har-capturer0.10.3_cnn_292entries.har"))
    assert cnn.of_kind("redirects")
    assert all(f.value >= 2 or "loop" in f.title for f in cnn.of_kind("redirects"))


def test_findings_synthetic(tmp_path: Path) -> None:
    big = "x" * 150_000
    entries = [
        entry("https://shop.example.com/", started="2024-01-02T03:04:05Z"),
        entry("http://shop.example.com/insecure.js", started="2024-01-02T03:04:05.1Z", mime="application/javascript"),
        entry("https://shop.example.com/a", status=301, started="2024-01-02T03:04:05.2Z",
              resp_headers=[("Location", "/b")]),
        entry("https://shop.example.com/b", status=302, started="2024-01-02T03:04:05.3Z",
              resp_headers=[("Location", "https://shop.example.com/c")]),
        entry("https://shop.example.com/c", started="2024-01-02T03:04:05.4Z"),
        entry("https://shop.example.com/api", status=503, started="2024-01-02T03:04:05.5Z"),
        entry("https://ads.example.net/t.js", status=0, started="2024-01-02T03:04:05.6Z",
              _error="net::ERR_BLOCKED_BY_CLIENT"),
        entry("https://shop.example.com/big.json", mime="application/json", text=big, started="2024-01-02T03:04:05.7Z"),
        entry("https://shop.example.com/gz.json", mime="application/json", text=big, started="2024-01-02T03:04:05.8Z",
              resp_headers=[("Content-Encoding", "br")]),
    ]
    entries[5]["timings"]["wait"] = 2500
    entries[6]["response"]["_error"] = "net::ERR_BLOCKED_BY_CLIENT"
    doc = _doc(tmp_path, entries)
    f = find_issues(doc)
    assert [x.entries for x in f.of_kind("mixed-content")] == [(1,)]
    assert [x.entries for x in f.of_kind("redirects")] == [(2, 3, 4)]
    assert [x.entries for x in f.of_kind("failed")] == [(5,)]
    assert [x.entries for x in f.of_kind("blocked")] == [(6,)] and is_blocked(doc.entry(6))
    assert [x.entries for x in f.of_kind("long-wait")] == [(5,)]
    assert [x.entries for x in f.of_kind("uncompressed")] == [(7,)]


def test_search(tmp_path: Path, har_fixtures_dir: Path) -> None:
    e1 = entry("https://a.example.com/x", req_headers=[("X-Trace", "Needle-Header")])
    e2 = entry("https://a.example.com/y", text=None)
    e2["response"]["content"] = {"size": 10, "mimeType": "application/json", "encoding": "base64",
                                 "text": b64('{"msg": "hidden NEEDLE in base64"}')}
    e3 = entry("https://a.example.com/needle", method="POST")
    e3["request"]["postData"] = {"mimeType": "text/plain", "text": "a needle in the request"}
    doc = _doc(tmp_path, [e1, e2, e3])
    hits = {h.index: h.where for h in search_entries(doc, "needle")}
    assert hits == {0: ("request headers",), 1: ("response body",), 2: ("url", "request body")}
    assert search_entries(doc, "") == []
    edge = load_har(har_fixtures_dir / "edge111_mitmproxy.har")
    assert search_entries(edge, "mitmproxy")


def test_match_key_ignores_volatile_values() -> None:
    a = match_key("get", "https://Api.example.com/q?_=1700000000000&id=42&token=abc")
    b = match_key("GET", "https://api.example.com/q?id=42&token=xyz&_=1700000009999")
    assert a == b
    assert match_key("GET", "https://api.example.com/q?id=42") != match_key("GET", "https://api.example.com/q?id=43")
    assert match_key("GET", "https://x/a") != match_key("POST", "https://x/a")


def test_diff(tmp_path: Path) -> None:
    good = [entry("https://x.example.com/", time=100), entry("https://x.example.com/api?ts=1700000000000", time=50),
            entry("https://x.example.com/only-good", time=10)]
    bad = [entry("https://x.example.com/", time=110), entry("https://x.example.com/api?ts=1700000005555", time=900,
                                                              status=500),
           entry("https://x.example.com/only-bad", time=10)]
    a, b = write(tmp_path / "good.har", har(good)), write(tmp_path / "bad.har", har(bad))
    d = diff_har_files(a, b)
    assert len(d.matched) == 2 and [x.url for x in d.only_a] == ["https://x.example.com/only-good"]
    assert [x.url for x in d.only_b] == ["https://x.example.com/only-bad"]
    (changed,) = d.status_changes
    assert (changed.a_status, changed.b_status, changed.time_delta_ms) == (200, 500, 850)
    out = d.to_dict()
    assert out["counts"] == {"matched": 2, "changed": 1, "status_changed": 1, "only_a": 1, "only_b": 1}


def test_diff_fixture_against_itself(har_fixtures_dir: Path) -> None:
    doc = load_har(har_fixtures_dir / "webpagetest2.19_firefox-nightly_bbc_1050entries.har")
    d = diff_documents(doc, doc)
    assert len(d.matched) == 1050 and not d.only_a and not d.only_b and not d.changed


def test_view_passes_blobs_and_body_matches(tmp_path: Path) -> None:
    import threading

    from console.services.har.search import analyse_for_view, body_matches, header_blob

    e1 = entry("https://a.example.com/one", text=None, resp_headers=[("X-Trace", "ABC")])
    e1["response"]["content"] = {"size": 30, "mimeType": "application/json", "encoding": "base64",
                                 "text": b64('{"reason": "MarginCall-42"}')}
    doc = _doc(tmp_path, [e1, entry("https://a.example.com/two", started="2024-01-02T03:04:06Z")])
    findings, blobs = analyse_for_view(doc)
    assert blobs == {e.index: header_blob(e) for e in doc.entries} and "x-trace: abc" in blobs[0]
    assert findings == find_issues(doc)
    assert body_matches(doc, "MarginCall") == ("MarginCall", frozenset({0}))
    cancel = threading.Event()
    cancel.set()
    assert body_matches(doc, "example", cancel) == ("example", frozenset())
