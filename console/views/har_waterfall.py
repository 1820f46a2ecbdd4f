"""Waterfall drawing: each request's phases (blocked, dns, connect, ssl, send, wait, receive) on the time
axis of its page, painted by a delegate into the table's waterfall column (with the page's DOMContentLoaded
and load events as lines), a colour key under the table, and a bar in the detail pane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from console.views.har_entries_model import WATERFALL_ROLE

MARK_COLOURS = {"DOMContentLoaded": QColor("#1565c0"), "load": QColor("#c62828")}
PHASE_COLOURS = {
    "blocked": QColor("#b0bec5"), "dns": QColor("#26a69a"), "connect": QColor("#ffa726"),
    "ssl": QColor("#ab47bc"), "send": QColor("#42a5f5"), "wait": QColor("#66bb6a"),
    "receive": QColor("#1e88e5"),
}


_OTHER = QColor("#90a4ae")

# Only fillRect calls here: no pen/brush state to save and restore, and few calls per cell (each void call
# of a Qt method costs a reference to None on PySide6 6.12 with Python 3.11; see the bench and the report).


def paint_phases(painter: QPainter, rect: QRectF, offset_ms: float, span_ms: float,
                 phases: tuple[tuple[str, float], ...]) -> None:
    """Draw the phases of one request inside ``rect``, scaled so that ``span_ms`` fills its width."""
    if span_ms <= 0:
        return
    scale = rect.width() / span_ms
    x = rect.left() + max(offset_ms, 0.0) * scale
    for name, ms in phases:
        if ms <= 0:
            continue
        width = max(ms * scale, 1.0)
        painter.fillRect(QRectF(x, rect.top(), min(width, rect.right() - x + 1), rect.height()),
                         PHASE_COLOURS.get(name, _OTHER))
        x += ms * scale


def paint_marks(painter: QPainter, rect: QRectF, span_ms: float, marks: tuple[tuple[str, float], ...]) -> None:
    """Thin vertical lines for page events (DOMContentLoaded, load) on the same axis as the phases."""
    if span_ms <= 0:
        return
    for name, ms in marks:
        x = rect.left() + min(max(ms, 0.0), span_ms) * rect.width() / span_ms
        painter.fillRect(QRectF(min(x, rect.right() - 1), rect.top(), 1.0, rect.height()),
                         MARK_COLOURS.get(name, _OTHER))


class WaterfallLegend(QWidget):
    """Colour key of the waterfall: the seven phases and the two page-event lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(10)
        names = {"blocked": self.tr("blocked"), "dns": self.tr("DNS"), "connect": self.tr("connect"),
                 "ssl": self.tr("TLS"), "send": self.tr("send"), "wait": self.tr("wait (TTFB)"),
                 "receive": self.tr("receive"), "DOMContentLoaded": self.tr("DOMContentLoaded"),
                 "load": self.tr("load")}
        # shorter names when the full ones do not fit (a 1024-pixel screen); the tooltip has them all
        short = {**names, "wait": self.tr("wait"), "DOMContentLoaded": self.tr("DCL")}
        self._labels: list[tuple[QLabel, str, str]] = []
        for key, colour in [*PHASE_COLOURS.items(), *MARK_COLOURS.items()]:
            chip = f"<span style='color:{colour.name()}'>{'▮' if key in PHASE_COLOURS else '│'}</span>"
            label = QLabel(f"{chip} {names[key]}")
            self._labels.append((label, f"{chip} {names[key]}", f"{chip} {short[key]}"))
            layout.addWidget(label)
        layout.addStretch(1)
        self._full_width = layout.sizeHint().width()
        self.compact = False
        # the legend never holds the table wider than the window: it shortens its names, then clips
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumWidth(1)
        self.setToolTip(self.tr("Phases of each request on its page's time axis; lines mark the page's events. "
                                "wait = time to first byte (TTFB); DCL = DOMContentLoaded."))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact = event.size().width() < self._full_width + 8
        if compact != self.compact:
            self.compact = compact
            layout = self.layout()
            if layout is not None:
                layout.setSpacing(6 if compact else 10)
            for label, full, short in self._labels:
                label.setText(short if compact else full)


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
        offset, span, phases, marks = value
        rect = QRectF(option.rect).adjusted(2, 4, -2, -4)
        paint_phases(painter, rect, offset, span, phases)
        paint_marks(painter, QRectF(option.rect).adjusted(2, 0, -2, 0), span, marks)

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
