"""Full-text index of log files and search across all bundles.

A log file is cut into chunks of whole lines (about 32 KB). Each chunk is one index row: an
FTS5 row (contentless, ``detail=none``) on SQLite, a ``tsvector`` under a GIN index on
PostgreSQL. The text itself stays in the store file, so the index costs a fraction of the logs'
size. A search asks the index for candidate chunks, reads them back from the store, and reports
the lines inside that contain every word of the query.

Words are runs of letters and digits, lower-cased, on both backends (PostgreSQL gets each chunk's
words split and sorted in Python, as ready-made vectors by binary COPY, so its text parser never
runs), so a query finds the same lines everywhere. Words longer than
:data:`MAX_WORD` are left out on both.

The index only ever sees redacted text (:func:`console.services.bundles.redact.index_text`):
passwords, tokens, cookies, URL credentials, private keys and card numbers are replaced by
placeholders before a chunk reaches the database, so searching for a secret finds nothing. The
raw files stay in the store (private to the user); a hit shows the raw line read from there.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from console.services.bundles.errors import InvalidSearch
from console.services.bundles.logs import decode, parse_line
from console.services.bundles.models import Bundle, BundleFile, LogChunk
from console.services.bundles.redact import index_text
from console.services.bundles.store import BlobStore
from console.services.db import Database

CHUNK_TARGET = 32 * 1024
_READ_BLOCK = 4 * 1024 * 1024
_BATCH = 256
_WORD = re.compile(r"[^\W_]+")
#: Longer "words" (base64 blobs) are not worth indexing, and PostgreSQL refuses lexemes over 2 KB.
MAX_WORD = 200
_LONG_WORD = re.compile(rf"(?<![^\W_])[^\W_]{{{MAX_WORD + 1},}}")


@dataclass(frozen=True)
class IndexStats:
    lines: int
    chunks: int
    first_ts: datetime | None
    last_ts: datetime | None


@dataclass(frozen=True)
class SearchHit:
    bundle: int
    file: str
    file_id: int
    line: int
    timestamp: datetime | None
    text: str


def words(query: str) -> list[str]:
    return _WORD.findall(query.lower())


_SAMPLE = 100
_SAMPLED_RUN = re.compile(r"[^\W_]{2,}")


def _may_have_long_word(body: str) -> bool:
    """False when ``body`` surely has no word over MAX_WORD characters, found without a walk over all of it.

    Such a word covers at least two neighbouring characters of every 100th, and all between them.
    """
    for m in _SAMPLED_RUN.finditer(body[::_SAMPLE]):
        for j in range(m.start(), m.end() - 1):
            if body[j * _SAMPLE:(j + 1) * _SAMPLE + 1].isalnum():
                return True
    return False


def _sqlite_body(piece: bytes) -> str:
    """The exact text the SQLite index gets for a chunk (also needed to take it out again)."""
    body = index_text(piece.decode("utf-8", "replace").replace("\x00", " "))
    return _LONG_WORD.sub(" ", body) if _may_have_long_word(body) else body


#: ASCII letters and digits kept (upper case folded), everything else a space: for ASCII text this
#: finds exactly the words of :data:`_WORD`, in C (bytes.translate + split) instead of a regex walk.
_ASCII_FOLD = bytes(c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32
                    for c in range(256))


def _pg_lexemes(piece: bytes) -> list[bytes]:
    """The chunk's redacted words (UTF-8), the same words as :func:`words` finds, in PostgreSQL's lexeme order."""
    body = index_text(decode(piece))
    if body.isascii():
        found = set(body.encode("ascii").translate(_ASCII_FOLD).split())
    else:
        found = {w.encode() for w in _WORD.findall(body.lower())}
    if found and max(map(len, found)) > MAX_WORD:
        found = {w for w in found if len(w.decode()) <= MAX_WORD}
    return sorted(found)  # byte order, shorter first on a tie: the order a tsvector keeps


def _pg_vector(piece: bytes) -> bytes:
    """One COPY BINARY field: the chunk's words as a ``tsvector`` in its wire form, lexemes without positions.

    The server only checks the order and stores it: no text parser, no stemming, exactly what
    ``array_to_tsvector`` of the words would give.
    """
    lexemes = _pg_lexemes(piece)
    body = _I32.pack(len(lexemes)) + b"\0\0\0".join(lexemes) + (b"\0\0\0" if lexemes else b"")
    return _I32.pack(len(body)) + body


_I32 = struct.Struct(">i")
_ROW = struct.Struct(">hiq")  # field count, then the chunk id's length and value
_COPY_HEAD = b"PGCOPY\n\xff\r\n\0" + bytes(8)
_COPY_TAIL = b"\xff\xff"


def _pg_flush(session: Session, file_id: int, batch: list[tuple[int, int, int, bytes]],
              vectors: list[bytes]) -> None:
    """Chunk rows and their vectors by COPY on the session's own connection (same transaction)."""
    conn: Any = session.connection().connection.driver_connection
    with conn.cursor() as cur:
        cur.execute("SELECT nextval(pg_get_serial_sequence('bundle_log_chunks', 'id')) "
                    "FROM generate_series(1, %s)", (len(batch),))
        ids = sorted(row[0] for row in cur.fetchall())
        with cur.copy("COPY bundle_log_chunks (id, file_id, first_line, byte_offset, byte_length) "
                      "FROM STDIN") as copy:
            copy.write(b"".join(b"%d\t%d\t%d\t%d\t%d\n" % (i, file_id, fl, off, len(piece))
                                for i, (off, fl, _n, piece) in zip(ids, batch, strict=True)))
        with cur.copy("COPY bundle_log_tsv (chunk_id, tsv) FROM STDIN (FORMAT BINARY)") as copy:
            copy.write(_COPY_HEAD + b"".join(_ROW.pack(2, 8, i) + v for i, v in zip(ids, vectors, strict=True))
                       + _COPY_TAIL)


def iter_chunks(path: Path, target: int = CHUNK_TARGET) -> Iterator[tuple[int, int, int, bytes]]:
    """(byte offset, first line number (1-based), lines, bytes) for runs of whole lines of ``path``."""
    offset, line, carry = 0, 1, b""
    with open(path, "rb") as fh:
        while True:
            block = fh.read(_READ_BLOCK)
            if not block:
                break
            data = carry + block if carry else block
            pos = 0
            while len(data) - pos >= target:
                cut = data.rfind(b"\n", pos, pos + target)
                if cut < 0:
                    cut = data.find(b"\n", pos + target)
                    if cut < 0:
                        break
                piece = data[pos:cut + 1]
                n = piece.count(b"\n")
                yield offset, line, n, piece
                offset += len(piece)
                line += n
                pos = cut + 1
            carry = data[pos:]
    if carry:
        yield offset, line, carry.count(b"\n") + (0 if carry.endswith(b"\n") else 1), carry


def _first_ts(piece: bytes) -> datetime | None:
    for raw in piece[:4096].split(b"\n")[:50]:
        ts = parse_line(decode(raw)).timestamp
        if ts is not None:
            return ts
    return None


def _last_ts(piece: bytes) -> datetime | None:
    for raw in reversed(piece[-4096:].split(b"\n")[-50:]):
        ts = parse_line(decode(raw)).timestamp
        if ts is not None:
            return ts
    return None


def index_file(session: Session, file_id: int, path: Path) -> IndexStats:
    """Cut ``path`` into chunks and add them to the index (inside the caller's transaction)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        # New entries gather in the GIN index's pending list, which is merged into the index when
        # it grows past the limit. The merge sorts in work_mem: with room for a whole list it is one
        # pass. A modest list (8 MB, twice the default) measured faster than a big one (64 MB and
        # more), which no longer stays in shared buffers (bench/bundle_ingest.py --pg).
        session.execute(text("SET LOCAL gin_pending_list_limit = '8MB'"))
        session.execute(text("SET LOCAL work_mem = '64MB'"))
        if session.execute(text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                                "WHERE name = 'default_toast_compression'")).scalar():
            # The vectors are stored compressed; lz4 costs a fraction of the default pglz.
            session.execute(text("SET LOCAL default_toast_compression = 'lz4'"))
    lines = chunks = 0
    first: datetime | None = None
    last_piece = b""
    prepare = _pg_vector if postgres else _sqlite_body

    def prepared(batch: list[tuple[int, int, int, bytes]]) -> tuple[list[tuple[int, int, int, bytes]], list[Any]]:
        return batch, [prepare(p[3]) for p in batch]

    def flush(batch: list[tuple[int, int, int, bytes]], bodies: list[Any]) -> None:
        if postgres:
            # The words are found here, in parallel with the server, which then only sorts them into
            # vectors: the same words the query side uses, so both backends match the same lines.
            _pg_flush(session, file_id, batch, bodies)
            return
        rows = [{"file_id": file_id, "first_line": fl, "byte_offset": off, "byte_length": len(piece)}
                for off, fl, _n, piece in batch]
        ids = session.execute(insert(LogChunk).returning(LogChunk.id, sort_by_parameter_order=True),
                              rows).scalars().all()
        session.execute(text("INSERT INTO bundle_log_fts (rowid, body) VALUES (:id, :b)"),
                        [{"id": i, "b": b} for i, b in zip(ids, bodies, strict=True)])

    # Redaction of batch N+1 (a helper thread) overlaps the database's work on batch N (which
    # runs without the GIL): the index costs little more than it did before redaction.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-index") as pool:
        pending: Future[tuple[list[tuple[int, int, int, bytes]], list[Any]]] | None = None
        batch: list[tuple[int, int, int, bytes]] = []
        for item in iter_chunks(path):
            if first is None:
                first = _first_ts(item[3])
            lines += item[2]
            chunks += 1
            last_piece = item[3]
            batch.append(item)
            if len(batch) >= _BATCH:
                submitted = pool.submit(prepared, batch)
                batch = []
                if pending is not None:
                    flush(*pending.result())
                pending = submitted
        if pending is not None:
            flush(*pending.result())
        if batch:
            flush(*prepared(batch))
    if postgres:
        # Move the pending list into the index now: searches would otherwise scan it linearly.
        session.execute(text("SELECT gin_clean_pending_list('ix_bundle_log_tsv_gin'::regclass)"))
    return IndexStats(lines, chunks, first, _last_ts(last_piece) if last_piece else None)


def _candidates(session: Session, tokens: list[str], bundle: int | None, after: int,
                limit: int) -> list[Any]:
    postgres = session.get_bind().dialect.name == "postgresql"
    where_bundle = "AND f.bundle_id = :bundle" if bundle is not None else ""
    params: dict[str, Any] = {"after": after, "limit": limit, "bundle": bundle}
    if postgres:
        params["q"] = " & ".join(f"'{t}'" for t in tokens)  # quoted lexemes: no parsing, no stemming
        # MATERIALIZED makes the planner start from the GIN index instead of walking chunks in id order.
        sql = ("WITH m AS MATERIALIZED (SELECT chunk_id FROM bundle_log_tsv "
               "WHERE tsv @@ CAST(:q AS tsquery) AND chunk_id > :after) "
               "SELECT c.id, c.file_id, c.first_line, c.byte_offset, c.byte_length, f.bundle_id, f.path, f.sha256 "
               "FROM m JOIN bundle_log_chunks c ON c.id = m.chunk_id JOIN bundle_files f ON f.id = c.file_id "
               f"WHERE 1 = 1 {where_bundle} ORDER BY c.id LIMIT :limit")
    else:
        params["q"] = " AND ".join(f'"{t}"' for t in tokens)
        sql = ("SELECT c.id, c.file_id, c.first_line, c.byte_offset, c.byte_length, f.bundle_id, f.path, f.sha256 "
               "FROM (SELECT rowid AS id FROM bundle_log_fts WHERE bundle_log_fts MATCH :q AND rowid > :after "
               "ORDER BY rowid) m "
               "JOIN bundle_log_chunks c ON c.id = m.id JOIN bundle_files f ON f.id = c.file_id "
               f"WHERE 1 = 1 {where_bundle} ORDER BY c.id LIMIT :limit")
    return list(session.execute(text(sql), params).all())


def search(database: Database, store_dir: Path, query: str, *, bundle: int | None = None,
           limit: int = 100) -> list[SearchHit]:
    """Lines containing every word of ``query``, in ingest order, at most ``limit``."""
    tokens = words(query)
    if not tokens:
        raise InvalidSearch("Type at least one word (letters or digits) to search for.")
    if any(len(t) > MAX_WORD for t in tokens):
        raise InvalidSearch(f"Words longer than {MAX_WORD} characters are not indexed; search for a shorter word.")
    if limit < 1:
        raise InvalidSearch("The result limit must be at least 1.")
    store = BlobStore(store_dir)
    wanted = set(tokens)
    hits: list[SearchHit] = []
    after = 0
    with database.session() as s:
        if bundle is not None and s.get(Bundle, bundle) is None:
            from console.services.errors import NotFound

            raise NotFound(f"There is no bundle {bundle}.")
        while len(hits) < limit:
            rows = _candidates(s, tokens, bundle, after, max(limit, 32))
            if not rows:
                break
            for chunk_id, file_id, first_line, offset, length, bundle_id, path, sha in rows:
                after = chunk_id
                with open(store.open(sha), "rb") as fh:
                    fh.seek(offset)
                    data = fh.read(length)
                # Match on the redacted text (what the index holds); show the raw line.
                clean = index_text(data.decode("utf-8", "replace")).split("\n")
                for i, raw in enumerate(data.split(b"\n")):
                    if not wanted.issubset(_WORD.findall(clean[i].lower())):
                        continue
                    line = decode(raw)
                    parsed = parse_line(line, first_line + i)
                    hits.append(SearchHit(bundle_id, path, file_id, first_line + i, parsed.timestamp, line[:1000]))
                    if len(hits) >= limit:
                        return hits
    return hits


def unindex_bundle(session: Session, store: BlobStore, bundle_id: int) -> None:
    """Drop a bundle's rows from the full-text index (before its chunks are deleted)."""
    if session.get_bind().dialect.name == "postgresql":
        return  # bundle_log_tsv rows go with their chunks (ON DELETE CASCADE)
    rows = session.execute(select(LogChunk.id, LogChunk.byte_offset, LogChunk.byte_length, BundleFile.sha256)
                           .join(BundleFile, BundleFile.id == LogChunk.file_id)
                           .where(BundleFile.bundle_id == bundle_id)).all()
    # A contentless FTS5 table forgets a row only when given the text it was indexed with.
    for chunk_id, offset, length, sha in rows:
        with open(store.open(sha), "rb") as fh:
            fh.seek(offset)
            body = _sqlite_body(fh.read(length))
        session.execute(text("INSERT INTO bundle_log_fts (bundle_log_fts, rowid, body) VALUES ('delete', :id, :b)"),
                        {"id": chunk_id, "b": body})
