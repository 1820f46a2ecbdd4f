"""``support-console config show|set|unset``: the same settings as the Preferences dialog."""

from __future__ import annotations

import argparse
from typing import Any

from console.cli.output import add_area, add_verb, emit, table
from console.config import OPTIONS, OPTIONS_BY_NAME, settings_file
from console.context import AppContext
from console.services.db import mask_url
from console.services.errors import InvalidInput


def _display(name: str, value: Any) -> str:
    return mask_url(str(value)) if name == "db_url" else str(value)


def show(args: argparse.Namespace, ctx: AppContext) -> None:
    s = ctx.settings
    rows = [{"name": o.name, "value": _display(o.name, getattr(s, o.name)), "source": s.source(o.name),
             "env": o.env, "help": o.help} for o in OPTIONS]
    emit(args, {"file": str(settings_file()), "settings": rows},
         lambda d: table([(r["name"], r["value"], r["source"], r["env"]) for r in d["settings"]],
                         ("name", "value", "from", "environment variable")) + f"\n\nsettings file: {d['file']}")


def set_(args: argparse.Namespace, ctx: AppContext) -> None:
    if args.name not in OPTIONS_BY_NAME:
        raise InvalidInput(f"Unknown setting '{args.name}'.", hint=f"Known: {', '.join(OPTIONS_BY_NAME)}.")
    ctx.settings.save({args.name: args.value})
    opt = OPTIONS_BY_NAME[args.name]
    note = ""
    if ctx.settings.source(args.name) == "env":
        note = f" (note: {opt.env} is set and still takes precedence)"
    print(f"{args.name} saved{note}")


def unset(args: argparse.Namespace, ctx: AppContext) -> None:
    if args.name not in OPTIONS_BY_NAME:
        raise InvalidInput(f"Unknown setting '{args.name}'.", hint=f"Known: {', '.join(OPTIONS_BY_NAME)}.")
    ctx.settings.save({args.name: None})
    print(f"{args.name} reset to its default")


def register(sub: Any) -> None:
    verbs = add_area(sub, "config", "settings (environment variables override them)")
    add_verb(verbs, "show", show, "list every setting, its value and where it comes from")
    p = add_verb(verbs, "set", set_, "save a setting", json=False)
    p.add_argument("name")
    p.add_argument("value")
    p = add_verb(verbs, "unset", unset, "remove a saved setting (back to its default)", json=False)
    p.add_argument("name")
