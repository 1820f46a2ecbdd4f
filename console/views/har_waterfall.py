"""Waterfall drawing: each request's phases (blocked, dns, connect, ssl, send, wait, receive) on the time
axis of its page, painted by a delegate into the table's waterfall column and by a bar in the detail pane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from console.views.har_entries_model import WATERFALL_ROLE

PHASE_COLOURS = {
    "blocked": QColor("#b0bec5"), "dns": QColor("#26a69a"), "connect": QColor("#ffa726"),
    "ssl": QColor("#ab47bc"), "send": QColor("#42a5f5"), "wait": QColor("#66bb6a"),
    "receive": QColor("#1e88e5"),
}


def paint_phases(painter: QPainter, rect: QRectF, offset_ms: float, span_ms: float,
                 phases: tuple[tuple[str, float], ...]) -> None:
    """Draw the phases of one request inside ``rect``, scaled so that ``span_ms`` fills its width."""
    if span_ms <= 0:
        return
    scale = rect.width() / span_ms
    x = rect.left() + max(offset_ms, 0.0) * scale
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for name, ms in phases:
        if ms <= 0:
            continue
        width = max(ms * scale, 1.0)
        painter.setBrush(PHASE_COLOURS.get(name, QColor("#90a4ae")))
        painter.drawRect(QRectF(x, rect.top(), min(width, rect.right() - x + 1), rect.height()))
        x += ms * scale
    painter.restore()


class WaterfallDelegate(QStyledItemDelegate):
    """Paints the waterfall column from the model's ``WATERFALL_ROLE`` data."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        value = index.data(WATERFALL_ROLE)
        if not value:
            return
        offset, span, phases = value
        rect = QRectF(option.rect).adjusted(2, 4, -2, -4)
        paint_phases(painter, rect, offset, span, phases)

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        return QSize(160, super().sizeHint(option, index).height())


class TimingBar(QWidget):
    """The phases of one request, full width (detail pane)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._phases: tuple[tuple[str, float], ...] = ()
        self.setMinimumHeight(18)

    def set_phases(self, phases: tuple[tuple[str, float], ...]) -> None:
        self._phases = phases
        self.update()

    def paintEvent(self, event: Any) -> None:
        total = sum(ms for _, ms in self._phases if ms > 0)
        if total <= 0:
            return
        painter = QPainter(self)
        paint_phases(painter, QRectF(self.rect()).adjusted(0, 2, -1, -2), 0.0, total, self._phases)
        painter.end()
