"""Listing, downloading and uploading over sFTP, with progress, cancel, resume and no half files.

A download is written to ``LOCAL.part`` and renamed to ``LOCAL`` only once its size matches the
server's; an upload goes to ``REMOTE.part`` and is renamed on the server the same way. With
``resume`` an existing ``.part`` is continued after checking that its last 64 KiB match the
source (otherwise the transfer starts over). Existing targets are never replaced unless
``overwrite``. Bulk data goes through :mod:`.wire` (large pipelined requests).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import posixpath
import stat
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from console.services.errors import Cancelled
from console.services.sftp import wire
from console.services.sftp.client import ConnectionParams, SftpSession, connect
from console.services.sftp.errors import SftpError

Progress = Callable[[int, int], None]
#: Bytes of read or write requests in flight: fills a 25 MB/s link with ~100 ms of round trip.
IN_FLIGHT_BYTES = 6 * 1024 * 1024
RESUME_CHECK = 64 * 1024


class TargetExists(SftpError):
    """The destination file exists and the caller did not ask to overwrite it."""

    title = "File exists"


@dataclass(frozen=True)
class RemoteEntry:
    name: str
    path: str
    size: int
    mtime: float
    modified: str  # ISO 8601, UTC
    is_dir: bool
    permissions: str


@dataclass(frozen=True)
class Listing:
    path: str
    entries: tuple[RemoteEntry, ...]


@dataclass(frozen=True)
class TransferResult:
    direction: str  # "download" or "upload"
    local: str
    remote: str
    size: int
    sha256: str
    resumed_from: int
    seconds: float
    skipped: bool = False


# ---------------------------------------------------------------------- helpers
@contextlib.contextmanager
def _session(params: ConnectionParams, known_hosts: Path, session: SftpSession | None,
              cancel: threading.Event | None) -> Iterator[SftpSession]:
    if session is not None:
        yield session
        return
    with connect(params, known_hosts=known_hosts, cancel=cancel) as own:
        yield own


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("Transfer cancelled; the partial file is kept for --resume.")


class _Throttle:
    """Calls progress at most ~20 times a second (and always at the end)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.last = 0.0

    def __call__(self, done: int, *, final: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if final or now - self.last >= 0.05:
            self.last = now
            self.progress(done, self.total)


def _attrs(body: memoryview) -> tuple[int | None, int | None, float | None]:
    """(size, permissions, mtime) from an sFTP ATTRS body."""
    (flags,) = struct.unpack_from(">I", body, 0)
    pos = 4
    size = perms = None
    mtime = None
    if flags & 0x1:
        (size,) = struct.unpack_from(">Q", body, pos)
        pos += 8
    if flags & 0x2:
        pos += 8
    if flags & 0x4:
        (perms,) = struct.unpack_from(">I", body, pos)
        pos += 4
    if flags & 0x8:
        _atime, mt = struct.unpack_from(">II", body, pos)
        mtime = float(mt)
    return size, perms, mtime


def _remote_error(exc: wire.StatusError, path: str) -> SftpError:
    if exc.code == wire.FX_NO_SUCH_FILE:
        return SftpError(f"{path} does not exist on the server.")
    if exc.code == wire.FX_PERMISSION_DENIED:
        return SftpError(f"The server does not allow access to {path}.")
    return SftpError(f"The server reported a problem with {path}: {exc}.")


def _wire_errors(where: str) -> Callable[[Exception], SftpError]:
    def convert(exc: Exception) -> SftpError:
        return SftpError(f"The connection broke during {where} ({exc or type(exc).__name__}).",
                         hint="Run it again with resume to continue where it stopped.")
    return convert


def _roundtrip(pipe: wire.Pipe, requests: list[tuple[int, bytes]]) -> list[tuple[int, memoryview]]:
    """Send several requests in one write; answers in request order."""
    pipe.send(b"".join(data for _rid, data in requests))
    wanted = [rid for rid, _ in requests]
    answers: dict[int, tuple[int, memoryview]] = {}
    while len(answers) < len(wanted):
        kind, rid, body = pipe.response()
        answers[rid] = (kind, body)
    return [answers[rid] for rid in wanted]


def _close(pipe: wire.Pipe, handle: bytes) -> None:
    [(kind, body)] = _roundtrip(pipe, [pipe.simple(wire.FXP_CLOSE, wire._str(handle))])
    wire.expect(kind, body, wire.FXP_STATUS)


def _close_later(pipe: wire.Pipe, handle: bytes) -> None:
    """Close a handle we only read from without waiting for the answer (one round trip less)."""
    rid, request = pipe.simple(wire.FXP_CLOSE, wire._str(handle))
    with contextlib.suppress(OSError, EOFError):  # the connection is gone: nothing to close
        pipe.send(request)
        pipe.forget(rid)


# ---------------------------------------------------------------------- listing
def _entry(directory: str, attr: Any) -> RemoteEntry:
    mtime = float(attr.st_mtime or 0)
    return RemoteEntry(
        name=attr.filename, path=posixpath.join(directory, attr.filename), size=int(attr.st_size or 0),
        mtime=mtime, modified=datetime.fromtimestamp(mtime, tz=timezone.utc).isoformat(timespec="seconds"),
        is_dir=stat.S_ISDIR(attr.st_mode or 0), permissions=stat.filemode(attr.st_mode or 0))


def list_dir(params: ConnectionParams, remote: str = ".", *, known_hosts: Path,
             session: SftpSession | None = None, cancel: threading.Event | None = None) -> Listing:
    """The entries of a remote folder, folders first, then by name."""
    with _session(params, known_hosts, session, cancel) as s:
        try:
            path = s.sftp.normalize(remote)
            attrs = s.sftp.listdir_attr(path)
        except FileNotFoundError:
            raise SftpError(f"The folder {remote} does not exist on the server.") from None
        except PermissionError:
            raise SftpError(f"The server does not allow listing {remote}.") from None
        except OSError as exc:
            raise SftpError(f"Cannot list {remote}: {exc}.") from None
        entries = sorted((_entry(path, a) for a in attrs), key=lambda e: (not e.is_dir, e.name.lower()))
        return Listing(str(path), tuple(entries))


# ---------------------------------------------------------------------- download
def download_file(params: ConnectionParams, remote: str, local: Path, *, known_hosts: Path,
                  progress: Progress | None = None, cancel: threading.Event | None = None,
                  resume: bool = False, overwrite: bool = False,
                  session: SftpSession | None = None) -> TransferResult:
    """Fetch ``remote`` into ``local`` through ``local.part``."""
    local = Path(local)
    if local.is_dir():
        local = local / posixpath.basename(remote)
    if local.exists() and not overwrite:
        raise TargetExists(f"{local} already exists.", hint="Choose another name or confirm overwriting it.")
    with _session(params, known_hosts, session, cancel) as s, _transfer_errors(remote, "the download", "write"):
        return _download(s, remote, local, progress, cancel, resume, overwrite)


@contextlib.contextmanager
def _transfer_errors(remote: str, what: str, local_verb: str) -> Iterator[None]:
    """One translation of a transfer's failures: the server's status, a local file, or the connection."""
    try:
        yield
    except wire.StatusError as exc:
        raise _remote_error(exc, remote) from None
    except (EOFError, OSError) as exc:
        if isinstance(exc, OSError) and exc.filename:
            raise SftpError(f"Cannot {local_verb} {exc.filename}: {exc.strerror}.") from None
        raise _wire_errors(what)(exc) from None


def _download(s: SftpSession, remote: str, local: Path, progress: Progress | None,
              cancel: threading.Event | None, resume: bool, overwrite: bool) -> TransferResult:
    started = time.monotonic()
    pipe = s.pipe
    rpath = remote.encode("utf-8")
    answers = _roundtrip(pipe, [wire.limits_req(pipe), pipe.simple(wire.FXP_STAT, wire._str(rpath)),
                                pipe.open_req(remote, wire.READ)])
    limits = wire.parse_limits(*answers[0])
    try:
        size, perms, mtime = _attrs(wire.expect(*answers[1], wire.FXP_ATTRS))
        handle = wire.string_of(wire.expect(*answers[2], wire.FXP_HANDLE))
    except wire.StatusError:
        if answers[2][0] == wire.FXP_HANDLE:
            _close_later(pipe, wire.string_of(answers[2][1]))
        raise
    try:
        if perms is not None and stat.S_ISDIR(perms):
            raise SftpError(f"{remote} is a folder; choose a file to download.")
        if size is None:
            raise SftpError(f"The server does not report the size of {remote}; it cannot be verified.")
        part = local.with_name(local.name + ".part")
        local.parent.mkdir(parents=True, exist_ok=True)
        offset = 0
        if resume and part.exists():
            offset = part.stat().st_size
            if offset > size or not _same_tail_local(pipe, handle, part, offset):
                offset = 0
        digest = hashlib.sha256()
        fd = os.open(part, os.O_RDWR | os.O_CREAT | (0 if offset else os.O_TRUNC), 0o600)
        try:
            if offset:
                os.ftruncate(fd, offset)
                _hash_prefix(fd, offset, digest)
            _pull(pipe, handle, fd, offset, size, limits.max_read, digest, _Throttle(progress, size), cancel)
            os.fsync(fd)
        finally:
            os.close(fd)
    finally:
        _close_later(pipe, handle)
    got = part.stat().st_size
    if got != size:
        raise SftpError(f"The download of {remote} is incomplete ({got} of {size} bytes); kept as {part.name}.",
                        hint="Run it again with resume.")
    if local.exists() and not overwrite:
        raise TargetExists(f"{local} appeared during the download; the new copy is kept as {part.name}.")
    os.replace(part, local)
    if mtime is not None:
        with contextlib.suppress(OSError):
            os.utime(local, (mtime, mtime))
    return TransferResult("download", str(local), remote, size, digest.hexdigest(), offset,
                          round(time.monotonic() - started, 3))


def _hash_prefix(fd: int, length: int, digest: Any) -> None:
    pos = 0
    while pos < length:
        chunk = os.pread(fd, min(1 << 20, length - pos), pos)
        if not chunk:
            break
        digest.update(chunk)
        pos += len(chunk)


def _read_exact(pipe: wire.Pipe, handle: bytes, offset: int, length: int) -> bytes:
    out = b""
    while len(out) < length:
        [(kind, body)] = _roundtrip(pipe, [pipe.read_req(handle, offset + len(out), length - len(out))])
        if kind == wire.FXP_STATUS and wire.status_of(body)[0] == wire.FX_EOF:
            break
        out += wire.string_of(wire.expect(kind, body, wire.FXP_DATA))
    return out


def _same_tail_local(pipe: wire.Pipe, handle: bytes, part: Path, offset: int) -> bool:
    """Does the end of the local partial file match the server's bytes at the same place?"""
    start = max(0, offset - RESUME_CHECK)
    with part.open("rb") as fh:
        fh.seek(start)
        mine = fh.read(offset - start)
    return _read_exact(pipe, handle, start, offset - start) == mine


def _pwrite_all(fd: int, parts: list[memoryview], offset: int) -> None:
    total = sum(len(p) for p in parts)
    written = os.pwritev(fd, parts, offset)
    while written < total:  # short write (rare): the rest, from where it stopped
        rest = b"".join(parts)[written:]
        written += os.pwrite(fd, rest[:total - written], offset + written)


def _pull(pipe: wire.Pipe, handle: bytes, fd: int, offset: int, size: int, request: int, digest: Any,
          report: _Throttle, cancel: threading.Event | None) -> None:
    """Pipelined reads of [offset, size) written at their offsets; hashes in order.

    Received data stays in the views of the SSH packets that carried it: one pwritev and one
    hash update per packet, no copies (both release the GIL, so paramiko's thread keeps going).
    """
    todo: deque[tuple[int, int]] = deque()
    next_offset = offset
    pending: dict[int, tuple[int, int]] = {}
    max_pending = max(4, IN_FLIGHT_BYTES // request)
    hashed = offset
    early: dict[int, list[memoryview]] = {}  # out-of-order data waiting to be hashed
    done = offset
    failure: Exception | None = None
    update = digest.update
    while done < size:
        if failure is None and cancel is not None and cancel.is_set():
            failure = Cancelled("Download cancelled; the partial file is kept for resume.")
        if failure is None and len(pending) < max_pending and (todo or next_offset < size):
            batch: list[bytes] = []
            while len(pending) < max_pending and (todo or next_offset < size):
                if todo:
                    off, length = todo.popleft()
                else:
                    off, length = next_offset, min(request, size - next_offset)
                    next_offset += length
                rid, request_bytes = pipe.read_req(handle, off, length)
                pending[rid] = (off, length)
                batch.append(request_bytes)
            pipe.send(b"".join(batch))
        if not pending:
            break
        kind, rid, body_length = pipe.next_reply()
        off, length = pending.pop(rid)
        if kind != wire.FXP_DATA or failure is not None:
            body = memoryview(pipe.take_bytes(body_length))
            if failure is not None:
                continue  # draining what is still in flight
            code, text = wire.status_of(body) if kind == wire.FXP_STATUS else (-1, "")
            failure = (SftpError("The file got shorter on the server during the download.")
                       if code == wire.FX_EOF else wire.StatusError(code, text))
            continue
        (got,) = struct.unpack(">I", pipe.take_bytes(4))
        parts = pipe.take(got)
        _pwrite_all(fd, parts, off)
        if got < length:
            todo.append((off + got, length - got))  # short read: ask for the rest
        done += got
        if off == hashed:
            for part in parts:
                update(part)
            hashed += got
            while hashed in early:
                chunk = early.pop(hashed)
                for part in chunk:
                    update(part)
                hashed += sum(len(p) for p in chunk)
        else:
            early[off] = parts
        report(done)
    if failure is not None:
        raise failure
    report(done, final=True)


# ---------------------------------------------------------------------- upload
def upload_file(params: ConnectionParams, local: Path, remote: str, *, known_hosts: Path,
                progress: Progress | None = None, cancel: threading.Event | None = None,
                resume: bool = False, overwrite: bool = False,
                session: SftpSession | None = None) -> TransferResult:
    """Send ``local`` to ``remote`` through ``remote.part``; see the package docstring."""
    local = Path(local)
    if not local.is_file():
        raise SftpError(f"{local} is not a file that can be uploaded.")
    if remote.endswith("/"):
        remote = remote + local.name
    with _session(params, known_hosts, session, cancel) as s, _transfer_errors(remote, "the upload", "read"):
        return _upload(s, local, remote, progress, cancel, resume, overwrite)


def _upload(s: SftpSession, local: Path, remote: str, progress: Progress | None,
            cancel: threading.Event | None, resume: bool, overwrite: bool) -> TransferResult:
    started = time.monotonic()
    pipe = s.pipe
    part = remote + ".part"
    answers = _roundtrip(pipe, [wire.limits_req(pipe), pipe.simple(wire.FXP_STAT, wire._str(remote.encode())),
                                pipe.simple(wire.FXP_STAT, wire._str(part.encode()))])
    limits = wire.parse_limits(*answers[0])
    exists = answers[1][0] == wire.FXP_ATTRS
    if exists and not overwrite:
        raise TargetExists(f"{remote} already exists on the server.",
                           hint="Choose another name or confirm overwriting it.")
    size = local.stat().st_size
    offset = 0
    if resume and answers[2][0] == wire.FXP_ATTRS:
        part_size = _attrs(answers[2][1])[0] or 0
        if part_size <= size:
            offset = part_size
    flags = wire.WRITE | wire.CREAT | (0 if offset else wire.TRUNC)
    if offset:
        flags |= wire.READ
    [(kind, body)] = _roundtrip(pipe, [pipe.open_req(part, flags)])
    handle = wire.string_of(wire.expect(kind, body, wire.FXP_HANDLE))
    digest = hashlib.sha256()
    try:
        with local.open("rb") as fh:
            fd = fh.fileno()
            if offset:
                start = max(0, offset - RESUME_CHECK)
                if _read_exact(pipe, handle, start, offset - start) != os.pread(fd, offset - start, start):
                    offset = 0
                    [(kind, body)] = _roundtrip(pipe, [pipe.simple(wire.FXP_CLOSE, wire._str(handle))])
                    [(kind, body)] = _roundtrip(pipe, [pipe.open_req(part, wire.WRITE | wire.CREAT | wire.TRUNC)])
                    handle = wire.string_of(wire.expect(kind, body, wire.FXP_HANDLE))
                else:
                    _hash_prefix(fd, offset, digest)
            _push(pipe, handle, fd, offset, size, limits.max_write, digest, _Throttle(progress, size), cancel)
    except BaseException:
        _close_later(pipe, handle)
        raise
    # The server handles requests in order: the STAT sees the file as the CLOSE left it.
    closed, (kind, body) = _roundtrip(pipe, [pipe.simple(wire.FXP_CLOSE, wire._str(handle)),
                                             pipe.simple(wire.FXP_STAT, wire._str(part.encode()))])
    code, text = wire.status_of(wire.expect(*closed, wire.FXP_STATUS))
    if code != wire.FX_OK:
        raise wire.StatusError(code, text)
    stored = _attrs(wire.expect(kind, body, wire.FXP_ATTRS))[0]
    if stored != size:
        raise SftpError(f"The server holds {stored} of {size} bytes of {part}; not renamed.",
                        hint="Run the upload again with resume.")
    _rename(pipe, part, remote, replace=exists)
    return TransferResult("upload", str(local), remote, size, digest.hexdigest(), offset,
                          round(time.monotonic() - started, 3))


def _rename(pipe: wire.Pipe, old: str, new: str, *, replace: bool) -> None:
    names = wire._str(old.encode()) + wire._str(new.encode())
    [(kind, body)] = _roundtrip(pipe, [pipe.simple(wire.FXP_EXTENDED, wire._str(b"posix-rename@openssh.com")
                                                   + names)])
    if kind == wire.FXP_STATUS and wire.status_of(body)[0] == wire.FX_OK:
        return
    if replace:  # no atomic replace on this server: remove, then rename
        _roundtrip(pipe, [pipe.simple(13, wire._str(new.encode()))])  # SSH_FXP_REMOVE
    [(kind, body)] = _roundtrip(pipe, [pipe.simple(wire.FXP_RENAME, names)])
    wire.expect(kind, body, wire.FXP_STATUS)
    code, text = wire.status_of(body)
    if code != wire.FX_OK:
        raise wire.StatusError(code, text)


def _push(pipe: wire.Pipe, handle: bytes, fd: int, offset: int, size: int, request: int, digest: Any,
          report: _Throttle, cancel: threading.Event | None) -> None:
    """Pipelined writes of the local [offset, size) range.

    Each chunk is read into a buffer with room for the WRITE request's header in front, so the
    request goes out without another copy. (Reading and hashing in a separate thread was tried:
    same speed, more CPU.)
    """
    max_pending = max(4, IN_FLIGHT_BYTES // request)
    pending: set[int] = set()
    next_offset = offset
    acked = offset
    failure: Exception | None = None
    handle_field = wire._str(handle)
    head = 9 + len(handle_field) + 12
    while True:
        if failure is None and cancel is not None and cancel.is_set():
            failure = Cancelled("Upload cancelled; the partial file is kept on the server for resume.")
        while failure is None and len(pending) < max_pending and next_offset < size:
            n = min(request, size - next_offset)
            buf = bytearray(head + n)
            data = memoryview(buf)[head:]
            if os.preadv(fd, [data], next_offset) < n:
                failure = SftpError("The local file got shorter during the upload.")
                break
            digest.update(data)
            rid = pipe.new_id()
            struct.pack_into(">IBI", buf, 0, len(buf) - 4, wire.FXP_WRITE, rid)
            buf[9:9 + len(handle_field)] = handle_field
            struct.pack_into(">QI", buf, 9 + len(handle_field), next_offset, n)
            pipe.send(buf)
            pending.add(rid)
            next_offset += n
        if not pending:
            break
        kind, rid, body = pipe.response()
        pending.discard(rid)
        if failure is not None:
            continue
        code, text = wire.status_of(body) if kind == wire.FXP_STATUS else (-1, "unexpected reply")
        if code != wire.FX_OK:
            failure = wire.StatusError(code, text)
            continue
        acked = min(acked + request, size)
        report(acked)
    if failure is not None:
        raise failure
    report(size, final=True)


# ---------------------------------------------------------------------- newest reports
def download_newest(params: ConnectionParams, remote_dir: str, local_dir: Path, *, known_hosts: Path,
                    count: int = 5, progress: Progress | None = None, cancel: threading.Event | None = None,
                    session: SftpSession | None = None) -> list[TransferResult]:
    """Fetch the ``count`` most recent files of ``remote_dir``; files already here (same size) are skipped."""
    results: list[TransferResult] = []
    with _session(params, known_hosts, session, cancel) as s:
        listing = list_dir(params, remote_dir, known_hosts=known_hosts, session=s)
        files = [e for e in listing.entries if not e.is_dir and not e.name.endswith(".part")]
        newest = sorted(files, key=lambda e: e.mtime, reverse=True)[:max(1, count)]
        total = sum(e.size for e in newest)
        base = 0
        for entry in newest:
            _check(cancel)
            target = Path(local_dir) / entry.name
            if target.exists() and target.stat().st_size == entry.size:
                results.append(TransferResult("download", str(target), entry.path, entry.size, "", 0, 0.0, True))
                base += entry.size
                continue

            def step(done: int, _total: int, base: int = base) -> None:
                if progress:
                    progress(base + done, total)

            try:
                results.append(download_file(params, entry.path, target, known_hosts=known_hosts,
                                             progress=step, cancel=cancel, resume=True, overwrite=False,
                                             session=s))
            except TargetExists:  # a different file of the same name is here: leave it alone
                results.append(TransferResult("download", str(target), entry.path, entry.size, "", 0, 0.0, True))
            base += entry.size
    return results
