"""Printing for CLI handlers: JSON (orjson; dataclasses, paths and dates handled) or plain text."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson

from console.cli import PROG


def _default(obj: Any) -> Any:
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, (set, frozenset)):
        return sorted(obj)
    if isinstance(obj, bytes):
        return obj.decode("utf-8", "replace")
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def to_json(obj: Any) -> str:
    return orjson.dumps(obj, default=_default, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()


def emit(args: argparse.Namespace, obj: Any, text: Callable[[Any], str] | str | None = None) -> None:
    """Print ``obj`` as JSON with ``--json``, else as ``text(obj)`` (or the JSON when no text form)."""
    if getattr(args, "json", False) or text is None:
        sys.stdout.write(to_json(obj) + "\n")
        return
    out = text(obj) if callable(text) else text
    if out:
        sys.stdout.write(out if out.endswith("\n") else out + "\n")


def table(rows: Iterable[Sequence[Any]], headers: Sequence[str]) -> str:
    """A plain aligned text table."""
    rows = [["" if c is None else str(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def add_area(sub: Any, name: str, help_text: str) -> Any:
    """Add an area parser (``support-console NAME ...``) and return its verb subparsers."""
    if help_text[1:2].islower():  # "diagnostic bundles" -> "Diagnostic bundles", but "sFTP" stays
        help_text = help_text[:1].upper() + help_text[1:]
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(area_parser=parser, prog_name=PROG)
    verbs = parser.add_subparsers(dest="verb", metavar="<verb>", parser_class=type(parser))
    return verbs


def add_verb(verbs: Any, name: str, handler: Callable[..., int | None], help_text: str, *,
             json: bool = True) -> argparse.ArgumentParser:
    """Add ``<area> NAME`` running ``handler(args, ctx)``; with ``json`` it takes ``--json``."""
    parser: argparse.ArgumentParser = verbs.add_parser(name, help=help_text, description=help_text)
    # No abbreviations: "--passphrase X" must never be taken for "--passphrase-file X" (and echo X back).
    parser.allow_abbrev = False
    parser.set_defaults(handler=handler, prog_name=PROG)
    if json:
        parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    return parser


def read_secret(path: str | None, *, prompt: str = "Passphrase: ", confirm: bool = False,
                what: str = "passphrase", option: str = "--passphrase-file") -> str:
    """A passphrase (or PIN) from a file (``-`` = stdin), or an interactive prompt; never from the command line."""
    from console.services.errors import InvalidInput

    try:
        if path == "-":
            value = sys.stdin.readline().rstrip("\r\n")
        elif path:
            with open(path, encoding="utf-8") as fh:
                value = fh.readline().rstrip("\r\n")
        else:
            if not sys.stdin.isatty():
                raise InvalidInput(f"A {what} is needed: give {option} FILE (or - for stdin).")
            import getpass

            value = getpass.getpass(prompt)
            if confirm and getpass.getpass("Repeat: ") != value:
                raise InvalidInput(f"The two {what}s differ.")
    except OSError as exc:
        raise InvalidInput(f"Cannot read the {what} file {path} ({exc.strerror or exc}).") from exc
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"The {what} file {path} is not UTF-8 text.",
                           hint=f"Put the {what} on the first line of a plain text file.") from exc
    return value


def int_range(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (a clear usage error otherwise)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range ({low} to {high})")
        return value

    parse.__name__ = "number"
    return parse


#: Database ids, counts and limits; TCP ports.
ID = int_range(1, 2**63 - 1)
COUNT = int_range(1, 1_000_000)
PORT = int_range(1, 65535)
