"""Compare view: two HARs side by side (status, timing and size changes; entries only on one side)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from console.services.har import HarDiff, diff_har_files
from console.views.messages import show_exception
from console.views.progress_panel import ProgressPanel
from console.workers import run_worker


class HarCompareDialog(QDialog):
    """Runs :func:`diff_har_files` in a worker and shows the result in one table."""

    def __init__(self, a: Path, b: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare {a} with {b}").format(a=Path(a).name, b=Path(b).name))
        self.resize(1000, 560)
        self.diff: HarDiff | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Comparing…"))
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("Change"), self.tr("Method"), self.tr("URL"), self.tr("Status A → B"),
            self.tr("Time A → B"), self.tr("Size A → B"), self.tr("Δ time")])
        self.table.horizontalHeader().setSectionResizeMode(2, self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.progress = ProgressPanel()
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        self.worker = run_worker(diff_har_files, Path(a), Path(b), on_result=self._show,
                                 on_error=lambda exc: show_exception(self, exc))
        self.progress.track(self.worker, self.tr("Loading both files…"))

    def _show(self, diff: HarDiff) -> None:
        self.diff = diff
        rows: list[tuple[str, str, str, str, str, str, str, QColor | None]] = []
        for d in diff.changed:
            what = self.tr("status") if d.status_changed else self.tr("timing/size")
            rows.append((what, d.method, d.url, f"{d.a_status} → {d.b_status}",
                         f"{d.a_time_ms:,.0f} → {d.b_time_ms:,.0f} ms", f"{d.a_size:,} → {d.b_size:,}",
                         f"{d.time_delta_ms:+,.0f} ms", QColor("#c62828") if d.status_changed else None))
        for e in diff.only_a:
            rows.append((self.tr("only in A"), e.method, e.url, f"{e.status} → —", f"{e.time_ms:,.0f} ms",
                         f"{e.size:,}", "", QColor("#6d4c41")))
        for e in diff.only_b:
            rows.append((self.tr("only in B"), e.method, e.url, f"— → {e.status}", f"{e.time_ms:,.0f} ms",
                         f"{e.size:,}", "", QColor("#1565c0")))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row[:7]):
                item = QTableWidgetItem(value)
                if row[7] is not None:
                    item.setForeground(QBrush(row[7]))
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.summary.setText(self.tr("{m} requests matched, {c} changed ({s} in status); {a} only in A, "
                                     "{b} only in B.").format(m=len(diff.matched), c=len(diff.changed),
                                                              s=len(diff.status_changes), a=len(diff.only_a),
                                                              b=len(diff.only_b)))
