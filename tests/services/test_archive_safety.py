"""Malicious archives are refused, name the entry, and leave nothing behind (no rows, no files)."""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from console.services import bundles
from console.services.bundles.archive import Budget, Limits, UnsafeArchive, iter_archive, safe_name
from tests.services.conftest_bundles import TWS_LOG, store_files, tar_file, tar_with, zip_bytes


def _zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ok.log", TWS_LOG)
        for info, data in entries:
            zf.writestr(info, data)
    return path


def _zip_symlink(tmp: Path) -> Path:
    info = zipfile.ZipInfo("logs/link.log")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return _zip(tmp / "a.zip", [(info, b"/etc/passwd")])


def _tar_special(kind: bytes, name: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        info = tarfile.TarInfo(name)
        info.type = kind
        if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE):
            info.linkname = "../../etc/passwd" if kind == tarfile.SYMTYPE else "ok.log"
        return tar_with(tmp / "a.tar.gz", [tar_file("ok.log", TWS_LOG.encode()), (info, None)])
    return build


def _too_many(tmp: Path) -> Path:
    path = tmp / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for i in range(10_001):
            zf.writestr(f"f{i:05d}.txt", b"")
    return path


def _nested(depth: int) -> bytes:
    data = zip_bytes({"deep.log": TWS_LOG})
    for level in range(depth, 0, -1):
        data = zip_bytes({f"level{level}.zip": data, f"n{level}.log": TWS_LOG})
    return data


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "zip slip": (lambda t: _zip(t / "a.zip", [("../../evil.txt", b"pwned")]), "../../evil.txt"),
    "absolute path": (lambda t: _zip(t / "a.zip", [("/tmp/evil.txt", b"pwned")]), "/tmp/evil.txt"),
    "drive letter": (lambda t: _zip(t / "a.zip", [("C:/Windows/evil.txt", b"pwned")]), "C:/Windows/evil.txt"),
    "backslash": (lambda t: _zip(t / "a.zip", [("logs\\..\\..\\evil.txt", b"pwned")]), "evil.txt"),
    "zip symlink": (_zip_symlink, "logs/link.log"),
    "tar slip": (lambda t: tar_with(t / "a.tar", [tar_file("a/../../evil.txt", b"x")], "w"), "evil.txt"),
    "tar symlink": (_tar_special(tarfile.SYMTYPE, "logs/link"), "logs/link"),
    "tar hard link": (_tar_special(tarfile.LNKTYPE, "logs/hard"), "logs/hard"),
    "tar device": (_tar_special(tarfile.CHRTYPE, "dev/null"), "dev/null"),
    "tar fifo": (_tar_special(tarfile.FIFOTYPE, "pipe"), "pipe"),
    "zip bomb": (lambda t: _zip(t / "a.zip", [("bomb.log", b"\0" * (20 * 1024 * 1024))]), "bomb.log"),
    "tar.gz bomb": (lambda t: tar_with(t / "a.tar.gz", [tar_file("bomb.log", b"\0" * (20 * 1024 * 1024))]),
                    "bomb.log"),
    "too many entries": (_too_many, "f10000.txt"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_malicious_archive_refused_leaves_nothing(case: str, sqlite_database, tmp_path: Path) -> None:
    build, entry = CASES[case]
    work = tmp_path / "in"
    work.mkdir()
    src = build(work)
    store = tmp_path / "store"
    before = sorted(p for p in tmp_path.rglob("*") if p != store and store not in p.parents)
    with pytest.raises(UnsafeArchive) as info:
        bundles.ingest_bundle(sqlite_database, store, [src])
    assert entry in str(info.value)
    assert store_files(store) == []
    assert bundles.list_bundles(sqlite_database) == []
    after = sorted(p for p in tmp_path.rglob("*") if p != store and store not in p.parents)
    assert after == before  # nothing written next to the archive or anywhere else under tmp
    assert not (tmp_path.parent / "evil.txt").exists()


def test_nesting_deeper_than_three_refused_on_expansion(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    src = tmp_path / "outer.zip"
    src.write_bytes(_nested(3))  # outer (1) > level1.zip (2) > level2.zip (3) > level3.zip (4)
    with pytest.raises(UnsafeArchive, match=r"level3\.zip"):
        bundles.ingest_bundle(database, store, [src], expand_nested=True)
    assert store_files(store) == [] and bundles.list_bundles(database) == []
    # Without expansion the nested archive is only listed.
    r = bundles.ingest_bundle(database, store, [src])
    assert r.nested == ("level1.zip",)
    shallow = tmp_path / "shallow.zip"
    shallow.write_bytes(_nested(2))
    r2 = bundles.ingest_bundle(database, store, [shallow], expand_nested=True)
    assert r2.nested == () and r2.kinds["log"] == 3


def test_total_size_limit_stops_streaming(sqlite_database, tmp_path: Path) -> None:
    src = tar_with(tmp_path / "big.tar", [tar_file("a.log", b"x" * 5000), tar_file("b.log", b"y" * 5000)], "w")
    with pytest.raises(UnsafeArchive, match=r"b\.log"):
        bundles.ingest_bundle(sqlite_database, tmp_path / "store", [src], limits=Limits(max_total_bytes=8000))
    assert store_files(tmp_path / "store") == []


def test_folder_with_symlink_refused(sqlite_database, tmp_path: Path) -> None:
    folder = tmp_path / "diag"
    folder.mkdir()
    (folder / "tws.log").write_text(TWS_LOG)
    (folder / "passwd.log").symlink_to("/etc/passwd")
    with pytest.raises(UnsafeArchive, match=r"passwd\.log"):
        bundles.ingest_bundle(sqlite_database, tmp_path / "store", [folder])
    assert store_files(tmp_path / "store") == []


@pytest.mark.parametrize("name", ["a/./b.log", "./x.log", "logs//y.log"])
def test_harmless_odd_names_are_normalised(name: str) -> None:
    assert ".." not in safe_name(name) and not safe_name(name).startswith("/")


def test_non_utf8_names_decoded(tmp_path: Path) -> None:
    big5 = "日誌.log".encode("cp950")
    placeholder = b"X" * (len(big5) - 4) + b".log"
    raw = zip_bytes({placeholder.decode(): TWS_LOG})
    (tmp_path / "b5.zip").write_bytes(raw.replace(placeholder, big5))
    tar = tmp_path / "b5.tar"
    with tarfile.open(tar, "w", format=tarfile.GNU_FORMAT, encoding="cp950") as tf:
        info, data = tar_file("記錄/工作.log", TWS_LOG.encode())
        tf.addfile(info, io.BytesIO(data))
    for path, expected in ((tmp_path / "b5.zip", "日誌.log"), (tar, "記錄/工作.log")):
        names = [e.name for e, chunks in iter_archive(path, Budget()) if list(chunks) is not None]
        assert names == [expected]
