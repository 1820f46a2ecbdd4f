"""sFTP speed: our CLI (`support-console sftp get/put`, whole processes) against OpenSSH's `sftp` client.

Starts its own sshd (tests/helpers/servers.run_sshd) on 127.0.0.1, then measures:
1. loopback download and upload of --size-mb (default 300) MB;
2. an emulated WAN (bench/delay_proxy.py: 40 ms each way, 25 MB/s) download of --wan-mb (default 50) MB,
   against the link limit (size / rate + setup round trips).
Prints figures only (never pass/fail).   .venv/bin/python bench/sftp_throughput.py [--repeat 2]
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


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    return min(fn() for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=300)
    parser.add_argument("--wan-mb", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=2)
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
                o_get = best(lambda: openssh(sshd.port, sshd.user, key, f"get {remote} {local}", tmp), args.repeat)
                u_get = best(lambda: ours("get", str(remote), str(local), sshd.port, sshd.user, key, known),
                             args.repeat)
                o_put = best(lambda: openssh(sshd.port, sshd.user, key, f"put {remote} {up}", tmp), args.repeat)
                u_put = best(lambda: ours("put", str(remote), str(up), sshd.port, sshd.user, key, known),
                             args.repeat)
                print(f"loopback {args.size_mb} MiB download: OpenSSH {o_get:.2f} s ({mb / o_get:.0f} MB/s), "
                      f"ours {u_get:.2f} s ({mb / u_get:.0f} MB/s) -> ratio {o_get / u_get:.2f}x")
                print(f"loopback {args.size_mb} MiB upload:   OpenSSH {o_put:.2f} s ({mb / o_put:.0f} MB/s), "
                      f"ours {u_put:.2f} s ({mb / u_put:.0f} MB/s) -> ratio {o_put / u_put:.2f}x", flush=True)
            if not args.skip_wan:
                make_file(remote, args.wan_mb)
                size = args.wan_mb * 1048576
                with DelayProxy(sshd.port, delay_ms=40, rate_mb=25, lifetime=600) as proxy:
                    known.write_text(lines.replace(f"]:{sshd.port} ", f"]:{proxy.port} "))
                    o_wan = best(lambda: openssh(proxy.port, sshd.user, key, f"get {remote} {local}", tmp), 1)
                    u_wan = best(lambda: ours("get", str(remote), str(local), proxy.port, sshd.user, key, known), 1)
                limit = size / 25e6 + 8 * 0.08
                print(f"WAN (40 ms each way, 25 MB/s) {args.wan_mb} MiB download: OpenSSH {o_wan:.2f} s, ours "
                      f"{u_wan:.2f} s -> {u_wan / o_wan:.2f}x OpenSSH's time; link limit ~{limit:.2f} s "
                      f"(size/rate + 8 round trips) -> {u_wan / limit:.2f}x the limit")


if __name__ == "__main__":
    main()
