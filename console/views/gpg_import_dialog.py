"""Shows the keys found in a file or pasted text, with fingerprints, before anything is imported.

The user either imports and confirms (after ticking that the fingerprint was compared with
its owner) or imports without confirming; an unconfirmed key cannot be encrypted to.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.gpg import KeyInfo


class GpgImportDialog(QDialog):
    """Fingerprint confirmation. After ``accepted``, :attr:`trust` says whether to confirm the keys."""

    def __init__(self, keys: list[KeyInfo], source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        self.trust = False
        self.setWindowTitle(self.tr("Import key"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Found in {source}:").format(source=html.escape(source)))
        layout.addWidget(intro)
        secret = any(k.has_secret for k in keys)
        for k in keys:
            uids = "<br>".join(html.escape(u) for u in k.user_ids) or html.escape(k.key_id)
            label = QLabel(f"<b>{uids}</b><br>{html.escape(k.algorithm_label)}"
                           f"<br><span style='font-family:monospace; font-size:120%'>"
                           f"{html.escape(k.grouped_fingerprint)}</span>")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        if secret:
            layout.addWidget(QLabel(self.tr("This file also holds a secret key: it is a key pair backup.")))
        self.copy_button = QPushButton(self.tr("Copy fingerprint"))
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText("\n".join(k.fingerprint for k in keys)))
        layout.addWidget(self.copy_button)
        hint = QLabel(self.tr("Read the fingerprint to the key's owner (by phone or another channel you trust) "
                              "and compare every group. Only a confirmed key can be used to encrypt reports."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.compared = QCheckBox(self.tr("I compared this fingerprint with its owner and it matches"))
        layout.addWidget(self.compared)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_trust = self.buttons.addButton(self.tr("Import and confirm"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_only = self.buttons.addButton(self.tr("Import only"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_trust.setEnabled(False)
        self.compared.toggled.connect(self.import_trust.setEnabled)
        self.import_trust.clicked.connect(lambda: self._finish(True))
        self.import_only.clicked.connect(lambda: self._finish(False))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _finish(self, trust: bool) -> None:
        self.trust = trust
        self.accept()
