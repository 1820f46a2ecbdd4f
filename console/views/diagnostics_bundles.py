"""Bundle list, the files and findings of the selected bundle, and the actions on them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.services import bundles
from console.views.diagnostics_banner import DiagnosticsDatabaseBanner, with_database
from console.views.diagnostics_models import (
    BundleFileTableModel,
    BundleTableModel,
    FindingGroupTableModel,
    RecordRole,
    RecordSortProxyModel,
)
from console.views.messages import show_exception
from console.workers import run_worker

_Fit = QHeaderView.ResizeMode.ResizeToContents


def _table(proxy: RecordSortProxyModel, fit: tuple[int, ...] = ()) -> QTableView:
    """A sortable one-row-per-record view; columns in ``fit`` take their content's width, the last stretches."""
    view = QTableView()
    view.setModel(proxy)
    # Start in the order the service gives (the CLI's order); a header click sorts.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    for col in fit:
        header.setSectionResizeMode(col, _Fit)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class DiagnosticsBundlesPanel(QWidget):
    """Lists bundles; shows a bundle's files and findings; opens, exports, expands and deletes.

    Signals:
        open_file(object): a :class:`~console.services.bundles.FileInfo` to show (log viewer or HAR inspector).
        open_timeline(int, int): bundle id and 1-based line (0 = none) of the merged timeline.
        open_finding(object): a :class:`~console.services.bundles.Finding` to show at its line.
        status_message(str): a short text for the status bar.
    """

    open_file = Signal(object)
    open_timeline = Signal(int, int)
    open_finding = Signal(object)
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bundle_model = BundleTableModel(self)
        self.bundle_proxy = RecordSortProxyModel(self)
        self.bundle_proxy.setSourceModel(self.bundle_model)
        self.file_model = BundleFileTableModel(self)
        self.file_proxy = RecordSortProxyModel(self)
        self.file_proxy.setSourceModel(self.file_model)
        self.finding_model = FindingGroupTableModel(self)
        self.finding_proxy = RecordSortProxyModel(self)
        self.finding_proxy.setSourceModel(self.finding_model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by ticket, user, platform…"))
        self.filter_edit.textChanged.connect(self.bundle_proxy.set_text_filter)
        self.banner = DiagnosticsDatabaseBanner(self.tr("the bundle store"))
        self.bundle_view = _table(self.bundle_proxy, fit=(0, 1, 2, 3, 4, 5))
        self.bundle_view.selectionModel().currentRowChanged.connect(lambda *_: self._bundle_selected())
        self.empty_label = QLabel(self.tr("No bundles yet: take one in on the Intake tab, or drop an archive here."))
        self.empty_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_view = _table(self.file_proxy, fit=(0, 1, 2, 3, 4, 5))
        self.file_view.doubleClicked.connect(lambda *_: self.open_selected_file())
        self.file_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.finding_view = _table(self.finding_proxy, fit=(0, 1, 2, 3))
        # The explanation gets the free width and wraps onto as many lines as it needs.
        self.finding_view.setWordWrap(True)
        # One row per code (a few dozen at most), so rows can follow their wrapped text as the width changes.
        self.finding_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.finding_view.doubleClicked.connect(
            lambda index: self.open_finding.emit(index.data(RecordRole).first))
        self.finding_view.setToolTip(self.tr("Double-click a code to open its first occurrence"))

        self.buttons: dict[str, QPushButton] = {}
        actions = (("timeline", self.tr("Timeline"), self.show_timeline),
                   ("open", self.tr("Open file"), self.open_selected_file),
                   ("expand", self.tr("Expand archive"), self.expand_selected),
                   ("export", self.tr("Export…"), lambda: self.export(False)),
                   ("sanitized", self.tr("Export sanitized…"), lambda: self.export(True)),
                   ("copy", self.tr("Copy details"), self.copy_details),
                   ("delete", self.tr("Delete"), self.delete_selected))
        # Two rows of buttons, so the details side needs little width and the bundle list keeps its own.
        bar = QGridLayout()
        for i, (key, label, slot) in enumerate(actions):
            button = QPushButton(label)
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button, i // 4, i % 4)
        bar.setColumnStretch(4, 1)

        left = QWidget()
        left.setMinimumWidth(260)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.banner)
        lv.addWidget(self.filter_edit)
        lv.addWidget(self.empty_label)
        lv.addWidget(self.bundle_view, 1)
        tabs = QTabWidget()
        tabs.addTab(self.file_view, self.tr("Files"))
        tabs.addTab(self.finding_view, self.tr("Findings"))
        self.detail_tabs = tabs
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.detail_label)
        rv.addLayout(bar)
        rv.addWidget(tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        # Enough for ID, date, ticket, user and platform side by side; the user can drag it.
        splitter.setSizes([470, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)
        # The Delete key only: on X11 the standard "Delete" sequence also means Ctrl+D.
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.bundle_view, self.delete_selected)
        self._update_buttons()

    # ------------------------------------------------------------------ loading
    @property
    def store_dir(self) -> Path:
        return Path(self.ctx.settings.bundle_store_dir)

    def set_database_ready(self, ready: bool | None) -> None:
        self.banner.set_database_ready(ready)
        self.filter_edit.setEnabled(ready is not False)
        if ready is False:
            self.empty_label.hide()
        if ready:
            self.refresh()
        self._update_buttons()

    def refresh(self, select: int | None = None) -> None:
        run_worker(with_database(self.ctx, bundles.list_bundles), on_result=lambda rows: self._listed(rows, select),
                   on_error=lambda e: show_exception(self, e))

    def _listed(self, rows: list[bundles.BundleSummary], select: int | None) -> None:
        chosen = self.selected_bundle()
        current = select if select is not None else (chosen.id if chosen is not None else None)
        self.bundle_model.set_records(rows)
        self.empty_label.setVisible(not rows)
        for r in range(self.bundle_proxy.rowCount()):
            if self.bundle_proxy.index(r, 0).data(RecordRole).id == current:
                self.bundle_view.selectRow(r)
                break
        self._bundle_selected()

    def selected_bundle(self) -> bundles.BundleSummary | None:
        index = self.bundle_view.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def selected_file(self) -> bundles.FileInfo | None:
        index = self.file_view.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def _bundle_selected(self) -> None:
        b = self.selected_bundle()
        self._update_buttons()
        if b is None:
            self.file_model.set_records([])
            self.finding_model.set_records([])
            self.detail_label.setText(self.tr("Select a bundle to see its files."))
            return
        self.detail_label.setText(self._detail_text(b))
        self.detail_tabs.setTabText(1, self.tr("Findings"))
        if b.username or b.account:
            run_worker(with_database(self.ctx, bundles.check_client), b.username, b.account,
                       on_result=lambda c: self._client_checked(b.id, c), on_error=lambda _e: None)
        run_worker(with_database(self.ctx, bundles.get_bundle), b.id, on_result=self._detail,
                   on_error=lambda e: show_exception(self, e))
        run_worker(with_database(self.ctx, bundles.bundle_finding_groups), self.store_dir, b.id,
                   on_result=lambda groups: self._findings(b.id, groups), on_error=lambda e: show_exception(self, e))

    def _detail_text(self, b: bundles.BundleSummary) -> str:
        return self.tr("Bundle {id} · ticket {t} · user {u} · account {a}\nReason: {r}").format(
            id=b.id, t=b.ticket or "–", u=b.username or "–", a=b.account or "–", r=b.reason or "–")

    def _client_checked(self, bundle_id: int, check: bundles.ClientCheck) -> None:
        current = self.selected_bundle()
        if current is not None and current.id == bundle_id and check.warnings:
            # Set, not appended: a bundle may be selected (and checked) twice in a row.
            self.detail_label.setText(self._detail_text(current) + "\n⚠ " + "; ".join(check.warnings).capitalize())

    def _detail(self, detail: bundles.BundleDetail) -> None:
        current = self.selected_bundle()
        if current is None or current.id != detail.bundle.id:
            return
        self.file_model.set_records(detail.files)
        self._update_buttons()

    def _findings(self, bundle_id: int, groups: list[bundles.FindingGroup]) -> None:
        current = self.selected_bundle()
        if current is None or current.id != bundle_id:
            return
        self.finding_model.set_records(groups)
        lines = sum(g.count for g in groups)
        codes = self.tr("1 code") if len(groups) == 1 else self.tr("{n} codes").format(n=len(groups))
        where = self.tr("1 line") if lines == 1 else self.tr("{n:,} lines").format(n=lines)
        self.detail_tabs.setTabText(1, self.tr("Findings ({codes}, {lines})").format(codes=codes, lines=where)
                                    if groups else self.tr("Findings (none)"))

    def _update_buttons(self) -> None:
        has_bundle = self.selected_bundle() is not None
        for key in ("timeline", "export", "sanitized", "copy", "delete"):
            self.buttons[key].setEnabled(has_bundle)
        f = self.selected_file() if has_bundle else None
        self.buttons["open"].setEnabled(f is not None)
        self.buttons["expand"].setEnabled(f is not None and f.nested_archive)
        self.buttons["expand"].setToolTip(
            self.tr("Take in the files inside {p}").format(p=f.path) if f is not None and f.nested_archive
            else self.tr("Select a nested archive (its note says “not expanded yet”) to take in its files"))

    # ------------------------------------------------------------------ actions
    def show_timeline(self) -> None:
        b = self.selected_bundle()
        if b is not None:
            self.open_timeline.emit(b.id, 0)

    def open_selected_file(self) -> None:
        f = self.selected_file()
        if f is None:
            self.status_message.emit(self.tr("Select a file of the bundle first."))
            return
        self.open_file.emit(f)

    def expand_selected(self) -> None:
        f = self.selected_file()
        if f is None or not f.nested_archive:
            self.status_message.emit(self.tr("Select an archive inside the bundle to expand it."))
            return
        run_worker(with_database(self.ctx, bundles.expand_nested), self.store_dir, f.id, write=True,
                   on_result=lambda r: self.refresh(select=r.id), on_error=lambda e: show_exception(self, e))

    def export(self, sanitized: bool) -> None:
        b = self.selected_bundle()
        if b is None:
            return
        suffix = "-sanitized" if sanitized else ""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export bundle"), f"bundle-{b.id}{suffix}.zip",
                                              self.tr("Zip archives (*.zip)"))
        if name:
            self.run_export(b.id, Path(name), sanitized)

    def run_export(self, bundle_id: int, out: Path, sanitized: bool) -> None:
        run_worker(with_database(self.ctx, bundles.export_bundle), self.store_dir, bundle_id, out,
                   sanitized=sanitized, on_result=self._exported, on_error=lambda e: show_exception(self, e))

    def _exported(self, report: bundles.ExportReport) -> None:
        parts = [(self.tr("Exported 1 file to {p}") if report.files == 1 else self.tr("Exported {n} files to {p}"))
                 .format(n=report.files, p=report.path)]
        if report.sanitized:
            parts.append(", ".join(f"{k}: {v}" for k, v in report.counts.items()) or self.tr("nothing to redact"))
        self.status_message.emit("; ".join(parts))

    def copy_details(self) -> None:
        b = self.selected_bundle()
        if b is None:
            return
        lines = [f"Bundle {b.id} ticket={b.ticket or ''} user={b.username or ''} account={b.account or ''} "
                 f"platform={b.platform or ''}", f"Reason: {b.reason or ''}"]
        lines += [f"{f.kind}\t{f.size}\t{f.path}" for f in self.file_model.records]
        QGuiApplication.clipboard().setText("\n".join(lines))
        self.status_message.emit(self.tr("Bundle details copied."))

    def delete_selected(self) -> None:
        b = self.selected_bundle()
        if b is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete bundle"), self.tr(
            "Delete bundle {id} and its files from the store? This cannot be undone.").format(id=b.id))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_bundle(b.id)

    def delete_bundle(self, bundle_id: int) -> None:
        run_worker(with_database(self.ctx, bundles.delete_bundle), self.store_dir, bundle_id, write=True,
                   on_result=lambda _n: self.refresh(), on_error=lambda e: show_exception(self, e))
