"""The files a wizard saved, each with its full path, Copy path and Open folder.

Shown in the key pair wizard so the client sees where the public key, the backup and the
revocation certificate went (a save dialog closes and leaves no trace otherwise).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from console.views.gpg_path_field import GpgPathField


class GpgSavedFilesBox(QGroupBox):
    """One row per kind of file (saving the same kind again replaces its row); hidden while empty.

    Signals:
        path_copied(str): a path was copied to the clipboard.
    """

    path_copied = Signal(str)

    def __init__(self, kinds: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Saved"))
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)
        self.paths: dict[str, Path] = {}
        self.fields: dict[str, GpgPathField] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        self._rows: dict[str, list[QWidget]] = {}
        for row, (kind, label) in enumerate(kinds.items()):
            name = QLabel(label)
            field = GpgPathField()
            field.setReadOnly(True)
            copy = QPushButton(self.tr("Copy path"))
            copy.clicked.connect(lambda _=False, k=kind: self.copy_path(k))
            folder = QPushButton(self.tr("Open folder"))
            folder.clicked.connect(lambda _=False, k=kind: self.open_folder(k))
            widgets: list[QWidget] = [name, field, copy, folder]
            for col, w in enumerate(widgets):
                self._grid.addWidget(w, row, col)
                w.hide()
            self.fields[kind], self.copy_buttons[kind], self.open_buttons[kind] = field, copy, folder
            self._rows[kind] = widgets
        self.hide()

    def add(self, kind: str, path: Path) -> None:
        self.paths[kind] = Path(path)
        self.fields[kind].setText(str(path))
        self.fields[kind].setCursorPosition(0)
        for w in self._rows[kind]:
            w.show()
        self.show()

    def copy_path(self, kind: str) -> None:
        if kind in self.paths:
            QGuiApplication.clipboard().setText(str(self.paths[kind]))
            self.path_copied.emit(str(self.paths[kind]))

    def open_folder(self, kind: str) -> None:
        if kind in self.paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths[kind].parent)))
