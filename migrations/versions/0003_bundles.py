"""Diagnostic bundles: bundles, their files, log chunks, and the full-text index of the chunks.

The index is backend-specific: a contentless FTS5 table on SQLite (rowid = chunk id), and a
tsvector table with a GIN index on PostgreSQL.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "bundles",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ticket", sa.String(64), nullable=True),
        sa.Column("username", sa.String(64), nullable=True),
        sa.Column("account", sa.String(32), nullable=True),
        sa.Column("platform", sa.String(32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False, server_default=""),
        sa.Column("total_bytes", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("file_count", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_bundles"),
    )
    op.create_index("ix_bundles_ticket", "bundles", ["ticket"])
    op.create_index("ix_bundles_username", "bundles", ["username"])
    op.create_table(
        "bundle_files",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("bundle_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("nested_archive", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("depth", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("mtime", sa.DateTime(timezone=False), nullable=True),
        sa.Column("line_count", sa.BigInteger(), nullable=True),
        sa.Column("first_ts", sa.DateTime(timezone=False), nullable=True),
        sa.Column("last_ts", sa.DateTime(timezone=False), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_bundle_files"),
        sa.ForeignKeyConstraint(["bundle_id"], ["bundles.id"], ondelete="CASCADE",
                                name="fk_bundle_files_bundle_id_bundles"),
    )
    op.create_index("ix_bundle_files_bundle_id", "bundle_files", ["bundle_id"])
    op.create_index("ix_bundle_files_sha256", "bundle_files", ["sha256"])
    op.create_table(
        "bundle_log_chunks",
        sa.Column("id", _BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("first_line", sa.BigInteger(), nullable=False),
        sa.Column("byte_offset", sa.BigInteger(), nullable=False),
        sa.Column("byte_length", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_bundle_log_chunks"),
        sa.ForeignKeyConstraint(["file_id"], ["bundle_files.id"], ondelete="CASCADE",
                                name="fk_bundle_log_chunks_file_id_bundle_files"),
    )
    op.create_index("ix_bundle_log_chunks_file_id", "bundle_log_chunks", ["file_id"])

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # Contentless: the text stays in the store files; detail=none keeps the index small and fast.
        op.execute("CREATE VIRTUAL TABLE bundle_log_fts USING fts5(body, content='', detail=none)")
    elif dialect == "postgresql":
        op.create_table(
            "bundle_log_tsv",
            sa.Column("chunk_id", sa.BigInteger(), nullable=False),
            sa.Column("tsv", postgresql.TSVECTOR(), nullable=False),
            sa.PrimaryKeyConstraint("chunk_id", name="pk_bundle_log_tsv"),
            sa.ForeignKeyConstraint(["chunk_id"], ["bundle_log_chunks.id"], ondelete="CASCADE",
                                    name="fk_bundle_log_tsv_chunk_id_bundle_log_chunks"),
        )
        op.execute("CREATE INDEX ix_bundle_log_tsv_gin ON bundle_log_tsv USING gin (tsv)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS bundle_log_fts")
    elif dialect == "postgresql":
        op.drop_table("bundle_log_tsv")
    op.drop_index("ix_bundle_log_chunks_file_id", table_name="bundle_log_chunks")
    op.drop_table("bundle_log_chunks")
    op.drop_index("ix_bundle_files_sha256", table_name="bundle_files")
    op.drop_index("ix_bundle_files_bundle_id", table_name="bundle_files")
    op.drop_table("bundle_files")
    op.drop_index("ix_bundles_username", table_name="bundles")
    op.drop_index("ix_bundles_ticket", table_name="bundles")
    op.drop_table("bundles")
