"""Writing what happens to devices: replacement requested, replacement shipped, device returned/received."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from console.services.db import Database
from console.services.errors import InvalidInput, NotFound
from console.services.sls import rules
from console.services.sls.lookup import _resolve
from console.services.sls.models import Device, DeviceReturn, Replacement

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReplacementInfo:
    id: int
    username: str
    device_type: str
    old_serial: str | None
    requested: date
    shipped: date | None
    new_serial: str | None
    auto_activates: date | None


@dataclass(frozen=True)
class ReturnRecord:
    id: int
    serial: str
    username: str
    shipped: date
    received: date | None
    expected_from: date
    expected_by: date
    deposit_held: bool


def _replacement(r: Replacement) -> ReplacementInfo:
    auto = rules.replacement_auto_activation(r.shipped) if r.shipped else None
    return ReplacementInfo(r.id, r.username, r.device_type, r.old_serial, r.requested, r.shipped, r.new_serial, auto)


def _return(r: DeviceReturn) -> ReturnRecord:
    low, high = rules.return_receipt_window(r.shipped)
    return ReturnRecord(r.id, r.serial, r.username, r.shipped, r.received, low, high, rules.deposit_held(r.received))


def replacement_blocker(serial: str, device_type: str, status: str,
                        replacements: list[ReplacementInfo]) -> str | None:
    """Why ``serial`` cannot be named as the device a new replacement replaces, or None when it can.

    Only physical hardware is replaced (a temporary card simply runs out; IB Key and SMS are set up
    again), a device already named in a request is being replaced, and a device still waiting for
    activation is the client's new one (a replacement on its way), not one to replace.
    """
    label = rules.DEVICE_LABELS.get(device_type, device_type)
    if device_type in rules.TEMPORARY:
        return f"{serial} is a temporary device ({label}): it is not replaced, it simply runs out."
    if device_type not in rules.PHYSICAL:
        return f"{serial} ({label}) is not hardware: it is set up again, not replaced."
    for r in replacements:
        if r.old_serial == serial:
            state = f"shipped on {r.shipped:%Y-%m-%d}" if r.shipped else f"requested on {r.requested:%Y-%m-%d}"
            return f"{serial} is already being replaced (request {r.id}, {state})."
        if r.new_serial == serial and status == "pending_activation":
            return (f"{serial} is itself a replacement on its way (shipped on {r.shipped:%Y-%m-%d}) and not active "
                    "yet: it is the client's new device.")
    if status == "pending_activation":
        return f"{serial} is not active yet: it is the client's new device, not one to replace."
    return None


def request_replacement(database: Database, username: str, *, device_type: str = "dsc_plus",
                        old_serial: str | None = None, requested: date | None = None,
                        mark_old_lost: bool = False) -> ReplacementInfo:
    """Record that ``username`` asked for a new physical device (by default a DSC+)."""
    if device_type not in rules.PHYSICAL:
        raise InvalidInput(f"A replacement must be a physical device, not {device_type!r}.",
                           hint=f"Choose one of {', '.join(rules.PHYSICAL_ORDER)}.")
    with database.writer() as s:
        name = _resolve(s, username)
        if old_serial:
            old = s.get(Device, old_serial)
            if old is None or old.holder != name:
                raise NotFound(f"{name} holds no device with serial {old_serial!r}.")
            known = [_replacement(r) for r in s.scalars(select(Replacement).where(Replacement.username == name))]
            blocker = replacement_blocker(old.serial, old.type, old.status, known)
            if blocker is not None:
                raise InvalidInput(blocker, hint="Leave out the replaced device, or name the one that was lost or "
                                                 "damaged.")
            if mark_old_lost:
                old.status = "lost"
        rec = Replacement(username=name, device_type=device_type, old_serial=old_serial or None,
                          requested=requested or date.today())
        s.add(rec)
        s.flush()
        log.info("replacement %s requested for %s", rec.id, name)
        return _replacement(rec)


def record_shipment(database: Database, replacement_id: int, new_serial: str, *,
                    shipped: date | None = None) -> ReplacementInfo:
    """The replacement left the warehouse: the new device is assigned, pending until it activates itself."""
    new_serial = new_serial.strip()
    if not new_serial:
        raise InvalidInput("Give the serial number of the shipped device.")
    with database.writer() as s:
        rec = s.get(Replacement, replacement_id)
        if rec is None:
            raise NotFound(f"No replacement request number {replacement_id}.")
        if rec.shipped is not None:
            raise InvalidInput(f"Replacement {replacement_id} was already shipped on {rec.shipped:%Y-%m-%d}.")
        if s.get(Device, new_serial) is not None:
            raise InvalidInput(f"A device with serial {new_serial!r} already exists.")
        day = shipped or date.today()
        if day < rec.requested:
            raise InvalidInput("The ship date is before the request date.")
        rec.shipped = day
        rec.new_serial = new_serial
        s.add(Device(serial=new_serial, serial_key=new_serial.lower(), type=rec.device_type, holder=rec.username,
                     status="pending_activation", assigned=day, activated=None, expires=None))
        s.flush()
        return _replacement(rec)


def record_return(database: Database, serial: str, *, shipped: date | None = None) -> ReturnRecord:
    """The client sent ``serial`` back; the device no longer counts and the deposit waits for receipt."""
    with database.writer() as s:
        dev = s.get(Device, serial.strip())
        if dev is None:
            raise NotFound(f"No device with serial {serial.strip()!r}.")
        if dev.status == "returned":
            raise InvalidInput(f"Device {dev.serial} is already recorded as returned.")
        day = shipped or date.today()
        dev.status = "returned"
        rec = DeviceReturn(serial=dev.serial, username=dev.holder, shipped=day, received=None)
        s.add(rec)
        s.flush()
        return _return(rec)


def record_return_received(database: Database, serial: str, *, received: date | None = None) -> ReturnRecord:
    """The returned device arrived: the $20 deposit can be released."""
    with database.writer() as s:
        rec = s.scalars(select(DeviceReturn).where(DeviceReturn.serial == serial.strip())
                        .order_by(DeviceReturn.id.desc())).first()
        if rec is None:
            raise NotFound(f"No return recorded for device {serial.strip()!r}.")
        day = received or date.today()
        if day < rec.shipped:
            raise InvalidInput("The receipt date is before the ship date.")
        rec.received = day
        s.flush()
        return _return(rec)


def replacements_for(database: Database, username: str) -> list[ReplacementInfo]:
    with database.session() as s:
        name = _resolve(s, username)
        return [_replacement(r) for r in s.scalars(select(Replacement).where(Replacement.username == name)
                                                   .order_by(Replacement.id))]


def returns_for(database: Database, username: str) -> list[ReturnRecord]:
    with database.session() as s:
        name = _resolve(s, username)
        return [_return(r) for r in s.scalars(select(DeviceReturn).where(DeviceReturn.username == name)
                                              .order_by(DeviceReturn.id))]
