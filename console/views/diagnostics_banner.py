"""The "database unavailable" banner of the diagnostics tabs, and the way they reach the database.

Every diagnostics call that needs the database resolves ``ctx.ready_database()`` inside the
worker (:func:`with_database`), so a database that is down reaches the worker's error handler,
not the GUI thread's uncaught-exception hook, and never blocks the window while it times out.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from console.context import AppContext


def with_database(ctx: AppContext, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn(database, *args, **kwargs)`` with the database opened on the worker thread.

    ``functools.wraps`` keeps ``fn``'s signature visible, so ``run_worker`` still hands it
    ``progress`` and ``cancel``.
    """

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        return fn(ctx.ready_database(), *args, **kwargs)

    return call


class DiagnosticsDatabaseBanner(QLabel):
    """A warning strip shown while the database is unavailable; hidden otherwise."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { background: #fff3e0; color: #6d4c00; border: 1px solid #ffb74d;"
                           " border-radius: 3px; padding: 6px; }")
        self.setText(self.tr("The database is not available, so {what} cannot be used right now. "
                             "Correct the database setting under File ▸ Preferences (a fixed setting works at "
                             "once, without a restart), or ask whoever runs the team database.").format(what=what))
        self.hide()

    def set_database_ready(self, ready: bool | None) -> None:
        self.setVisible(ready is False)
