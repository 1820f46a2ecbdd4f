"""Tables of the diagnostics area: bundles, their files, and the chunks the full-text index points at.

The full-text index itself is backend-specific and created by migration 0003: an FTS5 virtual
table ``bundle_log_fts`` on SQLite (contentless; its rowid is a chunk id) and a
``bundle_log_tsv`` table with a GIN index on PostgreSQL. Neither is mapped here: :mod:`search`
talks to them with plain SQL.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.services.db.base import Base

#: SQLite only gives autoincrement to INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit key.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Bundle(Base):
    __tablename__ = "bundles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ticket: Mapped[str | None] = mapped_column(String(64), index=True)
    username: Mapped[str | None] = mapped_column(String(64), index=True)
    account: Mapped[str | None] = mapped_column(String(32))
    platform: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, default="")
    total_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    file_count: Mapped[int] = mapped_column(Integer, default=0)

    files: Mapped[list[BundleFile]] = relationship(back_populates="bundle", cascade="all, delete-orphan",
                                                   passive_deletes=True, order_by="BundleFile.id")


class BundleFile(Base):
    __tablename__ = "bundle_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bundle_id: Mapped[int] = mapped_column(ForeignKey("bundles.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    nested_archive: Mapped[bool] = mapped_column(Boolean, default=False)
    depth: Mapped[int] = mapped_column(Integer, default=0)
    mtime: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    line_count: Mapped[int | None] = mapped_column(BigInteger)
    first_ts: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    last_ts: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))

    bundle: Mapped[Bundle] = relationship(back_populates="files")


class LogChunk(Base):
    """A run of whole lines of one log file: what one full-text index row covers."""

    __tablename__ = "bundle_log_chunks"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("bundle_files.id", ondelete="CASCADE"), index=True)
    first_line: Mapped[int] = mapped_column(BigInteger)
    byte_offset: Mapped[int] = mapped_column(BigInteger)
    byte_length: Mapped[int] = mapped_column(Integer)
