"""Import a back-office snapshot (one JSON object with entities, accounts, users, devices).

All or nothing: every record is validated first (a bad one is named with its list, index, id
and field), then everything is upserted in one transaction with bulk ``INSERT ... ON CONFLICT``
statements, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

import orjson
from sqlalchemy import Connection, Table, delete, select
from sqlalchemy.exc import IntegrityError

from console.services.db import Database
from console.services.errors import Cancelled, InvalidInput
from console.services.sls import models, rules

log = logging.getLogger(__name__)

CHUNK = 5_000
MAX_ERRORS = 10
Progress = Callable[[int, int], None]


class ImportFileError(InvalidInput):
    title = "Cannot import the snapshot"


@dataclass(frozen=True)
class ImportResult:
    entities: int
    accounts: int
    users: int
    devices: int
    shares: int


def ssn_digest(ssn: str | None) -> str | None:
    digits = "".join(c for c in (ssn or "") if c.isalnum())
    return hashlib.sha256(digits.encode()).hexdigest() if digits else None


class _Validator:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def text(self, rec: Mapping[str, Any], field: str, where: str, *, max_len: int,
             required: bool = True) -> str | None:
        value = rec.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(where, f"'{field}' is missing")
            return None
        if not isinstance(value, str):
            self.fail(where, f"'{field}' must be text, not {type(value).__name__}")
            return None
        value = value.strip()
        if len(value) > max_len:
            self.fail(where, f"'{field}' is longer than {max_len} characters")
            return None
        return value

    def day(self, rec: Mapping[str, Any], field: str, where: str) -> date | None:
        value = rec.get(field)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(where, f"'{field}' must be a date like 2025-01-31, not {value!r}")
        return None

    def flag(self, rec: Mapping[str, Any], field: str, where: str, default: bool) -> bool:
        value = rec.get(field, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(where, f"'{field}' must be true or false, not {value!r}")
            return default
        return value

    def choice(self, rec: Mapping[str, Any], field: str, where: str, allowed: Sequence[str]) -> str | None:
        value = self.text(rec, field, where, max_len=32)
        if value is not None and value not in allowed:
            self.fail(where, f"'{field}' is {value!r}; expected one of {', '.join(allowed)}")
            return None
        return value


def _records(data: Mapping[str, Any], name: str, v: _Validator) -> list[Mapping[str, Any]]:
    items = data.get(name, [])
    if not isinstance(items, list):
        v.fail(name, "must be a list")
        return []
    good: list[Mapping[str, Any]] = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            good.append(item)
        else:
            v.fail(f"{name}[{index}]", "must be an object")
            good.append({})
    return good


def _where(name: str, index: int, rec: Mapping[str, Any], key: str) -> str:
    ident = rec.get(key)
    return f"{name}[{index}] ({key} {ident!r})" if isinstance(ident, str) and ident else f"{name}[{index}]"


def validate(data: Any, existing: Callable[[str, set[str]], set[str]]) -> dict[str, list[dict[str, Any]]]:
    """Rows for each table, or :class:`ImportFileError` naming the bad records and fields.

    ``existing(table, ids)`` says which referenced ids not in the file are already in the database.
    """
    v = _Validator()
    if not isinstance(data, dict):
        raise ImportFileError("The snapshot must be one JSON object with lists entities, accounts, users "
                              "and devices.")
    entities: dict[str, dict[str, Any]] = {}
    for i, rec in enumerate(_records(data, "entities", v)):
        where = _where("entities", i, rec, "id")
        ident = v.text(rec, "id", where, max_len=64)
        name = v.text(rec, "name", where, max_len=200)
        doc = rec.get("id_document") or {}
        if not isinstance(doc, dict):
            v.fail(where, "'id_document' must be an object with type and number")
            doc = {}
        row: dict[str, Any] = {"id": ident, "name": name, "name_key": (name or "").lower(),
               "date_of_birth": v.day(rec, "date_of_birth", where),
               "citizenship": v.text(rec, "citizenship", where, max_len=8, required=False),
               "residence": v.text(rec, "residence", where, max_len=8, required=False),
               "id_document_type": v.text(doc, "type", where + " id_document", max_len=40, required=False),
               "id_document_number": v.text(doc, "number", where + " id_document", max_len=64, required=False),
               "ssn_digest": ssn_digest(v.text(rec, "ssn", where, max_len=32, required=False))}
        if ident is not None:
            if ident in entities:
                v.fail(where, f"entity id {ident!r} appears twice")
            entities[ident] = row

    accounts: dict[str, dict[str, Any]] = {}
    for i, rec in enumerate(_records(data, "accounts", v)):
        where = _where("accounts", i, rec, "id")
        ident = v.text(rec, "id", where, max_len=32)
        row = {"id": ident, "id_key": (ident or "").lower(), "entity_id": v.text(rec, "entity", where, max_len=64),
               "region": v.choice(rec, "region", where, rules.REGIONS),
               "sls_opted_out": v.flag(rec, "sls_opted_out", where, False)}
        if ident is not None:
            if ident in accounts:
                v.fail(where, f"account id {ident!r} appears twice")
            accounts[ident] = row

    users: dict[str, dict[str, Any]] = {}
    user_keys: set[str] = set()
    for i, rec in enumerate(_records(data, "users", v)):
        where = _where("users", i, rec, "username")
        username = v.text(rec, "username", where, max_len=64)
        account = v.text(rec, "account", where, max_len=32)
        entity = v.text(rec, "entity", where, max_len=64, required=False)
        if entity is None and account in accounts:
            entity = accounts[account]["entity_id"]
        elif entity is None and account is not None:
            v.fail(where, "'entity' is missing")
        primary = v.flag(rec, "primary", where, False)
        row = {"username": username, "username_key": (username or "").lower(), "account_id": account,
               "entity_id": entity, "is_primary": primary,
               "may_change_security": v.flag(rec, "may_change_security", where, primary)}
        if username is not None:
            if username.lower() in user_keys:
                v.fail(where, f"username {username!r} appears twice (usernames ignore case)")
            user_keys.add(username.lower())
            users[username] = row

    devices: dict[str, dict[str, Any]] = {}
    shares: dict[str, list[str]] = {}
    for i, rec in enumerate(_records(data, "devices", v)):
        where = _where("devices", i, rec, "serial")
        serial = v.text(rec, "serial", where, max_len=64)
        dtype = v.choice(rec, "type", where, rules.DEVICE_TYPES)
        assigned = v.day(rec, "assigned", where)
        activated = v.day(rec, "activated", where) or assigned
        expires = v.day(rec, "expires", where)
        if dtype == "online_security_code_card" and expires is None and activated is not None:
            expires = rules.online_card_expiry(activated)
        row = {"serial": serial, "serial_key": (serial or "").lower(), "type": dtype,
               "holder": v.text(rec, "user", where, max_len=64),
               "status": v.choice(rec, "status", where, rules.STATUSES),
               "assigned": assigned, "activated": activated, "expires": expires}
        if serial is None:
            continue
        if serial in devices:
            v.fail(where, f"serial {serial!r} appears twice")
        devices[serial] = row
        if "shared_with" in rec:
            shared = rec.get("shared_with") or []
            if not isinstance(shared, list) or not all(isinstance(u, str) and u for u in shared):
                v.fail(where, "'shared_with' must be a list of usernames")
                shared = []
            elif shared and dtype is not None and dtype not in rules.PHYSICAL:
                # Only physical devices are shared between users; IB Key adds users in the app itself.
                how = " (IB Key users are added inside the IBKR Mobile app instead)" if dtype == "ib_key" else ""
                v.fail(where, f"'shared_with' is only allowed on physical devices, not on type {dtype!r}{how}")
                shared = []
            shares[serial] = list(dict.fromkeys(shared))

    _check_refs(v, "accounts", "entity", accounts, "entity_id", entities, "sls_entities", existing)
    _check_refs(v, "users", "account", users, "account_id", accounts, "sls_accounts", existing)
    _check_refs(v, "users", "entity", users, "entity_id", entities, "sls_entities", existing)
    _check_refs(v, "devices", "user", devices, "holder", users, "sls_users", existing)
    share_rows = [{"serial": s, "username": u} for s, names in shares.items() for u in names]
    wanted = {r["username"] for r in share_rows} - set(users)
    known = existing("sls_users", wanted) if wanted else set()
    for serial, names in shares.items():
        for name in names:
            if name not in users and name not in known:
                v.fail(f"devices (serial {serial!r})", f"'shared_with' names unknown user {name!r}")
    if v.errors:
        more = f" (and {len(v.errors) - MAX_ERRORS} more)" if len(v.errors) > MAX_ERRORS else ""
        shown = v.errors[:MAX_ERRORS]
        raise ImportFileError(f"{len(v.errors)} problem(s) in the snapshot; nothing was imported. "
                              + "; ".join(shown) + more + ".", hint="Fix the records named and import again.")
    name_rows = [{"entity_id": ident, "key": key} for ident, row in entities.items()
                 for key in models.name_keys(row["name"] or "")]
    return {"sls_entities": list(entities.values()), "sls_entity_name_keys": name_rows,
            "_named_entities": [{"id": ident} for ident in entities], "sls_accounts": list(accounts.values()),
            "sls_users": list(users.values()), "sls_devices": list(devices.values()),
            "sls_device_shares": share_rows, "_shared_serials": [{"serial": s} for s in shares]}


def _check_refs(v: _Validator, name: str, field: str, rows: Mapping[str, Mapping[str, Any]], column: str,
                targets: Mapping[str, Any], table: str, existing: Callable[[str, set[str]], set[str]]) -> None:
    missing = {r[column] for r in rows.values() if r[column] is not None and r[column] not in targets}
    if not missing:
        return
    missing -= existing(table, missing)
    for ident, row in rows.items():
        if row[column] in missing:
            v.fail(f"{name} ({ident!r})", f"'{field}' refers to {row[column]!r}, which is neither in the "
                                          "snapshot nor in the database")


_TABLES = {"sls_entities": (models.Entity, "id"), "sls_accounts": (models.Account, "id"),
           "sls_users": (models.User, "username"), "sls_devices": (models.Device, "serial")}


def _chunks(rows: Sequence[dict[str, Any]], size: int = CHUNK) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _upsert_statement(conn: Connection, table_name: str) -> Any:
    model, pk = _TABLES[table_name]
    table = cast(Table, model.__table__)
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt: Any = pg_insert(table)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(table)
    update = {c.name: stmt.excluded[c.name] for c in table.columns if c.name != pk}
    return stmt.on_conflict_do_update(index_elements=[pk], set_=update)


def _replace_name_keys(conn: Connection, rows: Mapping[str, Sequence[dict[str, Any]]]) -> None:
    """The imported entities' extra name keys, rebuilt (a re-import may have renamed an entity)."""
    key_table = cast(Table, models.EntityNameKey.__table__)
    ids = [r["id"] for r in rows["_named_entities"]]
    for start in range(0, len(ids), 500):
        conn.execute(delete(key_table).where(key_table.c.entity_id.in_(ids[start:start + 500])))
    for chunk in _chunks(rows["sls_entity_name_keys"]):
        conn.execute(key_table.insert(), list(chunk))


def import_data(database: Database, data: Any, *, progress: Progress | None = None,
                cancel: threading.Event | None = None) -> ImportResult:
    """Validate and upsert ``data`` (the parsed JSON) in one transaction."""
    with database.session() as session:
        conn = session.connection()

        def existing(table: str, ids: set[str]) -> set[str]:
            model, pk = _TABLES[table]
            column = getattr(model, pk)
            found: set[str] = set()
            values = sorted(ids)
            for start in range(0, len(values), 500):
                found.update(conn.execute(select(column).where(column.in_(values[start:start + 500]))).scalars())
            return found

        rows = validate(data, existing)
    total = sum(len(v) for k, v in rows.items() if not k.startswith("_") and k != "sls_entity_name_keys") or 1
    done = 0
    try:
        with database.writer() as session:
            conn = session.connection()
            for table_name in ("sls_entities", "sls_accounts", "sls_users", "sls_devices"):
                stmt = _upsert_statement(conn, table_name)
                for chunk in _chunks(rows[table_name]):
                    if cancel is not None and cancel.is_set():
                        raise Cancelled("The import was cancelled; nothing was changed.")
                    conn.execute(stmt, list(chunk))
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
                if table_name == "sls_entities":
                    _replace_name_keys(conn, rows)
            share_table = cast(Table, models.DeviceShare.__table__)
            serials = [r["serial"] for r in rows["_shared_serials"]]
            for start in range(0, len(serials), 500):
                conn.execute(delete(share_table).where(share_table.c.serial.in_(serials[start:start + 500])))
            for chunk in _chunks(rows["sls_device_shares"]):
                conn.execute(share_table.insert(), list(chunk))
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    except IntegrityError as exc:
        raise ImportFileError("The snapshot conflicts with data already in the database; nothing was imported.",
                              hint=f"Database said: {str(exc.orig).splitlines()[0]}") from exc
    result = ImportResult(len(rows["sls_entities"]), len(rows["sls_accounts"]), len(rows["sls_users"]),
                          len(rows["sls_devices"]), len(rows["sls_device_shares"]))
    log.info("imported SLS snapshot: %s", result)
    return result


def import_file(database: Database, path: Path, *, progress: Progress | None = None,
                cancel: threading.Event | None = None) -> ImportResult:
    """Read ``path`` (JSON) and :func:`import_data` it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path} ({exc.strerror or exc}).") from exc
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ImportFileError(f"{path.name} is not valid JSON: {exc}.",
                              hint="Export the snapshot again from the back office.") from exc
    return import_data(database, data, progress=progress, cancel=cancel)
