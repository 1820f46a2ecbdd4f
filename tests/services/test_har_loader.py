"""Tolerant loading: every fixture with every entry, quirks recorded, broken files refused clearly."""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

import orjson
import pytest

from console.services.errors import Cancelled, InvalidInput
from console.services.har import HarError, load_har
from tests.services.test_har_helpers import entry, har, write

FIXTURES = [
    "charles4.6.3_no-pages.har",
    "chrome-har-capturer0.10.3_cnn_292entries.har",
    "chrome114_mitmproxy_orphan-pageref.har",
    "chrome79_google_quic_ipv6.har",
    "edge111_mitmproxy.har",
    "fiddler2.3_cnn_bom_pages-null.har",
    "firefox111_mitmproxy.har",
    "firefox72_httpbin_jsonview-base64.har",
    "safari_webkit1.0_mitmproxy.har",
    "webpagetest2.19_firefox-nightly_bbc_1050entries.har",
]

EXPECTED_QUIRKS = {
    "charles4.6.3_no-pages.har": {"pages-missing"},
    "chrome-har-capturer0.10.3_cnn_292entries.har": {"entries-unsorted"},
    "chrome114_mitmproxy_orphan-pageref.har": {"orphan-pageref", "status-zero", "base64-body", "http-version-empty"},
    "chrome79_google_quic_ipv6.har": {"ipv6-brackets", "http-version-odd", "base64-body"},
    "fiddler2.3_cnn_bom_pages-null.har": {"utf8-bom", "pages-null", "started-long-fraction", "timings-negative"},
    "firefox111_mitmproxy.har": {"timings-empty", "ssl-outside-connect", "http-version-empty"},
    "firefox72_httpbin_jsonview-base64.har": {"jsonview-mime", "base64-body"},
    "safari_webkit1.0_mitmproxy.har": {"page-timings-implausible", "http-version-empty"},
    "webpagetest2.19_firefox-nightly_bbc_1050entries.har": {"har-version", "status-negative", "http-version-odd"},
}


def _raw_entry_count(path: Path) -> int:
    return len(orjson.loads(path.read_bytes().removeprefix(b"\xef\xbb\xbf"))["log"]["entries"])


def test_corpus_is_complete(har_fixtures_dir: Path) -> None:
    assert sorted(p.name for p in har_fixtures_dir.glob("*.har")) == sorted(FIXTURES)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_loads_every_entry(har_fixtures_dir: Path, name: str) -> None:
    path = har_fixtures_dir / name
    doc = load_har(path)
    assert len(doc.entries) == _raw_entry_count(path)
    assert sorted(e.index for e in doc.entries) == list(range(len(doc.entries)))
    codes = {code for code, count in doc.quirks if count > 0}
    assert EXPECTED_QUIRKS.get(name, set()) <= codes
    for e in doc.entries:
        assert e.started is not None and e.started.tzinfo is not None
        assert e.time_ms >= 0 and e.method and e.url
        assert isinstance(e.status, int)
    starts = [e.start_ms for e in doc.entries]
    assert starts == sorted(starts)
    # haralyzer over the repaired data reaches every entry through its pages
    parser = doc.haralyzer()
    assert sum(len(page.entries) for page in parser.pages) == len(doc.entries)


def test_fixture_specifics(har_fixtures_dir: Path) -> None:
    chrome = load_har(har_fixtures_dir / "chrome114_mitmproxy_orphan-pageref.har")
    failed = [e for e in chrome.entries if e.status == 0]
    assert failed and failed[0].error == "net::ERR_INTERNET_DISCONNECTED" and failed[0].failed
    added = [p for p in chrome.pages if p.synthetic]
    assert [p.id for p in added] == ["page_2"] and added[0].entry_count == 1
    assert {e.http_version for e in chrome.entries} >= {"HTTP/2", "HTTP/3"}
    body = next(e for e in chrome.entries if e.response_body() and e.response_body().was_base64).response_body()
    assert body.original and (body.data or body.text)

    quic = load_har(har_fixtures_dir / "chrome79_google_quic_ipv6.har")
    assert all(e.server_ip and not e.server_ip.startswith("[") for e in quic.entries)
    assert any(e.http_version == "HTTP/3" for e in quic.entries)

    firefox = load_har(har_fixtures_dir / "firefox111_mitmproxy.har")
    tls = [e for e in firefox.entries if e.timings and e.timings.ssl > 0]
    assert tls and all(e.timings.connect >= 0 for e in tls)
    assert any(e.timings is None for e in firefox.entries)  # the {} timings, still listed
    assert any(e.started.utcoffset().total_seconds() == -7 * 3600 for e in firefox.entries)

    safari = load_har(har_fixtures_dir / "safari_webkit1.0_mitmproxy.har")
    assert safari.pages[0].on_load_ms is None  # nonsense onLoad not shown as a real figure

    jsonview = load_har(har_fixtures_dir / "firefox72_httpbin_jsonview-base64.har").entries[0]
    assert jsonview.mime_type == "application/json"
    text = jsonview.response_body().text
    assert text is not None and orjson.loads(text)

    fiddler = load_har(har_fixtures_dir / "fiddler2.3_cnn_bom_pages-null.har")
    assert fiddler.pages == () and fiddler.creator.startswith("Fiddler")
    assert all(e.started.microsecond for e in fiddler.entries[:3])

    wpt = load_har(har_fixtures_dir / "webpagetest2.19_firefox-nightly_bbc_1050entries.har")
    assert len(wpt.pages) == 5 and sum(p.entry_count for p in wpt.pages) == 1050
    assert sum(1 for e in wpt.entries if e.status == -2) == 17


def test_truncated_file_names_byte_offset(har_fixtures_dir: Path, tmp_path: Path) -> None:
    data = (har_fixtures_dir / "firefox111_mitmproxy.har").read_bytes()
    cut = write(tmp_path / "cut.har", data[:100_000])
    with pytest.raises(HarError, match=r"cut off.*byte offset 100000 of 100000") as info:
        load_har(cut)
    assert isinstance(info.value, InvalidInput) and info.value.exit_code == 2


def test_non_json_names_byte_offset(tmp_path: Path) -> None:
    # the offset counts bytes, not characters: the é before the x is two bytes, so x is at byte 26 (character 25)
    bad = write(tmp_path / "bad.har", '{"log": {"comment": "é", x}}'.encode())
    with pytest.raises(HarError, match=r"not valid JSON.*byte offset 26 \(line 1, column 26\)"):
        load_har(bad)
    html = write(tmp_path / "page.har", b"<!DOCTYPE html><html></html>")
    with pytest.raises(HarError, match="HTML"):
        load_har(html)


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"   \n", "empty"), (b"[1, 2]", "not a HAR"), (b'{"foo": 1}', "no 'log'"),
])
def test_not_a_har(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(HarError, match=message):
        load_har(write(tmp_path / "x.har", content))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(HarError, match="does not exist"):
        load_har(tmp_path / "nope.har")
    with pytest.raises(HarError, match="folder"):
        load_har(tmp_path)


def test_quirky_synthetic_har(tmp_path: Path) -> None:
    entries = [
        entry("https://[2001:db8::1]:8443/b", started="2024-01-02T03:04:06.123456789Z", time=None,
              serverIPAddress="[2001:db8::1]"),
        entry("https://example.com/a", started="2024-01-02T03:04:05.1234567+02:00", timings={}),
        "not an entry",
        entry("https://example.com/c", status="503", started="2024-01-02T03:04:07", pageref="ghost"),
        entry("https://example.com/d", started="garbage", pageref=None),
        {"startedDateTime": "2024-01-02T03:04:08Z"},  # no request, no response at all
    ]
    entries[0]["timings"]["connect"] = -1
    entries[0]["response"]["httpVersion"] = "me:"
    entries[1]["request"]["headers"] = {"Host": "example.com"}
    doc = load_har(write(tmp_path / "q.har", har(entries, version="1.1")))
    assert len(doc.entries) == 5  # the string item is not an entry; every object is kept
    codes = dict(doc.quirks)
    for code in ("started-long-fraction", "time-null", "timings-empty", "entry-not-object", "status-invalid",
                 "started-no-timezone", "orphan-pageref", "started-invalid", "request-missing", "har-version",
                 "http-version-odd", "ipv6-brackets", "headers-invalid", "pageref-missing"):
        assert codes.get(code, 0) >= 1, code
    by_url = {e.url: e for e in doc.entries}
    assert by_url["https://example.com/c"].status == 503
    assert by_url["https://[2001:db8::1]:8443/b"].time_ms == pytest.approx(1 + 2 + 5 + 1 + 100 + 6.5)
    assert by_url["https://[2001:db8::1]:8443/b"].host == "2001:db8::1"
    assert by_url["https://example.com/a"].request_headers() == [("Host", "example.com")]
    assert doc.haralyzer() is not None
    assert sum(len(p.entries) for p in doc.haralyzer().pages) == 5


def test_gzip_utf16_and_bare_log(tmp_path: Path) -> None:
    data = orjson.dumps(har([entry()]))
    assert len(load_har(write(tmp_path / "g.har", gzip.compress(data))).entries) == 1
    utf16 = write(tmp_path / "u.har", data.decode().encode("utf-16"))
    doc = load_har(utf16)
    assert len(doc.entries) == 1 and dict(doc.quirks)["utf16"] == 1
    bare = load_har(write(tmp_path / "bare.har", orjson.dumps(har([entry(), entry()])["log"])))
    assert len(bare.entries) == 2 and dict(bare.quirks)["log-wrapper-missing"] == 1


def test_progress_and_cancel(har_fixtures_dir: Path) -> None:
    seen: list[tuple[int, int]] = []
    load_har(har_fixtures_dir / "webpagetest2.19_firefox-nightly_bbc_1050entries.har",
             progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) > 2
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        load_har(har_fixtures_dir / "edge111_mitmproxy.har", cancel=cancel)
