"""Shows one key's public line and fingerprints, with Copy and "Save as public.key"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.errors import UserFacingError
from console.services.sftp import KeyInfo, save_public_line
from console.views.messages import show_error


class SftpKeyPanel(QWidget):
    """Public line + SHA256/MD5 fingerprints of a :class:`KeyInfo`; empty state until a key is shown.

    Signals:
        saved(str): the public key was saved to this path.
    """

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: KeyInfo | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self.tr("No key shown yet. Drop a key file here (.pub, .ppk, id_rsa) or open one."))
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.body = QWidget()
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        self.public_line = QPlainTextEdit()
        self.public_line.setReadOnly(True)
        self.public_line.setMaximumHeight(90)
        self.public_line.setObjectName("publicLine")
        self.sha256 = QLineEdit()
        self.md5 = QLineEdit()
        self.details = QLabel()
        for field in (self.sha256, self.md5):
            field.setReadOnly(True)
        form.addRow(self.tr("Public key (send this)"), self.public_line)
        form.addRow(self.tr("SHA256 fingerprint"), self.sha256)
        form.addRow(self.tr("MD5 fingerprint (old tools)"), self.md5)
        form.addRow(self.tr("Key"), self.details)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy public key"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("Save as public.key…"))
        self.save_button.clicked.connect(self.save_dialog)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addWidget(self.body)
        self.body.hide()

    def set_info(self, info: KeyInfo | None) -> None:
        self.info = info
        self.empty.setVisible(info is None)
        self.body.setVisible(info is not None)
        if info is None:
            return
        self.public_line.setPlainText(info.public_line)
        self.sha256.setText(info.sha256)
        self.md5.setText(info.md5)
        kind = {"openssh": "OpenSSH", "pem": "PEM", "ppk": "PuTTY .ppk", "public": self.tr("public key only")}
        state = self.tr("protected by a passphrase") if info.encrypted else self.tr("no passphrase")
        text = f"{info.key_type}, {info.bits} bits, {kind.get(info.format, info.format)}"
        if info.has_private:
            text += f", {state}"
        if info.comment:
            text += self.tr(", comment “{c}”").format(c=info.comment)
        self.details.setText(text + f"\n{info.path}")

    def copy(self) -> None:
        if self.info is not None:
            QGuiApplication.clipboard().setText(self.info.public_line)

    def save_to(self, path: Path) -> None:
        if self.info is None:
            return
        try:
            save_public_line(self.info, path)
        except (UserFacingError, OSError) as exc:
            show_error(self, exc if isinstance(exc, UserFacingError)
                       else UserFacingError(self.tr("Cannot save {p}: {e}").format(p=path, e=exc)))
            return
        self.saved.emit(str(path))

    def save_dialog(self) -> None:
        if self.info is None:
            return
        start = str(Path(self.info.path).with_name("public.key"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save public key"), start,
                                              self.tr("Public key (*.key *.pub)"))
        if path:
            self.save_to(Path(path))
