"""HAR loading speed and memory (prints figures; never a pass/fail test).

Generates a synthetic HAR (default ~100 MB, 20,000 entries), then measures, as whole processes in one
run (taking turns, round after round): ``support-console har summary FILE --json`` against a plain
haralyzer script (HarParser.from_file, then status/url/time of every entry of every page), a bare
orjson load, and a process that runs ``load_har`` (the inspector's full load); peak RSS of each. Then,
in-process and offscreen: time from opening the file in the HAR page to the table's first rows, and
the time for each keystroke typed in the filter box to update the table (real model + proxy).

    .venv/bin/python bench/har_load.py [--entries 20000] [--mb 100] [--runs 3] [--keep FILE]
"""

from __future__ import annotations

import argparse
import atexit
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

HARALYZER_SCRIPT = """
import sys
from haralyzer import HarParser
parser = HarParser.from_file(sys.argv[1])
n = 0
for page in parser.pages:
    for entry in page.entries:
        entry.status, entry.url, entry.time
        n += 1
print(n)
"""
ORJSON_SCRIPT = "import sys, orjson; d = orjson.loads(open(sys.argv[1], 'rb').read()); print(len(d['log']['entries']))"
LOAD_SCRIPT = ("import sys, os; from console.services.har import load_har; d = load_har(sys.argv[1]); "
               "print(len(d.entries)); sys.stdout.flush(); os._exit(0)")


def generate(path: Path, entries: int, target_mb: int) -> None:
    rnd = random.Random(7)
    pages = max(1, entries // 2000)
    body_len = max(200, (target_mb * 1024 * 1024) // entries - 700)  # ~700 B of JSON around each body
    words = ["account", "order", "quote", "margin", "position", "ticker", "value", "status", "client", "time"]
    pages_raw = [{"id": f"page_{p}", "title": f"https://portal.example.com/p{p}",
                  "startedDateTime": f"2024-03-01T10:{p % 60:02d}:00.000Z",
                  "pageTimings": {"onContentLoad": 800, "onLoad": 1500}} for p in range(pages)]
    with open(path, "wb") as fh:
        fh.write(b'{"log": {"version": "1.2", "creator": {"name": "bench", "version": "1"}, "pages": ')
        fh.write(orjson.dumps(pages_raw))
        fh.write(b', "entries": [')
        for i in range(entries):
            p = i * pages // entries
            status = rnd.choice([200] * 30 + [204, 301, 304, 404, 500, 0])
            text = " ".join(rnd.choice(words) for _ in range(body_len // 7))[:body_len]
            e = {
                "pageref": f"page_{p}",
                "startedDateTime": f"2024-03-01T10:{p % 60:02d}:{(i % 600) // 10:02d}.{i % 1000:03d}Z",
                "time": rnd.uniform(5, 3000),
                "request": {"method": "GET" if i % 5 else "POST",
                            "url": f"https://api{i % 7}.example.com/v1/{rnd.choice(words)}/{i}?q={i % 97}",
                            "httpVersion": "http/2.0", "cookies": [{"name": "sid", "value": f"s{i % 50:08d}"}],
                            "headers": [{"name": n, "value": v} for n, v in (
                                ("accept", "application/json"), ("user-agent", "Mozilla/5.0 bench"),
                                ("cookie", f"sid=s{i % 50:08d}"), ("x-request-id", f"{i:012x}"))],
                            "queryString": [{"name": "q", "value": str(i % 97)}], "headersSize": -1, "bodySize": 0},
                "response": {"status": status, "statusText": "", "httpVersion": "http/2.0", "cookies": [],
                             "headers": [{"name": "content-type", "value": "application/json"},
                                         {"name": "server", "value": "bench"}],
                             "content": {"size": len(text), "mimeType": "application/json", "text": text},
                             "redirectURL": "", "headersSize": -1, "bodySize": len(text)},
                "cache": {}, "timings": {"blocked": 1, "dns": -1, "connect": -1, "ssl": -1, "send": 0.5,
                                         "wait": rnd.uniform(5, 2000), "receive": 3},
            }
            if i:
                fh.write(b",")
            fh.write(orjson.dumps(e))
        fh.write(b"]}}")


def run_process(args: list[str]) -> tuple[float, int]:
    """Wall time (s) and peak RSS (MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{args} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss // 1024


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, int]]:
    """Median wall time and peak RSS of each command; the commands take turns in every round, so a
    machine that gets busier or quieter during the run affects them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[int]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, args in commands.items():
            t, rss = run_process(args)
            times[name].append(t)
            peaks[name].append(rss)
    result = {}
    for name in commands:
        med = statistics.median(times[name])
        print(f"  {name:<38} median {med:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times[name])})  "
              f"peak RSS {max(peaks[name])} MB")
        result[name] = (med, max(peaks[name]))
    return result


def loadavg() -> str:
    """1, 5 and 15 minute load averages (the machine is shared: figures are only comparable within a run)."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def gui_figures(path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = tempfile.mkdtemp(prefix="har-bench-gui-")
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    os.environ["SUPPORT_CONSOLE_DATA_DIR"] = str(Path(tmp) / "data")
    os.environ["SUPPORT_CONSOLE_CONFIG_DIR"] = str(Path(tmp) / "config")
    from PySide6.QtWidgets import QApplication

    from console.context import AppContext
    from console.views.har_page import HarPage

    app = QApplication.instance() or QApplication([])
    ctx = AppContext()
    page = HarPage(ctx)
    page.resize(1400, 900)
    page.show()
    app.processEvents()
    shown: list[float] = []
    done: list[float] = []
    page.document_loaded.connect(lambda _doc: shown.append(time.perf_counter()))
    page.analysis_ready.connect(lambda _f: done.append(time.perf_counter()))
    start = time.perf_counter()
    page.open_file(path)
    while not shown:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()  # paint the first rows
    first_rows = time.perf_counter() - start
    rows = page.proxy.rowCount()
    while not done:
        app.processEvents()
        time.sleep(0.002)
    print(f"  GUI: first rows after {first_rows:.2f} s ({rows} rows); findings and filter index after "
          f"{done[0] - start:.2f} s")
    page.filter_edit.setFocus()
    timings = []
    for word in ("margin", "api3.example", "/v1/order/1", "zzzz"):
        page.filter_edit.clear()
        app.processEvents()
        for i in range(1, len(word) + 1):
            t0 = time.perf_counter()
            page.filter_edit.setText(word[:i])  # one keystroke: the proxy refilters synchronously
            app.processEvents()
            timings.append((time.perf_counter() - t0) * 1000)
    p90 = sorted(timings)[int(len(timings) * 0.9)]
    print(f"  GUI: filter keystroke → table updated: median {statistics.median(timings):.1f} ms, "
          f"90th percentile {p90:.1f} ms, max {max(timings):.1f} ms over {len(timings)} keystrokes on {rows} rows")
    t0 = time.perf_counter()
    page.status_buttons["5xx"].setChecked(True)
    app.processEvents()
    print(f"  GUI: status-class toggle: {(time.perf_counter() - t0) * 1000:.1f} ms")
    from console.workers import wait_for_all

    wait_for_all()
    import resource

    print(f"  GUI process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    ctx.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=20_000)
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="write the synthetic HAR here and keep it")
    ap.add_argument("--no-gui", action="store_true")
    args = ap.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="har-bench-"))
    path = args.keep or workdir / "synthetic.har"
    t0 = time.perf_counter()
    generate(path, args.entries, args.mb)
    size_mb = path.stat().st_size / 1024 / 1024
    print(f"synthetic HAR: {path} {size_mb:.1f} MB, {args.entries} entries (generated in "
          f"{time.perf_counter() - t0:.1f} s)")
    script = workdir / "haralyzer_plain.py"
    script.write_text(HARALYZER_SCRIPT)
    print(f"whole processes ({args.runs} rounds, load average before: {loadavg()}):")
    figures = measure({
        "haralyzer HarParser script": [PY, str(script), str(path)],
        "bare orjson load": [PY, "-c", ORJSON_SCRIPT, str(path)],
        "support-console har summary --json": [PY, "-m", "console", "har", "summary", str(path), "--json"],
        "load_har (what the GUI loads)": [PY, "-c", LOAD_SCRIPT, str(path)],
    }, args.runs)
    hz = figures["haralyzer HarParser script"][0]
    ours, ours_rss = figures["support-console har summary --json"]
    load_rss = figures["load_har (what the GUI loads)"][1]
    print(f"  => har summary is {hz / ours:.2f}x faster than the haralyzer script (target >= 3x)")
    print(f"  => peak RSS: har summary {ours_rss} MB = {ours_rss / size_mb:.2f}x the file size; load_har "
          f"{load_rss} MB = {load_rss / size_mb:.2f}x (target <= ~3x); load average after: {loadavg()}")
    try:
        if not args.no_gui:
            gui_figures(path)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)  # the synthetic HAR too, unless --keep put it elsewhere


if __name__ == "__main__":
    main()
