"""Log line parsing, the line-offset index, findings, histogram and the bundle timeline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from console.services import bundles
from console.services.bundles.findings import code_in
from console.services.bundles.logs import LineIndex, iter_lines, looks_like_log, parse_line
from tests.services.conftest_bundles import TWS_LOG, good_zip


def test_platform_and_generic_lines() -> None:
    a = parse_line("2024-03-05 09:31:02.500 [JTS-Net] ERROR - lost")
    assert (a.timestamp, a.level, a.thread, a.platform) == (datetime(2024, 3, 5, 9, 31, 2, 500000), "ERROR",
                                                           "JTS-Net", True)
    b = parse_line("2024-03-05 09:31:02,5 WARNING [main] slow")
    assert (b.level, b.thread, b.timestamp.microsecond) == ("WARN", "main", 500000)
    c = parse_line("2024-03-05T09:31:02Z something happened")
    assert c.timestamp == datetime(2024, 3, 5, 9, 31, 2) and c.level is None and not c.platform
    d = parse_line("09:31:02:123 JTS-Main: SEVERE boom", day=datetime(2024, 3, 5))
    assert d.timestamp == datetime(2024, 3, 5, 9, 31, 2, 123000) and d.level == "ERROR"
    e = parse_line("\tat java.net.Socket.read(Socket.java:1)")
    assert e.timestamp is None and e.level is None


def test_untimed_lines_inherit_the_time_above(tmp_path: Path) -> None:
    path = tmp_path / "t.log"
    path.write_text(TWS_LOG)
    lines = list(iter_lines(path))
    assert lines[3].text.startswith("java.net") and lines[3].timestamp == lines[2].timestamp
    assert looks_like_log(TWS_LOG.encode()) and not looks_like_log(b"<xml>\n<a/>\n</xml>\n")


@pytest.mark.parametrize("content", [b"", b"one", b"one\n", b"a\nb\r\nc", b"a\n\n\nb\n", b"x" * 10 + b"\n" * 5])
def test_line_index_matches_splitlines(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "f.log"
    path.write_bytes(content)
    index = LineIndex(path)
    index.scan(3)  # tiny blocks exercise lines that straddle blocks
    index.build()
    expected = content.decode().splitlines() if content else []
    assert [index.text(i) for i in range(index.line_count)] == expected
    index.close()


def test_line_index_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "big.log"
    path.write_bytes(b"".join(b"2024-03-05 09:30:00.000 [T] INFO - line %d\n" % i for i in range(200_000)))
    index = LineIndex(path)
    index.ensure(50)
    assert not index.complete and 50 <= index.line_count < 200_000
    assert index.text(49) == "2024-03-05 09:30:00.000 [T] INFO - line 49"
    index.build()
    assert index.complete and index.line_count == 200_000
    assert index.text(199_999).endswith("line 199999")
    assert index.line_at_offset(index.offset(1234) + 3) == 1234
    index.close()


def test_known_codes_found_with_explanations() -> None:
    assert code_in("... errorCode=2104, errorMsg=Market data farm connection is OK:usfarm") == 2104
    assert code_in("Error 502 couldn't connect") == 502
    assert code_in("id=-1 code: 504 Not connected") == 504
    assert code_in("Connectivity between IB and Trader Workstation has been lost.") == 1100
    assert code_in("Sec-def data farm connection is OK:secdefhk") == 2158
    assert code_in("2024-03-05 09:31:02.500 INFO nothing here 2024") is None
    for code in (1100, 1101, 1102, 2103, 2104, 2105, 2106, 2158, 502, 504):
        assert bundles.CODES[code].explanation


def test_findings_timeline_and_histogram(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    r = bundles.ingest_bundle(database, store, [good_zip(tmp_path / "d.zip")])
    found = bundles.bundle_findings(database, store, r.id)
    assert [(f.code, f.line) for f in found] == [(2104, 2), (1100, 3), (1102, 7), (502, 8)]
    assert found[1].severity == "error" and found[1].file == "logs/tws.20240305.log"

    timeline = bundles.bundle_timeline(database, store, r.id)
    kinds = [e.kind for e in timeline.events]
    assert kinds.count("image") == 1 and kinds.count("log") >= 8
    stamped = [e.timestamp for e in timeline.events if e.timestamp is not None]
    assert stamped == sorted(stamped)
    assert any("encrypted" in n for n in timeline.notes)

    hist = bundles.minute_histogram(e for e in iter_lines(bundles.file_path(
        store, next(f for f in bundles.get_bundle(database, r.id).files if f.path.endswith(".log")))))
    assert [(m.minute, n, err) for m, n, err in hist] == [(30, 2, 0), (31, 4, 1), (32, 1, 0), (33, 1, 1)]
