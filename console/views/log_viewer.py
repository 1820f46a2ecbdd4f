"""Log viewer: a virtualised table of one file or a bundle's timeline, with filter, error jumps,
jump to time and a per-minute histogram."""

from __future__ import annotations

import bisect
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QItemSelectionModel, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services import bundles
from console.services.errors import UserFacingError
from console.views.log_histogram import LogHistogram
from console.views.log_table_model import LogTableModel
from console.views.messages import show_error
from console.views.progress_panel import ProgressPanel
from console.workers import Worker, run_worker

ERROR_LEVELS = ("ERROR", "FATAL")
_SCAN_LIMIT = 500_000
FIRST_SCREEN_GRACE_MS = 150



def _qdatetime(when: datetime) -> QDateTime:
    """A local QDateTime for a naive or aware datetime (to the millisecond)."""
    return QDateTime(QDate(when.year, when.month, when.day),
                     QTime(when.hour, when.minute, when.second, when.microsecond // 1000))

class LogViewer(QWidget):
    """Shows one log file (any size) or a merged timeline.

    Signals:
        status_message(str): a short text for the status bar.
        event_activated(object): a timeline event (HAR request, screenshot) was double-clicked.
    """

    status_message = Signal(str)
    event_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LogTableModel(self)
        self._workers: list[Worker] = []
        self._path: Path | None = None
        self._index_timer = QTimer(self, singleShot=True, interval=FIRST_SCREEN_GRACE_MS)
        self._index_timer.timeout.connect(self._index_rest)

        self.title = QLabel(self.tr("Open a log file or a bundle timeline from the Bundles tab."))
        self.title.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter lines (Enter to apply, Esc to clear)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.regex_box = QCheckBox(self.tr("Regex"))
        self.exclude_box = QCheckBox(self.tr("Hide matches"))
        self.prev_button = QPushButton(self.tr("◀ Error"))
        self.prev_button.setToolTip(self.tr("Previous error (Shift+F8)"))
        self.prev_button.clicked.connect(lambda: self.jump_error(-1))
        self.next_button = QPushButton(self.tr("Error ▶"))
        self.next_button.setToolTip(self.tr("Next error (F8)"))
        self.next_button.clicked.connect(lambda: self.jump_error(1))
        self.time_edit = QDateTimeEdit()
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.time_edit.setCalendarPopup(True)
        self.time_edit.setToolTip(self.tr("Starts at the first timestamp of what is shown"))
        self.time_button = QPushButton(self.tr("Go to time"))
        self.time_button.clicked.connect(lambda: self.jump_to_time(self.time_edit.dateTime().toPython()))
        self.copy_button = QPushButton(self.tr("Copy lines"))
        self.copy_button.clicked.connect(self.copy_selection)

        # Filter and error jumps on one row, time and copy beside the title: the filter box keeps a
        # usable width even in a 1024-pixel window.
        self.filter_edit.setMinimumWidth(220)
        bar = QHBoxLayout()
        for w in (self.filter_edit, self.regex_box, self.exclude_box, self.prev_button, self.next_button):
            bar.addWidget(w, 3 if w is self.filter_edit else 0)

        self.histogram = LogHistogram()
        self.histogram.minute_clicked.connect(self.jump_to_time)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in ((0, 70), (1, 175), (2, 60), (3, 160)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        self.progress = ProgressPanel()
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.pane = QStackedWidget()
        self.pane.addWidget(self.table)
        self.pane.addWidget(self.empty_label)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.count_label)
        head.addWidget(self.time_edit)
        head.addWidget(self.time_button)
        head.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(bar)
        layout.addWidget(self.histogram)
        layout.addWidget(self.pane, 1)
        layout.addWidget(self.progress)

        QShortcut(QKeySequence(Qt.Key.Key_F8), self, lambda: self.jump_error(1))
        QShortcut(QKeySequence("Shift+F8"), self, lambda: self.jump_error(-1))
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter_edit.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_edit, self.clear_filter)
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_selection)

    # ------------------------------------------------------------------ opening
    def _stop_workers(self) -> None:
        self._index_timer.stop()
        for w in self._workers:
            w.cancel()
        self._workers.clear()

    def open_file(self, path: Path, source: str, line: int | None = None) -> None:
        """Show ``path``; the first screen comes from the first block, the rest is indexed in a worker."""
        self._stop_workers()
        self._path = Path(path)
        self.model.set_file(bundles.LineIndex(self._path), source)
        self.title.setText(self.tr("File: {name}").format(name=source))
        self.histogram.set_bins([])
        self._shown()
        self._set_start_time(next((ts for r in range(min(self.model.rowCount(), 200))
                                   if (ts := self.model.timestamp(r)) is not None), None))
        # Index the rest and chart it only after the first screen is painted: the workers share the GIL.
        self._index_timer.start()
        if line is not None:
            self.go_to_line(line)

    def _index_rest(self) -> None:
        if self._path is None or self.model.file_index is None or self.model.file_index.complete:
            if self.model.file_index is not None and self._path is not None:
                self._index_ready(None)
            return
        full = bundles.LineIndex(self._path)
        worker = run_worker(full.build, on_result=self._index_ready, on_error=self._error)
        self._workers.append(worker)
        self.progress.track(worker, self.tr("Indexing lines…"))

    def show_timeline(self, timeline: bundles.Timeline, title: str, line: int | None = None) -> None:
        self._stop_workers()
        self._path = None
        self.model.set_events(timeline.events)
        text = title + ("" if not timeline.notes else "  —  " + "  ".join(timeline.notes))
        self.title.setText(text)
        self.histogram.set_bins(bundles.minute_histogram(
            bundles.LogLine(e.line, e.timestamp, e.level, None, "") for e in timeline.events))
        self._shown()
        self._set_start_time(next((e.timestamp for e in timeline.events if e.timestamp is not None), None))
        if line is not None:
            self.go_to_line(line)

    def _index_ready(self, full: bundles.LineIndex | None) -> None:
        if full is not None:
            self.model.replace_index(full)
        if self._path is not None:
            self._workers.append(run_worker(bundles.file_histogram, self._path,
                                            on_result=self.histogram.set_bins, on_error=self._error))
        self._shown()

    def _set_start_time(self, when: datetime | None) -> None:
        """"Go to time" starts at the first timestamp shown, not at Qt's default of 2000-01-01."""
        for w in (self.time_edit, self.time_button):
            w.setEnabled(when is not None)
        if when is not None:
            self.time_edit.setDateTime(_qdatetime(when.replace(microsecond=0)))
            self.time_button.setToolTip(self.tr("Show the first line at or after this time"))
        else:
            self.time_button.setToolTip(self.tr("This file has no timestamps to go to"))

    def _shown(self) -> None:
        """Update the line count and swap in the empty-state message when a filter matches nothing."""
        total = self.model.underlying_count()
        if self.model.filtered:
            shown = self.model.rowCount()
            self.count_label.setText(self.tr("{n:,} of {total:,} lines match").format(n=shown, total=total))
        elif self.model.file_index is not None and not self.model.file_index.complete:
            self.count_label.setText(self.tr("{n:,}+ lines (counting…)").format(n=total))
        else:
            self.count_label.setText(self.tr("1 line") if total == 1 else self.tr("{n:,} lines").format(n=total))
        empty = self.model.filtered and self.model.rowCount() == 0
        if empty:
            text = _html(self.filter_edit.text())
            why = (self.tr("every line matches “{text}”, and Hide matches is on") if self.exclude_box.isChecked()
                   else self.tr("no line matches “{text}”")).format(text=text)
            self.empty_label.setText(self.tr("<p><b>Nothing to show:</b> {why}.</p>"
                                             "<p>Change the filter, or press Esc to see every line again.</p>")
                                     .format(why=why))
        self.pane.setCurrentWidget(self.empty_label if empty else self.table)

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, UserFacingError):
            show_error(self, exc)
        else:
            from console.views.messages import show_exception

            show_exception(self, exc)

    # ------------------------------------------------------------------ navigation
    def select_row(self, row: int) -> None:
        index = self.model.index(row, 4)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def go_to_line(self, line: int) -> None:
        """Select 1-based ``line`` (of the file; in a timeline, the first event from that line)."""
        if self.model.file_index is not None:
            self.model.file_index.ensure(line)
            while self.model.canFetchMore(self.table.rootIndex()) and self.model.rowCount() < line:
                self.model.fetchMore(self.table.rootIndex())
            self.select_row(self.model.row_for_underlying(max(line - 1, 0)))
            return
        for row in range(self.model.rowCount()):
            if self.model.line(row).number == line:
                self.select_row(row)
                return

    def jump_error(self, step: int) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        for _ in range(_SCAN_LIMIT):
            row += step
            if not 0 <= row < count:
                break
            if self.model.line(row).level in ERROR_LEVELS:
                self.select_row(row)
                return
        self.status_message.emit(self.tr("No more errors in that direction."))

    def jump_to_time(self, when: object) -> None:
        """Select the first row at or after ``when`` (rows are in time order)."""
        count = self.model.rowCount()
        if count == 0 or not isinstance(when, datetime):
            return

        def key(row: int) -> datetime:
            for r in range(row, min(row + 50, count)):
                ts = self.model.timestamp(r)
                if ts is not None:
                    return ts
            return datetime.max

        row = bisect.bisect_left(range(count), when, key=key)
        self.select_row(min(row, count - 1))
        self.time_edit.setDateTime(_qdatetime(when))

    # ------------------------------------------------------------------ filter and copy
    def apply_filter(self) -> None:
        text = self.filter_edit.text()
        if not text:
            self.clear_filter()
            return
        for w in self._workers:
            if w.fn is bundles.filter_file or w.fn is bundles.filter_texts:
                w.cancel()
        regex, exclude = self.regex_box.isChecked(), self.exclude_box.isChecked()
        if self._path is not None:
            worker = run_worker(bundles.filter_file, self._path, text, regex=regex, exclude=exclude,
                                on_result=self._filtered, on_error=self._error)
        else:
            texts = [e.text for e in self.model.events]
            worker = run_worker(bundles.filter_texts, texts, text, regex=regex, exclude=exclude,
                                on_result=self._filtered, on_error=self._error)
        self._workers.append(worker)
        self.progress.track(worker, self.tr("Filtering…"))

    def _filtered(self, rows: list[int]) -> None:
        self.model.set_rows(rows)
        self._shown()

    def clear_filter(self) -> None:
        self.filter_edit.clear()
        if self.model.filtered:
            self.model.set_rows(None)
        self._shown()

    def copy_selection(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        QGuiApplication.clipboard().setText("\n".join(self.model.line(r).text for r in rows))

    def _double_clicked(self, index: object) -> None:
        if self.model.file_index is None:
            row = self.table.currentIndex().row()
            if 0 <= row < self.model.rowCount():
                event = self.model.events[self.model.underlying_row(row)]
                if event.kind != "log":
                    self.event_activated.emit(event)

    def shutdown(self) -> None:
        self._stop_workers()
        self.model.clear()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
