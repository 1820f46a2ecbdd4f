"""Asks for a passphrase (never stored, never logged); optional confirmation field."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class GpgPassphraseDialog(QDialog):
    """A password field and OK/Cancel. Read :meth:`passphrase` after ``accepted``."""

    def __init__(self, prompt: str, parent: QWidget | None = None, *, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Passphrase"))
        form = QFormLayout(self)
        text = QLabel(prompt)
        text.setWordWrap(True)
        form.addRow(text)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase:"), self.field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.field.textChanged.connect(lambda t: ok.setEnabled(bool(t)))

    def passphrase(self) -> str:
        return self.field.text()

    def done(self, result: int) -> None:
        super().done(result)
        if result != QDialog.DialogCode.Accepted:
            self.field.clear()
