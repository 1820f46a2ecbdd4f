"""Diagnostics speed figures: ingest + index rate, rare-word search vs grep, viewer first screen, screen capture.

Usage:
    .venv/bin/python bench/bundle_ingest.py [--size-mb 1024] [--view-mb 500] [--pg] [--skip-capture]

Generates synthetic platform logs (files of --file-mb each) in a temp folder, takes them in as one
bundle on a fresh SQLite database (and, with --pg, on a throwaway PostgreSQL cluster), then:
  * ingest + index rate (MB/s);
  * search for a word that occurs once, median of 10, and ``grep -rF`` for it over the same files;
  * time from LogViewer.open_file() on a --view-mb file to its first screen rendered (offscreen Qt);
  * 1920x1080 screen capture to PNG on a real Xvfb (median of 10).
Prints figures; never fails on a target.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RARE = "xylophonequasar"
LEVELS = ["INFO "] * 14 + ["DEBUG"] * 4 + ["WARN "] * 2 + ["ERROR"]
THREADS = ["JTS-Main", "JTS-Farm-7", "JTS-EServerSocket-12", "AWT-EventQueue-0", "JTS-Net", "JTS-API-3"]
MESSAGES = [
    "Market data farm connection is OK:usfarm errorCode=2104",
    "HMDS data farm connection is OK:ushmds errorCode=2106",
    "order {n} submitted symbol {w} qty {q} lmt {p}",
    "received tick {w} bid {p} ask {p} size {q}",
    "socket read {q} bytes from {w}.ibllc.com:4001 in {n} us",
    "cache {w} miss for conid {n}",
    "layout {w} restored panel {q}",
    "Connectivity between IB and TWS has been lost. code=1100",
    "Connectivity restored, data maintained. errorCode=1102",
]


def _block(rng: random.Random, words: list[str], lines: int) -> bytes:
    """A template block; ``HH:MM`` is replaced per block so time moves on through the file."""
    out = []
    for i in range(lines):
        msg = rng.choice(MESSAGES).format(n=rng.randrange(10**6), w=rng.choice(words), q=rng.randrange(1, 5000),
                                          p=f"{rng.uniform(1, 500):.2f}")
        sec = i * 60 // lines
        out.append(f"2024-03-05 HH:MM:{sec:02d}.{rng.randrange(1000):03d} [{rng.choice(THREADS)}] "
                   f"{rng.choice(LEVELS)} - {msg} {rng.choice(words)} {rng.choice(words)}\n")
    return "".join(out).encode()


def generate(folder: Path, total_mb: int, file_mb: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(4, 11)))
             for _ in range(20_000)]
    templates = [_block(rng, words, 20_000) for _ in range(8)]
    folder.mkdir(parents=True, exist_ok=True)
    files, written, minute = [], 0, 0
    target = total_mb * 1024 * 1024
    n = 0
    rare_at = target // 2
    while written < target:
        path = folder / f"tws.{n:03d}.log"
        with open(path, "wb") as fh:
            size = 0
            while size < file_mb * 1024 * 1024 and written < target:
                hh, mm = divmod(minute % (24 * 60), 60)
                block = templates[minute % len(templates)].replace(b"HH:MM", f"{hh:02d}:{mm:02d}".encode())
                if rare_at is not None and written + len(block) >= rare_at:
                    block += (f"2024-03-05 {hh:02d}:{mm:02d}:59.999 [JTS-Net] WARN  - proxy {RARE} "
                              "refused the tunnel\n").encode()
                    rare_at = None  # type: ignore[assignment]
                fh.write(block)
                size += len(block)
                written += len(block)
                minute += 1
        files.append(path)
        n += 1
    return files


def bench_ingest(label: str, database: object, store: Path, src: Path, size: int) -> None:
    from console.services import bundles

    t0 = time.perf_counter()
    r = bundles.ingest_bundle(database, store, [src])  # type: ignore[arg-type]
    took = time.perf_counter() - t0
    print(f"[{label}] ingest + index: {size / 2**20:,.0f} MB in {r.files} files, {took:.1f} s "
          f"= {size / 2**20 / took:.1f} MB/s")
    times = []
    for _ in range(10):
        t = time.perf_counter()
        hits = bundles.search(database, store, RARE, limit=100)  # type: ignore[arg-type]
        times.append((time.perf_counter() - t) * 1000)
    med = statistics.median(times)
    print(f"[{label}] search '{RARE}': {len(hits)} hit(s), first {times[0]:.1f} ms, median {med:.1f} ms")
    t = time.perf_counter()
    proc = subprocess.run(["grep", "-rF", RARE, str(src)], capture_output=True, check=False)
    grep_ms = (time.perf_counter() - t) * 1000
    grep_hits = proc.stdout.count(b"\n")
    print(f"[{label}] grep -rF over the same files: {grep_ms:.0f} ms ({grep_hits} hit(s)); "
          f"indexed search is {grep_ms / statistics.median(times):.0f}x faster")


def bench_viewer(path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from console import workers
    from console.views.log_viewer import LogViewer

    app = QApplication.instance() or QApplication([])
    viewer = LogViewer()
    viewer.resize(1400, 900)
    viewer.show()
    app.processEvents()
    t = time.perf_counter()
    viewer.open_file(path, path.name)
    app.processEvents()
    viewer.table.viewport().grab()  # paints the visible rows
    first = (time.perf_counter() - t) * 1000
    rows = viewer.table.rowAt(viewer.table.viewport().height() - 1)
    print(f"[viewer] {path.stat().st_size / 2**20:,.0f} MB log: first screen ({rows} rows) in {first:.0f} ms")
    t = time.perf_counter()
    while not (viewer.model.file_index and viewer.model.file_index.complete):
        app.processEvents()
        time.sleep(0.01)
    print(f"[viewer] full line index ({viewer.model.underlying_count():,} lines) ready after "
          f"{(time.perf_counter() - t) * 1000 + first:.0f} ms (in a worker, the window stays usable)")
    viewer.shutdown()
    workers.wait_for_all(60_000)


def bench_capture() -> None:
    from console.services import screenshots
    from tests.helpers.servers import run_xvfb

    with run_xvfb() as display:
        os.environ["DISPLAY"] = display
        times = []
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(10):
                shot = screenshots.capture(Path(tmp) / f"s{i}.png")
                times.append(shot.elapsed_ms)
        print(f"[capture] {shot.width}x{shot.height} to PNG: median {statistics.median(times):.0f} ms, "
              f"max {max(times):.0f} ms, {shot.nbytes / 1024:.0f} KB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--file-mb", type=int, default=64)
    ap.add_argument("--view-mb", type=int, default=500)
    ap.add_argument("--pg", action="store_true", help="also ingest on a throwaway PostgreSQL cluster")
    ap.add_argument("--pg-size-mb", type=int, default=256)
    ap.add_argument("--skip-capture", action="store_true")
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()

    work = Path(args.workdir or tempfile.mkdtemp(prefix="bundle-bench-"))
    try:
        t = time.perf_counter()
        files = generate(work / "src", args.size_mb, args.file_mb)
        size = sum(f.stat().st_size for f in files)
        print(f"generated {size / 2**20:,.0f} MB of synthetic logs in {len(files)} files "
              f"({time.perf_counter() - t:.1f} s)")
        from console.services.db import Database

        db = Database(f"sqlite:///{work / 'bench.db'}")
        db.upgrade()
        bench_ingest("sqlite", db, work / "store", work / "src", size)
        db.dispose()
        if args.pg:
            from tests.helpers.servers import start_postgres

            cluster = start_postgres()
            try:
                pg_files = generate(work / "pgsrc", args.pg_size_mb, args.file_mb, seed=11)
                pg = Database(cluster.url(cluster.create_database()))
                pg.upgrade()
                bench_ingest("postgresql", pg, work / "pgstore", work / "pgsrc",
                             sum(f.stat().st_size for f in pg_files))
                pg.dispose()
            finally:
                cluster.stop()
        view = generate(work / "view", args.view_mb, args.view_mb, seed=3)[0]
        bench_viewer(view)
        if not args.skip_capture:
            bench_capture()
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
