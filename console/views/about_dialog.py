"""About Support Console: versions, where the data and logs are."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from console import APP_NAME, __version__, logs
from console.context import AppContext


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        layout = QVBoxLayout(self)
        text = self.tr(
            "<h2>{app} {version}</h2>"
            "<p>The desk tool of the client support team: Secure Login System devices, diagnostic bundles, "
            "HAR files, encrypted reports and sFTP keys.</p>"
            "<p>Python {python} · Qt {qt} · PySide6 {pyside}</p>"
            "<p>Data folder: {data}<br>Database: {db}<br>Log file: {log}</p>"
        ).format(app=APP_NAME, version=__version__, python=platform.python_version(), qt=qVersion(),
                 pyside=pyside_version, data=ctx.data_dir, db=ctx.database.masked_url,
                 log=logs.log_file() or self.tr("(not written)"))
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
