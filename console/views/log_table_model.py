"""A virtualised table of log lines: one file through a line-offset index, or a bundle's merged timeline.

In file mode rows are read from disk on demand (only visible rows are parsed, with a small
cache), and more of the file is indexed as the view scrolls (``canFetchMore``/``fetchMore``),
so a file of any size shows its first screen at once. A filter is a list of row numbers
computed in a worker and applied with :meth:`LogTableModel.set_rows`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from console.services.bundles import LineIndex, LogLine, TimelineEvent, parse_line

Index = QModelIndex | QPersistentModelIndex
LEVEL_COLOURS = {"ERROR": QColor("#c62828"), "FATAL": QColor("#b71c1c"), "WARN": QColor("#b26a00"),
                 "DEBUG": QColor("#757575"), "TRACE": QColor("#9e9e9e")}
KIND_COLOURS = {"har": QColor("#1565c0"), "image": QColor("#6a1b9a")}
LineRole = Qt.ItemDataRole.UserRole + 1
TimeRole = Qt.ItemDataRole.UserRole + 2
LevelRole = Qt.ItemDataRole.UserRole + 3
EventRole = Qt.ItemDataRole.UserRole + 4


class LogTableModel(QAbstractTableModel):
    """Columns: line, time, level, source, text."""

    HEADERS = ("Line", "Time", "Level", "Source", "Text")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index: LineIndex | None = None
        self._source = ""
        self._events: Sequence[TimelineEvent] = ()
        self._rows: list[int] | None = None
        self._cache: OrderedDict[int, LogLine] = OrderedDict()
        self._mono = QFont("monospace")
        self._mono.setStyleHint(QFont.StyleHint.Monospace)

    # ------------------------------------------------------------------ content
    @property
    def file_index(self) -> LineIndex | None:
        return self._index

    @property
    def events(self) -> Sequence[TimelineEvent]:
        return self._events

    @property
    def filtered(self) -> bool:
        return self._rows is not None

    def set_file(self, index: LineIndex, source: str) -> None:
        self.beginResetModel()
        self._close()
        self._index, self._source, self._events, self._rows = index, source, (), None
        self._cache.clear()
        index.ensure(200)
        self.endResetModel()

    def set_events(self, events: Sequence[TimelineEvent]) -> None:
        self.beginResetModel()
        self._close()
        self._index, self._source, self._events, self._rows = None, "", events, None
        self._cache.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.set_events(())

    def _close(self) -> None:
        if self._index is not None:
            self._index.close()

    def replace_index(self, full: LineIndex) -> None:
        """Swap in a completely built index of the same file (rows only grow)."""
        if self._index is None or full.path != self._index.path:
            full.close()
            return
        old = self._index
        before = self.rowCount()
        self._index = full
        old.close()
        after = self.rowCount()
        if after > before:
            self.beginInsertRows(QModelIndex(), before, after - 1)
            self.endInsertRows()

    def set_rows(self, rows: list[int] | None) -> None:
        """Show only these underlying rows (a filter result), or everything with ``None``."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def underlying_count(self) -> int:
        if self._index is not None:
            return self._index.line_count
        return len(self._events)

    def underlying_row(self, row: int) -> int:
        return self._rows[row] if self._rows is not None else row

    def row_for_underlying(self, underlying: int) -> int:
        if self._rows is None:
            return underlying
        import bisect

        return min(bisect.bisect_left(self._rows, underlying), max(len(self._rows) - 1, 0))

    def line(self, row: int) -> LogLine:
        """The parsed line at (visible) ``row``; cached, so repainting does not re-read the disk."""
        n = self.underlying_row(row)
        hit = self._cache.get(n)
        if hit is not None:
            self._cache.move_to_end(n)
            return hit
        if self._index is not None:
            parsed = parse_line(self._index.text(n), n + 1)
        else:
            e = self._events[n]
            parsed = LogLine(e.line, e.timestamp, e.level, None, e.text)
        self._cache[n] = parsed
        if len(self._cache) > 4000:
            self._cache.popitem(last=False)
        return parsed

    def timestamp(self, row: int) -> datetime | None:
        return self.line(row).timestamp

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid():
            return 0
        if self._rows is not None:
            return len(self._rows)
        return self.underlying_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index) -> bool:
        return (not parent.isValid() and self._index is not None and not self._index.complete
                and self._rows is None)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self._index is None:
            return
        before = self._index.line_count
        self._index.scan()
        after = self._index.line_count
        if after > before:
            self.beginInsertRows(QModelIndex(), before, after - 1)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            line = self.line(row)
            if col == 0:
                return str(line.number)
            if col == 1:
                return line.timestamp.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] if line.timestamp else ""
            if col == 2:
                return line.level or ""
            if col == 3:
                return self._event(row).source if self._index is None else self._source
            text = line.text
            return text if role == Qt.ItemDataRole.ToolTipRole or len(text) <= 2000 else text[:2000] + " …"
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._index is None and col == 3:
                colour = KIND_COLOURS.get(self._event(row).kind)
                if colour is not None:
                    return colour
            return LEVEL_COLOURS.get(self.line(row).level or "")
        if role == Qt.ItemDataRole.FontRole and col == 4:
            return self._mono
        if role == LineRole:
            return self.line(row).number
        if role == TimeRole:
            return self.line(row).timestamp
        if role == LevelRole:
            return self.line(row).level
        if role == EventRole and self._index is None:
            return self._event(row)
        return None

    def _event(self, row: int) -> TimelineEvent:
        return self._events[self.underlying_row(row)]
