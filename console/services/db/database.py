"""Engine, sessions, migrations and status for one database URL.

SQLite (the default, a file in the data dir) runs in WAL mode with a busy timeout and foreign
keys on; PostgreSQL is used for a team through ``SUPPORT_CONSOLE_DB_URL``. Schema changes go
only through Alembic (:meth:`Database.upgrade`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from console.services.errors import DatabaseUnavailable

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000



def _migrations_dir() -> Path:
    """Where Alembic's scripts are: ``console/migrations`` when installed, ``migrations/`` in a checkout."""
    try:
        import console.migrations as pkg

        return Path(pkg.__file__).resolve().parent
    except ImportError:
        return Path(__file__).resolve().parents[3] / "migrations"


def normalise_url(url: str) -> URL:
    """Parse ``url``; plain ``postgresql://`` means psycopg 3, the driver we ship."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        # ValueError: e.g. an unencoded ':' or '@' in the password; never show the text after the user name.
        raise DatabaseUnavailable(f"The database URL is not valid: {mask_text(url)}.",
                                  hint="Use sqlite:///PATH or postgresql://USER:PASSWORD@HOST/DB, with any "
                                       "':', '@' or '/' in the password written as %3A, %40, %2F.") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def mask_url(url: str | URL) -> str:
    """The URL with its password replaced by ``***`` (safe for logs, dialogs and JSON)."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except (ArgumentError, ValueError):
        return mask_text(str(url))
    return parsed.render_as_string(hide_password=True)


def mask_text(url: str) -> str:
    """Best effort masking of ``user:password@`` in a string that is not a valid URL."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    if "://" in url and ":" in url.split("://", 1)[1]:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://{rest.split(':', 1)[0]}:***"
    return url


@dataclass(frozen=True)
class DbStatus:
    url: str
    backend: str
    reachable: bool
    revision: str | None
    head: str
    at_head: bool
    detail: str


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    # The busy timeout first: switching a new file to WAL needs a moment of exclusive access.
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Database:
    """One database: lazily created engine, session factory, single writer lock, migrations."""

    def __init__(self, url: str) -> None:
        self.raw_url = url
        self.url = normalise_url(url)
        self.masked_url = mask_url(self.url)
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        #: Writes go through one writer; readers run in parallel.
        self.write_lock = threading.RLock()

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            # Error messages never carry the statement's values (client text, reasons, log lines).
            kwargs: dict[str, Any] = {"hide_parameters": True}
            if self.is_sqlite:
                database = self.url.database
                if database and database != ":memory:":
                    folder = Path(database).expanduser().parent
                    try:
                        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                        # Private from the first byte; SQLite gives its -wal/-shm files the same mode.
                        os.close(os.open(Path(database).expanduser(), os.O_CREAT | os.O_WRONLY, 0o600))
                    except OSError as exc:
                        raise DatabaseUnavailable(
                            f"Cannot use the database {self.masked_url}: the folder {folder} is not writable "
                            f"({exc.strerror or exc}).",
                            hint="Choose another data folder (Preferences or SUPPORT_CONSOLE_DATA_DIR).") from exc
                kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
            else:
                kwargs["pool_pre_ping"] = True
                kwargs["connect_args"] = {"connect_timeout": 5}
            try:
                engine = create_engine(self.url, **kwargs)
            except (SQLAlchemyError, ImportError) as exc:
                raise self._unavailable(exc) from exc
            if self.is_sqlite:
                event.listen(engine, "connect", _sqlite_pragmas)
            self._engine = engine
        return self._engine

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._sessions = None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one service call: committed on success, rolled back on any failure."""
        if self._sessions is None:
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as exc:
            session.rollback()
            if _is_busy(exc):
                raise DatabaseUnavailable(
                    f"The database {self.masked_url} is busy: another console or program is writing to it.",
                    hint="Try again in a moment.") from None
            if _is_connection_error(exc):
                raise self._unavailable(exc) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def writer(self) -> Iterator[Session]:
        """A session that holds the single-writer lock for its whole transaction."""
        with self.write_lock, self.session() as session:
            yield session

    # ------------------------------------------------------------------ migrations
    def _alembic_config(self) -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(_migrations_dir()))
        cfg.attributes["database"] = self
        return cfg

    def head_revision(self) -> str:
        from alembic.script import ScriptDirectory

        heads = ScriptDirectory.from_config(self._alembic_config()).get_heads()
        return ",".join(sorted(heads))

    def known_revisions(self) -> set[str]:
        from alembic.script import ScriptDirectory

        return {rev.revision for rev in ScriptDirectory.from_config(self._alembic_config()).walk_revisions()}

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        try:
            with self.engine.connect() as conn:
                heads = MigrationContext.configure(conn).get_current_heads()
        except SQLAlchemyError as exc:
            raise self._unavailable(exc) from exc
        return ",".join(sorted(heads)) if heads else None

    def status(self) -> DbStatus:
        head = self.head_revision()
        try:
            revision = self.current_revision()
        except DatabaseUnavailable as exc:
            return DbStatus(self.masked_url, self.backend, False, None, head, False, exc.one_line())
        at_head = revision == head
        if at_head:
            detail = f"reachable, at the latest revision {head}"
        elif revision is None:
            detail = "reachable, empty: run 'support-console db upgrade' (the app does it on start)"
        elif revision not in self.known_revisions():
            detail = (f"reachable, but at revision {revision}, which this version of the console does not know: "
                      "a newer console has upgraded it; update this console")
        else:
            detail = f"reachable, at revision {revision}; latest is {head}: run 'support-console db upgrade'"
        return DbStatus(self.masked_url, self.backend, True, revision, head, at_head, detail)

    def upgrade(self) -> DbStatus:
        """Apply every pending migration (one transaction per migration); return the new status."""
        from alembic import command
        from alembic.util.exc import CommandError

        current = self.current_revision()
        if current is not None and not set(current.split(",")) <= self.known_revisions():
            raise DatabaseUnavailable(
                f"The database {self.masked_url} is at revision {current}, which this version of the console "
                "does not know.", hint="A newer console has upgraded it: update this console.")
        with self.write_lock:
            try:
                command.upgrade(self._alembic_config(), "head")
            except SQLAlchemyError as exc:
                raise self._unavailable(exc) from exc
            except CommandError as exc:
                raise DatabaseUnavailable(f"Cannot upgrade {self.masked_url}: {exc}.") from exc
        log.info("database %s upgraded to %s", self.masked_url, self.head_revision())
        return self.status()

    def ensure_ready(self) -> None:
        """Upgrade if behind; raise DatabaseUnavailable if unreachable or at an unknown revision.

        Held under the writer lock, so a check never reads the schema while another thread of this
        process is migrating it (the window checks in a worker while a page may ask too).
        """
        with self.write_lock:
            status = self.status()
            if not status.reachable:
                raise DatabaseUnavailable(status.detail)
            if not status.at_head:
                self.upgrade()

    def ping(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            raise self._unavailable(exc) from exc

    def _unavailable(self, exc: BaseException) -> DatabaseUnavailable:
        text_ = str(getattr(exc, "orig", None) or exc).strip()
        reason = text_.splitlines()[0] if text_ else type(exc).__name__
        # Drivers sometimes echo the connection string; never let a password through.
        if self.url.password:
            reason = reason.replace(str(self.url.password), "***")
        hint = ("Check that the server is running and that the URL, user and password are right "
                "(File > Preferences, or SUPPORT_CONSOLE_DB_URL when set); an empty database URL means "
                "the embedded SQLite database.")
        if self.is_sqlite:
            hint = "Check that the folder exists and is writable, or choose another data folder."
        return DatabaseUnavailable(f"Cannot use the database {self.masked_url}: {reason}.", hint=hint)


def _is_connection_error(exc: SQLAlchemyError) -> bool:
    from sqlalchemy.exc import InterfaceError, OperationalError

    return isinstance(exc, (OperationalError, InterfaceError)) and bool(getattr(exc, "connection_invalidated", False))


def _is_busy(exc: SQLAlchemyError) -> bool:
    """SQLite's "database is locked" (the busy timeout ran out) or PostgreSQL's lock timeout."""
    from sqlalchemy.exc import OperationalError

    text = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, OperationalError) and ("database is locked" in text or "lock timeout" in text)
