"""Helpers and fixtures for the gpg area's tests (imported by tests/*/test_gpg*.py).

Everything runs the real gpg on throwaway homes; each home's agent is stopped afterwards.
Fast ed25519 keys everywhere except the one test of the RSA 3072 default, and test homes
use a low S2K count (``s2k-count`` in gpg-agent.conf) so protecting and unlocking a key takes
milliseconds instead of gpg's calibrated ~100 ms per step. The console's own homes keep
gpg's default; passphrase checking works the same either way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from console.services import gpg
from console.services.gpg.engine import run_gpg

PASS = "correct horse battery"


def fast_home(path: Path) -> Path:
    conf = path / "gpg-agent.conf"
    old = conf.read_text() if conf.exists() else ""
    if "s2k-count" not in old:
        conf.write_text(old + "s2k-count 65536\n")
    return path


def _new_home() -> Path:
    home = Path(tempfile.mkdtemp(prefix="scg-", dir="/tmp"))
    os.chmod(home, 0o700)
    return fast_home(home)


def _drop_home(home: Path) -> None:
    subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], capture_output=True, check=False)
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def home(gnupghome: Path) -> gpg.GpgHome:
    """The console's GnuPG home on the shared `gnupghome` fixture."""
    return gpg.GpgHome(fast_home(gnupghome))


@pytest.fixture
def other_home() -> Iterator[gpg.GpgHome]:
    """A second, fresh home: 'another computer'."""
    path = _new_home()
    yield gpg.GpgHome(path)
    _drop_home(path)


@pytest.fixture
def make_key() -> Callable[..., gpg.KeyInfo]:
    def make(home: gpg.GpgHome, name: str = "Alice Chen", email: str = "alice@example.com",
             passphrase: str = PASS, algo: str = "ed25519") -> gpg.KeyInfo:
        return gpg.generate_key_pair(home, name, email, passphrase=passphrase, algo=algo).key

    return make


def make_expired_key(home: gpg.GpgHome, email: str = "old@example.com") -> str:
    """A key pair made 'in 2020' that expired a day later (gpg's faked system time)."""
    run = run_gpg(home, ["--faked-system-time", "20200101T000000", "--quick-gen-key",
                         f"Old Client <{email}>", "ed25519", "default", "1d"], passphrase=PASS)
    fpr = next(v.split()[1] for k, v in run.statuses if k == "KEY_CREATED")
    return fpr


def revoke(home: gpg.GpgHome, fpr: str) -> None:
    """Import the revocation certificate gpg stored when the key was made."""
    text = (home.path / "openpgp-revocs.d" / f"{fpr}.rev").read_text()
    data = text.replace(":-----BEGIN", "-----BEGIN").encode()
    gpg.import_keys(home, data)


def share_public(src: gpg.GpgHome, dst: gpg.GpgHome, fpr: str, *, trust: bool) -> None:
    _, armored = gpg.export_public(src, fpr)
    gpg.import_keys(dst, armored.encode(), trust=trust)


def write_report(path: Path, size: int = 20000) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"date,account,amount\n" + b"2024-01-02,U1234567,100.00\n" * (size // 28))
    return path


def no_part_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".part")]


#: Far more than gpg can encrypt in the seconds a cancel test allows; sparse, so it costs no disk.
HUGE = 6 << 30


def sparse(path: Path, size: int = HUGE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


def gpg_children() -> list[int]:
    """Pids of this process's children running gpg (Linux /proc; the daemonised agent is not a child)."""
    me = os.getpid()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm, rest = stat[stat.index("(") + 1: stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        if comm.startswith("gpg") and comm != "gpg-agent" and int(rest[1]) == me:
            found.append(int(entry.name))
    return found


def part_bigger_than(folder: Path, size: int) -> bool:
    """gpg is writing: a .part under ``folder`` has grown past ``size`` bytes."""
    try:
        return any(p.stat().st_size > size for p in folder.rglob("*.part"))
    except OSError:
        return False


class KeyTemplate:
    """A home with two ready key pairs, made once per session and copied into test homes."""

    def __init__(self, path: Path, alice: str, team: str) -> None:
        self.path = path
        self.alice = alice
        self.team = team

    def copy_into(self, dst: Path) -> gpg.GpgHome:
        for item in self.path.iterdir():
            if item.name.startswith("S.") or item.name.endswith((".lock", "~")):
                continue  # agent sockets and lock files belong to the template's agent
            if item.is_dir():
                shutil.copytree(item, dst / item.name, dirs_exist_ok=True)
            else:
                shutil.copy2(item, dst / item.name)
        return gpg.GpgHome(dst)


@pytest.fixture(scope="session")
def key_template() -> Iterator[KeyTemplate]:
    path = _new_home()
    home = gpg.GpgHome(path)
    alice = gpg.generate_key_pair(home, "Alice Chen", "alice@example.com", passphrase=PASS, algo="ed25519")
    team = gpg.generate_key_pair(home, "Support Team", "team@example.com", passphrase=PASS + " team",
                                 algo="ed25519")
    gpg.stop_agent(home)
    yield KeyTemplate(path, alice.key.fingerprint, team.key.fingerprint)
    _drop_home(path)


@pytest.fixture
def alice_home(gnupghome: Path, key_template: KeyTemplate) -> gpg.GpgHome:
    """A home holding Alice's key pair (passphrase PASS) and the team key (PASS + ' team')."""
    return key_template.copy_into(gnupghome)
