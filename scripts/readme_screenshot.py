"""Render the main window with demo data to resources/screenshots/main-window.png (for the README).

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python scripts/readme_screenshot.py [--area sls] [--query ali]

Runs on whatever Qt platform is in use (a real X server under Xvfb shows what a user sees).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--area", default="sls")
    parser.add_argument("--query", default="")
    parser.add_argument("--out", default=str(ROOT / "resources" / "screenshots" / "main-window.png"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sc-shot-"))
    os.environ.update(SUPPORT_CONSOLE_DATA_DIR=str(work / "data"), SUPPORT_CONSOLE_CONFIG_DIR=str(work / "config"))
    os.environ.pop("SUPPORT_CONSOLE_DB_URL", None)
    exe = Path(sys.executable).parent / "support-console"
    subprocess.run([str(exe), "demo", "load", "--if-empty"], check=False)

    from PySide6.QtWidgets import QApplication, QLineEdit

    from console.app import create_application
    from console.context import AppContext
    from console.views.main_window import MainWindow

    app = create_application()
    window = MainWindow(AppContext())
    window.resize(1360, 820)
    window.show()
    page = window.show_area(args.area)

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    pump(1.5)
    if args.query:
        box = page.findChild(QLineEdit)
        if box is not None:
            box.setText(args.query)
        pump(1.5)
    window.grab().save(args.out)
    print(f"saved {args.out}")
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
