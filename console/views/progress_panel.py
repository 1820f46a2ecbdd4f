"""A small reusable progress bar with a label and a Cancel button, bound to a :class:`Worker`."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from console.workers import Worker


class ProgressPanel(QWidget):
    """Shows the progress of one worker at a time; hidden when idle.

    Signals:
        cancel_requested(): the user pressed Cancel (the worker is already told).
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 2)
        layout.addWidget(self.cancel_button)
        self._worker: Worker | None = None
        self.hide()

    def track(self, worker: Worker, text: str) -> None:
        """Follow ``worker`` until it finishes."""
        self._worker = worker
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setEnabled(True)
        worker.signals.progress.connect(self.set_progress)
        worker.signals.message.connect(self.label.setText)
        worker.signals.finished.connect(self._finished)
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.label.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            self.cancel_requested.emit()

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def _finished(self) -> None:
        self._worker = None
        self.hide()
