"""Tables of the Clients & SLS devices area.

Each searchable text has a normalised lower-case twin (``*_key``) with a b-tree index; on
PostgreSQL those columns use the "C" collation so a prefix range (``key >= q AND key < q'``)
compares bytes exactly like SQLite does and both backends walk the index.
"""

from __future__ import annotations

import string
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from console.services.db.base import Base


def name_keys(name: str) -> list[str]:
    """Search keys for a name besides the full name: the name from each later word on, lower-case
    ("Alice Chen" gives "chen"; a word opening with punctuation also gets a key without it, so
    "(Kenji Sato)" is found by "kenji"). A prefix search then matches any word of the name."""
    words = name.lower().split()
    keys: list[str] = []
    for i in range(1, len(words)):
        key = " ".join(words[i:])
        for candidate in (key, key.lstrip(string.punctuation)):
            candidate = candidate[:200]
            if candidate and candidate not in keys:
                keys.append(candidate)
    return keys


def key_type(length: int) -> String:
    """A search-key column: byte-wise ordering on PostgreSQL (SQLite compares bytes already)."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class Entity(Base):
    __tablename__ = "sls_entities"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(key_type(200), index=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    citizenship: Mapped[str | None] = mapped_column(String(8), nullable=True)
    residence: Mapped[str | None] = mapped_column(String(8), nullable=True)
    id_document_type: Mapped[str | None] = mapped_column(String(40), nullable=True)
    id_document_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: SHA-256 of the normalised SSN: enough to compare identities, never the number itself.
    ssn_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)


class EntityNameKey(Base):
    """Extra search keys of an entity's name: the name from its 2nd, 3rd... word on, so a prefix
    search also finds a surname alone ("chen" finds "Alice Chen"). The full name is ``Entity.name_key``."""

    __tablename__ = "sls_entity_name_keys"

    entity_id: Mapped[str] = mapped_column(ForeignKey("sls_entities.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(key_type(200), primary_key=True)

    __table_args__ = (Index("ix_sls_entity_name_keys_key", "key"),)


class Account(Base):
    __tablename__ = "sls_accounts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    id_key: Mapped[str] = mapped_column(key_type(32), index=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("sls_entities.id"), index=True)
    region: Mapped[str] = mapped_column(String(16))
    sls_opted_out: Mapped[bool] = mapped_column(Boolean, default=False)


class User(Base):
    __tablename__ = "sls_users"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    username_key: Mapped[str] = mapped_column(key_type(64), unique=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("sls_accounts.id"), index=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("sls_entities.id"), index=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    may_change_security: Mapped[bool] = mapped_column(Boolean, default=False)


class Device(Base):
    __tablename__ = "sls_devices"

    serial: Mapped[str] = mapped_column(String(64), primary_key=True)
    serial_key: Mapped[str] = mapped_column(key_type(64), index=True)
    type: Mapped[str] = mapped_column(String(32))
    holder: Mapped[str] = mapped_column(ForeignKey("sls_users.username"), index=True)
    status: Mapped[str] = mapped_column(String(24))
    assigned: Mapped[date | None] = mapped_column(Date, nullable=True)
    activated: Mapped[date | None] = mapped_column(Date, nullable=True)
    expires: Mapped[date | None] = mapped_column(Date, nullable=True)


class DeviceShare(Base):
    """``username`` also uses ``serial`` (a device held by someone else)."""

    __tablename__ = "sls_device_shares"

    serial: Mapped[str] = mapped_column(ForeignKey("sls_devices.serial", ondelete="CASCADE"), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("sls_users.username"), primary_key=True)

    __table_args__ = (Index("ix_sls_device_shares_username", "username"),)


class Replacement(Base):
    """A replacement device asked for, then shipped (it activates itself three weeks later)."""

    __tablename__ = "sls_replacements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(ForeignKey("sls_users.username"), index=True)
    device_type: Mapped[str] = mapped_column(String(32))
    old_serial: Mapped[str | None] = mapped_column(String(64), nullable=True)
    requested: Mapped[date] = mapped_column(Date)
    shipped: Mapped[date | None] = mapped_column(Date, nullable=True)
    new_serial: Mapped[str | None] = mapped_column(String(64), nullable=True)


class DeviceReturn(Base):
    """A device sent back by the client; the $20 deposit is released when it is received."""

    __tablename__ = "sls_returns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    serial: Mapped[str] = mapped_column(ForeignKey("sls_devices.serial"), index=True)
    username: Mapped[str] = mapped_column(ForeignKey("sls_users.username"), index=True)
    shipped: Mapped[date] = mapped_column(Date)
    received: Mapped[date | None] = mapped_column(Date, nullable=True)
