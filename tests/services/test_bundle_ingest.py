"""Ingest, store, index and search on SQLite and PostgreSQL, with real archives."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from console.services import bundles
from console.services.bundles.archive import UnsafeArchive
from console.services.errors import InvalidInput, NotFound
from tests.services.conftest_bundles import TWS_LOG, good_zip, store_files, tar_file, tar_with, zip_bytes


def _count_rows(database) -> int:
    return len(bundles.list_bundles(database))


def test_zip_bundle_is_stored_indexed_and_searchable(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    nested = zip_bytes({"old.log": TWS_LOG})
    src = good_zip(tmp_path / "diag.zip", nested=nested)
    r = bundles.ingest_bundle(database, store, [src], username="bob", platform="tws",
                              reason="ATTENTION: 12345678 quotes freeze")
    assert r.ticket == "12345678"
    assert r.files == 6
    assert r.kinds == {"encrypted-log": 1, "image": 1, "log": 2, "other": 1, "settings": 1}
    assert r.nested == ("extra/older.zip",)
    assert r.encrypted == ("logs/tws.20240304.ibgzenc",)

    detail = bundles.get_bundle(database, r.id)
    by_path = {f.path: f for f in detail.files}
    log = by_path["logs/tws.20240305.log"]
    assert log.line_count == TWS_LOG.count("\n")
    assert log.first_ts is not None and log.first_ts.minute == 30
    assert log.last_ts is not None and log.last_ts.minute == 33
    # Content-addressed: the file's bytes are at <store>/ab/cd/<sha256>.
    path = bundles.file_path(store, log)
    assert path.name == log.sha256 and path.parent.name == log.sha256[2:4]
    assert path.read_text() == TWS_LOG
    assert by_path["logs/tws.20240304.ibgzenc"].note == bundles.ENCRYPTED_NOTE
    assert by_path["extra/older.zip"].nested_archive

    hits = bundles.search(database, store, "zanzibarquokka")
    assert [(h.bundle, h.file, h.line) for h in hits] == [(r.id, "logs/tws.20240305.log", 6)]
    assert hits[0].timestamp is not None and hits[0].timestamp.second == 40
    # Every word must be on the line; case does not matter.
    assert [h.line for h in bundles.search(database, store, "CONNECTIVITY lost")] == [3]
    assert bundles.search(database, store, "connectivity nosuchword") == []

    # Nested archives are expanded only on request.
    more = bundles.expand_nested(database, store, by_path["extra/older.zip"].id)
    assert more.files == 1
    paths = {f.path for f in bundles.get_bundle(database, r.id).files}
    assert "extra/older.zip/old.log" in paths
    assert {h.file for h in bundles.search(database, store, "zanzibarquokka")} == {
        "logs/tws.20240305.log", "extra/older.zip/old.log"}


def test_search_filters_by_bundle_and_limit(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.log").write_text(TWS_LOG)
    (tmp_path / "b.log").write_text(TWS_LOG + TWS_LOG)
    first = bundles.ingest_bundle(database, store, [tmp_path / "a"])
    second = bundles.ingest_bundle(database, store, [tmp_path / "b.log"])
    assert {f.path for f in bundles.get_bundle(database, first.id).files} == {"a/one.log"}
    assert len(bundles.search(database, store, "errorCode")) == 9
    assert len(bundles.search(database, store, "errorCode", limit=4)) == 4
    only = bundles.search(database, store, "errorCode", bundle=second.id)
    assert {h.bundle for h in only} == {second.id} and len(only) == 6
    with pytest.raises(InvalidInput):
        bundles.search(database, store, "  ,, ")
    with pytest.raises(NotFound):
        bundles.search(database, store, "x", bundle=999)


def test_failure_midway_leaves_no_rows_and_no_files(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    link = tarfile.TarInfo("logs/evil-link")
    link.type = tarfile.SYMTYPE
    link.linkname = "/etc/passwd"
    src = tar_with(tmp_path / "b.tar.gz", [tar_file("logs/a.log", TWS_LOG.encode()),
                                          tar_file("logs/b.log", (TWS_LOG * 50).encode()), (link, None)])
    with pytest.raises(UnsafeArchive, match="evil-link"):
        bundles.ingest_bundle(database, store, [src])
    assert _count_rows(database) == 0
    assert store_files(store) == []
    assert bundles.search(database, store, "zanzibarquokka") == []


def test_blobs_are_shared_and_delete_keeps_what_others_use(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    (tmp_path / "x.log").write_text(TWS_LOG)
    a = bundles.ingest_bundle(database, store, [tmp_path / "x.log"])
    b = bundles.ingest_bundle(database, store, [tmp_path / "x.log"])
    assert len(store_files(store)) == 1
    bundles.delete_bundle(database, store, a.id)
    assert len(store_files(store)) == 1
    assert {h.bundle for h in bundles.search(database, store, "zanzibarquokka")} == {b.id}
    bundles.delete_bundle(database, store, b.id)
    assert store_files(store) == []
    assert bundles.list_bundles(database) == []


def test_bad_input_is_refused_clearly(sqlite_database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    with pytest.raises(NotFound):
        bundles.ingest_bundle(sqlite_database, store, [tmp_path / "missing.zip"])
    with pytest.raises(InvalidInput, match="platform"):
        (tmp_path / "x.log").write_text("x\n")
        bundles.ingest_bundle(sqlite_database, store, [tmp_path / "x.log"], platform="amiga")
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(bundles.NotAnArchive, match=r"fake\.zip"):  # named like an archive, so it must be one
        bundles.ingest_bundle(sqlite_database, store, [fake])
    assert store_files(store) == []


def test_ticket_recognised_in_reason() -> None:
    assert bundles.ticket_in("ATTENTION: 12345678 charts empty") == "12345678"
    assert bundles.ticket_in("see ticket #7654321") == "7654321"
    assert bundles.ticket_in("attention:T-998877") == "T-998877"
    assert bundles.ticket_in("quotes frozen since 9:30") is None


def test_cancel_midway_rolls_back(sqlite_database, tmp_path: Path) -> None:
    import threading

    from console.services.errors import Cancelled

    store = tmp_path / "store"
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(5):
        (folder / f"f{i}.log").write_text(TWS_LOG * 20)
    cancel = threading.Event()
    with pytest.raises(Cancelled):
        bundles.ingest_bundle(sqlite_database, store, [folder], cancel=cancel,
                              progress=lambda done, total: cancel.set())
    assert store_files(store) == [] and bundles.list_bundles(sqlite_database) == []


def test_odd_content_indexes_on_both_backends(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    log = tmp_path / "odd.log"
    blob = "A" * 5000
    log.write_bytes(("2024-03-05 09:30:00.000 [T] INFO - token " + blob + " 交易 日誌 nul\x00byte café\n"
                     "2024-03-05 09:30:01.000 [T] INFO - plain line\n").encode() + b"\xff\xfe broken utf8 line\n")
    bundles.ingest_bundle(database, store, [log])
    assert [h.line for h in bundles.search(database, store, "交易")] == [1]
    assert [h.line for h in bundles.search(database, store, "CAFÉ nul")] == [1]
    assert [h.line for h in bundles.search(database, store, "broken utf8")] == [3]
