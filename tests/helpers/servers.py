"""Real servers for tests: a throwaway PostgreSQL cluster, OpenSSH sshd, Xvfb.

Nothing here is a mock: each starts the real program from the machine and stops it afterwards.
"""

from __future__ import annotations

import contextlib
import getpass
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 15.0, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


# ---------------------------------------------------------------------- PostgreSQL
def postgres_bindir() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


@dataclass
class PostgresCluster:
    bindir: Path
    datadir: Path
    port: int
    as_user: str | None
    log: Path
    _counter: int = 0

    def _cmd(self, *args: str) -> list[str]:
        if self.as_user:
            return ["runuser", "-u", self.as_user, "--", *args]
        return list(args)

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        import psycopg

        self._counter += 1
        name = f"t{os.getpid()}_{self._counter}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        subprocess.run(self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "stop"),
                       capture_output=True, check=False)
        shutil.rmtree(self.datadir.parent, ignore_errors=True)


def start_postgres() -> PostgresCluster:
    bindir = postgres_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found; `make test` installs them")
    as_user = "postgres" if os.geteuid() == 0 else None
    base = Path(tempfile.mkdtemp(prefix="sc-pg-"))
    datadir = base / "data"
    log = base / "postgres.log"
    if as_user:
        shutil.chown(base, user=as_user)
        os.chmod(base, 0o700)
    cluster = PostgresCluster(bindir, datadir, free_port(), as_user, log)
    subprocess.run(cluster._cmd(str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres", "-A", "trust",
                                "-E", "UTF8", "--no-locale", "--no-sync"),
                   check=True, capture_output=True)
    opts = (f"-p {cluster.port} -c listen_addresses=127.0.0.1 -k {base} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    proc = subprocess.run(cluster._cmd(str(bindir / "pg_ctl"), "-D", str(datadir), "-l", str(log), "-o", opts,
                                       "-w", "-t", "60", "start"), capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        server_log = log.read_text() if log.exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {proc.stderr or proc.stdout}\n{server_log}")
    return cluster


# ---------------------------------------------------------------------- sshd
def find_sshd() -> str | None:
    return shutil.which("sshd") or next((p for p in ("/usr/sbin/sshd", "/usr/local/sbin/sshd") if os.path.exists(p)),
                                        None)


@dataclass
class Sshd:
    """A real OpenSSH sshd on 127.0.0.1 for one test."""

    root: Path
    port: int
    user: str
    authorized_keys: Path
    host_key_path: Path
    config_path: Path
    extra_config: str = ""
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path = field(default_factory=Path)
    host: str = "127.0.0.1"

    @property
    def host_public_key(self) -> str:
        return Path(str(self.host_key_path) + ".pub").read_text().strip()

    def _write_config(self) -> None:
        self.config_path.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {self.host_key_path}\n"
            f"PidFile {self.root / 'sshd.pid'}\nAuthorizedKeysFile {self.authorized_keys}\n"
            "StrictModes no\nUsePAM yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
            "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\nSubsystem sftp internal-sftp\n"
            "LogLevel VERBOSE\nMaxStartups 100\nMaxSessions 100\n" + self.extra_config + "\n")

    def start(self) -> None:
        sshd = find_sshd()
        if sshd is None:
            raise RuntimeError("OpenSSH sshd not found; `make test` installs openssh-server")
        if os.geteuid() == 0:
            os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
        self._write_config()
        self.log_path = self.root / "sshd.log"
        self.proc = subprocess.Popen([sshd, "-D", "-e", "-f", str(self.config_path)],
                                     stdout=subprocess.DEVNULL, stderr=open(self.log_path, "ab"))  # noqa: SIM115
        wait_for_port(self.port, proc=self.proc)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self, extra_config: str | None = None) -> None:
        self.stop()
        if extra_config is not None:
            self.extra_config = extra_config
        self.start()

    def rotate_host_key(self) -> None:
        """Give the server a new host key (what a client sees as a *changed* host key)."""
        self.stop()
        for p in (self.host_key_path, Path(str(self.host_key_path) + ".pub")):
            p.unlink(missing_ok=True)
        _keygen(self.host_key_path)
        self.start()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def _keygen(path: Path, kind: str = "ed25519") -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", kind, "-N", "", "-f", str(path)], check=True)


@contextlib.contextmanager
def run_sshd(root: Path) -> Iterator[Sshd]:
    root.mkdir(parents=True, exist_ok=True)
    host_key = root / "ssh_host_ed25519_key"
    _keygen(host_key)
    authorized = root / "authorized_keys"
    authorized.touch()
    server = Sshd(root=root, port=free_port(), user=getpass.getuser(), authorized_keys=authorized,
                  host_key_path=host_key, config_path=root / "sshd_config")
    server.start()
    try:
        yield server
    finally:
        server.stop()


# ---------------------------------------------------------------------- Xvfb
@contextlib.contextmanager
def run_xvfb(width: int = 1920, height: int = 1080, depth: int = 24) -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise RuntimeError("Xvfb not found; `make test` installs xvfb")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x{depth}",
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as fh:
            number = fh.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
