"""Shows one key's public line and fingerprints, with Copy and "Save as public.key"."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QResizeEvent, QTextOption
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.services.errors import UserFacingError
from console.services.sftp import KeyInfo, save_public_line
from console.views.messages import show_error


def _fixed_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class PublicLineView(QTextEdit):
    """The one-line public key, wrapped anywhere (it has almost no spaces) and always shown whole.

    Read-only and selectable. Its height follows the wrapped text at the current width (set
    after each resize, outside the layout pass that caused it), so no part of the line is
    ever scrolled out of sight.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setFont(_fixed_font())
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 40)
        self.document().setDocumentMargin(3)
        self._fit()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
        self._fit()

    def needed_height(self, width: int | None = None) -> int:
        """Height showing every wrapped line at ``width`` (default: the current width)."""
        frame = 2 * self.frameWidth()  # the viewport sits inside the frame
        doc = self.document()
        before = doc.textWidth()
        doc.setTextWidth(max(1, (self.width() if width is None else width) - frame))
        text_height = max(math.ceil(doc.size().height()), self.fontMetrics().lineSpacing() + 6)
        doc.setTextWidth(before)
        return text_height + frame

    def _fit(self) -> None:
        height = self.needed_height()
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # A height change inside the layout pass that resized us would be lost: do it just after.
            QTimer.singleShot(0, self, self._fit)


class FingerprintField(QLineEdit):
    """A read-only, selectable fingerprint that is never narrower than its text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(_fixed_font())

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.setCursorPosition(0)
        self.updateGeometry()

    def needed_width(self) -> int:
        margins = self.textMargins()
        # The line edit's own frame and inner padding (QLineEdit keeps 2 px each side plus the frame).
        return self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 16

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.needed_width()), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.needed_width()), hint.height())


class SftpKeyPanel(QWidget):
    """Public line + SHA256/MD5 fingerprints of a :class:`KeyInfo`; empty state until a key is shown.

    With ``stacked`` (the wizard), each label sits above its field so the fields get the full width.

    Signals:
        saved(str): the public key was saved to this path.
    """

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, stacked: bool = False) -> None:
        super().__init__(parent)
        self.info: KeyInfo | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self.tr("No key shown yet. Drop a key file here (.pub, .ppk, id_rsa) or open one."))
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.body = QWidget()
        # A grid rather than a QFormLayout: its wrapped-rows mode loses track of the public line's height.
        self._grid = QGridLayout(self.body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self._stacked = stacked
        self.public_line = PublicLineView()
        self.public_line.setObjectName("publicLine")
        self.sha256 = FingerprintField()
        self.md5 = FingerprintField()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_sha256 = QToolButton()
        self.copy_md5 = QToolButton()
        for button, field in ((self.copy_sha256, self.sha256), (self.copy_md5, self.md5)):
            button.setText(self.tr("Copy"))
            button.setToolTip(self.tr("Copy this fingerprint"))
            button.clicked.connect(lambda _=False, f=field: QGuiApplication.clipboard().setText(f.text()))
        self._add_row(self.tr("Public key (send this)"), self.public_line)
        self._add_row(self.tr("SHA256 fingerprint"), self._with_button(self.sha256, self.copy_sha256), top=False)
        self._add_row(self.tr("MD5 fingerprint (old tools)"), self._with_button(self.md5, self.copy_md5), top=False)
        self._add_row(self.tr("Key"), self.details)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy public key"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("Save as public.key…"))
        self.save_button.clicked.connect(self.save_dialog)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self._grid.addLayout(buttons, self._grid.rowCount(), 0, 1, 2)
        layout.addWidget(self.body)
        self.body.hide()

    def _add_row(self, text: str, field: QWidget | QLayout, *, top: bool = True) -> None:
        """A label and its field: side by side, or (stacked) the label above a full-width field."""
        label = QLabel(text)
        row = self._grid.rowCount()
        if self._stacked:
            self._grid.addWidget(label, row, 0, 1, 2)
            position = (row + 1, 0, 1, 2)
        else:
            label.setAlignment(Qt.AlignmentFlag.AlignLeft
                               | (Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter))
            self._grid.addWidget(label, row, 0)
            position = (row, 1, 1, 1)
        if isinstance(field, QLayout):
            self._grid.addLayout(field, *position)
        else:
            self._grid.addWidget(field, *position)

    @staticmethod
    def _with_button(field: QWidget, button: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(field, 1)
        row.addWidget(button)
        return row

    def set_info(self, info: KeyInfo | None) -> None:
        self.info = info
        self.empty.setVisible(info is None)
        self.body.setVisible(info is not None)
        if info is None:
            return
        self.public_line.set_text(info.public_line)
        self.sha256.set_text(info.sha256)
        self.md5.set_text(info.md5)
        kind = {"openssh": "OpenSSH", "pem": "PEM", "ppk": "PuTTY .ppk", "public": self.tr("public key only")}
        state = self.tr("protected by a passphrase") if info.encrypted else self.tr("no passphrase")
        text = f"{info.key_type}, {info.bits} bits, {kind.get(info.format, info.format)}"
        if info.has_private:
            text += f", {state}"
        if info.comment:
            text += self.tr(", comment “{c}”").format(c=info.comment)
        self.details.setText(text + f"\n{info.path}")
    def copy(self) -> None:
        if self.info is not None:
            QGuiApplication.clipboard().setText(self.info.public_line)

    def save_to(self, path: Path) -> None:
        if self.info is None:
            return
        try:
            save_public_line(self.info, path)
        except (UserFacingError, OSError) as exc:
            show_error(self, exc if isinstance(exc, UserFacingError)
                       else UserFacingError(self.tr("Cannot save {p}: {e}").format(p=path, e=exc)))
            return
        self.saved.emit(str(path))

    def save_dialog(self) -> None:
        if self.info is None:
            return
        start = str(Path(self.info.path).with_name("public.key"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save public key"), start,
                                              self.tr("Public key (*.key *.pub)"))
        if path:
            self.save_to(Path(path))
