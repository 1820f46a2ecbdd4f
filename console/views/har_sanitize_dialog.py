"""Redact-and-export dialog: shows every value that will be replaced (location and rule, never the value)
before writing the redacted copy."""

from __future__ import annotations

import secrets
from pathlib import Path

from PySide6.QtCore import Qt, Signal
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
from console.services.har import SanitizeReport, preview_sanitize, sanitize_har_file, write_report
from console.views.messages import show_error, show_exception
from console.views.progress_panel import ProgressPanel
from console.workers import run_worker


class HarSanitizeDialog(QDialog):
    """Preview, then export. The same per-dialog key is used for both, so the preview matches the file.

    Signals:
        exported(str): path of the redacted copy written.
        report_saved(str): path of the redaction report written (JSON: entry, location, rule; no values).
    """

    exported = Signal(str)
    report_saved = Signal(str)

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
        self.saved_label = QLabel()
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label.hide()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Request"), self.tr("Location"), self.tr("Rule")])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.progress = ProgressPanel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(self.tr("Export redacted copy…"))
        self.export_button.setEnabled(False)
        self.report_button = QPushButton(self.tr("Save report…"))
        self.report_button.setToolTip(self.tr("Save the list above as JSON (request number, location and rule of each "
                                              "replacement; never the values), e.g. for the ticket"))
        self.report_button.setEnabled(False)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.choose_and_export)
        self.report_button.clicked.connect(self.choose_and_save_report)
        layout.addWidget(self.summary)
        layout.addWidget(self.saved_label)
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
            self.summary.setText(self.redaction_sentence(len(rows), len({r.entry for r in rows if r.entry is not None}),
                                                         report.entries, counts))
        else:
            self.summary.setText(self.tr("No cookies, tokens or credentials were found; the copy will match "
                                         "the original."))
        self.export_button.setEnabled(True)
        self.report_button.setEnabled(True)

    def redaction_sentence(self, values: int, touched: int, total: int, counts: str) -> str:
        """"Redaction will replace 23 values with placeholders, in 4 of the file's 12 requests (…)."."""
        what = self.tr("1 value") if values == 1 else self.tr("{n} values").format(n=f"{values:,}")
        if touched == 0:
            where = self.tr("outside the requests (page titles)")
        elif total == 1:
            where = self.tr("in the file's only request")
        elif touched == total:
            where = self.tr("in all {n} requests of the file").format(n=f"{total:,}")
        else:
            where = self.tr("in {k} of the file's {n} requests").format(k=f"{touched:,}", n=f"{total:,}")
        return self.tr("Redaction will replace {what} with placeholders, {where} ({counts}). A secret always gets "
                       "the same placeholder, so you can still follow it from request to request.").format(
            what=what, where=where, counts=counts)

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
        self.report = report  # the saved report then names the redacted copy as its output
        n = len(report.replacements)
        self.summary.setText((self.tr("Saved {path} with 1 value redacted.") if n == 1 else
                              self.tr("Saved {path} with {n} values redacted.")).format(path=target, n=f"{n:,}"))
        self.export_button.setEnabled(True)
        self.exported.emit(str(target))

    def choose_and_save_report(self) -> None:
        default = str(self.source.with_name(self.source.stem + ".redaction-report.json"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save redaction report"), default,
                                              self.tr("JSON files (*.json)"))
        if name:
            self.save_report(Path(name))

    def save_report(self, target: Path) -> bool:
        """Write the report (preview, or of the last export) to ``target``; say where, or why not."""
        if self.report is None:
            return False
        try:
            write_report(self.report, target)
        except UserFacingError as exc:
            show_error(self, exc)
            return False
        self.saved_label.setText(self.tr("Report saved: {path}").format(path=target))
        self.saved_label.show()
        self.report_saved.emit(str(target))
        return True
