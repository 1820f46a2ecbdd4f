"""Export: plain and sanitized (consistent placeholders, a report without the values)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from console.services import bundles
from console.services.bundles.export import Redactor
from console.services.errors import InvalidInput
from tests.services.conftest_bundles import PNG_1PX, SECRET_LOG, TWS_LOG

SECRETS = ("hunter2", "U1234567", "abcdefghijklmnopqrstuvwxyz012345", "4111 1111 1111 1111")


def _bundle(database, tmp_path: Path, har_fixtures_dir: Path | None = None) -> tuple[Path, int]:
    folder = tmp_path / "diag"
    folder.mkdir()
    (folder / "auth.log").write_text(SECRET_LOG)
    (folder / "tws.log").write_text(TWS_LOG)
    (folder / "shot.png").write_bytes(PNG_1PX)
    if har_fixtures_dir is not None:
        (folder / "portal.har").write_bytes((har_fixtures_dir / "firefox111_mitmproxy.har").read_bytes())
    store = tmp_path / "store"
    return store, bundles.ingest_bundle(database, store, [folder]).id


def test_plain_export_has_every_file_unchanged(sqlite_database, tmp_path: Path) -> None:
    store, bid = _bundle(sqlite_database, tmp_path)
    report = bundles.export_bundle(sqlite_database, store, bid, tmp_path / "out.zip")
    with zipfile.ZipFile(report.path) as zf:
        assert sorted(zf.namelist()) == ["diag/auth.log", "diag/shot.png", "diag/tws.log"]
        assert zf.read("diag/auth.log").decode() == SECRET_LOG


def test_sanitized_export_redacts_and_reports_without_values(database, tmp_path: Path,
                                                            har_fixtures_dir: Path) -> None:
    store, bid = _bundle(database, tmp_path, har_fixtures_dir)
    report = bundles.export_bundle(database, store, bid, tmp_path / "clean.zip", sanitized=True)
    with zipfile.ZipFile(report.path) as zf:
        names = zf.namelist()
        text = zf.read("diag/auth.log").decode()
        summary = zf.read("SANITIZED-REPORT.json").decode()
    assert "diag/shot.png" not in names and any("shot.png" in x for x in report.left_out)
    for secret in SECRETS:
        assert secret not in text and secret not in summary
        assert secret not in json.dumps([r.__dict__ for r in report.replacements])
    # The same account gets the same placeholder on both lines; the order id is not a card (Luhn).
    assert text.count("<ACCOUNT-1>") == 2 and "1234567890123" in text
    assert "password=<SECRET-1>" in text and "Authorization: <TOKEN-1>" in text and "<CARD-1>" in text
    assert report.counts == {"account-id": 2, "authorization": 1, "card-number": 1, "credential": 1}
    assert {(r.line, r.rule) for r in report.replacements} >= {(1, "credential"), (3, "card-number")}
    assert text.splitlines()[0].startswith("2024-03-05 10:00:00.000")
    # HAR files go through the HAR area's sanitizer when it is there, else are left out (never raw).
    assert ("diag/portal.har" in names) != any("portal.har" in x for x in report.left_out)


def test_redactor_private_key_block() -> None:
    r = Redactor()
    lines = ["key follows", "-----BEGIN OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXk",
             "-----END OPENSSH PRIVATE KEY-----", "after"]
    out = [r.line(x, "f", i) for i, x in enumerate(lines, 1)]
    assert "b3BlbnNzaC1rZXk" not in " ".join(out) and out[0] == "key follows" and out[-1] == "after"


def test_export_refuses_non_zip_name(sqlite_database, tmp_path: Path) -> None:
    store, bid = _bundle(sqlite_database, tmp_path)
    with pytest.raises(InvalidInput):
        bundles.export_bundle(sqlite_database, store, bid, tmp_path / "out.tar")
    assert not (tmp_path / "out.tar").exists()
