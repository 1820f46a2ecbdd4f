"""Full-text search across all bundles; a double-click opens the viewer at the line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
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
from console.views.diagnostics_models import RecordRole, RecordSortProxyModel, SearchHitTableModel
from console.workers import run_worker


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
        self.limit_box.setRange(1, 10_000)
        self.limit_box.setValue(200)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.search)
        self.summary = QLabel(self.tr("Type words and press Enter."))
        self.model = SearchHitTableModel(self)
        self.proxy = RecordSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda index: self.open_hit.emit(index.data(RecordRole)))
        row = QHBoxLayout()
        row.addWidget(self.query_edit, 1)
        row.addWidget(QLabel(self.tr("Bundle")))
        row.addWidget(self.bundle_box)
        row.addWidget(QLabel(self.tr("Limit")))
        row.addWidget(self.limit_box)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def search(self) -> None:
        query = self.query_edit.text().strip()
        if not query:
            return
        self.summary.setText(self.tr("Searching…"))
        run_worker(bundles.search, self.ctx.ready_database(), Path(self.ctx.settings.bundle_store_dir), query,
                   bundle=self.bundle_box.value() or None, limit=self.limit_box.value(), on_result=self._done,
                   on_error=self._failed)

    def _done(self, hits: list[bundles.SearchHit]) -> None:
        self.model.set_records(hits)
        self.summary.setText(self.tr("{n} matching lines (double-click one to open it)").format(n=len(hits))
                             if hits else self.tr("No matches."))

    def _failed(self, exc: BaseException) -> None:
        from console.views.messages import show_exception

        self.summary.setText(self.tr("Search failed."))
        show_exception(self, exc)
