"""Capture a screenshot now: all monitors or one, optionally hiding the console during the grab, with a preview."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services import screenshots
from console.services.errors import UserFacingError
from console.views.messages import show_error
from console.workers import run_worker

#: Time for the window manager to actually take the hidden window off the screen.
HIDE_DELAY_MS = 350


class DiagnosticsScreenshotDialog(QDialog):
    """Grabs the screen with mss (in a worker) and previews it; ``path`` is the PNG when accepted.

    Signals:
        captured(object): the Path of a new PNG.
    """

    captured = Signal(object)

    def __init__(self, out_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Capture a screenshot"))
        self.out_dir = Path(out_dir)
        self.path: Path | None = None
        self._hidden: list[QWidget] = []
        self.monitor_box = QComboBox()
        self.monitor_box.addItem(self.tr("All monitors"), 0)
        self.hide_box = QCheckBox(self.tr("Hide the console window during the grab"))
        self.hide_box.setChecked(True)
        self.capture_button = QPushButton(self.tr("&Capture"))
        self.capture_button.clicked.connect(self.capture)
        self.preview = QLabel(self.tr("No screenshot yet."))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 270)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add to intake"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.monitor_box)
        row.addWidget(self.hide_box, 1)
        row.addWidget(self.capture_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self._load_monitors()

    def _load_monitors(self) -> None:
        try:
            monitors = screenshots.list_monitors()
        except UserFacingError as exc:
            self.capture_button.setEnabled(False)
            self.preview.setText(exc.one_line())
            return
        for m in monitors[1:]:
            self.monitor_box.addItem(self.tr("Monitor {n} ({w}×{h})").format(n=m.index, w=m.width, h=m.height),
                                     m.index)

    def capture(self) -> None:
        self.capture_button.setEnabled(False)
        if self.hide_box.isChecked():
            parent = self.parentWidget()
            candidates = [parent.window() if parent is not None else None, self]
            self._hidden = [w for w in candidates if w is not None and w.isVisible()]
            for w in self._hidden:
                w.hide()
            QTimer.singleShot(HIDE_DELAY_MS, self._grab)
        else:
            self._grab()

    def _grab(self) -> None:
        name = datetime.now().strftime("screenshot-%Y%m%d-%H%M%S-%f.png")
        run_worker(screenshots.capture, self.out_dir / name, monitor=int(self.monitor_box.currentData()),
                   on_result=self._done, on_error=self._failed)

    def _restore(self) -> None:
        for w in reversed(self._hidden):
            w.show()
        self._hidden = []
        self.capture_button.setEnabled(True)

    def _done(self, shot: screenshots.Screenshot) -> None:
        self._restore()
        self.path = shot.path
        pixmap = QPixmap()
        pixmap.loadFromData(shot.png, "PNG")
        self.preview.setPixmap(pixmap.scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation))
        self.preview.setToolTip(self.tr("{w}×{h}, saved to {p}").format(w=shot.width, h=shot.height, p=shot.path))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.captured.emit(shot.path)

    def _failed(self, exc: BaseException) -> None:
        self._restore()
        if isinstance(exc, UserFacingError):
            show_error(self, exc)
        else:
            from console.views.messages import show_exception

            show_exception(self, exc)
