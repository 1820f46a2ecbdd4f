"""Table models of the diagnostics area: bundles, the files of one bundle, search hits, findings
(one row per occurrence, or one per code).

All of them are plain lists of frozen service dataclasses behind a :class:`RecordTableModel`; the
raw record is available under :data:`RecordRole`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from console.services import bundles
from console.services.units import human_size

Index = QModelIndex | QPersistentModelIndex
RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


def _ts(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value is not None else ""


def _last(first: Any, last: Any) -> str:
    """The last time, without the date when it is the first one's day."""
    if first is not None and last is not None and first.date() == last.date():
        return str(last.strftime("%H:%M:%S"))
    return _ts(last)


Column = tuple[str, Callable[[Any], Any], Callable[[Any], Any]]  # header, display, sort key


class RecordTableModel(QAbstractTableModel):
    """A read-only table of records; subclasses declare ``COLUMNS``."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._records[row]

    @property
    def records(self) -> list[Any]:
        return self._records

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return self.tr(self.COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        rec = self._records[index.row()]
        _h, show, key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tooltip(rec, index.column())
            if tip is not None:
                return tip
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = show(rec)
            return "" if value is None else str(value)
        if role == SortRole:
            return key(rec)
        if role == RecordRole:
            return rec
        return self.extra(rec, index.column(), role)

    def extra(self, rec: Any, column: int, role: int) -> Any:
        return None

    def tooltip(self, rec: Any, column: int) -> str | None:
        """A richer tooltip than the cell's text, or None to show the text."""
        return None


class BundleTableModel(RecordTableModel):
    COLUMNS = (
        ("ID", lambda b: b.id, lambda b: b.id),
        ("Taken in", lambda b: b.created_at.strftime("%Y-%m-%d %H:%M"), lambda b: b.id),
        ("Ticket", lambda b: b.ticket, lambda b: b.ticket or ""),
        ("User", lambda b: b.username, lambda b: b.username or ""),
        ("Platform", lambda b: dict(bundles.PLATFORMS).get(b.platform or "", b.platform), lambda b: b.platform or ""),
        ("Files", lambda b: b.file_count, lambda b: b.file_count),
        ("Size", lambda b: human_size(b.total_bytes), lambda b: b.total_bytes),
    )


class BundleFileTableModel(RecordTableModel):
    COLUMNS = (
        ("Path", lambda f: f.path, lambda f: f.path),
        ("Kind", lambda f: f.kind, lambda f: f.kind),
        ("Size", lambda f: human_size(f.size), lambda f: f.size),
        ("Lines", lambda f: f.line_count, lambda f: f.line_count or 0),
        ("From", lambda f: _ts(f.first_ts), lambda f: _ts(f.first_ts)),
        ("To", lambda f: _ts(f.last_ts), lambda f: _ts(f.last_ts)),
        ("Note", lambda f: f.note, lambda f: f.note or ""),
    )

    def extra(self, rec: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and rec.kind == "encrypted-log":
            return QColor("#b26a00")
        return None


class SearchHitTableModel(RecordTableModel):
    COLUMNS = (
        ("Bundle", lambda h: h.bundle, lambda h: h.bundle),
        ("File", lambda h: h.file, lambda h: h.file),
        ("Line", lambda h: h.line, lambda h: h.line),
        ("Time", lambda h: _ts(h.timestamp), lambda h: _ts(h.timestamp)),
        ("Text", lambda h: h.text, lambda h: h.text),
    )


class FindingTableModel(RecordTableModel):
    COLUMNS = (
        ("Code", lambda f: f.code, lambda f: f.code),
        ("Time", lambda f: _ts(f.timestamp), lambda f: _ts(f.timestamp)),
        ("What", lambda f: f.title, lambda f: f.title),
        ("Explanation", lambda f: f.explanation, lambda f: f.explanation),
        ("File", lambda f: f"{f.file}:{f.line}", lambda f: (f.file, f.line)),
    )

    def extra(self, rec: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return {"error": QColor("#c62828"), "warning": QColor("#b26a00")}.get(rec.severity)
        return None


_SEVERITY_COLOURS = {"error": "#c62828", "warning": "#b26a00"}


class FindingGroupTableModel(RecordTableModel):
    """One row per message code of a bundle (records: :class:`~console.services.bundles.FindingGroup`)."""

    COLUMNS = (
        ("Code", lambda g: g.code, lambda g: g.code),
        ("Count", lambda g: f"{g.count:,}", lambda g: g.count),
        ("First", lambda g: _ts(g.first_ts), lambda g: _ts(g.first_ts)),
        ("Last", lambda g: _last(g.first_ts, g.last_ts), lambda g: _ts(g.last_ts)),
        ("What it means", lambda g: f"{g.title}: {g.explanation}", lambda g: g.title),
    )
    EXPLANATION = 4

    def extra(self, rec: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column < self.EXPLANATION:
            colour = _SEVERITY_COLOURS.get(rec.severity)
            return QColor(colour) if colour else None
        return None

    def tooltip(self, rec: Any, column: int) -> str | None:
        files = ", ".join(rec.files[:8]) + (" …" if len(rec.files) > 8 else "")
        seen = self.tr("Seen once in") if rec.count == 1 else self.tr("Seen {n} times in").format(n=f"{rec.count:,}")
        return self.tr("{code} {title}\n\n{explanation}\n\n{seen}: {files}\n"
                       "Double-click to open the first one ({file}, line {line}).").format(
            code=rec.code, title=rec.title, explanation=rec.explanation, seen=seen, files=files,
            file=rec.first.file, line=rec.first.line)


class RecordSortProxyModel(QSortFilterProxyModel):
    """Sorts on raw values and filters on any column's text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_text_filter(self, text: str) -> None:
        self.setFilterFixedString(text)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
