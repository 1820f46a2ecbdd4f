"""The outcome of a gpg dialog's last run, shown inside the dialog (and only there).

A failure is shown once, here, with its title, explanation and what to do; the dialog stays
open for another try. Long explanations (a "no secret key" lists the keys present) wrap and
scroll instead of being clipped. Bugs (anything not a UserFacingError) still go to the crash
dialog through :func:`console.views.messages.show_exception`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

from console.services.errors import UserFacingError
from console.views.messages import show_exception


class GpgMessageArea(QScrollArea):
    """A word-wrapped, selectable, scrollable message; hidden while empty.

    ``label`` holds the rich text; :attr:`plain_text` the same as one line (status bar).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setContentsMargins(6, 6, 6, 6)
        self.setWidget(self.label)
        self.plain_text = ""
        self.is_error = False
        self.hide()

    def clear(self) -> None:
        self.label.clear()
        self.plain_text = ""
        self.is_error = False
        self.hide()

    def show_text(self, text: str) -> None:
        """A success or information line."""
        self.plain_text = text
        self.is_error = False
        self.label.setText(html.escape(text))
        self.setMinimumHeight(0)
        self.show()

    def show_failure(self, exc: BaseException) -> None:
        """An expected failure here (title, message, hint); a bug goes to the crash dialog."""
        if not isinstance(exc, UserFacingError):
            self.clear()
            show_exception(self.window(), exc)
            return
        self.plain_text = exc.one_line()
        self.is_error = True
        parts = [f"<b>{html.escape(self.tr(exc.title))}</b>", html.escape(exc.message)]
        if exc.hint:
            parts.append(html.escape(exc.hint))
        self.label.setText("<p style='color:#a01818'>" + "</p><p>".join(parts) + "</p>")
        # Enough room for a typical explanation; longer ones scroll.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.show()
