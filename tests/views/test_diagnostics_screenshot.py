"""The screenshot dialog grabs the real Xvfb screen, hiding the console window meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from console import workers
from console.views.diagnostics_screenshot import DiagnosticsScreenshotDialog
from tests.services.conftest_bundles import XPainter


@pytest.mark.xvfb_screen
def test_capture_hides_window_and_previews(qtbot, tmp_path: Path, xvfb_display: str) -> None:
    painter = XPainter(xvfb_display)
    painter.background(0x10C050)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        window.show()
        dialog = DiagnosticsScreenshotDialog(tmp_path / "captures", window)
        assert dialog.monitor_box.count() == 2  # all monitors + the one Xvfb screen
        dialog.hide_box.setChecked(True)
        seen_hidden = []
        dialog.capture()
        seen_hidden.append(not window.isVisible())
        with qtbot.waitSignal(dialog.captured, timeout=10_000) as blocker:
            pass
        path = blocker.args[0]
        assert seen_hidden == [True] and window.isVisible()
        assert path.is_file() and path.read_bytes()[:4] == b"\x89PNG"
        assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
        from tests.services.test_screenshots import png_pixel

        assert png_pixel(path.read_bytes(), 5, 5) == (0x10, 0xC0, 0x50)
    finally:
        painter.close()
        workers.wait_for_all()
