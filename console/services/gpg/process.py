"""Run one long gpg command (encrypt or decrypt a file) that gpg streams by itself.

gpg reads the input file named on its command line and writes ``--output`` itself, so no
report byte passes through Python (that copy was the service's main cost against the gpg
command line). We only read gpg's status stream:

* ``--enable-progress-filter`` makes gpg emit ``[GNUPG:] PROGRESS what ? done total units``
  lines (about once a second, and at the start and end); they drive ``progress``.
* every other ``[GNUPG:]`` line is kept for :mod:`console.services.gpg.diagnose`.

Cancel terminates the gpg process (SIGTERM, then SIGKILL if it lingers) instead of waiting
for it; the caller owns the output path and removes it. A passphrase goes through
``--passphrase-fd 0`` with loopback pinentry, never the command line.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Callable, Sequence

from console.services.errors import InvalidInput
from console.services.gpg.engine import BASE_OPTIONS, GpgHome, GpgRun, Status, ensure_home, gpg_missing

log = logging.getLogger(__name__)

#: How often the cancel watcher looks at the event, and how long gpg gets to stop on SIGTERM.
CANCEL_POLL_S = 0.05
TERMINATE_GRACE_S = 3.0

_UNITS = {"": 1, "B": 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40}


def parse_progress(value: str) -> tuple[int, int] | None:
    """(done, total) in bytes from a PROGRESS status value ``what char cur total [units]``.

    ``what`` may contain spaces (a file name), so the fields are taken from the right.
    """
    parts = value.split()
    if len(parts) >= 5 and parts[-1] in _UNITS:
        unit, cur, total = _UNITS[parts[-1]], parts[-3], parts[-2]
    elif len(parts) >= 4:
        unit, cur, total = 1, parts[-2], parts[-1]
    else:
        return None
    try:
        return int(cur) * unit, int(total) * unit
    except ValueError:
        return None


def terminate(proc: subprocess.Popen[bytes]) -> None:
    """Stop gpg now: SIGTERM (gpg cleans up), SIGKILL after a short grace period."""
    if proc.poll() is not None:
        return
    try:
        proc.terminate()
        proc.wait(TERMINATE_GRACE_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    except OSError:
        pass  # already gone


def stream_gpg(home: GpgHome, args: Sequence[str], *, passphrase: str | None = None,
               on_progress: Callable[[int, int], None] | None = None,
               cancel: threading.Event | None = None,
               on_start: Callable[[subprocess.Popen[bytes]], None] | None = None) -> GpgRun:
    """Run ``gpg --homedir HOME ARGS`` with status lines and progress; killed promptly on cancel.

    ``on_progress(done, total)`` gets gpg's own byte counts of the input. ``on_start`` sees
    the process (tests use it to check that cancel really ends it). The returned run has
    every status line except PROGRESS; when ``cancel`` was set the caller should treat the
    run as cancelled whatever it says.
    """
    ensure_home(home)
    cmd = [home.binary, "--homedir", str(home.path), "--batch", "--no-tty", "--yes", "--status-fd", "2",
           "--enable-progress-filter", *BASE_OPTIONS]
    if passphrase is not None:
        if "\n" in passphrase or "\r" in passphrase:
            raise InvalidInput("A passphrase cannot contain line breaks.")
        cmd += ["--pinentry-mode", "loopback", "--passphrase-fd", "0"]
    cmd += list(args)
    if cancel is not None and cancel.is_set():
        return GpgRun(-1, ())
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if passphrase is not None else subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except OSError as exc:
        raise gpg_missing(home) from exc
    finished = threading.Event()
    watcher = None
    try:
        if on_start is not None:
            on_start(proc)
        if passphrase is not None and proc.stdin is not None:
            try:
                proc.stdin.write(passphrase.encode("utf-8") + b"\n")
                proc.stdin.close()
            except OSError:
                pass  # gpg stopped before reading it: its status lines say why
        if cancel is not None:
            watcher = threading.Thread(target=_watch, args=(proc, cancel, finished), daemon=True,
                                       name="gpg-cancel-watch")
            watcher.start()
        statuses: list[Status] = []
        assert proc.stderr is not None
        for raw in proc.stderr:
            if not raw.startswith(b"[GNUPG:] "):
                continue  # gpg's prose: never used for decisions
            keyword, _, value = raw[9:].decode("utf-8", "replace").rstrip("\r\n").partition(" ")
            if keyword == "PROGRESS":
                counts = parse_progress(value)
                if counts is not None and on_progress is not None:
                    on_progress(*counts)
                continue
            statuses.append((keyword, value.strip()))
        returncode = proc.wait()
    finally:
        finished.set()
        terminate(proc)  # only does something when we leave early (an exception in a callback)
        if proc.stderr is not None:
            proc.stderr.close()
        if watcher is not None:
            watcher.join()
    log.debug("gpg %s -> %s %s", args[0] if args else "", returncode, [k for k, _ in statuses])
    return GpgRun(returncode, tuple(statuses))


def _watch(proc: subprocess.Popen[bytes], cancel: threading.Event, finished: threading.Event) -> None:
    # Waiting on ``finished`` (not on ``cancel``) lets a normal end wake the watcher at once.
    while not finished.wait(CANCEL_POLL_S):
        if cancel.is_set():
            terminate(proc)
            return
