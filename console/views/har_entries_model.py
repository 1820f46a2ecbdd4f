"""The entries table of the HAR inspector: a flat table model plus a proxy with typed filter setters.

Filtering 20,000 rows per keystroke must stay well under 50 ms, so the proxy computes the set of
accepted rows in one Python pass when a filter changes and ``filterAcceptsRow`` only looks it up.
Sorting is done by the source model on its Python list (the proxy forwards ``sort``), so the
proxy never calls back into Python for comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from console.services.har import HarDocument, HarEntry
from console.services.har.search import header_blob

Index = QModelIndex | QPersistentModelIndex

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
WATERFALL_ROLE = Qt.ItemDataRole.UserRole + 3

COL_INDEX, COL_METHOD, COL_URL, COL_STATUS, COL_TYPE, COL_SIZE, COL_TIME, COL_START, COL_WATERFALL = range(9)
STATUS_CLASSES = ("2xx", "3xx", "4xx", "5xx", "failed")

#: One page's time axis: origin (epoch ms), span (ms) and page-event marks ((name, ms after the origin), ...)
Axis = tuple[float, float, tuple[tuple[str, float], ...]]


def human_size(n: int) -> str:
    if n < 0:
        return "—"
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


class HarEntriesTableModel(QAbstractTableModel):
    """Rows are :class:`HarEntry` objects of one document; columns as in the issue plus a waterfall."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[HarEntry] = []
        self._blobs: dict[int, str] = {}
        self._axis: dict[str | None, Axis] = {}
        self._headers = [self.tr("#"), self.tr("Method"), self.tr("URL"), self.tr("Status"), self.tr("Type"),
                         self.tr("Size"), self.tr("Time"), self.tr("Start"), self.tr("Waterfall")]
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.revision = 0  # bumped whenever rows, their order or their filter text change
        self._row_blobs: tuple[int, list[str]] = (-1, [])

    # ------------------------------------------------------------------ data in
    def set_document(self, doc: HarDocument | None, blobs: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._entries = list(doc.entries) if doc is not None else []
        self._blobs = blobs if blobs is not None else {}
        self._axis = _page_axes(doc) if doc is not None else {}
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.revision += 1
        self.endResetModel()

    @property
    def entries(self) -> Sequence[HarEntry]:
        return self._entries

    def blob(self, entry: HarEntry) -> str:
        text = self._blobs.get(entry.index)
        if text is None:
            text = self._blobs[entry.index] = header_blob(entry)
        return text

    def add_blobs(self, blobs: dict[int, str]) -> None:
        """Filter texts computed in the background (file index -> lower-cased URL and headers)."""
        self._blobs.update(blobs)

    def row_blobs(self) -> list[str]:
        """The filter text of every row, in row order (computed once per revision)."""
        revision, blobs = self._row_blobs
        if revision != self.revision:
            blobs = [self.blob(e) for e in self._entries]
            self._row_blobs = (self.revision, blobs)
        return blobs

    def row_of(self, file_index: int) -> int:
        for row, e in enumerate(self._entries):
            if e.index == file_index:
                return row
        return -1

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_WATERFALL:
            return self.tr("Each request's phases (blocked, DNS, connect, TLS, send, wait, receive) drawn on the "
                           "time axis of its page: from the page start to its last response or load event. "
                           "Vertical lines: DOMContentLoaded and load.")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(e, col)
        if role == ENTRY_ROLE:
            return e
        if role == SORT_ROLE:
            return _sort_key(e, col)
        if role == WATERFALL_ROLE and col == COL_WATERFALL:
            return self.waterfall(e)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_URL:
                return e.url
            if col == COL_STATUS and e.error:
                return e.error
            if col == COL_START and e.started is not None:
                return e.started.isoformat()
            if col == COL_WATERFALL:
                return self._waterfall_tip(e)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS and e.failed:
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_INDEX, COL_STATUS, COL_SIZE, COL_TIME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, e: HarEntry, col: int) -> str | None:
        if col == COL_INDEX:
            return str(e.index)
        if col == COL_METHOD:
            return e.method
        if col == COL_URL:
            return e.url
        if col == COL_STATUS:
            return str(e.status) if e.status > 0 else f"{e.status} ({self.tr('failed')})"
        if col == COL_TYPE:
            return e.resource_type
        if col == COL_SIZE:
            return human_size(e.size)
        if col == COL_TIME:
            return f"{e.time_ms:,.0f} ms"
        if col == COL_START:
            return e.started.strftime("%H:%M:%S.%f")[:-3] if e.started is not None else "—"
        return None

    def waterfall(self, e: HarEntry) -> tuple[float, float, tuple[tuple[str, float], ...],
                                              tuple[tuple[str, float], ...]] | None:
        """(offset ms from the page's origin, page span ms, phases, page marks) for the waterfall delegate."""
        origin, span, marks = self._axis.get(e.pageref, (0.0, 0.0, ()))
        if e.start_ms is None or span <= 0:
            return None
        phases = e.timings.phases() if e.timings is not None else (("wait", e.time_ms),)
        return e.start_ms - origin, span, phases, marks

    def _waterfall_tip(self, e: HarEntry) -> str | None:
        value = self.waterfall(e)
        if value is None:
            return None
        offset, span, phases, marks = value
        lines = [self.tr("Starts {offset:,.0f} ms into the page (axis: {span:,.0f} ms)").format(
            offset=offset, span=span)]
        lines += [f"{name}: {ms:,.1f} ms" for name, ms in phases if ms > 0]
        lines.append(self.tr("total: {ms:,.1f} ms").format(ms=e.time_ms))
        lines += [self.tr("{event} at {ms:,.0f} ms").format(event=name, ms=ms) for name, ms in marks]
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._apply_sort(column, order)
        self.revision += 1
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        self._entries.sort(key=lambda e: _sort_key(e, column),
                           reverse=order == Qt.SortOrder.DescendingOrder)


def _sort_key(e: HarEntry, col: int) -> Any:
    if col == COL_METHOD:
        return e.method
    if col == COL_URL:
        return e.url
    if col == COL_STATUS:
        return e.status
    if col == COL_TYPE:
        return e.resource_type
    if col == COL_SIZE:
        return e.size
    if col == COL_TIME:
        return e.time_ms
    if col in (COL_START, COL_WATERFALL):
        return e.start_ms if e.start_ms is not None else float("-inf")
    return e.index


def _page_axes(doc: HarDocument) -> dict[str | None, Axis]:
    """One time axis per page: origin (page start or first request) and span to the last request end (or
    to the page's load event); DOMContentLoaded and load are marked when they are relative to the origin."""
    bounds: dict[str | None, list[float]] = {}
    for e in doc.entries:
        if e.start_ms is None:
            continue
        lo_hi = bounds.setdefault(e.pageref, [e.start_ms, e.start_ms + e.time_ms])
        lo_hi[0] = min(lo_hi[0], e.start_ms)
        lo_hi[1] = max(lo_hi[1], e.start_ms + e.time_ms)
    marks: dict[str | None, tuple[tuple[str, float], ...]] = {}
    for page in doc.pages:
        if page.id in bounds and page.started is not None:
            page_start = page.started.timestamp() * 1000.0
            lo_hi = bounds[page.id]
            # a page start far before its first request (clock skew, Safari) would squash the bars
            if lo_hi[0] - 60_000 < page_start <= lo_hi[0]:
                lo_hi[0] = page_start
                marks[page.id] = tuple((name, ms) for name, ms in (
                    ("DOMContentLoaded", page.on_content_load_ms), ("load", page.on_load_ms)) if ms is not None)
                lo_hi[1] = max([lo_hi[1]] + [page_start + ms for _, ms in marks[page.id]])
    return {k: (v[0], max(v[1] - v[0], 1.0), marks.get(k, ())) for k, v in bounds.items()}


class HarEntriesProxyModel(QSortFilterProxyModel):
    """Filters of the entries table; every setter recomputes the accepted rows once."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._body_text = ""
        self._body_matches: frozenset[int] = frozenset()
        self._status_classes: frozenset[str] = frozenset()
        self._resource_type = ""
        self._domain = ""
        self._errors_only = False
        self._min_time_ms = 0.0
        self._page: str | None = None
        self._page_set = False
        self._accepted: list[bool] = []
        self._base_key: tuple[Any, ...] = ()
        self._base_rows: list[int] = []
        self._text_rows: tuple[str, list[int], frozenset[int]] = ("", [], frozenset())

    def setSourceModel(self, model: Any) -> None:
        old = self.sourceModel()
        if old is not None:
            for sig in (old.modelReset, old.layoutChanged):
                sig.disconnect(self._recompute_quietly)
        model.modelReset.connect(self._recompute_quietly)
        model.layoutChanged.connect(self._recompute_quietly)
        self._recompute_quietly()
        super().setSourceModel(model)

    # ------------------------------------------------------------------ typed setters
    def set_text(self, text: str) -> None:
        self._text = text.strip().lower()
        self._refilter()

    def set_body_matches(self, text: str, indices: frozenset[int]) -> None:
        """Entries whose bodies contain ``text`` (found by a background search) also pass the text filter."""
        self._body_text = text.strip().lower()
        self._body_matches = indices
        if self._body_text == self._text:
            self._refilter()

    def set_status_classes(self, classes: set[str] | frozenset[str]) -> None:
        self._status_classes = frozenset(classes)
        self._refilter()

    def set_resource_type(self, resource_type: str) -> None:
        self._resource_type = resource_type
        self._refilter()

    def set_domain(self, domain: str) -> None:
        self._domain = domain.strip().lower()
        self._refilter()

    def set_errors_only(self, on: bool) -> None:
        self._errors_only = on
        self._refilter()

    def set_min_time_ms(self, ms: float) -> None:
        self._min_time_ms = max(0.0, ms)
        self._refilter()

    def reset_document_filters(self) -> None:
        """Drop the filters that name things of the previous document (page, type, domain) in one pass."""
        self._page, self._page_set, self._resource_type, self._domain = None, False, "", ""
        self._refilter()

    def set_page(self, page_id: str | None, *, all_pages: bool = False) -> None:
        """Only entries of ``page_id`` (None = entries without a page); ``all_pages`` lifts the filter."""
        self._page = page_id
        self._page_set = not all_pages
        self._refilter()

    @property
    def text(self) -> str:
        return self._text

    # ------------------------------------------------------------------ filtering
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None and column >= 0:
            source.sort(column, order)

    def _refilter(self) -> None:
        self.beginFilterChange()
        self._recompute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _recompute_quietly(self) -> None:
        self._recompute()

    def _recompute(self) -> None:
        """Accepted rows for the current filters. Typing narrows the text filter one keystroke at a time,
        so when only the text grew, just the rows that matched the previous text are checked again."""
        model = self.sourceModel()
        if not isinstance(model, HarEntriesTableModel):
            self._accepted = []
            return
        entries = model.entries
        key = (model.revision, self._status_classes, self._resource_type, self._domain, self._errors_only,
               self._min_time_ms, self._page, self._page_set)
        if key != self._base_key:
            self._base_key = key
            self._base_rows = self._rows_passing_non_text(entries)
            self._text_rows = ("", self._base_rows, frozenset())
        text = self._text
        body = self._body_matches if self._body_text == text else frozenset()
        if not text:
            rows = self._base_rows
        else:
            last_text, last_rows, last_body = self._text_rows
            narrowing = last_text in text and not last_body and not body
            candidates = last_rows if narrowing else self._base_rows
            blobs = model.row_blobs()
            if body:
                rows = [r for r in candidates if text in blobs[r] or entries[r].index in body]
            else:
                rows = [r for r in candidates if text in blobs[r]]
        self._text_rows = (text, rows, body)
        accepted = [False] * len(entries)
        for r in rows:
            accepted[r] = True
        self._accepted = accepted

    def _rows_passing_non_text(self, entries: Sequence[HarEntry]) -> list[int]:
        classes, rtype, domain = self._status_classes, self._resource_type, self._domain
        errors_only, min_ms, page, page_set = self._errors_only, self._min_time_ms, self._page, self._page_set
        if not (classes or rtype or domain or errors_only or min_ms > 0 or page_set):
            return list(range(len(entries)))
        rows = []
        for row, e in enumerate(entries):
            if (page_set and e.pageref != page) or e.time_ms < min_ms or (errors_only and not e.failed) \
                    or (classes and e.status_class not in classes) or (rtype and e.resource_type != rtype) \
                    or (domain and domain not in e.host):
                continue
            rows.append(row)
        return rows

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return source_row < len(self._accepted) and self._accepted[source_row]

    def entry_at(self, index: QModelIndex) -> HarEntry | None:
        if not index.isValid():
            return None
        value = index.data(ENTRY_ROLE)
        return value if isinstance(value, HarEntry) else None
