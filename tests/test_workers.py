"""Workers: result, progress, errors, cancel; the GUI thread is never blocked or touched from a worker."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from console.services.errors import Cancelled, InvalidInput
from console.workers import Worker, run_worker


def slow_sum(n: int, *, progress=None, cancel=None) -> int:
    total = 0
    for i in range(n):
        if cancel is not None and cancel.is_set():
            raise Cancelled("stopped")
        total += i
        if progress is not None:
            progress(i + 1, n)
    return total


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:
    main = threading.current_thread()
    seen: list[tuple[int, int]] = []
    threads: list[bool] = []

    def on_progress(done: int, total: int) -> None:
        seen.append((done, total))
        threads.append(threading.current_thread() is main)

    results: list[int] = []
    worker = run_worker(slow_sum, 50, on_result=results.append, on_progress=on_progress, start=False)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.start()
    qtbot.waitUntil(lambda: results == [sum(range(50))])
    assert seen[-1] == (50, 50) and all(threads)


def test_user_facing_error_goes_to_on_error(qtbot) -> None:
    def bad() -> None:
        raise InvalidInput("that file is not a HAR")

    errors: list[BaseException] = []
    worker = run_worker(bad, on_error=errors.append, start=False)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.start()
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], InvalidInput)


def test_default_error_handler_shows_a_dialog(qtbot) -> None:
    def bad() -> None:
        raise InvalidInput("a clear message")

    worker = run_worker(bad, start=False)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.start()

    def dialog_shown() -> bool:
        from PySide6.QtWidgets import QApplication

        return any(isinstance(w, QMessageBox) and w.text() == "a clear message" for w in QApplication.allWidgets())

    qtbot.waitUntil(dialog_shown)
    from PySide6.QtWidgets import QApplication

    for w in QApplication.allWidgets():
        if isinstance(w, QMessageBox):
            w.close()


def test_cancel_stops_between_steps(qtbot) -> None:
    started = threading.Event()
    release = threading.Event()

    def waits(*, cancel=None, progress=None) -> str:
        started.set()
        release.wait(5)
        if cancel.is_set():
            raise Cancelled("stopped")
        return "finished"

    results: list[str] = []
    cancelled: list[bool] = []
    worker = run_worker(waits, on_result=results.append, on_cancelled=lambda: cancelled.append(True), start=False)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.start()
        assert started.wait(5)
        worker.cancel()
        release.set()
    qtbot.waitUntil(lambda: cancelled == [True])
    assert results == []


def test_bug_in_worker_carries_its_traceback(qtbot) -> None:
    def buggy() -> None:
        return {}["missing"]

    errors: list[BaseException] = []
    worker = run_worker(buggy, on_error=errors.append, start=False)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.start()
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], KeyError)
    assert "buggy" in errors[0].formatted_traceback


def test_progress_panel_tracks_and_cancels(qtbot) -> None:
    from console.views.progress_panel import ProgressPanel

    panel = ProgressPanel()
    qtbot.addWidget(panel)
    release = threading.Event()

    def waits(*, cancel=None) -> None:
        release.wait(5)
        if cancel.is_set():
            raise Cancelled("stopped")

    worker = Worker(waits)
    panel.track(worker, "Loading…")
    assert panel.isVisibleTo(panel.parentWidget() or panel) or not panel.isHidden()
    worker.start()
    panel.cancel()
    assert worker.is_cancelled
    release.set()
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert panel.isHidden()


def test_writer_pool_has_one_thread() -> None:
    from console.workers import writer_pool

    assert writer_pool().maxThreadCount() == 1


@pytest.fixture(autouse=True)
def _drain(qtbot):
    yield
    from console.workers import wait_for_all

    wait_for_all(5000)


def test_report_for_a_deleted_widget_is_dropped(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    worker = run_worker(slow_sum, 10, on_result=lambda value: label.setText(str(value)), start=False)
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label))
    # result is queued before finished: by the time finished arrives, the report has been dropped (an
    # exception in the event loop would fail the test through pytest-qt)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000):
        worker.start()
