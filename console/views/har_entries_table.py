"""The requests table of the HAR inspector: chronological by default, one row per request, URLs elided in
the middle (host and file name stay visible; the full URL is the tooltip), a waterfall column."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from console.views.har_entries_model import (
    COL_INDEX,
    COL_METHOD,
    COL_SIZE,
    COL_START,
    COL_STATUS,
    COL_TIME,
    COL_TYPE,
    COL_URL,
    COL_WATERFALL,
)
from console.views.har_waterfall import WaterfallDelegate

#: Starting widths; the URL column takes the rest. Wide enough for "OPTIONS", "-2 (failed)", "stylesheet",
#: "1,234.5 KB", "12,345 ms" and "05:22:54.142" in the default font.
COLUMN_WIDTHS = ((COL_INDEX, 44), (COL_METHOD, 62), (COL_STATUS, 74), (COL_TYPE, 76), (COL_SIZE, 72),
                 (COL_TIME, 70), (COL_START, 94), (COL_WATERFALL, 160))
#: In a narrow table (a 1024-pixel screen) every column stays on screen with these (rare long values elide;
#: the tooltips have them in full).
COMPACT_WIDTHS = ((COL_INDEX, 40), (COL_METHOD, 56), (COL_STATUS, 62), (COL_TYPE, 70), (COL_SIZE, 64),
                  (COL_TIME, 64), (COL_START, 86), (COL_WATERFALL, 110))


class HarEntriesTable(QTableView):
    """A read-only, single-selection view of the entries proxy model."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        # chronological, like the browser's network panel (enabling sorting applies the indicator at once)
        self.horizontalHeader().setSortIndicator(COL_START, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setItemDelegateForColumn(COL_WATERFALL, WaterfallDelegate(self))
        header = self.horizontalHeader()
        header.setMinimumSectionSize(36)
        self._setting_widths = False
        self.user_resized = False  # once a column is dragged, the widths are the user's
        self.compact = False
        self._apply_widths(COLUMN_WIDTHS)
        header.sectionResized.connect(self._section_resized)

    # The URL column takes the free width, but never less than MIN_URL_WIDTH: in a narrow window the table
    # scrolls sideways instead of squeezing the URLs to a few letters (which a Stretch section would do).
    MIN_URL_WIDTH = 180

    def _apply_widths(self, widths: tuple[tuple[int, int], ...]) -> None:
        # the start time is never elided: its width follows the font ("05:22:54.142" plus the cell margins)
        start = self.fontMetrics().horizontalAdvance("00:00:00.000") + 16
        self._setting_widths = True
        try:
            for col, width in widths:
                self.setColumnWidth(col, max(width, start) if col == COL_START else width)
        finally:
            self._setting_widths = False

    def choose_widths(self) -> None:
        """Compact columns when the normal ones and a readable URL do not fit (unless the user resized some)."""
        if self.user_resized:
            return
        compact = self.viewport().width() < sum(w for _, w in COLUMN_WIDTHS) + self.MIN_URL_WIDTH + 40
        if compact != self.compact:
            self.compact = compact
            self._apply_widths(COMPACT_WIDTHS if compact else COLUMN_WIDTHS)

    def fit_url_column(self) -> None:
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != COL_URL)
        width = max(self.MIN_URL_WIDTH, self.viewport().width() - others)
        if header.sectionSize(COL_URL) != width:
            header.resizeSection(COL_URL, width)

    def _section_resized(self, col: int, _old: int, _new: int) -> None:
        if col != COL_URL:
            if not self._setting_widths:
                self.user_resized = True
            self.fit_url_column()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.choose_widths()
        self.fit_url_column()
