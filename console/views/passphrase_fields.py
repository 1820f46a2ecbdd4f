"""Passphrase and repeat fields with a strength meter: the one widget every key-pair wizard uses.

The estimate itself is a service (console.services.passphrase), so the CLI and the GUI judge alike.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from console.services.passphrase import passphrase_strength


class PassphraseFields(QWidget):
    """Two masked fields, a 0-4 meter and a line of advice.

    With ``optional`` an empty passphrase is allowed (and ``empty_text`` says what that means);
    otherwise the service's ``acceptable`` rule applies. Both entries must match.

    Signals:
        changed(): either field changed (pages re-check completeness on it).
    """

    changed = Signal()

    def __init__(self, *, optional: bool, empty_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.empty_text = empty_text
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.textChanged.connect(self._update)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        form.addRow(self.tr("Passphrase:"), self.first)
        form.addRow(self.tr("Repeat:"), self.second)
        form.addRow(self.tr("Strength:"), self.meter)
        form.addRow(self.feedback)
        self._update()

    def text(self) -> str:
        return self.first.text()

    def matches(self) -> bool:
        return self.first.text() == self.second.text()

    def is_acceptable(self) -> bool:
        if not self.matches():
            return False
        if not self.first.text():
            return self.optional
        return self.optional or passphrase_strength(self.first.text()).acceptable

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _update(self) -> None:
        value = self.first.text()
        if value:
            strength = passphrase_strength(value)
            self.meter.setValue(strength.score)
            text = self.tr("{label}. {advice}").format(label=strength.label.capitalize(), advice=strength.advice)
        else:
            self.meter.setValue(0)
            text = self.empty_text
        if self.second.text() and not self.matches():
            text += " " + self.tr("The two entries differ.")
        self.feedback.setText(text.strip())
        self.changed.emit()
