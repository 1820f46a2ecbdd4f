"""sFTP speed: our CLI (`support-console sftp get/put`, whole processes) against OpenSSH's `sftp` client.

Starts its own sshd (tests/helpers/servers.run_sshd) on 127.0.0.1, then measures:
1. loopback download and upload of --size-mb (default 300) MB;
2. an emulated WAN (bench/delay_proxy.py: 40 ms each way, 25 MB/s) download of --wan-mb (default 50) MB,
   against the link limit (size / rate + setup round trips).
Each measurement runs OpenSSH and ours alternately (same conditions, same moment), --repeat times
(default 5); the figures are medians, with every run listed and the load average before and after
(the machine is shared: compare ratios, not absolute times).
Prints figures only (never pass/fail).   .venv/bin/python bench/sftp_throughput.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from delay_proxy import DelayProxy  # noqa: E402

from tests.helpers.servers import run_sshd  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")


def make_file(path: Path, mb: int) -> None:
    block = os.urandom(1 << 20)
    with path.open("wb") as fh:
        for i in range(mb):
            fh.write(block[i % 7:] + block[:i % 7])


def timed(cmd: list[str], **kw: object) -> float:
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)  # type: ignore[call-overload]
    took = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return took


def openssh(port: int, user: str, key: Path, batch: str, tmp: Path) -> float:
    script = tmp / "batch"
    script.write_text(batch + "\n")
    return timed(["sftp", "-q", "-P", str(port), "-i", str(key), "-o", "StrictHostKeyChecking=no",
                  "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-b", str(script),
                  f"{user}@127.0.0.1"])


def ours(verb: str, a: str, b: str, port: int, user: str, key: Path, known: Path) -> float:
    return timed([PY, "-m", "console", "sftp", verb, a, b, "--host", "127.0.0.1", "--port", str(port),
                  "--user", user, "--key", str(key), "--known-hosts", str(known), "--force"],
                 env={**os.environ, "SUPPORT_CONSOLE_DATA_DIR": str(known.parent / "data")}, cwd=str(ROOT))


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def paired(theirs, mine, repeat: int) -> tuple[float, float, str]:  # type: ignore[no-untyped-def]
    """Alternate OpenSSH and ours; (median theirs, median ours, every run)."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        a.append(theirs())
        b.append(mine())
    ratio = statistics.median(x / y for x, y in zip(a, b, strict=True))
    runs = ("OpenSSH " + " ".join(f"{x:.2f}" for x in a) + " | ours " + " ".join(f"{x:.2f}" for x in b)
            + f" | median of the per-pair ratios OpenSSH/ours {ratio:.2f}")
    return statistics.median(a), statistics.median(b), runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=300)
    parser.add_argument("--wan-mb", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--wan-repeat", type=int, default=0, help="repetitions on the WAN (default: --repeat)")
    parser.add_argument("--skip-loopback", action="store_true")
    parser.add_argument("--skip-wan", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sftp-bench-") as tmpname:
        tmp = Path(tmpname)
        with run_sshd(tmp / "sshd") as sshd:
            key = tmp / "id_ed"
            subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", str(key)], check=True)
            sshd.authorized_keys.write_text((tmp / "id_ed.pub").read_text())
            known = tmp / "known_hosts"
            key_type, key_b64 = sshd.host_public_key.split()[:2]
            lines = f"[127.0.0.1]:{sshd.port} {key_type} {key_b64}\n"
            remote = tmp / "remote.bin"
            local = tmp / "local.bin"
            up = tmp / "uploaded.bin"
            print(f"sshd {sshd.port}; cores {os.cpu_count()}", flush=True)
            if not args.skip_loopback:
                make_file(remote, args.size_mb)
                mb = args.size_mb * 1.048576
                known.write_text(lines)
                print(f"load average before: {loadavg()}", flush=True)
                o_get, u_get, runs_get = paired(
                    lambda: openssh(sshd.port, sshd.user, key, f"get {remote} {local}", tmp),
                    lambda: ours("get", str(remote), str(local), sshd.port, sshd.user, key, known), args.repeat)
                o_put, u_put, runs_put = paired(
                    lambda: openssh(sshd.port, sshd.user, key, f"put {remote} {up}", tmp),
                    lambda: ours("put", str(remote), str(up), sshd.port, sshd.user, key, known), args.repeat)
                print(f"loopback {args.size_mb} MiB download: OpenSSH {o_get:.2f} s ({mb / o_get:.0f} MB/s), "
                      f"ours {u_get:.2f} s ({mb / u_get:.0f} MB/s) -> throughput ratio {o_get / u_get:.2f}x "
                      f"(medians of {args.repeat}; {runs_get})")
                print(f"loopback {args.size_mb} MiB upload:   OpenSSH {o_put:.2f} s ({mb / o_put:.0f} MB/s), "
                      f"ours {u_put:.2f} s ({mb / u_put:.0f} MB/s) -> throughput ratio {o_put / u_put:.2f}x "
                      f"(medians of {args.repeat}; {runs_put})")
                print(f"load average after: {loadavg()}", flush=True)
            if not args.skip_wan:
                make_file(remote, args.wan_mb)
                size = args.wan_mb * 1048576
                with DelayProxy(sshd.port, delay_ms=40, rate_mb=25, lifetime=600) as proxy:
                    known.write_text(lines.replace(f"]:{sshd.port} ", f"]:{proxy.port} "))
                    print(f"load average before: {loadavg()}", flush=True)
                    o_wan, u_wan, runs_wan = paired(
                        lambda: openssh(proxy.port, sshd.user, key, f"get {remote} {local}", tmp),
                        lambda: ours("get", str(remote), str(local), proxy.port, sshd.user, key, known),
                        args.wan_repeat or args.repeat)
                limit = size / 25e6 + 8 * 0.08
                print(f"WAN (40 ms each way, 25 MB/s) {args.wan_mb} MiB download: OpenSSH {o_wan:.2f} s, ours "
                      f"{u_wan:.2f} s -> {u_wan / o_wan:.2f}x OpenSSH's time; link limit ~{limit:.2f} s "
                      f"(size/rate + 8 round trips) -> {u_wan / limit:.2f}x the limit (medians; {runs_wan})")
                print(f"load average after: {loadavg()}", flush=True)


if __name__ == "__main__":
    main()
