"""Screen capture with mss on a real Xvfb: known pixels painted through libX11 come back in the PNG."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from console.services import screenshots
from console.services.errors import InvalidInput
from tests.services.conftest_bundles import XPainter


def png_pixel(png: bytes, x: int, y: int) -> tuple[int, int, int]:
    """Decode an 8-bit RGB PNG (as mss writes it) and return one pixel."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, _h, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 2)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    row = raw[y * stride:(y + 1) * stride]
    assert row[0] == 0  # mss writes filter type 0 (none) on every row
    px = row[1 + x * 3:1 + x * 3 + 3]
    return px[0], px[1], px[2]


@pytest.mark.xvfb_screen
def test_capture_all_monitors_has_painted_pixels(xvfb_display: str, tmp_path: Path) -> None:
    painter = XPainter(xvfb_display)
    try:
        painter.background(0x3366CC)
        painter.rectangle(100, 50, 200, 120, 0xFFAA00)
        shot = screenshots.capture(tmp_path / "all.png", monitor=0)
    finally:
        painter.close()
    assert (shot.width, shot.height) == (1920, 1080)
    data = (tmp_path / "all.png").read_bytes()
    assert data == shot.png
    assert png_pixel(data, 10, 10) == (0x33, 0x66, 0xCC)
    assert png_pixel(data, 150, 100) == (0xFF, 0xAA, 0x00)
    assert png_pixel(data, 1919, 1079) == (0x33, 0x66, 0xCC)
    assert [m.index for m in screenshots.list_monitors()] == [0, 1]


@pytest.mark.xvfb_screen
def test_capture_one_monitor_and_refusals(xvfb_display: str, tmp_path: Path) -> None:
    painter = XPainter(xvfb_display)
    try:
        painter.background(0x00FF00)
        shot = screenshots.capture(None, monitor=1)
        assert shot.path is None and png_pixel(shot.png, 960, 540) == (0, 255, 0)
        with pytest.raises(InvalidInput, match="no monitor 3"):
            screenshots.capture(tmp_path / "x.png", monitor=3)
        with pytest.raises(InvalidInput):
            screenshots.capture(tmp_path / "x.jpg")
        assert not (tmp_path / "x.png").exists() and not (tmp_path / "x.jpg").exists()
    finally:
        painter.close()


def test_no_display_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    with pytest.raises(screenshots.CaptureFailed):
        screenshots.capture(None)
