"""Asks whether to trust an sFTP server seen for the first time, showing its fingerprint."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from console.services.sftp import HostKeyUnknown


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
        self.fingerprint = QLineEdit(exc.sha256)
        self.fingerprint.setReadOnly(True)
        layout.addWidget(self.fingerprint)
        md5 = QLabel(self.tr("{type}; MD5 form: {md5}").format(type=exc.key_type, md5=exc.md5))
        md5.setWordWrap(True)
        layout.addWidget(md5)
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
