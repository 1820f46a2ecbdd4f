"""Remote file browser: list a folder, download / upload with progress, cancel and automatic resume."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.sftp import (
    ConnectionParams,
    Listing,
    RemoteEntry,
    TransferResult,
    download_file,
    download_newest,
    list_dir,
    upload_file,
)
from console.services.units import human_size as _human
from console.views.messages import show_exception
from console.views.progress_panel import ProgressPanel
from console.workers import Worker, run_worker

RAW_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
ENCRYPTED_SUFFIXES = (".gpg", ".pgp", ".asc")

Index = QModelIndex | QPersistentModelIndex


class SftpRemoteTableModel(QAbstractTableModel):
    """Entries of one remote folder: name, size, modified, permissions."""

    HEADERS = ("Name", "Size", "Modified", "Permissions")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[RemoteEntry] = []

    def set_entries(self, entries: list[RemoteEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return entry.name + ("/" if entry.is_dir else "")
            if col == 1:
                return "" if entry.is_dir else _human(entry.size)
            if col == 2:
                return datetime.fromtimestamp(entry.mtime).strftime("%Y-%m-%d %H:%M")
            if col == 3:
                return entry.permissions
        if role == RAW_ROLE:
            return ((0 if entry.is_dir else 1, entry.name.lower()), entry.size, entry.mtime, entry.permissions)[col]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SftpRemoteProxyModel(QSortFilterProxyModel):
    """Sorts on raw values (sizes as numbers, folders first) and filters by name."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(RAW_ROLE)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_name_filter(self, text: str) -> None:
        self.beginFilterChange()
        self.setFilterFixedString(text)
        self.endFilterChange()

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(RAW_ROLE), right.data(RAW_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class SftpBrowser(QWidget):
    """Browse and transfer; connection parameters come from ``params_provider``.

    Signals:
        downloaded(list): local paths of finished downloads.
        status(str): a short status text.
    """

    downloaded = Signal(list)
    status = Signal(str)

    def __init__(self, params_provider: Callable[[], ConnectionParams | None], known_hosts: Path,
                 download_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.params_provider = params_provider
        #: Deals with connection failures first (wrong passphrase, host keys); see SftpConnectionPanel.resolve.
        self.error_handler: Callable[[ConnectionParams, BaseException], bool | None] | None = None
        self.known_hosts = known_hosts
        self.download_dir = download_dir
        self.worker: Worker | None = None
        self._again: Callable[[], None] | None = None
        self.path = "."
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(".")
        self.path_edit.returnPressed.connect(lambda: self.refresh(self.path_edit.text()))
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(self.go_up)
        self.refresh_button = QPushButton(self.tr("&List"))
        self.refresh_button.clicked.connect(lambda: self.refresh(self.path_edit.text()))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter names"))
        self.filter_edit.setClearButtonEnabled(True)
        row.addWidget(QLabel(self.tr("Remote folder")))
        row.addWidget(self.path_edit, 2)
        row.addWidget(self.up_button)
        row.addWidget(self.refresh_button)
        row.addWidget(self.filter_edit, 1)
        layout.addLayout(row)
        self.model = SftpRemoteTableModel(self)
        self.proxy = SftpRemoteProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit.textChanged.connect(self.proxy.set_name_filter)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(SftpRemoteTableModel.HEADERS)):
            # Size, date and permissions on one line each: sized to their contents, never wrapped.
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.doubleClicked.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Not connected. Fill in the connection on the Connection tab, then List."))
        layout.addWidget(self.empty)
        actions = QHBoxLayout()
        self.download_button = QPushButton(self.tr("&Download…"))
        self.download_button.clicked.connect(self.download_selected)
        self.upload_button = QPushButton(self.tr("&Upload…"))
        self.upload_button.clicked.connect(self.upload_dialog)
        self.newest_count = QSpinBox()
        self.newest_count.setRange(1, 100)
        self.newest_count.setValue(5)
        self.newest_button = QPushButton(self.tr("Download newest"))
        self.newest_button.clicked.connect(self.download_newest)
        self.decrypt = QCheckBox(self.tr("Open downloaded .gpg files for decryption"))
        for w in (self.download_button, self.upload_button, QLabel(self.tr("Newest")), self.newest_count,
                  self.newest_button):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.decrypt)
        layout.addLayout(actions)
        self.progress = ProgressPanel()
        layout.addWidget(self.progress)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, lambda: self.refresh(self.path_edit.text()))

    # ------------------------------------------------------------------ running work
    def _start(self, fn: Callable[..., Any], *args: Any, text: str, on_result: Callable[[Any], None],
               **kwargs: Any) -> bool:
        if self.worker is not None:
            self.status.emit(self.tr("A transfer is already running."))
            return False
        params = self.params_provider()
        if params is None:
            return False

        def again() -> None:
            self._start(fn, *args, text=text, on_result=on_result, **kwargs)

        self.worker = run_worker(fn, params, *args, known_hosts=self.known_hosts, on_result=on_result,
                                 on_error=lambda exc: self._failed(params, exc, again), on_finished=self._finished,
                                 on_cancelled=lambda: self.status.emit(self.tr("Cancelled; run it again to resume.")),
                                 **kwargs)
        self.progress.track(self.worker, text)
        return True

    def _finished(self) -> None:
        self.worker = None
        again, self._again = self._again, None
        if again is not None:
            QTimer.singleShot(0, self, again)

    def _failed(self, params: ConnectionParams, exc: BaseException, again: Callable[[], None]) -> None:
        outcome = self.error_handler(params, exc) if self.error_handler is not None else None
        if outcome is True:
            if self.worker is None:  # finished already, during a dialog's event loop
                QTimer.singleShot(0, self, again)
            else:
                self._again = again  # once this worker has finished (its finished signal follows this one)
        elif outcome is None:
            show_exception(self, exc)

    # ------------------------------------------------------------------ listing
    def refresh(self, path: str | None = None) -> None:
        self._start(list_dir, path or self.path, text=self.tr("Listing…"), on_result=self._listed)

    def _listed(self, listing: Listing) -> None:
        self.path = listing.path
        self.path_edit.setText(listing.path)
        self.model.set_entries(list(listing.entries))
        self.empty.setText(self.tr("This folder is empty.") if not listing.entries else "")
        self.empty.setVisible(not listing.entries)
        self.status.emit(self.tr("{n} entries in {path}").format(n=len(listing.entries), path=listing.path))

    def go_up(self) -> None:
        parent = self.path.rstrip("/").rsplit("/", 1)[0] or "/"
        self.refresh(parent)

    def _activated(self, index: QModelIndex) -> None:
        entry: RemoteEntry = index.data(ENTRY_ROLE)
        if entry.is_dir:
            self.refresh(entry.path)
        else:
            self.download_selected()

    def selected_entries(self) -> list[RemoteEntry]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.proxy.index(r, 0).data(ENTRY_ROLE) for r in sorted(rows)]

    # ------------------------------------------------------------------ transfers
    def confirm_overwrite(self, name: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Replace file?"),
                                      self.tr("{name} already exists. Replace it?").format(name=name))
        return answer == QMessageBox.StandardButton.Yes

    def choose_download_dir(self) -> Path | None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Download to"), str(self.download_dir))
        return Path(path) if path else None

    def download_selected(self, target_dir: Path | None = None) -> None:
        files = [e for e in self.selected_entries() if not e.is_dir]
        if not files:
            self.status.emit(self.tr("Select a file to download."))
            return
        entry = files[0]
        folder = target_dir or self.choose_download_dir()
        if folder is None:
            return
        self.download_dir = folder
        target = folder / entry.name
        overwrite = target.exists() and self.confirm_overwrite(target.name)
        if target.exists() and not overwrite:
            return
        self._start(download_file, entry.path, target, resume=True, overwrite=overwrite,
                    text=self.tr("Downloading {name}…").format(name=entry.name), on_result=self._downloaded)

    def _downloaded(self, result: TransferResult | list[TransferResult]) -> None:
        results = result if isinstance(result, list) else [result]
        fresh = [Path(r.local) for r in results if not r.skipped]
        if len(fresh) == 1:
            text = self.tr("Downloaded {name} to {dir}").format(name=fresh[0].name, dir=self.download_dir)
        elif fresh:
            text = self.tr("Downloaded {n} files to {dir}").format(n=len(fresh), dir=self.download_dir)
        else:
            text = self.tr("Nothing new to download: every file is already in {dir}").format(dir=self.download_dir)
        self.status.emit(text)
        self.downloaded.emit(fresh)

    def download_newest(self, target_dir: Path | None = None) -> None:
        folder = target_dir or self.choose_download_dir()
        if folder is None:
            return
        self.download_dir = folder
        self._start(download_newest, self.path, folder, count=self.newest_count.value(),
                    text=self.tr("Downloading the newest files…"), on_result=self._downloaded)

    def upload_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Upload a file"))
        if path:
            self.upload(Path(path))

    def upload(self, local: Path) -> None:
        remote = f"{self.path.rstrip('/')}/{local.name}"
        names = {e.name for e in self.model.entries}
        overwrite = local.name in names and self.confirm_overwrite(local.name)
        if local.name in names and not overwrite:
            return
        self._start(upload_file, local, remote, resume=True, overwrite=overwrite,
                    text=self.tr("Uploading {name}…").format(name=local.name),
                    on_result=lambda _r: self.refresh(self.path))
