"""Runs one CLI handler: logging, the shared context, and the two error channels."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from console.services.errors import UserFacingError

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace, "object"], "int | None"]


def run_handler(handler: Callable[..., int | None], args: argparse.Namespace) -> int:
    from console import logs
    from console.context import AppContext

    ctx: AppContext | None = None
    try:
        ctx = AppContext()
        logs.setup_logging(ctx.data_dir / "logs", stderr_level=logging.INFO if args.verbose else None)
        code = handler(args, ctx)
        return 0 if code is None else int(code)
    except UserFacingError as exc:
        print(f"{args.prog_name}: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{args.prog_name}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if isinstance(exc, OSError) and exc.filename is not None:
            # A path that cannot be read or written (a folder where a file was expected, no space, no
            # permission): the person can act on it, so it is not a crash.
            target = exc.filename2 or exc.filename
            print(f"{args.prog_name}: {target}: {exc.strerror or exc}.", file=sys.stderr)
            return 2
        log.exception("unexpected error in %s", " ".join(sys.argv[1:3]))
        where = logs.log_file()
        tail = f" (details in {where})" if where else ""
        first = logs.scrub(str(exc)).strip().splitlines()
        summary = first[0][:200] if first else ""
        print(f"{args.prog_name}: internal error: {type(exc).__name__}: {summary}{tail}", file=sys.stderr)
        return 1
    finally:
        if ctx is not None:
            ctx.close()
