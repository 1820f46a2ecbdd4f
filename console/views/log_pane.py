"""The log pane: the logging pipeline's ring buffer, live, with a level filter and Copy."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console import logs

LEVELS = (("Debug", logging.DEBUG), ("Info", logging.INFO), ("Warning", logging.WARNING), ("Error", logging.ERROR))


class _Bridge(QObject):
    """Carries log records from any thread to the GUI thread.

    Signals:
        record(object): a ``logging.LogRecord``.
    """

    record = Signal(object)


class LogPane(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Log"), parent)
        self.setObjectName("LogPane")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.level = QComboBox()
        for name, value in LEVELS:
            self.level.addItem(self.tr(name), value)
        self.level.setCurrentIndex(1)
        self.level.currentIndexChanged.connect(self.reload)
        copy = QPushButton(self.tr("Copy"))
        copy.clicked.connect(self.copy_all)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self._clear)
        bar.addWidget(self.level)
        bar.addStretch(1)
        bar.addWidget(copy)
        bar.addWidget(clear)
        layout.addLayout(bar)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumBlockCount(5000)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.text)
        self.setWidget(body)
        logs.setup_logging(None)  # make sure the ring buffer is attached (idempotent)
        self._handler = logs.ring_buffer()
        self._cleared_at = 0.0
        self._bridge = _Bridge()
        self._bridge.record.connect(self._append, Qt.ConnectionType.QueuedConnection)
        self._handler.subscribe(self._bridge.record.emit)
        self.destroyed.connect(lambda: self._handler.unsubscribe(self._bridge.record.emit))
        self.reload()

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def close_pane(self) -> None:
        self._handler.unsubscribe(self._bridge.record.emit)

    def _format(self, record: logging.LogRecord) -> str:
        return self._handler.format(record)

    def reload(self) -> None:
        self.text.clear()
        threshold = self.level.currentData()
        for record in list(self._handler.records):
            if record.levelno >= threshold and record.created >= self._cleared_at:
                self.text.appendPlainText(self._format(record))

    def _append(self, record: logging.LogRecord) -> None:
        if record.levelno >= self.level.currentData():
            self.text.appendPlainText(self._format(record))

    def _clear(self) -> None:
        import time

        self._cleared_at = time.time()
        self.text.clear()
