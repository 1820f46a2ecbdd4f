"""``support-console demo load``: fill the database with the demo clients and devices."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from console.cli.output import add_area, add_verb, emit


def register(sub: Any) -> None:
    verbs = add_area(sub, "demo", "Demo data for trying the console")
    p = add_verb(verbs, "load", load, "load the demo clients and SLS devices (safe to repeat)")
    p.add_argument("--if-empty", action="store_true", help="only when the database has no client data yet")


def load(args: argparse.Namespace, ctx: Any) -> None:
    from console.services.sls.demo import load_demo

    result = load_demo(ctx.ready_database(), if_empty=args.if_empty)
    emit(args, asdict(result), result.message)
