"""The GUI side of the two error channels: a dialog for expected failures, the crash dialog for bugs."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from console.services.errors import UserFacingError

log = logging.getLogger(__name__)

# Message boxes without a parent must stay referenced until closed, or Python collects them at once.
_orphans: set[QMessageBox] = set()


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None else QApplication.activeWindow()


def show_error(parent: QWidget | None, exc: UserFacingError) -> None:
    """An expected failure: its title, message and what to do."""
    log.warning("%s", exc.one_line())
    box = QMessageBox(_parent(parent))
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(exc.title)
    box.setText(exc.message)
    if exc.hint:
        box.setInformativeText(exc.hint)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    if box.parent() is None:
        _orphans.add(box)
        box.finished.connect(lambda _=0: _orphans.discard(box))
    box.open()


def show_exception(parent: QWidget | None, exc: BaseException) -> None:
    """Route any exception from a worker: UserFacingError → dialog, anything else → crash dialog."""
    if isinstance(exc, UserFacingError):
        show_error(parent, exc)
        return
    if isinstance(exc, OSError) and exc.filename is not None:
        # A file or folder that cannot be used is something the person can fix, not a crash.
        target = exc.filename2 or exc.filename
        show_error(parent, UserFacingError(f"Cannot use {target}: {exc.strerror or exc}.",
                                           hint="Choose another file or folder, or check its permissions."))
        return
    from console.views.crash_dialog import report_crash

    text = getattr(exc, "formatted_traceback", None) or f"{type(exc).__name__}: {exc}"
    report_crash(text)
