"""Record a replacement request, its shipment, a device return or its receipt for one user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.services import sls
from console.services.db import Database
from console.services.errors import InvalidInput
from console.services.sls.return_rules import return_policy
from console.services.sls.rules import DEVICE_LABELS, PHYSICAL_ORDER
from console.views.messages import show_exception
from console.views.sls_users_model import status_label
from console.workers import run_worker


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class SlsRecordDialog(QDialog):
    """Four tabs: replacement request, shipment, return sent, return received.

    Signals:
        recorded(object): the ReplacementInfo or ReturnRecord written.
    """

    recorded = Signal(object)
    TABS = ("request", "ship", "return", "received")

    def __init__(self, database: Database, detail: sls.UserDetail, tab: str = "request",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.detail = detail
        user = detail.user
        self.setWindowTitle(self.tr("Record for {user}").format(user=user.username))
        self.setMinimumWidth(560)
        self.tabs = QTabWidget()

        page = QWidget()
        form = QFormLayout(page)
        self.req_type = QComboBox()
        for t in PHYSICAL_ORDER:
            self.req_type.addItem(DEVICE_LABELS[t], t)
        self.req_old = QComboBox()
        self.req_old.addItem(self.tr("(no device replaced)"), "")
        left_out = []
        for d in user.held_devices:
            blocker = sls.replacement_blocker(d.serial, d.type, d.status, detail.replacements)
            if blocker is None:
                self.req_old.addItem(f"{d.serial} ({DEVICE_LABELS.get(d.type, d.type)}, {status_label(d.status)})",
                                     d.serial)
            else:
                left_out.append(blocker)
        shared = [d for d in user.devices if d.shared]
        left_out += [self.tr("{serial} is {holder}'s device, only shared with {user}: record its replacement for "
                             "{holder}.").format(serial=d.serial, holder=d.holder, user=user.username) for d in shared]
        self.req_old_note = QLabel(self.tr("Not offered:") + "\n" + "\n".join(f"• {why}" for why in left_out)
                                   if left_out else "")
        self.req_old_note.setWordWrap(True)
        self.req_old_note.setVisible(bool(left_out))
        self.req_lost = QCheckBox(self.tr("Mark the replaced device as lost"))
        self.req_old.currentIndexChanged.connect(
            lambda _i: self.req_lost.setEnabled(bool(self.req_old.currentData())))
        self.req_lost.setEnabled(False)
        self.req_date = _date_edit()
        form.addRow(self.tr("New device:"), self.req_type)
        form.addRow(self.tr("Replaces:"), self.req_old)
        form.addRow("", self.req_old_note)
        form.addRow("", self.req_lost)
        form.addRow(self.tr("Requested on:"), self.req_date)
        self.tabs.addTab(page, self.tr("Replacement &request"))

        page = QWidget()
        form = QFormLayout(page)
        self.ship_request = QComboBox()
        for r in detail.replacements:
            if r.shipped is None:
                self.ship_request.addItem(self.tr("#{id}: {type} requested {day}").format(
                    id=r.id, type=DEVICE_LABELS.get(r.device_type, r.device_type), day=r.requested), r.id)
        self.ship_serial = QLineEdit()
        self.ship_serial.setPlaceholderText(self.tr("serial of the device shipped"))
        self.ship_date = _date_edit()
        form.addRow(self.tr("Request:"), self.ship_request)
        form.addRow(self.tr("Serial:"), self.ship_serial)
        form.addRow(self.tr("Shipped on:"), self.ship_date)
        self.tabs.addTab(page, self.tr("&Shipment"))

        page = QWidget()
        form = QFormLayout(page)
        self.ret_device = QComboBox()
        for d in user.held_devices:
            if return_policy(d.type, d.status).return_required:
                self.ret_device.addItem(f"{d.serial} ({DEVICE_LABELS.get(d.type, d.type)})", d.serial)
        self.ret_date = _date_edit()
        form.addRow(self.tr("Device:"), self.ret_device)
        form.addRow(self.tr("Client shipped it on:"), self.ret_date)
        self.tabs.addTab(page, self.tr("Re&turn sent"))

        page = QWidget()
        form = QFormLayout(page)
        self.rcv_device = QComboBox()
        for ret in detail.returns:
            if ret.received is None:
                self.rcv_device.addItem(self.tr("{serial} (shipped {day})").format(serial=ret.serial, day=ret.shipped),
                                        ret.serial)
        self.rcv_date = _date_edit()
        form.addRow(self.tr("Device:"), self.rcv_device)
        form.addRow(self.tr("Received on:"), self.rcv_date)
        self.tabs.addTab(page, self.tr("Return r&eceived"))

        self.tabs.setCurrentIndex(self.TABS.index(tab) if tab in self.TABS else 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        """Write the current tab's record off the GUI thread; close on success."""
        tab = self.TABS[self.tabs.currentIndex()]
        db, username = self.database, self.detail.user.username
        fn: Callable[..., Any]
        args: tuple[Any, ...]
        kwargs: dict[str, Any]
        try:
            if tab == "request":
                fn, args, kwargs = sls.request_replacement, (db, username), {
                    "device_type": self.req_type.currentData(), "old_serial": self.req_old.currentData() or None,
                    "requested": _day(self.req_date), "mark_old_lost": self.req_lost.isChecked()}
            elif tab == "ship":
                if self.ship_request.currentData() is None:
                    raise InvalidInput(self.tr("There is no replacement request waiting to be shipped."))
                fn, args, kwargs = sls.record_shipment, (db, int(self.ship_request.currentData()),
                                                          self.ship_serial.text()), {"shipped": _day(self.ship_date)}
            elif tab == "return":
                if self.ret_device.currentData() is None:
                    raise InvalidInput(self.tr("This client holds no device that has to be sent back."))
                fn, args, kwargs = sls.record_return, (db, self.ret_device.currentData()), {
                    "shipped": _day(self.ret_date)}
            else:
                if self.rcv_device.currentData() is None:
                    raise InvalidInput(self.tr("No return is waiting to be received."))
                fn, args, kwargs = sls.record_return_received, (db, self.rcv_device.currentData()), {
                    "received": _day(self.rcv_date)}
        except InvalidInput as exc:
            show_exception(self, exc)
            return
        self.buttons.setEnabled(False)
        run_worker(fn, *args, write=True, on_result=self._done, on_error=self._failed, **kwargs)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_exception(self, exc)

    def _done(self, record: object) -> None:
        self.buttons.setEnabled(True)
        self.recorded.emit(record)
        self.accept()
