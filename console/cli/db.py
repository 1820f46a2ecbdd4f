"""``support-console db status|upgrade``."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from console.cli.output import add_area, add_verb, emit
from console.context import AppContext


def _text(status: Any) -> str:
    return (f"URL:      {status.url}\nBackend:  {status.backend}\nRevision: {status.revision or '(none)'}\n"
            f"Latest:   {status.head}\nStatus:   {status.detail}")


def status(args: argparse.Namespace, ctx: AppContext) -> int:
    st = ctx.database.status()
    emit(args, asdict(st), lambda _: _text(st))
    if not st.reachable:
        return 2
    return 0


def upgrade(args: argparse.Namespace, ctx: AppContext) -> int:
    from console.services.errors import DatabaseUnavailable

    if ctx.database.is_sqlite:
        ctx.settings.ensure_data_dir()
    before = ctx.database.status()
    if not before.reachable:
        raise DatabaseUnavailable(before.detail)
    st = ctx.database.upgrade()
    emit(args, asdict(st), lambda _: f"{st.url}: {before.revision or '(empty)'} -> {st.revision}")
    return 0


def register(sub: Any) -> None:
    verbs = add_area(sub, "db", "the console's database")
    add_verb(verbs, "status", status, "show the database URL (password masked) and its revision")
    add_verb(verbs, "upgrade", upgrade, "apply pending migrations")
