"""CLI for the sftp area (lands with its issue)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Nothing to register until the area lands."""
