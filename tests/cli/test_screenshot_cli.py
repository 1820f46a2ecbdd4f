"""``support-console screenshot OUT.png [--monitor N]`` on a real Xvfb display."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.services.conftest_bundles import XPainter
from tests.services.test_screenshots import png_pixel


@pytest.mark.xvfb_screen
def test_screenshot_cli_writes_real_pixels(cli, tmp_path: Path, xvfb_display: str) -> None:
    painter = XPainter(xvfb_display)
    painter.background(0x2080C0)
    try:
        out = tmp_path / "shot.png"
        code, stdout, err = cli(["screenshot", str(out), "--json"])
        assert code == 0, err
        info = json.loads(stdout)
        assert (info["width"], info["height"], info["monitor"]) == (1920, 1080, 0)
        assert png_pixel(out.read_bytes(), 500, 500) == (0x20, 0x80, 0xC0)
        code, _, err = cli(["screenshot", str(tmp_path / "x.png"), "--monitor", "7"])
        assert code == 2 and "no monitor 7" in err
    finally:
        painter.close()
