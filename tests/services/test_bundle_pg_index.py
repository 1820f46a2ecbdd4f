"""The PostgreSQL index is built from words split in Python: same lexemes as the server would make, same answers."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from sqlalchemy import text

from console.services import bundles
from console.services.bundles.logs import decode
from console.services.bundles.redact import index_text

search_mod = importlib.import_module("console.services.bundles.search")

SAMPLES = [
    b"",
    b" ,;:!? --- ___ ''' \\\\ \t",
    b"2024-03-05 09:30:00.123 [JTS-Main] INFO  - Market data farm connection is OK:usfarm errorCode=2104\n",
    b"Mixed CASE Words, it's don't O'Brien back\\slash snake_case_name tab\tsep 'quoted' \"dq\"\n",
    b"A" * 200 + b" " + b"b" * 201 + b" keep\n",
    "caf\u00e9 CAF\u00c9 \u4ea4\u6613 \u65e5\u8a8c Stra\u00dfe \u0130stanbul \u00e9" .encode() + b" x" * 3 + b"\n",
    ("\u00e9" * 201 + " " + "\u00e9" * 200 + "\n").encode(),
    b"\xff\xfe broken utf8 \x00nul line\n",
    b"password=hunter2sesame token: abc.def Bearer AAAABBBBCCCCDDDD card 4111 1111 1111 1111\n",
]


def _reference_words(piece: bytes) -> list[str]:
    """What the query side calls words (search.words), after redaction, within MAX_WORD."""
    return [w for w in set(search_mod.words(index_text(decode(piece)))) if len(w) <= search_mod.MAX_WORD]


@pytest.mark.parametrize("piece", SAMPLES)
def test_lexemes_are_exactly_the_query_side_words(piece: bytes) -> None:
    lexemes = search_mod._pg_lexemes(piece)
    assert sorted(w.decode() for w in lexemes) == sorted(_reference_words(piece))
    assert lexemes == sorted(lexemes)


@pytest.mark.postgresql
def test_copied_vectors_equal_the_servers_vectors(pg_database) -> None:
    """The binary COPY rows, read back, are what array_to_tsvector makes of the same words."""
    with pg_database.session() as s:
        conn = s.connection().connection.driver_connection
        with conn.cursor() as cur:
            cur.execute("CREATE TEMP TABLE v (chunk_id bigint, tsv tsvector)")
            with cur.copy("COPY v (chunk_id, tsv) FROM STDIN (FORMAT BINARY)") as copy:
                copy.write(search_mod._COPY_HEAD
                           + b"".join(search_mod._ROW.pack(2, 8, i) + search_mod._pg_vector(p)
                                      for i, p in enumerate(SAMPLES))
                           + search_mod._COPY_TAIL)
        for i, piece in enumerate(SAMPLES):
            ours = s.execute(text("SELECT tsv::text FROM v WHERE chunk_id = :i"), {"i": i}).scalar_one()
            server = s.execute(text("SELECT array_to_tsvector(CAST(:w AS text[]))::text"),
                               {"w": _reference_words(piece)}).scalar_one()
            assert ours == server, piece


def test_both_backends_answer_the_same(sqlite_database, pg_database, tmp_path: Path) -> None:
    log = tmp_path / "mix.log"
    lines = [f"2024-03-05 09:30:{i % 60:02d}.000 [T] INFO - " + SAMPLES[i % len(SAMPLES)].decode("utf-8", "replace")
             .replace("\n", " ").replace("\x00", " ") + f" row{i} Gamma{i % 7}" for i in range(3000)]
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    queries = ["gamma3", "row2999", "CAF\u00c9 \u4ea4\u6613", "errorcode 2104", "snake", "case", "hunter2sesame",
               "stra\u00dfe", "o brien", "keep", "broken utf8", "nosuchword"]
    answers = {}
    for name, db in (("sqlite", sqlite_database), ("postgresql", pg_database)):
        store = tmp_path / f"store-{name}"
        bundles.ingest_bundle(db, store, [log])
        answers[name] = {q: [(h.line, h.text) for h in bundles.search(db, store, q, limit=50)] for q in queries}
    assert answers["sqlite"] == answers["postgresql"]
    assert answers["sqlite"]["row2999"] and answers["sqlite"]["hunter2sesame"] == []
