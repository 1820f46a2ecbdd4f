"""The crash path: uncaught exceptions (any thread) are logged and shown with "Copy details"."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtGui import QGuiApplication

from console.views import crash_dialog


@pytest.fixture
def hooks(qtbot):
    reporter = crash_dialog.install_excepthooks()
    yield reporter
    for d in list(reporter.dialogs):
        d.close()
    crash_dialog.uninstall_excepthooks()


def _raise_and_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        sys.excepthook(*sys.exc_info())


def test_gui_thread_bug_opens_crash_dialog(qtbot, hooks) -> None:
    _raise_and_hook(ValueError("a bug with password=hunter22"))
    qtbot.waitUntil(lambda: len(hooks.dialogs) == 1)
    dialog = hooks.dialogs[0]
    assert "ValueError" in dialog.details and "hunter22" not in dialog.details
    dialog.copy_details()
    assert "ValueError" in QGuiApplication.clipboard().text()


def test_worker_thread_bug_is_marshalled_to_gui_thread(qtbot, hooks) -> None:
    def boom() -> None:
        raise RuntimeError("from a thread")

    t = threading.Thread(target=boom)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(hooks.dialogs) == 1)
    assert "from a thread" in hooks.dialogs[0].details


def test_user_facing_error_is_not_a_crash(qtbot, hooks) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from console.services.errors import InvalidInput

    _raise_and_hook(InvalidInput("expected problem"))
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets()))
    assert hooks.dialogs == []
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox):
            w.close()


def test_crash_loop_is_capped(qtbot, hooks) -> None:
    for i in range(6):
        _raise_and_hook(ValueError(f"bug {i}"))
    qtbot.waitUntil(lambda: len(hooks.dialogs) == 3)
