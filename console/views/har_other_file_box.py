"""The message shown when the file opened as a HAR is something else that the console handles elsewhere
(a diagnostic bundle, an encrypted report): what it is, and a button that opens it there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from console.services.har import NotAHarFile

#: Areas a :class:`NotAHarFile` can point to, with the button text for each.
AREAS = ("diagnostics", "gpg")


class HarOtherFileBox(QMessageBox):
    """Information box with "Open in …" and Cancel.

    Signals:
        open_requested(str, list): area key and ``[path]``, when the engineer chooses to open it there.
    """

    open_requested = Signal(str, list)

    def __init__(self, exc: NotAHarFile, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Information, exc.title, exc.message, QMessageBox.StandardButton.Cancel,
                         parent)
        self.setInformativeText(exc.hint or "")
        self.area = str(exc.area)
        self.path = Path(path)
        label = self.tr("Open in Diagnostics intake") if self.area == "diagnostics" else \
            self.tr("Open in Encrypted reports")
        self.open_button = self.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.open_button)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.area, [self.path]))
