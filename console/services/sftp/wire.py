"""A lean SFTP (version 3) request pipeline over paramiko's SSH channel, for bulk transfers.

paramiko's SFTPClient does one Python object round trip per 32 KiB request; for big files
that per-request work, not the network, sets the speed. This module sends batches of requests
in one channel write, keeps a bounded number in flight, asks the server for its limits
(``limits@openssh.com``) to use requests as large as it allows, and writes received data
straight into the file at its offset. paramiko still does the SSH layer (encryption, window).

Only used while no SFTPClient call is in progress on the same channel; request ids live in a
range paramiko never reaches.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

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


class Pipe:
    """Framed SFTP messages over a paramiko Channel."""

    def __init__(self, channel: Any) -> None:
        self.channel = channel
        self.buf = bytearray()
        self.pos = 0
        self.next_id = 0x40000000

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
        self.channel.sendall(data)

    # ------------------------------------------------------------------ responses
    def _fill(self, need: int) -> None:
        while len(self.buf) - self.pos < need:
            if self.pos > 4 * 1024 * 1024:
                del self.buf[:self.pos]
                self.pos = 0
            chunk = self.channel.recv(4 * 1024 * 1024)
            if not chunk:
                raise EOFError("the server closed the sFTP channel")
            self.buf += chunk

    def response(self) -> tuple[int, int, memoryview]:
        """(type, request id, body) of the next response (the body is a private copy)."""
        self._fill(4)
        (length,) = struct.unpack_from(">I", self.buf, self.pos)
        self._fill(4 + length)
        start = self.pos + 4
        kind = self.buf[start]
        (rid,) = struct.unpack_from(">I", self.buf, start + 1)
        body = bytes(self.buf[start + 5:start + 4 + length])
        self.pos = start + length
        if self.pos == len(self.buf):
            self.buf.clear()
            self.pos = 0
        return kind, rid, memoryview(body)


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
