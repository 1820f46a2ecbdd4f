"""Base class of the five area pages, and the placeholder shown until an area lands."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.context import AppContext

log = logging.getLogger(__name__)


class AreaPage(QWidget):
    """One area of the main window.

    Subclasses get the shared :class:`AppContext` (settings, database) and may override
    :meth:`open_paths` (files dropped on the window or opened from the File menu) and
    :meth:`set_database_ready`.

    Signals:
        status_message(str): a short text for the main window's status bar.
        open_in_area(str, list): ask the main window to open paths (list of Path) in another area
            (e.g. a HAR file of a diagnostic bundle in the HAR inspector).
    """

    status_message = Signal(str)
    open_in_area = Signal(str, list)
    area_key = ""
    needs_database = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.database_ready: bool | None = None

    def open_paths(self, paths: list[Path]) -> None:
        """Open files routed to this area (drag and drop, File > Open)."""
        log.info("%s: nothing to do with %s", self.area_key, ", ".join(p.name for p in paths))

    def set_database_ready(self, ready: bool) -> None:
        """Told by the main window once the database check has finished (and again if it changes)."""
        self.database_ready = ready


class PlaceholderPage(AreaPage):
    """Shown for an area whose issue has not landed yet: says what will be here."""

    title = ""
    summary = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(f"<h2>{self.title}</h2>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(self.summary + "<br><br>" + self.tr("This area is not available in this version yet."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(560)
        self.dropped = QLabel()
        self.dropped.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.dropped)

    def open_paths(self, paths: list[Path]) -> None:
        super().open_paths(paths)
        names = ", ".join(p.name for p in paths)
        self.dropped.setText(self.tr("Received: {names}").format(names=names))
