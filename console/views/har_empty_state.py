"""What the HAR inspector shows before a file is open: how to open one, and how clients export a HAR."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class HarEmptyState(QWidget):
    """Drop/open hints and the browser steps for exporting a HAR (what support asks clients to do)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(self.tr(
            "<h2>HAR inspector</h2>"
            "<p>Drop a .har file here, press Ctrl+O, or open one from a diagnostic bundle.</p>"
            "<p><b>Asking a client for a HAR</b></p>"
            "<ul>"
            "<li><b>Chrome / Edge:</b> open the developer tools (F12 or Ctrl+Shift+I), go to Network, tick "
            "'Preserve log', clear the list, reproduce the problem, then right-click the list and save all as "
            "HAR (Edge also has an export button, Ctrl+S).</li>"
            "<li><b>Firefox:</b> F12, Network tab, turn on 'Persist Logs', reproduce, then right-click and "
            "save all as HAR.</li>"
            "<li><b>Safari:</b> first enable the Develop menu (Settings, Advanced), open the Web Inspector "
            "(Cmd+Option+I), Network tab, keep 'Preserve Log' on, reproduce, then Export.</li>"
            "</ul>"
            "<p>The client attaches the file to a Message Center web ticket. HAR files carry their login "
            "cookies: redact before sharing them any further.</p>"))
        text.setWordWrap(True)
        text.setMaximumWidth(680)
        v.addWidget(text)

