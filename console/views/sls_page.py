"""Clients & SLS devices: search-as-you-type, a detail pane, sharing check, records, walkthroughs."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut
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
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.config import config_dir
from console.context import AppContext
from console.services import sls
from console.services.sls.demo import load_demo
from console.services.sls.rules import DEVICE_LABELS, REGION_LABELS, format_usd
from console.views.area_page import AreaPage
from console.views.messages import show_exception
from console.views.progress_panel import ProgressPanel
from console.views.sls_users_model import SlsUsersProxyModel, SlsUsersTableModel
from console.views.sls_walkthrough_panel import SlsWalkthroughPanel
from console.workers import run_worker

SEARCH_DELAY_MS = 150
_BADGE_COLOURS = {5: "#1b5e20", 4: "#2e7d32", 3: "#558b2f", 2: "#9e9d24", 1: "#f9a825", 0: "#607d8b"}


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
        self._query = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)

        self.stack = QStackedWidget()
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label = QLabel(self.tr("Checking the client database…"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMaximumWidth(560)
        empty_layout.addWidget(self.empty_label)
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
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
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
        self.detail_view = QTextBrowser()
        self.detail_view.setOpenLinks(False)
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

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        layout.addWidget(self.split, 1)
        self._show_detail(None)
        return main

    def _region_changed(self) -> None:
        self.proxy.set_region(self.region.currentData())

    def _restore(self) -> None:
        s = _settings()
        for name, splitter in (("sls/split", self.split), ("sls/right_split", self.right_split)):
            state = s.value(name)
            if state is not None:
                splitter.restoreState(state)
        situation = s.value("sls/situation")
        if isinstance(situation, str):
            self.walkthrough.set_situation(situation)
        self.walkthrough.situation_changed.connect(lambda key: _settings().setValue("sls/situation", key))
        self.split.splitterMoved.connect(self._save_splitters)
        self.right_split.splitterMoved.connect(self._save_splitters)

    def _save_splitters(self) -> None:
        s = _settings()
        s.setValue("sls/split", self.split.saveState())
        s.setValue("sls/right_split", self.right_split.saveState())

    # ------------------------------------------------------------------ database state
    def set_database_ready(self, ready: bool) -> None:
        super().set_database_ready(ready)
        if not ready:
            self.empty_label.setText(self.tr(
                "<h3>The client database is not available</h3>Client lookup needs the database. Check "
                "Preferences (or SUPPORT_CONSOLE_DB_URL) and the log pane for the reason, then restart. The HAR "
                "inspector, GPG and sFTP areas work without it."))
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        run_worker(sls.has_data, self.ctx.database, on_result=self._data_checked, on_error=lambda _e: None)

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
            self.results_shown.emit(0)
            return
        run_worker(sls.lookup_users, self.ctx.database, query, limit,
                   on_result=lambda users: self._results(generation, users, limit, replace=True),
                   on_error=self._error)

    def _fetch_more(self, wanted: int) -> None:
        generation = self._generation
        run_worker(sls.lookup_users, self.ctx.database, self._query, wanted,
                   on_result=lambda users: self._results(generation, users, wanted, replace=False),
                   on_error=self._error)

    def _results(self, generation: int, users: list[sls.UserSummary], asked: int, *, replace: bool) -> None:
        if generation != self._generation:
            return  # a newer query superseded this one
        if replace:
            self.model.set_users(users, asked=asked)
        else:
            self.model.extend_users(users, asked=asked)
        count = self.model.rowCount()
        if count == 0:
            self.results_label.setText(self.tr("No client matches “{q}”.").format(q=self._query.strip()))
        else:
            self.results_label.setText(self.tr("{n} client(s) found.").format(n=count))
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
        run_worker(sls.user_detail, self.ctx.database, username, on_result=self._show_detail, on_error=self._error)

    def _show_detail(self, detail: sls.UserDetail | None) -> None:
        self.detail = detail
        for b in (self.share_button, self.record_button, self.copy_button):
            b.setEnabled(detail is not None)
        self.walkthrough.set_detail(detail)
        if detail is None:
            self.detail_view.setHtml("<p><i>" + html.escape(self.tr("Select a client to see their devices, "
                                                                    "limits, deadlines and warnings.")) + "</i></p>")
            return
        self.detail_view.setHtml(self._detail_html(detail))
        self.detail_shown.emit(detail.user.username)

    def _detail_html(self, detail: sls.UserDetail) -> str:
        u = detail.user
        e = html.escape
        parts = [f"<h2>{e(u.username)}</h2><p>{e(u.entity_name)} · {self.tr('account')} {e(u.account)} · "
                 f"{e(REGION_LABELS.get(u.region, u.region))}"
                 + (f" · {e(self.tr('primary user'))}" if u.primary else "") + "</p>"]
        if detail.warnings:
            parts.append("<div style='background:#fff3cd;padding:4px'>"
                         + "".join(f"<p>⚠ {e(w)}</p>" for w in detail.warnings) + "</div>")
        limit_name = DEVICE_LABELS.get(u.limits.device_type or "", self.tr("no device"))
        parts.append(f"<p><b>{e(self.tr('Withdrawal limits'))}</b>: {e(format_usd(u.limits.daily_usd))} "
                     f"{e(self.tr('a day'))}, {e(format_usd(u.limits.five_day_usd))} "
                     f"{e(self.tr('over 5 business days'))} ({e(limit_name)})</p>")
        rows = []
        for d in u.devices:
            colour = _BADGE_COLOURS.get(d.level, "#607d8b")
            badge = (f"<span style='background:{colour};color:white'>&nbsp;L{d.level}&nbsp;</span>"
                     if d.level else "")
            extra = []
            if d.shared:
                extra.append(self.tr("shared from {holder}").format(holder=d.holder))
            if d.shared_with:
                extra.append(self.tr("shared with {users}").format(users=", ".join(d.shared_with)))
            if d.expires:
                extra.append(self.tr("works through {day}").format(day=d.expires))
            rows.append(f"<tr><td>{badge}</td><td>{e(DEVICE_LABELS.get(d.type, d.type))}</td><td>{e(d.serial)}</td>"
                        f"<td>{e(d.status)}</td><td>{e('; '.join(extra))}</td></tr>")
        parts.append(f"<h3>{e(self.tr('Devices'))}</h3>")
        parts.append("<table cellspacing='4'>" + "".join(rows) + "</table>" if rows else
                     f"<p><i>{e(self.tr('No devices.'))}</i></p>")
        if detail.deadlines:
            parts.append(f"<h3>{e(self.tr('Deadlines'))}</h3><ul>")
            for dl in detail.deadlines:
                left = (self.tr("{n} day(s) left").format(n=dl.days_left) if dl.days_left >= 0
                        else self.tr("{n} day(s) ago").format(n=-dl.days_left))
                parts.append(f"<li>{e(dl.text)} — <b>{e(left)}</b></li>")
            parts.append("</ul>")
        return "".join(parts)

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
        self.share_dialog = SlsShareDialog(self.ctx.database, requester, "", self)
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
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(".json") for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)
