"""Shared fixtures: isolated settings and data dirs, SQLite and PostgreSQL databases, GnuPG homes,
a real sshd, a real Xvfb for screen capture, and an in-process CLI runner. See docs/DEVELOPING.md."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Qt runs offscreen in every test; screen-capture tests get a real Xvfb through `xvfb_display`.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("DISPLAY", None)
os.environ.pop("WAYLAND_DISPLAY", None)

from tests.helpers import servers

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fresh data and config dirs for every test; no team database from the environment."""
    data = tmp_path / "data"
    monkeypatch.setenv("SUPPORT_CONSOLE_DATA_DIR", str(data))
    monkeypatch.setenv("SUPPORT_CONSOLE_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("SUPPORT_CONSOLE_DB_URL", "SUPPORT_CONSOLE_BUNDLE_DIR", "SUPPORT_CONSOLE_GNUPGHOME",
                 "SUPPORT_CONSOLE_SFTP_HOST", "SUPPORT_CONSOLE_SFTP_PORT", "SUPPORT_CONSOLE_LANGUAGE", "GNUPGHOME"):
        monkeypatch.delenv(name, raising=False)
    return data


@pytest.fixture
def ctx(isolated_dirs: Path) -> Iterator[object]:
    from console.context import AppContext

    context = AppContext()
    yield context
    context.close()


# ---------------------------------------------------------------------- databases
@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[servers.PostgresCluster]:
    cluster = servers.start_postgres()
    yield cluster
    cluster.stop()


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[object]:
    from console.services.db import Database

    db = Database(f"sqlite:///{tmp_path / 'test.db'}")
    db.upgrade()
    yield db
    db.dispose()


@pytest.fixture
def pg_database(pg_cluster: servers.PostgresCluster) -> Iterator[object]:
    from console.services.db import Database

    name = pg_cluster.create_database()
    db = Database(pg_cluster.url(name))
    db.upgrade()
    yield db
    db.dispose()
    pg_cluster.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database(request: pytest.FixtureRequest) -> object:
    """A migrated Database, once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue("sqlite_database" if request.param == "sqlite" else "pg_database")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty (unmigrated) database URL, once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    cluster: servers.PostgresCluster = request.getfixturevalue("pg_cluster")
    name = cluster.create_database()
    yield cluster.url(name)
    cluster.drop_database(name)


# ---------------------------------------------------------------------- GnuPG
@pytest.fixture
def gnupghome() -> Iterator[Path]:
    """A temp GnuPG home (short path: agent sockets have a length limit); its agent is stopped afterwards."""
    home = Path(tempfile.mkdtemp(prefix="scg-", dir="/tmp" if sys.platform != "win32" else None))
    os.chmod(home, 0o700)
    yield home
    if shutil.which("gpgconf"):
        subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "all"], capture_output=True, check=False)
    shutil.rmtree(home, ignore_errors=True)


# ---------------------------------------------------------------------- sshd
@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[servers.Sshd]:
    """A real OpenSSH sshd on 127.0.0.1 on a free port (see docs/DEVELOPING.md)."""
    with servers.run_sshd(tmp_path / "sshd") as server:
        yield server


# ---------------------------------------------------------------------- Xvfb
@pytest.fixture
def xvfb_display(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real X server at 1920x1080x24 (mss refuses 16-bit screens); DISPLAY points at it."""
    with servers.run_xvfb() as display:
        monkeypatch.setenv("DISPLAY", display)
        yield display


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xvfb_screen") and "xvfb_display" not in getattr(item, "fixturenames", ()):
            item.fixturenames.append("xvfb_display")  # type: ignore[attr-defined]


# ---------------------------------------------------------------------- CLI and fixtures on disk
@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[[list[str]], tuple[int, str, str]]:
    """Run ``support-console ARGS`` in-process: returns (exit code, stdout, stderr)."""
    from console.cli import main

    def run(args: list[str]) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(args)
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="session")
def har_fixtures_dir() -> Path:
    path = SHARED / "fixtures" / "har"
    if not path.is_dir():
        pytest.fail(f"HAR corpus not found at {path}")
    return path


@pytest.fixture(scope="session")
def kb_dir() -> Path:
    return SHARED / "kb"
