"""Shared set-up for the HAR inspector's view tests: a shown page of a given size, and opening a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from console.workers import wait_for_all

WPT = "webpagetest2.19_firefox-nightly_bbc_1050entries.har"


def make_page(qtbot: Any, ctx: Any, width: int, height: int) -> Any:
    from console.views.har_page import HarPage

    widget = HarPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    return widget


def page_fixture(qtbot: Any, ctx: Any, width: int, height: int) -> Iterator[Any]:
    """Body of a page fixture: the page, then background work drained and stray message boxes closed."""
    widget = make_page(qtbot, ctx, width, height)
    yield widget
    wait_for_all()
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox):
            w.close()


def open_har(qtbot: Any, page: Any, path: Path) -> Any:
    """Open ``path`` in ``page`` and wait until it is loaded and analysed."""
    with qtbot.waitSignal(page.analysis_ready, timeout=20000), \
            qtbot.waitSignal(page.document_loaded, timeout=20000):
        page.open_paths([path])
    return page.doc
