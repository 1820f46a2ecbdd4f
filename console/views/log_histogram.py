"""Per-minute histogram of log lines (errors in red); a click jumps the viewer to that minute."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class LogHistogram(QWidget):
    """Bars per minute: grey for all lines, red for errors.

    Signals:
        minute_clicked(object): the ``datetime`` of the minute under a click.
    """

    minute_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bins: list[tuple[datetime, int, int]] = []
        self.setMinimumHeight(48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setToolTip(self.tr("Lines per minute; click a bar to jump there"))

    def sizeHint(self) -> QSize:
        return QSize(400, 56)

    @property
    def bins(self) -> list[tuple[datetime, int, int]]:
        return self._bins

    def set_bins(self, bins: list[tuple[datetime, int, int]]) -> None:
        self._bins = list(bins)
        self.update()

    def _bin_at(self, x: float) -> int | None:
        if not self._bins or self.width() <= 0:
            return None
        i = int(x / self.width() * len(self._bins))
        return min(max(i, 0), len(self._bins) - 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        i = self._bin_at(event.position().x())
        if i is not None:
            self.minute_clicked.emit(self._bins[i][0])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self._bin_at(event.position().x())
        if i is not None:
            minute, lines, errors = self._bins[i]
            self.setToolTip(self.tr("{t}: {n} lines, {e} errors").format(
                t=minute.strftime("%Y-%m-%d %H:%M"), n=lines, e=errors))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if not self._bins:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No timestamps to chart"))
            painter.end()
            return
        peak = max(b[1] for b in self._bins) or 1
        width = self.width() / len(self._bins)
        height = self.height() - 2
        grey, red = QColor("#90a4ae"), QColor("#e53935")
        for i, (_m, lines, errors) in enumerate(self._bins):
            h = height * lines / peak
            painter.fillRect(QRectF(i * width, self.height() - h, max(width - 1, 1), h), grey)
            if errors:
                eh = max(height * errors / peak, 2)
                painter.fillRect(QRectF(i * width, self.height() - eh, max(width - 1, 1), eh), red)
        painter.end()
