"""Detail pane of one HAR entry: headers, query, cookies, request and response bodies, timings."""

from __future__ import annotations

import orjson
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.services.har import Body, HarEntry
from console.views.har_waterfall import PHASE_COLOURS, TimingBar

MAX_TEXT = 2_000_000  # characters shown in a body view; the rest stays in the file


def pretty_body(body: Body) -> str:
    """JSON pretty-printed, text as is, binary as a hex dump."""
    if body.text is not None:
        text = body.text
        if "json" in body.mime_type.lower() or text.lstrip()[:1] in ("{", "["):
            try:
                text = orjson.dumps(orjson.loads(text), option=orjson.OPT_INDENT_2).decode()
            except orjson.JSONDecodeError:
                pass
        return text[:MAX_TEXT]
    data = body.data or b""
    lines = []
    for off in range(0, min(len(data), 64 * 1024), 16):
        chunk = data[off:off + 16]
        hexpart = " ".join(f"{b:02x}" for b in chunk)
        asc = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{off:08x}  {hexpart:<47}  {asc}")
    if len(data) > 64 * 1024:
        lines.append(f"… {len(data) - 64 * 1024} more bytes")
    return "\n".join(lines)


class HarDetailPane(QTabWidget):
    """Tabs for the selected entry; empty state when nothing is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.headers = self._table()
        self.query = self._table()
        self.cookies = self._table()
        self.request_body = self._text(mono)
        self.response_body = self._text(mono)
        self.image = QLabel()
        self.image_scroll = QScrollArea()
        self.image_scroll.setWidget(self.image)
        self.image_scroll.setWidgetResizable(True)
        self.timings = QWidget()
        tl = QVBoxLayout(self.timings)
        self.timing_bar = TimingBar()
        self.timing_text = QLabel()
        self.timing_text.setFont(mono)
        tl.addWidget(self.timing_bar)
        tl.addWidget(self.timing_text)
        tl.addStretch(1)
        response = QWidget()
        rl = QVBoxLayout(response)
        rl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.response_info = QLabel()
        self.copy_button = QPushButton(self.tr("Copy body"))
        self.copy_button.clicked.connect(self.copy_response)
        row.addWidget(self.response_info, 1)
        row.addWidget(self.copy_button)
        rl.addLayout(row)
        rl.addWidget(self.response_body, 1)
        rl.addWidget(self.image_scroll, 1)
        self.addTab(self.headers, self.tr("Headers"))
        self.addTab(self.query, self.tr("Query"))
        self.addTab(self.cookies, self.tr("Cookies"))
        self.addTab(self.request_body, self.tr("Request body"))
        self.addTab(response, self.tr("Response body"))
        self.addTab(self.timings, self.tr("Timings"))
        self.entry: HarEntry | None = None
        self.show_entry(None)

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Name"), self.tr("Value")])
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        return table

    def _text(self, font: QFont) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setReadOnly(True)
        edit.setFont(font)
        edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        return edit

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, str, str]]) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(1)

    def show_entry(self, entry: HarEntry | None) -> None:
        self.entry = entry
        if entry is None:
            for table in (self.headers, self.query, self.cookies):
                table.setRowCount(0)
            self.request_body.setPlainText("")
            self.response_body.setPlainText(self.tr("Select a request to see its details."))
            self.response_info.setText("")
            self.image_scroll.hide()
            self.timing_bar.set_phases(())
            self.timing_text.setText("")
            self.copy_button.setEnabled(False)
            return
        req = self.tr("request")
        resp = self.tr("response")
        self._fill(self.headers, [(req, k, v) for k, v in entry.request_headers()]
                   + [(resp, k, v) for k, v in entry.response_headers()])
        self._fill(self.query, [(req, k, v) for k, v in entry.query()])
        self._fill(self.cookies, [(req, k, v) for k, v in entry.request_cookies()]
                   + [(resp, k, v) for k, v in entry.response_cookies()])
        body = entry.request_body()
        self.request_body.setPlainText(pretty_body(body) if body else self.tr("(no request body)"))
        self._show_response(entry)
        if entry.timings is not None:
            phases = entry.timings.phases()
            self.timing_bar.set_phases(phases)
            lines = [f"{name:<8} {ms:10.1f} ms" for name, ms in phases]
            lines.append(f"{self.tr('total'):<8} {entry.time_ms:10.1f} ms")
            legend = " ".join(f"<span style='color:{PHASE_COLOURS[n].name()}'>■</span> {n}" for n, _ in phases)
            self.timing_text.setText("<pre>" + "\n".join(lines) + "</pre>" + legend)
        else:
            self.timing_bar.set_phases(())
            self.timing_text.setText(self.tr("No timing breakdown in this file (total {ms:.0f} ms).")
                                     .format(ms=entry.time_ms))

    def _show_response(self, entry: HarEntry) -> None:
        body = entry.response_body()
        self.image_scroll.hide()
        self.response_body.show()
        self.copy_button.setEnabled(body is not None)
        if body is None:
            self.response_info.setText(self.tr("The file holds no response body for this request."))
            self.response_body.setPlainText("")
            return
        note = self.tr(" (base64 in the file, decoded)") if body.was_base64 else ""
        self.response_info.setText(f"{body.mime_type or '?'}, {body.size:,} B{note}")
        if body.data is not None and body.mime_type.lower().startswith("image/"):
            pixmap = QPixmap()
            if pixmap.loadFromData(body.data):
                self.image.setPixmap(pixmap)
                self.image_scroll.show()
                self.response_body.hide()
                return
        self.response_body.setPlainText(pretty_body(body))

    def copy_response(self) -> None:
        if self.entry is None:
            return
        body = self.entry.response_body()
        if body is not None:
            QGuiApplication.clipboard().setText(body.text if body.text is not None else (body.original or ""))
