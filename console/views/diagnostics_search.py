"""Full-text search across all bundles; a double-click opens the viewer at the line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.services import bundles
from console.views import messages
from console.views.diagnostics_banner import DiagnosticsDatabaseBanner, with_database
from console.views.diagnostics_models import RecordRole, RecordSortProxyModel, SearchHitTableModel
from console.workers import Worker, run_worker

MAX_LIMIT = 10_000


class DiagnosticsSearchPanel(QWidget):
    """A query box, a bundle filter and the hits.

    Signals:
        open_hit(object): a :class:`~console.services.bundles.SearchHit` to show in the viewer.
    """

    open_hit = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(self.tr("Words to find in every bundle's logs"))
        self.query_edit.returnPressed.connect(self.search)
        self.bundle_box = QSpinBox()
        self.bundle_box.setRange(0, 2**31 - 1)
        self.bundle_box.setSpecialValueText(self.tr("all bundles"))
        self.limit_box = QSpinBox()
        self.limit_box.setRange(1, MAX_LIMIT)
        self.limit_box.setValue(200)
        self.limit_box.setToolTip(self.tr("At most this many matching lines are listed"))
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.search)
        self.banner = DiagnosticsDatabaseBanner(self.tr("searching the bundles"))
        self.database_ready: bool | None = None
        self.summary = QLabel(self.tr("Type words and press Enter."))
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.setToolTip(self.tr("Search again with a higher limit"))
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        self.model = SearchHitTableModel(self)
        self.proxy = RecordSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.doubleClicked.connect(lambda index: self.open_hit.emit(index.data(RecordRole)))
        row = QHBoxLayout()
        row.addWidget(self.query_edit, 1)
        row.addWidget(QLabel(self.tr("Bundle")))
        row.addWidget(self.bundle_box)
        row.addWidget(QLabel(self.tr("Limit")))
        row.addWidget(self.limit_box)
        row.addWidget(self.search_button)
        status = QHBoxLayout()
        status.addWidget(self.summary, 1)
        status.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(row)
        layout.addLayout(status)
        layout.addWidget(self.table, 1)

    def set_database_ready(self, ready: bool | None) -> None:
        self.database_ready = ready
        self.banner.set_database_ready(ready)
        for w in (self.query_edit, self.bundle_box, self.limit_box, self.search_button):
            w.setEnabled(ready is not False)
        if ready is False:
            self.more_button.hide()

    def search(self) -> Worker | None:
        query = self.query_edit.text().strip()
        if not query or self.database_ready is False:
            return None
        limit = self.limit_box.value()
        self.summary.setText(self.tr("Searching…"))
        self.more_button.hide()
        # One more than the limit tells whether the list was cut short.
        return run_worker(with_database(self.ctx, bundles.search), Path(self.ctx.settings.bundle_store_dir), query,
                          bundle=self.bundle_box.value() or None, limit=limit + 1,
                          on_result=lambda hits: self._done(hits, limit), on_error=self._failed)

    def show_more(self) -> Worker | None:
        self.limit_box.setValue(min(self.limit_box.value() * 5, MAX_LIMIT))
        return self.search()

    def _done(self, hits: list[bundles.SearchHit], limit: int) -> None:
        more = len(hits) > limit
        self.model.set_records(hits[:limit])
        if not hits:
            self.summary.setText(self.tr("No matches."))
        elif more:
            self.summary.setText(self.tr("Showing the first {n:,} matches; there are more. "
                                         "Double-click a line to open it.").format(n=limit))
        elif len(hits) == 1:
            self.summary.setText(self.tr("1 matching line (double-click it to open it)."))
        else:
            self.summary.setText(self.tr("{n:,} matching lines (double-click one to open it).").format(n=len(hits)))
        self.more_button.setVisible(more and limit < MAX_LIMIT)
        if more and limit >= MAX_LIMIT:
            self.summary.setText(self.summary.text() + " " + self.tr("Add words or pick a bundle to narrow it."))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("Search failed."))
        messages.show_exception(self, exc)
