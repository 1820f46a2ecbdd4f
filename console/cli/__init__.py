"""``support-console``: no arguments opens the GUI; ``support-console <area> <verb> [--json]`` is the CLI.

Each area registers its verbs in its own module (``console/cli/<area>.py``, a ``register``
function). Handlers take ``(args, ctx)`` and return an exit code (``None`` means 0). Expected
failures (:class:`~console.services.errors.UserFacingError`) print one line on stderr and exit
with their code (2 unless the area says otherwise); bugs are logged with their traceback and
reported in one line that points at the log file.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from console import __version__

log = logging.getLogger(__name__)

PROG = "support-console"

#: Areas in the order ``--help`` lists them; each is ``console.cli.<name>`` with ``register(subparsers)``.
AREA_MODULES = ("sls", "demo", "bundle", "screenshot", "har", "gpg", "sftp", "db", "doctor", "config")


class _Parser(argparse.ArgumentParser):
    """argparse, but errors say how to get help (still usage + exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n(run '{self.prog} --help' for the list)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Support Console. Run without arguments to open the window.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="also log to stderr")
    sub = parser.add_subparsers(dest="area", metavar="<area>", parser_class=_Parser)
    for name in AREA_MODULES:
        module = importlib.import_module(f"console.cli.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from console.app import run_gui

        return run_gui()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        # An area without a verb: show that area's help.
        sub_parser = getattr(args, "area_parser", parser)
        sub_parser.print_help(sys.stderr)
        return 2
    from console.cli.runner import run_handler

    return run_handler(handler, args)
