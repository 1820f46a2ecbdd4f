"""Encrypt/decrypt throughput of the console's gpg service against the gpg command line, and peak memory.

Prints figures; never passes or fails. Usage::

    .venv/bin/python bench/gpg_throughput.py            # 100 MB timing + 1 GB memory run
    .venv/bin/python bench/gpg_throughput.py --size-mb 20 --big-mb 200   # quicker

For each input kind (a compressible CSV report, and an already-compressed .zip-like file
that both sides encrypt without compression) the service and ``gpg`` itself encrypt and
decrypt the same file on the same throwaway home, ``--repeat`` times each, alternating (and
swapping which goes first each round) so both see the same machine load. Printed: the median
of each side, the ratio of the medians, the median of the per-round ratios, and the load
average before and after each row (the machine may be shared). The memory figures are the
peak RSS of this Python process (sampled from /proc every 20 ms) and of the gpg child
(ru_maxrss of reaped children) while the service encrypts the big file.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from console.services import gpg

PASS = "bench passphrase 1"


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def make_csv(path: Path, mb: int) -> None:
    row = b"2024-01-02,U1234567,STK,AAPL,100,187.25,USD,18725.00,0.35,NASDAQ,closing trade\n"
    block = row * (1024 * 1024 // len(row) + 1)
    with open(path, "wb") as fh:
        for i in range(mb):
            fh.write(block[: 1024 * 1024 - 8] + f"{i:07d}\n".encode())


def make_random(path: Path, mb: int) -> None:
    with open(path, "wb") as fh:
        for _ in range(mb):
            fh.write(os.urandom(1024 * 1024))


def loadavg() -> str:
    with open("/proc/loadavg") as fh:
        return " ".join(fh.read().split()[:3])


def alternate(svc, cli, repeat: int) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Run the service and the CLI ``repeat`` times each, alternating; the CLI goes first on even rounds."""
    ts, tc = [], []
    for i in range(repeat):
        order = ((cli, tc), (svc, ts)) if i % 2 == 0 else ((svc, ts), (cli, tc))
        for fn, times in order:
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    return ts, tc


def report(label: str, verb: str, mb: int, ts: list[float], tc: list[float], load_before: str) -> None:
    ms, mc = statistics.median(ts), statistics.median(tc)
    per_round = statistics.median(s / c for s, c in zip(ts, tc, strict=True))
    print(f"{label:18s} {verb}: service median {ms:6.3f} s ({mb / ms:6.1f} MB/s)  gpg CLI median {mc:6.3f} s  "
          f"ratio {ms / mc:4.2f}x (per-round median {per_round:4.2f}x)  load {load_before} -> {loadavg()}")
    print(f"{'':18s}   service runs {' '.join(f'{t:.3f}' for t in ts)}; CLI runs {' '.join(f'{t:.3f}' for t in tc)}")


def cli_encrypt(home: gpg.GpgHome, fpr: str, src: Path, out: Path, compress: bool) -> None:
    cmd = ["gpg", "--homedir", str(home.path), "--batch", "--yes", "--trust-model", "direct", "-r", fpr,
           "--set-filename", src.name, "-o", str(out)]
    if not compress:
        cmd += ["--compress-algo", "none"]
    subprocess.run([*cmd, "-e", str(src)], check=True, capture_output=True)


def cli_decrypt(home: gpg.GpgHome, src: Path, out: Path) -> None:
    subprocess.run(["gpg", "--homedir", str(home.path), "--batch", "--yes", "--pinentry-mode", "loopback",
                    "--passphrase-fd", "0", "-o", str(out), "-d", str(src)],
                   input=(PASS + "\n").encode(), check=True, capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=int, default=100)
    ap.add_argument("--big-mb", type=int, default=1024)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--algo", default="rsa3072")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="gpgbench-"))
    home_path = Path(tempfile.mkdtemp(prefix="scg-bench-", dir="/tmp"))
    home = gpg.GpgHome(home_path)
    try:
        key = gpg.generate_key_pair(home, "Bench Client", "bench@example.com", passphrase=PASS, algo=args.algo).key
        fpr = key.fingerprint
        print(f"gpg {subprocess.run(['gpg', '--version'], capture_output=True, text=True).stdout.split()[2]}, "
              f"key {key.algorithm_label}, {args.size_mb} MB inputs, {args.repeat} alternating runs each, "
              f"{os.cpu_count()} CPUs, load {loadavg()}")
        inputs = [("csv report", work / "report.csv", make_csv, True),
                  ("compressed (.zip)", work / "archive.zip", make_random, False)]
        for label, src, maker, compress in inputs:
            maker(src, args.size_mb)
            out_svc, out_cli = work / "svc" / (src.name + ".gpg"), work / "cli" / (src.name + ".gpg")
            out_cli.parent.mkdir(exist_ok=True)

            def svc_enc(src: Path = src) -> None:
                gpg.encrypt_files(home, [src], fpr, out_dir=work / "svc", overwrite=True)

            def cli_enc(src: Path = src, out_cli: Path = out_cli, compress: bool = compress) -> None:
                cli_encrypt(home, fpr, src, out_cli, compress)

            load = loadavg()
            ts, tc = alternate(svc_enc, cli_enc, args.repeat)
            report(label, "encrypt", args.size_mb, ts, tc, load)
            dec_svc, dec_cli = work / "dec-svc", work / "dec-cli"

            def svc_dec(out_svc: Path = out_svc, dec_svc: Path = dec_svc) -> None:
                gpg.decrypt_file(home, out_svc, dec_svc, passphrase=PASS, overwrite=True)

            def cli_dec(out_svc: Path = out_svc, dec_cli: Path = dec_cli) -> None:
                cli_decrypt(home, out_svc, dec_cli)

            load = loadavg()
            ts, tc = alternate(svc_dec, cli_dec, args.repeat)
            report(label, "decrypt", args.size_mb, ts, tc, load)
            assert filecmp.cmp(dec_svc, src, shallow=False)
            for p in (src, out_svc, out_cli, dec_svc, dec_cli):
                p.unlink(missing_ok=True)

        if args.big_mb:
            big = work / "big.zip"
            make_random(big, args.big_mb)
            base = rss_mb()
            peak = [base]
            stop = threading.Event()

            def sample() -> None:
                while not stop.is_set():
                    peak[0] = max(peak[0], rss_mb())
                    time.sleep(0.02)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            t = time.perf_counter()
            gpg.encrypt_files(home, [big], fpr, out_dir=work / "svc", overwrite=True)
            elapsed = time.perf_counter() - t
            stop.set()
            sampler.join()
            maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"encrypt {args.big_mb} MB: {elapsed:.1f} s; Python process RSS before {base:.0f} MB, "
                  f"peak while encrypting {peak[0]:.0f} MB (ru_maxrss over the whole run {maxrss:.0f} MB); "
                  f"largest gpg child {child:.0f} MB")
    finally:
        gpg.stop_agent(home)
        shutil.rmtree(home_path, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
