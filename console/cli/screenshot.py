"""CLI: ``support-console screenshot OUT.png [--monitor N]`` (0 = all monitors)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from console.cli.output import emit, int_range


def register(sub: Any) -> None:
    help_text = "Capture the screen to a PNG file (all monitors, or one)"
    p = sub.add_parser("screenshot", help=help_text, description=help_text)
    p.set_defaults(handler=screenshot, prog_name="support-console")
    p.add_argument("out", type=Path, metavar="OUT.png")
    p.add_argument("--monitor", type=int_range(0, 64), default=0,
                   help="0 = all monitors together (default), 1..N = one monitor")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def screenshot(args: argparse.Namespace, ctx: Any) -> None:
    from console.services import screenshots

    shot = screenshots.capture(args.out, monitor=args.monitor)
    obj = {"path": shot.path, "monitor": shot.monitor, "width": shot.width, "height": shot.height,
           "bytes": shot.nbytes, "elapsed_ms": round(shot.elapsed_ms, 1)}
    emit(args, obj, lambda _: f"Saved {shot.width}x{shot.height} screenshot to {shot.path}")
