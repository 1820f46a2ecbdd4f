"""The quirks the loader repaired in a HAR: code, how many requests (or times), and what it means, in a
dialog the engineer can read and copy (e.g. into a ticket)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.har import quirk_meaning


def quirks_text(name: str, quirks: Sequence[tuple[str, int]]) -> str:
    """Plain text of the list (what Copy puts on the clipboard)."""
    lines = [f"Quirks repaired while loading {name}:"]
    lines += [f"{code}\t{count}\t{quirk_meaning(code)}" for code, count in quirks]
    return "\n".join(lines)


class HarQuirksDialog(QDialog):
    """One row per quirk code; Copy puts the whole list on the clipboard as text."""

    def __init__(self, name: str, quirks: Sequence[tuple[str, int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quirks repaired in {name}").format(name=name))
        self.resize(860, 440)
        self.name = name
        self.quirks = list(quirks)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The file departs from the HAR format in these ways. The console repaired them in memory while "
            "loading, so that every request can be shown; the file itself is unchanged. Counts are requests "
            "(or places) affected."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.quirks), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Count"), self.tr("What it means")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, (code, count) in enumerate(self.quirks):
            meaning = quirk_meaning(code)
            count_item = QTableWidgetItem(f"{count:,}")
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate((QTableWidgetItem(code), count_item, QTableWidgetItem(meaning))):
                item.setToolTip(meaning)
                self.table.setItem(row, col, item)
        # wrapped meanings need rows as tall as the text at the current column width
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy list"))
        self.copy_button.setToolTip(self.tr("Copy code, count and meaning of every quirk as text"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(quirks_text(self.name, self.quirks))
