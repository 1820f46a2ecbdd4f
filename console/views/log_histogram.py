"""Per-minute histogram of log lines (errors in red) with a time axis and a legend; a click jumps
the viewer to that minute."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

GREY, RED = QColor("#90a4ae"), QColor("#e53935")
#: Gap markers only help while they are few; a sparse log would be all markers.
MAX_GAP_MARKS = 20


class LogHistogram(QWidget):
    """One bar per minute that has lines (grey: all lines, red: errors), labelled with the time below.

    Minutes without any line are left out, so a long quiet spell does not squeeze the chart;
    a dashed line marks where such a gap was skipped.

    Signals:
        minute_clicked(object): the ``datetime`` of the minute under a click.
    """

    minute_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bins: list[tuple[datetime, int, int]] = []
        fm = self.fontMetrics()
        self._legend_h = fm.height() + 2
        self._axis_h = fm.height() + 4
        self.setMinimumHeight(self._legend_h + self._axis_h + 40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setToolTip(self.tr("Lines per minute; click a bar to jump there"))

    def sizeHint(self) -> QSize:
        return QSize(400, self._legend_h + self._axis_h + 56)

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
            n = self.tr("1 line") if lines == 1 else self.tr("{n} lines").format(n=lines)
            e = self.tr("1 error") if errors == 1 else self.tr("{n} errors").format(n=errors)
            self.setToolTip(self.tr("{t}: {n}, {e} (click to go there)").format(
                t=minute.strftime("%Y-%m-%d %H:%M"), n=n, e=e))

    # ------------------------------------------------------------------ painting
    def gaps(self) -> list[int]:
        """Indices of bins that follow a skipped stretch of minutes without lines."""
        one = timedelta(minutes=1)
        return [i for i in range(1, len(self._bins)) if self._bins[i][0] - self._bins[i - 1][0] > one]

    def axis_labels(self) -> list[tuple[int, str]]:
        """(bin index, text) of the labels under the bars, spaced so they never overlap.

        The first label carries the date; later ones only the time, unless the day changes.
        """
        if not self._bins:
            return []
        one_day = len({b[0].date() for b in self._bins}) == 1
        fmt = "%H:%M" if one_day else "%m-%d %H:%M"
        fm = self.fontMetrics()
        label_w = fm.horizontalAdvance(self._bins[0][0].strftime(fmt)) + 16
        first_w = fm.horizontalAdvance(self._bins[0][0].strftime("%Y-%m-%d %H:%M")) + 16
        width = max(self.width(), 1) / len(self._bins)
        step = max(1, math.ceil(label_w / width))
        labels = [(0, self._bins[0][0].strftime("%Y-%m-%d %H:%M"))]
        i = max(step, math.ceil(first_w / width))
        while i < len(self._bins):
            labels.append((i, self._bins[i][0].strftime(fmt)))
            i += step
        return labels

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if not self._bins:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No timestamps to chart"))
            painter.end()
            return
        gaps = self.gaps()
        show_gaps = 0 < len(gaps) <= MAX_GAP_MARKS
        self._paint_legend(painter, show_gaps)
        top, bottom = self._legend_h, self.height() - self._axis_h
        height = max(bottom - top, 1)
        peak = max(b[1] for b in self._bins) or 1
        width = self.width() / len(self._bins)
        for i, (_m, lines, errors) in enumerate(self._bins):
            h = height * lines / peak
            painter.fillRect(QRectF(i * width, bottom - h, max(width - 1, 1), h), GREY)
            if errors:
                eh = max(height * errors / peak, 2)
                painter.fillRect(QRectF(i * width, bottom - eh, max(width - 1, 1), eh), RED)
        text_colour = self.palette().text().color()
        if show_gaps:
            painter.setPen(QPen(text_colour, 1, Qt.PenStyle.DashLine))
            for i in gaps:
                painter.drawLine(QPointF(i * width - 0.5, top), QPointF(i * width - 0.5, bottom))
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(QPointF(0, bottom + 0.5), QPointF(self.width(), bottom + 0.5))
        fm = self.fontMetrics()
        for i, text in self.axis_labels():
            x = i * width
            painter.drawLine(QPointF(x + 0.5, bottom), QPointF(x + 0.5, bottom + 3))
            left = min(x + 2, self.width() - fm.horizontalAdvance(text) - 2)
            painter.drawText(QPointF(left, bottom + 3 + fm.ascent()), text)
        painter.end()

    def _paint_legend(self, painter: QPainter, gaps: bool) -> None:
        fm = self.fontMetrics()
        items: list[tuple[QColor | None, str]] = [(GREY, self.tr("lines per minute")), (RED, self.tr("errors"))]
        if gaps:
            items.append((None, self.tr("quiet minutes left out")))
        sw = fm.height() - 4
        widths = [sw + 4 + fm.horizontalAdvance(t) + 14 for _c, t in items]
        x = self.width() - sum(widths)
        y = (self._legend_h - sw) / 2
        painter.setPen(self.palette().text().color())
        for (colour, text), w in zip(items, widths, strict=True):
            if colour is not None:
                painter.fillRect(QRectF(x, y, sw, sw), colour)
            else:
                painter.setPen(QPen(self.palette().text().color(), 1, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x + sw / 2, y), QPointF(x + sw / 2, y + sw))
                painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + sw + 4, y + sw - 1), text)
            x += w
