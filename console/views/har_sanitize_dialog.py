"""Redact-and-export dialog: shows every value that will be replaced (location and rule, never the value)
before writing the redacted copy."""

from __future__ import annotations

import secrets
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.errors import UserFacingError
from console.services.har import SanitizeReport, preview_sanitize, sanitize_har_file
from console.views.messages import show_exception
from console.views.progress_panel import ProgressPanel
from console.workers import run_worker


class HarSanitizeDialog(QDialog):
    """Preview, then export. The same per-dialog key is used for both, so the preview matches the file.

    Signals:
        exported(str): path of the redacted copy written.
    """

    exported = Signal(str)

    def __init__(self, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redact and export HAR"))
        self.resize(820, 520)
        self.source = Path(source)
        self._key = secrets.token_bytes(32)
        self.report: SanitizeReport | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Looking for cookies, tokens and credentials…"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Entry"), self.tr("Location"), self.tr("Rule")])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.progress = ProgressPanel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(self.tr("Export redacted copy…"))
        self.export_button.setEnabled(False)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.choose_and_export)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.worker = run_worker(preview_sanitize, self.source, key=self._key, on_result=self._previewed,
                                 on_error=self._failed)
        self.progress.track(self.worker, self.tr("Checking what to redact…"))

    def _previewed(self, report: SanitizeReport) -> None:
        self.report = report
        rows = report.replacements
        self.table.setRowCount(len(rows))
        for r, rep in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem("—" if rep.entry is None else str(rep.entry)))
            self.table.setItem(r, 1, QTableWidgetItem(rep.location))
            self.table.setItem(r, 2, QTableWidgetItem(rep.rule))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        counts = ", ".join(f"{rule}: {n}" for rule, n in report.counts.items())
        if rows:
            self.summary.setText(self.tr("{n} values in {e} entries will be replaced by placeholders ({c}). "
                                         "Each secret always gets the same placeholder, so requests can still "
                                         "be followed.").format(n=len(rows), e=report.entries, c=counts))
        else:
            self.summary.setText(self.tr("No cookies, tokens or credentials were found; the copy will match "
                                         "the original."))
        self.export_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(exc.one_line() if isinstance(exc, UserFacingError) else self.tr("Preview failed."))
        show_exception(self, exc)

    def choose_and_export(self) -> None:
        default = str(self.source.with_name(self.source.stem + ".redacted.har"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save redacted HAR"), default,
                                              self.tr("HAR files (*.har)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, target: Path) -> None:
        self.export_button.setEnabled(False)
        self.worker = run_worker(sanitize_har_file, self.source, target, key=self._key,
                                 on_result=lambda report: self._exported(report, target), on_error=self._failed)
        self.progress.track(self.worker, self.tr("Writing the redacted copy…"))

    def _exported(self, report: SanitizeReport, target: Path) -> None:
        self.summary.setText(self.tr("Saved {path} with {n} values redacted.").format(
            path=target, n=len(report.replacements)))
        self.export_button.setEnabled(True)
        self.exported.emit(str(target))
