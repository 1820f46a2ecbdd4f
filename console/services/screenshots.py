"""Screen capture with mss: the whole desktop across all monitors, or one monitor, saved as PNG.

Monitor numbers follow mss: 0 is the bounding box of all monitors, 1..N are the monitors.
PNG compression level 1: screenshots are mostly flat colour, so higher levels cost time and
save little.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.services.errors import InvalidInput, UserFacingError
from console.services.fsutil import atomic_write_bytes

log = logging.getLogger(__name__)


class CaptureFailed(UserFacingError):
    title = "Screen capture failed"


@dataclass(frozen=True)
class MonitorInfo:
    index: int
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class Screenshot:
    path: Path | None
    monitor: int
    width: int
    height: int
    nbytes: int
    png: bytes
    elapsed_ms: float


def _mss() -> Any:
    try:
        import mss
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise CaptureFailed("The screen capture library (mss) is not installed.") from exc
    try:
        return mss.MSS()
    except Exception as exc:  # mss raises its own and OS errors without a display
        raise CaptureFailed(f"Cannot open the screen for capture ({exc}).",
                            hint="Run this on a desktop session (on Linux, DISPLAY must name an X server).") from exc


def list_monitors() -> list[MonitorInfo]:
    """Index 0 (all monitors together) first, then each monitor."""
    sct = _mss()
    with sct:
        return [MonitorInfo(i, m["left"], m["top"], m["width"], m["height"])
                for i, m in enumerate(sct.monitors)]


def capture(out: Path | None = None, *, monitor: int = 0, level: int = 1) -> Screenshot:
    """Grab monitor ``monitor`` (0 = all) as PNG; write it to ``out`` (atomically) when given."""
    import mss.tools

    if monitor < 0:
        raise InvalidInput("The monitor number cannot be negative (0 means all monitors).")
    start = time.perf_counter()
    sct = _mss()
    with sct:
        monitors = sct.monitors
        if monitor >= len(monitors):
            raise InvalidInput(f"There is no monitor {monitor}: this desktop has {len(monitors) - 1}.",
                               hint="Use 0 for all monitors together, or 1 to "
                                    f"{len(monitors) - 1} for one of them.")
        try:
            shot = sct.grab(monitors[monitor])
        except Exception as exc:  # backend errors vary by platform
            raise CaptureFailed(f"The screen could not be captured ({exc}).") from exc
        png = mss.tools.to_png(shot.rgb, shot.size, level=level)
    assert png is not None
    if out is not None:
        out = Path(out)
        if out.suffix.lower() != ".png":
            raise InvalidInput(f"{out.name}: screenshots are saved as PNG; use a name ending in .png.")
        atomic_write_bytes(out, png)
    elapsed = (time.perf_counter() - start) * 1000
    return Screenshot(out, monitor, shot.size.width, shot.size.height, len(png), png, elapsed)
