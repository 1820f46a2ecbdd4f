"""Sharing check: pick two users and see each failing condition explained."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.services import sls
from console.services.db import Database
from console.services.errors import UserFacingError
from console.views.messages import show_exception
from console.views.sls_user_picker import SlsUserPicker
from console.workers import run_worker

_REASON_TITLES = {
    "same_user": "Same user twice",
    "identity_mismatch": "Different identities",
    "temporary_device": "Temporary device in use",
    "less_secure_device": "Requester holds the more secure device",
    "no_physical_device": "Owner has no physical device",
}


class SlsShareDialog(QDialog):
    """Asks whether REQUESTER may use OWNER's physical device.

    Signals:
        checked(object): the :class:`SharingResult` of the last check.
    """

    checked = Signal(object)

    def __init__(self, database: Database, requester: str = "", owner: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.last_result: sls.SharingResult | None = None
        self.setWindowTitle(self.tr("Can these users share a device?"))
        self.resize(640, 460)
        form = QFormLayout()
        self.requester = SlsUserPicker(database, requester)
        self.requester.setPlaceholderText(self.tr("user who wants to use the device: type a name, username, "
                                                  "account or serial"))
        self.owner = SlsUserPicker(database, owner)
        self.owner.setPlaceholderText(self.tr("user holding the device: type a name, username, account or serial"))
        form.addRow(self.tr("&Requester:"), self.requester)
        form.addRow(self.tr("&Owner:"), self.owner)
        self.swap_button = QPushButton(self.tr("S&wap"))
        self.swap_button.clicked.connect(self.swap)
        form.addRow("", self.swap_button)
        self.output = QTextBrowser()
        self.output.setHtml("<p><i>" + html.escape(self.tr("Pick both users (suggestions appear as you type) and "
                                                           "press Check.")) + "</i></p>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = buttons.addButton(self.tr("&Check"), QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.output, 1)
        layout.addWidget(buttons)
        (self.owner if requester and not owner else self.requester).setFocus()
        for picker in (self.requester, self.owner):
            picker.textChanged.connect(self._names_changed)

    def _names_changed(self) -> None:
        """A result shown for other users must not stay on screen as if it answered the new pair."""
        r = self.last_result
        if r is None:
            return
        if (self.requester.username().lower(), self.owner.username().lower()) != (r.requester.lower(),
                                                                                   r.owner.lower()):
            self.last_result = None
            self.output.setHtml("<p><i>" + html.escape(self.tr("The users changed: press Check for this pair."))
                                + "</i></p>")

    def swap(self) -> None:
        a, b = self.requester.text(), self.owner.text()
        self.requester.setText(b)
        self.owner.setText(a)

    def check(self) -> None:
        requester, owner = self.requester.username(), self.owner.username()
        if not requester or not owner:
            self.output.setHtml("<p>" + html.escape(self.tr("Pick both users: the requester and the device owner."))
                                + "</p>")
            return
        self.check_button.setEnabled(False)
        self.output.setHtml("<p><i>" + html.escape(self.tr("Checking…")) + "</i></p>")
        run_worker(sls.check_sharing, self.database, requester, owner, on_result=self._show,
                   on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        if isinstance(exc, UserFacingError):
            self.output.setHtml(f"<p style='color:#b00020'>{html.escape(exc.one_line())}</p>")
        else:
            show_exception(self, exc)

    def _show(self, result: sls.SharingResult) -> None:
        self.last_result = result
        self.check_button.setEnabled(True)
        if result.eligible:
            text = self.tr("<p><b>Eligible.</b> {requester} may share {owner}'s device <b>{device}</b>.</p>").format(
                requester=html.escape(result.requester), owner=html.escape(result.owner),
                device=html.escape(result.device or ""))
        else:
            items = "".join(
                f"<li><b>{html.escape(self.tr(_REASON_TITLES.get(code, code)))}</b> "
                f"<span style='color:#666'>({html.escape(code)})</span>: {html.escape(why)}</li>"
                for code, why in zip(result.reasons, result.explanations, strict=True))
            n = len(result.reasons)
            head = (self.tr("<p><b>Not eligible</b>: one condition fails.</p>") if n == 1 else
                    self.tr("<p><b>Not eligible</b>: {count} conditions fail.</p>").format(count=n))
            text = head + f"<ul>{items}</ul>"
        self.output.setHtml(text)
        self.checked.emit(result)
