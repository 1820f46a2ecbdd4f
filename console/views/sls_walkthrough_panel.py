"""Walkthrough panel: pick the client's situation, read numbered steps tailored to them, copy them."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.services.errors import UserFacingError
from console.services.sls import SITUATIONS, UserDetail, Walkthrough, walkthrough_for


class SlsWalkthroughPanel(QWidget):
    """Numbered steps for one situation of the selected client, with a Copy button.

    Signals:
        copied(str): the steps were copied to the clipboard (the text).
        situation_changed(str): the situation key picked.
    """

    copied = Signal(str)
    situation_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: UserDetail | None = None
        self.current: Walkthrough | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Situation:")))
        self.situation = QComboBox()
        titles = {
            "lost_or_damaged": self.tr("Lost or damaged device"),
            "temporarily_unavailable": self.tr("Device temporarily unavailable"),
            "sms_not_received": self.tr("SMS code not received"),
            "voice_callback": self.tr("Voice callback"),
            "ib_key_ios": self.tr("IB Key activation on iOS"),
            "ib_key_android": self.tr("IB Key activation on Android"),
            "ib_key_notification": self.tr("IB Key notification not received"),
            "opt_back_in": self.tr("Opt back in"),
            "share_device": self.tr("Share a device"),
            "return_device": self.tr("Return a device"),
        }
        for key, title in SITUATIONS:
            self.situation.addItem(titles.get(key, title), key)
        self.situation.currentIndexChanged.connect(self._situation_changed)
        # A narrow pane may cut the chosen title short; the list itself always shows the whole titles.
        self.situation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.situation.setMinimumContentsLength(14)
        self.situation.view().setMinimumWidth(self.situation.view().sizeHintForColumn(0) + 24)
        top.addWidget(self.situation, 1)
        self.copy_button = QPushButton(self.tr("&Copy steps"))
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_button.setToolTip(self.tr("Copy the steps for pasting into the ticket reply (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(self.copy)
        top.addWidget(self.copy_button)
        layout.addLayout(top)
        self.steps = QTextBrowser()
        self.steps.setOpenLinks(False)
        layout.addWidget(self.steps, 1)
        self.refresh()

    def set_situation(self, key: str) -> None:
        index = self.situation.findData(key)
        if index >= 0:
            self.situation.setCurrentIndex(index)

    def situation_key(self) -> str:
        return str(self.situation.currentData())

    def set_detail(self, detail: UserDetail | None) -> None:
        self._detail = detail
        self.refresh()

    def _situation_changed(self) -> None:
        self.refresh()
        self.situation_changed.emit(self.situation_key())

    def refresh(self) -> None:
        if self._detail is None:
            self.current = None
            self.steps.setHtml("<p><i>" + html.escape(self.tr("Pick a client to see steps tailored to them."))
                               + "</i></p>")
            self.copy_button.setEnabled(False)
            return
        try:
            self.current = walkthrough_for(self._detail, self.situation_key())
        except UserFacingError as exc:
            self.current = None
            self.steps.setPlainText(exc.one_line())
            self.copy_button.setEnabled(False)
            return
        parts = [f"<h3>{html.escape(self.current.title)} — {html.escape(self.current.username)}</h3><ol>"]
        parts += [f"<li>{html.escape(step)}</li>" for step in self.current.steps]
        parts.append("</ol>")
        parts += [f"<p><b>{html.escape(self.tr('Note:'))}</b> {html.escape(n)}</p>" for n in self.current.notes]
        self.steps.setHtml("".join(parts))
        self.copy_button.setEnabled(True)

    def copy(self) -> None:
        if self.current is None:
            return
        text = self.current.text()
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)
