"""Files dropped on a widget: one reading of a drag's data for every drop target in the console."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData


def dropped_paths(mime: QMimeData | None, suffixes: Iterable[str] = ()) -> list[Path]:
    """The local files in a drag (only those ending in ``suffixes``, case-insensitive, when given)."""
    if mime is None or not mime.hasUrls():
        return []
    wanted = tuple(s.lower() for s in suffixes)
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if not wanted or p.name.lower().endswith(wanted)]
