"""``support-console doctor [--json]``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from console.cli.output import emit
from console.context import AppContext

ORDER = ("app_version", "python", "qt", "gpg", "ssh", "screens", "database", "data_dir")
LABELS = {"app_version": "Support Console", "python": "Python", "qt": "Qt", "gpg": "GnuPG", "ssh": "OpenSSH",
          "screens": "Screens", "database": "Database", "data_dir": "Data folders"}


def qt_check() -> Any:
    from console.services.doctor import Check

    try:
        import PySide6
        from PySide6 import QtCore
    except ImportError as exc:
        return Check(False, f"PySide6 cannot be loaded: {exc}", {"version": None})
    version = QtCore.qVersion()
    return Check(True, f"Qt {version} (PySide6 {PySide6.__version__})",
                 {"version": version, "pyside": PySide6.__version__})


def doctor(args: argparse.Namespace, ctx: AppContext) -> int:
    from console.services.doctor import run_doctor

    s = ctx.settings
    dirs = {"data_dir": Path(s.data_dir), "bundle_store_dir": Path(s.bundle_store_dir),
            "gnupg_home": Path(s.gnupg_home)}
    report = run_doctor(ctx.database, dirs, qt_check(), str(s.gpg_binary))

    def text(r: dict[str, Any]) -> str:
        lines = []
        for key in ORDER:
            mark = "ok  " if r[key]["ok"] else "FAIL"
            lines.append(f"[{mark}] {LABELS[key]:<16} {r[key]['detail']}")
        lines.append("All essential checks passed." if r["ok"] else "Some essential checks failed (see above).")
        return "\n".join(lines)

    emit(args, report, text)
    return 0 if report["ok"] else 1


def register(sub: Any) -> None:
    parser = sub.add_parser("doctor", help="Check this desk: versions, gpg, screens, database, folders",
                            description="Check what a support engineer checks first on a desk.")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.set_defaults(handler=doctor, prog_name="support-console", area_parser=parser)
