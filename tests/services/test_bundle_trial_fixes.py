"""Intake fixes from the new-user trial: fake archives refused, ticket from reason files, findings
grouped by code, client names checked against the SLS data, dialog titles that fit."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

from console.services import bundles
from console.services.bundles.findings import Finding
from tests.services.conftest_bundles import TWS_LOG, good_zip, store_files


@pytest.mark.parametrize("name", ["garbage.zip", "garbage.tar.gz", "garbage.tgz"])
def test_file_named_like_an_archive_but_not_one_is_refused(database, tmp_path: Path, name: str) -> None:
    fake = tmp_path / name
    fake.write_text("this is a text file someone renamed\n")
    store = tmp_path / "store"
    with pytest.raises(bundles.NotAnArchive) as info:
        bundles.ingest_bundle(database, store, [fake, good_zip(tmp_path / "ok.zip")])
    assert name in info.value.message and "named like an archive" in info.value.message
    assert info.value.exit_code == 2 and info.value.title == "Not an archive"
    assert bundles.list_bundles(database) == [] and store_files(store) == []


def test_gzip_that_is_not_a_tar_is_refused(sqlite_database, tmp_path: Path) -> None:
    fake = tmp_path / "logs.tar.gz"
    fake.write_bytes(gzip.compress(b"plain text, not a tar\n" * 100))
    with pytest.raises(bundles.NotAnArchive):
        bundles.ingest_bundle(sqlite_database, tmp_path / "store", [fake])


def test_ticket_and_reason_come_from_the_bundles_reason_file(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    r = bundles.ingest_bundle(database, store, [good_zip(tmp_path / "d.zip")])
    assert r.ticket == "12345678" and r.ticket_source == "reason.txt"
    summary = bundles.get_bundle(database, r.id).bundle
    assert summary.ticket == "12345678" and summary.reason == "ATTENTION: 12345678 quotes freeze"

    # The form's ticket wins; a reason typed on the form is kept as typed.
    r = bundles.ingest_bundle(database, store, [good_zip(tmp_path / "d.zip")], ticket="TKT-9",
                              reason="client says: frozen")
    assert r.ticket == "TKT-9" and r.ticket_source == "form"
    assert bundles.get_bundle(database, r.id).bundle.reason == "client says: frozen"
    r = bundles.ingest_bundle(database, store, [good_zip(tmp_path / "d.zip")], reason="ticket #55555 frozen")
    assert r.ticket == "55555" and r.ticket_source == "reason"


def test_mobile_comment_file_and_folder_bundles(sqlite_database, tmp_path: Path) -> None:
    folder = tmp_path / "upload"
    (folder / "logs").mkdir(parents=True)
    (folder / "logs" / "app.log").write_text(TWS_LOG)
    (folder / "Comments.txt").write_text("my orders hang, ATTENTION: 20240311\n")
    r = bundles.ingest_bundle(sqlite_database, tmp_path / "store", [folder])
    assert r.ticket == "20240311" and r.ticket_source == "upload/Comments.txt"
    assert bundles.is_reason_file("x/reason.txt") and bundles.is_reason_file("COMMENT")
    assert not bundles.is_reason_file("reasoning.txt") and not bundles.is_reason_file("reason.log")


def test_no_ticket_anywhere_stays_empty(sqlite_database, tmp_path: Path) -> None:
    src = tmp_path / "b.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("tws.log", TWS_LOG)
        zf.writestr("reason.txt", "it froze")
    r = bundles.ingest_bundle(sqlite_database, tmp_path / "store", [src])
    assert r.ticket is None and r.ticket_source is None
    assert bundles.get_bundle(sqlite_database, r.id).bundle.reason == "it froze"


def test_findings_grouped_by_code(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    log = TWS_LOG + "".join(f"2024-03-05 10:{m:02d}:00.000 [JTS-Farm] INFO  - Market data farm connection "
                            "is OK:usfarm errorCode=2104\n" for m in range(30))
    src = tmp_path / "b.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("a/tws.log", log)
        zf.writestr("b/api.log", TWS_LOG)
    r = bundles.ingest_bundle(database, store, [src])
    groups = bundles.bundle_finding_groups(database, store, r.id)
    assert [g.code for g in groups] == [2104, 1100, 1102, 502]
    farm = groups[0]
    assert farm.count == 2 + 30 and farm.files == ("a/tws.log", "b/api.log")
    assert farm.first_ts is not None and farm.first_ts.strftime("%H:%M:%S") == "09:30:01"
    assert farm.last_ts is not None and farm.last_ts.strftime("%H:%M") == "10:29"
    assert farm.first.file == "a/tws.log" and farm.first.line == 2
    assert "price" in farm.explanation and farm.title


def test_group_findings_puts_untimed_last() -> None:
    def f(code: int, ts: object) -> Finding:
        c = bundles.CODES[code]
        return Finding(code, c.severity, c.title, c.explanation, "x.log", 1, 1, ts, "")  # type: ignore[arg-type]

    assert [g.code for g in bundles.group_findings([f(502, None), f(1100, None)])] == [502, 1100]


def test_client_check_against_sls_data(database) -> None:
    from console.services.sls.demo import load_demo

    empty = bundles.check_client(database, "dan", None)
    assert empty.checked is False and empty.warnings == ()
    load_demo(database)
    ok = bundles.check_client(database, "ALICE_CHEN", "u1000001")
    assert ok.checked and ok.username_found and ok.account_found and ok.warnings == ()
    assert ok.entity_name == "Alice Chen"
    bad = bundles.check_client(database, "dan", "U999")
    assert bad.username_found is False and bad.account_found is False
    assert bad.warnings == ("username dan not found in the client data", "account U999 not found in the client data")
    mixed = bundles.check_client(database, "alice_chen", "U1000002")
    assert mixed.warnings == ("account U1000002 is not the account of alice_chen (U1000001)",)
    assert bundles.check_client(database, "  ", "").checked is False


def test_error_titles_fit_the_situation(tmp_path: Path, sqlite_database) -> None:
    log = tmp_path / "x.log"
    log.write_text(TWS_LOG)
    with pytest.raises(bundles.InvalidFilter) as info:
        bundles.filter_file(log, "[unclosed", regex=True)
    assert info.value.title == "Invalid filter" and "[unclosed" in info.value.message
    with pytest.raises(bundles.InvalidSearch) as found:
        bundles.search(sqlite_database, tmp_path, "!!!")
    assert found.value.title == "Invalid search"
    assert bundles.EncryptedLog("x").title == "Encrypted log"
