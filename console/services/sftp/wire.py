"""A lean SFTP (version 3) request pipeline over paramiko's SSH channel, for bulk transfers.

paramiko's SFTPClient does one Python object round trip per 32 KiB request; for big files
that per-request work, not the network, sets the speed. This module sends batches of requests
in one channel write, keeps a bounded number in flight, asks the server for its limits
(``limits@openssh.com``) to use requests as large as it allows, and hands received data to
the caller as views of the SSH packets paramiko decrypted (no further copies: the caller
writes them with ``os.pwritev`` and hashes them as they are).

While a :class:`Pipe` is attached, channel data bypasses paramiko's BufferedPipe (the
transport thread queues each packet for us); :meth:`Pipe.settle` gives the channel back to
paramiko's SFTPClient. Request ids live in a range paramiko never reaches.
"""

from __future__ import annotations

import queue
import struct
from collections import deque
from dataclasses import dataclass
from typing import Any

FXP_INIT, FXP_VERSION = 1, 2
FXP_OPEN, FXP_CLOSE, FXP_READ, FXP_WRITE, FXP_FSTAT, FXP_STAT = 3, 4, 5, 6, 8, 17
FXP_RENAME, FXP_EXTENDED = 18, 200
FXP_STATUS, FXP_HANDLE, FXP_DATA, FXP_ATTRS, FXP_EXTENDED_REPLY = 101, 102, 103, 105, 201
FX_OK, FX_EOF, FX_NO_SUCH_FILE, FX_PERMISSION_DENIED = 0, 1, 2, 3
READ, WRITE, CREAT, TRUNC, EXCL = 0x1, 0x2, 0x8, 0x10, 0x20
ATTR_SIZE = 0x1

DEFAULT_REQUEST = 32 * 1024
#: Never ask for more than this per request even if the server allows more.
MAX_REQUEST = 255 * 1024


class StatusError(Exception):
    def __init__(self, code: int, text: str) -> None:
        super().__init__(text or f"status {code}")
        self.code = code


@dataclass(frozen=True)
class Limits:
    max_read: int
    max_write: int


def _str(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _msg(kind: int, req_id: int, body: bytes) -> bytes:
    return struct.pack(">IBI", len(body) + 5, kind, req_id) + body


class _Inbox:
    """Stands in for the channel's BufferedPipe: the transport thread's packets go to a queue."""

    def __init__(self) -> None:
        self.queue: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self.closed = False

    def feed(self, data: bytes) -> None:
        self.queue.put(data)

    def close(self) -> None:
        self.closed = True
        self.queue.put(b"")  # wakes the reader

    def read_ready(self) -> bool:
        return not self.queue.empty()

    def set_event(self, event: Any) -> None:
        event.set()

    def read(self, nbytes: int, timeout: float | None = None) -> bytes:  # pragma: no cover - never while attached
        raise RuntimeError("the sFTP channel is in use by a transfer")

    def __len__(self) -> int:
        return 0


class Pipe:
    """Framed SFTP messages over a paramiko Channel.

    :meth:`start` sends the SFTP INIT; the server's VERSION is read before the first reply, so
    requests may follow INIT without waiting for it (see :mod:`.client` for when that is done).
    """

    def __init__(self, channel: Any, timeout: float = 60.0) -> None:
        from paramiko.common import cMSG_CHANNEL_WINDOW_ADJUST
        from paramiko.message import Message

        self._message = Message
        self._adjust = cMSG_CHANNEL_WINDOW_ADJUST
        self.channel = channel
        self.timeout = timeout
        self.chunks: deque[memoryview] = deque()
        self.avail = 0
        self.next_id = 0x40000000
        self.version: int | None = None
        self.awaiting_version = False
        self.extensions: dict[bytes, bytes] = {}
        self.ignored: set[int] = set()
        self._inbox: _Inbox | None = None
        self._saved: Any = None

    # ------------------------------------------------------------------ channel ownership
    def attach(self) -> None:
        """Take the channel's incoming data (only while no other reader uses it)."""
        if self._inbox is None:
            self._inbox = _Inbox()
            self._saved = self.channel.in_buffer
            self.channel.in_buffer = self._inbox
            if self.channel.closed:
                self._inbox.close()

    def settle(self) -> None:
        """Read what is still owed (VERSION, ignored replies), then give the channel back to paramiko."""
        while self.awaiting_version or self.ignored:
            stray = self._read_one()
            if stray is not None:  # a reply nobody waits for any more
                self.skip(stray[2])
        if self._inbox is not None:
            if self.avail or not self._inbox.queue.empty():
                raise EOFError("unexpected data on the sFTP channel")
            self.channel.in_buffer = self._saved
            self._inbox = None

    def start(self) -> None:
        """Send INIT; the VERSION reply is consumed by the next read."""
        self.attach()
        self.send(struct.pack(">IBI", 5, FXP_INIT, 3))
        self.awaiting_version = True

    def handshake(self) -> None:
        """Wait for the server's VERSION now (for servers that want nothing else before it)."""
        while self.awaiting_version:
            stray = self._read_one()
            if stray is not None:
                self.skip(stray[2])

    def new_id(self) -> int:
        self.next_id = (self.next_id + 1) & 0x7FFFFFFF
        return self.next_id

    # ------------------------------------------------------------------ requests
    def read_req(self, handle: bytes, offset: int, length: int) -> tuple[int, bytes]:
        rid = self.new_id()
        return rid, _msg(FXP_READ, rid, _str(handle) + struct.pack(">QI", offset, length))

    def write_req(self, handle: bytes, offset: int, data: bytes | memoryview) -> tuple[int, list[bytes | memoryview]]:
        rid = self.new_id()
        head = struct.pack(">IBI", len(handle) + 21 + len(data), FXP_WRITE, rid) + _str(handle) + struct.pack(
            ">QI", offset, len(data))
        return rid, [head, data]

    def simple(self, kind: int, body: bytes) -> tuple[int, bytes]:
        rid = self.new_id()
        return rid, _msg(kind, rid, body)

    def open_req(self, path: str, flags: int) -> tuple[int, bytes]:
        return self.simple(FXP_OPEN, _str(path.encode("utf-8")) + struct.pack(">II", flags, 0))

    def send(self, data: bytes | bytearray | memoryview) -> None:
        # A memoryview: paramiko slices what it sends into packets, and slicing a view copies nothing.
        self.channel.sendall(memoryview(data))

    def forget(self, rid: int) -> None:
        """The reply to ``rid`` is not wanted: it is skipped when it comes."""
        self.ignored.add(rid)

    # ------------------------------------------------------------------ responses
    def _more(self) -> None:
        inbox = self._inbox
        if inbox is None:
            raise RuntimeError("the sFTP pipe is not attached to its channel")
        waited = 0.0
        while True:
            try:
                chunk = inbox.queue.get(timeout=1.0)
                break
            except queue.Empty:
                waited += 1.0
                transport = self.channel.get_transport()
                if inbox.closed or transport is None or not transport.is_active():
                    raise EOFError("the connection was lost") from None
                if waited >= self.timeout:
                    raise TimeoutError(f"no answer from the server for {self.timeout:.0f} seconds") from None
        if not chunk:
            inbox.queue.put(b"")  # stays closed for later reads
            raise EOFError("the server closed the sFTP channel")
        self.chunks.append(memoryview(chunk))
        self.avail += len(chunk)
        # What paramiko's Channel.recv does: give the server window back as data is taken.
        ack = self.channel._check_add_window(len(chunk))
        if ack > 0:
            m = self._message()
            m.add_byte(self._adjust)
            m.add_int(self.channel.remote_chanid)
            m.add_int(ack)
            self.channel.transport._send_user_message(m)

    def take(self, n: int) -> list[memoryview]:
        """The next ``n`` bytes, as views of the received packets."""
        while self.avail < n:
            self._more()
        out: list[memoryview] = []
        chunks = self.chunks
        self.avail -= n
        while n:
            first = chunks[0]
            if len(first) <= n:
                out.append(chunks.popleft())
                n -= len(first)
            else:
                out.append(first[:n])
                chunks[0] = first[n:]
                n = 0
        return out

    def take_bytes(self, n: int) -> bytes:
        parts = self.take(n)
        return bytes(parts[0]) if len(parts) == 1 else b"".join(parts)

    def skip(self, n: int) -> None:
        self.take(n)

    def _read_one(self) -> tuple[int, int, int] | None:
        """One message's header; None when it was one we consume ourselves (VERSION, ignored replies)."""
        length, kind, rid = struct.unpack(">IBI", self.take_bytes(9))
        body = length - 5
        if kind == FXP_VERSION and self.awaiting_version:
            self.version = rid
            self._extensions(self.take_bytes(body))
            self.awaiting_version = False
            return None
        if rid in self.ignored:
            self.ignored.discard(rid)
            self.skip(body)
            return None
        return kind, rid, body

    def next_reply(self) -> tuple[int, int, int]:
        """(type, request id, body length) of the next wanted reply; the caller then takes the body."""
        while True:
            reply = self._read_one()
            if reply is not None:
                return reply

    def _extensions(self, data: bytes) -> None:
        pos = 0
        try:
            while pos < len(data):
                (n,) = struct.unpack_from(">I", data, pos)
                name = data[pos + 4:pos + 4 + n]
                pos += 4 + n
                (n,) = struct.unpack_from(">I", data, pos)
                self.extensions[name] = data[pos + 4:pos + 4 + n]
                pos += 4 + n
        except struct.error:
            pass

    def response(self) -> tuple[int, int, memoryview]:
        """(type, request id, body) of the next reply (the body is a private copy)."""
        kind, rid, length = self.next_reply()
        return kind, rid, memoryview(self.take_bytes(length))


def status_of(body: memoryview) -> tuple[int, str]:
    (code,) = struct.unpack_from(">I", body, 0)
    text = ""
    if len(body) >= 8:
        (size,) = struct.unpack_from(">I", body, 4)
        text = bytes(body[8:8 + size]).decode("utf-8", "replace")
    return int(code), text


def expect(kind: int, body: memoryview, wanted: int) -> memoryview:
    if kind == wanted:
        return body
    if kind == FXP_STATUS:
        code, text = status_of(body)
        raise StatusError(code, text)
    raise StatusError(-1, f"unexpected sFTP reply type {kind}")


def string_of(body: memoryview) -> bytes:
    (size,) = struct.unpack_from(">I", body, 0)
    return bytes(body[4:4 + size])


def size_of_attrs(body: memoryview) -> int | None:
    (flags,) = struct.unpack_from(">I", body, 0)
    if flags & ATTR_SIZE:
        (size,) = struct.unpack_from(">Q", body, 4)
        return int(size)
    return None


def limits_req(pipe: Pipe) -> tuple[int, bytes]:
    return pipe.simple(FXP_EXTENDED, _str(b"limits@openssh.com"))


def parse_limits(kind: int, body: memoryview) -> Limits:
    if kind != FXP_EXTENDED_REPLY or len(body) < 32:
        return Limits(DEFAULT_REQUEST, DEFAULT_REQUEST)
    _packet, max_read, max_write, _handles = struct.unpack_from(">QQQQ", body, 0)
    read = min(int(max_read) or DEFAULT_REQUEST, MAX_REQUEST)
    write = min(int(max_write) or DEFAULT_REQUEST, MAX_REQUEST)
    return Limits(max(read, 4096), max(write, 4096))
