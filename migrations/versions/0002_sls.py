"""Clients and SLS devices: entities, accounts, users, devices, shares, replacements, returns.

Search keys (``*_key``, and ``sls_entity_name_keys`` for names from their 2nd word on) are
lower-case copies with b-tree indexes; on PostgreSQL they use the
"C" collation so prefix ranges compare bytes, as SQLite does, and both backends use the index.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _key(length: int) -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "sls_entities",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", _key(200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("citizenship", sa.String(8), nullable=True),
        sa.Column("residence", sa.String(8), nullable=True),
        sa.Column("id_document_type", sa.String(40), nullable=True),
        sa.Column("id_document_number", sa.String(64), nullable=True),
        sa.Column("ssn_digest", sa.String(64), nullable=True),
    )
    op.create_index("ix_sls_entities_name_key", "sls_entities", ["name_key"])

    # One row per name word after the first ("chen" for "Alice Chen"): surname search on an index.
    op.create_table(
        "sls_entity_name_keys",
        sa.Column("entity_id", sa.String(64), sa.ForeignKey("sls_entities.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("key", _key(200), primary_key=True),
    )
    op.create_index("ix_sls_entity_name_keys_key", "sls_entity_name_keys", ["key"])

    op.create_table(
        "sls_accounts",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("id_key", _key(32), nullable=False),
        sa.Column("entity_id", sa.String(64), sa.ForeignKey("sls_entities.id"), nullable=False),
        sa.Column("region", sa.String(16), nullable=False),
        sa.Column("sls_opted_out", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_sls_accounts_id_key", "sls_accounts", ["id_key"])
    op.create_index("ix_sls_accounts_entity_id", "sls_accounts", ["entity_id"])

    op.create_table(
        "sls_users",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("username_key", _key(64), nullable=False),
        sa.Column("account_id", sa.String(32), sa.ForeignKey("sls_accounts.id"), nullable=False),
        sa.Column("entity_id", sa.String(64), sa.ForeignKey("sls_entities.id"), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("may_change_security", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("username_key", name="uq_sls_users_username_key"),
    )
    op.create_index("ix_sls_users_account_id", "sls_users", ["account_id"])
    op.create_index("ix_sls_users_entity_id", "sls_users", ["entity_id"])

    op.create_table(
        "sls_devices",
        sa.Column("serial", sa.String(64), primary_key=True),
        sa.Column("serial_key", _key(64), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("holder", sa.String(64), sa.ForeignKey("sls_users.username"), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("assigned", sa.Date(), nullable=True),
        sa.Column("activated", sa.Date(), nullable=True),
        sa.Column("expires", sa.Date(), nullable=True),
    )
    op.create_index("ix_sls_devices_serial_key", "sls_devices", ["serial_key"])
    op.create_index("ix_sls_devices_holder", "sls_devices", ["holder"])

    op.create_table(
        "sls_device_shares",
        sa.Column("serial", sa.String(64), sa.ForeignKey("sls_devices.serial", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("username", sa.String(64), sa.ForeignKey("sls_users.username"), primary_key=True),
    )
    op.create_index("ix_sls_device_shares_username", "sls_device_shares", ["username"])

    op.create_table(
        "sls_replacements",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), sa.ForeignKey("sls_users.username"), nullable=False),
        sa.Column("device_type", sa.String(32), nullable=False),
        sa.Column("old_serial", sa.String(64), nullable=True),
        sa.Column("requested", sa.Date(), nullable=False),
        sa.Column("shipped", sa.Date(), nullable=True),
        sa.Column("new_serial", sa.String(64), nullable=True),
    )
    op.create_index("ix_sls_replacements_username", "sls_replacements", ["username"])

    op.create_table(
        "sls_returns",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("serial", sa.String(64), sa.ForeignKey("sls_devices.serial"), nullable=False),
        sa.Column("username", sa.String(64), sa.ForeignKey("sls_users.username"), nullable=False),
        sa.Column("shipped", sa.Date(), nullable=False),
        sa.Column("received", sa.Date(), nullable=True),
    )
    op.create_index("ix_sls_returns_serial", "sls_returns", ["serial"])
    op.create_index("ix_sls_returns_username", "sls_returns", ["username"])


def downgrade() -> None:
    for table in ("sls_returns", "sls_replacements", "sls_device_shares", "sls_devices", "sls_users",
                  "sls_accounts", "sls_entity_name_keys", "sls_entities"):
        op.drop_table(table)
