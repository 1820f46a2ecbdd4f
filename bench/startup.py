"""Cold start to the main window shown, offscreen: median of 5 launches of the real entry point.

    .venv/bin/python bench/startup.py [--runs 5]

Each run is a new process (``support-console`` with no arguments) on a prepared data dir;
the app writes the wall-clock time once its window is shown and the event loop has run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 1.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = shutil.which("support-console", path=str(Path(sys.executable).parent)) or "support-console"
    work = Path(tempfile.mkdtemp(prefix="sc-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SUPPORT_CONSOLE_DATA_DIR=str(work / "data"),
               SUPPORT_CONSOLE_CONFIG_DIR=str(work / "config"))
    env.pop("SUPPORT_CONSOLE_DB_URL", None)
    subprocess.run([exe, "db", "upgrade"], env=env, check=True, capture_output=True)
    times = []
    for _ in range(args.runs):
        probe = work / "probe"
        probe.unlink(missing_ok=True)
        start = time.time()
        subprocess.run([exe], env=dict(env, SUPPORT_CONSOLE_STARTUP_PROBE=str(probe)), check=True,
                       capture_output=True, timeout=60)
        times.append(float(probe.read_text()) - start)
    shutil.rmtree(work, ignore_errors=True)
    median = statistics.median(times)
    print(f"cold start to window shown (offscreen), {args.runs} runs: "
          + ", ".join(f"{t:.3f}s" for t in times))
    print(f"median {median:.3f} s (target <= {TARGET_S} s): {'OK' if median <= TARGET_S else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
