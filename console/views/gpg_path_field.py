"""A path entry that shows a long path elided in the middle while it is not being edited.

The start of a path (which disk, which client folder) and its end (the file name) both
matter; QLineEdit would show only the end. The full path is always the tooltip, and the
entry shows it in full again as soon as it gets the focus for editing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

#: QLineEdit keeps this many pixels between its frame contents and the text.
_TEXT_MARGIN = 2


class GpgPathField(QLineEdit):
    """QLineEdit for a file or folder path: middle-elided when it does not fit, full path as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(self.setToolTip)

    def _text_rect(self) -> tuple[QStyleOptionFrame, int, int, int, int]:
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        rect = rect.marginsRemoved(self.textMargins())
        return option, rect.x() + _TEXT_MARGIN, rect.y(), rect.width() - 2 * _TEXT_MARGIN, rect.height()

    def is_elided(self) -> bool:
        """True when the path does not fit and is shown shortened (while not being edited)."""
        _, _, _, width, _ = self._text_rect()
        return (not self.hasFocus() and bool(self.text())
                and self.fontMetrics().horizontalAdvance(self.text()) > width)

    def displayed_text(self) -> str:
        """What the field shows: the whole path, or its middle-elided form."""
        if not self.is_elided():
            return self.text()
        _, _, _, width, _ = self._text_rect()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_elided():
            super().paintEvent(event)
            return
        option, x, y, width, height = self._text_rect()
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.Text))
        painter.drawText(x, y, width, height, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self.displayed_text())
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.setCursorPosition(0)
        self.update()
