"""The data layer on SQLite and PostgreSQL: migrations, status, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from console.services.db import Database, mask_url
from console.services.errors import DatabaseUnavailable


def test_upgrade_from_empty_reaches_head(db_url: str) -> None:
    db = Database(db_url)
    before = db.status()
    assert before.reachable and before.revision is None and not before.at_head
    after = db.upgrade()
    assert after.at_head and after.revision == after.head
    # Applying again is a no-op.
    assert db.upgrade().revision == after.revision
    db.dispose()


def test_session_rolls_back_on_failure(database: Database) -> None:
    with pytest.raises(RuntimeError), database.writer() as s:
        s.execute(text("INSERT INTO app_meta (key, value) VALUES ('k', 'v')"))
        raise RuntimeError("boom")
    with database.session() as s:
        assert s.execute(text("SELECT count(*) FROM app_meta")).scalar_one() == 0


def test_sqlite_uses_wal_busy_timeout_and_foreign_keys(sqlite_database: Database) -> None:
    with sqlite_database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() >= 5000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_unknown_revision_is_refused_with_a_clear_message(database: Database) -> None:
    with database.writer() as s:
        s.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    status = database.status()
    assert status.reachable and not status.at_head
    assert "does not know" in status.detail
    with pytest.raises(DatabaseUnavailable, match="ffff_future"):
        database.upgrade()


def test_unreachable_postgresql_names_the_url_without_password() -> None:
    db = Database("postgresql://agent:s3cret-pw@127.0.0.1:1/console")
    status = db.status()
    assert not status.reachable
    assert "s3cret-pw" not in status.detail and "agent:***@127.0.0.1:1" in status.detail
    with pytest.raises(DatabaseUnavailable) as info:
        db.ensure_ready()
    assert "s3cret-pw" not in str(info.value)


def test_mask_url() -> None:
    assert mask_url("postgresql+psycopg://u:pw@h/db") == "postgresql+psycopg://u:***@h/db"
    assert mask_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def test_invalid_url_is_a_user_facing_error() -> None:
    with pytest.raises(DatabaseUnavailable, match="not valid"):
        Database("not a url at all")


def test_sqlite_in_unwritable_place_is_a_user_facing_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    db = Database(f"sqlite:///{blocker / 'sub' / 'x.db'}")
    with pytest.raises((DatabaseUnavailable, OSError)):
        db.ensure_ready()
