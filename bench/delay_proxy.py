"""A TCP proxy on 127.0.0.1 that emulates a wide-area link: fixed one-way delay and a rate cap.

Each direction is a FIFO: a chunk read at time t leaves the "wire" at
``max(t, previous departure) + len/rate`` and is delivered ``delay`` seconds later. At most
``buffer`` bytes wait in each direction (then reading stops, so TCP pushes back), and the proxy
stops by itself after ``lifetime`` seconds. Only listens on 127.0.0.1.

    python bench/delay_proxy.py --target-port 2222 --delay-ms 40 --rate-mb 25 --lifetime 120
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import socket
import threading
import time


class _Direction:
    def __init__(self, src: socket.socket, dst: socket.socket, delay: float, rate: float, buffer: int,
                 stop: threading.Event) -> None:
        self.src, self.dst, self.delay, self.rate, self.buffer, self.stop = src, dst, delay, rate, buffer, stop
        self.queue: collections.deque[tuple[float, bytes]] = collections.deque()
        self.queued = 0
        self.cond = threading.Condition()
        self.wire_free = 0.0
        self.eof = False

    def reader(self) -> None:
        try:
            while not self.stop.is_set():
                with self.cond:
                    while self.queued > self.buffer and not self.stop.is_set():
                        self.cond.wait(0.1)
                data = self.src.recv(65536)
                if not data:
                    break
                now = time.monotonic()
                self.wire_free = max(now, self.wire_free) + len(data) / self.rate
                with self.cond:
                    self.queue.append((self.wire_free + self.delay, data))
                    self.queued += len(data)
                    self.cond.notify_all()
        except OSError:
            pass
        with self.cond:
            self.eof = True
            self.cond.notify_all()

    def writer(self) -> None:
        try:
            while not self.stop.is_set():
                with self.cond:
                    while not self.queue and not self.eof and not self.stop.is_set():
                        self.cond.wait(0.1)
                    if not self.queue:
                        if self.eof:
                            break
                        continue
                    due, data = self.queue[0]
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                with self.cond:
                    self.queue.popleft()
                    self.queued -= len(data)
                    self.cond.notify_all()
                self.dst.sendall(data)
        except OSError:
            pass
        with contextlib.suppress(OSError):
            self.dst.shutdown(socket.SHUT_WR)


class DelayProxy:
    """``with DelayProxy(target_port) as proxy: connect to proxy.port``."""

    def __init__(self, target_port: int, *, delay_ms: float = 40.0, rate_mb: float = 25.0,
                 buffer: int = 4 * 1024 * 1024, lifetime: float = 300.0) -> None:
        self.target = ("127.0.0.1", target_port)
        self.delay = delay_ms / 1000.0
        self.rate = rate_mb * 1e6
        self.buffer = buffer
        self.lifetime = lifetime
        self.stop = threading.Event()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.listener.settimeout(0.2)
        self.port = int(self.listener.getsockname()[1])
        self.threads: list[threading.Thread] = []
        self.sockets: list[socket.socket] = []

    def _serve(self) -> None:
        deadline = time.monotonic() + self.lifetime
        while not self.stop.is_set() and time.monotonic() < deadline:
            try:
                client, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            server = socket.create_connection(self.target)
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.sockets.append(s)
            for src, dst in ((client, server), (server, client)):
                d = _Direction(src, dst, self.delay, self.rate, self.buffer, self.stop)
                for fn in (d.reader, d.writer):
                    t = threading.Thread(target=fn, daemon=True)
                    t.start()
                    self.threads.append(t)
        self.stop.set()

    def __enter__(self) -> DelayProxy:
        t = threading.Thread(target=self._serve, daemon=True)
        t.start()
        self.threads.append(t)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for s in [self.listener, *self.sockets]:
            with contextlib.suppress(OSError):
                s.close()
        for t in self.threads:
            t.join(timeout=2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-port", type=int, required=True)
    parser.add_argument("--delay-ms", type=float, default=40.0)
    parser.add_argument("--rate-mb", type=float, default=25.0)
    parser.add_argument("--lifetime", type=float, default=120.0, help="stop after this many seconds")
    args = parser.parse_args()
    with DelayProxy(args.target_port, delay_ms=args.delay_ms, rate_mb=args.rate_mb, lifetime=args.lifetime) as proxy:
        print(f"listening on 127.0.0.1:{proxy.port} for {args.lifetime:.0f} s", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            proxy.stop.wait(args.lifetime + 1)


if __name__ == "__main__":
    main()
