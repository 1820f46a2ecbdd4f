"""Secrets in client logs never reach the database: the index holds redacted text only (audit item 4/6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from console.services import bundles
from console.services.bundles.redact import Redactor, index_text, redact_text
from console.services.errors import InvalidInput

PEM_BODY = ["b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
            "QyNTUxOQAAACDqvUMbPrivKeyFragmentZulu9LSsd6gYlT4i6BqvU0mAAAAmJvqF3Lr6hd",
            "AAAAC3NzaC1lZDI1NTE5AAAAIOq9QxsPrivKeyTailXray42"]
SECRETS = ("hunter2sesame", "BearerTok3nSecretValue99", "SessCookieSecret42", "IbSessSecret77abc",
           "DbPassSecret88", "TokSchemeLogSecret55", "ReasonPassSecret61",
           "PrivKeyFragmentZulu", "PrivKeyTailXray42", *PEM_BODY)
LOG = "\n".join([
    "2024-03-05 10:00:00.000 [JTS-Auth] INFO  - walrusmarmalade login user=bob password=hunter2sesame",
    "2024-03-05 10:00:01.000 [JTS-Auth] INFO  - Authorization: Bearer BearerTok3nSecretValue99",
    "2024-03-05 10:00:01.500 [JTS-Auth] INFO  - Authorization: TokScheme TokSchemeLogSecret55",
    "2024-03-05 10:00:02.000 [JTS-Web] INFO  - sending Cookie: SESSIONID=SessCookieSecret42; ibsess=IbSessSecret77abc",
    "2024-03-05 10:00:03.000 [JTS-DB] INFO  - pool opened postgresql://svc:DbPassSecret88@db.internal:5432/ib",
    "2024-03-05 10:00:04.000 [JTS-Key] INFO  - key material follows",
    "-----BEGIN OPENSSH PRIVATE KEY-----",
    *PEM_BODY,
    "-----END OPENSSH PRIVATE KEY-----",
    "2024-03-05 10:00:05.000 [JTS-Key] INFO  - done with key " + "q" * 300,
]) + "\n"


def _all_database_text(database) -> bytes:  # type: ignore[no-untyped-def]
    """Every byte the database holds (SQLite: its files; PostgreSQL: every text value and lexeme)."""
    if database.is_sqlite:
        with database.engine.connect() as conn:
            conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, bundle_log_fts, row)"))
            vocab = " ".join(r[0] for r in conn.execute(text("SELECT term FROM temp.v")))
            tables = [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))]
            dump = [repr(list(conn.execute(text(f'SELECT * FROM "{t}"')))) for t in tables]
        assert "walrusmarmalade" in vocab  # the vocabulary is really there, and readable
        files = b"".join(p.read_bytes() for p in Path(database.url.database).parent.glob("test.db*"))
        return files + vocab.encode() + "\n".join(dump).encode()
    out = []
    with database.engine.connect() as conn:
        cols = conn.execute(text(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND data_type IN ('text', 'character varying', 'tsvector')")).all()
        for table, column in cols:
            out += [str(v) for (v,) in conn.execute(text(f'SELECT CAST("{column}" AS text) FROM "{table}"'))]
        lexemes = [r[0] for r in conn.execute(text("SELECT lexeme FROM bundle_log_tsv, unnest(tsv)"))]
    assert "walrusmarmalade" in lexemes
    return "\n".join(out + lexemes).encode()


def test_secrets_in_client_logs_never_reach_the_database(database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    folder = tmp_path / "diag"
    folder.mkdir()
    (folder / "tws.log").write_text(LOG)
    r = bundles.ingest_bundle(database, store, [folder], reason="client says password=ReasonPassSecret61 help")
    data = _all_database_text(database).lower()
    for secret in SECRETS:
        assert secret.lower().encode() not in data, secret
    assert b"q" * 300 not in data  # over-long words are not indexed on either backend
    assert bundles.get_bundle(database, r.id).bundle.reason == "client says password=<SECRET-1> help"
    # An ordinary word on a secret's line still finds it, and the hit shows the raw line from the store.
    for word, line in (("walrusmarmalade", 1), ("pool", 5), ("sending", 4)):
        hits = bundles.search(database, store, word)
        assert [h.line for h in hits] == [line]
    assert "password=hunter2sesame" in bundles.search(database, store, "walrusmarmalade")[0].text
    for secret in ("hunter2sesame", "DbPassSecret88", "SessCookieSecret42", "PrivKeyFragmentZulu"):
        assert bundles.search(database, store, secret) == []
    # A placeholder is searchable (lines where something was hidden), and deleting the bundle cleans the index.
    assert {h.line for h in bundles.search(database, store, "secret")} >= {1, 4, 5}
    bundles.delete_bundle(database, store, r.id)
    assert bundles.search(database, store, "walrusmarmalade") == []


def test_redactor_rules_from_the_audit() -> None:
    r = Redactor()
    assert r.line("Authorization: TokScheme TokSchemeLogSecret55", "f", 1) == "Authorization: <TOKEN-1>"
    assert r.line("Cookie: a=1x; ibsess=IbSessSecret77abc", "f", 2) == "Cookie: a=<SECRET-1>; ibsess=<SECRET-2>"
    assert r.line("Set-Cookie: sid=abc; Path=/; HttpOnly", "f", 3) == "Set-Cookie: sid=<SECRET-3>; Path=/; HttpOnly"
    assert r.line("url postgresql://svc:DbPassSecret88@db/x", "f", 4) == "url postgresql://svc:<SECRET-4>@db/x"
    # The same value gets the same placeholder; nothing else is touched.
    assert r.line("again ibsess=IbSessSecret77abc in Cookie: ibsess=IbSessSecret77abc", "f", 5).endswith(
        "ibsess=<SECRET-2>")
    assert r.line("plain line 2104", "f", 6) == "plain line 2104"
    assert index_text("a\nb U1234567\n") == "a\nb U1234567\n"  # account ids stay searchable
    assert redact_text("token: abc123xyz") == "token: <SECRET-1>"
    # The index's fast path (only lines with a hint are redacted) still catches every card layout.
    body = "\n".join(["plain 2024-03-05 10:00:00.000 qty 12", "card 4111 1111 1111 1111 ok",
                      "card 4111-1111-1111-1111 ok", "id 1234567890123 ok", "x"] * 50)
    out = index_text(body)
    assert "4111" not in out and out.count("<CARD-1>") == out.count("<CARD-2>") == 50
    assert out.count("1234567890123") == 50
    assert out.count("\n") == body.count("\n")


def test_export_target_checked_before_work(sqlite_database, tmp_path: Path) -> None:
    store = tmp_path / "store"
    (tmp_path / "a.log").write_text(LOG)
    r = bundles.ingest_bundle(sqlite_database, store, [tmp_path / "a.log"])
    (tmp_path / "report.csv").write_text("x")
    with pytest.raises(InvalidInput, match="is a file, not a folder"):
        bundles.export_bundle(sqlite_database, store, r.id, tmp_path / "report.csv" / "x.zip")
    (tmp_path / "adir.zip").mkdir()
    with pytest.raises(InvalidInput, match="is a folder"):
        bundles.export_bundle(sqlite_database, store, r.id, tmp_path / "adir.zip")
