"""``doctor``: what a support engineer checks first on a desk.

Each check is a :class:`Check` with ``ok`` and a human-readable ``detail``. The Qt check is
passed in by the caller (services never import Qt).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from console import __version__
from console.services.db import Database

GPG_INSTALL_HINT = {
    "win32": "install Gpg4win (gpg4win.org)",
    "darwin": "install GPG Suite (gpgtools.org) or 'brew install gnupg'",
}.get(sys.platform, "install your distribution's gnupg package (e.g. 'apt install gnupg')")


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: str
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(data.pop("extra"))
        return data


def _version_line(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"cannot run ({exc})"
    out = (proc.stdout or proc.stderr).strip().splitlines()
    return out[0] if out else f"exit code {proc.returncode}"


def find_gpg(configured: str = "gpg") -> str | None:
    if configured and configured != "gpg":
        return shutil.which(configured) or (configured if Path(configured).is_file() else None)
    for name in ("gpg", "gpg2"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            if base:
                candidate = Path(base) / "GnuPG" / "bin" / "gpg.exe"
                if candidate.exists():
                    return str(candidate)
    return None


def check_gpg(configured: str = "gpg") -> Check:
    path = find_gpg(configured)
    if path is None:
        return Check(False, f"gpg not found: {GPG_INSTALL_HINT}", {"path": None, "version": None})
    version = _version_line([path, "--version"])
    return Check(True, f"{version} at {path}", {"path": path, "version": version})


def check_ssh() -> Check:
    path = shutil.which("ssh")
    if path is None:
        return Check(False, "OpenSSH client not found (only needed to compare with the console's own sFTP)",
                     {"path": None, "version": None})
    version = _version_line([path, "-V"])
    return Check(True, f"{version} at {path}", {"path": path, "version": version})


def check_screens() -> Check:
    try:
        import mss
        from mss.exception import ScreenShotError
    except ImportError as exc:  # pragma: no cover - mss is a dependency
        return Check(False, f"screen capture library missing ({exc})", {"count": 0, "monitors": []})
    try:
        with mss.MSS() as sct:
            monitors = [{"index": i, "width": m["width"], "height": m["height"], "left": m["left"], "top": m["top"]}
                        for i, m in enumerate(sct.monitors) if i > 0]
    except ScreenShotError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else "no display"
        if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            reason = "no display (DISPLAY is not set)"
        return Check(False, f"no screen visible to capture: {reason}", {"count": 0, "monitors": []})
    sizes = ", ".join(f"{m['width']}x{m['height']}" for m in monitors)
    return Check(bool(monitors), f"{len(monitors)} screen(s): {sizes}" if monitors else "no screen found",
                 {"count": len(monitors), "monitors": monitors})


def check_dir(path: Path) -> Check:
    """Writable (existing) or creatable (nearest existing parent writable). Creates nothing."""
    path = Path(path)
    if path.exists():
        if not path.is_dir():
            return Check(False, f"{path} exists but is not a folder", {"path": str(path)})
        try:
            with tempfile.NamedTemporaryFile(dir=path, prefix=".doctor-"):
                pass
        except OSError as exc:
            return Check(False, f"{path} is not writable ({exc.strerror or exc})", {"path": str(path)})
        return Check(True, f"{path} is writable", {"path": str(path)})
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if os.access(parent, os.W_OK | os.X_OK):
        return Check(True, f"{path} will be created on first use", {"path": str(path)})
    return Check(False, f"{path} cannot be created: {parent} is not writable", {"path": str(path)})


def check_database(database: Database) -> Check:
    status = database.status()
    return Check(status.reachable and status.at_head, status.detail,
                 {"url": status.url, "backend": status.backend, "revision": status.revision,
                  "head": status.head, "at_head": status.at_head, "reachable": status.reachable})


def run_doctor(database: Database, dirs: dict[str, Path], qt: Check, gpg_binary: str = "gpg") -> dict[str, Any]:
    """All checks as a JSON-ready dict (keys as documented in the README)."""
    data_dir = dirs["data_dir"]
    dir_checks = {name: check_dir(path) for name, path in dirs.items()}
    data_check = dir_checks["data_dir"]
    others_ok = all(c.ok for c in dir_checks.values())
    detail = data_check.detail if others_ok else "; ".join(c.detail for c in dir_checks.values() if not c.ok)
    report: dict[str, Any] = {
        "app_version": Check(True, f"Support Console {__version__}", {"version": __version__}).as_dict(),
        "python": Check(sys.version_info >= (3, 10), f"Python {platform.python_version()} at {sys.executable}",
                        {"version": platform.python_version()}).as_dict(),
        "qt": qt.as_dict(),
        "gpg": check_gpg(gpg_binary).as_dict(),
        "ssh": check_ssh().as_dict(),
        "screens": check_screens().as_dict(),
        "database": check_database(database).as_dict(),
        "data_dir": Check(others_ok, detail, {"path": str(data_dir),
                                              "dirs": {k: v.as_dict() for k, v in dir_checks.items()}}).as_dict(),
    }
    report["ok"] = all(v["ok"] for k, v in report.items() if isinstance(v, dict) and k not in ("screens", "ssh"))
    return report
