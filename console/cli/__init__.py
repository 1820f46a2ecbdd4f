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
import os
import re
import sys
from collections.abc import Sequence

from console import __version__

log = logging.getLogger(__name__)

PROG = "support-console"
_SECRET_OPTION = re.compile(r"pass|pin|secret|token|key", re.I)

#: Areas in the order ``--help`` lists them; each is ``console.cli.<name>`` with ``register(subparsers)``.
AREA_MODULES = ("sls", "demo", "bundle", "screenshot", "har", "gpg", "sftp", "db", "doctor", "config")


class _Parser(argparse.ArgumentParser):
    """argparse, but errors say how to get help (still usage + exit 2), and a verb reports its own
    unknown arguments with its own usage (plain argparse leaves that to the top-level parser)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and self._subparsers is None and self.prog != PROG:  # a leaf: an area's verb
            options = [e for e in extras if e.startswith("-")]
            if any(_SECRET_OPTION.search(o) for o in options):
                self.error("passphrases, PINs and keys are not taken on the command line (shell history and "
                           "process lists show them): use the option's -file form (- for stdin) or the prompt")
            self.error(f"unrecognized arguments: {' '.join(options or ['(' + str(len(extras)) + ' values)'])}")
        return parsed, extras


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``only`` just that area's verbs (a command line pays only for its area)."""
    parser = _Parser(prog=PROG, description="Support Console. Run without arguments to open the window.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="also log to stderr")
    sub = parser.add_subparsers(dest="area", metavar="<area>", parser_class=_Parser)
    for name in AREA_MODULES if only is None else (only,):
        module = importlib.import_module(f"console.cli.{name}")
        module.register(sub)
    return parser


def _area_of(argv: list[str]) -> str | None:
    """The area named by the first non-option argument, when it is one of ours."""
    for arg in argv:
        if arg in ("-v", "--verbose"):
            continue
        return arg if arg in AREA_MODULES else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from console.app import run_gui

        return run_gui()
    parser = build_parser(_area_of(argv))
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        # An area without a verb: show that area's help.
        sub_parser = getattr(args, "area_parser", parser)
        sub_parser.print_help(sys.stderr)
        return 2
    from console.cli.runner import run_handler

    return run_handler(handler, args)


def entry() -> None:
    """The ``support-console`` executable: :func:`main`, then a fast exit.

    Freeing a large loaded document (a HAR of hundreds of MB) object by object at interpreter
    exit takes longer than the work itself; logs and streams are flushed first, then the
    process ends without that teardown.
    """
    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
