"""A realistic demo data set: every device type and status, shared devices, an opted-out account,
temporary cards about to expire, a replacement in flight, a return in transit, clients in every
region. Dates are relative to today so the warnings stay meaningful whenever it is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from console.services.db import Database
from console.services.sls import records
from console.services.sls.importer import import_data
from console.services.sls.lookup import has_data


@dataclass(frozen=True)
class DemoResult:
    loaded: bool
    users: int
    devices: int
    message: str


def _entity(ident: str, name: str, dob: str, cit: str, res: str, doc: tuple[str, str],
            ssn: str | None = None) -> dict[str, Any]:
    return {"id": ident, "name": name, "date_of_birth": dob, "citizenship": cit, "residence": res,
            "id_document": {"type": doc[0], "number": doc[1]}, "ssn": ssn}


def demo_snapshot(today: date | None = None) -> dict[str, Any]:
    """The demo data in the import format."""
    t = today or date.today()

    def d(days: int) -> str:
        return (t + timedelta(days=days)).isoformat()

    entities = [
        _entity("E1", "Alice Chen", "1980-02-03", "US", "US", ("passport", "X1234567"), "123-45-6789"),
        _entity("E2", "Bruno Keller", "1975-07-21", "CH", "CH", ("passport", "S0099812")),
        _entity("E3", "Chiara Rossi", "1988-11-30", "IT", "IT", ("id_card", "CA12345AA")),
        _entity("E4", "Daniel Wong", "1969-04-12", "HK", "HK", ("hkid", "A1234563")),
        _entity("E5", "Emma Smith", "1992-09-09", "AU", "AU", ("passport", "PA7654321")),
        _entity("E6", "Kenji Sato", "1983-01-15", "JP", "JP", ("passport", "TK4455667")),
        _entity("E7", "Sato Holdings (Kenji Sato)", "1983-01-15", "JP", "JP", ("passport", "TK4455667")),
        _entity("E8", "Frank Miller", "1958-05-05", "US", "US", ("drivers_license", "D5551234"), "987-65-4321"),
        _entity("E9", "Grace Lee", "1990-03-03", "SG", "SG", ("passport", "K1122334")),
        _entity("E10", "Brown Family Trust", "1971-12-24", "CA", "CA", ("passport", "GA998877")),
        _entity("E11", "Ivan Petrov", "1985-06-18", "RU", "DE", ("passport", "751234567")),
        _entity("E12", "Julia Müller", "1979-08-08", "DE", "DE", ("id_card", "L01X00T47")),
        _entity("E13", "Li Wei", "1995-10-01", "CN", "CN", ("passport", "E12345678")),
        _entity("E14", "Mia Tanaka", "1987-02-28", "JP", "JP", ("passport", "TR1029384")),
    ]
    accounts = [
        {"id": "U1000001", "entity": "E1", "region": "us"}, {"id": "U1000002", "entity": "E1", "region": "us"},
        {"id": "U2000001", "entity": "E2", "region": "europe"}, {"id": "U2000002", "entity": "E3", "region": "europe"},
        {"id": "U3000001", "entity": "E4", "region": "asia"}, {"id": "U4000001", "entity": "E5", "region": "australia"},
        {"id": "U5000001", "entity": "E6", "region": "japan"}, {"id": "U5000002", "entity": "E7", "region": "japan"},
        {"id": "U1000003", "entity": "E8", "region": "us", "sls_opted_out": True},
        {"id": "U3000002", "entity": "E9", "region": "asia"}, {"id": "U1000004", "entity": "E10", "region": "us"},
        {"id": "U2000003", "entity": "E11", "region": "europe"},
        {"id": "U2000004", "entity": "E12", "region": "europe"},
        {"id": "U3000003", "entity": "E13", "region": "asia"}, {"id": "U5000003", "entity": "E14", "region": "japan"},
    ]
    users = [
        ("alice_chen", "U1000001", "E1", True), ("alice_ira", "U1000002", "E1", True),
        ("bruno_keller", "U2000001", "E2", True), ("chiara_rossi", "U2000002", "E3", True),
        ("daniel_wong", "U3000001", "E4", True), ("emma_smith", "U4000001", "E5", True),
        ("kenji_sato", "U5000001", "E6", True), ("kenji_holdings", "U5000002", "E7", True),
        ("frank_miller", "U1000003", "E8", True), ("grace_lee", "U3000002", "E9", True),
        ("hannah_brown", "U1000004", "E10", True), ("henry_brown", "U1000004", "E10", False),
        ("ivan_petrov", "U2000003", "E11", True), ("julia_mueller", "U2000004", "E12", True),
        ("li_wei", "U3000003", "E13", True), ("mia_tanaka", "U5000003", "E14", True),
    ]
    devices = [
        {"serial": "DSC-100001", "type": "dsc_plus", "user": "alice_chen", "status": "active",
         "assigned": d(-400), "shared_with": ["alice_ira"]},
        {"serial": "PLT-200001", "type": "platinum_card", "user": "bruno_keller", "status": "active",
         "assigned": d(-900)},
        {"serial": "GLD-200002", "type": "gold_card", "user": "chiara_rossi", "status": "active", "assigned": d(-300)},
        {"serial": "SCC-200003", "type": "security_code_card", "user": "chiara_rossi", "status": "lost",
         "assigned": d(-700)},
        {"serial": "DSC-300001", "type": "dsc_plus", "user": "daniel_wong", "status": "lost", "assigned": d(-500)},
        {"serial": "OSC-300001", "type": "online_security_code_card", "user": "daniel_wong", "status": "active",
         "assigned": d(-19), "activated": d(-19)},
        {"serial": "IBK-400001", "type": "ib_key", "user": "emma_smith", "status": "active", "assigned": d(-60)},
        {"serial": "DSC-500001", "type": "digital_security_card", "user": "kenji_sato", "status": "active",
         "assigned": d(-1200)},
        {"serial": "SCC-500002", "type": "security_code_card", "user": "kenji_holdings", "status": "active",
         "assigned": d(-200)},
        {"serial": "SMS-100003", "type": "sms", "user": "frank_miller", "status": "active", "assigned": d(-30)},
        {"serial": "SMS-300002", "type": "sms", "user": "grace_lee", "status": "active", "assigned": d(-90)},
        # A temporary code given while travelling; it is not involved in any sharing (that would be refused).
        {"serial": "TMP-300004", "type": "temporary_code", "user": "grace_lee", "status": "active",
         "assigned": d(-1), "expires": d(1)},
        # henry_brown uses hannah_brown's DSC+: same entity, and neither holds a temporary device.
        {"serial": "DSC-100004", "type": "dsc_plus", "user": "hannah_brown", "status": "active", "assigned": d(-250),
         "shared_with": ["henry_brown"]},
        {"serial": "SCC-200005", "type": "security_code_card", "user": "ivan_petrov", "status": "active",
         "assigned": d(-40)},
        # Already sent back by the client (the return record is added by load_demo).
        {"serial": "DSC-200006", "type": "dsc_plus", "user": "ivan_petrov", "status": "returned",
         "assigned": d(-800)},
        {"serial": "TMP-200007", "type": "temporary_code", "user": "julia_mueller", "status": "expired",
         "assigned": d(-50), "expires": d(-45)},
        {"serial": "DSC-200008", "type": "dsc_plus", "user": "julia_mueller", "status": "active", "assigned": d(-45)},
        {"serial": "IBK-300003", "type": "ib_key", "user": "li_wei", "status": "pending_activation",
         "assigned": d(0)},
        {"serial": "OSC-500003", "type": "online_security_code_card", "user": "mia_tanaka", "status": "expired",
         "assigned": d(-40), "activated": d(-40)},
        {"serial": "IBK-500004", "type": "ib_key", "user": "mia_tanaka", "status": "active", "assigned": d(-10)},
    ]
    return {"entities": entities, "accounts": accounts,
            "users": [{"username": u, "account": a, "entity": e, "primary": p} for u, a, e, p in users],
            "devices": devices}


def load_demo(database: Database, *, if_empty: bool = False, today: date | None = None) -> DemoResult:
    """Load the demo set (idempotent). With ``if_empty``, do nothing when SLS data already exists."""
    if if_empty and has_data(database):
        return DemoResult(False, 0, 0, "The database already has client data; the demo set was not loaded.")
    t = today or date.today()
    snapshot = demo_snapshot(t)
    result = import_data(database, snapshot)
    if not records.replacements_for(database, "daniel_wong"):
        rep = records.request_replacement(database, "daniel_wong", old_serial="DSC-300001",
                                          requested=t - timedelta(days=8))
        records.record_shipment(database, rep.id, "DSC-300002", shipped=t - timedelta(days=5))
    # chiara_rossi's lost security code card gets no DSC+ order: IB Key is the suggested replacement for
    # that card, which her lost-device walkthrough says; she still logs in with her gold card meanwhile.
    if not records.returns_for(database, "ivan_petrov"):
        _record_demo_return(database, "DSC-200006", t - timedelta(days=2))
    return DemoResult(True, result.users, result.devices + 1,
                      f"Loaded the demo set: {result.users} users, {result.devices + 1} devices.")


def _record_demo_return(database: Database, serial: str, shipped: date) -> None:
    """The demo device is imported as returned already; add only its return record."""
    from console.services.sls.models import Device, DeviceReturn

    with database.writer() as s:
        device = s.get(Device, serial)
        if device is not None:
            s.add(DeviceReturn(serial=serial, username=device.holder, shipped=shipped, received=None))
