"""The one vetted archive reader: zip and tar, streamed entry by entry, never ``extractall``.

Nothing here writes to disk. :func:`iter_archive` yields each regular file as an
:class:`Entry` plus an iterator of byte chunks; the caller (the store) decides where bytes go.
Every entry is checked before a byte of it is read, and bytes are counted while they stream:
an archive that breaks a rule is refused with :class:`UnsafeArchive`, whose message names the
entry. Limits (entries, total size, compression ratio, nesting depth) are shared across nested
archives through one :class:`Budget`.
"""

from __future__ import annotations

import re
import stat
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from console.services.bundles.errors import NotAnArchive
from console.services.errors import Cancelled, InvalidInput
from console.services.units import human_size as _human

CHUNK = 1024 * 1024
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: Legacy encodings tried, in order, for names not flagged as UTF-8 (Traditional Chinese first).
_NAME_ENCODINGS = ("utf-8", "cp950", "gb18030", "cp1252")


@dataclass(frozen=True)
class Limits:
    max_entries: int = 10_000
    max_total_bytes: int = 4 * 1024**3
    max_ratio: float = 100.0
    #: The ratio rule only applies to entries larger than this.
    ratio_floor: int = 1024**2
    #: The outermost archive is level 1; an archive inside it level 2, and so on.
    max_depth: int = 3


class UnsafeArchive(InvalidInput):
    """An archive (or folder) broke a safety rule; nothing of it was kept."""

    title = "Archive refused"

    def __init__(self, entry: str, problem: str) -> None:
        super().__init__(f"Refused {entry!r}: {problem}.",
                         hint="Nothing from this bundle was stored. Ask the client for a fresh export "
                              "from the platform, or take the files in one by one.")
        self.entry = entry
        self.problem = problem


@dataclass
class Budget:
    """Counters shared by every archive and folder of one ingest."""

    limits: Limits = field(default_factory=Limits)
    entries: int = 0
    total_bytes: int = 0
    cancel: threading.Event | None = None

    def add_entry(self, name: str) -> None:
        self.entries += 1
        if self.entries > self.limits.max_entries:
            raise UnsafeArchive(name, f"more than {self.limits.max_entries:,} entries")

    def add_bytes(self, name: str, count: int) -> None:
        self.total_bytes += count
        if self.total_bytes > self.limits.max_total_bytes:
            raise UnsafeArchive(name, f"the contents add up to more than {_human(self.limits.max_total_bytes)}")

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("The intake was cancelled; nothing was stored.")


@dataclass(frozen=True)
class Entry:
    """A regular file inside an archive, with a safe relative POSIX name."""

    name: str
    size: int
    mtime: datetime | None
    nested_archive: bool


def is_archive_name(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def redecode(raw: bytes) -> str:
    """Decode a file name whose encoding is unknown: UTF-8, then Big5, GB18030 and Windows-1252."""
    for encoding in _NAME_ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("cp437")


def safe_name(raw: str) -> str:
    """``raw`` as a relative POSIX path, or :class:`UnsafeArchive` if it could point anywhere else."""
    if "\\" in raw:
        raise UnsafeArchive(raw, "the name contains a backslash, which could hide a path on Windows")
    if _CONTROL.search(raw):
        raise UnsafeArchive(raw.encode("unicode_escape").decode(), "the name contains control characters")
    if raw.startswith("/"):
        raise UnsafeArchive(raw, "the name is an absolute path")
    if _DRIVE.match(raw):
        raise UnsafeArchive(raw, "the name starts with a drive letter")
    parts = [p for p in raw.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise UnsafeArchive(raw, "the name climbs out of the archive with '..'")
    if any(_DRIVE.match(p) or p.endswith((" ", ".")) for p in parts if p != ".."):
        # "C:" mid-path or a trailing dot/space are ways to alias another file on Windows.
        raise UnsafeArchive(raw, "the name has a part Windows would read differently")
    return "/".join(parts)


# ---------------------------------------------------------------------- zip
def _zip_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return redecode(info.filename.encode("cp437"))
    except UnicodeEncodeError:
        return info.filename


def _check_zip_info(info: zipfile.ZipInfo, name: str, limits: Limits) -> None:
    mode = (info.external_attr >> 16) & 0xFFFF
    if mode and stat.S_ISLNK(mode):
        raise UnsafeArchive(name, "it is a symbolic link")
    if mode and (stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
        raise UnsafeArchive(name, "it is a device or special file")
    if info.flag_bits & 0x1:
        raise UnsafeArchive(name, "it is password-protected")
    if info.file_size > limits.ratio_floor:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise UnsafeArchive(name, f"it expands {ratio:,.0f} times (a compression bomb); "
                                      f"the limit is {limits.max_ratio:.0f}:1")


def _iter_zip(path: Path, budget: Budget) -> Iterator[tuple[Entry, Iterator[bytes]]]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _not_an_archive(path.name, f"it is not a readable zip archive: {exc}") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > budget.limits.max_entries:
            raise UnsafeArchive(_zip_name(infos[budget.limits.max_entries]),
                                f"more than {budget.limits.max_entries:,} entries")
        # Check every header before reading any content, so a bad entry refuses the whole archive early.
        checked: list[tuple[zipfile.ZipInfo, str]] = []
        declared = budget.total_bytes
        for info in infos:
            raw = _zip_name(info)
            name = safe_name(raw)
            if info.is_dir() or not name:
                continue
            _check_zip_info(info, raw, budget.limits)
            declared += info.file_size
            if declared > budget.limits.max_total_bytes:
                raise UnsafeArchive(raw, "the contents add up to more than "
                                         f"{_human(budget.limits.max_total_bytes)}")
            checked.append((info, name))
        for info, name in checked:
            budget.add_entry(name)
            budget.check_cancel()
            mtime = _zip_mtime(info)
            entry = Entry(name, info.file_size, mtime, is_archive_name(name))
            yield entry, _zip_chunks(zf, info, name, budget)


def _zip_mtime(info: zipfile.ZipInfo) -> datetime | None:
    try:
        return datetime(*info.date_time)
    except ValueError:
        return None


def _zip_chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: Budget) -> Iterator[bytes]:
    read = 0
    try:
        with zf.open(info) as fh:
            while True:
                budget.check_cancel()
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                read += len(chunk)
                if read > info.file_size:
                    raise UnsafeArchive(name, "it holds more data than its header says")
                budget.add_bytes(name, len(chunk))
                yield chunk
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise InvalidInput(f"The entry {name!r} cannot be read ({exc}).",
                           hint="The archive may be damaged or use an unsupported compression method.") from exc


# ---------------------------------------------------------------------- tar
class _CountingReader:
    """A raw file wrapper counting the compressed bytes tarfile pulls through it."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        self.count += len(data)
        return data

    def close(self) -> None:
        self.fh.close()


def _tar_name(member: tarfile.TarInfo) -> str:
    name = member.name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = redecode(name.encode("utf-8", "surrogateescape"))
    return name


def _iter_tar(path: Path, budget: Budget) -> Iterator[tuple[Entry, Iterator[bytes]]]:
    raw_fh = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    counter = _CountingReader(raw_fh)
    try:
        try:
            tf = tarfile.open(  # type: ignore[call-overload]  # noqa: SIM115 - closed by the with below
                fileobj=counter, mode="r|*", encoding="utf-8", errors="surrogateescape")
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise _not_an_archive(path.name, f"it is not a readable tar archive: {exc}") from exc
        with tf:
            while True:
                budget.check_cancel()
                try:
                    member = tf.next()
                except (tarfile.TarError, OSError, EOFError) as exc:
                    raise InvalidInput(f"{path.name} is damaged ({exc}).") from exc
                if member is None:
                    break
                raw = _tar_name(member)
                name = safe_name(raw)
                if member.issym():
                    raise UnsafeArchive(raw, f"it is a symbolic link (to {member.linkname!r})")
                if member.islnk():
                    raise UnsafeArchive(raw, f"it is a hard link (to {member.linkname!r})")
                if member.ischr() or member.isblk() or member.isfifo():
                    raise UnsafeArchive(raw, "it is a device or special file")
                if member.isdir() or not name:
                    continue
                if not member.isreg():
                    raise UnsafeArchive(raw, "it is not a regular file")
                budget.add_entry(raw)
                mtime = datetime.fromtimestamp(member.mtime) if member.mtime > 0 else None
                entry = Entry(name, member.size, mtime, is_archive_name(name))
                fh = tf.extractfile(member)
                if fh is None:
                    continue
                yield entry, _tar_chunks(fh, raw, member.size, counter, budget)
    finally:
        raw_fh.close()


def _tar_chunks(fh: IO[bytes], name: str, size: int, counter: _CountingReader,
                budget: Budget) -> Iterator[bytes]:
    limits = budget.limits
    start_compressed = counter.count
    read = 0
    try:
        while True:
            budget.check_cancel()
            chunk = fh.read(CHUNK)
            if not chunk:
                break
            read += len(chunk)
            if read > size:
                raise UnsafeArchive(name, "it holds more data than its header says")
            budget.add_bytes(name, len(chunk))
            if read > limits.ratio_floor:
                # gzip reads ahead, so this slightly over-counts compressed bytes: the check errs lenient.
                compressed = max(counter.count - start_compressed, 1)
                if read / compressed > limits.max_ratio:
                    raise UnsafeArchive(name, f"it expands more than {limits.max_ratio:.0f} times "
                                              "(a compression bomb)")
            yield chunk
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise InvalidInput(f"The entry {name!r} cannot be read ({exc}).") from exc


# ---------------------------------------------------------------------- public
def archive_type(path: Path) -> str | None:
    """``"zip"``, ``"tar"`` or ``None``, by content (names lie)."""
    try:
        if zipfile.is_zipfile(path):
            return "zip"
        if tarfile.is_tarfile(path):
            return "tar"
    except OSError:
        return None
    return None


def iter_archive(path: Path, budget: Budget, *, depth: int = 1,
                 label: str | None = None) -> Iterator[tuple[Entry, Iterator[bytes]]]:
    """Each regular file of the archive at ``path`` (level ``depth``) with a chunk iterator.

    Consume an entry's chunks before asking for the next entry (tar is read as a stream).
    """
    shown = label or path.name
    if depth > budget.limits.max_depth:
        raise UnsafeArchive(shown, f"archives are nested more than {budget.limits.max_depth} levels deep")
    kind = archive_type(path)
    if kind == "zip":
        yield from _iter_zip(path, budget)
    elif kind == "tar":
        yield from _iter_tar(path, budget)
    else:
        raise _not_an_archive(shown, "its content is neither a zip nor a tar archive")


def _not_an_archive(name: str, why: str) -> NotAnArchive:
    return NotAnArchive(f"{name} is named like an archive, but {why}.",
                        hint="It may be damaged, cut short during the upload, or another file renamed. "
                             "Nothing was stored; ask the client to send the bundle again.")
