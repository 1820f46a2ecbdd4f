"""The console's own GnuPG home and the ways we talk to gpg (files are streamed by :mod:`.process`).

* :func:`open_gpg` gives a python-gnupg ``GPG`` bound to the console's home. Its result
  objects record every ``[GNUPG:]`` status line (keyword, value), so failures are explained
  from gpg's machine-readable status lines, never from its stderr prose.
* :func:`run_gpg` runs one gpg command python-gnupg has no call for (quick key generation,
  deleting a key pair) with the same home and the same status-line capture.

The home is prepared by :func:`ensure_home`: mode 0700, an agent configuration that never
caches a passphrase (``default-cache-ttl 0``, ``max-cache-ttl 0``) and accepts passphrases
through loopback, and ``trust-model direct`` so a key becomes usable for encryption only
when someone confirms its fingerprint (see :func:`console.services.gpg.keyring.trust_key`).

python-gnupg is imported lazily; its DEBUG logging is silenced because it would copy key
material (the first bytes of an imported or exported secret key) into our logs.
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.services.errors import ConfigError
from console.services.gpg.errors import GpgNotInstalled

log = logging.getLogger(__name__)

Status = tuple[str, str]

AGENT_SETTINGS = {"default-cache-ttl": "0", "max-cache-ttl": "0", "allow-loopback-pinentry": ""}
GPG_SETTINGS = {"trust-model": "direct"}
#: Options on every gpg call (the same as gpg.conf, in case someone edited that file).
BASE_OPTIONS = ("--trust-model", "direct", "--no-auto-key-locate", "--no-auto-key-retrieve")

INSTALL_HINT = (
    "Install GnuPG, then try again. Windows: Gpg4win from gpg4win.org. "
    "macOS: GPG Suite from gpgtools.org, or 'brew install gnupg'. "
    "Linux: the 'gnupg' package of your distribution (for example 'sudo apt install gnupg')."
)


@dataclass(frozen=True)
class GpgHome:
    """Where the console keeps its keys, and which gpg program to run."""

    path: Path
    binary: str = "gpg"
    #: Create the folder on first use. Only the console's default home is created that way;
    #: any other path must exist already, so a mistyped one is refused instead of silently
    #: becoming a new, empty keyring.
    create: bool = True

    @classmethod
    def of(cls, path: Path | str, binary: str | None = None, *, create: bool = True) -> GpgHome:
        """``binary`` "gpg" (the default) means: found on PATH, or where Gpg4win installs it on Windows."""
        if not binary or binary == "gpg":
            from console.services.doctor import find_gpg

            binary = find_gpg() or "gpg"
        return cls(Path(path).expanduser(), binary, create)

    @classmethod
    def chosen(cls, path: Path | str, binary: str | None, *, default: Path | str) -> GpgHome:
        """The home at ``path``; created on first use only when it is the console's ``default`` home."""
        wanted = Path(path).expanduser()
        is_default = wanted.absolute() == Path(default).expanduser().absolute()
        return cls.of(wanted, binary, create=is_default)


@dataclass(frozen=True)
class GpgRun:
    """The outcome of one :func:`run_gpg` call."""

    returncode: int
    statuses: tuple[Status, ...]
    stdout: bytes = field(repr=False, default=b"")

    def has(self, keyword: str) -> bool:
        return any(k == keyword for k, _ in self.statuses)

    def values(self, keyword: str) -> list[str]:
        return [v for k, v in self.statuses if k == keyword]


def _merge_conf(path: Path, wanted: dict[str, str]) -> bool:
    """Make sure ``path`` sets each option of ``wanted``; keep other lines. True if it changed."""
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    kept = [line for line in old.splitlines()
            if not line.strip() or line.strip().split()[0] not in wanted]
    lines = kept + [f"{k} {v}".rstrip() for k, v in wanted.items()]
    new = "\n".join(lines) + "\n"
    if new == old:
        return False
    from console.services.fsutil import atomic_write_text

    atomic_write_text(path, new, mode=0o600)
    return True


def ensure_home(home: GpgHome) -> Path:
    """Create the console's GnuPG home if needed and enforce its agent and trust settings."""
    path = home.path
    if not home.create and not path.is_dir():
        what = "is a file, not a folder" if path.exists() else "does not exist"
        raise ConfigError(f"The GnuPG home {path} {what}.",
                          hint="Check the path for a typo. Only the console's own default home is created "
                               "on first use; to start a new keyring elsewhere, create the empty folder first.")
    try:
        path.mkdir(parents=True, exist_ok=True)
        if sys.platform != "win32":
            os.chmod(path, 0o700)
        agent_changed = _merge_conf(path / "gpg-agent.conf", AGENT_SETTINGS)
        _merge_conf(path / "gpg.conf", GPG_SETTINGS)
    except OSError as exc:
        raise ConfigError(f"The GnuPG home {path} cannot be prepared ({exc.strerror or exc}).",
                          hint="Choose another folder for 'GnuPG home' in Preferences.") from exc
    if agent_changed:
        _reload_agent(home)
    return path


def _gpgconf(home: GpgHome) -> str | None:
    beside = Path(home.binary).with_name("gpgconf")
    if beside.is_file():
        return str(beside)
    return shutil.which("gpgconf")


def _reload_agent(home: GpgHome) -> None:
    """An agent already running for this home must re-read its configuration (no cached passphrases)."""
    tool = _gpgconf(home)
    if tool is None:
        return
    subprocess.run([tool, "--homedir", str(home.path), "--reload", "gpg-agent"],
                   capture_output=True, check=False, timeout=30)


def stop_agent(home: GpgHome) -> None:
    """Stop the gpg-agent of this home (tests, and before removing a home)."""
    tool = _gpgconf(home)
    if tool is not None:
        subprocess.run([tool, "--homedir", str(home.path), "--kill", "all"],
                       capture_output=True, check=False, timeout=30)


@functools.cache
def _gpg_class() -> type[Any]:
    import gnupg

    # python-gnupg logs key data and every status line at DEBUG: keep secrets out of our logs.
    logging.getLogger("gnupg").setLevel(logging.CRITICAL)

    def recording(base: type[Any]) -> type[Any]:
        class Recording(base):  # type: ignore[misc]
            def __init__(self, gpg: Any) -> None:
                super().__init__(gpg)
                self.status_lines: list[Status] = []
                gpg.last_result = self

            def handle_status(self, key: str, value: str) -> None:
                self.status_lines.append((key, value))
                try:
                    super().handle_status(key, value)
                except (ValueError, KeyError, IndexError, NotImplementedError):
                    pass  # python-gnupg's own bookkeeping; our decisions use status_lines

        Recording.__name__ = f"Recording{base.__name__}"
        return Recording

    class ConsoleGPG(gnupg.GPG):  # type: ignore[misc]
        result_map = {name: recording(cls) for name, cls in gnupg.GPG.result_map.items()}
        buffer_size = 1 << 20
        decode_errors = "replace"
        last_result: Any = None

    return ConsoleGPG


_instances: dict[GpgHome, Any] = {}
_instances_lock = threading.Lock()


def open_gpg(home: GpgHome) -> Any:
    """A python-gnupg GPG on the console's home (prepared first), or :class:`GpgNotInstalled`.

    python-gnupg runs ``gpg --list-config`` to learn the version each time a GPG is made; we
    make one per home and hand out shallow copies, so each call has its own ``last_result``.
    """
    ensure_home(home)
    with _instances_lock:
        proto = _instances.get(home)
    if proto is None or (not Path(home.binary).exists() and shutil.which(home.binary) is None):
        cls = _gpg_class()
        try:
            proto = cls(gpgbinary=home.binary, gnupghome=str(home.path), options=list(BASE_OPTIONS),
                        encoding="utf-8")
        except (OSError, ValueError) as exc:
            raise gpg_missing(home) from exc
        with _instances_lock:
            _instances[home] = proto
    instance = copy.copy(proto)
    instance.last_result = None
    return instance


def gpg_missing(home: GpgHome) -> GpgNotInstalled:
    return GpgNotInstalled(f"The GnuPG program '{home.binary}' cannot be started.", hint=INSTALL_HINT)


def parse_status(text: str) -> tuple[Status, ...]:
    """The ``[GNUPG:]`` lines of a status stream as (keyword, value) pairs."""
    out: list[Status] = []
    for line in text.splitlines():
        if line.startswith("[GNUPG:] "):
            keyword, _, value = line[9:].partition(" ")
            out.append((keyword, value.strip()))
    return tuple(out)


def run_gpg(home: GpgHome, args: Sequence[str], *, passphrase: str | None = None,
            stdin: bytes = b"", timeout: float = 600) -> GpgRun:
    """Run ``gpg --homedir HOME ARGS`` with status lines on a pipe of their own.

    A passphrase goes through ``--passphrase-fd 0`` with loopback pinentry, never the
    command line.
    """
    ensure_home(home)
    cmd = [home.binary, "--homedir", str(home.path), "--batch", "--no-tty", "--status-fd", "2",
           "--with-colons", *BASE_OPTIONS]
    data = stdin
    if passphrase is not None:
        if "\n" in passphrase or "\r" in passphrase:
            from console.services.errors import InvalidInput

            raise InvalidInput("A passphrase cannot contain line breaks.")
        cmd += ["--pinentry-mode", "loopback", "--passphrase-fd", "0"]
        data = passphrase.encode("utf-8") + b"\n" + stdin
    cmd += list(args)
    try:
        proc = subprocess.run(cmd, input=data, capture_output=True, check=False, timeout=timeout)
    except OSError as exc:
        raise gpg_missing(home) from exc
    statuses = parse_status(proc.stderr.decode("utf-8", "replace"))
    log.debug("gpg %s -> %s %s", args[0] if args else "", proc.returncode, [k for k, _ in statuses])
    return GpgRun(proc.returncode, statuses, proc.stdout)


def error_code(value: str) -> int:
    """The gpg-error code (low 16 bits) of an ``ERROR``/``FAILURE`` status value, or -1."""
    last = value.rsplit(" ", 1)[-1]
    try:
        return int(last) & 0xFFFF
    except ValueError:
        return -1


GPG_ERR_BAD_PASSPHRASE = 11
GPG_ERR_NO_SECKEY = 17
GPG_ERR_CANCELED = 99
