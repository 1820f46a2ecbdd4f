"""The pages of a HAR (browser page loads) as a two-column list: title, elided with the full text in a
tooltip, and the number of requests, which always stays visible."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from console.services.har import HarDocument

ALL_PAGES = "\x00all"
NO_PAGE = "\x00none"
KEY_ROLE = Qt.ItemDataRole.UserRole


class HarPagesList(QTreeWidget):
    """Choose which page's requests the table shows.

    Signals:
        page_chosen(str): the key of the chosen row: a page id, :data:`ALL_PAGES` or :data:`NO_PAGE`.
    """

    page_chosen = Signal(str)
    MIN_WIDTH = 150
    PREFERRED_WIDTH = 220

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Page"), self.tr("Requests")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(self.MIN_WIDTH)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.currentItemChanged.connect(self._changed)
        self.useful = False

    def sizeHint(self) -> QSize:
        return QSize(self.PREFERRED_WIDTH, super().sizeHint().height())

    def fill(self, doc: HarDocument) -> None:
        """List the pages of ``doc`` ("All pages" first, "Without a page" last when some requests have none)."""
        self.blockSignals(True)
        self.clear()
        self._add(self.tr("All pages"), len(doc.entries), ALL_PAGES,
                  self.tr("Every request in the file"))
        for p in doc.pages:
            label = p.title or p.id
            tip = label if label == p.id else f"{label}\n{self.tr('id: {id}').format(id=p.id)}"
            if p.synthetic:
                tip += "\n" + self.tr("(not listed in the file: added because requests point to it)")
            self._add(label, p.entry_count, p.id, tip)
        without = sum(1 for e in doc.entries if e.pageref is None)
        if without and doc.pages:
            self._add(self.tr("Without a page"), without, NO_PAGE, self.tr("Requests that belong to no page"))
        first = self.topLevelItem(0)
        if first is not None:
            self.setCurrentItem(first)
        self.blockSignals(False)
        # worth showing (the page decides, with its Pages button, whether it is shown)
        self.useful = len(doc.pages) > 1 or (bool(doc.pages) and without > 0)
        self.setVisible(self.useful)

    def _add(self, label: str, count: int, key: str, tip: str) -> None:
        item = QTreeWidgetItem([label, f"{count:,}"])
        item.setData(0, KEY_ROLE, key)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        requests = self.tr("1 request") if count == 1 else self.tr("{n} requests").format(n=f"{count:,}")
        for col in (0, 1):
            item.setToolTip(col, f"{tip}\n{requests}")
        self.addTopLevelItem(item)

    # the QListWidget-like calls the page and its tests use
    def count(self) -> int:
        return self.topLevelItemCount()

    def setCurrentRow(self, row: int) -> None:
        item = self.topLevelItem(row)
        if item is not None:
            self.setCurrentItem(item)

    def current_key(self) -> str:
        item = self.currentItem()
        return str(item.data(0, KEY_ROLE)) if item is not None else ALL_PAGES

    def label(self, row: int) -> str:
        item = self.topLevelItem(row)
        return item.text(0) if item is not None else ""

    def _changed(self, current: QTreeWidgetItem | None, _previous: Any = None) -> None:
        self.page_chosen.emit(str(current.data(0, KEY_ROLE)) if current is not None else ALL_PAGES)
