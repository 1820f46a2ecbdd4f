"""The skimming reader: long bodies decoded one by one and put back, the same result as one whole-file
parse, the same refusals, and ``har summary``'s lean path agreeing with the full loader."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson
import pytest

from console.services.har import HarError, build_document, load_har, load_har_bytes, summarize, summarize_document
from console.services.har.reader import MARKER, find_log, parse_whole
from tests.services.test_har_helpers import entry, har, write
from tests.services.test_har_loader import FIXTURES

LONG = "x" * 300


def _whole(path: Path) -> dict:
    """The log as the plain whole-file parse plus the same repairs gives it (the reference)."""
    quirks: Counter[str] = Counter()
    root = parse_whole(bytearray(path.read_bytes()), path, quirks)
    return build_document(find_log(root, path, quirks), path=path, file_size=0, quirks=quirks).raw


def _has_marker(node: object) -> bool:
    if isinstance(node, dict):
        return any(_has_marker(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_marker(v) for v in node)
    return isinstance(node, str) and node.startswith(MARKER)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_same_as_whole_parse(har_fixtures_dir: Path, name: str) -> None:
    path = har_fixtures_dir / name
    doc = load_har(path)
    assert not _has_marker(doc.raw)
    assert doc.raw == _whole(path)


@pytest.mark.parametrize("name", FIXTURES)
def test_summary_path_agrees_with_loader(har_fixtures_dir: Path, name: str) -> None:
    path = har_fixtures_dir / name
    retained: list[object] = []
    assert summarize(path, retain=retained).to_dict() == summarize_document(load_har(path)).to_dict()
    assert retained


def test_tricky_bodies_come_back_intact(tmp_path: Path) -> None:
    texts = [
        LONG + '\\"' * 40 + " many escaped quotes",  # JSON inside a string
        LONG + "\\\\",  # ends in an escaped backslash, right before the closing quote
        LONG + '\\\\\\"' + LONG,  # an escaped backslash then an escaped quote
        "é€😀 " * 80 + "\u2028 unicode",
        '{"text": "not a key", "nested": [1, 2, {"text": "' + LONG + '"}]}' * 3,
    ]
    entries = [entry(f"https://example.com/{i}", text=t) for i, t in enumerate(texts)]
    entries[0]["request"]["postData"] = {"mimeType": "application/json", "text": '{"password": "' + LONG + '"}'}
    entries[1]["_custom"] = {"text": LONG + " outside content"}
    data = har(entries)
    path = write(tmp_path / "t.har", orjson.dumps(data, option=orjson.OPT_INDENT_2))
    doc = load_har(path)
    assert not _has_marker(doc.raw)
    assert doc.raw["entries"][1]["_custom"]["text"] == LONG + " outside content"
    for e, text in zip(doc.entries, texts, strict=True):
        assert e.raw["response"]["content"]["text"] == text
    assert doc.entries[0].request_body().text == '{"password": "' + LONG + '"}'
    assert doc.raw == _whole(path)
    assert load_har_bytes(path.read_bytes()).raw == doc.raw
    assert summarize(path).entries == 5


def test_cut_inside_a_body_names_the_offset(tmp_path: Path) -> None:
    data = orjson.dumps(har([entry(text=LONG * 10)]))
    cut = data.index(LONG.encode()) + 1000
    path = write(tmp_path / "cut.har", data[:cut])
    with pytest.raises(HarError, match=f"cut off.*byte offset {cut} of {cut}"):
        load_har(path)
    with pytest.raises(HarError, match="cut off"):
        summarize(path)


@pytest.mark.parametrize("bad", [b"\x01", b"\\q", b"\\ud800", b"\xff"])
def test_invalid_long_body_is_refused_like_the_whole_parse(tmp_path: Path, bad: bytes) -> None:
    data = orjson.dumps(har([entry(text=LONG)])).replace(LONG.encode(), LONG.encode() + bad + LONG.encode())
    path = write(tmp_path / "bad.har", data)
    with pytest.raises(HarError, match="byte offset") as full:
        load_har(path)
    with pytest.raises(HarError) as lean:
        summarize(path)
    assert str(lean.value) == str(full.value)


@pytest.mark.parametrize("block", [64, 301, 4096])
def test_small_read_windows_give_the_same_result(har_fixtures_dir: Path, tmp_path: Path, monkeypatch,
                                                 block: int) -> None:
    """Strings and keys cut by the end of a read window (and windows grown for long strings)."""
    from console.services.har import reader

    monkeypatch.setattr(reader, "_BLOCK", block)
    for name in ("firefox72_httpbin_jsonview-base64.har", "chrome114_mitmproxy_orphan-pageref.har"):
        path = har_fixtures_dir / name
        assert load_har(path).raw == _whole(path)
    texts = [LONG + '\\"' * 40, LONG * 30 + "\\\\", "é€😀 " * 500]
    path = write(tmp_path / "t.har", har([entry(f"https://example.com/{i}", text=t) for i, t in enumerate(texts)]))
    doc = load_har(path)
    assert [e.raw["response"]["content"]["text"] for e in doc.entries] == texts
    assert doc.raw == _whole(path)


def test_gzip_is_read_as_a_stream(har_fixtures_dir: Path, tmp_path: Path) -> None:
    import gzip

    path = har_fixtures_dir / "chrome114_mitmproxy_orphan-pageref.har"
    packed = write(tmp_path / "c.har.gz", gzip.compress(path.read_bytes()))
    doc = load_har(packed)
    assert doc.raw == _whole(path) and dict(doc.quirks)["gzip"] == 1
    broken = write(tmp_path / "b.har.gz", gzip.compress(path.read_bytes())[:-200])
    with pytest.raises(HarError, match="damaged gzip"):
        load_har(broken)


# ------------------------------------------------------------------ files that are something else altogether
def _zip(path: Path, members: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _tar_gz(path: Path) -> Path:
    import io
    import tarfile

    with tarfile.open(path, "w:gz") as tf:
        info = tarfile.TarInfo("logs/tws.log")
        info.size = 5
        tf.addfile(info, io.BytesIO(b"hello"))
    return path


@pytest.mark.parametrize("make, kind, area", [
    (lambda d: _zip(d / "bundle1.zip", {"session.har": b"{}", "tws.log": b"x"}), "a ZIP archive", "diagnostics"),
    (lambda d: _tar_gz(d / "bundle.har.gz"), "a gzip-compressed TAR archive", "diagnostics"),
    (lambda d: write(d / "shot.har", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "a PNG image", None),
    (lambda d: write(d / "blob.har", bytes(range(256)) * 8), "a binary file", None),
    (lambda d: write(d / "report.har", b"-----BEGIN PGP MESSAGE-----\n\nhQEMA...\n"), "an OpenPGP-encrypted message",
     "gpg"),
])
def test_other_kinds_of_file_are_named(tmp_path: Path, make, kind: str, area: str | None) -> None:
    from console.services.har import NotAHarFile

    path = make(tmp_path)
    with pytest.raises(NotAHarFile) as full:
        load_har(path)
    err = full.value
    assert err.kind == kind and err.area == area and err.exit_code == 2
    assert err.message.startswith(f"{path.name} is {kind}, not a HAR file")
    assert "UTF-8" not in str(err) and "surrogates" not in str(err)
    if area == "diagnostics":
        assert "Diagnostics intake" in err.hint and "support-console bundle ingest" in err.cli_hint
    with pytest.raises(NotAHarFile) as lean:
        summarize(path)
    assert str(lean.value) == str(err)
    with pytest.raises(NotAHarFile):
        load_har_bytes(path.read_bytes(), name=path.name)


def test_zip_names_the_har_inside(tmp_path: Path) -> None:
    with pytest.raises(HarError, match=r"It holds session\.har\."):
        load_har(_zip(tmp_path / "bundle1.zip", {"session.har": b"{}", "tws.log": b"x"}))


def test_latin1_har_says_it_is_not_utf8(tmp_path: Path) -> None:
    data = orjson.dumps(har([entry(text="caf\u00e9 " * 100)])).decode().encode("latin-1")
    path = write(tmp_path / "latin1.har", data)
    with pytest.raises(HarError, match=r"not UTF-8 text: the bytes at byte offset \d+") as exc:
        load_har(path)
    assert "surrogates" not in str(exc.value)
    assert data[int(str(exc.value).split("byte offset ")[1].split()[0])] == 0xE9
