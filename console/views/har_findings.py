"""Findings panel: what failed or is slow, grouped by kind; activating one selects its request."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from console.services.har import Findings

KIND_ORDER = ("failed", "blocked", "long-wait", "slow", "redirects", "mixed-content", "uncompressed")


class HarFindingsPanel(QTreeWidget):
    """A tree: one top-level item per kind of finding, the findings below it.

    Signals:
        entry_activated(int): the file index of the request a finding points at.
    """

    entry_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([self.tr("Finding"), self.tr("Detail")])
        # the finding (method and URL) takes the free width; URLs lose their middle, not their end
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, 380)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._titles = {
            "failed": self.tr("Failed requests"), "blocked": self.tr("Blocked by the client"),
            "long-wait": self.tr("Long waits for the first byte"), "slow": self.tr("Slowest requests"),
            "redirects": self.tr("Redirect chains"), "mixed-content": self.tr("Mixed content"),
            "uncompressed": self.tr("Large uncompressed responses"),
        }
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.set_findings(None)

    def set_findings(self, findings: Findings | None) -> None:
        self.clear()
        if findings is None:
            return
        if not findings.items:
            QTreeWidgetItem(self, [self.tr("Nothing stands out in this file.")])
            return
        for kind in KIND_ORDER:
            items = findings.of_kind(kind)
            if not items:
                continue
            group = QTreeWidgetItem(self, [f"{self._titles.get(kind, kind)} ({len(items)})"])
            for f in items:
                child = QTreeWidgetItem(group, [f.title, f.detail])
                child.setData(0, Qt.ItemDataRole.UserRole, f.entries[0] if f.entries else -1)
                child.setToolTip(0, f.title)
                child.setToolTip(1, f.detail)
            group.setExpanded(kind in ("failed", "blocked", "long-wait"))

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(index, int) and index >= 0:
            self.entry_activated.emit(index)
