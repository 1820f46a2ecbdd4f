"""Small SLS snapshots for tests, in the import format."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

TODAY = date.today()


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


BASE: dict[str, Any] = {
    "entities": [
        {"id": "E1", "name": "Alice Chen", "date_of_birth": "1980-02-03", "citizenship": "US", "residence": "US",
         "id_document": {"type": "passport", "number": "X1"}, "ssn": "123-45-6789"},
        {"id": "E2", "name": "Bob Stone", "date_of_birth": "1970-01-01", "citizenship": "DE", "residence": "DE",
         "id_document": {"type": "passport", "number": "B7"}},
    ],
    "accounts": [
        {"id": "U1000001", "entity": "E1", "region": "us", "sls_opted_out": False},
        {"id": "U2000001", "entity": "E2", "region": "europe", "sls_opted_out": False},
    ],
    "users": [
        {"username": "alice1", "account": "U1000001", "entity": "E1", "primary": True},
        {"username": "alice2", "account": "U1000001", "entity": "E1", "primary": False},
        {"username": "bob", "account": "U2000001", "entity": "E2", "primary": True},
    ],
    "devices": [
        {"serial": "D-1", "type": "dsc_plus", "user": "alice1", "status": "active", "assigned": "2025-01-10",
         "expires": None, "shared_with": ["alice2"]},
        {"serial": "K-2", "type": "ib_key", "user": "bob", "status": "active", "assigned": "2025-01-10"},
        {"serial": "T-3", "type": "online_security_code_card", "user": "bob", "status": "active",
         "activated": day(-17)},
    ],
}


def snapshot(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return data
