"""Clients & SLS devices: search-as-you-type, a detail pane, sharing check, records, walkthroughs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.config import config_dir
from console.context import AppContext
from console.services import sls
from console.services.sls.demo import load_demo
from console.services.sls.rules import REGION_LABELS
from console.views.area_page import AreaPage
from console.views.drops import dropped_paths
from console.views.messages import show_exception
from console.views.progress_panel import ProgressPanel
from console.views.sls_detail_view import SlsDetailView
from console.views.sls_users_model import SlsUsersProxyModel, SlsUsersTableModel
from console.views.sls_walkthrough_panel import SlsWalkthroughPanel
from console.workers import run_worker

SEARCH_DELAY_MS = 150
#: Results columns (Username, Account, Name, Region, Devices, Daily limit) that shrink, elided, when room is
#: short, in the order they give way (columns in one group shrink together).
SHRINK_ORDER = ((2, 4), (3,), (0,))
ELASTIC_COLUMNS = tuple(c for group in SHRINK_ORDER for c in group)
#: The column that takes any spare room.
STRETCH_COLUMN = 2
#: Least useful widths (pixels) of the elastic columns, and how wide the long ones get before the name stretches.
COLUMN_FLOORS = {0: 80, 2: 70, 4: 90}
COLUMN_CAPS = {2: 240, 4: 230}
TYPICAL_USERNAME = "hannah_brown12"
#: The detail pane and walkthrough never get narrower than this.
RIGHT_MIN_WIDTH = 300


def _settings() -> QSettings:
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


class SlsPage(AreaPage):
    """The agent's main screen.

    Signals:
        results_shown(int): a search finished and its rows are in the table (the count).
        detail_shown(str): the detail pane now shows this username.
    """

    area_key = "sls"
    needs_database = True
    results_shown = Signal(int)
    detail_shown = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAcceptDrops(True)
        self.detail: sls.UserDetail | None = None
        self._generation = 0
        self._detail_generation = 0
        self._query = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)

        self.stack = QStackedWidget()
        self.empty = QWidget()
        # Centred with stretches, not a layout alignment: an aligned label is given its one-line size hint and
        # a wrapped text loses its last lines.
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel(self.tr("Checking the client database…"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMaximumWidth(560)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(self.empty_label, 100)
        centre.addStretch(1)
        empty_layout.addLayout(centre)
        fix = QHBoxLayout()
        fix.addStretch(1)
        self.preferences_button = QPushButton(self.tr("Open &Preferences…"))
        self.preferences_button.clicked.connect(self._open_preferences)
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.clicked.connect(self._retry_database)
        fix.addWidget(self.preferences_button)
        fix.addWidget(self.retry_button)
        fix.addStretch(1)
        empty_layout.addLayout(fix)
        empty_layout.addStretch(1)
        self.preferences_button.hide()
        self.retry_button.hide()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_main())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._restore()

    # ------------------------------------------------------------------ layout
    def _build_main(self) -> QWidget:
        main = QWidget()
        layout = QVBoxLayout(main)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by username, account (U1234567), name or device serial"
                                               " (Ctrl+F)"))
        self.search.textChanged.connect(self._schedule_search)
        self.search.returnPressed.connect(self.search_now)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self._focus_search)
        self.region = QComboBox()
        self.region.addItem(self.tr("All regions"), "")
        for key, label in REGION_LABELS.items():
            self.region.addItem(label, key)
        self.region.currentIndexChanged.connect(self._region_changed)
        self.import_button = QPushButton(self.tr("&Import snapshot…"))
        self.import_button.setToolTip(self.tr("Load a back-office JSON snapshot (or drop the file here)"))
        self.import_button.clicked.connect(self.choose_import)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.region)
        bar.addWidget(self.import_button)
        layout.addLayout(bar)
        self.progress = ProgressPanel()
        layout.addWidget(self.progress)

        self.model = SlsUsersTableModel(self)
        self.model.fetch_more_requested.connect(self._fetch_more)
        self.proxy = SlsUsersProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # Best matches first (the search's own order) until the agent clicks a column header.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # Widths are fitted to the room there is (fit_columns): every header stays readable, long cells are
        # elided (their tooltip has the full text), and spare room goes to the name.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        header.sectionResized.connect(self._section_resized)
        self._fitting = False
        self._user_sized = False
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.viewport().installEventFilter(self)
        for sig in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted):
            sig.connect(lambda *_a: self.fit_columns())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.results_label = QLabel(self.tr("Type to search."))
        self.results_label.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Load &demo data"))
        self.demo_button.clicked.connect(self.load_demo)
        self.demo_button.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.results_label)
        left_layout.addWidget(self.demo_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_view = SlsDetailView()
        buttons = QHBoxLayout()
        self.share_button = QPushButton(self.tr("&Sharing check…"))
        self.share_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.share_button.clicked.connect(self.open_share_dialog)
        self.record_button = QPushButton(self.tr("&Record…"))
        self.record_button.setToolTip(self.tr("Record a replacement request, a shipment or a return"))
        self.record_button.clicked.connect(lambda: self.open_record_dialog())
        self.copy_button = QPushButton(self.tr("Copy &details"))
        self.copy_button.clicked.connect(self.copy_details)
        for b in (self.share_button, self.record_button, self.copy_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.walkthrough = SlsWalkthroughPanel()
        self.walkthrough.copied.connect(lambda _t: self.status_message.emit(self.tr("Steps copied.")))
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.detail_view, 1)
        top_layout.addLayout(buttons)
        self.right_split.addWidget(top)
        self.right_split.addWidget(self.walkthrough)
        right_layout.addWidget(self.right_split)

        right.setMinimumWidth(RIGHT_MIN_WIDTH)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        layout.addWidget(self.split, 1)
        self._show_detail(None)
        return main

    def _region_changed(self) -> None:
        # The region is part of the SQL query (a filter over the rows already loaded would miss matches).
        self.search_now()

    def region_key(self) -> str | None:
        return self.region.currentData() or None

    def _restore(self) -> None:
        s = _settings()
        self._split_restored = False
        self._auto_split = False
        for name, splitter in (("sls/split", self.split), ("sls/right_split", self.right_split)):
            state = s.value(name)
            if state is not None:
                splitter.restoreState(state)
                self._split_restored = self._split_restored or splitter is self.split
        situation = s.value("sls/situation")
        if isinstance(situation, str):
            self.walkthrough.set_situation(situation)
        self.walkthrough.situation_changed.connect(lambda key: _settings().setValue("sls/situation", key))
        self.split.splitterMoved.connect(self._save_splitters)
        self.right_split.splitterMoved.connect(self._save_splitters)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_restored:
            # First time: give the results table enough room for all its columns (later the agent's
            # own splitter position is remembered).
            # Sized on each resize of the splitter (its width is only known once laid out) until the agent
            # moves a splitter handle; from then on their own split is kept and remembered.
            self._auto_split = True
            self.split.installEventFilter(self)
            QTimer.singleShot(0, self, self._first_split)

    def _first_split(self) -> None:
        """Until the agent moves it: the results table gets room for every column, the detail pane the rest."""
        total = self.split.width() - self.split.handleWidth()
        if total <= 0 or not self._auto_split:
            return
        left = max(total * 11 // 20, self.table_min_width())
        left = min(left, max(total - RIGHT_MIN_WIDTH, total // 2))
        self.split.setSizes([left, total - left])
        height = self.right_split.height() - self.right_split.handleWidth()
        if height > 0:  # the client's details a little taller than the walkthrough
            self.right_split.setSizes([height * 11 // 20, height - height * 11 // 20])

    # ------------------------------------------------------------------ results columns
    def _column_limits(self) -> tuple[list[int], list[int]]:
        """(minimum, natural) width of every results column.

        The minimum keeps the header readable (and the whole account id); the natural width fits the
        content, capped for the long columns (name, devices)."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        pad = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
        minimum, natural = [], []
        for col in range(self.proxy.columnCount()):
            title = str(self.proxy.headerData(col, Qt.Orientation.Horizontal) or "")
            head = metrics.horizontalAdvance(title) + pad
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == col:
                head += 14
            content = max(self.table.sizeHintForColumn(col), 0)
            low = max(head, COLUMN_FLOORS.get(col, 0))
            if col not in ELASTIC_COLUMNS:
                low = max(low, content)  # account id, region, daily limit: short, always whole
            minimum.append(low)
            natural.append(max(low, min(content, COLUMN_CAPS.get(col, content))))
        return minimum, natural

    def table_min_width(self) -> int:
        """Room the results table needs to show every column at its minimum width, the usernames whole."""
        minimum, natural = self._column_limits()
        # Before any results are in, room for a typical username.
        username = max(natural[0], self.table.fontMetrics().horizontalAdvance(TYPICAL_USERNAME) + 12)
        frame = 2 * self.table.frameWidth()
        return sum(minimum) + username - minimum[0] + frame + self.table.verticalScrollBar().sizeHint().width()

    def fit_columns(self) -> None:
        """Share the table's width out: natural widths if they fit (spare room to the name), else the long
        columns shrink toward their minimums, elided; only below the minimums does the table scroll."""
        if self._user_sized or self.proxy.columnCount() == 0:
            return
        minimum, natural = self._column_limits()
        available = self.table.viewport().width()
        widths = list(natural)
        excess = sum(natural) - available
        if excess <= 0:
            widths[STRETCH_COLUMN] += -excess
        else:
            # The long columns give way first, then the region; the username last (it is what agents read).
            for group in SHRINK_ORDER:
                slack = {c: widths[c] - minimum[c] for c in group}
                total = sum(slack.values())
                if total <= 0:
                    continue
                take = min(excess, total)
                for c, room in slack.items():
                    widths[c] -= room * take // total
                excess = sum(widths) - available
                # Integer shares can leave a pixel or two: take them from the first column with room.
                for c in group:
                    if excess <= 0:
                        break
                    extra = min(excess, widths[c] - minimum[c])
                    widths[c] -= extra
                    excess -= extra
                if excess <= 0:
                    break
        header = self.table.horizontalHeader()
        self._fitting = True
        try:
            for col, width in enumerate(widths):
                header.resizeSection(col, width)
        finally:
            self._fitting = False

    def _section_resized(self, _col: int, _old: int, _new: int) -> None:
        if not self._fitting and QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._user_sized = True  # the agent dragged a column: leave their widths alone from now on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.table.viewport():
                self.fit_columns()
            elif watched is self.split:
                self._first_split()
        return super().eventFilter(watched, event)

    def _save_splitters(self) -> None:
        self._auto_split = False
        s = _settings()
        s.setValue("sls/split", self.split.saveState())
        s.setValue("sls/right_split", self.right_split.saveState())

    # ------------------------------------------------------------------ database state
    def set_database_ready(self, ready: bool) -> None:
        super().set_database_ready(ready)
        self.preferences_button.setVisible(not ready)
        self.retry_button.setVisible(not ready)
        if not ready:
            self.empty_label.setText(self.unavailable_text())
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        run_worker(sls.has_data, self.ctx.database, on_result=self._data_checked, on_error=lambda _e: None)

    def unavailable_text(self) -> str:
        """What to do when the database cannot be used: where its URL is set decides the advice."""
        text = self.tr("<h3>The client database is not available</h3><p>Client lookup needs the database. To see "
                       "why, point at “Database: unavailable” in the status bar or open the log pane (Ctrl+L).</p>")
        if self.ctx.settings.source("db_url") == "env":
            text += self.tr("<p>Its address comes from the SUPPORT_CONSOLE_DB_URL environment variable: correct "
                            "or unset it and start the console again (Preferences cannot change it while it is "
                            "set). If the server was only down, <b>Try again</b> once it is back.</p>")
        else:
            text += self.tr("<p>Correct the database URL in File ▸ Preferences: the new address is used as soon as "
                            "you save, no restart needed (leave it empty for the built-in SQLite database). If the "
                            "server was only down, <b>Try again</b> once it is back.</p>")
        return text + self.tr("<p>The HAR inspector, GPG and sFTP areas work without it.</p>")

    def _open_preferences(self) -> None:
        show = getattr(self.window(), "show_preferences", None)
        if callable(show):
            show()

    def _retry_database(self) -> None:
        check = getattr(self.window(), "check_database", None)
        if callable(check):
            self.empty_label.setText(self.tr("Checking the client database…"))
            check()

    def _data_checked(self, has: bool) -> None:
        if not has:
            self.results_label.setText(self.tr("No clients yet: import a snapshot (Import snapshot… or drop a "
                                               ".json file here) or load the demo data."))
            self.demo_button.show()
        else:
            self.demo_button.hide()

    # ------------------------------------------------------------------ search
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _schedule_search(self) -> None:
        self._timer.start()

    def search_now(self, limit: int = SlsUsersTableModel.PAGE) -> None:
        self._timer.stop()
        if not self.database_ready:
            return
        query = self.search.text()
        self._query = query
        self._generation += 1
        generation = self._generation
        if not query.strip():
            self.model.set_users([], asked=1)
            self.results_label.setText(self.tr("Type to search."))
            self._show_detail(None)
            self.results_shown.emit(0)
            return
        run_worker(sls.lookup_users, self.ctx.database, query, limit, self.region_key(),
                   on_result=lambda users: self._results(generation, users, limit, replace=True),
                   on_error=self._error)

    def _fetch_more(self, wanted: int) -> None:
        generation = self._generation
        run_worker(sls.lookup_users, self.ctx.database, self._query, wanted, self.region_key(),
                   on_result=lambda users: self._results(generation, users, wanted, replace=False),
                   on_error=self._error)

    def _count_text(self, count: int) -> str:
        region = self.region_key()
        where = self.tr(" in {region}").format(region=self.region.currentText()) if region else ""
        if count == 0:
            return self.tr("No client matches “{q}”{where}.").format(q=self._query.strip(), where=where)
        if self.model.has_more:
            return self.tr("First {n} clients{where} shown; scroll down for more.").format(n=count, where=where)
        if count == 1:
            return self.tr("1 client found{where}.").format(where=where)
        return self.tr("{n} clients found{where}.").format(n=count, where=where)

    def _results(self, generation: int, users: list[sls.UserSummary], asked: int, *, replace: bool) -> None:
        if generation != self._generation:
            return  # a newer query superseded this one
        if replace:
            shown = self.detail.user.username if self.detail is not None else None
            self.model.set_users(users, asked=asked)
            if shown is not None and shown not in {u.username for u in users}:
                self._show_detail(None)  # the client on show is no longer among the results
        else:
            self.model.extend_users(users, asked=asked)
        count = self.model.rowCount()
        self.results_label.setText(self._count_text(count))
        if replace and self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        self.results_shown.emit(count)

    def _error(self, exc: BaseException) -> None:
        show_exception(self, exc)

    # ------------------------------------------------------------------ detail
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        user = self.model.user(self.proxy.mapToSource(rows[0]).row())
        self.show_user(user.username)

    def show_user(self, username: str) -> None:
        self._detail_generation += 1
        generation = self._detail_generation
        run_worker(sls.user_detail, self.ctx.database, username, on_error=self._error,
                   on_result=lambda detail: self._detail_loaded(generation, detail))

    def _detail_loaded(self, generation: int, detail: sls.UserDetail) -> None:
        if generation == self._detail_generation:  # else the agent picked someone else meanwhile
            self._show_detail(detail)

    def _show_detail(self, detail: sls.UserDetail | None) -> None:
        if detail is None:
            self._detail_generation += 1  # a detail still loading must not reappear
        self.detail = detail
        for b in (self.share_button, self.record_button, self.copy_button):
            b.setEnabled(detail is not None)
        self.walkthrough.set_detail(detail)
        self.detail_view.show_detail(detail)
        if detail is None:
            return
        self.detail_shown.emit(detail.user.username)

    def copy_details(self) -> None:
        if self.detail is not None:
            QGuiApplication.clipboard().setText(self.detail_view.toPlainText())
            self.status_message.emit(self.tr("Client details copied."))

    def refresh_detail(self, _record: object = None) -> None:
        if self.detail is not None:
            self.show_user(self.detail.user.username)
        self.search_now()

    # ------------------------------------------------------------------ dialogs
    def open_share_dialog(self) -> None:
        from console.views.sls_share_dialog import SlsShareDialog

        requester = self.detail.user.username if self.detail else ""
        # Someone already using a shared device: its owner is the natural other party to check.
        owner = next((d.holder for d in self.detail.user.devices if d.shared), "") if self.detail else ""
        self.share_dialog = SlsShareDialog(self.ctx.database, requester, owner, self)
        self.share_dialog.open()

    def open_record_dialog(self, tab: str = "request") -> None:
        if self.detail is None:
            return
        from console.views.sls_record_dialog import SlsRecordDialog

        self.record_dialog = SlsRecordDialog(self.ctx.database, self.detail, tab, self)
        self.record_dialog.recorded.connect(self.refresh_detail)
        self.record_dialog.open()

    # ------------------------------------------------------------------ import and demo
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a client snapshot"), "",
                                              self.tr("JSON snapshots (*.json);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        if not self.database_ready or self.progress.busy:
            return
        worker = run_worker(sls.import_file, self.ctx.database, path, write=True, start=False,
                            on_result=self._imported, on_error=self._error,
                            on_cancelled=lambda: self.status_message.emit(self.tr("Import cancelled; nothing "
                                                                                  "was changed.")))
        self.progress.track(worker, self.tr("Importing {name}…").format(name=path.name))
        worker.start(write=True)

    def _imported(self, result: sls.ImportResult) -> None:
        self.status_message.emit(self.tr("Imported {users} users and {devices} devices.").format(
            users=result.users, devices=result.devices))
        self._data_checked(True)
        self.search_now()

    def load_demo(self) -> None:
        run_worker(load_demo, self.ctx.database, write=True, on_error=self._error, on_result=self._demo_loaded)

    def _demo_loaded(self, result: object) -> None:
        self.status_message.emit(str(getattr(result, "message", "")))
        self._data_checked(True)
        self.search_now()

    def open_paths(self, paths: list[Path]) -> None:
        snapshots = [p for p in paths if p.suffix.lower() == ".json"]
        if snapshots:
            self.import_file(snapshots[0])
        else:
            super().open_paths(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData(), (".json",)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)
