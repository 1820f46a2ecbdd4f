"""Preferences: one row per declared setting (console.config.OPTIONS), saved to the settings file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.config import OPTIONS, Option, Settings
from console.services.errors import UserFacingError
from console.views.messages import show_error


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.editors: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.setMinimumWidth(640)
        for opt in OPTIONS:
            editor = self._editor(opt)
            label = opt.label + (" *" if opt.restart else "")
            if settings.source(opt.name) == "env":
                label += "\n" + self.tr("(set by {env})").format(env=opt.env)
            form.addRow(label, editor)
            if settings.source(opt.name) == "env":
                editor.setEnabled(False)
                editor.setToolTip(self.tr("Set by the environment variable {env}").format(env=opt.env))
            else:
                editor.setToolTip(opt.help + "\n" + self.tr("Environment variable: {env}").format(env=opt.env))
        layout.addLayout(form)
        note = QLabel(self.tr("* takes effect after a restart. Greyed-out settings come from environment variables."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout.addWidget(buttons)

    def _editor(self, opt: Option) -> QWidget:
        value = getattr(self.settings, opt.name)
        if opt.choices:
            combo = QComboBox()
            for code, label in opt.choices:
                combo.addItem(label, code)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            self.editors[opt.name] = combo
            return combo
        if opt.type is int:
            spin = QSpinBox()
            spin.setRange(1, 65535)
            spin.setValue(int(value))
            self.editors[opt.name] = spin
            return spin
        line = QLineEdit(str(value))
        if opt.name == "db_url":
            from console.services.db import mask_url

            line.setText(str(self.settings.stored("db_url") or ""))
            line.setPlaceholderText(mask_url(str(value)))
        self.editors[opt.name] = line
        if opt.type is not Path:
            return line
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda _=False, e=line: self._browse(e))
        h.addWidget(line, 1)
        h.addWidget(browse)
        row.setEnabled(True)
        row.setToolTip(opt.help)
        return row

    def _browse(self, line: QLineEdit) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), line.text())
        if chosen:
            line.setText(chosen)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for opt in OPTIONS:
            if self.settings.source(opt.name) == "env":
                continue
            editor = self.editors[opt.name]
            if isinstance(editor, QComboBox):
                value: Any = editor.currentData()
            elif isinstance(editor, QSpinBox):
                value = editor.value()
            else:
                value = editor.text().strip()
            default = opt.default_for(self.settings.as_dict())
            out[opt.name] = None if str(value) == str(default) or value == "" else value
        return out

    def restore_defaults(self) -> None:
        for opt in OPTIONS:
            editor = self.editors[opt.name]
            if not editor.isEnabled():
                continue
            default = opt.default_for(self.settings.as_dict())
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(default)))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(default))
            elif opt.name == "db_url":
                editor.setText("")
            else:
                editor.setText(str(default))

    def save(self) -> None:
        try:
            self.settings.save(self.values())
        except UserFacingError as exc:
            show_error(self, exc)
            return
        self.accept()
