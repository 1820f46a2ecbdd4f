"""Host-key dialogs: trust a server seen for the first time; a changed key (refused, with the
deliberate way out: forget the old key after the broker confirms the new one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from console.services.sftp import HostKeyChanged, HostKeyUnknown
from console.views.sftp_key_panel import FingerprintField


class SftpHostKeyDialog(QDialog):
    """Shows the server's SHA256 (and MD5) fingerprint; Trust saves it, Cancel (the default) does not."""

    def __init__(self, exc: HostKeyUnknown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exc = exc
        self.setWindowTitle(self.tr("Trust this server?"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "This is the first connection to {host} port {port}. Before trusting it, compare its fingerprint "
            "with the one the broker publishes. If they differ, do not continue.").format(
                host=exc.host, port=exc.port))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.setMinimumWidth(560)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.fingerprint = FingerprintField()
        self.fingerprint.set_text(exc.sha256)
        self.md5 = FingerprintField()
        self.md5.set_text(exc.md5)
        form.addRow(self.tr("Server key fingerprint ({type})").format(type=exc.key_type), self.fingerprint)
        form.addRow(self.tr("The same key in MD5 form (older tools show this)"), self.md5)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(self.tr("&Trust and connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        copy = QPushButton(self.tr("Copy fingerprint"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(exc.sha256))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def confirm_forget_text(host: str, port: int, known_hosts: Path, new_sha256: str) -> tuple[str, str]:
    """Text and details of the confirmation before an old host key is forgotten."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("SftpHostChangedDialog", text)

    text = tr("Forget the trusted key of {host} port {port}?").format(host=host, port=port)
    details = tr(
        "Do this only after the broker has confirmed, by phone or another channel you trust, that the server's "
        "key really changed and that its new fingerprint is {fp}.\n\n"
        "If the key changed without such a confirmation, someone may be intercepting the connection: once the "
        "old key is forgotten, the next connection offers the new key as if the server were new, and trusting "
        "it would connect you to that impostor, which could then read or alter the files you exchange.\n\n"
        "The old key is removed from {path}. The new key is not trusted by this step: the next connection shows "
        "its fingerprint and asks you again.").format(fp=new_sha256, path=known_hosts)
    return text, details


class SftpHostChangedDialog(QDialog):
    """A changed host key: the warning, both fingerprints, where trusted keys are kept, and
    "Forget this host's old key…" (behind a second, explicit confirmation). Close is the default.

    ``confirm_forget()`` asks that confirmation (a callable, replaced in tests); the dialog is
    accepted only when the person confirmed, rejected otherwise.
    """

    def __init__(self, exc: HostKeyChanged, known_hosts: Path, confirm_forget: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exc = exc
        self.confirm_forget = confirm_forget
        self.setWindowTitle(self.tr("Server identity changed"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        where = f"{exc.host} port {exc.port}" if exc.host else self.tr("this server")
        warning = QLabel(self.tr(
            "<b>The server {where} now presents a different host key from the one trusted before.</b> Someone "
            "may be intercepting the connection. Nothing was sent to it: no login, no files.").format(
                where=where))
        warning.setWordWrap(True)
        top.addWidget(warning, 1)
        layout.addLayout(top)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.new_fingerprint = QLineEdit(exc.sha256)
        self.old_fingerprints = QLineEdit(", ".join(exc.expected_sha256))
        for field in (self.new_fingerprint, self.old_fingerprints):
            field.setReadOnly(True)
            field.setCursorPosition(0)
        self.path = QLineEdit(str(known_hosts))
        self.path.setReadOnly(True)
        form.addRow(self.tr("Key the server presents now"), self.new_fingerprint)
        form.addRow(self.tr("Key trusted before"), self.old_fingerprints)
        form.addRow(self.tr("Trusted keys are kept in"), self.path)
        layout.addLayout(form)
        advice = QLabel(self.tr(
            "Do not continue for now. Ask the broker whether the server key really changed, and compare the new "
            "fingerprint above with the one they give you through another channel. Only if they match, forget "
            "the old key; the next connection then shows the new key and asks you to trust it."))
        advice.setWordWrap(True)
        layout.addWidget(advice)
        buttons = QDialogButtonBox()
        self.forget_button = buttons.addButton(self.tr("&Forget this host's old key…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.forget_button.setAutoDefault(False)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        copy = QPushButton(self.tr("Copy new fingerprint"))
        copy.setAutoDefault(False)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(exc.sha256))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.forget_button.clicked.connect(self._forget)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _forget(self) -> None:
        if self.confirm_forget():
            self.accept()
