"""Shows one key's public line and fingerprints, with Copy and "Save as public.key"."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QResizeEvent, QTextOption
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
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

    Read-only and selectable; the height follows the text at the current width, so no part of
    the line is ever scrolled out of sight.
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

    def _fit(self) -> None:
        doc = self.document()
        doc.setTextWidth(max(1, self.viewport().width()))
        margins = self.contentsMargins()
        height = math.ceil(doc.size().height()) + margins.top() + margins.bottom()
        height = max(height, self.fontMetrics().lineSpacing() + margins.top() + margins.bottom() + 6)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


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
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        if stacked:
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
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
        form.addRow(self.tr("Public key (send this)"), self.public_line)
        form.addRow(self.tr("SHA256 fingerprint"), self._with_button(self.sha256, self.copy_sha256))
        form.addRow(self.tr("MD5 fingerprint (old tools)"), self._with_button(self.md5, self.copy_md5))
        form.addRow(self.tr("Key"), self.details)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy public key"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("Save as public.key…"))
        self.save_button.clicked.connect(self.save_dialog)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addWidget(self.body)
        self.body.hide()

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
