"""HAR inspector page: open a HAR (drop, File > Open, diagnostic bundle), see what failed and why, redact
it before passing it on, compare two sessions."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.context import AppContext
from console.services.har import Findings, HarDocument, NotAHarFile, load_har
from console.services.har.search import analyse_for_view, body_matches
from console.views.area_page import AreaPage
from console.views.har_compare import HarCompareDialog
from console.views.har_detail import HarDetailPane
from console.views.har_empty_state import HarEmptyState
from console.views.har_entries_model import HarEntriesProxyModel, HarEntriesTableModel
from console.views.har_entries_table import HarEntriesTable
from console.views.har_filter_bar import HarFilterBar
from console.views.har_findings import HarFindingsPanel
from console.views.har_other_file_box import AREAS as OTHER_AREAS
from console.views.har_other_file_box import HarOtherFileBox
from console.views.har_pages_list import ALL_PAGES, NO_PAGE, HarPagesList
from console.views.har_quirks import HarQuirksDialog
from console.views.har_sanitize_dialog import HarSanitizeDialog
from console.views.har_waterfall import WaterfallLegend
from console.views.main_window import window_state
from console.views.messages import show_exception
from console.views.progress_panel import ProgressPanel
from console.workers import Worker, run_worker


def counted(n: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many`` with ``{n}`` filled in (thousands separated)."""
    return one if n == 1 else many.format(n=f"{n:,}")


class HarPage(AreaPage):
    """The HAR inspector.

    Signals:
        document_loaded(object): a :class:`HarDocument` is shown (the table has its rows).
        analysis_ready(object): findings for the shown document are in the findings panel.
        body_search_done(str): background body search for this filter text has been applied.
    """

    area_key = "har"
    document_loaded = Signal(object)
    analysis_ready = Signal(object)
    body_search_done = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.doc: HarDocument | None = None
        self.findings: Findings | None = None
        self._load_worker: Worker | None = None
        self._loading_path = Path()
        self.other_area_box: HarOtherFileBox | None = None
        self._body_worker: Worker | None = None
        self.model = HarEntriesTableModel(self)
        self.proxy = HarEntriesProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._restore()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open HAR…"))
        self.open_button.setToolTip(self.tr("Open a .har file (Ctrl+O); you can also drop it on the window"))
        self.sanitize_button = QPushButton(self.tr("Redact && export…"))
        self.compare_button = QPushButton(self.tr("Compare with…"))
        self.copy_button = QPushButton(self.tr("Copy URL"))
        for w in (self.open_button, self.sanitize_button, self.compare_button, self.copy_button):
            bar.addWidget(w)
        layout.addLayout(bar)
        self.progress = ProgressPanel()
        layout.addWidget(self.progress)

        self.stack = QStackedWidget()
        self.stack.addWidget(HarEmptyState())
        self.stack.addWidget(self._inspector())
        layout.addWidget(self.stack, 1)
        bar.addWidget(self.filter_edit, 1)

        self.open_button.clicked.connect(self.choose_file)
        self.sanitize_button.clicked.connect(self.open_sanitize)
        self.compare_button.clicked.connect(self.choose_compare)
        self.copy_button.clicked.connect(self.copy_url)
        self.quirks_button.clicked.connect(self.show_quirks)
        QShortcut(QKeySequence.StandardKey.Find, self, lambda: self.filter_edit.setFocus())
        QShortcut(QKeySequence("Ctrl+E"), self, self.open_sanitize)
        QShortcut(QKeySequence("Ctrl+Shift+C"), self, self.copy_url)
        self._set_loaded(False)

    def _inspector(self) -> QWidget:
        root = QWidget()
        v = QVBoxLayout(root)
        v.setContentsMargins(0, 0, 0, 0)
        info = QHBoxLayout()  # its own row: a long file name and creator must not push anything off
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)
        self.quirks_button = QPushButton()
        self.quirks_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.quirks_button.setStyleSheet("QPushButton { border: none; padding: 0 4px; color: palette(link); "
                                         "text-decoration: underline; }")
        self.quirks_button.setToolTip(self.tr("What the loader repaired in this file, and what it means"))
        self.quirks_button.hide()
        # the side list of pages and the bottom pane can be hidden: on a 1024x700 screen the table needs the room
        self.pages_button = QToolButton()
        self.pages_button.setText(self.tr("Pages"))
        self.pages_button.setCheckable(True)
        self.pages_button.setToolTip(self.tr("Show or hide the list of pages (Ctrl+Shift+P)"))
        self.details_button = QToolButton()
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setToolTip(self.tr("Show or hide the request details and findings below the table "
                                               "(Ctrl+Shift+D; Enter or a double-click on a request shows them)"))
        info.addWidget(self.file_label, 1)
        info.addWidget(self.quirks_button)
        info.addWidget(self.pages_button)
        info.addWidget(self.details_button)
        v.addLayout(info)
        self.filters = HarFilterBar()
        self.filters.connect_proxy(self.proxy)
        # the page's own names for the filter widgets (shortcuts, tests, the benchmark use them)
        self.filter_edit, self.status_buttons = self.filters.filter_edit, self.filters.status_buttons
        self.type_combo, self.domain_combo = self.filters.type_combo, self.filters.domain_combo
        self.errors_check, self.slow_spin = self.filters.errors_check, self.filters.slow_spin
        v.addWidget(self.filters)

        self.pages_list = HarPagesList()
        self.table = HarEntriesTable(self.proxy)
        self.empty_filter_label = QLabel(self.tr("No request matches these filters."))
        self.empty_filter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_filter_label.hide()
        table_box = QWidget()
        tv = QVBoxLayout(table_box)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.table, 1)
        tv.addWidget(self.empty_filter_label)
        self.waterfall_legend = WaterfallLegend()
        tv.addWidget(self.waterfall_legend)

        self.top_split = QSplitter(Qt.Orientation.Horizontal)
        self.top_split.addWidget(self.pages_list)
        self.top_split.addWidget(table_box)
        self.top_split.setChildrenCollapsible(False)
        self.top_split.setStretchFactor(0, 0)
        self.top_split.setStretchFactor(1, 1)
        self.detail = HarDetailPane()
        self.detail_hint = QLabel(self.tr("Select a request to see its headers, bodies and timings."))
        self.detail_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_hint.setWordWrap(True)
        self.detail_hint.setEnabled(False)  # drawn in the muted colour of a placeholder
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.detail_hint)
        self.detail_stack.addWidget(self.detail)
        self.findings_panel = HarFindingsPanel()
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.addTab(self.detail_stack, self.tr("Request"))
        self.bottom_tabs.addTab(self.findings_panel, self.tr("Findings"))
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.top_split)
        self.split.addWidget(self.bottom_tabs)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        v.addWidget(self.split, 1)
        self.pages_button.toggled.connect(self._pages_toggled)
        self.details_button.toggled.connect(self._details_toggled)
        self.table.activated.connect(lambda _index: self.details_button.setChecked(True))
        QShortcut(QKeySequence("Ctrl+Shift+P"), root, self.pages_button.toggle)
        QShortcut(QKeySequence("Ctrl+Shift+D"), root, self.details_button.toggle)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(250)
        self._text_timer.timeout.connect(self._start_body_search)
        self.filter_edit.textChanged.connect(self._text_changed)
        self.pages_list.page_chosen.connect(self._page_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.findings_panel.entry_activated.connect(self.select_entry)
        for sig in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset, self.proxy.layoutChanged):
            sig.connect(self._update_empty_filter)
        return root

    # ------------------------------------------------------------------ settings
    def _restore(self) -> None:
        s = window_state()
        for key, split in (("har/split", self.split), ("har/top_split", self.top_split)):
            state = s.value(key)
            if state is not None:
                split.restoreState(state)
        self.slow_spin.setValue(int(str(s.value("har/slower_than", 0) or 0)))
        self.details_button.setChecked(str(s.value("har/show_details", "true")).lower() != "false")
        self._details_toggled(self.details_button.isChecked())
        pages = s.value("har/show_pages")  # unset: shown when the window is wide enough (see resizeEvent)
        self._pages_auto = pages is None
        self._auto_toggle = True
        try:
            self.pages_button.setChecked(True if pages is None else str(pages).lower() != "false")
        finally:
            self._auto_toggle = False

    def _save(self) -> None:
        s = window_state()
        # sizes only while both sides are shown: a hidden pane's zero size must not come back as a squeezed one
        if self.bottom_tabs.isVisibleTo(self.split):
            s.setValue("har/split", self.split.saveState())
        if self.pages_list.isVisibleTo(self.top_split):
            s.setValue("har/top_split", self.top_split.saveState())
        s.setValue("har/slower_than", self.slow_spin.value())
        s.setValue("har/show_details", self.details_button.isChecked())
        if not self._pages_auto:
            s.setValue("har/show_pages", self.pages_button.isChecked())

    #: Below this page width the pages list starts hidden (every table column then fits), unless the user
    #: chose otherwise with the Pages button.
    NARROW_WIDTH = 1000

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._pages_auto:
            wide = event.size().width() >= self.NARROW_WIDTH
            if wide != self.pages_button.isChecked():
                self._auto_toggle = True
                try:
                    self.pages_button.setChecked(wide)
                finally:
                    self._auto_toggle = False

    _auto_toggle = False

    def _pages_toggled(self, checked: bool) -> None:
        if not self._auto_toggle:
            self._pages_auto = False
        self._apply_pages()

    def _apply_pages(self) -> None:
        useful = self.pages_list.useful
        self.pages_button.setEnabled(useful)
        self.pages_list.setVisible(useful and self.pages_button.isChecked())
        if useful and not self.pages_button.isChecked() and self.pages_list.current_key() != ALL_PAGES:
            self.pages_list.setCurrentRow(0)  # a hidden list must not keep filtering the table
        if useful and self.pages_button.isChecked():
            self._fit_pages_width()

    def _details_toggled(self, checked: bool) -> None:
        self.bottom_tabs.setVisible(checked)

    def _last_dir(self) -> str:
        return str(window_state().value("har/last_dir", str(Path.home())))

    def hideEvent(self, event: Any) -> None:
        self._save()
        super().hideEvent(event)

    # ------------------------------------------------------------------ opening
    def open_paths(self, paths: list[Path]) -> None:
        hars = [Path(p) for p in paths if str(p).lower().endswith((".har", ".har.gz", ".json"))] or \
            [Path(p) for p in paths]
        if not hars:
            return
        if len(hars) > 1:
            self.status_message.emit(self.tr("Opening {name}; open the others one at a time or compare them.")
                                     .format(name=hars[0].name))
        self.open_file(hars[0])

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open HAR file"), self._last_dir(),
                                              self.tr("HAR files (*.har *.har.gz *.json);;All files (*)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> Worker:
        if self._load_worker is not None:
            self._load_worker.cancel()
        window_state().setValue("har/last_dir", str(Path(path).parent))
        self._loading_path = Path(path)
        worker = run_worker(load_har, Path(path), on_result=self._loaded, on_error=self._load_failed)
        self._load_worker = worker
        self.progress.track(worker, self.tr("Opening {name}…").format(name=Path(path).name))
        return worker

    def _load_failed(self, exc: BaseException) -> None:
        self.status_message.emit(exc.message if isinstance(exc, NotAHarFile) else
                                 self.tr("Could not open the HAR file."))
        if isinstance(exc, NotAHarFile) and exc.area in OTHER_AREAS:
            self._offer_other_area(exc, self._loading_path)
        else:
            show_exception(self, exc)

    def _offer_other_area(self, exc: NotAHarFile, path: Path) -> HarOtherFileBox:
        """Say what the file is, with a button that opens it where it belongs (a bundle in Diagnostics)."""
        box = HarOtherFileBox(exc, path, self)
        box.open_requested.connect(self.open_in_area.emit)
        self.other_area_box = box
        box.open()
        return box

    def _loaded(self, doc: HarDocument) -> None:
        if self._load_worker is not None and self._load_worker.is_cancelled:
            return
        self._load_worker = None
        self.doc = doc
        self.findings = None
        self.findings_panel.set_findings(None)
        self.model.set_document(doc)
        self.proxy.reset_document_filters()
        self._fill_pages(doc)
        self.filters.fill_choices(doc)
        self._set_loaded(True)
        self._show_detail(None)
        name = doc.path.name if doc.path else ""
        failed = sum(1 for e in doc.entries if e.failed)
        requests = counted(len(doc.entries), self.tr("1 request"), self.tr("{n} requests"))
        pages = counted(len(doc.pages), self.tr("1 page"), self.tr("{n} pages"))
        self.file_label.setText(self.tr("<b>{name}</b>: {requests}, {pages}, {f} failed, from {c}").format(
            name=html.escape(name), requests=requests, pages=pages, f=f"{failed:,}", c=html.escape(doc.creator or "?")))
        self.file_label.setToolTip(str(doc.path or ""))
        repaired = sum(n for _, n in doc.quirks)
        self.quirks_button.setText(counted(repaired, self.tr("1 quirk repaired…"), self.tr("{n} quirks repaired…")))
        self.quirks_button.setVisible(bool(doc.quirks))
        self.status_message.emit(self.tr("Opened {name} ({requests})").format(name=name, requests=requests))
        self.document_loaded.emit(doc)
        run_worker(analyse_for_view, doc, on_result=lambda res: self._analysed(doc, res),
                   on_error=lambda exc: show_exception(self, exc))

    def _analysed(self, doc: HarDocument, result: tuple[Findings, dict[int, str]]) -> None:
        if doc is not self.doc:
            return
        findings, blobs = result
        self.findings = findings
        self.model.add_blobs(blobs)
        self.findings_panel.set_findings(findings)
        bad = len(findings.of_kind("failed")) + len(findings.of_kind("blocked"))
        self.bottom_tabs.setTabText(1, self.tr("Findings ({n} failed)").format(n=bad) if bad
                                    else self.tr("Findings"))
        self.analysis_ready.emit(findings)

    def _set_loaded(self, loaded: bool) -> None:
        self.stack.setCurrentIndex(1 if loaded else 0)
        for w in (self.sanitize_button, self.compare_button, self.copy_button):
            w.setEnabled(loaded)
        self.filter_edit.setVisible(loaded)

    def _fill_pages(self, doc: HarDocument) -> None:
        self.pages_list.fill(doc)
        self._apply_pages()

    def _fit_pages_width(self) -> None:
        sizes = self.top_split.sizes()
        if self.pages_list.isVisibleTo(self) and sizes[0] < self.pages_list.PREFERRED_WIDTH and sum(sizes) > 0:
            # a width saved while the list was hidden (or squeezed) would cut the page names off
            width = min(self.pages_list.PREFERRED_WIDTH, max(sum(sizes) // 4, self.pages_list.MIN_WIDTH))
            self.top_split.setSizes([width, sum(sizes) - width])

    def show_quirks(self) -> HarQuirksDialog | None:
        if self.doc is None or not self.doc.quirks:
            return None
        dialog = HarQuirksDialog(self.doc.path.name if self.doc.path else "", self.doc.quirks, self)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ filters
    def _text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        if self._body_worker is not None:
            self._body_worker.cancel()
            self._body_worker = None
        if text.strip() and self.doc is not None:
            self._text_timer.start()
        else:
            self._text_timer.stop()

    def _start_body_search(self) -> None:
        if self.doc is None or not self.filter_edit.text().strip():
            return
        self._body_worker = run_worker(body_matches, self.doc, self.filter_edit.text().strip(),
                                       on_result=self._body_found)

    def _body_found(self, result: tuple[str, frozenset[int]]) -> None:
        text, hits = result
        if text.lower() == self.filter_edit.text().strip().lower():
            self.proxy.set_body_matches(text, hits)
            self.body_search_done.emit(text)

    def _page_changed(self, key: str) -> None:
        if key == ALL_PAGES:
            self.proxy.set_page(None, all_pages=True)
        else:
            self.proxy.set_page(None if key == NO_PAGE else key)

    def _update_empty_filter(self, *args: Any) -> None:
        self.empty_filter_label.setVisible(self.doc is not None and self.proxy.rowCount() == 0
                                           and self.model.rowCount() > 0)

    # ------------------------------------------------------------------ selection and actions
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail(self.proxy.entry_at(current))

    def _show_detail(self, entry: Any) -> None:
        self.detail.show_entry(entry)
        self.detail_stack.setCurrentWidget(self.detail if entry is not None else self.detail_hint)

    def select_entry(self, file_index: int) -> None:
        """Show the request at file position ``file_index`` (clearing filters that hide it)."""
        row = self.model.row_of(file_index)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.clear_filters()
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(proxy_index)
        self.table.scrollTo(proxy_index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.details_button.setChecked(True)
        self.bottom_tabs.setCurrentIndex(0)

    def clear_filters(self) -> None:
        self.filters.clear()
        self.pages_list.setCurrentRow(0)

    def current_entry(self) -> Any:
        return self.proxy.entry_at(self.table.currentIndex())

    def copy_url(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            QGuiApplication.clipboard().setText(entry.url)
            self.status_message.emit(self.tr("URL copied"))

    def open_sanitize(self) -> HarSanitizeDialog | None:
        if self.doc is None or self.doc.path is None:
            return None
        dialog = HarSanitizeDialog(self.doc.path, self)
        dialog.exported.connect(lambda p: self.status_message.emit(self.tr("Redacted copy saved: {p}").format(p=p)))
        dialog.open()
        return dialog

    def choose_compare(self) -> None:
        if self.doc is None or self.doc.path is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Compare with…"), self._last_dir(),
                                              self.tr("HAR files (*.har *.har.gz *.json);;All files (*)"))
        if name:
            self.compare_with(Path(name))

    def compare_with(self, other: Path) -> HarCompareDialog | None:
        if self.doc is None or self.doc.path is None:
            return None
        dialog = HarCompareDialog(self.doc.path, other, self)
        dialog.open()
        return dialog

